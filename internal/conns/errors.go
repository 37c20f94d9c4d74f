package conns

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"time"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"

	"terraform-provider-alibabacloud/internal/waiter"
)

// ThrottlingCodes are the API's answers to a request refused for its rate, before it is
// carried out.
var ThrottlingCodes = []string{"Throttling", "Throttling.User", "Throttling.Api"}

// RetryableCodes are the API error codes retried whatever their HTTP status.
var RetryableCodes = append(slices.Clone(ThrottlingCodes), "ServiceUnavailable")

// NetworkError is a failure to reach the API or to read its answer: no API error code, and
// retried when it is a reset, refused connection, EOF or timeout.
type NetworkError struct {
	// Product and Action name the call, e.g. "Ga" and "DescribeBandwidthPackage".
	Product, Action string
	// Err is the transport error, with the request URL (which carries the signature) removed.
	Err error
}

// Error implements error.
func (e *NetworkError) Error() string {
	return fmt.Sprintf("calling %s %s: %s", e.Product, e.Action, e.Err)
}

// Unwrap returns the transport error.
func (e *NetworkError) Unwrap() error { return e.Err }

// The errors of this package and of internal/waiter form one family, each named for what
// happened, and Explain turns any of them into a diagnostic:
//
//   - *NetworkError: the API could not be reached, or its answer not read;
//   - *NotFoundError: the object does not exist (decided by each product's find.go only);
//   - *RepeatedCallError: the final error of a call Do sent more than once;
//   - *waiter.RefusedUntilTimeoutError: a call still refused "for now" when its timeout ran out;
//   - *waiter.TimeoutError: a wait that ran out before the target state (with the last state);
//   - *waiter.MissingError, *waiter.UnexpectedStateError: a wait that found the object gone, or
//     in a state nobody expected.
//
// API errors themselves are the SDK's *errors.ServerError, read with ErrorCode and RequestID.

// NotFoundError says that an object does not exist (any more). Each product's finders (its
// find.go) turn the API's NotExist codes and empty answers into one, so that one place decides
// what "gone" means for every resource.
type NotFoundError struct {
	// Kind names the object, e.g. "CEN bandwidth package" or "GA bandwidth plan".
	Kind string
	// ID is the object's id.
	ID string
	// Cause is the API error behind it, if any.
	Cause error
}

// Error implements error.
func (e *NotFoundError) Error() string {
	return fmt.Sprintf("%s %s does not exist", e.Kind, e.ID)
}

// Unwrap returns the API error behind the NotFoundError.
func (e *NotFoundError) Unwrap() error { return e.Cause }

// IsNotFound reports whether err is (or wraps) a *NotFoundError.
func IsNotFound(err error) bool {
	var nf *NotFoundError
	return errors.As(err, &nf)
}

// RepeatedCallError is the final error of a call Do sent more than once: an earlier attempt
// failed in a way Do retries (throttling, 5xx, a lost connection), and Err is what the last
// attempt got. Such a call may have been carried out by an earlier attempt whose answer was lost,
// so an error from the last attempt such as "an order is already processing" may be the call's
// own doing. It unwraps to Err, so ErrorCode, IsErrorCode, RequestID, Explain and errors.As see
// through it, and its message is Err's. It also tells what was tried, for Explain: how often,
// over how long, how the attempts failed, and the last request id the API gave.
type RepeatedCallError struct {
	// Action names the call, e.g. "Ga DescribeBandwidthPackage".
	Action string
	// Attempts is how many times the request was sent, at least 2.
	Attempts int
	// Elapsed is the time from the first attempt to the end of the last.
	Elapsed time.Duration
	// Throttled, ServerErrors and NetworkErrors count the attempts answered with a throttling
	// code, with a 5xx or ServiceUnavailable, and not answered at all (lost connection, timeout).
	Throttled, ServerErrors, NetworkErrors int
	// LastRequestID is the request id of the last attempt the API answered ("" if none was).
	LastRequestID string
	// EarlierAttemptMayHaveRun is false when every earlier attempt was certainly refused
	// before being carried out (throttled, or the connection refused), true when one of them
	// got no answer or a 5xx, so the API may have carried it out.
	EarlierAttemptMayHaveRun bool
	// Err is the error of the last attempt.
	Err error
}

// Error implements error: the last attempt's message.
func (e *RepeatedCallError) Error() string { return e.Err.Error() }

// Unwrap returns the last attempt's error.
func (e *RepeatedCallError) Unwrap() error { return e.Err }

// Summary says what was tried, for a person: "Ga DescribeBandwidthPackage was sent 12 times
// over 4m58s (9 throttled, 2 server errors, 1 without an answer); the last request id the API
// gave was ...".
func (e *RepeatedCallError) Summary() string {
	var failures []string
	for _, f := range []struct {
		n    int
		what string
	}{{e.Throttled, "throttled"}, {e.ServerErrors, "server errors (5xx)"}, {e.NetworkErrors, "without an answer"}} {
		if f.n > 0 {
			failures = append(failures, fmt.Sprintf("%d %s", f.n, f.what))
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s was sent %d times over %s", cmp.Or(e.Action, "The call"), e.Attempts, e.Elapsed.Round(time.Millisecond))
	if len(failures) > 0 {
		fmt.Fprintf(&b, " (%s)", strings.Join(failures, ", "))
	}
	b.WriteString(".")
	if e.LastRequestID != "" {
		fmt.Fprintf(&b, " The last request id the API gave was %s.", e.LastRequestID)
	}
	return b.String()
}

// EarlierAttemptMayHaveRun reports whether err is the error of a call Do sent more than once
// and an earlier attempt may have been carried out although its answer was lost or was a 5xx
// (see RepeatedCallError). Then an error such as "an order is already processing" may be the
// call's own doing; after only throttled or refused attempts it cannot be.
func EarlierAttemptMayHaveRun(err error) bool {
	var re *RepeatedCallError
	return errors.As(err, &re) && re.EarlierAttemptMayHaveRun
}

// InterruptedInFlight reports whether err ends a call that its context's cancellation (a
// Ctrl-C of Terraform) interrupted after a request had been sent, which the API may have
// carried out: the attempt in flight was cut off, or an earlier one may have run. A caller of
// an action that buys something sends it once more, with the same ClientToken and a context of
// its own, to learn what it bought.
func InterruptedInFlight(err error) bool {
	if !errors.Is(err, context.Canceled) {
		return false
	}
	var ne *NetworkError
	return errors.As(err, &ne) || EarlierAttemptMayHaveRun(err)
}

// mayHaveRun reports whether the API may have carried out an attempt that failed with err:
// anything but a throttling answer or a refused connection.
func mayHaveRun(err error) bool {
	return !IsErrorCode(err, ThrottlingCodes...) && !errors.Is(err, syscall.ECONNREFUSED)
}

// stripURL drops the request URL from a *url.Error: its query holds the signature and, with
// STS credentials, the security token.
func stripURL(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("%s request: %w", ue.Op, ue.Err)
	}
	return err
}

func asServerError(err error) *sdkerrors.ServerError {
	var se *sdkerrors.ServerError
	if errors.As(err, &se) {
		return se
	}
	return nil
}

// ErrorCode returns the API error code carried by err, or "" when err is not an API error.
func ErrorCode(err error) string {
	if se := asServerError(err); se != nil {
		return se.ErrorCode()
	}
	return ""
}

// IsErrorCode reports whether err is an API error with one of codes.
func IsErrorCode(err error, codes ...string) bool {
	code := ErrorCode(err)
	return code != "" && slices.Contains(codes, code)
}

// ErrorCodeIn returns a function reporting whether an error is an API error with one of codes,
// for example the refusals a waiter.RetryWhen retries.
func ErrorCodeIn(codes ...string) func(error) bool {
	return func(err error) bool { return IsErrorCode(err, codes...) }
}

// RetryableOrCode returns a function reporting whether an error is retryable (IsRetryable) or
// an API error with one of codes: what a waiter.RetryWhen inside an operation retries, so that
// neither a "not now" refusal nor a transient failure ends the operation while it has time.
func RetryableOrCode(codes ...string) func(error) bool {
	return func(err error) bool { return IsRetryable(err) || IsErrorCode(err, codes...) }
}

// RequestID returns the request id of an API error, or "" when err is not an API error.
func RequestID(err error) string {
	if se := asServerError(err); se != nil {
		return se.RequestId()
	}
	return ""
}

// IsRetryable reports whether Do retries err: throttling and ServiceUnavailable codes, any
// HTTP 5xx, and connection resets, refusals, EOFs and timeouts. Other API errors (4xx) are
// never retried: the request itself is wrong. A canceled context is not retryable.
func IsRetryable(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	if se := asServerError(err); se != nil {
		return slices.Contains(RetryableCodes, se.ErrorCode()) || se.HttpStatus() >= 500
	}
	var ne *NetworkError
	if !errors.As(err, &ne) {
		return false
	}
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNABORTED) || errors.Is(err, syscall.EPIPE) {
		return true
	}
	var netErr net.Error
	if errors.As(err, &netErr) && netErr.Timeout() {
		return true
	}
	// net/http reports some dropped connections only in text.
	msg := err.Error()
	return strings.Contains(msg, "connection reset") || strings.Contains(msg, "server closed idle connection")
}

// redactions remove what an API message may echo of a request: the server's string to sign
// (which lists every parameter, the security token included) and any SecurityToken or
// Signature parameter.
var redactions = []struct {
	re   *regexp.Regexp
	with string
}{
	{regexp.MustCompile(`(?i)(server string to sign is:?)\s*\S+`), "$1 (redacted)"},
	{regexp.MustCompile(`(?i)((?:SecurityToken|Signature|AccessKeySecret)(?:=|%3D|":\s*"))[^&"\s]+`), "$1(redacted)"},
}

// Redact removes signatures, security tokens and strings to sign from text.
func Redact(text string) string {
	for _, r := range redactions {
		text = r.re.ReplaceAllString(text, r.with)
	}
	return text
}

// TimeoutSetting is written in explanations where the fix is a longer timeout ("raise " +
// TimeoutSetting): Explain puts in its place the setting that bounded the operation and its
// value ("timeouts.create (now 10m)") when the error is an *OperationError, else "the
// resource's timeouts block".
const TimeoutSetting = "{timeout setting}"

// OperationError is the error of one operation of a resource (a create, update or delete),
// bounded by the timeout of Setting: Explain names the setting where it says to raise the
// timeout. It unwraps to Err, and its message is Err's.
type OperationError struct {
	// Setting is the attribute the timeout came from, e.g. "timeouts.create".
	Setting string
	// Timeout is its value.
	Timeout time.Duration
	// Err is what failed.
	Err error
}

// Error implements error.
func (e *OperationError) Error() string { return e.Err.Error() }

// Unwrap returns what failed.
func (e *OperationError) Unwrap() error { return e.Err }

// timeoutSettingOf names the setting to raise for err (see TimeoutSetting).
func timeoutSettingOf(err error) string {
	if e, ok := errors.AsType[*OperationError](err); ok && e.Setting != "" {
		return fmt.Sprintf("%s (now %s)", e.Setting, FormatDuration(e.Timeout))
	}
	return "the resource's timeouts block"
}

// FormatDuration renders d as a person writes it: 10m and 1h30m, not 10m0s and 1h30m0s.
func FormatDuration(d time.Duration) string {
	s := d.String()
	if t, ok := strings.CutSuffix(s, "m0s"); ok {
		s = t + "m"
	}
	if t, ok := strings.CutSuffix(s, "h0m"); ok {
		s = t + "h"
	}
	return s
}

// Advice explains API error codes: for each code, what it means and what to do about it (cause
// and fix, in a few sentences). Each product has one for its own codes.
type Advice map[string]string

// With returns a copy of a with the entries of more added, replacing those of the same codes:
// the advice of one action whose codes mean something else than for the product's other
// actions (a BindExist answered to a bind, not to a delete).
func (a Advice) With(more Advice) Advice {
	out := make(Advice, len(a)+len(more))
	maps.Copy(out, a)
	maps.Copy(out, more)
	return out
}

// Explain turns an error into the detail of a diagnostic, always in the same order, each part
// a paragraph:
//
//  1. what happened, when the error says more than the API's answer: a call still refused when
//     its timeout ran out (*waiter.RefusedUntilTimeoutError), a wait that ran out
//     (*waiter.TimeoutError, with the last state seen), an object that stayed missing
//     (*waiter.MissingError) or reached a state nobody expected (*waiter.UnexpectedStateError);
//     then, for a call sent more than once (*RepeatedCallError), what was tried: how often, over
//     how long, how the attempts failed and the last request id;
//  2. the cause and the fix of the API's error code: productAdvice's, or else the advice for the
//     codes every product answers (credentials, clock skew, RAM permissions, exhausted
//     throttling retries);
//  3. the API's answer: its code, HTTP status, message, recommendation and request id (for
//     support cases), or the transport error.
//
// For example:
//
//	resp.Diagnostics.AddError("Updating GA bandwidth plan failed", conns.Explain(err, advice))
//
// It never contains a secret, a security token, a signature or the string to sign.
func Explain(err error, productAdvice Advice) string {
	if err == nil {
		return ""
	}
	var parts []string
	if what := whatHappened(err); what != "" {
		parts = append(parts, what)
	}
	if re, ok := errors.AsType[*RepeatedCallError](err); ok {
		parts = append(parts, re.Summary())
	}
	code := ErrorCode(err)
	if advice, ok := productAdvice[code]; ok {
		parts = append(parts, advice)
	} else if advice, ok := commonAdvice[code]; ok {
		parts = append(parts, advice)
	}
	explained := strings.ReplaceAll(strings.Join(parts, "\n\n"), TimeoutSetting, timeoutSettingOf(err))
	if explained == "" {
		return answer(err)
	}
	return explained + "\n\n" + answer(err)
}

// whatHappened describes the errors of the waiter, which say more than the API's answer they
// may carry; "" for any other error.
func whatHappened(err error) string {
	if e, ok := errors.AsType[*waiter.RefusedUntilTimeoutError](err); ok {
		return fmt.Sprintf("%s was still refused after %d attempts over %s.", e.Action, e.Attempts, e.Timeout)
	}
	if e, ok := errors.AsType[*waiter.TimeoutError](err); ok {
		return fmt.Sprintf("The operation did not finish within %s (last state seen: %q, waiting for %s). "+
			"It may still complete on the cloud side: run terraform apply again later, or raise "+TimeoutSetting+".",
			e.Timeout, e.LastState, strings.Join(e.ExpectedState, ", "))
	}
	if e, ok := errors.AsType[*waiter.MissingError](err); ok {
		return fmt.Sprintf("The object waited for was not found in %d consecutive reads: it was deleted outside "+
			"Terraform, or never appeared.", e.Checks)
	}
	if e, ok := errors.AsType[*waiter.UnexpectedStateError](err); ok {
		return fmt.Sprintf("The object went into state %q, where the provider expected %s. Check it in the console.",
			e.State, strings.Join(e.ExpectedState, ", "))
	}
	return ""
}

// answer renders what the API answered: code, HTTP status, message, recommendation and
// request id; for an answer that is no API error document (no code: a gateway, proxy or load
// balancer answered, or something that is not an Alibaba Cloud API), what its HTTP status
// means; for an error that carries no answer, its text. Secrets are redacted, and a long
// message is cut.
func answer(err error) string {
	se := asServerError(err)
	if se == nil {
		return Redact(stripURL(err).Error())
	}
	if se.ErrorCode() == "" {
		return nonAPIAnswer(se.HttpStatus(), se.Message())
	}
	var b strings.Builder
	fmt.Fprintf(&b, "The Alibaba Cloud API answered %s", se.ErrorCode())
	if status := se.HttpStatus(); status != 0 {
		fmt.Fprintf(&b, " (HTTP %d)", status)
	}
	if msg := strings.TrimSpace(se.Message()); msg != "" {
		fmt.Fprintf(&b, ": %s", cut(Redact(msg), maxAnswerMessage))
	}
	if rec := strings.TrimSpace(se.Recommend()); rec != "" {
		fmt.Fprintf(&b, "\nRecommendation: %s", cut(rec, maxAnswerMessage))
	}
	if id := se.RequestId(); id != "" {
		fmt.Fprintf(&b, "\nRequest ID: %s", id)
	}
	return b.String()
}

// maxAnswerMessage is how many characters of an answer's message a diagnostic shows: an API
// message may quote a parameter, and a body that is no API document may be a whole page.
const maxAnswerMessage = 1000

// cut shortens s to limit characters, saying how long it was.
func cut(s string, limit int) string {
	runes := []rune(s)
	if len(runes) <= limit {
		return s
	}
	return fmt.Sprintf("%s... (%d characters in all)", string(runes[:limit]), len(runes))
}

// nonAPIAnswer explains an HTTP answer without an API error document, from its status.
func nonAPIAnswer(status int, body string) string {
	var what string
	switch {
	case status == http.StatusRequestHeaderFieldsTooLarge || status == http.StatusRequestURITooLong:
		what = "The request was too large for the API's gateway: its URL or headers, which carry every parameter of " +
			"the call, exceed what it accepts. A value in the configuration is far longer than the API allows (ids " +
			"and names are at most a few hundred characters): shorten it."
	case status == http.StatusRequestEntityTooLarge:
		what = "The request's body was too large for the API's gateway. A value in the configuration is far longer " +
			"than the API allows: shorten it."
	case status >= 500:
		what = "The endpoint failed without an API error document: a gateway, proxy or load balancer between the " +
			"provider and the API failed, or the API is down. The provider retried it; run terraform apply again " +
			"later, and check the endpoints setting if it persists."
	default:
		what = "The endpoint answered without an API error document, so it may not be an Alibaba Cloud API " +
			"endpoint (a proxy, a captive portal, a wrong address): check the endpoints setting."
	}
	answered := fmt.Sprintf("The endpoint answered HTTP %d %s with no API error code", status, http.StatusText(status))
	if body = strings.TrimSpace(body); body != "" {
		answered += ": " + cut(Redact(body), 200)
	}
	return what + "\n\n" + answered
}

// retriesExhausted is the advice for the codes Do retries: they reach a diagnostic only once
// the retries are used up.
const retriesExhausted = "The API kept refusing the request for its rate or load. The provider retried it, " +
	"slowing its own calls down, until the operation's timeout ran out (or max_retries times, for a call outside " +
	"a create, update or delete, such as a refresh). Run terraform apply again in a few minutes, lower " +
	"-parallelism, raise " + TimeoutSetting + " or, for a refresh, max_retries in the provider configuration, " +
	"or set a rate_limit ceiling if other tools share the account's flow control."

// commonAdvice explains the error codes that every Alibaba Cloud product answers with: what
// they mean and what to do. Each product's Advice explains its own codes.
var commonAdvice = Advice{
	"SignatureDoesNotMatch": "The secret key does not belong to the access key: the request was signed with " +
		"another secret. Check secret_key (or ALICLOUD_SECRET_KEY / ALIBABA_CLOUD_ACCESS_KEY_SECRET, or the " +
		"profile in use) against the AccessKey pair in the RAM console.",
	"IncompleteSignature": "The request's signature was incomplete or of an unsupported kind. Check that " +
		"endpoints point at an Alibaba Cloud API endpoint.",
	"InvalidAccessKeyId.NotFound": "The access key does not exist: it was deleted, mistyped, or belongs to " +
		"another site (China vs. international). Check access_key (or ALICLOUD_ACCESS_KEY / " +
		"ALIBABA_CLOUD_ACCESS_KEY_ID, or the profile in use).",
	"InvalidAccessKeyId.Inactive": "The access key is disabled. Enable it in the RAM console or configure " +
		"another one.",
	"InvalidSecurityToken.Expired": "The STS security token has expired. Obtain new temporary credentials " +
		"(or let assume_role renew them) and run Terraform again.",
	"InvalidSecurityToken.MismatchWithAccessKey": "The security token does not belong to the access key. " +
		"Configure the access key, secret and token of the same STS credentials.",
	"InvalidTimeStamp.Expired": "The request's time differs from Alibaba Cloud's by more than 15 minutes. " +
		"Synchronize this machine's clock (NTP) and run Terraform again.",
	"SignatureNonceUsed": "The request's nonce was used already, which happens when a request is replayed. " +
		"Run Terraform again; if it persists, check for a proxy that repeats requests.",
	"Forbidden.RAM": "The credentials lack a RAM permission this action needs. Grant the user or role the " +
		"provider uses the action named in the message (for example with AliyunCENFullAccess or " +
		"AliyunGAFullAccess, or a narrower custom policy).",
	"NoPermission": "The credentials lack a permission this action needs. Grant the user or role the " +
		"provider uses the RAM action for it, then run Terraform again.",
	"Throttling":         retriesExhausted,
	"Throttling.User":    retriesExhausted,
	"Throttling.Api":     retriesExhausted,
	"ServiceUnavailable": retriesExhausted,
}
