// Package waiter polls a status function until an asynchronous operation reaches a target
// state, with adaptive intervals on an injectable clock.
package waiter

import (
	"context"
	"time"
)

// StatusFunc reports the object and its current state. An empty state with a nil error means
// "not found (yet)".
type StatusFunc[T any] func(ctx context.Context) (object T, state string, err error)

// Clock is the time source the waiter sleeps on; tests inject a fake.
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

// Conf describes one wait.
type Conf[T any] struct {
	// Pending states keep the waiter polling; Target states end it successfully. A state in
	// neither list ends it with an *UnexpectedStateError.
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

// Wait polls until a Target state, an unexpected state, an error, or the deadline. It returns
// the last object seen in every case.
func Wait[T any](ctx context.Context, conf Conf[T]) (T, error) { panic("TODO") }

// TimeoutError is returned when the deadline passes first.
type TimeoutError struct {
	LastState     string
	ExpectedState []string
	Timeout       time.Duration
}

// Error implements error.
func (e *TimeoutError) Error() string { panic("TODO") }

// UnexpectedStateError is returned when the object reaches a state neither pending nor target.
type UnexpectedStateError struct {
	State         string
	ExpectedState []string
}

// Error implements error.
func (e *UnexpectedStateError) Error() string { panic("TODO") }

// NotFoundError is returned when the object stays missing longer than NotFoundChecks allow.
type NotFoundError struct {
	Checks int
}

// Error implements error.
func (e *NotFoundError) Error() string { panic("TODO") }
