package ga

import (
	"errors"
	"strings"
	"testing"
	"time"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/waiter"
)

func TestParseAttachmentID(t *testing.T) {
	p, a, err := parseAttachmentID("gbwp-1:ga-2")
	if err != nil || p != "gbwp-1" || a != "ga-2" {
		t.Errorf("parseAttachmentID = %q, %q, %v", p, a, err)
	}
	if attachmentID(p, a) != "gbwp-1:ga-2" {
		t.Error("attachmentID does not invert parseAttachmentID")
	}
	for _, bad := range []string{"", "gbwp-1", "gbwp-1:", ":ga-2", "a:b:c"} {
		if _, _, err := parseAttachmentID(bad); err == nil {
			t.Errorf("parseAttachmentID(%q) accepted", bad)
		}
	}
}

// apiError returns an API error as the SDK builds it.
func apiError(code string) error {
	return sdkerrors.NewServerError(400, `{"Code":"`+code+`","Message":"m","RequestId":"r"}`, "")
}

func TestExplainGACodes(t *testing.T) {
	for code, want := range map[string]string{
		errCodeStateErrorBandwidthPackage:   "transitional state",
		errCodeUpgradeErrorBandwidthPackage: "two steps",
		errCodeNotExistBandwidthPackage:     "terraform state rm",
		"Throttling.User":                   "-parallelism", // explained by conns, for every product
		errCodeBindExistBandwidthPackage:    "alibabacloud_ga_bandwidth_package_attachment",
		errCodeOrderUnpaid:                  "Order Center",
	} {
		retried := &waiter.RefusedUntilTimeoutError{Action: "UpdateBandwidthPackage", Timeout: time.Minute, Attempts: 7, Last: apiError(code)}
		got := conns.Explain(retried, advice)
		if !strings.Contains(got, want) || !strings.Contains(got, "7 attempts") || !strings.Contains(got, code) {
			t.Errorf("Explain(%s) = %q, want it to contain %q", code, got, want)
		}
	}
	timeout := conns.Explain(&waiter.TimeoutError{LastState: "configuring", ExpectedState: []string{"done"}, Timeout: time.Minute}, advice)
	if !strings.Contains(timeout, `last state seen: "configuring"`) || !strings.Contains(timeout, "timeouts block") {
		t.Errorf("timeout explained as %q", timeout)
	}
	if got := conns.Explain(errors.New("plain"), advice); got != "plain" {
		t.Errorf("plain error explained as %q", got)
	}
}
