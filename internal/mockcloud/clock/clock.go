// Package clock provides the mock cloud's virtual clock: real time plus an offset that tests
// and the admin endpoint can move forward, so that hours-long windows pass in a moment.
package clock

import (
	"sync"
	"time"
)

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

// Advance moves the clock forward by d. Negative durations are ignored: time never runs back.
func (c *Clock) Advance(d time.Duration) {
	if d <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.offset += d
}

// Offset reports how far the clock runs ahead of real time.
func (c *Clock) Offset() time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.offset
}
