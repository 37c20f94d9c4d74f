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

// RetryableCodes are the API error codes retried whatever their HTTP status.
var RetryableCodes = []string{
	"Throttling",
	"Throttling.User",
	"Throttling.Api",
	"ServiceUnavailable",
}

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

// HTTPStatus returns the HTTP status of an API error, or 0 when err is not an API error.
func HTTPStatus(err error) int {
	if se := asServerError(err); se != nil {
		return se.HttpStatus()
	}
	return 0
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
	return b.String()
}
