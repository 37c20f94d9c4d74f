package conns

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
)

func TestParseEndpoint(t *testing.T) {
	valid := map[string]Endpoint{
		"cbn.aliyuncs.com":                    {Scheme: "https", Host: "cbn.aliyuncs.com"},
		" 127.0.0.1:8686 ":                    {Scheme: "https", Host: "127.0.0.1:8686"},
		"http://127.0.0.1:8686":               {Scheme: "http", Host: "127.0.0.1:8686"},
		"HTTP://localhost:1/":                 {Scheme: "http", Host: "localhost:1"},
		"https://ga.cn-hangzhou.aliyuncs.com": {Scheme: "https", Host: "ga.cn-hangzhou.aliyuncs.com"},
		"http://[::1]:8080":                   {Scheme: "http", Host: "[::1]:8080"},
	}
	for in, want := range valid {
		got, err := ParseEndpoint(in)
		if err != nil || got != want {
			t.Errorf("ParseEndpoint(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	invalid := []string{"", "ftp://host", "http://", "https://host/path", "host/path", "http://host?x=1",
		"http://user:pw@host", "ho st", "http://host:", "://host"}
	for _, in := range invalid {
		if got, err := ParseEndpoint(in); err == nil {
			t.Errorf("ParseEndpoint(%q) = %v, want an error", in, got)
		}
	}
}

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

func TestErrorDetail(t *testing.T) {
	err := serverError(400, `{"RequestId":"REQ-9","Code":"SignatureDoesNotMatch","Message":"Specified signature is not matched with our calculation. server string to sign is:POST&%2F&AccessKeyId%3DLTAI%26SecurityToken%3Dsts-secret-token","Recommend":"https://next.api.aliyun.com/troubleshoot"}`)
	detail := ErrorDetail(err)
	for _, want := range []string{"SignatureDoesNotMatch", "HTTP 400", "Request ID: REQ-9", "Specified signature is not matched", "Recommendation:"} {
		if !strings.Contains(detail, want) {
			t.Errorf("detail %q lacks %q", detail, want)
		}
	}
	if strings.Contains(detail, "sts-secret-token") {
		t.Errorf("detail leaks the security token: %q", detail)
	}
	if got := ErrorDetail(errors.New("plain failure")); got != "plain failure" {
		t.Errorf("ErrorDetail(plain) = %q", got)
	}
	if got := Redact("a?Signature=abc%2B&SecurityToken=tok&x=1"); strings.Contains(got, "abc") || strings.Contains(got, "tok") {
		t.Errorf("Redact = %q", got)
	}
}

func TestErrorDetailExplainsCommonCodes(t *testing.T) {
	for code, want := range map[string]string{
		"SignatureDoesNotMatch":       "secret_key",
		"InvalidAccessKeyId.NotFound": "access_key",
		"InvalidTimeStamp.Expired":    "clock",
		"Forbidden.RAM":               "RAM permission",
		"Throttling.User":             "max_retries",
	} {
		detail := ErrorDetail(serverError(400, `{"RequestId":"R","Code":"`+code+`","Message":"m"}`))
		if !strings.Contains(detail, want) {
			t.Errorf("ErrorDetail(%s) = %q, want advice mentioning %q", code, detail, want)
		}
	}
	detail := ErrorDetail(serverError(400, `{"RequestId":"R","Code":"NotExist.BandwidthPackage","Message":"m"}`))
	if strings.Contains(detail, "\n\n") {
		t.Errorf("ErrorDetail of a product code added common advice: %q", detail)
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
