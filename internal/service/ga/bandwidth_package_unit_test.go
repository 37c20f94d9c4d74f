package ga

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// packageSchema returns the bandwidth package resource's schema.
func packageSchema(t *testing.T) schema.Schema {
	t.Helper()
	var resp resource.SchemaResponse
	NewBandwidthPackageResource().Schema(context.Background(), resource.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("schema: %v", resp.Diagnostics)
	}
	if diags := resp.Schema.ValidateImplementation(context.Background()); diags.HasError() {
		t.Fatalf("schema implementation: %v", diags)
	}
	return resp.Schema
}

// objectValue builds a value of the schema's object type from values; other attributes are null.
func objectValue(t *testing.T, s schema.Schema, values map[string]any) tftypes.Value {
	t.Helper()
	objType, ok := s.Type().TerraformType(context.Background()).(tftypes.Object)
	if !ok {
		t.Fatal("schema type is not an object")
	}
	attrs := map[string]tftypes.Value{}
	for name, typ := range objType.AttributeTypes {
		v, ok := values[name]
		switch {
		case !ok:
			attrs[name] = tftypes.NewValue(typ, nil)
		case v == tftypes.UnknownValue:
			attrs[name] = tftypes.NewValue(typ, tftypes.UnknownValue)
		default:
			if i, isInt := v.(int); isInt {
				v = float64(i)
			}
			attrs[name] = tftypes.NewValue(typ, v)
		}
	}
	return tftypes.NewValue(objType, attrs)
}

// validate runs the resource's config validators on values.
func validate(t *testing.T, values map[string]any) diag.Diagnostics {
	t.Helper()
	s := packageSchema(t)
	req := resource.ValidateConfigRequest{Config: tfsdk.Config{Schema: s, Raw: objectValue(t, s, values)}}
	var resp resource.ValidateConfigResponse
	for _, v := range bandwidthPackageConfigValidators() {
		v.ValidateResource(context.Background(), req, &resp)
	}
	return resp.Diagnostics
}

func TestBandwidthPackageConfigValidators(t *testing.T) {
	payg := map[string]any{"bandwidth": 10, "type": "Basic", "bandwidth_type": "Basic", "payment_type": "PayAsYouGo"}
	subscription := map[string]any{"bandwidth": 10, "type": "Basic", "bandwidth_type": "Basic", "duration": 1}
	crossDomain := map[string]any{"bandwidth": 10, "type": "CrossDomain", "payment_type": "PayAsYouGo"}
	for name, tc := range map[string]struct {
		values map[string]any
		want   string // "" for valid
	}{
		"pay-as-you-go":                 {payg, ""},
		"PayBY95 with ratio":            {with(payg, "billing_type", "PayBY95", "ratio", 40), ""},
		"PayBY95 without ratio":         {with(payg, "billing_type", "PayBY95"), `ratio is required when billing_type is "PayBY95"`},
		"ratio with PayByTraffic":       {with(payg, "billing_type", "PayByTraffic", "ratio", 40), `ratio may only be set when billing_type is "PayBY95"`},
		"ratio without billing_type":    {with(payg, "ratio", 40), `ratio may only be set`},
		"billing_type on subscription":  {with(subscription, "billing_type", "PayByTraffic"), `billing_type may only be set when payment_type is "PayAsYouGo"`},
		"subscription (default)":        {subscription, ""},
		"subscription without duration": {with(subscription, "duration", nil), `duration is required when payment_type is "Subscription"`},
		"duration on pay-as-you-go":     {with(payg, "duration", 1), `duration may only be set`},
		"pricing_cycle on pay-as-you-go": {with(payg, "pricing_cycle", "Month"),
			`pricing_cycle may only be set`},
		"9 months":                     {with(subscription, "duration", 9), ""},
		"10 months":                    {with(subscription, "duration", 10), `duration must be 1 to 9 when pricing_cycle is "Month"`},
		"3 years":                      {with(subscription, "duration", 3, "pricing_cycle", "Year"), ""},
		"4 years":                      {with(subscription, "duration", 4, "pricing_cycle", "Year"), `duration must be 1 to 3`},
		"Basic without bandwidth_type": {with(payg, "bandwidth_type", nil), `bandwidth_type is required when type is "Basic"`},
		"CrossDomain":                  {crossDomain, ""},
		"CrossDomain with areas": {with(crossDomain, "cbn_geographic_region_ida", "China-mainland",
			"cbn_geographic_region_idb", "Global"), ""},
		"area on Basic":     {with(payg, "cbn_geographic_region_idb", "Global"), `cbn_geographic_region_idb may only be set when type is "CrossDomain"`},
		"unknown condition": {with(payg, "billing_type", tftypes.UnknownValue, "ratio", 40), ""},
		"unknown value":     {with(payg, "billing_type", "PayByTraffic", "ratio", tftypes.UnknownValue), ""},
	} {
		t.Run(name, func(t *testing.T) {
			diags := validate(t, tc.values)
			if tc.want == "" {
				if diags.HasError() {
					t.Fatalf("want valid, got %v", diags)
				}
				return
			}
			if len(diags.Errors()) != 1 || !strings.Contains(diags.Errors()[0].Detail(), tc.want) {
				t.Fatalf("want one error containing %q, got %v", tc.want, diags)
			}
		})
	}
}

// modifyPlan runs ModifyPlan from state to plan (nil for create or destroy).
func modifyPlan(t *testing.T, state, plan map[string]any) diag.Diagnostics {
	t.Helper()
	s := packageSchema(t)
	req := resource.ModifyPlanRequest{
		State: tfsdk.State{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(context.Background()), nil)},
		Plan:  tfsdk.Plan{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(context.Background()), nil)},
	}
	if state != nil {
		req.State.Raw = objectValue(t, s, state)
	}
	if plan != nil {
		req.Plan.Raw = objectValue(t, s, plan)
	}
	resp := resource.ModifyPlanResponse{Plan: req.Plan}
	r, ok := NewBandwidthPackageResource().(resource.ResourceWithModifyPlan)
	if !ok {
		t.Fatal("no ModifyPlan")
	}
	r.ModifyPlan(context.Background(), req, &resp)
	return resp.Diagnostics
}

// with copies values and sets the attribute named first to the value second, and so on.
func with(values map[string]any, kv ...any) map[string]any {
	out := maps.Clone(values)
	for i := 0; i < len(kv); i += 2 {
		out[fmt.Sprint(kv[i])] = kv[i+1]
	}
	return out
}

func TestBandwidthPackageModifyPlan(t *testing.T) {
	existing := func(bandwidth int, bandwidthType string) map[string]any {
		return map[string]any{
			"id": "gbwp-1", "bandwidth": bandwidth, "bandwidth_type": bandwidthType, "type": "Basic",
			"payment_type": "PayAsYouGo", "status": "active", "expired_time": "",
		}
	}
	subscription := map[string]any{
		"id": "gbwp-1", "bandwidth": 10, "bandwidth_type": "Basic", "type": "Basic",
		"payment_type": "Subscription", "expired_time": "2099-01-01T00:00:00Z", "duration": 1, "status": "active",
	}
	for name, tc := range map[string]struct {
		state, plan  map[string]any
		wantError    string
		wantWarnings []string
	}{
		"upgrade":                    {state: existing(10, "Basic"), plan: existing(20, "Enhanced")},
		"mixed":                      {state: existing(20, "Basic"), plan: existing(10, "Enhanced"), wantError: "two steps"},
		"type back":                  {state: existing(20, "Enhanced"), plan: existing(20, "Basic"), wantError: "only change from"},
		"create pay-as-you-go":       {plan: existing(20, "Basic")},
		"create unpaid subscription": {plan: subscription, wantWarnings: []string{"unpaid order"}},
		"create paid subscription":   {plan: with(subscription, "auto_pay", true)},
		"auto_pay not known yet":     {plan: with(subscription, "auto_pay", tftypes.UnknownValue)},
		"destroy subscription":       {state: subscription, wantWarnings: []string{"stays billed until it expires (expired_time 2099-01-01T00:00:00Z)"}},
		"destroy unpaid order":       {state: with(subscription, "status", "init")},
		"destroy expired":            {state: with(subscription, "expired_time", "2026-01-01T00:00:00Z")},
		"destroy pay-as-you-go":      {state: existing(10, "Basic")},
		"purchase option changed":    {state: subscription, plan: with(subscription, "duration", 3), wantWarnings: []string{"duration is used only when the bandwidth plan is bought"}},
		"subscription upgrade unpaid": {state: subscription, plan: with(subscription, "bandwidth", 20),
			wantWarnings: []string{"(bandwidth 10 -> 20 (upgrade)) creates an unpaid order"}},
		"subscription type upgrade, auto_pay false": {state: subscription, plan: with(subscription, "bandwidth_type", "Enhanced", "auto_pay", false),
			wantWarnings: []string{"pay it in the Alibaba Cloud Order Center"}},
		"subscription upgrade paid":              {state: subscription, plan: with(subscription, "bandwidth", 20, "auto_pay", true)},
		"subscription upgrade, auto_pay unknown": {state: subscription, plan: with(subscription, "bandwidth", 20, "auto_pay", tftypes.UnknownValue)},
		"subscription downgrade":                 {state: subscription, plan: with(subscription, "bandwidth", 5)},
		"upgrade of an unpaid order":             {state: with(subscription, "status", "init"), plan: with(subscription, "status", "init", "bandwidth", 20)},
		"pay-as-you-go upgrade, no auto_pay":     {state: existing(10, "Basic"), plan: existing(20, "Basic")},
		// A change that replaces the plan buys a new one: no update rule applies.
		"replaced: type back and payment type": {
			state:        with(existing(20, "Enhanced"), "payment_type", "Subscription", "expired_time", "2099-01-01T00:00:00Z"),
			plan:         existing(10, "Basic"),
			wantWarnings: []string{"stays billed until it expires"}},
		"replaced: subscription to pay-as-you-go with more bandwidth": {state: subscription,
			plan:         with(subscription, "payment_type", "PayAsYouGo", "bandwidth", 20, "duration", nil),
			wantWarnings: []string{"stays billed until it expires"}},
		"replaced by an unpaid subscription": {state: existing(10, "Basic"), plan: with(subscription, "bandwidth", 5),
			wantWarnings: []string{"creates an unpaid order: the plan stays in"}},
		"replacing attribute not known yet": {state: existing(20, "Enhanced"), plan: with(existing(20, "Basic"), "type", tftypes.UnknownValue),
			wantError: "only change from"},
	} {
		t.Run(name, func(t *testing.T) {
			diags := modifyPlan(t, tc.state, tc.plan)
			switch errs := diags.Errors(); {
			case tc.wantError == "" && len(errs) > 0:
				t.Fatalf("unexpected errors %v", errs)
			case tc.wantError != "" && (len(errs) != 1 || !strings.Contains(errs[0].Detail(), tc.wantError)):
				t.Fatalf("want one error containing %q, got %v", tc.wantError, errs)
			}
			warnings := diags.Warnings()
			if len(warnings) != len(tc.wantWarnings) {
				t.Fatalf("got warnings %v, want %d", warnings, len(tc.wantWarnings))
			}
			for i, want := range tc.wantWarnings {
				if !strings.Contains(warnings[i].Detail(), want) {
					t.Errorf("warning %q does not contain %q", warnings[i].Detail(), want)
				}
			}
		})
	}
}

func TestExpandUpdateRequestSendsOnlyChanges(t *testing.T) {
	base := bandwidthPackageModel{
		Bandwidth: types.Int64Value(10), BandwidthType: types.StringValue("Basic"),
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
	bigger.Bandwidth = types.Int64Value(20)
	req, async = expandUpdateRequest("gbwp-1", bigger, base)
	if req == nil || !async || req.Bandwidth != "20" || req.Name != "" || req.BandwidthType != "" || req.AutoPay != "true" {
		t.Errorf("bandwidth: async=%t req=%+v", async, req)
	}
}

func TestExpandCreateRequest(t *testing.T) {
	payg := bandwidthPackageModel{
		Bandwidth: types.Int64Value(10), Type: types.StringValue("CrossDomain"), PaymentType: types.StringValue("PayAsYouGo"),
		BillingType: types.StringValue("PayBY95"), Ratio: types.Int64Value(40), PricingCycle: types.StringNull(),
		Duration: types.Int64Null(), CbnGeographicRegionIDA: types.StringUnknown(), CbnGeographicRegionIDB: types.StringUnknown(),
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
		Bandwidth: types.Int64Value(10), Type: types.StringValue("Basic"), BandwidthType: types.StringValue("Basic"),
		PaymentType: types.StringValue("Subscription"), Duration: types.Int64Value(2), PricingCycle: types.StringNull(),
		AutoPay: types.BoolValue(false),
	}
	req = expandCreateRequest(sub)
	if req.ChargeType != "PREPAY" || req.PricingCycle != "Month" || req.Duration != "2" || req.AutoPay != "false" || req.BillingType != "" {
		t.Errorf("subscription request %+v", req)
	}
}

func TestExpired(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	for in, want := range map[string]bool{
		"1767225600000":     true,  // 2026-01-01, milliseconds
		"1893456000000":     false, // 2030-01-01
		"2026-05-31T23:59Z": true,
		"2026-06-02T00:00Z": false,
		"":                  false,
		"soon":              false,
	} {
		if got := expired(in, now); got != want {
			t.Errorf("expired(%q) = %t, want %t", in, got, want)
		}
	}
}

func TestFormatAPITime(t *testing.T) {
	for in, want := range map[string]string{
		"1795525943297":        "2026-11-24T13:12:23Z", // DescribeBandwidthPackage: milliseconds
		"2026-11-24T13:12:23Z": "2026-11-24T13:12:23Z", // already in the state's form
		"2026-11-24T13:12Z":    "2026-11-24T13:12:00Z",
		"":                     "",
		"soon":                 "soon",
	} {
		if got := formatAPITime(in); got != want {
			t.Errorf("formatAPITime(%q) = %q, want %q", in, got, want)
		}
	}
	if got := describeTime(""); got != `""` {
		t.Errorf("describeTime(\"\") = %s, want it quoted", got)
	}
}

func TestFlattenReadsAPIValues(t *testing.T) {
	bp := &gasdk.DescribeBandwidthPackageResponse{
		BandwidthPackageId: "gbwp-1", Bandwidth: 30, BandwidthType: "Enhanced", Type: "Basic", ChargeType: "POSTPAY",
		BillingType: "PayByTraffic", State: "binded", Name: "n", Accelerators: []string{"ga-1"},
		CreateTime: "1795525943297",
	}
	m := bandwidthPackageModel{Duration: types.Int64Value(3), AutoPay: types.BoolValue(true)}
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

// TestReplacingValuesMatchSchema keeps the attributes ModifyPlan treats as forcing replacement
// in step with the schema's RequiresReplace plan modifiers.
func TestReplacingValuesMatchSchema(t *testing.T) {
	var fromSchema []string
	for name, a := range packageSchema(t).Attributes {
		var modifiers []interface{ Description(context.Context) string }
		switch a := a.(type) {
		case schema.StringAttribute:
			for _, m := range a.PlanModifiers {
				modifiers = append(modifiers, m)
			}
		case schema.Int64Attribute:
			for _, m := range a.PlanModifiers {
				modifiers = append(modifiers, m)
			}
		}
		for _, m := range modifiers {
			if m.Description(context.Background()) == stringplanmodifier.RequiresReplace().Description(context.Background()) {
				fromSchema = append(fromSchema, name)
			}
		}
	}
	slices.Sort(fromSchema)
	inModel := slices.Sorted(maps.Keys(bandwidthPackageModel{}.replacingValues()))
	if !slices.Equal(fromSchema, inModel) {
		t.Errorf("attributes with RequiresReplace %v, but replacingValues has %v", fromSchema, inModel)
	}
}
