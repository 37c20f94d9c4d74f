package cen

import (
	"context"
	"strings"
	"testing"
	"time"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework/resourcetest"
	fwtypes "terraform-provider-alibabacloud/internal/framework/types"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestModifyPlan(t *testing.T) {
	day := endIn(24 * time.Hour)
	base := testPackage(100)
	open := withWindow(base, 500, testNow.Add(24*time.Hour))
	ended := testPackage(100) // the API shows no window any more
	postpay := base
	postpay.BandwidthPackageChargeType = chargeTypePostpay
	postpay.ExpiredTime = ""
	expired := base
	expired.ExpiredTime = testNow.Add(-time.Hour).Format(apiTimeLayout)
	locked := base
	locked.BusinessStatus = "SecurityLocked"
	short := base
	top := testPackage(10000)
	short.ExpiredTime = testNow.Add(30 * time.Hour).Format(apiTimeLayout)

	activeState := testStateModel(testID, 500, 100, day, statusActive)
	secondsState := testStateModel(testID, 500, 100, day[:17]+"52Z", statusActive)
	pastEnd := endIn(-2 * time.Hour)
	expiredState := testStateModel(testID, 500, 100, pastEnd, statusExpired)
	soonState := testStateModel(testID, 400, 100, endIn(2*time.Hour), statusActive)
	otherPackageState := testStateModel("cenbwp-other", 500, 100, day, statusActive)
	unknownID := testModel(testID, 500, day)
	unknownID.CenBandwidthPackageID = types.StringUnknown()
	unknownIDPast, unknownIDSoon := unknownID, unknownID
	unknownIDPast.EndTime = NewEndTimeValue(endIn(-time.Hour))
	unknownIDSoon.EndTime = NewEndTimeValue(endIn(time.Hour))

	model := func(bw int64, end string) *bandwidthTempUpgradeModel {
		m := testModel(testID, bw, end)
		return &m
	}
	fromState := func(s bandwidthTempUpgradeModel, bw int64, end string) *bandwidthTempUpgradeModel {
		s.Bandwidth = fwtypes.Int64Value(bw)
		s.EndTime = NewEndTimeValue(end)
		return &s
	}

	cases := []struct {
		name          string
		pkg           *cbn.CenBandwidthPackage
		prior         *bandwidthTempUpgradeModel
		plan          *bandwidthTempUpgradeModel
		wantErrPath   string // attribute of the one expected error; "" for none
		wantErr       string
		wantDescribes int
		wantOriginal  int64 // checked when no error and > 0
	}{
		{name: "create", pkg: &base, plan: model(500, day), wantDescribes: 1, wantOriginal: 100},
		{name: "destroy", pkg: &base, prior: &activeState},
		{name: "package id unknown", pkg: &base, plan: &unknownID},
		{
			name: "package id unknown, end_time in the past", pkg: &base, plan: &unknownIDPast,
			wantErrPath: "end_time", wantErr: "is in the past",
		},
		{
			name: "package id unknown, end_time under 3 hours", pkg: &base, plan: &unknownIDSoon,
			wantErrPath: "end_time", wantErr: "lasts at least 3 hours",
		},
		{name: "unchanged", pkg: &open, prior: &activeState, plan: fromState(activeState, 500, day)},
		{name: "unchanged after expiry, whatever the clock", pkg: &ended, prior: &expiredState, plan: fromState(expiredState, 500, pastEnd)},
		{name: "end_time seconds only", pkg: &open, prior: &activeState, plan: fromState(activeState, 500, day[:17]+"30Z")},
		{
			name: "end_time seconds across a minute", pkg: &open, prior: &secondsState,
			plan: fromState(secondsState, 500, endIn(24*time.Hour + time.Minute)[:17]+"10Z"), wantDescribes: 1, wantOriginal: 100,
		},
		{name: "raise", pkg: &open, prior: &activeState, plan: fromState(activeState, 800, day), wantDescribes: 1, wantOriginal: 100},
		{name: "move end_time", pkg: &open, prior: &activeState, plan: fromState(activeState, 500, endIn(48*time.Hour)), wantDescribes: 1, wantOriginal: 100},
		{name: "new window after expiry", pkg: &ended, prior: &expiredState, plan: fromState(expiredState, 300, day), wantDescribes: 1, wantOriginal: 100},
		{
			name: "lower while open", pkg: &open, prior: &activeState, plan: fromState(activeState, 300, day),
			wantErrPath: "bandwidth", wantErr: "bandwidth = 300 is lower than the 500 Mbps", wantDescribes: 1,
		},
		{
			name: "not above base", pkg: &base, plan: model(100, day),
			wantErrPath: "bandwidth", wantErr: "set bandwidth to at least 101", wantDescribes: 1,
		},
		{
			// Was: "set bandwidth to at least 10001 (and at most 10000)".
			name: "base at the highest bandwidth", pkg: &top, plan: model(10000, day),
			wantErrPath: "cen_bandwidth_package_id", wantErr: "cannot be upgraded temporarily", wantDescribes: 1,
		},
		{
			name: "not above base while open", pkg: &open, prior: &activeState, plan: fromState(activeState, 90, day),
			wantErrPath: "bandwidth", wantErr: "does not exceed the package's base bandwidth of 100 Mbps", wantDescribes: 1,
		},
		{
			name: "end_time in the past", pkg: &base, plan: model(500, endIn(-time.Minute)),
			wantErrPath: "end_time", wantErr: "is in the past", wantDescribes: 1,
		},
		{
			name: "end_time under 3 hours", pkg: &base, plan: model(500, endIn(179*time.Minute)),
			wantErrPath: "end_time", wantErr: "only 2h59m0s from now", wantDescribes: 1,
		},
		{name: "end_time exactly 3 hours", pkg: &base, plan: model(500, endIn(3*time.Hour)), wantDescribes: 1, wantOriginal: 100},
		{
			name: "ended window, bandwidth changed alone", pkg: &ended, prior: &expiredState, plan: fromState(expiredState, 600, pastEnd),
			wantErrPath: "end_time", wantErr: "Set a new end_time", wantDescribes: 1,
		},
		{
			name: "raise with under 3 hours left", pkg: &open, prior: &soonState, plan: fromState(soonState, 600, endIn(2*time.Hour)),
			wantErrPath: "end_time", wantErr: "Move end_time to", wantDescribes: 1,
		},
		{
			name: "pay-as-you-go", pkg: &postpay, plan: model(500, day),
			wantErrPath: "cen_bandwidth_package_id", wantErr: "pay-as-you-go (POSTPAY)", wantDescribes: 1,
		},
		{
			name: "expired package", pkg: &expired, plan: model(500, day),
			wantErrPath: "cen_bandwidth_package_id", wantErr: "expired at", wantDescribes: 1,
		},
		{
			name: "locked package", pkg: &locked, plan: model(500, day),
			wantErrPath: "cen_bandwidth_package_id", wantErr: "business status SecurityLocked", wantDescribes: 1,
		},
		{
			name: "window past package expiry", pkg: &short, plan: model(500, endIn(31*time.Hour)),
			wantErrPath: "end_time", wantErr: "after the subscription", wantDescribes: 1,
		},
		{
			name: "missing package", plan: model(500, day),
			wantErrPath: "cen_bandwidth_package_id", wantErr: "no such CEN bandwidth package", wantDescribes: 1,
		},
		{
			name: "replacement checks the new package", pkg: &postpay, prior: &otherPackageState, plan: model(500, day),
			wantErrPath: "cen_bandwidth_package_id", wantErr: "pay-as-you-go", wantDescribes: 1,
		},
	}

	s := testSchema(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fake := newFakeCBN()
			if c.pkg != nil {
				fake = newFakeCBN(*c.pkg)
			}
			r := testResource(fake)
			req := resource.ModifyPlanRequest{State: testState(t, s, c.prior), Plan: testPlan(t, s, c.plan)}
			resp := resource.ModifyPlanResponse{Plan: req.Plan}
			r.ModifyPlan(context.Background(), req, &resp)

			if got := fake.CallCount(describeAct); got != c.wantDescribes {
				t.Errorf("%d describe calls, want %d", got, c.wantDescribes)
			}
			if got := fake.CallCount(upgradeAct); got != 0 {
				t.Errorf("plan made %d upgrade calls", got)
			}
			if c.wantErr == "" {
				if resp.Diagnostics.HasError() {
					t.Fatalf("unexpected errors: %v", resp.Diagnostics)
				}
			} else {
				if resp.Diagnostics.ErrorsCount() != 1 {
					t.Fatalf("want one error containing %q, got %v", c.wantErr, resp.Diagnostics)
				}
				d := resp.Diagnostics.Errors()[0]
				pd, ok := d.(interface{ Path() path.Path })
				if !ok || !pd.Path().Equal(path.Root(c.wantErrPath)) {
					t.Errorf("error %q not on attribute %s", d.Summary(), c.wantErrPath)
				}
				if !strings.Contains(d.Detail(), c.wantErr) || !strings.Contains(d.Detail(), c.wantErrPath) {
					t.Errorf("detail %q should name %s and contain %q", d.Detail(), c.wantErrPath, c.wantErr)
				}
				return
			}
			if c.wantOriginal > 0 {
				var got bandwidthTempUpgradeModel
				if diags := resp.Plan.Get(context.Background(), &got); diags.HasError() {
					t.Fatal(diags)
				}
				if got.Status.ValueString() != statusActive || got.OriginalBandwidth.ValueInt64() != c.wantOriginal {
					t.Errorf("planned status %s original_bandwidth %s, want Active and %d", got.Status, got.OriginalBandwidth, c.wantOriginal)
				}
			}
		})
	}
}

// TestModifyPlan_twoUpgradesOfOnePackage: the upgrades of one configuration share the claims of
// one plan; the second of one package is refused, naming the first, whether it is new or kept
// as it is. A destroy claims nothing, so its successor (a renamed resource) is planned.
func TestModifyPlan_twoUpgradesOfOnePackage(t *testing.T) {
	s := testSchema(t)
	day := endIn(24 * time.Hour)
	open := withWindow(testPackage(100), 500, testNow.Add(24*time.Hour))
	activeState := testStateModel(testID, 500, 100, day, statusActive)
	planned := func(claims *conns.Claims, prior, plan *bandwidthTempUpgradeModel) resource.ModifyPlanResponse {
		r := testResource(newFakeCBN(open))
		r.SetClaims(claims)
		req := resource.ModifyPlanRequest{State: testState(t, s, prior), Plan: testPlan(t, s, plan)}
		resp := resource.ModifyPlanResponse{Plan: req.Plan}
		r.ModifyPlan(context.Background(), req, &resp)
		return resp
	}
	first, second := testModel(testID, 600, day), testModel(testID, 700, endIn(30*time.Hour))

	// The package shows a window: a new order is planned with the warning that the cloud may
	// refuse it.
	openWarning := []string{"Another temporary upgrade while a window is open", "window open until", "may refuse"}
	claims := conns.NewClaims()
	resourcetest.ExpectWarning(t, planned(claims, nil, &first).Diagnostics, openWarning...)
	resp := planned(claims, nil, &second)
	resourcetest.ExpectError(t, resp.Diagnostics, "Two temporary upgrades of one CEN bandwidth package",
		"the upgrade to 600 Mbps until "+day, "upgrades CEN bandwidth package "+testID+" too", "Keep one alibabacloud_cen_bandwidth_temp_upgrade per package")

	// An upgrade kept as it is claims its package too.
	claims = conns.NewClaims()
	resourcetest.ExpectNoDiagnostics(t, planned(claims, &activeState, &activeState).Diagnostics)
	resourcetest.ExpectError(t, planned(claims, nil, &second).Diagnostics, "the upgrade to 500 Mbps until "+day)

	// The destroy of a renamed resource and the create of its successor.
	claims = conns.NewClaims()
	resourcetest.ExpectNoDiagnostics(t, planned(claims, &activeState, nil).Diagnostics)
	resourcetest.ExpectWarning(t, planned(claims, nil, &first).Diagnostics, openWarning...)
}

func TestModifyPlanReadError(t *testing.T) {
	s := testSchema(t)
	fake := newFakeCBN()
	fake.FailNext(describeAct, resourcetest.APIError("Throttling.User"))
	m := testModel(testID, 500, endIn(24*time.Hour))
	req := resource.ModifyPlanRequest{State: testState(t, s, nil), Plan: testPlan(t, s, &m)}
	resp := resource.ModifyPlanResponse{Plan: req.Plan}
	testResource(fake).ModifyPlan(context.Background(), req, &resp)
	if resp.Diagnostics.ErrorsCount() != 1 {
		t.Fatalf("want one error, got %v", resp.Diagnostics)
	}
	if d := resp.Diagnostics.Errors()[0].Detail(); !strings.Contains(d, "max_retries") || !strings.Contains(d, "Throttling.User") {
		t.Errorf("detail %q should explain the throttling", d)
	}
}

func TestModifyPlanNoProvider(t *testing.T) {
	s := testSchema(t)
	m := testModel(testID, 500, endIn(24*time.Hour))
	req := resource.ModifyPlanRequest{State: testState(t, s, nil), Plan: testPlan(t, s, &m)}
	resp := resource.ModifyPlanResponse{Plan: req.Plan}
	testResource(nil).ModifyPlan(context.Background(), req, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("unconfigured provider: want no error, got %v", resp.Diagnostics)
	}
}

func TestEndTimeFormat(t *testing.T) {
	cases := []struct {
		value types.String
		want  string // "" means valid
	}{
		{types.StringValue("2026-12-01T10:00:00Z"), ""},
		{types.StringValue("2026-12-01T23:59:59Z"), ""},
		{types.StringNull(), ""},
		{types.StringUnknown(), ""},
		{types.StringValue("2026-12-01T10:00Z"), "with seconds and a trailing Z"},
		{types.StringValue("2026-12-01T10:00:00+08:00"), "no offset"},
		{types.StringValue("2026-12-01T10:00:00.5Z"), "YYYY-MM-DDThh:mm:ssZ"},
		{types.StringValue("2026-12-01 10:00:00"), "YYYY-MM-DDThh:mm:ssZ"},
		{types.StringValue("2026-12-01t10:00:00z"), "YYYY-MM-DDThh:mm:ssZ"},
		{types.StringValue("2026-02-30T10:00:00Z"), "not a real date"},
		{types.StringValue("2026-12-01T24:00:00Z"), "not a real date"},
	}
	for _, c := range cases {
		t.Run(c.value.String(), func(t *testing.T) {
			req := validator.StringRequest{Path: path.Root("end_time"), ConfigValue: c.value}
			var resp validator.StringResponse
			endTimeFormat.ValidateString(context.Background(), req, &resp)
			if c.want == "" {
				if resp.Diagnostics.HasError() {
					t.Fatalf("unexpected error: %v", resp.Diagnostics)
				}
				return
			}
			if resp.Diagnostics.ErrorsCount() != 1 {
				t.Fatalf("want one error, got %v", resp.Diagnostics)
			}
			d := resp.Diagnostics.Errors()[0]
			if !strings.Contains(d.Detail(), c.want) || !strings.Contains(d.Detail(), "end_time = ") {
				t.Errorf("detail %q should name end_time and contain %q", d.Detail(), c.want)
			}
		})
	}
}
