package ga

import (
	"context"
	"testing"

	"terraform-provider-alibabacloud/internal/framework/resourcetest"
	fwtypes "terraform-provider-alibabacloud/internal/framework/types"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestExpandUpdateRequestSendsOnlyChanges(t *testing.T) {
	base := bandwidthPackageModel{
		Bandwidth: fwtypes.Int64Value(10), BandwidthType: types.StringValue("Basic"),
		BandwidthPackageName: types.StringValue("a1"), Description: types.StringValue("d"),
		AutoPay: types.BoolValue(true),
	}
	if req, _ := expandUpdateRequest("gbwp-1", base, base); req != nil {
		t.Errorf("no change gave a request: %+v", req.QueryParams)
	}
	renamed := base
	renamed.BandwidthPackageName = types.StringValue("a2")
	req, async := expandUpdateRequest("gbwp-1", renamed, base)
	if req == nil || async || req.Name != "a2" || req.Description != "" || req.Bandwidth != "" || req.BandwidthType != "" || req.AutoPay != "" {
		t.Errorf("rename: async=%t req=%+v", async, req)
	}
	cleared := base
	cleared.Description = types.StringValue("")
	req, async = expandUpdateRequest("gbwp-1", cleared, base)
	if v, ok := req.QueryParams["Description"]; req == nil || async || !ok || v != "" || req.Name != "" {
		t.Errorf("clearing the description: async=%t params=%v", async, req.QueryParams)
	}
	bigger := base
	bigger.Bandwidth = fwtypes.Int64Value(20)
	req, async = expandUpdateRequest("gbwp-1", bigger, base)
	if req == nil || !async || req.Bandwidth != "20" || req.Name != "" || req.BandwidthType != "" || req.AutoPay != "true" {
		t.Errorf("bandwidth: async=%t req=%+v", async, req)
	}
}

func TestExpandCreateRequest(t *testing.T) {
	payg := bandwidthPackageModel{
		Bandwidth: fwtypes.Int64Value(10), Type: types.StringValue("CrossDomain"), PaymentType: types.StringValue("PayAsYouGo"),
		BillingType: billingTypeOrNull("PayBY95"), Ratio: fwtypes.Int64Value(40), PricingCycle: types.StringNull(),
		Duration: fwtypes.Int64Null(), CbnGeographicRegionIDA: types.StringUnknown(), CbnGeographicRegionIDB: types.StringUnknown(),
	}
	req := expandCreateRequest(payg)
	if req.ChargeType != "POSTPAY" || req.BillingType != "PayBY95" || req.Ratio != "40" || req.Duration != "" || req.PricingCycle != "" {
		t.Errorf("pay-as-you-go request %+v", req)
	}
	if req.CbnGeographicRegionIdA != "China-mainland" || req.CbnGeographicRegionIdB != "Global" {
		t.Errorf("CrossDomain areas %q, %q", req.CbnGeographicRegionIdA, req.CbnGeographicRegionIdB)
	}
	if req.ClientToken == "" || req.ClientToken == expandCreateRequest(payg).ClientToken {
		t.Error("each create needs its own ClientToken")
	}
	sub := bandwidthPackageModel{
		Bandwidth: fwtypes.Int64Value(10), Type: types.StringValue("Basic"), BandwidthType: types.StringValue("Basic"),
		PaymentType: types.StringValue("Subscription"), Duration: fwtypes.Int64Value(2), PricingCycle: types.StringNull(),
		AutoPay: types.BoolValue(false),
	}
	req = expandCreateRequest(sub)
	if req.ChargeType != "PREPAY" || req.PricingCycle != "Month" || req.Duration != "2" || req.AutoPay != "false" || req.BillingType != "" {
		t.Errorf("subscription request %+v", req)
	}
}

func TestFlattenReadsAPIValues(t *testing.T) {
	bp := &gasdk.DescribeBandwidthPackageResponse{
		BandwidthPackageId: "gbwp-1", Bandwidth: 30, BandwidthType: "Enhanced", Type: "Basic", ChargeType: "POSTPAY",
		BillingType: "PayByTraffic", State: "binded", Name: "n", Accelerators: []string{"ga-1"},
		CreateTime: "1795525943297",
	}
	m := bandwidthPackageModel{Duration: fwtypes.Int64Value(3), AutoPay: types.BoolValue(true)}
	if diags := m.flatten(context.Background(), bp); diags.HasError() {
		t.Fatal(diags)
	}
	if m.PaymentType.ValueString() != "PayAsYouGo" || m.Bandwidth.ValueInt64() != 30 || !m.Ratio.IsNull() ||
		!m.CbnGeographicRegionIDA.IsNull() || m.Status.ValueString() != "binded" || len(m.Accelerators.Elements()) != 1 {
		t.Errorf("flatten gave %+v", m)
	}
	if m.CreateTime.ValueString() != "2026-11-24T13:12:23Z" || m.ExpiredTime.ValueString() != "" {
		t.Errorf("times flattened to %q and %q", m.CreateTime.ValueString(), m.ExpiredTime.ValueString())
	}
	if m.Duration.ValueInt64() != 3 || !m.AutoPay.ValueBool() {
		t.Error("flatten overwrote write-only purchase options")
	}
}

// TestBandwidthPackageModelMatchesSchema: every attribute of the schema has a model field of its
// type, and every field an attribute.
func TestBandwidthPackageModelMatchesSchema(t *testing.T) {
	resourcetest.ExpectModelMatchesSchema(t, packageSchema(t), bandwidthPackageModel{})
}
