package waiter

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// RetryConf describes one call repeated while it fails in a way that means "not now".
type RetryConf struct {
	// Action names the call in a *RefusedUntilTimeoutError, e.g. "UpdateBandwidthPackage".
	Action string
	// Timeout bounds the retries (in addition to ctx's deadline); zero means ctx alone.
	Timeout time.Duration
	// Retryable reports the errors to retry; any other error is returned at once. Nil retries
	// none.
	Retryable func(error) bool
	// MinInterval and MaxInterval shape the pauses between attempts as they do Wait's polls
	// (zero: 200ms growing to 10s).
	MinInterval, MaxInterval time.Duration
	// Clock is the time source; nil means real time.
	Clock Clock
}

// RetryWhen calls call until it succeeds, fails with an error Retryable does not accept, or
// the time runs out: then it returns a *RefusedUntilTimeoutError that carries the last error.
// Attempts are spaced as Wait's polls are, the last one made as late as the deadlines allow.
// It is a plain retry loop, apart from Wait: retrying a call is not waiting for a state.
func RetryWhen(ctx context.Context, conf RetryConf, call func(context.Context) error) error {
	sched := newSchedule(ctx, conf.Clock, conf.Timeout, conf.MinInterval, conf.MaxInterval)
	var last error
	attempts := 0
	refused := func() error {
		return &RefusedUntilTimeoutError{Action: conf.Action, Timeout: conf.Timeout, Attempts: attempts, Last: last}
	}
	ended := func(ctxErr error) error {
		if errors.Is(ctxErr, context.DeadlineExceeded) && last != nil {
			return refused()
		}
		return ctxErr
	}
	for {
		if err := ctx.Err(); err != nil {
			return ended(err)
		}
		err := call(ctx)
		if err == nil {
			return nil
		}
		attempts++
		last = err
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ended(ctxErr) // the call failed because ctx ended during it
		}
		if conf.Retryable == nil || !conf.Retryable(err) {
			return err
		}
		if !sched.sleep(ctx) {
			return refused()
		}
	}
}

// RefusedUntilTimeoutError is returned by RetryWhen when a call was still refused (with an
// error it retries) when its timeout ran out. It unwraps to the last error.
type RefusedUntilTimeoutError struct {
	// Action is the call that was retried.
	Action string
	// Timeout is how long it was retried (zero when only the context's deadline bounded it).
	Timeout time.Duration
	// Attempts is how many calls were made.
	Attempts int
	// Last is the last error the call returned.
	Last error
}

// Error implements error.
func (e *RefusedUntilTimeoutError) Error() string {
	return fmt.Sprintf("%s still refused after %d attempts over %s: %v", e.Action, e.Attempts, e.Timeout, e.Last)
}

// Unwrap returns the last error.
func (e *RefusedUntilTimeoutError) Unwrap() error { return e.Last }
