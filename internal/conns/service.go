package conns

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"net/http"
	"strings"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	"github.com/hashicorp/terraform-plugin-log/tflog"
)

// Service is one product's API client with the provider's endpoint, retry policy and call
// logging.
//
// It signs requests with the SDK's signer but sends them itself: the SDK client's DoAction
// rewrites its shared http.Client (timeouts, transport) on every call, which is a data race
// under concurrent use, knows no context, and retries only 5xx. No SDK client is built at all:
// signing needs only the credentials and the region.
type Service struct {
	product        string
	region         string
	endpoint       Endpoint
	scheme         string // endpoint.Scheme as the SDK's requests spell it ("HTTPS")
	credentials    credentials.CredentialsProvider
	http           *http.Client
	userAgent      string
	maxRetries     int
	requestTimeout time.Duration
	retryBase      time.Duration
	retryCap       time.Duration
	sleep          func(context.Context, time.Duration) error
	rand           func() float64
	now            func() time.Time
	limiter        *rateLimiter
	// changed, when set, is told of every call that changes something (see Claims.Changed).
	changed func()
}

// changesSomething reports whether action changes something in the cloud: every action of
// the Cbn and Ga APIs but their reads, whose names start with Describe or List.
func changesSomething(action string) bool {
	return !strings.HasPrefix(action, "Describe") && !strings.HasPrefix(action, "List")
}

func newService(product, region string, endpoint Endpoint, ceiling float64, cfg Config) *Service {
	s := &Service{
		product:        product,
		region:         region,
		endpoint:       endpoint,
		scheme:         strings.ToUpper(endpoint.Scheme),
		credentials:    cfg.Credentials,
		http:           cfg.HTTPClient,
		userAgent:      strings.TrimSpace(sdk.DefaultUserAgent + " " + cfg.UserAgent),
		maxRetries:     cfg.MaxRetries,
		requestTimeout: cmp.Or(cfg.RequestTimeout, DefaultRequestTimeout),
		retryBase:      cmp.Or(cfg.RetryBase, DefaultRetryBase),
		retryCap:       cmp.Or(cfg.RetryCap, DefaultRetryCap),
		sleep:          cfg.Sleep,
		rand:           cfg.Rand,
		now:            cfg.Now,
		limiter:        newRateLimiter(ceiling),
	}
	switch {
	case s.maxRetries == 0:
		s.maxRetries = DefaultMaxRetries
	case s.maxRetries < 0:
		s.maxRetries = 0
	}
	if s.http == nil {
		transport := &http.Transport{Proxy: http.ProxyFromEnvironment}
		if def, ok := http.DefaultTransport.(*http.Transport); ok {
			transport = def.Clone()
		}
		s.http = &http.Client{Transport: transport}
	}
	if s.sleep == nil {
		s.sleep = sleepCtx
	}
	if s.rand == nil {
		s.rand = rand.Float64
	}
	if s.now == nil {
		s.now = time.Now
	}
	return s
}

// Region returns the region the product's calls are signed for.
func (s *Service) Region() string { return s.region }

// Endpoint returns where the product's API is reached.
func (s *Service) Endpoint() Endpoint { return s.endpoint }

// MaxRetries returns how many times a retryable failure is retried outside an operation's
// retry deadline (see WithRetryDeadline).
func (s *Service) MaxRetries() int { return s.maxRetries }

// RateLimit returns the fixed ceiling of the product's calls per second (0: none).
func (s *Service) RateLimit() float64 {
	if s.limiter.ceiling == nil {
		return 0
	}
	return float64(s.limiter.ceiling.Limit())
}

// ErrNotConfigured is what a call answers when the provider was not configured: Terraform did
// not know its settings (values computed from resources, or, in `terraform test`, variables the
// test file does not set) and went on without configuring it.
var ErrNotConfigured = errors.New("the provider is not configured: some of its settings (the endpoints, the " +
	"region or the credentials) had no known value when Terraform configured it, so no call can be made. Give " +
	"them values known before the apply: not computed from resources of the same configuration, and, in a " +
	"terraform test file, set in its variables block or with -var")

// Do sends request and decodes the answer into response. It sets the endpoint, scheme and
// per-request timeout, paces the call with the product's rate limiter, retries throttling, 5xx
// and network errors with exponential backoff and jitter (until the context's retry deadline,
// see WithRetryDeadline, or else max_retries times), stops early when ctx is done, and logs
// every attempt through tflog. Errors from the API are *errors.ServerError of the SDK. The
// error of a call sent more than once is wrapped in a *RepeatedCallError: it says what was
// tried, and whether an earlier attempt may have been carried out although its answer was lost
// (see EarlierAttemptMayHaveRun), which callers of non-idempotent actions need to know.
//
// Retries send the same request object again (freshly signed, with a new SignatureNonce), so a
// ClientToken the caller set is sent unchanged on every attempt and the API deduplicates.
//
// A nil *Service (a resource of a provider that was not configured) answers ErrNotConfigured.
func (s *Service) Do(ctx context.Context, request requests.AcsRequest, response responses.AcsResponse) error {
	if s == nil {
		return ErrNotConfigured
	}
	request.SetDomain(s.endpoint.Host)
	request.SetScheme(s.scheme)
	action := request.GetActionName()
	if s.changed != nil && changesSomething(action) {
		s.changed()
	}
	// The request's fields become its parameters once; every attempt only signs them again.
	request.GetHeaders()["x-sdk-core-version"] = sdk.Version
	if err := requests.InitParams(request); err != nil {
		return fmt.Errorf("%s %s: building the request parameters: %w", s.product, action, err)
	}
	ctx = tflog.SetField(ctx, "alibabacloud_product", s.product)
	ctx = tflog.SetField(ctx, "alibabacloud_action", action)

	budget := retryBudget{maxRetries: s.maxRetries}
	if until, ok := RetryDeadline(ctx); ok {
		budget.until = until
	}
	tally := attemptTally{action: s.product + " " + action, start: s.now()}
	var lastErr error         // the error of the attempt before this one
	var backoff time.Duration // the pause the retry policy asks before this attempt
	for attempt := 1; ; attempt++ {
		if err := s.pace(ctx, action, backoff); err != nil {
			// Attempts before this one were sent; this one is not.
			if lastErr != nil {
				err = fmt.Errorf("%w while waiting to retry (last error: %w)", err, lastErr)
			}
			return tally.err(fmt.Errorf("%s %s: %w", s.product, action, err), s.now())
		}
		start := s.now()
		err := s.attempt(ctx, request, response)
		fields := map[string]any{
			"attempt":     attempt,
			"duration_ms": s.now().Sub(start).Milliseconds(),
		}
		addErrorFields(fields, err, response)
		tally.add(err, requestIDOfAttempt(err, response))
		s.observe(ctx, action, err)

		retry := ctx.Err() == nil && IsRetryable(err) && budget.allows(attempt, s.now())
		switch {
		case err == nil:
			tflog.Debug(ctx, "Alibaba Cloud API call succeeded", fields)
			return nil
		case !retry:
			tflog.Debug(ctx, "Alibaba Cloud API call failed", fields)
			if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
				err = fmt.Errorf("%s %s: %w (after: %w)", s.product, action, ctxErr, err)
			}
			return tally.err(err, s.now())
		}
		tally.retried(err)
		lastErr = err
		backoff = budget.delay(s.backoff(attempt), s.now())
		fields["retry_in_ms"] = backoff.Milliseconds()
		tflog.Warn(ctx, "Alibaba Cloud API call failed, retrying", fields)
	}
}

// pace waits backoff, and longer if the rate limiter asks it, until an attempt of action may be
// sent, or until ctx is done. The attempt's token is taken for the end of backoff, so that a
// retry waits for the longer of the two, not for both.
func (s *Service) pace(ctx context.Context, action string, backoff time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	now := s.now()
	delay, giveBack := s.limiter.reserve(action, now.Add(backoff))
	if delay > 0 {
		tflog.Trace(ctx, "Alibaba Cloud API call paced by the client-side rate limit", map[string]any{"wait_ms": delay.Milliseconds()})
	}
	delay += backoff
	if delay <= 0 {
		return nil
	}
	if err := s.sleep(ctx, delay); err != nil {
		giveBack()
		return err
	}
	return nil
}

// observe tells the rate limiter how an attempt of action ended, and logs a change of its rate.
func (s *Service) observe(ctx context.Context, action string, err error) {
	throttled := IsErrorCode(err, ThrottlingCodes...)
	if err != nil && !throttled {
		return // neither throttled nor a success: says nothing about the rate
	}
	perSecond, changed := s.limiter.observe(action, throttled, s.now())
	if changed {
		tflog.Debug(ctx, "Alibaba Cloud API client-side rate adjusted", map[string]any{
			"throttled": throttled, "calls_per_second": math.Round(perSecond*100) / 100,
		})
	}
}

// attempt signs and sends request once and decodes the answer.
func (s *Service) attempt(ctx context.Context, request requests.AcsRequest, response responses.AcsResponse) error {
	// Signs the request (new Timestamp and SignatureNonce each time), for the request's own
	// region when it names one, as the SDK client does.
	if err := auth.Sign(request, nil, cmp.Or(request.GetRegionId(), s.region), s.credentials); err != nil {
		return fmt.Errorf("signing %s %s: %w", s.product, request.GetActionName(), err)
	}
	ctx, cancel := context.WithTimeout(ctx, s.requestTimeout)
	defer cancel()
	httpRequest, err := http.NewRequestWithContext(ctx, request.GetMethod(), request.BuildUrl(), request.GetBodyReader())
	if err != nil {
		return fmt.Errorf("building %s %s request: %w", s.product, request.GetActionName(), err)
	}
	headers := request.GetHeaders()
	for key, value := range headers {
		httpRequest.Header[key] = []string{value}
	}
	if host, ok := headers["Host"]; ok {
		httpRequest.Host = host
	}
	httpRequest.Header.Set("User-Agent", s.userAgent)

	httpResponse, err := s.http.Do(httpRequest)
	if err != nil {
		return &NetworkError{Product: s.product, Action: request.GetActionName(), Err: stripURL(err)}
	}
	// Unmarshal closes the body too; closing twice is harmless.
	defer func() { _ = httpResponse.Body.Close() }()
	if err := responses.Unmarshal(response, httpResponse, request.GetAcceptFormat()); err != nil {
		var serverErr interface{ ErrorCode() string }
		if errors.As(err, &serverErr) {
			return err
		}
		if response.GetHttpStatus() == 0 {
			// The body could not be read: the connection dropped mid-answer.
			return &NetworkError{Product: s.product, Action: request.GetActionName(), Err: stripURL(err)}
		}
		return fmt.Errorf("decoding the %s %s answer (HTTP %d): %w", s.product, request.GetActionName(), response.GetHttpStatus(), err)
	}
	return nil
}

// addErrorFields adds what a log line says about an attempt's outcome.
func addErrorFields(fields map[string]any, err error, response responses.AcsResponse) {
	if status := response.GetHttpStatus(); status != 0 {
		fields["http_status"] = status
	}
	if err == nil {
		if id := requestIDOf(response); id != "" {
			fields["request_id"] = id
		}
		return
	}
	if se := asServerError(err); se != nil {
		fields["http_status"] = se.HttpStatus()
		fields["error_code"] = se.ErrorCode()
		fields["request_id"] = se.RequestId()
		return
	}
	fields["error"] = stripURL(err).Error()
}

// requestIDOfAttempt returns the request id the API answered an attempt with: its error's, or
// the successful answer's; "" when it did not answer.
func requestIDOfAttempt(err error, response responses.AcsResponse) string {
	if err != nil {
		return RequestID(err)
	}
	return requestIDOf(response)
}

// requestIDOf reads the RequestId of a successful answer: from its x-acs-request-id header,
// which the API sends with every answer, else from the JSON body (decoded a second time only
// then).
func requestIDOf(response responses.AcsResponse) string {
	if h := response.GetHttpHeaders()["X-Acs-Request-Id"]; len(h) > 0 && h[0] != "" {
		return h[0]
	}
	var body struct{ RequestId string }
	if json.Unmarshal(response.GetHttpContentBytes(), &body) == nil {
		return body.RequestId
	}
	return ""
}
