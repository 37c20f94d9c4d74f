package cen

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
	actiontimeouts "github.com/hashicorp/terraform-plugin-framework-timeouts/action/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/framework/resourcetest"
	fwtypes "terraform-provider-alibabacloud/internal/framework/types"
)

// testAction returns the action on api (nil: the provider is not configured) with the fixed
// clock.
func testAction(api cbnAPI) *tempUpgradeBandwidthPackageAction {
	a, ok := NewTempUpgradeBandwidthPackageAction().(*tempUpgradeBandwidthPackageAction)
	if !ok {
		panic("NewTempUpgradeBandwidthPackageAction returned another type")
	}
	a.now = func() time.Time { return testNow }
	if api != nil {
		a.SetAPI(api, "cn-hangzhou")
	}
	return a
}

// testActionSchema returns the action's schema.
func testActionSchema(t *testing.T) schema.Schema {
	t.Helper()
	var resp action.SchemaResponse
	testAction(nil).Schema(context.Background(), action.SchemaRequest{}, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	return resp.Schema
}

// testActionConfig is the action's configuration ordering an upgrade of package id to
// bandwidth until end, with the invoke timeout ("": the default).
func testActionConfig(t *testing.T, id types.String, bandwidth int64, end, invokeTimeout string) tfsdk.Config {
	t.Helper()
	timeout := types.StringNull()
	if invokeTimeout != "" {
		timeout = types.StringValue(invokeTimeout)
	}
	m := tempUpgradeActionModel{
		Bandwidth:             fwtypes.Int64Value(bandwidth),
		CenBandwidthPackageID: id,
		EndTime:               NewEndTimeValue(end),
		Timeouts: actiontimeouts.Value{Object: types.ObjectValueMust(
			map[string]attr.Type{"invoke": types.StringType}, map[string]attr.Value{"invoke": timeout})},
	}
	s := testActionSchema(t)
	state := tfsdk.State{Schema: s}
	if diags := state.Set(context.Background(), &m); diags.HasError() {
		t.Fatal(diags)
	}
	return tfsdk.Config{Schema: s, Raw: state.Raw}
}

func TestTempUpgradeActionModelMatchesSchema(t *testing.T) {
	resourcetest.ExpectModelMatchesSchema(t, testActionSchema(t), tempUpgradeActionModel{})
}

// TestTempUpgradeActionRefusesWhatTheResourceRefuses plans the same orders with the action and
// with the resource (a create): both refuse the same ones, with the same error on the same
// attribute, and neither orders anything.
func TestTempUpgradeActionRefusesWhatTheResourceRefuses(t *testing.T) {
	day := endIn(24 * time.Hour)
	base := testPackage(100)
	open := withWindow(base, 500, testNow.Add(24*time.Hour))
	postpay := base
	postpay.BandwidthPackageChargeType = chargeTypePostpay
	postpay.ExpiredTime = ""
	locked := base
	locked.BusinessStatus = "FinancialLocked"
	short := base
	short.ExpiredTime = testNow.Add(30 * time.Hour).Format(apiTimeLayout)

	cases := []struct {
		name        string
		pkg         *cbn.CenBandwidthPackage
		id          types.String
		bandwidth   int64
		end         string
		wantErrPath string // "" for no error
		wantErr     string
		// wantWarn is in the one warning of a valid order.
		wantWarn string
	}{
		{name: "valid", pkg: &base, bandwidth: 500, end: day},
		// The cloud may refuse an order while a window is open: both warn.
		{name: "raise an open window", pkg: &open, bandwidth: 800, end: day, wantWarn: "Alibaba Cloud may refuse an order while a window is open"},
		{name: "not above base", pkg: &base, bandwidth: 100, end: day, wantErrPath: "bandwidth", wantErr: "set bandwidth to at least 101"},
		{name: "lower an open window", pkg: &open, bandwidth: 300, end: day, wantErrPath: "bandwidth", wantErr: "is lower than the 500 Mbps"},
		{name: "end_time in the past", pkg: &base, bandwidth: 500, end: endIn(-time.Minute), wantErrPath: "end_time", wantErr: "is in the past"},
		{name: "end_time under 3 hours", pkg: &base, bandwidth: 500, end: endIn(2 * time.Hour), wantErrPath: "end_time", wantErr: "only 2h0m0s from now"},
		{name: "window past package expiry", pkg: &short, bandwidth: 500, end: endIn(31 * time.Hour), wantErrPath: "end_time", wantErr: "after the subscription"},
		{name: "pay-as-you-go", pkg: &postpay, bandwidth: 500, end: day, wantErrPath: "cen_bandwidth_package_id", wantErr: "pay-as-you-go (POSTPAY)"},
		{name: "locked", pkg: &locked, bandwidth: 500, end: day, wantErrPath: "cen_bandwidth_package_id", wantErr: "business status FinancialLocked"},
		{name: "missing package", bandwidth: 500, end: day, wantErrPath: "cen_bandwidth_package_id", wantErr: "no such CEN bandwidth package"},
		{name: "package unknown, end_time under 3 hours", pkg: &base, id: types.StringUnknown(), bandwidth: 500, end: endIn(time.Hour), wantErrPath: "end_time", wantErr: "lasts at least 3 hours"},
	}
	resourceSchema := testSchema(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			id := c.id
			if id.IsNull() {
				id = types.StringValue(testID)
			}
			newFake := func() *fakeCBN {
				if c.pkg != nil {
					return newFakeCBN(*c.pkg)
				}
				return newFakeCBN()
			}

			actionFake := newFake()
			var actionResp action.ModifyPlanResponse
			testAction(actionFake).ModifyPlan(context.Background(),
				action.ModifyPlanRequest{Config: testActionConfig(t, id, c.bandwidth, c.end, "")}, &actionResp)

			resourceFake := newFake()
			plan := testModel(testID, c.bandwidth, c.end)
			plan.CenBandwidthPackageID = id
			req := resource.ModifyPlanRequest{State: testState(t, resourceSchema, nil), Plan: testPlan(t, resourceSchema, &plan)}
			resourceResp := resource.ModifyPlanResponse{Plan: req.Plan}
			testResource(resourceFake).ModifyPlan(context.Background(), req, &resourceResp)

			for who, got := range map[string]struct {
				diags diag.Diagnostics
				fake  *fakeCBN
			}{"action": {actionResp.Diagnostics, actionFake}, "resource": {resourceResp.Diagnostics, resourceFake}} {
				if n := got.fake.CallCount(upgradeAct); n != 0 {
					t.Errorf("%s: plan made %d upgrade calls", who, n)
				}
				switch {
				case c.wantErr == "" && c.wantWarn != "":
					resourcetest.ExpectWarning(t, got.diags, c.wantWarn)
					continue
				case c.wantErr == "":
					resourcetest.ExpectNoDiagnostics(t, got.diags)
					continue
				}
				if got.diags.ErrorsCount() != 1 {
					t.Errorf("%s: want one error containing %q, got %v", who, c.wantErr, got.diags)
					continue
				}
				d := got.diags.Errors()[0]
				pd, ok := d.(interface{ Path() path.Path })
				if !ok || !pd.Path().Equal(path.Root(c.wantErrPath)) || !strings.Contains(d.Detail(), c.wantErr) {
					t.Errorf("%s: error %q (%q) should be on %s and contain %q", who, d.Summary(), d.Detail(), c.wantErrPath, c.wantErr)
				}
			}
			if !actionResp.Diagnostics.Equal(resourceResp.Diagnostics) {
				t.Errorf("the action's diagnostics %v differ from the resource's %v", actionResp.Diagnostics, resourceResp.Diagnostics)
			}
		})
	}
}

func TestTempUpgradeActionModifyPlanNoProvider(t *testing.T) {
	var resp action.ModifyPlanResponse
	testAction(nil).ModifyPlan(context.Background(),
		action.ModifyPlanRequest{Config: testActionConfig(t, types.StringValue(testID), 500, endIn(24*time.Hour), "")}, &resp)
	resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
}

// invoke runs the action's Invoke on api and returns its diagnostics and progress messages.
func invoke(t *testing.T, api cbnAPI, config tfsdk.Config) (diag.Diagnostics, []string) {
	t.Helper()
	var messages []string
	resp := action.InvokeResponse{SendProgress: func(e action.InvokeProgressEvent) { messages = append(messages, e.Message) }}
	testAction(api).Invoke(context.Background(), action.InvokeRequest{Config: config}, &resp)
	return resp.Diagnostics, messages
}

func TestTempUpgradeActionInvoke(t *testing.T) {
	end := endIn(24 * time.Hour)
	endTime, err := time.Parse(endTimeLayout, end)
	if err != nil {
		t.Fatal(err)
	}
	fake := newFakeCBN(testPackage(100))
	// The order is accepted; the package shows it from the third poll on.
	polls := 0
	fake.Handle(describeAct, func(request requests.AcsRequest, response responses.AcsResponse) error {
		if polls++; polls == 3 {
			fake.packages[testID] = withWindow(fake.packages[testID], 500, endTime)
		}
		return fake.describe(request, response)
	})
	diags, messages := invoke(t, fake, testActionConfig(t, types.StringValue(testID), 500, end, ""))
	resourcetest.ExpectNoDiagnostics(t, diags)
	if n := fake.CallCount(upgradeAct); n != 1 {
		t.Errorf("%d upgrade calls, want 1", n)
	}
	req, ok := fake.Requests(upgradeAct)[0].(*cbn.TempUpgradeCenBandwidthPackageSpecRequest)
	if !ok || req.CenBandwidthPackageId != testID || req.Bandwidth != "500" || req.EndTime != end {
		t.Errorf("ordered %#v, want %s at 500 until %s", req, testID, end)
	}
	want := []string{
		"Ordering a temporary upgrade of CEN bandwidth package " + testID + " to 500 Mbps until " + end,
		"is still at 100 Mbps, waiting for 500 Mbps",
		"is still at 100 Mbps, waiting for 500 Mbps",
		"is at 500 Mbps until " + end + ", then returns to 100 Mbps",
	}
	if len(messages) != len(want) {
		t.Fatalf("progress %q, want %d messages: the order, one per poll until the package shows it, the result", messages, len(want))
	}
	for i, w := range want {
		if !strings.Contains(messages[i], w) {
			t.Errorf("progress message %d %q lacks %q", i, messages[i], w)
		}
	}
}

func TestTempUpgradeActionInvokeRefused(t *testing.T) {
	fake := newFakeCBN(testPackage(100))
	fake.upgradeErr = resourcetest.APIError(errCodeQosPolicy)
	diags, messages := invoke(t, fake, testActionConfig(t, types.StringValue(testID), 500, endIn(24*time.Hour), ""))
	resourcetest.ExpectError(t, diags, "Temporary upgrade of CEN bandwidth package "+testID+" refused", "QoS")
	if n := fake.CallCount(describeAct); n != 0 {
		t.Errorf("a refused order was waited for: %d describe calls", n)
	}
	if len(messages) != 1 {
		t.Errorf("progress %q: want only the order", messages)
	}
}

func TestTempUpgradeActionInvokeTimesOut(t *testing.T) {
	fake := newFakeCBN(testPackage(100)) // accepts the order, never shows it
	diags, _ := invoke(t, fake, testActionConfig(t, types.StringValue(testID), 500, endIn(24*time.Hour), "1s"))
	resourcetest.ExpectError(t, diags, "not confirmed", "within 1s", "timeouts.invoke")
}

func TestTempUpgradeActionInvokeNoProvider(t *testing.T) {
	diags, messages := invoke(t, nil, testActionConfig(t, types.StringValue(testID), 500, endIn(24*time.Hour), ""))
	resourcetest.ExpectError(t, diags, "Provider not configured")
	if len(messages) != 0 {
		t.Errorf("progress %q before anything was ordered", messages)
	}
}
