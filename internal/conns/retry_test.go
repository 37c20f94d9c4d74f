package conns

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

// TestDo_retriesUntilTheRetryDeadline: inside an operation (a retry deadline in the context),
// a call is retried as long as the deadline allows, far beyond max_retries, and succeeds.
func TestDo_retriesUntilTheRetryDeadline(t *testing.T) {
	f := newFakeAPI(t, func(n int, _ *http.Request) (int, string) {
		switch {
		case n <= 12 && n%3 == 0:
			return 503, apiError("ServiceUnavailable", "try again")
		case n <= 12:
			return 400, apiError("Throttling.User", "Request was denied due to user flow control.")
		}
		return 200, okBody
	})
	c, rec := newTestClient(t, f, nil) // MaxRetries 3
	ctx := WithRetryDeadline(context.Background(), rec.now().Add(10*time.Minute))
	if _, err := describe(ctx, c); err != nil {
		t.Fatalf("Do within a 10 minute retry deadline: %v", err)
	}
	if got := f.calls.Load(); got != 13 {
		t.Errorf("attempts = %d, want 13 (12 transient failures, then success)", got)
	}
}

// TestDo_retryDeadlineEndsRetriesAndSaysWhatWasTried: when the retry deadline passes, Do stops
// and its error says how often it tried, over how long, how the attempts failed, and the last
// request id; Explain shows it. Outside an operation, max_retries bounds the retries as before.
func TestDo_retryDeadlineEndsRetriesAndSaysWhatWasTried(t *testing.T) {
	f := newFakeAPI(t, func(n int, _ *http.Request) (int, string) {
		if n%4 == 0 {
			return 503, apiError("ServiceUnavailable", "try again")
		}
		return 400, apiError("Throttling.User", "Request was denied due to user flow control.")
	})
	c, rec := newTestClient(t, f, nil)
	start := rec.now()
	ctx := WithRetryDeadline(context.Background(), start.Add(2*time.Minute))
	_, err := describe(ctx, c)
	var re *RepeatedCallError
	if !errors.As(err, &re) {
		t.Fatalf("err = %v, want a *RepeatedCallError", err)
	}
	attempts := int(f.calls.Load())
	if attempts <= 4 || re.Attempts != attempts || re.Throttled+re.ServerErrors != attempts || re.ServerErrors != attempts/4 {
		t.Errorf("attempts %d; error says %d attempts, %d throttled, %d server errors", attempts, re.Attempts, re.Throttled, re.ServerErrors)
	}
	if end := rec.now(); end.Before(start.Add(2*time.Minute)) || end.After(start.Add(2*time.Minute+time.Second)) {
		t.Errorf("Do gave up after %s, want at the 2m deadline", end.Sub(start))
	}
	if re.Action != "Cbn DescribeCenBandwidthPackages" || re.Elapsed < 2*time.Minute || re.LastRequestID == "" {
		t.Errorf("error = %+v", re)
	}
	detail := Explain(err, nil)
	for _, want := range []string{"Cbn DescribeCenBandwidthPackages was sent", "throttled", "server errors", "The last request id the API gave was REQ-", "Request ID: REQ-"} {
		if !strings.Contains(detail, want) {
			t.Errorf("Explain = %q, want %q in it", detail, want)
		}
	}

	// Outside an operation: max_retries (3).
	f.calls.Store(0)
	if _, err := describe(context.Background(), c); err == nil || f.calls.Load() != 4 {
		t.Errorf("without a retry deadline: err %v after %d attempts, want an error after 4", err, f.calls.Load())
	}
}

// TestDo_retryDeadlinePassedMakesOneAttempt: an operation whose time is spent still makes one
// attempt (a last look), but retries nothing.
func TestDo_retryDeadlinePassedMakesOneAttempt(t *testing.T) {
	f := newFakeAPI(t, func(int, *http.Request) (int, string) {
		return 400, apiError("Throttling.User", "Request was denied due to user flow control.")
	})
	c, rec := newTestClient(t, f, nil)
	ctx := WithRetryDeadline(context.Background(), rec.now().Add(-time.Second))
	if _, err := describe(ctx, c); !IsErrorCode(err, "Throttling.User") || f.calls.Load() != 1 {
		t.Errorf("err %v after %d attempts, want Throttling.User after 1", err, f.calls.Load())
	}
}

func TestRetryBudget(t *testing.T) {
	now := time.Now()
	byCount := retryBudget{maxRetries: 2}
	if !byCount.allows(2, now) || byCount.allows(3, now) || byCount.delay(time.Minute, now) != time.Minute {
		t.Error("a budget of 2 retries")
	}
	byTime := retryBudget{until: now.Add(time.Second), maxRetries: 2}
	if !byTime.allows(50, now) || byTime.allows(1, now.Add(time.Second)) {
		t.Error("a deadline budget counts time, not attempts")
	}
	if d := byTime.delay(time.Minute, now); d != time.Second {
		t.Errorf("delay = %s, want the backoff cut at the deadline (1s)", d)
	}
	if d := byTime.delay(time.Minute, now.Add(time.Hour)); d != 0 {
		t.Errorf("delay past the deadline = %s, want 0", d)
	}
}

func TestInterruptedInFlight(t *testing.T) {
	canceledInFlight := &NetworkError{Product: "Ga", Action: "CreateBandwidthPackage", Err: context.Canceled}
	cases := map[string]struct {
		err  error
		want bool
	}{
		"cut off in flight":            {canceledInFlight, true},
		"canceled before any request":  {context.Canceled, false},
		"a timeout, not a cancel":      {&NetworkError{Err: context.DeadlineExceeded}, false},
		"canceled after a lost answer": {&RepeatedCallError{Attempts: 2, EarlierAttemptMayHaveRun: true, Err: context.Canceled}, true},
		"canceled after throttling":    {&RepeatedCallError{Attempts: 2, Err: context.Canceled}, false},
		"no error":                     {nil, false},
	}
	for name, tc := range cases {
		if got := InterruptedInFlight(tc.err); got != tc.want {
			t.Errorf("%s: InterruptedInFlight = %t, want %t", name, got, tc.want)
		}
	}
}
