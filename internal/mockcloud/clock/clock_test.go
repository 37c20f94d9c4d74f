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
