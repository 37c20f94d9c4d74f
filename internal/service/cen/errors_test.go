package cen

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"terraform-provider-alibabacloud/internal/framework"
	"terraform-provider-alibabacloud/internal/framework/resourcetest"
	"terraform-provider-alibabacloud/internal/waiter"
)

func TestUpgradeErrorDetail(t *testing.T) {
	cases := map[string][]string{
		errCodeQosPolicy:             {"absolute values", "Delete that policy"},
		errCodeOrderParameterIllegal: {"conflict with an order", "at least 3 hours ahead and before the plan expires"},
		errCodeInvalidParameter:      {"3 hours", "Move end_time later"},
		errCodeUnauthorized:          {"cen:TempUpgradeCenBandwidthPackageSpec", "account manager"},
		errCodeUpgradeBwpBandwidth:   {"must raise", "Set bandwidth above"},
		errCodeOrderIsProcessing:     {"Another order", "one order at a time", "console or another tool", "interrupted", "another resource of this configuration", "Wait until", "DescribeCenBandwidthPackages"},
		errCodeBwpBusinessStatus:     {"locked", "unlock"},
		errCodeTempUpgradeNotEnabled: {"not enabled for this Alibaba Cloud account", "off by default", "account manager", "Nothing was ordered"},
		"Throttling.User":            {"-parallelism", "max_retries"},
		"SomethingElse":              {"TempUpgradeCenBandwidthPackageSpec failed"},
	}
	for code, want := range cases {
		t.Run(code, func(t *testing.T) {
			detail := upgradeErrorDetail(resourcetest.APIError(code), framework.StartDeadlineFor("timeouts.create", 10*time.Minute))
			if strings.Contains(detail, "outside Terraform") {
				t.Errorf("detail %q blames an order placed outside Terraform, which may be this configuration's own", detail)
			}
			for _, w := range append(want, code, "REQ-1") {
				if !strings.Contains(detail, w) {
					t.Errorf("detail %q lacks %q", detail, w)
				}
			}
		})
	}
}

func TestAddWaitError(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{&waiter.TimeoutError{LastState: statusPending, Timeout: time.Minute}, "within 10m (timeouts.update). The resource is kept in state (tainted) so that nothing is lost. Run terraform apply again once the package shows the new bandwidth, or raise timeouts.update"},
		{&waiter.MissingError{Checks: 4}, "disappeared"},
		{errors.New("boom"), "boom"},
	}
	for _, c := range cases {
		var diags diag.Diagnostics
		addWaitError(&diags, tempUpgrade{testID, 500, "2026-12-01T10:00:00Z"}, framework.StartDeadlineFor("timeouts.update", 10*time.Minute), c.err, resourceWaitAdvice)
		if diags.ErrorsCount() != 1 || !strings.Contains(diags.Errors()[0].Detail(), c.want) {
			t.Errorf("%v: got %v, want a detail with %q", c.err, diags, c.want)
		}
	}
}
