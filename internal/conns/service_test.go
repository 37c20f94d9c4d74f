package conns

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

const (
	testKeyID  = "LTAItestkeyid"
	testSecret = "s3cr3t-DO-NOT-LOG"
	testToken  = "sts-token-DO-NOT-LOG"
)

// fakeAPI is an httptest server answering with canned Alibaba-shaped JSON. answer decides
// each call's status and body from its 1-based number; a status of -1 drops the connection.
type fakeAPI struct {
	*httptest.Server
	calls  atomic.Int32
	mu     sync.Mutex
	params []map[string]string
	answer func(n int, r *http.Request) (int, string)
}

func newFakeAPI(t *testing.T, answer func(n int, r *http.Request) (int, string)) *fakeAPI {
	t.Helper()
	f := &fakeAPI{answer: answer}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(f.calls.Add(1))
		if err := r.ParseForm(); err != nil {
			t.Errorf("parsing form: %v", err)
		}
		p := map[string]string{"_method": r.Method}
		for k := range r.Form {
			p[k] = r.Form.Get(k)
		}
		f.mu.Lock()
		f.params = append(f.params, p)
		f.mu.Unlock()
		status, body := f.answer(n, r)
		if status == -1 {
			hijacker, ok := w.(http.Hijacker)
			if !ok {
				t.Error("response writer cannot hijack")
				return
			}
			conn, _, err := hijacker.Hijack()
			if err != nil {
				t.Errorf("hijack: %v", err)
				return
			}
			_ = conn.Close()
			return
		}
		w.Header().Set("Content-Type", "application/json;charset=utf-8")
		w.WriteHeader(status)
		_, _ = fmt.Fprint(w, body)
	}))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeAPI) endpoint(t *testing.T) Endpoint {
	t.Helper()
	e, err := ParseEndpoint(f.URL)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func apiError(code, message string) string {
	return fmt.Sprintf(`{"RequestId":"REQ-%s","HostId":"cbn.aliyuncs.com","Code":%q,"Message":%q,"Recommend":"https://api.aliyun.com/troubleshoot?q=%s"}`,
		code, code, message, code)
}

const okBody = `{"RequestId":"REQ-OK","TotalCount":1,"PageNumber":1,"PageSize":10,"CenBandwidthPackages":{"CenBandwidthPackage":[{"CenBandwidthPackageId":"cenbwp-1","Bandwidth":10}]}}`

// recorder is an injected sleep that records delays and never sleeps, and the clock it moves
// on instead.
type recorder struct {
	mu     sync.Mutex
	delays []time.Duration
	clock  time.Time
}

func (r *recorder) sleep(ctx context.Context, d time.Duration) error {
	r.mu.Lock()
	r.delays = append(r.delays, d)
	r.clock = r.clock.Add(d)
	r.mu.Unlock()
	return ctx.Err()
}

func (r *recorder) now() time.Time {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.clock
}

func newTestClient(t *testing.T, f *fakeAPI, mutate func(*Config)) (*Client, *recorder) {
	t.Helper()
	rec := &recorder{clock: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	cfg := Config{
		Region:      "cn-hangzhou",
		Credentials: credentials.NewStaticAKCredentialsProvider(testKeyID, testSecret),
		CBNEndpoint: f.endpoint(t),
		GAEndpoint:  f.endpoint(t),
		MaxRetries:  3,
		Sleep:       rec.sleep,
		Now:         rec.now,
		Rand:        func() float64 { return 1 }, // the top of each jitter window
	}
	if mutate != nil {
		mutate(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c, rec
}

func describe(ctx context.Context, c *Client) (*cbn.DescribeCenBandwidthPackagesResponse, error) {
	req := cbn.CreateDescribeCenBandwidthPackagesRequest()
	resp := cbn.CreateDescribeCenBandwidthPackagesResponse()
	return resp, c.CBN.Do(ctx, req, resp)
}

func TestDo_throttlingThenSuccess(t *testing.T) {
	f := newFakeAPI(t, func(n int, _ *http.Request) (int, string) {
		switch n {
		case 1:
			return 400, apiError("Throttling.User", "Request was denied due to user flow control.")
		case 2:
			return 400, apiError("Throttling", "Request was denied due to flow control.")
		}
		return 200, okBody
	})
	c, rec := newTestClient(t, f, nil)
	resp, err := describe(context.Background(), c)
	if err != nil {
		t.Fatalf("Do: %v", err)
	}
	if got := f.calls.Load(); got != 3 {
		t.Errorf("attempts = %d, want 3", got)
	}
	if resp.TotalCount != 1 || resp.CenBandwidthPackages.CenBandwidthPackage[0].CenBandwidthPackageId != "cenbwp-1" {
		t.Errorf("response not decoded: %+v", resp)
	}
	// The backoff (200ms, then 400ms), or longer: throttling also slowed the action's
	// client-side rate.
	if len(rec.delays) != 2 || rec.delays[0] < 200*time.Millisecond || rec.delays[1] < 400*time.Millisecond {
		t.Errorf("delays = %v, want 2, at least the backoff of 200ms and 400ms", rec.delays)
	}
	// Every attempt is signed afresh: a reused SignatureNonce is rejected by the real API.
	seen := map[string]bool{}
	for _, p := range f.params {
		if seen[p["SignatureNonce"]] {
			t.Errorf("SignatureNonce %q reused across retries", p["SignatureNonce"])
		}
		seen[p["SignatureNonce"]] = true
		if p["Action"] != "DescribeCenBandwidthPackages" || p["Version"] != "2017-09-12" || p["AccessKeyId"] != testKeyID {
			t.Errorf("unexpected parameters %v", p)
		}
	}
}

func TestDo_clientErrorNotRetried(t *testing.T) {
	f := newFakeAPI(t, func(int, *http.Request) (int, string) {
		return 400, apiError("InvalidParameter", "The specified parameter is invalid.")
	})
	c, rec := newTestClient(t, f, nil)
	_, err := describe(context.Background(), c)
	if !IsErrorCode(err, "InvalidParameter") {
		t.Fatalf("err = %v, want InvalidParameter", err)
	}
	// IsErrorCode held, so err is a *ServerError.
	if status := asServerError(err).HttpStatus(); ErrorCode(err) != "InvalidParameter" || status != 400 || RequestID(err) != "REQ-InvalidParameter" {
		t.Errorf("code %q status %d request id %q", ErrorCode(err), status, RequestID(err))
	}
	if got := f.calls.Load(); got != 1 || len(rec.delays) != 0 {
		t.Errorf("attempts = %d, sleeps = %v; a 4xx must not be retried", got, rec.delays)
	}
}

func TestDo_5xxRetriedUpToMaxRetries(t *testing.T) {
	f := newFakeAPI(t, func(int, *http.Request) (int, string) {
		return 503, apiError("ServiceUnavailable", "The request has failed due to a temporary failure of the server.")
	})
	c, rec := newTestClient(t, f, func(cfg *Config) { cfg.MaxRetries = 4; cfg.RetryCap = time.Second })
	_, err := describe(context.Background(), c)
	if !IsErrorCode(err, "ServiceUnavailable") {
		t.Fatalf("err = %v, want ServiceUnavailable", err)
	}
	if got := f.calls.Load(); got != 5 {
		t.Errorf("attempts = %d, want 1 + 4 retries", got)
	}
	want := []time.Duration{200 * time.Millisecond, 400 * time.Millisecond, 800 * time.Millisecond, time.Second}
	if fmt.Sprint(rec.delays) != fmt.Sprint(want) {
		t.Errorf("backoff delays = %v, want %v (doubling, capped)", rec.delays, want)
	}
}

// TestDo_retriedOnceThenSuccess: failures without an API error code are retried too.
func TestDo_retriedOnceThenSuccess(t *testing.T) {
	firstAnswers := map[string]struct {
		status int
		body   string
	}{
		"5xx without code": {502, "<html>Bad Gateway</html>"},
		"connection drop":  {-1, ""},
	}
	for name, first := range firstAnswers {
		t.Run(name, func(t *testing.T) {
			f := newFakeAPI(t, func(n int, _ *http.Request) (int, string) {
				if n == 1 {
					return first.status, first.body
				}
				return 200, okBody
			})
			c, _ := newTestClient(t, f, nil)
			if _, err := describe(context.Background(), c); err != nil {
				t.Fatalf("Do: %v", err)
			}
			if got := f.calls.Load(); got != 2 {
				t.Errorf("attempts = %d, want 2", got)
			}
		})
	}
}

func TestDo_noRetries(t *testing.T) {
	f := newFakeAPI(t, func(int, *http.Request) (int, string) { return 500, apiError("InternalError", "oops") })
	c, _ := newTestClient(t, f, func(cfg *Config) { cfg.MaxRetries = NoRetries })
	if _, err := describe(context.Background(), c); !IsErrorCode(err, "InternalError") {
		t.Fatalf("err = %v", err)
	}
	if got := f.calls.Load(); got != 1 {
		t.Errorf("attempts = %d, want 1", got)
	}
}

func TestDo_connectionRefusedRetriedThenReported(t *testing.T) {
	f := newFakeAPI(t, func(int, *http.Request) (int, string) { return 200, okBody })
	endpoint := f.endpoint(t)
	f.Close() // nothing listens there any more
	c, rec := newTestClient(t, f, func(cfg *Config) { cfg.CBNEndpoint = endpoint })
	_, err := describe(context.Background(), c)
	var ne *NetworkError
	if !errors.As(err, &ne) {
		t.Fatalf("err = %v, want *NetworkError", err)
	}
	if len(rec.delays) != 3 {
		t.Errorf("retries = %d, want 3", len(rec.delays))
	}
	if strings.Contains(err.Error(), "Signature") || strings.Contains(err.Error(), "?") {
		t.Errorf("network error leaks the request URL: %v", err)
	}
}

func TestDo_requestTimeoutRetried(t *testing.T) {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	f := newFakeAPI(t, func(n int, r *http.Request) (int, string) {
		if n == 1 {
			select {
			case <-release:
			case <-r.Context().Done():
			}
		}
		return 200, okBody
	})
	c, _ := newTestClient(t, f, func(cfg *Config) { cfg.RequestTimeout = 50 * time.Millisecond })
	if _, err := describe(context.Background(), c); err != nil {
		t.Fatalf("Do: %v", err)
	}
	if got := f.calls.Load(); got != 2 {
		t.Errorf("attempts = %d, want 2", got)
	}
}

// TestDo_repeatedCallError: the error of a call sent more than once is a *RepeatedCallError, and still
// reads as the last attempt's API error; the error of a single attempt does not.
func TestDo_repeatedCallError(t *testing.T) {
	const code = "OperationFailed.OrderIsProcessing"
	refused := func() (int, string) { return 400, apiError(code, "The order is being processed.") }
	cases := map[string]struct {
		first          int // status of the first answer; 0: the refusal itself, -1: connection dropped, 429: throttled
		wantRetried    bool
		wantMayHaveRun bool
		wantAttempts   int
	}{
		"4xx at the first attempt": {first: 0, wantAttempts: 1},
		"503 then 4xx":             {first: 503, wantRetried: true, wantMayHaveRun: true, wantAttempts: 2},
		"lost answer then 4xx":     {first: -1, wantRetried: true, wantMayHaveRun: true, wantAttempts: 2},
		"throttled then 4xx":       {first: 429, wantRetried: true, wantAttempts: 2},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			f := newFakeAPI(t, func(n int, _ *http.Request) (int, string) {
				switch {
				case n == 1 && tc.first == 503:
					return 503, apiError("ServiceUnavailable", "try again")
				case n == 1 && tc.first == -1:
					return -1, ""
				case n == 1 && tc.first == 429:
					return 400, apiError("Throttling.User", "Request was denied due to user flow control.")
				}
				return refused()
			})
			c, _ := newTestClient(t, f, nil)
			_, err := describe(context.Background(), c)
			if got := int(f.calls.Load()); got != tc.wantAttempts {
				t.Fatalf("attempts = %d, want %d", got, tc.wantAttempts)
			}
			if EarlierAttemptMayHaveRun(err) != tc.wantMayHaveRun {
				t.Errorf("EarlierAttemptMayHaveRun(%v) = %t, want %t", err, EarlierAttemptMayHaveRun(err), tc.wantMayHaveRun)
			}
			var re *RepeatedCallError
			if errors.As(err, &re) != tc.wantRetried || (re != nil && re.Attempts != tc.wantAttempts) {
				t.Errorf("err = %#v, want a *RepeatedCallError of %d attempts: %t", err, tc.wantAttempts, tc.wantRetried)
			}
			// Wrapped or not, the error reads as the last attempt's API error.
			if !IsErrorCode(err, code) || ErrorCode(err) != code || RequestID(err) != "REQ-"+code {
				t.Errorf("code %q request id %q, want %s", ErrorCode(err), RequestID(err), code)
			}
			var se *sdkerrors.ServerError
			if !errors.As(err, &se) || se.HttpStatus() != 400 {
				t.Errorf("errors.As(*ServerError) failed on %v", err)
			}
			if IsRetryable(err) {
				t.Errorf("IsRetryable(%v) = true, want false", err)
			}
			if detail := Explain(err, nil); !strings.Contains(detail, code+" (HTTP 400)") {
				t.Errorf("Explain = %q", detail)
			}
		})
	}
}

// TestDo_repeatedCallErrorWhenRetriesRunOut: a call whose retries ran out is a RepeatedCallError and still
// retryable, so waiters tolerate it as before.
func TestDo_repeatedCallErrorWhenRetriesRunOut(t *testing.T) {
	f := newFakeAPI(t, func(int, *http.Request) (int, string) { return 400, apiError("Throttling.User", "slow down") })
	c, _ := newTestClient(t, f, func(cfg *Config) { cfg.MaxRetries = 2 })
	_, err := describe(context.Background(), c)
	var re *RepeatedCallError
	if !errors.As(err, &re) || re.Attempts != 3 {
		t.Fatalf("err = %#v, want a *RepeatedCallError of 3 attempts", err)
	}
	if !IsRetryable(err) || !IsErrorCode(err, "Throttling.User") || err.Error() != re.Err.Error() {
		t.Errorf("wrapping changed the error: retryable %t, code %q, message %q", IsRetryable(err), ErrorCode(err), err)
	}
}

// TestAttemptTallyWrapsOnlyRepeatedCalls: the tally makes a *RepeatedCallError of the error of a
// call sent more than once, and leaves the error of a single attempt (or no error) as it is.
func TestAttemptTallyWrapsOnlyRepeatedCalls(t *testing.T) {
	inner := errors.New("boom")
	tallied := func(attempts int, mayHaveRun bool) error {
		tally := attemptTally{action: "Cbn X"}
		for range attempts {
			tally.add(inner, "")
		}
		tally.mayHaveRun = mayHaveRun
		return tally.err(inner, time.Now())
	}
	cases := map[string]struct {
		err  error
		want bool
	}{
		"plain":         {inner, false},
		"retried":       {tallied(2, false), true},
		"wrapped again": {fmt.Errorf("context: %w", tallied(3, true)), true},
		"one attempt":   {tallied(1, true), false},
	}
	for name, tc := range cases {
		var re *RepeatedCallError
		if got := errors.As(tc.err, &re); got != tc.want {
			t.Errorf("%s: %v is a *RepeatedCallError: %t, want %t", name, tc.err, got, tc.want)
		}
	}
	if (&attemptTally{attempts: 3}).err(nil, time.Now()) != nil {
		t.Error("the tally of a call that succeeded is an error")
	}
	if EarlierAttemptMayHaveRun(tallied(2, false)) || !EarlierAttemptMayHaveRun(fmt.Errorf("x: %w", tallied(2, true))) ||
		EarlierAttemptMayHaveRun(tallied(1, true)) {
		t.Error("EarlierAttemptMayHaveRun does not read the RepeatedCallError's flag")
	}
}

func TestDo_contextCancelStops(t *testing.T) {
	arrived := make(chan struct{}, 1)
	f := newFakeAPI(t, func(_ int, r *http.Request) (int, string) {
		arrived <- struct{}{}
		<-r.Context().Done()
		return 503, apiError("ServiceUnavailable", "late")
	})
	c, rec := newTestClient(t, f, nil)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		<-arrived
		cancel()
	}()
	_, err := describe(ctx, c)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if got := f.calls.Load(); got != 1 || len(rec.delays) != 0 {
		t.Errorf("attempts = %d, sleeps %v; a canceled call must not be retried", got, rec.delays)
	}
}

func TestDo_contextCancelDuringBackoff(t *testing.T) {
	f := newFakeAPI(t, func(int, *http.Request) (int, string) { return 400, apiError("Throttling", "slow down") })
	ctx, cancel := context.WithCancel(context.Background())
	c, _ := newTestClient(t, f, func(cfg *Config) {
		cfg.Sleep = func(ctx context.Context, _ time.Duration) error { cancel(); return ctx.Err() }
	})
	_, err := describe(ctx, c)
	if !errors.Is(err, context.Canceled) || !IsErrorCode(err, "Throttling") {
		t.Fatalf("err = %v, want context.Canceled wrapping the last Throttling error", err)
	}
	if got := f.calls.Load(); got != 1 {
		t.Errorf("attempts = %d, want 1", got)
	}
}

func TestDo_clientTokenReusedOnRetry(t *testing.T) {
	f := newFakeAPI(t, func(n int, _ *http.Request) (int, string) {
		if n == 1 {
			return 503, apiError("ServiceUnavailable", "try again")
		}
		return 200, `{"RequestId":"REQ-C","BandwidthPackageId":"gbwp-1"}`
	})
	c, _ := newTestClient(t, f, nil)
	req := ga.CreateCreateBandwidthPackageRequest()
	req.ClientToken = NewClientToken()
	req.Bandwidth = "10"
	resp := ga.CreateCreateBandwidthPackageResponse()
	if err := c.GA.Do(context.Background(), req, resp); err != nil {
		t.Fatalf("Do: %v", err)
	}
	if resp.BandwidthPackageId != "gbwp-1" {
		t.Errorf("response not decoded: %+v", resp)
	}
	if len(f.params) != 2 {
		t.Fatalf("attempts = %d, want 2", len(f.params))
	}
	for _, p := range f.params {
		if p["ClientToken"] != req.ClientToken || !strings.HasPrefix(req.ClientToken, "tf-") || len(req.ClientToken) > 64 {
			t.Errorf("ClientToken = %q, want the caller's on every attempt", p["ClientToken"])
		}
		if p["RegionId"] != GARegion || p["Version"] != "2019-11-20" {
			t.Errorf("GA call parameters %v", p)
		}
	}
}

func TestDo_logsAttemptsWithoutSecrets(t *testing.T) {
	f := newFakeAPI(t, func(n int, _ *http.Request) (int, string) {
		if n == 1 {
			return 400, apiError("Throttling.Api", "Request was denied due to api flow control.")
		}
		return 200, okBody
	})
	c, _ := newTestClient(t, f, func(cfg *Config) {
		cfg.Credentials = credentials.NewStaticSTSCredentialsProvider(testKeyID, testSecret, testToken)
	})
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	if _, err := describe(ctx, c); err != nil {
		t.Fatalf("Do: %v", err)
	}
	if got := f.params[0]["SecurityToken"]; got != testToken {
		t.Fatalf("security token not sent (got %q)", got)
	}
	all, err := tflogtest.MultilineJSONDecode(&logs)
	if err != nil {
		t.Fatal(err)
	}
	var entries []map[string]any
	for _, e := range all {
		if e["attempt"] != nil {
			entries = append(entries, e)
		}
	}
	if len(entries) != 2 {
		t.Fatalf("log entries = %d, want one per attempt: %v", len(entries), entries)
	}
	first, second := entries[0], entries[1]
	if first["alibabacloud_action"] != "DescribeCenBandwidthPackages" || first["alibabacloud_product"] != "Cbn" ||
		first["error_code"] != "Throttling.Api" || first["request_id"] != "REQ-Throttling.Api" ||
		first["attempt"] != float64(1) || first["http_status"] != float64(400) || first["duration_ms"] == nil {
		t.Errorf("first attempt log = %v", first)
	}
	if second["attempt"] != float64(2) || second["request_id"] != "REQ-OK" {
		t.Errorf("second attempt log = %v", second)
	}
	raw := fmt.Sprint(all)
	for _, secret := range []string{testSecret, testToken, "Signature=", f.params[0]["Signature"]} {
		if strings.Contains(raw, secret) {
			t.Errorf("logs contain %q", secret)
		}
	}
}

func TestDo_concurrentCallsShareOneClient(t *testing.T) {
	// The first requests fail, whichever calls they belong to. No more fail than one call
	// may retry (MaxRetries is 3), so every call must succeed however they interleave.
	const failures = 3
	f := newFakeAPI(t, func(n int, _ *http.Request) (int, string) {
		if n <= failures {
			return 503, apiError("ServiceUnavailable", "busy")
		}
		return 200, okBody
	})
	c, _ := newTestClient(t, f, nil)
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for range 16 {
		wg.Go(func() {
			_, err := describe(context.Background(), c)
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Errorf("Do: %v", err)
		}
	}
	if got, want := f.calls.Load(), int32(16+failures); got != want {
		t.Errorf("the API saw %d requests, want %d (16 calls and %d retries)", got, want, failures)
	}
}

func TestDo_httpsEndpoint(t *testing.T) {
	server := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		_, _ = fmt.Fprint(w, okBody)
	}))
	t.Cleanup(server.Close)
	host := strings.TrimPrefix(server.URL, "https://")
	c, err := New(Config{
		Region:      "cn-shanghai",
		Credentials: credentials.NewStaticAKCredentialsProvider(testKeyID, testSecret),
		CBNEndpoint: Endpoint{Scheme: "https", Host: host},
		HTTPClient:  server.Client(),
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := describe(context.Background(), c); err != nil {
		t.Fatalf("Do over HTTPS: %v", err)
	}
}

// TestBackoff_fullJitter: each delay is the random draw times the capped, doubling window, so
// clients throttled together do not retry in step.
func TestBackoff_fullJitter(t *testing.T) {
	draws := []float64{0.25, 0.5, 0, 0.999, 0.5}
	i := 0
	c, err := New(Config{
		Region:      "cn-hangzhou",
		Credentials: credentials.NewStaticAKCredentialsProvider(testKeyID, testSecret),
		RetryCap:    time.Second,
		Rand:        func() float64 { d := draws[i]; i++; return d },
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []time.Duration
	for attempt := 1; attempt <= len(draws); attempt++ {
		got = append(got, c.CBN.backoff(attempt))
	}
	// Windows: 200ms, 400ms, 800ms, 1s (capped), 1s.
	want := []time.Duration{50 * time.Millisecond, 200 * time.Millisecond, 0, 999 * time.Millisecond, 500 * time.Millisecond}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("delays = %v, want %v", got, want)
	}

	// The default source of randomness spreads the delays over the window.
	c, err = New(Config{Region: "cn-hangzhou", Credentials: credentials.NewStaticAKCredentialsProvider(testKeyID, testSecret)})
	if err != nil {
		t.Fatal(err)
	}
	distinct := map[time.Duration]bool{}
	for range 20 {
		d := c.CBN.backoff(3)
		if d < 0 || d >= 4*DefaultRetryBase {
			t.Fatalf("delay %s outside [0, %s)", d, 4*DefaultRetryBase)
		}
		distinct[d] = true
	}
	if len(distinct) < 2 {
		t.Errorf("20 delays for the same attempt were all %v: no jitter", distinct)
	}
}

func TestRequestIDOf(t *testing.T) {
	for name, tc := range map[string]struct {
		header, body, want string
	}{
		"header":              {header: "REQ-HEADER", body: `{"RequestId":"REQ-BODY"}`, want: "REQ-HEADER"},
		"body when no header": {body: `{"RequestId":"REQ-BODY"}`, want: "REQ-BODY"},
		"neither":             {body: `{}`, want: ""},
	} {
		t.Run(name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			if tc.header != "" {
				rec.Header().Set("x-acs-request-id", tc.header)
			}
			rec.WriteHeader(http.StatusOK)
			_, _ = rec.WriteString(tc.body)
			response := responses.NewCommonResponse()
			if err := responses.Unmarshal(response, rec.Result(), "JSON"); err != nil {
				t.Fatal(err)
			}
			if got := requestIDOf(response); got != tc.want {
				t.Errorf("requestIDOf = %q, want %q", got, tc.want)
			}
		})
	}
}
