package cen

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework/resourcetest"
)

func TestRead(t *testing.T) {
	s := testSchema(t)
	day := endIn(24 * time.Hour)
	ctx := context.Background()

	t.Run("open window", func(t *testing.T) {
		fake := newFakeCBN(withWindow(testPackage(100), 700, testNow.Add(48*time.Hour)))
		prior := testStateModel(testID, 500, 100, day, statusActive)
		resp := resource.ReadResponse{State: testState(t, s, &prior)}
		testResource(fake).Read(ctx, resource.ReadRequest{State: resp.State}, &resp)
		if resp.Diagnostics.HasError() {
			t.Fatal(resp.Diagnostics)
		}
		got := getModel(t, resp.State)
		// Drift made outside Terraform shows as it is.
		if got.Bandwidth.ValueInt64() != 700 || got.EndTime.ValueString() != endIn(48*time.Hour) ||
			got.Status.ValueString() != statusActive || got.OriginalBandwidth.ValueInt64() != 100 {
			t.Errorf("read %v %v %v %v", got.Bandwidth, got.EndTime, got.Status, got.OriginalBandwidth)
		}
	})

	t.Run("window ended", func(t *testing.T) {
		fake := newFakeCBN(testPackage(200))
		prior := testStateModel(testID, 500, 200, day, statusActive)
		resp := resource.ReadResponse{State: testState(t, s, &prior)}
		testResource(fake).Read(ctx, resource.ReadRequest{State: resp.State}, &resp)
		got := getModel(t, resp.State)
		if got.Status.ValueString() != statusExpired || got.OriginalBandwidth.ValueInt64() != 200 {
			t.Errorf("status %s original_bandwidth %s, want Expired and 200", got.Status, got.OriginalBandwidth)
		}
		if got.Bandwidth.ValueInt64() != 500 || got.EndTime.ValueString() != day {
			t.Errorf("the requested bandwidth and end_time must stay, got %v %v", got.Bandwidth, got.EndTime)
		}
	})

	t.Run("timed-out order not shown yet", func(t *testing.T) {
		fake := newFakeCBN(testPackage(100))
		prior := testStateModel(testID, 500, 100, day, statusPending)
		resp := resource.ReadResponse{State: testState(t, s, &prior)}
		testResource(fake).Read(ctx, resource.ReadRequest{State: resp.State}, &resp)
		// Not Expired: the order may still take effect, and the destroy warning says so.
		if got := getModel(t, resp.State); got.Status.ValueString() != statusPending {
			t.Errorf("status %s, want Pending", got.Status)
		}
	})

	t.Run("package gone", func(t *testing.T) {
		prior := testStateModel(testID, 500, 100, day, statusActive)
		resp := resource.ReadResponse{State: testState(t, s, &prior)}
		testResource(newFakeCBN()).Read(ctx, resource.ReadRequest{State: resp.State}, &resp)
		if !resp.State.Raw.IsNull() {
			t.Error("resource not removed from state")
		}
		if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 ||
			!strings.Contains(resp.Diagnostics.Warnings()[0].Detail(), testID) {
			t.Errorf("want one warning naming the package, got %v", resp.Diagnostics)
		}
	})

	t.Run("read error", func(t *testing.T) {
		fake := newFakeCBN()
		fake.FailNext(describeAct, resourcetest.APIError("Unauthorized"))
		prior := testStateModel(testID, 500, 100, day, statusActive)
		resp := resource.ReadResponse{State: testState(t, s, &prior)}
		testResource(fake).Read(ctx, resource.ReadRequest{State: resp.State}, &resp)
		if !resp.Diagnostics.HasError() || resp.State.Raw.IsNull() {
			t.Errorf("an API error must fail the read and keep the state, got %v", resp.Diagnostics)
		}
	})
}

func TestCreate(t *testing.T) {
	s := testSchema(t)
	ctx := context.Background()
	day := endIn(24 * time.Hour)

	t.Run("success", func(t *testing.T) {
		fake := newFakeCBN(testPackage(100))
		fake.applyUpgrades = true
		plan := testModel(testID, 500, day)
		resp := resource.CreateResponse{State: testState(t, s, nil)}
		testResource(fake).Create(ctx, resource.CreateRequest{Plan: testPlan(t, s, &plan)}, &resp)
		if resp.Diagnostics.HasError() {
			t.Fatal(resp.Diagnostics)
		}
		got := getModel(t, resp.State)
		if got.ID.ValueString() != testID || got.Status.ValueString() != statusActive ||
			got.OriginalBandwidth.ValueInt64() != 100 || got.ChargeType.ValueString() != chargeTypePrepay {
			t.Errorf("state %+v", got)
		}
		if fake.CallCount(upgradeAct) != 1 {
			t.Errorf("%d upgrade calls, want 1", fake.CallCount(upgradeAct))
		}
	})

	// Refusals end the create at once: no state, the explanation, no wait.
	refusals := map[string]struct {
		err        error
		wantDetail string
	}{
		"refused":                                {resourcetest.APIError(errCodeQosPolicy), "Delete that policy"},
		"another order processing fails at once": {resourcetest.APIError(errCodeOrderIsProcessing), "Another order"}, // the only attempt's answer
		"another order processing after only throttled attempts fails at once": {&conns.RepeatedCallError{
			Attempts: 3, EarlierAttemptMayHaveRun: false, Err: resourcetest.APIError(errCodeOrderIsProcessing)}, "Another order"},
	}
	for name, tc := range refusals {
		t.Run(name, func(t *testing.T) {
			fake := newFakeCBN(testPackage(100))
			fake.upgradeErr = tc.err
			plan := testModel(testID, 500, day)
			resp := resource.CreateResponse{State: testState(t, s, nil)}
			testResource(fake).Create(ctx, resource.CreateRequest{Plan: testPlan(t, s, &plan)}, &resp)
			if !resp.State.Raw.IsNull() {
				t.Error("a refused upgrade must leave no state")
			}
			if resp.Diagnostics.ErrorsCount() != 1 || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), tc.wantDetail) {
				t.Errorf("want the explanation %q, got %v", tc.wantDetail, resp.Diagnostics)
			}
			// A create first looks for the window of an earlier apply that timed out.
			if got := strings.Join(fake.Calls(), ","); got != describeAct+","+upgradeAct {
				t.Errorf("calls %v, want a look at the package and the upgrade, no wait", fake.Calls())
			}
		})
	}

	t.Run("own order processing after a retry is waited for", func(t *testing.T) {
		// The lost first attempt was accepted: the package shows it, the retry was refused.
		fake := newFakeCBN(withWindow(testPackage(100), 500, testNow.Add(24*time.Hour)))
		fake.upgradeErr = &conns.RepeatedCallError{Attempts: 2, EarlierAttemptMayHaveRun: true, Err: resourcetest.APIError(errCodeOrderIsProcessing)}
		plan := testModel(testID, 500, day)
		resp := resource.CreateResponse{State: testState(t, s, nil)}
		testResource(fake).Create(ctx, resource.CreateRequest{Plan: testPlan(t, s, &plan)}, &resp)
		if resp.Diagnostics.HasError() {
			t.Fatal(resp.Diagnostics)
		}
		if got := getModel(t, resp.State); got.Status.ValueString() != statusActive || got.OriginalBandwidth.ValueInt64() != 100 {
			t.Errorf("state %+v", got)
		}
		if fake.CallCount(describeAct) == 0 {
			t.Errorf("calls %v, want a wait on %s", fake.Calls(), describeAct)
		}
	})

	t.Run("other order processing after a retry is reported", func(t *testing.T) {
		fake := newFakeCBN(testPackage(100)) // never shows an upgrade to 500
		fake.upgradeErr = &conns.RepeatedCallError{Attempts: 2, EarlierAttemptMayHaveRun: true, Err: resourcetest.APIError(errCodeOrderIsProcessing)}
		plan := withCreateTimeout(testModel(testID, 500, day), "1s")
		resp := resource.CreateResponse{State: testState(t, s, nil)}
		testResource(fake).Create(ctx, resource.CreateRequest{Plan: testPlan(t, s, &plan)}, &resp)
		if !resp.State.Raw.IsNull() {
			t.Error("an upgrade that was not ordered must leave no state")
		}
		if resp.Diagnostics.ErrorsCount() != 1 || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "Another order") {
			t.Errorf("want the OrderIsProcessing explanation, got %v", resp.Diagnostics)
		}
	})

	t.Run("timeout keeps state", func(t *testing.T) {
		fake := newFakeCBN(testPackage(100)) // never shows the upgrade
		plan := withCreateTimeout(testModel(testID, 500, day), "1s")
		resp := resource.CreateResponse{State: testState(t, s, nil)}
		testResource(fake).Create(ctx, resource.CreateRequest{Plan: testPlan(t, s, &plan)}, &resp)
		if resp.Diagnostics.ErrorsCount() != 1 || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "within 1s") {
			t.Fatalf("want a timeout error, got %v", resp.Diagnostics)
		}
		if resp.State.Raw.IsNull() {
			t.Fatal("a timed-out create must stay in state")
		}
		got := getModel(t, resp.State)
		if got.Status.ValueString() != statusPending || got.ID.ValueString() != testID ||
			got.OriginalBandwidth.ValueInt64() != 100 {
			t.Errorf("state after timeout %+v", got)
		}
		if !resp.State.Raw.IsFullyKnown() {
			t.Error("state after timeout has unknown values")
		}
	})
}

func TestUpdateOnlyCallsForChanges(t *testing.T) {
	s := testSchema(t)
	day := endIn(24 * time.Hour) // a whole minute
	cases := []struct {
		name, priorEnd, planEnd string
		wantUpgrades            int
	}{
		{"seconds within the minute", day, day[:17] + "40Z", 0},
		// Less than a minute apart, but another minute for the API: a new order.
		{"seconds across a minute", day[:17] + "52Z", endIn(24*time.Hour + time.Minute)[:17] + "10Z", 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fake := newFakeCBN(withWindow(testPackage(100), 500, testNow.Add(24*time.Hour)))
			fake.applyUpgrades = true
			prior := testStateModel(testID, 500, 100, c.priorEnd, statusActive)
			plan := prior
			plan.EndTime = NewEndTimeValue(c.planEnd)
			resp := resource.UpdateResponse{State: testState(t, s, &prior)}
			testResource(fake).Update(context.Background(), resource.UpdateRequest{
				Plan: testPlan(t, s, &plan), State: testState(t, s, &prior),
			}, &resp)
			if resp.Diagnostics.HasError() {
				t.Fatal(resp.Diagnostics)
			}
			if got := fake.CallCount(upgradeAct); got != c.wantUpgrades {
				t.Errorf("%d upgrade calls, want %d (calls %v)", got, c.wantUpgrades, fake.Calls())
			}
			if got := getModel(t, resp.State); got.EndTime.ValueString() != c.planEnd {
				t.Errorf("end_time %s, want %s", got.EndTime, c.planEnd)
			}
		})
	}
}

func TestDelete(t *testing.T) {
	s := testSchema(t)
	day := endIn(24 * time.Hour)
	cases := map[string][]string{
		statusActive:  {"cannot cancel", "keeps 500 Mbps", "until " + day, "returns to 100 Mbps"},
		statusExpired: {"already ended at " + day, "back at 100 Mbps"},
		statusPending: {"If the upgrade", "500 Mbps", day, "100 Mbps"},
	}
	// The cloud ended the window later than end_time (rounded up to the hour): the warning
	// says when the package really returns.
	cases["rounded window"] = []string{"keeps 500 Mbps", "until " + endIn(25*time.Hour), "returns to 100 Mbps"}
	for status, want := range cases {
		t.Run(status, func(t *testing.T) {
			fake := newFakeCBN()
			prior := testStateModel(testID, 500, 100, day, status)
			if status == "rounded window" {
				prior.Status = types.StringValue(statusActive)
				prior.WindowEndTime = types.StringValue(endIn(25 * time.Hour))
			}
			resp := resource.DeleteResponse{State: testState(t, s, &prior)}
			testResource(fake).Delete(context.Background(), resource.DeleteRequest{State: resp.State}, &resp)
			if len(fake.Calls()) != 0 {
				t.Errorf("delete made calls %v", fake.Calls())
			}
			if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
				t.Fatalf("want exactly one warning, got %v", resp.Diagnostics)
			}
			detail := resp.Diagnostics.Warnings()[0].Detail()
			for _, w := range append(want, testID) {
				if !strings.Contains(detail, w) {
					t.Errorf("warning %q lacks %q", detail, w)
				}
			}
		})
	}
}

func TestImportState(t *testing.T) {
	s := testSchema(t)
	ctx := context.Background()
	importInto := func(fake *fakeCBN, id string) resource.ImportStateResponse {
		resp := resource.ImportStateResponse{State: tfsdk.State{
			Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(ctx), nil),
		}}
		testResource(fake).ImportState(ctx, resource.ImportStateRequest{ID: id}, &resp)
		return resp
	}

	resp := importInto(newFakeCBN(withWindow(testPackage(100), 500, testNow.Add(24*time.Hour))), testID)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	var id types.String
	resp.State.GetAttribute(ctx, path.Root("id"), &id)
	if id.ValueString() != testID {
		t.Errorf("imported id %s", id)
	}

	resp = importInto(newFakeCBN(testPackage(100)), testID)
	if resp.Diagnostics.ErrorsCount() != 1 || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "no temporary upgrade") {
		t.Errorf("importing a package without a window: %v", resp.Diagnostics)
	}

	resp = importInto(newFakeCBN(), "cenbwp-nosuch")
	if resp.Diagnostics.ErrorsCount() != 1 || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), `"cenbwp-nosuch"`) {
		t.Errorf("importing a missing package: %v", resp.Diagnostics)
	}
}
