package ga

import (
	"context"
	"maps"
	"slices"
	"strings"
	"testing"

	"terraform-provider-alibabacloud/internal/framework/resourcetest"
	fwtypes "terraform-provider-alibabacloud/internal/framework/types"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestBandwidthChange(t *testing.T) {
	for _, tc := range []struct {
		from, to int64
		want     direction
	}{
		{10, 20, upgrade},
		{20, 10, downgrade},
		{10, 10, unchanged},
		{2, 2000, upgrade},
	} {
		if got := bandwidthChange(tc.from, tc.to).Direction; got != tc.want {
			t.Errorf("bandwidthChange(%d, %d) = %s, want %s", tc.from, tc.to, got, tc.want)
		}
	}
}

func TestBandwidthTypeChange(t *testing.T) {
	for _, tc := range []struct {
		from, to string
		want     direction
		allowed  bool
	}{
		{"Basic", "Enhanced", upgrade, true},
		{"Basic", "Basic", unchanged, true},
		{"Enhanced", "Enhanced", unchanged, true},
		{"Basic", "Advanced", unchanged, false},
		{"Enhanced", "Basic", unchanged, false},
		{"Enhanced", "Advanced", unchanged, false},
		{"Advanced", "Basic", unchanged, false},
		{"Advanced", "Enhanced", unchanged, false},
	} {
		c, allowed := bandwidthTypeChange(tc.from, tc.to)
		if c.Direction != tc.want || allowed != tc.allowed {
			t.Errorf("bandwidthTypeChange(%s, %s) = %s, %t; want %s, %t", tc.from, tc.to, c.Direction, allowed, tc.want, tc.allowed)
		}
	}
}

func TestMixedDirections(t *testing.T) {
	up := change{Direction: upgrade}
	down := change{Direction: downgrade}
	same := change{}
	for _, tc := range []struct {
		changes []change
		want    bool
	}{
		{nil, false},
		{[]change{up, same}, false},
		{[]change{down, same}, false},
		{[]change{up, up}, false},
		{[]change{up, down}, true},
		{[]change{same, down, up}, true},
	} {
		if got := mixedDirections(tc.changes); got != tc.want {
			t.Errorf("mixedDirections(%v) = %t, want %t", tc.changes, got, tc.want)
		}
	}
}

func settings(bandwidth int64, bandwidthType string) updateSettings {
	return updateSettings{Bandwidth: fwtypes.Int64Value(bandwidth), BandwidthType: types.StringValue(bandwidthType)}
}

func TestCheckUpdate(t *testing.T) {
	for name, tc := range map[string]struct {
		prior, planned updateSettings
		wantErrors     []string // substrings, one per expected error, in order
	}{
		"bandwidth up":                {settings(10, "Basic"), settings(20, "Basic"), nil},
		"bandwidth down":              {settings(20, "Basic"), settings(10, "Basic"), nil},
		"Basic to Enhanced and up":    {settings(10, "Basic"), settings(20, "Enhanced"), nil},
		"Basic to Enhanced alone":     {settings(10, "Basic"), settings(10, "Enhanced"), nil},
		"Basic to Enhanced and down":  {settings(20, "Basic"), settings(10, "Enhanced"), []string{"two steps"}},
		"Basic to Advanced":           {settings(10, "Basic"), settings(10, "Advanced"), []string{`from "Basic" to "Advanced"`}},
		"Enhanced to Basic":           {settings(10, "Enhanced"), settings(10, "Basic"), []string{`from "Enhanced" to "Basic"`}},
		"Advanced to Enhanced and up": {settings(10, "Advanced"), settings(20, "Enhanced"), []string{"only change from"}},
		"unknown bandwidth": {
			settings(20, "Basic"),
			updateSettings{Bandwidth: fwtypes.Int64Unknown(), BandwidthType: types.StringValue("Enhanced")},
			nil,
		},
		"unknown bandwidth type": {
			settings(20, "Enhanced"),
			updateSettings{Bandwidth: fwtypes.Int64Value(10), BandwidthType: types.StringUnknown()},
			nil,
		},
	} {
		t.Run(name, func(t *testing.T) {
			diags := checkUpdate(tc.prior, tc.planned)
			errs := diags.Errors()
			if len(errs) != len(tc.wantErrors) {
				t.Fatalf("got %d errors (%v), want %d", len(errs), diags, len(tc.wantErrors))
			}
			for i, want := range tc.wantErrors {
				if !strings.Contains(errs[i].Detail(), want) {
					t.Errorf("error %d = %q, want it to contain %q", i, errs[i].Detail(), want)
				}
			}
		})
	}
}

func TestDescribeChanges(t *testing.T) {
	got := describeChanges([]change{bandwidthChange(100, 50), {Attribute: "bandwidth_type", From: "Basic", To: "Enhanced", Direction: upgrade}, bandwidthChange(5, 5)})
	want := "bandwidth 100 -> 50 (downgrade), bandwidth_type Basic -> Enhanced (upgrade)"
	if got != want {
		t.Errorf("describeChanges = %q, want %q", got, want)
	}
}

// validate runs the resource's config validators on values.
func validate(t *testing.T, values map[string]any) diag.Diagnostics {
	t.Helper()
	s := packageSchema(t)
	req := resource.ValidateConfigRequest{Config: tfsdk.Config{Schema: s, Raw: resourcetest.Object(t, s, values)}}
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
		"subscription without duration": {with(subscription, "duration", nil), ""}, // refused at plan when bought
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
		req.State.Raw = resourcetest.Object(t, s, state)
	}
	if plan != nil {
		req.Plan.Raw = resourcetest.Object(t, s, plan)
	}
	resp := resource.ModifyPlanResponse{Plan: req.Plan}
	r, ok := NewBandwidthPackageResource().(resource.ResourceWithModifyPlan)
	if !ok {
		t.Fatal("no ModifyPlan")
	}
	r.ModifyPlan(context.Background(), req, &resp)
	return resp.Diagnostics
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
		"create subscription without duration": {plan: with(subscription, "auto_pay", true, "duration", nil),
			wantError: `duration is required when payment_type is "Subscription" and a plan is bought`},
		"imported subscription without duration": {state: with(subscription, "duration", nil), plan: with(subscription, "duration", nil)},
		"auto_pay not known yet":                 {plan: with(subscription, "auto_pay", tftypes.UnknownValue)},
		"destroy subscription":                   {state: subscription, wantWarnings: []string{"stays billed until it expires (expired_time 2099-01-01T00:00:00Z)"}},
		"destroy unpaid order":                   {state: with(subscription, "status", "init")},
		"destroy expired":                        {state: with(subscription, "expired_time", "2026-01-01T00:00:00Z")},
		"destroy pay-as-you-go":                  {state: existing(10, "Basic")},
		"purchase option changed":                {state: subscription, plan: with(subscription, "duration", 3), wantWarnings: []string{"duration is used only when the bandwidth plan is bought"}},
		"subscription upgrade unpaid": {state: subscription, plan: with(subscription, "bandwidth", 20),
			wantWarnings: []string{"(bandwidth 10 -> 20 (upgrade)) creates an unpaid order"}},
		"subscription type upgrade, auto_pay false": {state: subscription, plan: with(subscription, "bandwidth_type", "Enhanced", "auto_pay", false),
			wantWarnings: []string{"pay it in the Alibaba Cloud Order Center"}},
		"subscription upgrade paid":              {state: subscription, plan: with(subscription, "bandwidth", 20, "auto_pay", true)},
		"subscription upgrade, auto_pay unknown": {state: subscription, plan: with(subscription, "bandwidth", 20, "auto_pay", tftypes.UnknownValue)},
		"subscription downgrade":                 {state: subscription, plan: with(subscription, "bandwidth", 5)},
		"upgrade of an unpaid order": {state: with(subscription, "status", "init"), plan: with(subscription, "status", "init", "bandwidth", 20),
			wantError: "is a Subscription whose order is not paid yet (status \"init\"), and the API refuses every change to it until the order is paid, so bandwidth cannot change"},
		"type upgrade of an unpaid order": {state: with(subscription, "status", "init"), plan: with(subscription, "status", "init", "bandwidth_type", "Enhanced", "auto_pay", true),
			wantError: "so bandwidth_type cannot change now"},
		"new name of an unpaid order": {state: with(subscription, "status", "init", "bandwidth_package_name", "a"), plan: with(subscription, "status", "init", "bandwidth_package_name", "b"),
			wantError: "so bandwidth_package_name cannot change now"},
		"unpaid order unchanged":             {state: with(subscription, "status", "init"), plan: with(subscription, "status", "init")},
		"pay-as-you-go upgrade, no auto_pay": {state: existing(10, "Basic"), plan: existing(20, "Basic")},
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
		"replaced by a subscription without duration": {state: existing(10, "Basic"), plan: with(subscription, "auto_pay", true, "duration", nil),
			wantError: `duration is required`},
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
			if d := m.Description(context.Background()); d == stringplanmodifier.RequiresReplace().Description(context.Background()) ||
				d == requiresReplaceUnlessRespelled.Description(context.Background()) {
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
