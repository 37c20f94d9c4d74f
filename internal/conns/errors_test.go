package conns

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"

	"terraform-provider-alibabacloud/internal/waiter"
)

func serverError(status int, body string) error {
	return sdkerrors.NewServerError(status, body, "")
}

func TestErrorCodeAndRetryable(t *testing.T) {
	throttled := serverError(400, `{"Code":"Throttling.User","RequestId":"R1"}`)
	wrapped := errors.Join(errors.New("context"), throttled)
	if ErrorCode(wrapped) != "Throttling.User" || !IsErrorCode(wrapped, "X", "Throttling.User") {
		t.Errorf("ErrorCode through wrapping = %q", ErrorCode(wrapped))
	}
	if ErrorCode(errors.New("plain")) != "" || IsErrorCode(nil, "") {
		t.Error("a non-API error has no code")
	}
	cases := map[string]struct {
		err  error
		want bool
	}{
		"throttling":          {throttled, true},
		"service unavailable": {serverError(503, `{"Code":"ServiceUnavailable"}`), true},
		"throttling.api":      {serverError(400, `{"Code":"Throttling.Api"}`), true},
		"internal 500":        {serverError(500, `{"Code":"InternalError"}`), true},
		"bad request":         {serverError(400, `{"Code":"InvalidParameter"}`), false},
		"not found":           {serverError(404, `{"Code":"InvalidBandwidthPackageId.NotFound"}`), false},
		"forbidden":           {serverError(403, `{"Code":"Forbidden.RAM"}`), false},
		"plain error":         {errors.New("connection reset by peer"), false},
		"nil":                 {nil, false},
	}
	for name, c := range cases {
		if got := IsRetryable(c.err); got != c.want {
			t.Errorf("%s: IsRetryable = %v, want %v", name, got, c.want)
		}
	}
}

func TestExplainAnswer(t *testing.T) {
	err := serverError(400, `{"RequestId":"REQ-9","Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3DLTAI%26SecurityToken%3Dsts-secret-token","Recommend":"https://next.api.aliyun.com/troubleshoot"}`)
	detail := Explain(err, nil)
	for _, want := range []string{"SignatureDoesNotMatch", "HTTP 400", "Request ID: REQ-9", "Specified signature is not matched", "Recommendation:"} {
		if !strings.Contains(detail, want) {
			t.Errorf("detail %q lacks %q", detail, want)
		}
	}
	if strings.Contains(detail, "sts-secret-token") {
		t.Errorf("detail leaks the security token: %q", detail)
	}
	if got := Explain(errors.New("plain failure"), nil); got != "plain failure" {
		t.Errorf("Explain(plain) = %q", got)
	}
	if got := Redact("a?Signature=abc%2B&SecurityToken=tok&x=1"); strings.Contains(got, "abc") || strings.Contains(got, "tok") {
		t.Errorf("Redact = %q", got)
	}
}

func TestExplainCommonCodes(t *testing.T) {
	for code, want := range map[string]string{
		"SignatureDoesNotMatch":       "secret_key",
		"InvalidAccessKeyId.NotFound": "access_key",
		"InvalidTimeStamp.Expired":    "clock",
		"Forbidden.RAM":               "RAM permission",
		"Throttling.User":             "max_retries",
	} {
		detail := Explain(serverError(400, `{"RequestId":"R","Code":"`+code+`","Message":"m"}`), nil)
		if !strings.Contains(detail, want) {
			t.Errorf("Explain(%s) = %q, want advice mentioning %q", code, detail, want)
		}
	}
	detail := Explain(serverError(400, `{"RequestId":"R","Code":"NotExist.BandwidthPackage","Message":"m"}`), nil)
	if strings.Contains(detail, "\n\n") {
		t.Errorf("Explain of a product code without its advice added common advice: %q", detail)
	}
}

func TestNotFoundError(t *testing.T) {
	cause := errors.New("NotExist.BandwidthPackage")
	err := fmt.Errorf("reading: %w", &NotFoundError{Kind: "GA bandwidth plan", ID: "gbwp-1", Cause: cause})
	if !IsNotFound(err) {
		t.Errorf("IsNotFound(%v) = false", err)
	}
	if !errors.Is(err, cause) {
		t.Error("the NotFoundError does not unwrap to its cause")
	}
	if got, want := err.Error(), "reading: GA bandwidth plan gbwp-1 does not exist"; got != want {
		t.Errorf("message %q, want %q", got, want)
	}
	if IsNotFound(cause) || IsNotFound(nil) {
		t.Error("IsNotFound is true for an error that is not a NotFoundError")
	}
}

// TestExplainOrder: whatever the error, the detail reads in one order: what happened, cause and
// fix, then the API's code, message and request id.
func TestExplainOrder(t *testing.T) {
	api := serverError(400, `{"RequestId":"REQ-7","Code":"StateError.Thing","Message":"the thing is busy"}`)
	advice := Advice{"StateError.Thing": "CAUSE-AND-FIX of the product", "Throttling.User": "PRODUCT THROTTLING ADVICE"}
	cases := map[string]struct {
		err  error
		want []string // in this order
	}{
		"API error": {fmt.Errorf("reading: %w", api),
			[]string{"CAUSE-AND-FIX", "StateError.Thing (HTTP 400): the thing is busy", "Request ID: REQ-7"}},
		"refused until the timeout": {&waiter.RefusedUntilTimeoutError{Action: "UpdateThing", Timeout: time.Minute, Attempts: 7, Last: api},
			[]string{"UpdateThing was still refused after 7 attempts over 1m0s.", "CAUSE-AND-FIX", "StateError.Thing", "Request ID: REQ-7"}},
		"wait timed out after a transient error": {&waiter.TimeoutError{LastState: "configuring", ExpectedState: []string{"done"}, Timeout: time.Minute, LastError: api},
			[]string{`did not finish within 1m0s (last state seen: "configuring", waiting for done)`, "timeouts block", "CAUSE-AND-FIX", "REQ-7"}},
		"wait timed out": {fmt.Errorf("waiting for accelerators ga-1: %w", &waiter.TimeoutError{LastState: "configuring", ExpectedState: []string{"done"}, Timeout: time.Minute}),
			[]string{"did not finish within 1m0s", "waiting for accelerators ga-1: timeout while waiting"}},
		"object missing":      {&waiter.MissingError{Checks: 4}, []string{"not found in 4 consecutive reads", "object not found after 4"}},
		"unexpected state":    {&waiter.UnexpectedStateError{State: "failed", ExpectedState: []string{"active"}}, []string{`state "failed"`, "unexpected state"}},
		"product advice wins": {serverError(400, `{"RequestId":"R","Code":"Throttling.User"}`), []string{"PRODUCT THROTTLING ADVICE", "Throttling.User"}},
		"common advice":       {serverError(400, `{"RequestId":"R","Code":"Throttling.Api"}`), []string{"max_retries", "Throttling.Api"}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			detail := Explain(tc.err, advice)
			at := 0
			for _, want := range tc.want {
				i := strings.Index(detail[at:], want)
				if i < 0 {
					t.Fatalf("detail %q lacks %q after position %d", detail, want, at)
				}
				at += i + len(want)
			}
		})
	}
	if Explain(nil, advice) != "" {
		t.Error("Explain(nil) is not empty")
	}
}

// TestExplainNonAPIAnswers: an answer without an API error document (a gateway's 431, 413 or
// 502, a page that is no API) is explained as such from its status, never as "The Alibaba
// Cloud API answered (HTTP 431)" with no code; a long body or message is cut.
func TestExplainNonAPIAnswers(t *testing.T) {
	page := "<html><body>" + strings.Repeat("x", 5000) + "</body></html>"
	for name, tc := range map[string]struct {
		err   error
		wants []string
	}{
		"431":        {serverError(431, "Request Header Fields Too Large"), []string{"too large for the API's gateway", "shorten it", "HTTP 431 Request Header Fields Too Large with no API error code: Request Header Fields Too Large"}},
		"413":        {serverError(413, ""), []string{"body was too large", "HTTP 413 Request Entity Too Large with no API error code"}},
		"502, empty": {serverError(502, ""), []string{"failed without an API error document", "retried", "HTTP 502 Bad Gateway with no API error code"}},
		"404, page":  {serverError(404, page), []string{"may not be an Alibaba Cloud API endpoint", "check the endpoints setting", "HTTP 404 Not Found", "(5026 characters in all)"}},
	} {
		t.Run(name, func(t *testing.T) {
			detail := Explain(tc.err, nil)
			for _, want := range tc.wants {
				if !strings.Contains(detail, want) {
					t.Errorf("detail %q lacks %q", detail, want)
				}
			}
			if strings.Contains(detail, "API answered  (") || strings.Contains(detail, "API answered (") || len(detail) > 1500 {
				t.Errorf("detail (%d bytes) %q", len(detail), detail[:min(len(detail), 300)])
			}
		})
	}
	long := serverError(400, `{"RequestId":"R","Code":"InvalidParameter","Message":"The parameter AcceleratorId `+strings.Repeat("a", 2<<20)+` is invalid."}`)
	if detail := Explain(long, nil); len(detail) > 1200 || !strings.Contains(detail, "characters in all)") {
		t.Errorf("an API message quoting a 2 MB value is shown in %d bytes", len(detail))
	}
}

// TestExplainTimeoutSetting: where the explanation says to raise the timeout, it names the
// setting of the operation that failed (an *OperationError), else the timeouts block.
func TestExplainTimeoutSetting(t *testing.T) {
	waited := &waiter.TimeoutError{LastState: "binding", ExpectedState: []string{"done"}, Timeout: 10 * time.Minute}
	op := &OperationError{Setting: "timeouts.create", Timeout: 10 * time.Minute, Err: waited}
	if got := Explain(op, nil); !strings.Contains(got, "or raise timeouts.create (now 10m).") {
		t.Errorf("explained as %q", got)
	}
	if got := Explain(waited, nil); !strings.Contains(got, "or raise the resource's timeouts block.") {
		t.Errorf("without a setting, explained as %q", got)
	}
	if !errors.Is(op, waited) || op.Error() != waited.Error() {
		t.Error("an OperationError does not read as the error it carries")
	}
	for d, want := range map[time.Duration]string{10 * time.Minute: "10m", 90 * time.Minute: "1h30m", 2 * time.Hour: "2h", 45 * time.Second: "45s", -5 * time.Minute: "-5m"} {
		if got := FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%s) = %q, want %q", d, got, want)
		}
	}
}
