// Package waiter polls a status function until an asynchronous operation reaches a target
// state (Wait), and repeats a call while it is refused for now (RetryWhen), both with adaptive
// intervals on an injectable clock and bounded by a timeout and the context's deadline.
//
// Its errors say what happened: a *TimeoutError (the wait ran out; it carries the last state
// seen), an *UnexpectedStateError, a *MissingError (the object stayed missing), a
// *RefusedUntilTimeoutError (a call was still refused when its timeout ran out).
package waiter

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Defaults used when the matching Conf field is zero.
//
// The intervals trade how late a completion is noticed against how many polls it costs
// (BenchmarkWait_lateness, mean over completion times within ±25% of the length):
//
//	operation    1s      10s     1m      5m
//	late        0.36s   2.6s    5.0s    5.0s
//	polls       4.6     9.5     15      39
//
// A 5s cap halves the lateness of long operations for about 70% more polls (68 at 5m); a 30s cap
// triples it to save half; starting at 1s doubles the lateness of 1s operations to save four
// polls. Until the cap is reached (23s in), a completion is noticed at most half the time
// already waited plus 0.2s late; after that, at most 10s late.
const (
	DefaultNotFoundChecks = 3
	DefaultMinInterval    = 200 * time.Millisecond
	DefaultMaxInterval    = 10 * time.Second
	// GrowthFactor multiplies the poll interval after every poll, up to MaxInterval.
	GrowthFactor = 1.5
	// FinalPollLead is how long before the context's deadline the last poll starts: a poll at
	// that deadline could not make its call, so the last one is left time to complete.
	FinalPollLead = time.Second
)

// StatusFunc reports the object and its current state. An empty state with a nil error means
// "not found (yet)".
type StatusFunc[T any] func(ctx context.Context) (object T, state string, err error)

// Clock is the time source the waiter sleeps on; tests inject a fake. Now is compared with the
// context's deadline, so a fake that runs far from real time suits a context without one.
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

// Conf describes one wait.
type Conf[T any] struct {
	// Pending states keep the waiter polling; Target states end it successfully. A state in
	// neither list ends it with an *UnexpectedStateError. When Target is empty or contains "",
	// "not found" counts as reaching the target (a wait for deletion).
	Pending, Target []string
	// Refresh reads the current state.
	Refresh StatusFunc[T]
	// Timeout bounds the wait (in addition to ctx's deadline); zero means ctx alone.
	Timeout time.Duration
	// NotFoundChecks is how many consecutive "not found" answers are tolerated; zero means 3.
	NotFoundChecks int
	// MinInterval is the first poll interval (zero: 200ms); intervals grow to MaxInterval
	// (zero: 10s).
	MinInterval, MaxInterval time.Duration
	// IsTransient reports errors to retry instead of returning; nil means none are.
	IsTransient func(error) bool
	// Clock is the time source; nil means real time.
	Clock Clock
}

// realClock is the wall clock.
type realClock struct{}

// Now implements Clock.
func (realClock) Now() time.Time { return time.Now() }

// After implements Clock.
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// Wait polls until a Target state, an unexpected state, an error, or the deadline. It returns
// the last object seen in every case.
//
// The first poll is immediate; later polls wait MinInterval, growing by GrowthFactor up to
// MaxInterval. Two deadlines bound the wait, Timeout after the start and ctx's deadline, and
// the last poll is made as late as each allows: at the end of Timeout, or FinalPollLead before
// ctx's deadline (a poll at that deadline could not be sent). When the next interval would end
// after it, the sleep is shortened to end there, so an operation that completes in the last
// interval is seen. Errors for which IsTransient is true are counted and polling goes on; any
// other error from Refresh is returned as it is, unless ctx ended during the poll (then the
// wait ends as ctx's end says: a *TimeoutError for its deadline).
func Wait[T any](ctx context.Context, conf Conf[T]) (T, error) {
	sched := newSchedule(ctx, conf.Clock, conf.Timeout, conf.MinInterval, conf.MaxInterval)
	notFoundChecks := cmp.Or(conf.NotFoundChecks, DefaultNotFoundChecks)
	notFoundIsTarget := len(conf.Target) == 0 || slices.Contains(conf.Target, "")

	var (
		last       T
		lastState  string
		lastErr    error
		notFound   int
		transients int
	)
	timeout := func() (T, error) {
		return last, &TimeoutError{
			LastState:       lastState,
			ExpectedState:   conf.Target,
			Timeout:         conf.Timeout,
			TransientErrors: transients,
			LastError:       lastErr,
		}
	}

	ended := func(ctxErr error) (T, error) {
		if errors.Is(ctxErr, context.DeadlineExceeded) {
			return timeout()
		}
		return last, ctxErr
	}

	for {
		if err := ctx.Err(); err != nil {
			return ended(err)
		}

		object, state, err := conf.Refresh(ctx)
		switch {
		case err != nil:
			if ctxErr := ctx.Err(); ctxErr != nil {
				return ended(ctxErr) // the poll failed because ctx ended during it
			}
			if conf.IsTransient == nil || !conf.IsTransient(err) {
				return last, err
			}
			transients++
			lastErr = err
		case state == "":
			last, lastState, lastErr = object, "", nil
			if notFoundIsTarget {
				return last, nil
			}
			notFound++
			if notFound > notFoundChecks {
				return last, &MissingError{Checks: notFound}
			}
		default:
			last, lastState, lastErr = object, state, nil
			notFound = 0
			if slices.Contains(conf.Target, state) {
				return last, nil
			}
			if !slices.Contains(conf.Pending, state) {
				return last, &UnexpectedStateError{State: state, ExpectedState: conf.Target}
			}
		}

		if !sched.sleep(ctx) {
			return timeout() // that was the last poll
		}
	}
}

// schedule spaces the polls of a wait, or the attempts of a retried call: the first at once,
// then after MinInterval growing by GrowthFactor up to MaxInterval, the last as late as the
// timeout and the context's deadline allow (see lastPollTime).
type schedule struct {
	clock       Clock
	interval    time.Duration
	maxInterval time.Duration
	lastPoll    time.Time
}

// newSchedule starts a schedule now; zero arguments take the defaults (no timeout, 200ms,
// 10s, the real clock).
func newSchedule(ctx context.Context, clock Clock, timeout, minInterval, maxInterval time.Duration) *schedule {
	if clock == nil {
		clock = realClock{}
	}
	interval := cmp.Or(minInterval, DefaultMinInterval)
	return &schedule{
		clock:       clock,
		interval:    interval,
		maxInterval: max(cmp.Or(maxInterval, DefaultMaxInterval), interval),
		lastPoll:    lastPollTime(ctx, clock.Now(), timeout),
	}
}

// sleep waits until the next poll is due, or until ctx is done. It returns false, without
// waiting, when the poll just made was the last one the deadlines allow. When the next interval
// would end after the last poll time, the sleep is shortened to end there.
func (s *schedule) sleep(ctx context.Context) bool {
	wait := s.interval
	if !s.lastPoll.IsZero() {
		remaining := s.lastPoll.Sub(s.clock.Now())
		if remaining <= 0 {
			return false
		}
		wait = min(wait, remaining)
	}
	select {
	case <-ctx.Done():
		// The caller checks ctx before its next poll.
	case <-s.clock.After(wait):
	}
	s.interval = min(time.Duration(float64(s.interval)*GrowthFactor), s.maxInterval)
	return true
}

// lastPollTime is the latest time a poll may start in a wait that starts at start: the end of
// timeout (zero: none), or FinalPollLead before ctx's deadline, whichever is earlier. It is
// zero when neither bounds the wait.
func lastPollTime(ctx context.Context, start time.Time, timeout time.Duration) time.Time {
	var last time.Time
	if timeout > 0 {
		last = start.Add(timeout)
	}
	if d, ok := ctx.Deadline(); ok {
		if byCtx := d.Add(-FinalPollLead); last.IsZero() || byCtx.Before(last) {
			last = byCtx
		}
	}
	return last
}

// quoteStates renders states for messages: 'A', 'B'; the empty state reads as "not found".
func quoteStates(states []string) string {
	if len(states) == 0 {
		return quoteState("")
	}
	quoted := make([]string, len(states))
	for i, s := range states {
		quoted[i] = quoteState(s)
	}
	return strings.Join(quoted, ", ")
}

func quoteState(s string) string {
	if s == "" {
		return "(not found)"
	}
	return "'" + s + "'"
}

// TimeoutError is returned by Wait when the deadline passes before a target state: the object
// may still get there. It carries the last state seen.
type TimeoutError struct {
	// LastState is the state of the last successful poll ("" when not found).
	LastState string
	// ExpectedState are the target states.
	ExpectedState []string
	// Timeout is Conf.Timeout (zero when only the context's deadline bounded the wait).
	Timeout time.Duration
	// TransientErrors counts the tolerated errors seen during the wait.
	TransientErrors int
	// LastError is the transient error of the last poll, if that poll failed.
	LastError error
}

// Error implements error.
func (e *TimeoutError) Error() string {
	var b strings.Builder
	b.WriteString("timeout while waiting for state to become ")
	b.WriteString(quoteStates(e.ExpectedState))
	fmt.Fprintf(&b, " (last state: %s", quoteState(e.LastState))
	if e.Timeout > 0 {
		fmt.Fprintf(&b, ", timeout: %s", e.Timeout)
	}
	if e.TransientErrors > 0 {
		fmt.Fprintf(&b, ", %d transient error(s) tolerated", e.TransientErrors)
	}
	b.WriteString(")")
	if e.LastError != nil {
		fmt.Fprintf(&b, ": last error: %s", e.LastError)
	}
	return b.String()
}

// Unwrap returns the last transient error, so errors.Is/As see through a timeout.
func (e *TimeoutError) Unwrap() error { return e.LastError }

// UnexpectedStateError is returned when the object reaches a state neither pending nor target.
type UnexpectedStateError struct {
	// State is the state seen.
	State string
	// ExpectedState are the target states.
	ExpectedState []string
}

// Error implements error.
func (e *UnexpectedStateError) Error() string {
	return fmt.Sprintf("unexpected state %s, wanted target %s", quoteState(e.State), quoteStates(e.ExpectedState))
}

// MissingError is returned when the object waited for stays missing (the status function
// reports no state) in more consecutive polls than Conf.NotFoundChecks allow: it never appeared,
// or it vanished during the wait.
type MissingError struct {
	// Checks is how many consecutive polls found nothing.
	Checks int
}

// Error implements error.
func (e *MissingError) Error() string {
	return fmt.Sprintf("object not found after %d consecutive checks", e.Checks)
}
