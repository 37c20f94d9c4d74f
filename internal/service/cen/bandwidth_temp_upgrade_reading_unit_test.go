package cen

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/framework/resourcetest"
	fwtypes "terraform-provider-alibabacloud/internal/framework/types"
)

// The API pages leave open whether a window ends at the EndTime ordered or later (the cloud
// bills by the hour), and whether an order while a window is open is accepted. These tests hold
// the resource to both readings: nothing waits for an echo of end_time, plans stay empty, and a
// refused order says why and changes nothing.

// oddEnd is an end_time 24h37m42s after testNow, not on a whole hour; oddEndHour is where the
// strict reading ends its window.
var (
	oddEnd     = testNow.Add(24*time.Hour + 37*time.Minute + 42*time.Second).Format(endTimeLayout)
	oddEndHour = testNow.Add(25 * time.Hour).Format(endTimeLayout)
)

func TestCreate_windowRoundedUp(t *testing.T) {
	s := testSchema(t)
	fake := newFakeCBN(testPackage(100))
	fake.applyUpgrades, fake.roundUp = true, true
	plan := testModel(testID, 500, oddEnd)
	resp := resource.CreateResponse{State: testState(t, s, nil)}
	testResource(fake).Create(context.Background(), resource.CreateRequest{Plan: testPlan(t, s, &plan)}, &resp)
	resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
	got := getModel(t, resp.State)
	if got.Status.ValueString() != statusActive || got.EndTime.ValueString() != oddEnd || got.WindowEndTime.ValueString() != oddEndHour {
		t.Errorf("status %s, end_time %s, window_end_time %s; want Active, %s as written, %s as the API shows it",
			got.Status, got.EndTime, got.WindowEndTime, oddEnd, oddEndHour)
	}
	if n := fake.CallCount(describeAct); n > 3 {
		t.Errorf("%d polls: the wait did not take the rounded window at once", n)
	}
}

func TestRead_windowEnd(t *testing.T) {
	s := testSchema(t)
	cases := map[string]struct {
		shown               time.Time
		wantEnd, wantWindow string
	}{
		// The window of this end_time, rounded up: end_time stays as written, the plan is empty.
		"rounded up": {testNow.Add(25 * time.Hour), oddEnd, oddEndHour},
		"echoed":     {testNow.Add(24*time.Hour + 37*time.Minute), oddEnd, endIn(24*time.Hour + 37*time.Minute)},
		// Moved outside Terraform: end_time shows the window, and the plan orders the configured one.
		"moved later":   {testNow.Add(48 * time.Hour), endIn(48 * time.Hour), endIn(48 * time.Hour)},
		"moved earlier": {testNow.Add(24 * time.Hour), endIn(24 * time.Hour), endIn(24 * time.Hour)},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			fake := newFakeCBN(withWindow(testPackage(100), 500, c.shown))
			prior := testStateModel(testID, 500, 100, oddEnd, statusActive)
			prior.WindowEndTime = types.StringValue(oddEndHour)
			resp := resource.ReadResponse{State: testState(t, s, &prior)}
			testResource(fake).Read(context.Background(), resource.ReadRequest{State: resp.State}, &resp)
			resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
			got := getModel(t, resp.State)
			if got.EndTime.ValueString() != c.wantEnd || got.WindowEndTime.ValueString() != c.wantWindow {
				t.Errorf("end_time %s, window_end_time %s; want %s, %s", got.EndTime, got.WindowEndTime, c.wantEnd, c.wantWindow)
			}
		})
	}
}

// TestCreate_adoptsItsWindow: a create (the replacement of one that timed out) whose window the
// package already shows, rounded or not, takes it instead of ordering it again, which the cloud
// may refuse while the window is open.
func TestCreate_adoptsItsWindow(t *testing.T) {
	s := testSchema(t)
	for name, shown := range map[string]time.Time{"rounded up": testNow.Add(25 * time.Hour), "echoed": testNow.Add(24*time.Hour + 37*time.Minute)} {
		t.Run(name, func(t *testing.T) {
			fake := newFakeCBN(withWindow(testPackage(100), 500, shown))
			plan := testModel(testID, 500, oddEnd)
			resp := resource.CreateResponse{State: testState(t, s, nil)}
			testResource(fake).Create(context.Background(), resource.CreateRequest{Plan: testPlan(t, s, &plan)}, &resp)
			resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
			if n := fake.CallCount(upgradeAct); n != 0 {
				t.Errorf("%d upgrade calls, want none", n)
			}
			if got := getModel(t, resp.State); got.Status.ValueString() != statusActive || got.OriginalBandwidth.ValueInt64() != 100 ||
				got.WindowEndTime.ValueString() != shown.Format(endTimeLayout) {
				t.Errorf("state %+v", got)
			}
		})
	}
	// Another bandwidth, or a window that ends before end_time, is not this upgrade: ordered.
	for name, p := range map[string]bool{"other bandwidth": true, "earlier window": false} {
		t.Run(name, func(t *testing.T) {
			bandwidth, end := int64(500), testNow.Add(24*time.Hour)
			if p {
				bandwidth, end = 400, testNow.Add(25*time.Hour)
			}
			fake := newFakeCBN(withWindow(testPackage(100), bandwidth, end))
			fake.applyUpgrades = true
			plan := testModel(testID, 500, oddEnd)
			resp := resource.CreateResponse{State: testState(t, s, nil)}
			testResource(fake).Create(context.Background(), resource.CreateRequest{Plan: testPlan(t, s, &plan)}, &resp)
			resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
			if n := fake.CallCount(upgradeAct); n != 1 {
				t.Errorf("%d upgrade calls, want 1", n)
			}
		})
	}
}

// TestUpdate_adoptsTimedOutOrder: an update of an upgrade left Pending by a timeout takes the
// window the package now shows; an update of an Active one orders.
func TestUpdate_adoptsTimedOutOrder(t *testing.T) {
	s := testSchema(t)
	for status, wantOrders := range map[string]int{statusPending: 0, statusActive: 1} {
		t.Run(status, func(t *testing.T) {
			fake := newFakeCBN(withWindow(testPackage(100), 700, testNow.Add(25*time.Hour)))
			fake.applyUpgrades = true
			prior := testStateModel(testID, 500, 100, oddEnd, status)
			plan := prior
			plan.Bandwidth = fwtypes.Int64Value(700)
			plan.WindowEndTime = types.StringUnknown()
			resp := resource.UpdateResponse{State: testState(t, s, &prior)}
			testResource(fake).Update(context.Background(), resource.UpdateRequest{Plan: testPlan(t, s, &plan), State: testState(t, s, &prior)}, &resp)
			resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
			if n := fake.CallCount(upgradeAct); n != wantOrders {
				t.Errorf("%d upgrade calls, want %d", n, wantOrders)
			}
			if got := getModel(t, resp.State); got.Status.ValueString() != statusActive || got.Bandwidth.ValueInt64() != 700 {
				t.Errorf("state %+v", got)
			}
		})
	}
}

// TestUpdate_refusedWhileWindowOpen: under the strict reading, an order while the window is
// open is refused (InvalidOperation.OrderParameterIllegal): the error names the open window,
// says that nothing changed and what to do, and the state keeps the window.
func TestUpdate_refusedWhileWindowOpen(t *testing.T) {
	s := testSchema(t)
	fake := newFakeCBN(withWindow(testPackage(100), 500, testNow.Add(25*time.Hour)))
	fake.upgradeErr = resourcetest.APIError(errCodeOrderParameterIllegal)
	prior := testStateModel(testID, 500, 100, oddEnd, statusActive)
	prior.WindowEndTime = types.StringValue(oddEndHour)
	plan := prior
	plan.Bandwidth = fwtypes.Int64Value(800)
	plan.WindowEndTime = types.StringUnknown()
	resp := resource.UpdateResponse{State: testState(t, s, &prior)}
	testResource(fake).Update(context.Background(), resource.UpdateRequest{Plan: testPlan(t, s, &plan), State: testState(t, s, &prior)}, &resp)
	resourcetest.ExpectError(t, resp.Diagnostics, "a window is open", "open until "+oddEndHour+" at 500 Mbps",
		"refused another temporary upgrade (800 Mbps until "+oddEnd+")", "Nothing was changed", "returns to 100 Mbps",
		"set a new end_time", "InvalidOperation.OrderParameterIllegal")
	if got := getModel(t, resp.State); got.Bandwidth.ValueInt64() != 500 || got.WindowEndTime.ValueString() != oddEndHour {
		t.Errorf("state after the refusal %+v, want the window it had", got)
	}

	// Without an open window the refusal has another cause: the general explanation.
	fake = newFakeCBN(testPackage(100))
	fake.upgradeErr = resourcetest.APIError(errCodeOrderParameterIllegal)
	plan = testModel(testID, 800, oddEnd)
	cresp := resource.CreateResponse{State: testState(t, s, nil)}
	testResource(fake).Create(context.Background(), resource.CreateRequest{Plan: testPlan(t, s, &plan)}, &cresp)
	resourcetest.ExpectError(t, cresp.Diagnostics, "conflict with an order", "Billing console")
}

// TestModifyPlan_windowEndTime: a plan that orders leaves window_end_time to the apply, with a
// warning when a window is open; a plan that orders nothing keeps it.
func TestModifyPlan_windowEndTime(t *testing.T) {
	s := testSchema(t)
	prior := testStateModel(testID, 500, 100, oddEnd, statusActive)
	prior.WindowEndTime = types.StringValue(oddEndHour)
	plan := func(p *bandwidthTempUpgradeModel, fake *fakeCBN) resource.ModifyPlanResponse {
		req := resource.ModifyPlanRequest{State: testState(t, s, &prior), Plan: testPlan(t, s, p)}
		resp := resource.ModifyPlanResponse{Plan: req.Plan}
		testResource(fake).ModifyPlan(context.Background(), req, &resp)
		return resp
	}
	open := withWindow(testPackage(100), 500, testNow.Add(25*time.Hour))

	unchanged := prior
	resp := plan(&unchanged, newFakeCBN(open))
	resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
	if got := planModel(t, resp); got.WindowEndTime.ValueString() != oddEndHour {
		t.Errorf("unchanged plan: window_end_time %s, want the state's", got.WindowEndTime)
	}

	raised := prior
	raised.Bandwidth = fwtypes.Int64Value(800)
	resp = plan(&raised, newFakeCBN(open))
	resourcetest.ExpectWarning(t, resp.Diagnostics, "Another temporary upgrade while a window is open", "may refuse", "800 Mbps")
	if got := planModel(t, resp); !got.WindowEndTime.IsUnknown() {
		t.Errorf("a plan that orders: window_end_time %s, want unknown", got.WindowEndTime)
	}

	// Imported at the window's end, configured at an end_time the window rounds up from: the
	// warning tells how to keep the window without ordering.
	imported := prior
	imported.EndTime = NewEndTimeValue(oddEndHour)
	reqPlan := prior // end_time as configured
	req := resource.ModifyPlanRequest{State: testState(t, s, &imported), Plan: testPlan(t, s, &reqPlan)}
	mresp := resource.ModifyPlanResponse{Plan: req.Plan}
	testResource(newFakeCBN(open)).ModifyPlan(context.Background(), req, &mresp)
	resourcetest.ExpectWarning(t, mresp.Diagnostics, "to keep the window as it is without ordering, set end_time = \""+oddEndHour+"\"")

	// After the window ended, no warning.
	later := prior
	later.EndTime = NewEndTimeValue(endIn(30 * time.Hour))
	resp = plan(&later, newFakeCBN(testPackage(100)))
	resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
}

// planModel reads the model of a planned change.
func planModel(t *testing.T, resp resource.ModifyPlanResponse) bandwidthTempUpgradeModel {
	t.Helper()
	var m bandwidthTempUpgradeModel
	if diags := resp.Plan.Get(context.Background(), &m); diags.HasError() {
		t.Fatal(diags)
	}
	return m
}
