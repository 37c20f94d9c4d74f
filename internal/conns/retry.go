package conns

import (
	"context"
	"errors"
	"math"
	"time"
)

// The retry policy of Do. A call that fails in a way IsRetryable accepts (throttling, 5xx, a
// lost connection, a request timeout) is sent again after a backoff with full jitter; how long
// that goes on depends on where the call is made:
//
//   - inside an operation bounded by its timeouts (a create, update or delete: the context
//     carries the operation's deadline, see WithRetryDeadline), until that deadline, however
//     many attempts that takes: a transient failure never ends an operation with time left;
//   - anywhere else (a refresh's Read, a plan-time read, an import), at most max_retries
//     times (Config.MaxRetries).

// retryDeadlineKey is the context key of WithRetryDeadline.
type retryDeadlineKey struct{}

// WithRetryDeadline returns a context in which Do retries every transient failure until at,
// instead of at most max_retries times. An operation bounded by its timeouts passes it to its
// calls (framework.Deadline.Context does), so that only the timeout, never a count, ends it.
// It sets no deadline on the context: the last attempt may still be made when at has passed,
// so that a last look reports what it saw.
func WithRetryDeadline(ctx context.Context, at time.Time) context.Context {
	return context.WithValue(ctx, retryDeadlineKey{}, at)
}

// RetryDeadline returns the deadline WithRetryDeadline put in ctx, and whether there is one.
func RetryDeadline(ctx context.Context) (time.Time, bool) {
	at, ok := ctx.Value(retryDeadlineKey{}).(time.Time)
	return at, ok
}

// retryBudget decides whether a failed attempt is retried: until a deadline, or a number of
// times.
type retryBudget struct {
	until      time.Time // zero: bounded by maxRetries
	maxRetries int
}

// allows reports whether attempt (1-based), which just failed at now, may be followed by
// another.
func (b retryBudget) allows(attempt int, now time.Time) bool {
	if !b.until.IsZero() {
		return now.Before(b.until)
	}
	return attempt <= b.maxRetries
}

// delay shortens a backoff so that it ends at the deadline, if there is one.
func (b retryBudget) delay(backoff time.Duration, now time.Time) time.Duration {
	if !b.until.IsZero() {
		return max(min(backoff, b.until.Sub(now)), 0)
	}
	return backoff
}

// backoff returns the delay before retry number attempt (1-based): full jitter over an
// exponentially growing, capped window.
func (s *Service) backoff(attempt int) time.Duration {
	window := float64(s.retryBase) * math.Pow(2, float64(min(attempt, 62)-1))
	window = min(window, float64(s.retryCap))
	return time.Duration(s.rand() * window)
}

// attemptTally counts the attempts of one call by how they failed, for the *RepeatedCallError
// of a call sent more than once.
type attemptTally struct {
	action        string
	start         time.Time
	attempts      int
	throttled     int
	serverErrors  int
	networkErrors int
	mayHaveRun    bool
	lastRequestID string
}

// add records an attempt that ended with err (nil: success) and the request id the API
// answered it with, if any.
func (t *attemptTally) add(err error, requestID string) {
	t.attempts++
	if requestID != "" {
		t.lastRequestID = requestID
	}
	if err == nil {
		return
	}
	var ne *NetworkError
	switch {
	case IsErrorCode(err, ThrottlingCodes...):
		t.throttled++
	case errors.As(err, &ne):
		t.networkErrors++
	case asServerError(err) != nil && (IsErrorCode(err, RetryableCodes...) || asServerError(err).HttpStatus() >= 500):
		t.serverErrors++
	}
}

// retried records that the attempt that failed with err is being retried.
func (t *attemptTally) retried(err error) {
	t.mayHaveRun = t.mayHaveRun || mayHaveRun(err)
}

// err returns the call's final error: err itself after a single attempt, else a
// *RepeatedCallError telling how the attempts went.
func (t *attemptTally) err(err error, now time.Time) error {
	if err == nil || t.attempts < 2 {
		return err
	}
	return &RepeatedCallError{
		Action:                   t.action,
		Attempts:                 t.attempts,
		Elapsed:                  now.Sub(t.start),
		Throttled:                t.throttled,
		ServerErrors:             t.serverErrors,
		NetworkErrors:            t.networkErrors,
		LastRequestID:            t.lastRequestID,
		EarlierAttemptMayHaveRun: t.mayHaveRun,
		Err:                      err,
	}
}
