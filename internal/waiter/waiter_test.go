package waiter

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"
)

// fakeClock advances by exactly what the waiter asks to sleep, and records each sleep.
type fakeClock struct {
	now    time.Time
	sleeps []time.Duration
}

// fakeEpoch is where every fake clock starts.
var fakeEpoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func newFakeClock() *fakeClock {
	return &fakeClock{now: fakeEpoch}
}

func (c *fakeClock) Now() time.Time { return c.now }

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.sleeps = append(c.sleeps, d)
	c.now = c.now.Add(d)
	ch := make(chan time.Time, 1)
	ch <- c.now
	return ch
}

type answer struct {
	obj   int
	state string
	err   error
}

// waitResult is what one scripted wait returned and how it polled.
type waitResult struct {
	obj   int
	err   error
	start time.Time
	polls []time.Time
	clock *fakeClock
}

// waitScripted runs Wait on a fresh fake clock with a Refresh that plays answers (see script);
// conf gives the rest.
func waitScripted(conf Conf[int], answers ...answer) waitResult {
	return waitScriptedCtx(context.Background(), conf, answers...)
}

// waitScriptedCtx is waitScripted with ctx.
func waitScriptedCtx(ctx context.Context, conf Conf[int], answers ...answer) waitResult {
	r := waitResult{clock: newFakeClock()}
	r.start = r.clock.Now()
	conf.Clock = r.clock
	conf.Refresh = script(r.clock, &r.polls, answers...)
	r.obj, r.err = Wait(ctx, conf)
	return r
}

// fakeDeadlineCtx is a context with a deadline on the fake clocks' time line. It never ends by
// itself (the fake clock does not move real time), so the waiter must stop on its own; Err
// reports the deadline once expired is set.
type fakeDeadlineCtx struct {
	context.Context
	deadline time.Time
	expired  bool
}

// deadlineAfter returns a fakeDeadlineCtx whose deadline is d after a fake clock's start.
func deadlineAfter(d time.Duration) *fakeDeadlineCtx {
	return &fakeDeadlineCtx{Context: context.Background(), deadline: fakeEpoch.Add(d)}
}

func (c *fakeDeadlineCtx) Deadline() (time.Time, bool) { return c.deadline, true }

func (c *fakeDeadlineCtx) Err() error {
	if c.expired {
		return context.DeadlineExceeded
	}
	return nil
}

// script returns a StatusFunc that plays answers in order (repeating the last one) and records
// the clock time of each poll.
func script(clock *fakeClock, polls *[]time.Time, answers ...answer) StatusFunc[int] {
	i := 0
	return func(context.Context) (int, string, error) {
		*polls = append(*polls, clock.Now())
		a := answers[min(i, len(answers)-1)]
		i++
		return a.obj, a.state, a.err
	}
}

var errTransient = errors.New("throttled: slow down")

// pendingThenActive answers "Upgrading" n times (objects 0..n-1), then "Active" (object 99).
func pendingThenActive(n int) []answer {
	answers := make([]answer, n, n+1)
	for i := range answers {
		answers[i] = answer{i, "Upgrading", nil}
	}
	return append(answers, answer{99, "Active", nil})
}

func TestWait_reachesTarget(t *testing.T) {
	r := waitScripted(Conf[int]{
		Pending: []string{"Upgrading"},
		Target:  []string{"Active"},
	}, answer{1, "Upgrading", nil}, answer{2, "Upgrading", nil}, answer{3, "Active", nil})
	if r.err != nil {
		t.Fatalf("Wait: %v", r.err)
	}
	if r.obj != 3 {
		t.Errorf("object = %d, want 3 (the one in the target state)", r.obj)
	}
	if len(r.polls) != 3 {
		t.Errorf("polls = %d, want 3", len(r.polls))
	}
	if !r.polls[0].Equal(r.start) {
		t.Errorf("first poll at +%s, want immediate", r.polls[0].Sub(r.start))
	}
}

func TestWait_unexpectedState(t *testing.T) {
	r := waitScripted(Conf[int]{
		Pending: []string{"Upgrading"},
		Target:  []string{"Active"},
	}, answer{1, "Upgrading", nil}, answer{7, "Failed", nil})
	var unexpected *UnexpectedStateError
	if !errors.As(r.err, &unexpected) {
		t.Fatalf("err = %v, want *UnexpectedStateError", r.err)
	}
	if unexpected.State != "Failed" || !slices.Equal(unexpected.ExpectedState, []string{"Active"}) {
		t.Errorf("error = %+v", unexpected)
	}
	if r.obj != 7 {
		t.Errorf("object = %d, want the last one seen (7)", r.obj)
	}
	if msg := r.err.Error(); !strings.Contains(msg, "'Failed'") || !strings.Contains(msg, "'Active'") {
		t.Errorf("message %q should name the state and the target", msg)
	}
}

func TestWait_notFoundWindowExceeded(t *testing.T) {
	r := waitScripted(Conf[int]{
		Pending:        []string{"Creating"},
		Target:         []string{"Active"},
		NotFoundChecks: 2,
	}, answer{0, "", nil})
	var nf *MissingError
	if !errors.As(r.err, &nf) {
		t.Fatalf("err = %v, want *MissingError", r.err)
	}
	if len(r.polls) != 3 || nf.Checks != 3 {
		t.Errorf("polls = %d, checks = %d; want 3 (2 tolerated, the third fails)", len(r.polls), nf.Checks)
	}
}

func TestWait_notFoundWithinWindowThenFound(t *testing.T) {
	r := waitScripted(Conf[int]{
		Pending: []string{"Creating"},
		Target:  []string{"Active"},
	}, answer{0, "", nil}, answer{0, "", nil}, answer{0, "", nil}, answer{5, "Active", nil})
	if r.err != nil || r.obj != 5 {
		t.Fatalf("Wait = %d, %v; want 5, nil (3 not-found answers are tolerated by default)", r.obj, r.err)
	}
}

func TestWait_notFoundIsTargetForDeletion(t *testing.T) {
	r := waitScripted(Conf[int]{
		Pending: []string{"Deleting"},
		Target:  []string{},
	}, answer{1, "Deleting", nil}, answer{0, "", nil})
	if r.err != nil || len(r.polls) != 2 {
		t.Fatalf("Wait: err %v after %d polls; want success on the first not-found", r.err, len(r.polls))
	}
}

func TestWait_transientErrorsTolerated(t *testing.T) {
	r := waitScripted(Conf[int]{
		Pending:     []string{"Upgrading"},
		Target:      []string{"Active"},
		IsTransient: func(err error) bool { return errors.Is(err, errTransient) },
	}, answer{1, "Upgrading", nil}, answer{0, "", errTransient}, answer{0, "", errTransient}, answer{4, "Active", nil})
	if r.err != nil || r.obj != 4 {
		t.Fatalf("Wait = %d, %v; want 4, nil", r.obj, r.err)
	}
	if len(r.polls) != 4 {
		t.Errorf("polls = %d, want 4", len(r.polls))
	}
}

func TestWait_nonTransientErrorReturned(t *testing.T) {
	boom := errors.New("Forbidden.RAM")
	r := waitScripted(Conf[int]{
		Pending:     []string{"Upgrading"},
		Target:      []string{"Active"},
		IsTransient: func(err error) bool { return errors.Is(err, errTransient) },
	}, answer{1, "Upgrading", nil}, answer{0, "", boom})
	if !errors.Is(r.err, boom) {
		t.Fatalf("err = %v, want %v", r.err, boom)
	}
	if r.obj != 1 {
		t.Errorf("object = %d, want last seen 1", r.obj)
	}
}

func TestWait_timeoutReturnsLastState(t *testing.T) {
	r := waitScripted(Conf[int]{
		Pending:     []string{"Upgrading"},
		Target:      []string{"Active"},
		Timeout:     5 * time.Second,
		MinInterval: time.Second,
		MaxInterval: time.Second,
		IsTransient: func(err error) bool { return errors.Is(err, errTransient) },
	}, answer{1, "Upgrading", nil}, answer{2, "Upgrading", nil}, answer{0, "", errTransient}, answer{9, "Upgrading", nil})
	var te *TimeoutError
	if !errors.As(r.err, &te) {
		t.Fatalf("err = %v, want *TimeoutError", r.err)
	}
	if te.LastState != "Upgrading" || te.Timeout != 5*time.Second || te.TransientErrors != 1 {
		t.Errorf("TimeoutError = %+v", te)
	}
	if r.obj != 9 {
		t.Errorf("object = %d, want last seen 9", r.obj)
	}
	// Polls at 0,1,2,3,4,5 s: the last one exactly at the deadline.
	if len(r.polls) != 6 || !r.polls[5].Equal(r.start.Add(5*time.Second)) {
		t.Errorf("polls at %v, want 6 polls ending at the deadline", r.polls)
	}
	if msg := r.err.Error(); !strings.Contains(msg, "'Upgrading'") || !strings.Contains(msg, "5s") {
		t.Errorf("message %q should name the last state and the timeout", msg)
	}
}

func TestWait_intervalsGrowAndCap(t *testing.T) {
	r := waitScripted(Conf[int]{
		Pending:     []string{"Upgrading"},
		Target:      []string{"Active"},
		MinInterval: time.Second,
		MaxInterval: 4 * time.Second,
	}, pendingThenActive(8)...)
	if r.err != nil {
		t.Fatal(r.err)
	}
	want := []time.Duration{
		time.Second, 1500 * time.Millisecond, 2250 * time.Millisecond, 3375 * time.Millisecond,
		4 * time.Second, 4 * time.Second, 4 * time.Second, 4 * time.Second,
	}
	if !slices.Equal(r.clock.sleeps, want) {
		t.Errorf("sleeps = %v, want %v", r.clock.sleeps, want)
	}
}

func TestWait_defaults(t *testing.T) {
	r := waitScripted(Conf[int]{
		Pending: []string{"Upgrading"},
		Target:  []string{"Active"},
	}, pendingThenActive(20)...)
	if r.err != nil {
		t.Fatal(r.err)
	}
	sleeps := r.clock.sleeps
	if sleeps[0] != DefaultMinInterval || sleeps[len(sleeps)-1] != DefaultMaxInterval {
		t.Errorf("sleeps = %v, want from %s up to %s", sleeps, DefaultMinInterval, DefaultMaxInterval)
	}
}

func TestWait_contextCanceled(t *testing.T) {
	clock := newFakeClock()
	ctx, cancel := context.WithCancel(context.Background())
	polls := 0
	obj, err := Wait(ctx, Conf[int]{
		Pending: []string{"Upgrading"},
		Target:  []string{"Active"},
		Refresh: func(context.Context) (int, string, error) {
			polls++
			if polls == 2 {
				cancel()
			}
			return polls, "Upgrading", nil
		},
		Clock: clock,
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if polls != 2 || obj != 2 {
		t.Errorf("polls = %d, object = %d; want 2, 2", polls, obj)
	}
}

func TestWait_contextDeadlineIsTimeout(t *testing.T) {
	clock := newFakeClock()
	ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	_, err := Wait(ctx, Conf[int]{
		Pending: []string{"Upgrading"},
		Target:  []string{"Active"},
		Refresh: func(context.Context) (int, string, error) { t.Fatal("polled after the deadline"); return 0, "", nil },
		Clock:   clock,
	})
	var te *TimeoutError
	if !errors.As(err, &te) {
		t.Fatalf("err = %v, want *TimeoutError", err)
	}
}

// TestWait_lastPoll: whichever deadline comes first, Timeout's or the context's, the last
// interval is shortened so that one more poll is made: at the end of Timeout, or FinalPollLead
// before the context's deadline. An operation that completes in that last interval is seen;
// one that does not ends in a *TimeoutError without a poll after it.
func TestWait_lastPoll(t *testing.T) {
	s := time.Second
	tests := map[string]struct {
		timeout     time.Duration
		ctxDeadline time.Duration // zero: none
		wantPolls   []time.Duration
	}{
		"timeout only":                {timeout: 25 * s, wantPolls: []time.Duration{0, 10 * s, 20 * s, 25 * s}},
		"context deadline only":       {ctxDeadline: 30 * s, wantPolls: []time.Duration{0, 10 * s, 20 * s, 29 * s}},
		"timeout first":               {timeout: 25 * s, ctxDeadline: 30 * s, wantPolls: []time.Duration{0, 10 * s, 20 * s, 25 * s}},
		"context deadline first":      {timeout: 30 * s, ctxDeadline: 25 * s, wantPolls: []time.Duration{0, 10 * s, 20 * s, 24 * s}},
		"deadline on a poll":          {ctxDeadline: 21 * s, wantPolls: []time.Duration{0, 10 * s, 20 * s}},
		"context deadline at the end": {ctxDeadline: 500 * time.Millisecond, wantPolls: []time.Duration{0}},
	}
	for name, tt := range tests {
		ctx := func() context.Context {
			if tt.ctxDeadline == 0 {
				return context.Background()
			}
			return deadlineAfter(tt.ctxDeadline)
		}
		conf := Conf[int]{
			Pending:     []string{"Upgrading"},
			Target:      []string{"Active"},
			Timeout:     tt.timeout,
			MinInterval: 10 * s,
			MaxInterval: 10 * s,
		}
		n := len(tt.wantPolls)
		t.Run(name+"/completes in the last interval", func(t *testing.T) {
			r := waitScriptedCtx(ctx(), conf, pendingThenActive(n-1)...)
			if r.err != nil || r.obj != 99 {
				t.Errorf("Wait = %d, %v; want 99, nil", r.obj, r.err)
			}
			wantPollsAt(t, r, tt.wantPolls)
		})
		t.Run(name+"/never completes", func(t *testing.T) {
			r := waitScriptedCtx(ctx(), conf, pendingThenActive(n)...)
			var te *TimeoutError
			if !errors.As(r.err, &te) || te.Timeout != tt.timeout || te.LastState != "Upgrading" {
				t.Errorf("err = %#v, want a *TimeoutError with Timeout %s, last state Upgrading", r.err, tt.timeout)
			}
			if r.obj != n-1 {
				t.Errorf("object = %d, want the last one seen (%d)", r.obj, n-1)
			}
			wantPollsAt(t, r, tt.wantPolls)
		})
	}
}

// wantPollsAt checks that r polled exactly at want after its start.
func wantPollsAt(t *testing.T, r waitResult, want []time.Duration) {
	t.Helper()
	got := make([]time.Duration, len(r.polls))
	for i, p := range r.polls {
		got[i] = p.Sub(r.start)
	}
	if !slices.Equal(got, want) {
		t.Errorf("polls at %v, want %v", got, want)
	}
}

// TestWait_contextEndsDuringPoll: a poll that fails because the context ended during it ends the
// wait as the context says (a *TimeoutError for its deadline, its error when canceled), not
// with the call's error.
func TestWait_contextEndsDuringPoll(t *testing.T) {
	callErr := errors.New(`Post "https://cbn.aliyuncs.com/": context deadline exceeded`)
	t.Run("deadline", func(t *testing.T) {
		ctx := deadlineAfter(time.Minute)
		polls := 0
		obj, err := Wait(ctx, Conf[int]{
			Pending: []string{"Upgrading"},
			Target:  []string{"Active"},
			Clock:   newFakeClock(),
			Refresh: func(context.Context) (int, string, error) {
				polls++
				if polls == 2 {
					ctx.expired = true
					return 0, "", callErr
				}
				return polls, "Upgrading", nil
			},
		})
		var te *TimeoutError
		if !errors.As(err, &te) || te.LastState != "Upgrading" || obj != 1 {
			t.Errorf("Wait = %d, %v; want 1 and a *TimeoutError", obj, err)
		}
	})
	t.Run("canceled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		_, err := Wait(ctx, Conf[int]{
			Pending: []string{"Upgrading"},
			Target:  []string{"Active"},
			Clock:   newFakeClock(),
			Refresh: func(context.Context) (int, string, error) {
				cancel()
				return 0, "", callErr
			},
		})
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	})
}
