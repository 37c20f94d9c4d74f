// Package clock provides the mock cloud's virtual clock: real time plus an offset that tests
// and the admin endpoint can move forward, so that hours-long windows pass in a moment.
package clock

import (
	"fmt"
	"sync"
	"time"
)

// MaxOffset is how far the virtual clock may run ahead of real time: about a century. Beyond
// it the virtual time would soon leave the years an RFC 3339 timestamp can show, and the
// offset would overflow a time.Duration (about 292 years).
const MaxOffset = 100 * 365 * 24 * time.Hour

// Clock is a concurrency-safe virtual clock. The zero value is not usable; call New.
type Clock struct {
	mu     sync.Mutex
	offset time.Duration
	now    func() time.Time
}

// New returns a clock that starts at real time.
func New() *Clock {
	return &Clock{now: time.Now}
}

// NewStopped returns a clock that stands still at start and moves only when Advance is
// called. Tests use it so that a time read before a call equals the time the call records.
func NewStopped(start time.Time) *Clock {
	return &Clock{now: func() time.Time { return start }}
}

// Now returns the virtual time, in UTC.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now().Add(c.offset).UTC()
}

// Forward moves the clock forward by d. It refuses (and changes nothing) when d is negative,
// since time never runs back, or when the clock would run more than MaxOffset ahead of real
// time.
func (c *Clock) Forward(d time.Duration) error {
	if d < 0 {
		return fmt.Errorf("the clock cannot go back: %s is negative", d)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	// Compared as MaxOffset-offset so that the check itself cannot overflow.
	if d > MaxOffset-c.offset {
		return fmt.Errorf("advancing by %s would put the clock more than %s (about a century) ahead of real time; "+
			"it runs %s ahead now, so at most %s more is allowed", formatHours(d), formatHours(MaxOffset),
			formatHours(c.offset), formatHours(MaxOffset-c.offset))
	}
	c.offset += d
	return nil
}

// Advance is Forward for callers that know d is valid, such as tests: a d that Forward
// refuses is ignored.
func (c *Clock) Advance(d time.Duration) {
	_ = c.Forward(d)
}

// Offset reports how far the clock runs ahead of real time.
func (c *Clock) Offset() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.offset
}

// formatHours shows a long duration in whole hours, as the admin endpoint takes it.
func formatHours(d time.Duration) string {
	return fmt.Sprintf("%dh", d/time.Hour)
}
