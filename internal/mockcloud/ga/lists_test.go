package ga

import (
	"net/http"
	"testing"
)

func TestListAccelerators(t *testing.T) {
	e := newEnv(t)
	bp := e.createPostpay()
	e.bind(bp, "ga-2")
	e.ok(actionTagResources, "ResourceType", ResourceTypeAccelerator, "ResourceId.1", "ga-2", "Tag.1.Key", "env", "Tag.1.Value", "prod")
	e.ok(actionChangeRG, "ResourceType", ResourceTypeAccelerator, "ResourceId", "ga-1", "NewResourceGroupId", "rg-a")
	e.ok(actionUpdate, "BandwidthPackageId", bp, "Bandwidth", "20") // ga-2 configuring

	list := func(kv ...string) (int, []Accelerator) {
		out := e.ok(actionListAccelerators, kv...)
		noMockFields(t, "ListAccelerators", out)
		var resp listAcceleratorsResponse
		decode(t, out, &resp)
		return resp.TotalCount, resp.Accelerators
	}
	if n, accs := list(); n != 2 || len(accs) != 2 || accs[1].BasicBandwidthPackage == nil || accs[1].BasicBandwidthPackage.InstanceId != bp ||
		accs[0].BandwidthBillingType != BandwidthBillingBandwidthPackage {
		t.Errorf("all: %d %+v", n, accs)
	}
	for _, tt := range []struct {
		name string
		kv   []string
		want string
	}{
		{"by id", []string{"AcceleratorId", "ga-2"}, "ga-2"},
		{"by state", []string{"State", AcceleratorConfiguring}, "ga-2"},
		{"by resource group", []string{"ResourceGroupId", "rg-a"}, "ga-1"},
		{"by tag", []string{"Tag.1.Key", "env", "Tag.1.Value", "prod"}, "ga-2"},
		{"second page of one", []string{"PageSize", "1", "PageNumber", "2"}, "ga-2"},
	} {
		if n, accs := list(tt.kv...); len(accs) != 1 || accs[0].AcceleratorId != tt.want || (tt.name != "second page of one" && n != 1) {
			t.Errorf("%s: %d %+v, want %s", tt.name, n, accs, tt.want)
		}
	}
	e.ok(actionListAccelerators, "PageSize", "50")
	e.fails(http.StatusBadRequest, CodeInvalidParameter, actionListAccelerators, "PageSize", "51")
}

func TestDescribeRegions(t *testing.T) {
	e := newEnv(t)
	var resp describeRegionsResponse
	decode(t, e.ok(actionDescribeRegions), &resp)
	if len(resp.Regions) == 0 || resp.Regions[0].RegionId != Region || resp.Regions[0].LocalName == "" {
		t.Errorf("regions: %+v", resp.Regions)
	}
}

func TestAutoRenewAttribute(t *testing.T) {
	e := newEnv(t)
	sub := e.create("Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic, "Duration", "1", "PricingCycle", "Month", "AutoPay", "true")
	post := e.createPostpay()
	expect(t, "subscription default", e.ok(actionDescribeAutoRenew, "InstanceId", sub), map[string]any{
		"InstanceId": sub, "AutoRenew": false, "AutoRenewDuration": 0, "RenewalStatus": RenewalManual,
	})
	expect(t, "pay-as-you-go", e.ok(actionDescribeAutoRenew, "InstanceId", post), map[string]any{"RenewalStatus": RenewalManual, "AutoRenew": false})

	expect(t, "update answer", e.ok(actionUpdateAutoRenew, "InstanceId", sub, "AutoRenew", "true"), map[string]any{"InstanceId": sub})
	expect(t, "auto-renewal on", e.ok(actionDescribeAutoRenew, "InstanceId", sub), map[string]any{
		"AutoRenew": true, "AutoRenewDuration": 1, "RenewalStatus": RenewalAuto,
	})
	e.ok(actionUpdateAutoRenew, "InstanceId", sub, "RenewalStatus", RenewalAuto, "AutoRenewDuration", "6")
	expect(t, "six months", e.ok(actionDescribeAutoRenew, "InstanceId", sub), map[string]any{"AutoRenewDuration": 6})
	// RenewalStatus wins over AutoRenew.
	e.ok(actionUpdateAutoRenew, "InstanceId", sub, "RenewalStatus", RenewalNone, "AutoRenew", "true")
	expect(t, "not renewed", e.ok(actionDescribeAutoRenew, "InstanceId", sub), map[string]any{"AutoRenew": false, "RenewalStatus": RenewalNone})
	noMockFields(t, "DescribeBandwidthPackage", e.describe(sub))

	for _, tt := range []struct {
		code string
		kv   []string
	}{
		{CodeMissingParameter, []string{"AutoRenew", "true"}},
		{CodeNotExistBandwidthPackage, []string{"InstanceId", "gbwp-nope", "AutoRenew", "true"}},
		{CodeInvalidParameter, []string{"InstanceId", sub}},
		{CodeInvalidParameter, []string{"InstanceId", sub, "RenewalStatus", "Sometimes"}},
		{CodeInvalidParameter, []string{"InstanceId", sub, "AutoRenew", "true", "AutoRenewDuration", "13"}},
		{CodeInvalidParameter, []string{"InstanceId", post, "AutoRenew", "true"}},
	} {
		e.fails(http.StatusBadRequest, tt.code, actionUpdateAutoRenew, tt.kv...)
	}
	// Bought with auto-renewal.
	renewed := e.create("Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic, "Duration", "1", "PricingCycle", "Month",
		"AutoPay", "true", "AutoRenew", "true", "AutoRenewDuration", "3", "PromotionOptionNo", "none")
	expect(t, "bought with auto-renewal", e.ok(actionDescribeAutoRenew, "InstanceId", renewed), map[string]any{
		"AutoRenew": true, "AutoRenewDuration": 3, "RenewalStatus": RenewalAuto,
	})
	e.fails(http.StatusBadRequest, CodeInvalidParameter, actionCreate,
		"Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic, "ChargeType", ChargePostpay, "AutoRenew", "true")
	// RegionId is optional for this one action.
	e.ok(actionUpdateAutoRenew, "InstanceId", renewed, "RenewalStatus", RenewalManual, "RegionId", "")
	e.fails(http.StatusBadRequest, CodeMissingParameter, actionDescribeAutoRenew, "InstanceId", renewed, "RegionId", "")

	e.fails(http.StatusBadRequest, CodeNotExistBandwidthPackage, actionDescribeAutoRenew, "InstanceId", "gbwp-nope")
	e.fails(http.StatusBadRequest, CodeMissingParameter, actionDescribeAutoRenew)
}

// TestDescribeAcceleratorAnswersEveryField: the fields a client of the real API reads, which
// the mock once left out (issue 8: ResourceGroupId, Tags, BandwidthBillingType,
// CrossBorderStatus), are answered, with the values a new accelerator has.
func TestDescribeAcceleratorAnswersEveryField(t *testing.T) {
	e := newEnv(t)
	expect(t, "DescribeAccelerator", e.accelerator("ga-1"), map[string]any{
		"ResourceGroupId":      DefaultResourceGroupID,
		"BandwidthBillingType": BandwidthBillingBandwidthPackage,
		"CrossBorderStatus":    false,
	})
	if tags, ok := e.accelerator("ga-1")["Tags"]; !ok || tags == nil {
		t.Errorf("DescribeAccelerator answers Tags %v (present %t), want an empty list", tags, ok)
	}
}
