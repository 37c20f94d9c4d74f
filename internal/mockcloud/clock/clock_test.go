package clock

import (
	"testing"
	"time"
)

func TestStoppedClockMovesOnlyWhenAdvanced(t *testing.T) {
	start := time.Date(2026, 11, 24, 10, 0, 0, 0, time.FixedZone("UTC+8", 8*3600))
	c := NewStopped(start)
	first := c.Now()
	time.Sleep(2 * time.Millisecond)
	if got := c.Now(); !got.Equal(first) || !got.Equal(start) {
		t.Fatalf("a stopped clock moved on its own: %s, then %s (start %s)", first, got, start)
	}
	if c.Now().Location() != time.UTC {
		t.Errorf("Now is in %s, want UTC", c.Now().Location())
	}
	c.Advance(time.Hour)
	c.Advance(-time.Minute)
	if got, want := c.Now(), start.Add(time.Hour); !got.Equal(want) {
		t.Errorf("after Advance(1h) and Advance(-1m): %s, want %s", got, want)
	}
	if c.Offset() != time.Hour {
		t.Errorf("Offset = %s, want 1h", c.Offset())
	}
}

func TestRunningClockFollowsRealTime(t *testing.T) {
	c := New()
	c.Advance(24 * time.Hour)
	ahead := time.Until(c.Now())
	if ahead < 23*time.Hour || ahead > 25*time.Hour {
		t.Errorf("after Advance(24h) the clock runs %s ahead of real time", ahead)
	}
}

// TestForward_refusesOverflow: an advance that would overflow the offset (or put it beyond
// MaxOffset) or go back is refused and leaves the clock where it was.
func TestForward_refusesOverflow(t *testing.T) {
	start := time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC)
	c := NewStopped(start)
	if err := c.Forward(time.Hour); err != nil {
		t.Fatalf("Forward(1h): %v", err)
	}
	huge := 2562047 * time.Hour // close to the largest time.Duration
	for _, d := range []time.Duration{huge, huge, MaxOffset, -time.Second, time.Duration(1<<63 - 1)} {
		if err := c.Forward(d); err == nil {
			t.Errorf("Forward(%s) was accepted", d)
		}
		if got := c.Now(); !got.Equal(start.Add(time.Hour)) {
			t.Fatalf("after a refused Forward(%s) the clock shows %s, want %s", d, got, start.Add(time.Hour))
		}
	}
	if err := c.Forward(MaxOffset - time.Hour); err != nil {
		t.Fatalf("Forward up to MaxOffset: %v", err)
	}
	if c.Offset() != MaxOffset {
		t.Errorf("Offset = %s, want MaxOffset", c.Offset())
	}
	if err := c.Forward(time.Nanosecond); err == nil {
		t.Error("Forward past MaxOffset was accepted")
	}
	if got, want := c.Now().Year(), start.Add(MaxOffset).Year(); got != want || got > 9999 {
		t.Errorf("the clock shows year %d, want %d", got, want)
	}
}
