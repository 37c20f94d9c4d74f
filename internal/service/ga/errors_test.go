package ga

import (
	"errors"
	"strings"
	"testing"
	"time"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework/resourcetest"
	"terraform-provider-alibabacloud/internal/waiter"
)

func TestExplainGACodes(t *testing.T) {
	for code, want := range map[string]string{
		errCodeStateErrorBandwidthPackage:   "transitional state",
		errCodeUpgradeErrorBandwidthPackage: "two steps",
		errCodeNotExistBandwidthPackage:     "terraform state rm",
		"Throttling.User":                   "-parallelism", // explained by conns, for every product
		errCodeBindExistBandwidthPackage:    "alibabacloud_ga_bandwidth_package_attachment",
		errCodeOrderUnpaid:                  "Order Center",
		errCodePostpayNotEnabled:            "account manager",
		errCodePayBY95NotEnabled:            "PayByTraffic",
		errCodeDowngradeQuotaExceeded:       "Quota Center",
	} {
		retried := &waiter.RefusedUntilTimeoutError{Action: "UpdateBandwidthPackage", Timeout: time.Minute, Attempts: 7, Last: resourcetest.APIError(code)}
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
