package conns

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"syscall"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
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

// NotFoundError says that an object does not exist (any more). Each product's finders turn
// the API's NotExist codes and empty answers into one, so that one test decides what "gone"
// means for every resource.
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

// RetriedError is the final error of a call Do sent more than once: an earlier attempt failed in
// a way Do retries (throttling, 5xx, a lost connection), and Err is what the last attempt got.
// Such a call may have been carried out by an earlier attempt whose answer was lost, so an error
// from the last attempt such as "an order is already processing" may be the call's own doing.
// It unwraps to Err, so ErrorCode, IsErrorCode, RequestID, ErrorDetail and errors.As see through
// it, and its message is Err's.
type RetriedError struct {
	// Attempts is how many times the request was sent, at least 2.
	Attempts int
	// EarlierAttemptMayHaveRun is false when every earlier attempt was certainly refused
	// before being carried out (throttled, or the connection refused), true when one of them
	// got no answer or a 5xx, so the API may have carried it out.
	EarlierAttemptMayHaveRun bool
	// Err is the error of the last attempt.
	Err error
}

// Error implements error: the last attempt's message.
func (e *RetriedError) Error() string { return e.Err.Error() }

// Unwrap returns the last attempt's error.
func (e *RetriedError) Unwrap() error { return e.Err }

// EarlierAttemptMayHaveRun reports whether err is the error of a call Do sent more than once
// and an earlier attempt may have been carried out although its answer was lost or was a 5xx
// (see RetriedError). Then an error such as "an order is already processing" may be the
// call's own doing; after only throttled or refused attempts it cannot be.
func EarlierAttemptMayHaveRun(err error) bool {
	var re *RetriedError
	return errors.As(err, &re) && re.EarlierAttemptMayHaveRun
}

// retried wraps err, the final error of a call sent attempts times, in a *RetriedError when
// the call was sent more than once; mayHaveRun says whether an earlier attempt may have been
// carried out.
func retried(err error, attempts int, mayHaveRun bool) error {
	if err == nil || attempts < 2 {
		return err
	}
	return &RetriedError{Attempts: attempts, EarlierAttemptMayHaveRun: mayHaveRun, Err: err}
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

// ErrorDetail turns an error from Do into a readable diagnostic detail: the API's code,
// message, HTTP status and request id (for support cases), or the transport error. Resources
// add what the error means for them and how to fix it, e.g.
//
//	resp.Diagnostics.AddError("Creating GA bandwidth package failed",
//		conns.ErrorDetail(err)+"\n\nThe bandwidth must be between 2 and 2000 Mbps.")
//
// It never contains a secret, a security token or a signature.
func ErrorDetail(err error) string {
	if err == nil {
		return ""
	}
	se := asServerError(err)
	if se == nil {
		return Redact(stripURL(err).Error())
	}
	var b strings.Builder
	fmt.Fprintf(&b, "The Alibaba Cloud API answered %s", se.ErrorCode())
	if status := se.HttpStatus(); status != 0 {
		fmt.Fprintf(&b, " (HTTP %d)", status)
	}
	if msg := strings.TrimSpace(se.Message()); msg != "" {
		fmt.Fprintf(&b, ": %s", Redact(msg))
	}
	if rec := strings.TrimSpace(se.Recommend()); rec != "" {
		fmt.Fprintf(&b, "\nRecommendation: %s", rec)
	}
	if id := se.RequestId(); id != "" {
		fmt.Fprintf(&b, "\nRequest ID: %s", id)
	}
	if advice, ok := commonAdvice[se.ErrorCode()]; ok {
		fmt.Fprintf(&b, "\n\n%s", advice)
	}
	return b.String()
}

// retriesExhausted is the advice for the codes Do retries: they reach a diagnostic only once
// the retries are used up.
const retriesExhausted = "The API kept refusing the request for its rate or load after the provider's " +
	"retries. Run terraform apply again in a few minutes, lower -parallelism, or raise max_retries in the " +
	"provider configuration."

// commonAdvice explains the error codes that every Alibaba Cloud product answers with: what
// they mean and what to do. Resources explain their own products' codes.
var commonAdvice = map[string]string{
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
