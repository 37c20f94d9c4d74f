package waiter

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"
)

var errBusy = errors.New("StateError: busy")

// retryScripted runs RetryWhen on a fresh fake clock with a call that returns errs in order
// (nil once they are used up), retrying errBusy; it returns the clock times of the attempts and
// the error.
func retryScripted(ctx context.Context, timeout time.Duration, errs ...error) ([]time.Time, error) {
	clock := newFakeClock()
	var attempts []time.Time
	err := RetryWhen(ctx, RetryConf{
		Action:    "UpdateThing",
		Timeout:   timeout,
		Retryable: func(err error) bool { return errors.Is(err, errBusy) },
		Clock:     clock,
	}, func(context.Context) error {
		attempts = append(attempts, clock.Now())
		if len(attempts) > len(errs) {
			return nil
		}
		return errs[len(attempts)-1]
	})
	return attempts, err
}

func TestRetryWhen_retriesUntilSuccess(t *testing.T) {
	attempts, err := retryScripted(context.Background(), time.Minute, errBusy, errBusy)
	if err != nil || len(attempts) != 3 {
		t.Fatalf("RetryWhen = %v after %d attempts, want success on the third", err, len(attempts))
	}
	// The pauses are Wait's: 200ms, then 300ms.
	if d := attempts[1].Sub(attempts[0]); d != DefaultMinInterval {
		t.Errorf("first pause %s, want %s", d, DefaultMinInterval)
	}
	if d := attempts[2].Sub(attempts[1]); d != 300*time.Millisecond {
		t.Errorf("second pause %s, want 300ms", d)
	}
}

func TestRetryWhen_otherErrorReturnedAtOnce(t *testing.T) {
	boom := errors.New("Forbidden.RAM")
	attempts, err := retryScripted(context.Background(), time.Minute, errBusy, boom, errBusy)
	if !errors.Is(err, boom) || len(attempts) != 2 {
		t.Fatalf("RetryWhen = %v after %d attempts, want %v after 2", err, len(attempts), boom)
	}
	var refused *RefusedUntilTimeoutError
	if errors.As(err, &refused) {
		t.Error("an error that is not retried is returned as it is")
	}
}

func TestRetryWhen_refusedUntilTimeout(t *testing.T) {
	always := make([]error, 1000)
	for i := range always {
		always[i] = errBusy
	}
	attempts, err := retryScripted(context.Background(), 3*time.Second, always...)
	var refused *RefusedUntilTimeoutError
	if !errors.As(err, &refused) {
		t.Fatalf("err = %v, want a *RefusedUntilTimeoutError", err)
	}
	if refused.Action != "UpdateThing" || refused.Timeout != 3*time.Second || refused.Attempts != len(attempts) || !errors.Is(err, errBusy) {
		t.Errorf("error %+v after %d attempts", refused, len(attempts))
	}
	// The last attempt is made at the end of the timeout, not one interval before it.
	if last := attempts[len(attempts)-1]; !last.Equal(fakeEpoch.Add(3 * time.Second)) {
		t.Errorf("last attempt at %s, want at the timeout", last.Sub(fakeEpoch))
	}
	if msg := err.Error(); !strings.Contains(msg, "UpdateThing still refused after") || !strings.Contains(msg, "3s") {
		t.Errorf("message %q", msg)
	}
}

func TestRetryWhen_contextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if attempts, err := retryScripted(ctx, time.Minute, errBusy); !errors.Is(err, context.Canceled) || len(attempts) != 0 {
		t.Errorf("canceled context: %v after %d attempts", err, len(attempts))
	}

	// A deadline reached during an attempt ends the retries like the timeout, with that
	// attempt's error.
	deadline := deadlineAfter(time.Hour)
	err := RetryWhen(deadline, RetryConf{Action: "UpdateThing", Retryable: func(error) bool { return true }, Clock: newFakeClock()},
		func(context.Context) error {
			deadline.expired = true
			return errBusy
		})
	var refused *RefusedUntilTimeoutError
	if !errors.As(err, &refused) || refused.Attempts != 1 || !errors.Is(err, errBusy) {
		t.Errorf("err = %#v, want a *RefusedUntilTimeoutError of 1 attempt ending in %v", err, errBusy)
	}
}
