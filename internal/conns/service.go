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
}

func newService(product, region string, endpoint Endpoint, cfg Config) *Service {
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
	return s
}

// Region returns the region the product's calls are signed for.
func (s *Service) Region() string { return s.region }

// Endpoint returns where the product's API is reached.
func (s *Service) Endpoint() Endpoint { return s.endpoint }

// MaxRetries returns how many times a retryable failure is retried.
func (s *Service) MaxRetries() int { return s.maxRetries }

// Do sends request and decodes the answer into response. It sets the endpoint, scheme and
// per-request timeout, retries throttling, 5xx and network errors with exponential backoff and
// jitter, stops early when ctx is done, and logs every attempt through tflog. Errors from the
// API are *errors.ServerError of the SDK. The error of a call sent more than once is wrapped in
// a *RepeatedCallError: an earlier attempt may have been carried out although its answer was lost
// (see EarlierAttemptMayHaveRun), which callers of non-idempotent actions need to know.
//
// Retries send the same request object again (freshly signed, with a new SignatureNonce), so a
// ClientToken the caller set is sent unchanged on every attempt and the API deduplicates.
func (s *Service) Do(ctx context.Context, request requests.AcsRequest, response responses.AcsResponse) error {
	request.SetDomain(s.endpoint.Host)
	request.SetScheme(s.scheme)
	action := request.GetActionName()
	// The request's fields become its parameters once; every attempt only signs them again.
	request.GetHeaders()["x-sdk-core-version"] = sdk.Version
	if err := requests.InitParams(request); err != nil {
		return fmt.Errorf("%s %s: building the request parameters: %w", s.product, action, err)
	}
	ctx = tflog.SetField(ctx, "alibabacloud_product", s.product)
	ctx = tflog.SetField(ctx, "alibabacloud_action", action)

	// Whether a failed, retried attempt may have been carried out by the API all the same.
	earlierMayHaveRun := false
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			// Attempts before this one were sent; this one is not.
			return repeated(fmt.Errorf("%s %s: %w", s.product, action, err), attempt-1, earlierMayHaveRun)
		}
		start := time.Now()
		err := s.attempt(ctx, request, response)
		fields := map[string]any{
			"attempt":     attempt,
			"duration_ms": time.Since(start).Milliseconds(),
		}
		addErrorFields(fields, err, response)

		retry := attempt <= s.maxRetries && ctx.Err() == nil && IsRetryable(err)
		switch {
		case err == nil:
			tflog.Debug(ctx, "Alibaba Cloud API call succeeded", fields)
			return nil
		case !retry:
			tflog.Debug(ctx, "Alibaba Cloud API call failed", fields)
			if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
				err = fmt.Errorf("%s %s: %w (after: %w)", s.product, action, ctxErr, err)
			}
			return repeated(err, attempt, earlierMayHaveRun)
		}
		earlierMayHaveRun = earlierMayHaveRun || mayHaveRun(err)
		delay := s.backoff(attempt)
		fields["retry_in_ms"] = delay.Milliseconds()
		tflog.Warn(ctx, "Alibaba Cloud API call failed, retrying", fields)
		if sleepErr := s.sleep(ctx, delay); sleepErr != nil {
			return repeated(fmt.Errorf("%s %s: %w while waiting to retry (last error: %w)", s.product, action, sleepErr, err), attempt, earlierMayHaveRun)
		}
	}
}

// backoff returns the delay before retry number attempt (1-based): full jitter over an
// exponentially growing, capped window.
func (s *Service) backoff(attempt int) time.Duration {
	window := float64(s.retryBase) * math.Pow(2, float64(attempt-1))
	window = min(window, float64(s.retryCap))
	return time.Duration(s.rand() * window)
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
