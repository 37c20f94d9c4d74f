package conns

import (
	"testing"
	"time"
)

// TestRateLimiter_unlimitedUntilThrottled: while nothing throttles, no call waits, however many
// are sent at once.
func TestRateLimiter_unlimitedUntilThrottled(t *testing.T) {
	l := newRateLimiter(0)
	now := time.Now()
	for i := range 1000 {
		if d, _ := l.reserve("DescribeBandwidthPackage", now); d != 0 {
			t.Fatalf("call %d waits %s without any throttling", i, d)
		}
		l.observe("DescribeBandwidthPackage", false, now)
	}
}

// TestRateLimiter_throttlingSlowsThatActionOnly: a throttling answer limits the action's rate
// to less than it was sending at; other actions are not slowed.
func TestRateLimiter_throttlingSlowsThatActionOnly(t *testing.T) {
	l := newRateLimiter(0)
	now := time.Now()
	// 20 calls per second for two seconds.
	for i := range 40 {
		at := now.Add(time.Duration(i) * 50 * time.Millisecond)
		l.reserve("A", at)
		l.observe("A", false, at)
	}
	now = now.Add(2 * time.Second)
	rate, changed := l.observe("A", true, now)
	if !changed || rate < 10 || rate > 15 {
		t.Fatalf("rate after a throttle at ~20 calls/s = %.2f (changed %t), want about 70%% of it", rate, changed)
	}
	// The bucket starts empty: calls are spaced at the new rate.
	var waits []time.Duration
	for range 5 {
		d, _ := l.reserve("A", now)
		waits = append(waits, d)
	}
	if waits[0] <= 0 || waits[4] < 4*time.Second/time.Duration(rate+1) {
		t.Errorf("waits after the throttle = %v, want calls spaced at %.1f/s", waits, rate)
	}
	if d, _ := l.reserve("B", now); d != 0 {
		t.Errorf("another action waits %s", d)
	}
}

// TestRateLimiter_climbsBackOnSuccess: after a throttle, successes raise the rate again, past
// the rate that was throttled, so that a limit that went up is found.
func TestRateLimiter_climbsBackOnSuccess(t *testing.T) {
	b := &adaptiveBucket{measureStart: time.Now()}
	now := b.measureStart
	send := func(n int, every time.Duration, throttled bool) float64 {
		var rate float64
		for range n {
			now = now.Add(every)
			rate, _ = b.observe(throttled, now)
		}
		return rate
	}
	send(40, 50*time.Millisecond, false) // 20/s
	low := send(1, 50*time.Millisecond, true)
	if low > 15 {
		t.Fatalf("rate after a throttle = %.1f", low)
	}
	high := send(100, 50*time.Millisecond, false) // 5 s of successes at 20/s
	if high <= 20 {
		t.Errorf("rate after 5s of successes = %.1f, want above the throttled 20/s", high)
	}
	if high > 2*b.measuredRate+0.01 {
		t.Errorf("rate %.1f is more than twice the measured %.1f", high, b.measuredRate)
	}
	// Repeated throttling drives it down to the floor, never to zero.
	for range 50 {
		send(1, 10*time.Millisecond, true)
	}
	if b.fillRate != adaptiveMinRate {
		t.Errorf("rate after many throttles = %.2f, want the floor %.1f", b.fillRate, adaptiveMinRate)
	}
}

// TestRateLimiter_ceiling: a fixed ceiling spaces the product's calls, of every action together.
func TestRateLimiter_ceiling(t *testing.T) {
	l := newRateLimiter(5)
	now := time.Now()
	var last time.Duration
	for i := range 10 {
		action := []string{"A", "B"}[i%2]
		d, _ := l.reserve(action, now)
		if i < 5 && d != 0 {
			t.Errorf("call %d within the burst of 5 waits %s", i, d)
		}
		last = d
	}
	if last < 900*time.Millisecond || last > 1100*time.Millisecond {
		t.Errorf("the 10th call at 5/s waits %s, want 1s", last)
	}
	// A reservation given back frees its token.
	d, giveBack := l.reserve("A", now)
	giveBack()
	if again, _ := l.reserve("A", now); again != d {
		t.Errorf("after giving a token back the next call waits %s, want %s", again, d)
	}
}
