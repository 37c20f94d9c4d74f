package conns

import (
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Client-side rate limiting. Every *Service (one product of one provider instance, shared by
// all its resources) paces its calls with:
//
//   - an optional fixed ceiling for the whole product (Config.RateLimits, the provider's
//     rate_limit block), for accounts whose flow control other automation shares;
//   - an adaptive token bucket per action, as in the AWS SDK's adaptive retry mode: unlimited
//     until the API throttles the action, so that nothing is slower while nothing throttles;
//     then its rate drops to 70% of the rate the calls were being sent at, and climbs back
//     along a cubic curve on every success (CUBIC congestion control), so that a busy apply
//     settles just under the account's limit instead of hammering it.
//
// Alibaba Cloud's flow control counts per API (per user: Throttling.User; for all users:
// Throttling.Api), so one action's throttling slows that action only. Locks are held for the
// arithmetic only: a call waits for its token outside any lock, so unrelated calls never wait
// for each other.

// The adaptive buckets' constants (those of the AWS SDK's adaptive mode).
const (
	// adaptiveBeta is the rate after a throttling answer, as a share of the rate before.
	adaptiveBeta = 0.7
	// adaptiveScale scales the cubic curve the rate climbs back along.
	adaptiveScale = 0.4
	// adaptiveSmooth is the weight of the newest measurement of the sending rate.
	adaptiveSmooth = 0.8
	// adaptiveMinRate is the least rate, in calls per second, an action is slowed to.
	adaptiveMinRate = 0.5
	// measureInterval is how long the sending rate is counted over before it is averaged in.
	measureInterval = 500 * time.Millisecond
)

// rateLimiter paces the calls of one product.
type rateLimiter struct {
	ceiling *rate.Limiter // nil: no fixed ceiling

	mu      sync.Mutex
	actions map[string]*adaptiveBucket
}

// newRateLimiter returns a limiter with a fixed ceiling of perSecond calls per second for the
// whole product (zero or less: none).
func newRateLimiter(perSecond float64) *rateLimiter {
	l := &rateLimiter{actions: map[string]*adaptiveBucket{}}
	if perSecond > 0 {
		l.ceiling = rate.NewLimiter(rate.Limit(perSecond), burstOf(perSecond))
	}
	return l
}

// burstOf is the capacity of a bucket filling at perSecond: one second's worth, at least one.
func burstOf(perSecond float64) int {
	return max(1, int(math.Floor(perSecond)))
}

// bucket returns the adaptive bucket of action, created on first use.
func (l *rateLimiter) bucket(action string, now time.Time) *adaptiveBucket {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.actions[action]
	if !ok {
		b = &adaptiveBucket{measureStart: now}
		l.actions[action] = b
	}
	return b
}

// reserve takes a token for one attempt of action, from the ceiling and from the action's
// bucket, and returns how long to wait before sending it, and a function that gives the
// tokens back when the attempt is not sent after all.
func (l *rateLimiter) reserve(action string, now time.Time) (time.Duration, func()) {
	var delay time.Duration
	var reservations []*rate.Reservation
	if l.ceiling != nil {
		r := l.ceiling.ReserveN(now, 1)
		reservations = append(reservations, r)
		delay = r.DelayFrom(now)
	}
	if r := l.bucket(action, now).reserve(now); r != nil {
		reservations = append(reservations, r)
		delay = max(delay, r.DelayFrom(now))
	}
	return delay, func() {
		for _, r := range reservations {
			r.CancelAt(now)
		}
	}
}

// observe tells action's bucket how an attempt ended (throttled or not) and returns the
// bucket's rate afterwards (0: unlimited) and whether it changed.
func (l *rateLimiter) observe(action string, throttled bool, now time.Time) (perSecond float64, changed bool) {
	return l.bucket(action, now).observe(throttled, now)
}

// adaptiveBucket is one action's adaptive token bucket.
type adaptiveBucket struct {
	mu sync.Mutex
	// limiter is nil until the first throttling answer: no limit.
	limiter *rate.Limiter
	// fillRate is limiter's rate, in calls per second.
	fillRate float64
	// lastMaxRate is the rate when the API last throttled, and lastThrottle when.
	lastMaxRate  float64
	lastThrottle time.Time
	// measuredRate is the smoothed rate the attempts were sent at; measureCount attempts
	// ended since measureStart.
	measuredRate float64
	measureStart time.Time
	measureCount int
	// averaging says that a whole measureInterval has been counted.
	averaging bool
}

// reserve takes a token, or returns nil while the bucket is unlimited.
func (b *adaptiveBucket) reserve(now time.Time) *rate.Reservation {
	b.mu.Lock()
	limiter := b.limiter
	b.mu.Unlock()
	if limiter == nil {
		return nil
	}
	return limiter.ReserveN(now, 1)
}

// observe updates the measured rate with one more attempt, and the bucket's rate: down on a
// throttling answer, up along the cubic curve on success once the bucket is limited.
func (b *adaptiveBucket) observe(throttled bool, now time.Time) (float64, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.measure(now)
	var target float64
	switch {
	case throttled:
		sending := b.measuredRate
		if b.limiter != nil {
			sending = min(sending, b.fillRate)
		}
		b.lastMaxRate = sending
		b.lastThrottle = now
		target = sending * adaptiveBeta
	case b.limiter == nil:
		return 0, false
	default:
		target = b.cubic(now)
	}
	// Never more than twice what is being sent: a rate far above the demand would let a burst
	// through at once.
	target = max(min(target, 2*b.measuredRate), adaptiveMinRate)
	if b.limiter == nil {
		// Start empty: the first call after a throttling answer already waits.
		b.limiter = rate.NewLimiter(rate.Limit(target), burstOf(target))
		b.limiter.ReserveN(now, burstOf(target))
	} else if target == b.fillRate {
		return target, false
	} else {
		b.limiter.SetLimitAt(now, rate.Limit(target))
		b.limiter.SetBurstAt(now, burstOf(target))
	}
	b.fillRate = target
	return target, true
}

// cubic is the rate the bucket climbs back to, t after the last throttling answer: it starts
// at adaptiveBeta times lastMaxRate, reaches lastMaxRate again after a time that grows with it
// (about 2 s at 10 calls per second), then grows ever faster to find a higher limit.
func (b *adaptiveBucket) cubic(now time.Time) float64 {
	window := math.Cbrt(b.lastMaxRate * (1 - adaptiveBeta) / adaptiveScale)
	d := now.Sub(b.lastThrottle).Seconds() - window
	return adaptiveScale*d*d*d + b.lastMaxRate
}

// measure counts one more attempt and, once per measureInterval, averages the rate counted
// into measuredRate. Before the first interval is over, the rate counted so far stands in.
func (b *adaptiveBucket) measure(now time.Time) {
	b.measureCount++
	elapsed := now.Sub(b.measureStart)
	switch {
	case elapsed >= measureInterval:
		current := float64(b.measureCount) / elapsed.Seconds()
		b.measuredRate = current*adaptiveSmooth + b.measuredRate*(1-adaptiveSmooth)
		b.measureCount = 0
		b.measureStart = now
		b.averaging = true
	case !b.averaging:
		b.measuredRate = float64(b.measureCount) / measureInterval.Seconds()
	}
}
