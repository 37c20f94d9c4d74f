package ga

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework/resourcetest"
	fwtypes "terraform-provider-alibabacloud/internal/framework/types"
)

// The CRUD of alibabacloud_ga_bandwidth_package against fakeGA: what each operation calls,
// what it saves, and how it fails.

// subscriptionValues are the values of a Subscription in a configuration, paid automatically.
var subscriptionValues = map[string]any{
	"bandwidth": 10, "type": "Basic", "bandwidth_type": "Basic", "payment_type": "Subscription",
	"duration": 1, "auto_pay": true, "bandwidth_package_name": "unit", "description": "d",
}

// create runs Create for a configuration.
func create(t *testing.T, f *fakeGA, values map[string]any) resource.CreateResponse {
	t.Helper()
	return createIn(context.Background(), t, f, values)
}

// createIn runs Create for a configuration with ctx, for example one Terraform canceled.
func createIn(ctx context.Context, t *testing.T, f *fakeGA, values map[string]any) resource.CreateResponse {
	t.Helper()
	s := packageSchema(t)
	resp := resource.CreateResponse{State: resourcetest.State(t, s, nil)}
	configured[*bandwidthPackageResource](t, NewBandwidthPackageResource, f).Create(ctx, resource.CreateRequest{Plan: planned(t, s, values)}, &resp)
	return resp
}

func TestCreate(t *testing.T) {
	t.Run("pay-as-you-go", func(t *testing.T) {
		f := newFakeGA()
		resp := create(t, f, paygValues)
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		got := resourcetest.Get[bandwidthPackageModel](t, resp.State)
		if got.ID.ValueString() != "gbwp-unit1" || got.Status.ValueString() != "active" || got.BandwidthPackageName.ValueString() != "unit" ||
			got.PaymentType.ValueString() != "PayAsYouGo" || !got.Ratio.IsNull() {
			t.Errorf("state %+v", got)
		}
		// Bought once, then named with an update (the create takes no name), then read back,
		// with its tags.
		want := []string{createPackageAct, describePackageAct, updatePackageAct, describePackageAct, actionListTagResources}
		if !slices.Equal(f.Calls(), want) {
			t.Errorf("calls %v, want %v", f.Calls(), want)
		}
		if req, _ := f.Requests(createPackageAct)[0].(*gasdk.CreateBandwidthPackageRequest); req.ChargeType != "POSTPAY" || req.ClientToken == "" {
			t.Errorf("create request: ChargeType %q, ClientToken %q", req.ChargeType, req.ClientToken)
		}
	})

	t.Run("interrupted while buying", func(t *testing.T) {
		// Ctrl-C while the purchase is in flight: asked once more with the same ClientToken, to
		// learn the plan's id; then the interrupted wait saves it with a warning, not an error
		// that would taint it and buy another at the next apply.
		f := newFakeGA()
		f.FailNext(createPackageAct, &conns.NetworkError{Product: "Ga", Action: createPackageAct, Err: context.Canceled})
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		resp := createIn(ctx, t, f, paygValues)
		resourcetest.ExpectWarning(t, resp.Diagnostics, "interrupted", "gbwp-unit1", "already bought")
		if got := resourcetest.Get[bandwidthPackageModel](t, resp.State); got.ID.ValueString() != "gbwp-unit1" {
			t.Errorf("state %+v, want the plan bought", got)
		}
		creates := f.Requests(createPackageAct)
		first, _ := creates[0].(*gasdk.CreateBandwidthPackageRequest)
		again, _ := creates[len(creates)-1].(*gasdk.CreateBandwidthPackageRequest)
		if len(creates) != 2 || first.ClientToken != again.ClientToken || f.created != 1 {
			t.Errorf("%d creates (tokens %q, %q), %d plans bought; want the purchase asked again with its token, bought once",
				len(creates), first.ClientToken, again.ClientToken, f.created)
		}
	})

	t.Run("interrupted before buying", func(t *testing.T) {
		f := newFakeGA()
		f.FailNext(createPackageAct, context.Canceled) // canceled before a request was sent
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		resp := createIn(ctx, t, f, paygValues)
		resourcetest.ExpectError(t, resp.Diagnostics, "Creating the GA bandwidth plan failed")
		if f.CallCount(createPackageAct) != 1 || !resp.State.Raw.IsNull() {
			t.Error("a create interrupted before its request was sent was sent again, or saved")
		}
	})

	t.Run("refused", func(t *testing.T) {
		f := newFakeGA()
		f.FailNext(createPackageAct, resourcetest.APIError("InvalidParameter"))
		resp := create(t, f, paygValues)
		resourcetest.ExpectError(t, resp.Diagnostics, "Creating the GA bandwidth plan failed", "InvalidParameter")
		if !resp.State.Raw.IsNull() {
			t.Error("a refused create saved a state")
		}
	})

	t.Run("ordered without a plan", func(t *testing.T) {
		f := newFakeGA()
		f.Handle(createPackageAct, func(_ requests.AcsRequest, response responses.AcsResponse) error {
			out, _ := response.(*gasdk.CreateBandwidthPackageResponse)
			out.OrderId = "order-7"
			return nil
		})
		resp := create(t, f, paygValues)
		resourcetest.ExpectError(t, resp.Diagnostics, `ordered but not created: CreateBandwidthPackage answered order "order-7"`)
	})

	t.Run("unpaid subscription saved with a warning", func(t *testing.T) {
		f := newFakeGA()
		resp := create(t, f, with(subscriptionValues, "auto_pay", false))
		resourcetest.ExpectWarning(t, resp.Diagnostics, "awaits payment", `order "order-unit"`)
		got := resourcetest.Get[bandwidthPackageModel](t, resp.State)
		// Saved as it is (not tainted, which would buy again), its name still to set.
		if got.Status.ValueString() != "init" || got.BandwidthPackageName.ValueString() != "unit" || got.ExpiredTime.ValueString() == "" {
			t.Errorf("state %+v", got)
		}
		if f.CallCount(updatePackageAct) != 0 {
			t.Error("an unpaid plan was updated")
		}
	})

	t.Run("unpaid subscription unreadable", func(t *testing.T) {
		f := newFakeGA()
		f.FailNext(describePackageAct, resourcetest.APIError("Forbidden.RAM"))
		resp := create(t, f, with(subscriptionValues, "auto_pay", false))
		resourcetest.ExpectError(t, resp.Diagnostics, "Reading the new GA bandwidth plan gbwp-unit1 failed", "RAM permission")
		if got := resourcetest.Get[bandwidthPackageModel](t, resp.State); got.ID.ValueString() != "gbwp-unit1" {
			t.Error("the bought plan was not saved at once")
		}
	})

	t.Run("subscription slower than the timeout saved with a warning", func(t *testing.T) {
		f := newFakeGA()
		f.activation = packageStateInit
		resp := create(t, f, with(subscriptionValues, "timeouts", map[string]any{"create": "1s"}))
		resourcetest.ExpectWarning(t, resp.Diagnostics, "not active yet", `still "init" when the create timeout (1s) ran out`, "Raise timeouts.create")
		if got := resourcetest.Get[bandwidthPackageModel](t, resp.State); got.Status.ValueString() != "init" || f.CallCount(createPackageAct) != 1 {
			t.Errorf("state %+v after %d creates", got, f.CallCount(createPackageAct))
		}
	})

	t.Run("pay-as-you-go slower than the timeout fails", func(t *testing.T) {
		f := newFakeGA()
		f.activation = packageStateInit
		resp := create(t, f, with(paygValues, "timeouts", map[string]any{"create": "1s"}))
		resourcetest.ExpectError(t, resp.Diagnostics, "to become active failed", "did not finish within 1s")
		if got := resourcetest.Get[bandwidthPackageModel](t, resp.State); got.ID.ValueString() != "gbwp-unit1" {
			t.Error("the plan was not kept in the state (tainted)")
		}
	})

	t.Run("naming refused", func(t *testing.T) {
		f := newFakeGA()
		f.FailNext(updatePackageAct, resourcetest.APIError("InvalidParameter"))
		resp := create(t, f, paygValues)
		resourcetest.ExpectError(t, resp.Diagnostics, "Naming the new GA bandwidth plan gbwp-unit1 failed")
	})

	t.Run("gone after naming", func(t *testing.T) {
		f := newFakeGA()
		f.Handle(updatePackageAct, func(request requests.AcsRequest, _ responses.AcsResponse) error {
			req, _ := request.(*gasdk.UpdateBandwidthPackageRequest)
			delete(f.packages, req.BandwidthPackageId)
			return nil
		})
		resp := create(t, f, paygValues)
		resourcetest.ExpectError(t, resp.Diagnostics, "Reading the new GA bandwidth plan gbwp-unit1 failed", "NotExist.BandwidthPackage")
	})

	t.Run("unreadable timeout", func(t *testing.T) {
		f := newFakeGA()
		resp := create(t, f, with(paygValues, "timeouts", map[string]any{"create": "soon"}))
		if !resp.Diagnostics.HasError() || len(f.Calls()) != 0 {
			t.Errorf("diags %v, calls %v; want an error and no call", resp.Diagnostics, f.Calls())
		}
	})
	// A timeout with no time buys nothing (was: bought the plan, gave up at once, and the
	// tainted plan was bought again by the next apply).
	for _, timeout := range []string{"0s", "-5m"} {
		t.Run("timeout "+timeout, func(t *testing.T) {
			f := newFakeGA()
			resp := create(t, f, with(subscriptionValues, "auto_pay", true, "timeouts", map[string]any{"create": timeout}))
			resourcetest.ExpectError(t, resp.Diagnostics, "timeouts.create = \""+timeout+"\" is not a positive duration")
			if len(f.Calls()) != 0 || !resp.State.Raw.IsNull() {
				t.Errorf("calls %v, state %v; want no call and nothing saved", f.Calls(), resp.State.Raw)
			}
		})
	}
}

func TestRead(t *testing.T) {
	s := packageSchema(t)
	read := func(f *fakeGA, st tfsdk.State) resource.ReadResponse {
		resp := resource.ReadResponse{State: st}
		configured[*bandwidthPackageResource](t, NewBandwidthPackageResource, f).Read(context.Background(), resource.ReadRequest{State: st}, &resp)
		return resp
	}
	p := testPackage()
	saved := stateOf(t, s, p, paygValues)

	t.Run("drift shows", func(t *testing.T) {
		changed := testPackage()
		changed.Bandwidth, changed.Name = 40, "renamed"
		resp := read(newFakeGA(changed), saved)
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		if got := resourcetest.Get[bandwidthPackageModel](t, resp.State); got.Bandwidth.ValueInt64() != 40 || got.BandwidthPackageName.ValueString() != "renamed" {
			t.Errorf("state %+v", got)
		}
	})
	t.Run("unpaid: the name and description as planned", func(t *testing.T) {
		// Only an active plan can be named: until the order is paid, the state keeps what the
		// create planned, so that plans are empty (a change would be refused at plan).
		unpaid := subscriptionPackage()
		unpaid.State, unpaid.Name, unpaid.Description = packageStateInit, "", ""
		planned := tfsdk.State{Schema: s, Raw: resourcetest.Object(t, s,
			with(paygValues, "id", "gbwp-1", "payment_type", "Subscription", "billing_type", nil, "status", "init"))}
		resp := read(newFakeGA(unpaid), planned)
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		if got := resourcetest.Get[bandwidthPackageModel](t, resp.State); got.BandwidthPackageName.ValueString() != "unit" || got.Description.ValueString() != "d" || got.Status.ValueString() != "init" {
			t.Errorf("state %+v", got)
		}
	})
	t.Run("gone", func(t *testing.T) {
		resp := read(newFakeGA(), saved)
		resourcetest.ExpectWarning(t, resp.Diagnostics, "no longer exists", "gbwp-1 was not found")
		if !resp.State.Raw.IsNull() {
			t.Error("a gone plan stayed in the state")
		}
	})
	t.Run("unreadable", func(t *testing.T) {
		f := newFakeGA(p)
		f.FailNext(describePackageAct, resourcetest.APIError("Forbidden.RAM"))
		resp := read(f, saved)
		resourcetest.ExpectError(t, resp.Diagnostics, "Reading the GA bandwidth plan failed")
		if resp.State.Raw.IsNull() {
			t.Error("an error removed the plan from the state")
		}
	})
}

// update runs Update from the state saved for p with the configuration values to the plan of
// values changed by change.
func update(t *testing.T, f *fakeGA, p *gasdk.DescribeBandwidthPackageResponse, values map[string]any, change func(*bandwidthPackageModel)) resource.UpdateResponse {
	t.Helper()
	s := packageSchema(t)
	state := stateOf(t, s, p, values)
	plan := resourcetest.Get[bandwidthPackageModel](t, state)
	change(&plan)
	plan.Status, plan.Accelerators = types.StringUnknown(), types.SetUnknown(types.StringType)
	resp := resource.UpdateResponse{State: state}
	configured[*bandwidthPackageResource](t, NewBandwidthPackageResource, f).Update(context.Background(), resource.UpdateRequest{Plan: resourcetest.Plan(t, s, &plan), State: state}, &resp)
	return resp
}

func TestUpdate(t *testing.T) {
	more := func(m *bandwidthPackageModel) { m.Bandwidth = fwtypes.Int64Value(20) }

	t.Run("only a purchase option: nothing sent", func(t *testing.T) {
		p := subscriptionPackage()
		f := newFakeGA(p)
		resp := update(t, f, p, subscriptionValues, func(m *bandwidthPackageModel) { m.Duration = fwtypes.Int64Value(3) })
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		if got := resourcetest.Get[bandwidthPackageModel](t, resp.State); got.Duration.ValueInt64() != 3 || f.CallCount(updatePackageAct) != 0 {
			t.Errorf("duration %s after %d updates", got.Duration, f.CallCount(updatePackageAct))
		}
	})

	t.Run("name only: synchronous", func(t *testing.T) {
		p := testPackage()
		f := newFakeGA(p)
		resp := update(t, f, p, paygValues, func(m *bandwidthPackageModel) { m.BandwidthPackageName = types.StringValue("renamed") })
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		want := []string{describePackageAct, updatePackageAct, describePackageAct, actionListTagResources}
		if got := resourcetest.Get[bandwidthPackageModel](t, resp.State); got.BandwidthPackageName.ValueString() != "renamed" || !slices.Equal(f.Calls(), want) {
			t.Errorf("name %s after calls %v, want %v", got.BandwidthPackageName, f.Calls(), want)
		}
	})

	t.Run("bandwidth of an unbound plan: waits for the values", func(t *testing.T) {
		p := testPackage()
		f := newFakeGA(p)
		f.showStates("gbwp-1", packageStateActive, packageStateUpdating) // the read before, then one poll while updating
		resp := update(t, f, p, paygValues, more)
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		if got := resourcetest.Get[bandwidthPackageModel](t, resp.State); got.Bandwidth.ValueInt64() != 20 || f.CallCount(describeAcceleratorAct) != 0 {
			t.Errorf("bandwidth %s, %d accelerator polls", got.Bandwidth, f.CallCount(describeAcceleratorAct))
		}
		if f.CallCount(describePackageAct) != 3 {
			t.Errorf("%d plan reads, want the one before, one while updating, one done", f.CallCount(describePackageAct))
		}
	})

	t.Run("bandwidth of a bound plan: waits for its accelerators", func(t *testing.T) {
		p := boundTestPackage()
		f := newFakeGA(p)
		f.showStates(testAcceleratorID, acceleratorStateConfiguring)
		resp := update(t, f, p, paygValues, more)
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		if f.CallCount(describeAcceleratorAct) != 2 {
			t.Errorf("%d accelerator polls, want one configuring, one active", f.CallCount(describeAcceleratorAct))
		}
	})

	t.Run("a bound plan's accelerator still configuring when the timeout runs out", func(t *testing.T) {
		p := boundTestPackage()
		f := newFakeGA(p)
		for range 10 { // longer than the timeout
			f.showStates(testAcceleratorID, acceleratorStateConfiguring)
		}
		resp := update(t, f, p, with(paygValues, "timeouts", map[string]any{"update": "1s"}), more)
		resourcetest.ExpectError(t, resp.Diagnostics, "Updating GA bandwidth plan gbwp-1 failed", "waiting for accelerators ga-unit1, bound to the plan")
	})

	t.Run("a refusal for now is retried", func(t *testing.T) {
		p := testPackage()
		f := newFakeGA(p)
		f.FailNext(updatePackageAct, resourcetest.APIError(errCodeStateErrorBandwidthPackage))
		resp := update(t, f, p, paygValues, more)
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		if f.CallCount(updatePackageAct) != 2 {
			t.Errorf("%d updates, want the refused one and its retry", f.CallCount(updatePackageAct))
		}
	})

	t.Run("unreadable before", func(t *testing.T) {
		p := testPackage()
		f := newFakeGA(p)
		f.FailNext(describePackageAct, resourcetest.APIError("Forbidden.RAM"))
		resp := update(t, f, p, paygValues, more)
		resourcetest.ExpectError(t, resp.Diagnostics, "before updating it failed")
	})

	t.Run("unpaid order refused at once", func(t *testing.T) {
		p := subscriptionPackage()
		p.State = packageStateInit
		f := newFakeGA(p)
		resp := update(t, f, p, subscriptionValues, more)
		resourcetest.ExpectError(t, resp.Diagnostics, "awaits payment", "whose order is not paid yet")
		if f.CallCount(updatePackageAct) != 0 {
			t.Error("an unpaid plan was updated")
		}
	})

	t.Run("subscription upgrade without auto_pay: ordered, not waited for", func(t *testing.T) {
		p := subscriptionPackage()
		f := newFakeGA(p)
		f.holdUpgrades = true
		resp := update(t, f, p, with(subscriptionValues, "auto_pay", false), func(m *bandwidthPackageModel) {
			m.Bandwidth = fwtypes.Int64Value(50)
			m.BandwidthPackageName = types.StringValue("upgraded")
		})
		resourcetest.ExpectError(t, resp.Diagnostics, "upgrade ordered but not paid", "(bandwidth 10 -> 50 (upgrade))", "bandwidth 10", "Order.Unpaid")
		got := resourcetest.Get[bandwidthPackageModel](t, resp.State)
		if got.Bandwidth.ValueInt64() != 10 || got.BandwidthPackageName.ValueString() != "upgraded" || f.CallCount(updatePackageAct) != 1 {
			t.Errorf("state bandwidth %s, name %s after %d updates; want what is in effect, after one", got.Bandwidth, got.BandwidthPackageName, f.CallCount(updatePackageAct))
		}
	})

	t.Run("subscription upgrade order refused", func(t *testing.T) {
		p := subscriptionPackage()
		f := newFakeGA(p)
		f.FailNext(updatePackageAct, resourcetest.APIError(errCodeOrderUnpaid))
		resp := update(t, f, p, with(subscriptionValues, "auto_pay", false), more)
		resourcetest.ExpectError(t, resp.Diagnostics, "Updating GA bandwidth plan gbwp-1 failed", "not paid yet")
	})

	t.Run("subscription upgrade ordered, then unreadable", func(t *testing.T) {
		p := subscriptionPackage()
		f := newFakeGA(p)
		f.Handle(updatePackageAct, func(requests.AcsRequest, responses.AcsResponse) error {
			f.FailNext(describePackageAct, resourcetest.APIError("Forbidden.RAM"))
			return nil
		})
		resp := update(t, f, p, with(subscriptionValues, "auto_pay", false), more)
		resourcetest.ExpectError(t, resp.Diagnostics, "the upgrade was ordered (auto_pay = false), but reading the plan afterwards failed")
	})
}

// remove runs Delete on the state saved for p (nil: a plan already gone) with the values.
func remove(t *testing.T, f *fakeGA, p *gasdk.DescribeBandwidthPackageResponse, values map[string]any) resource.DeleteResponse {
	t.Helper()
	s := packageSchema(t)
	if p == nil {
		p = testPackage()
	}
	state := stateOf(t, s, p, values)
	resp := resource.DeleteResponse{State: state}
	configured[*bandwidthPackageResource](t, NewBandwidthPackageResource, f).Delete(context.Background(), resource.DeleteRequest{State: state}, &resp)
	return resp
}

func TestDelete(t *testing.T) {
	t.Run("pay-as-you-go: deleted and waited for", func(t *testing.T) {
		p := testPackage()
		f := newFakeGA(p)
		resp := remove(t, f, p, paygValues)
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		want := []string{describePackageAct, deletePackageAct, describePackageAct}
		if !slices.Equal(f.Calls(), want) || len(f.packages) != 0 {
			t.Errorf("calls %v (want %v), %d plans left", f.Calls(), want, len(f.packages))
		}
		if req, _ := f.Requests(deletePackageAct)[0].(*gasdk.DeleteBandwidthPackageRequest); req.ClientToken == "" {
			t.Error("delete without a ClientToken")
		}
	})

	t.Run("already gone", func(t *testing.T) {
		f := newFakeGA()
		resp := remove(t, f, nil, paygValues)
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		if f.CallCount(deletePackageAct) != 0 {
			t.Error("deleted a plan that was gone")
		}
	})

	// An answer of the API to one call, and what Delete makes of it.
	for _, tc := range []struct {
		name, action, code, wantError string
	}{
		{"gone when deleted", deletePackageAct, errCodeNotExistBandwidthPackage, ""},
		{"unreadable", describePackageAct, "Forbidden.RAM", "before deleting it failed"},
		{"refused", deletePackageAct, "Forbidden.RAM", "Deleting GA bandwidth plan gbwp-1 failed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := testPackage()
			f := newFakeGA(p)
			f.FailNext(tc.action, resourcetest.APIError(tc.code))
			if diags := remove(t, f, p, paygValues).Diagnostics; tc.wantError == "" {
				resourcetest.ExpectNoDiagnostics(t, diags)
			} else {
				resourcetest.ExpectError(t, diags, tc.wantError)
			}
		})
	}

	t.Run("paid subscription only leaves the state", func(t *testing.T) {
		p := subscriptionPackage()
		f := newFakeGA(p)
		resp := remove(t, f, p, subscriptionValues)
		resourcetest.ExpectWarning(t, resp.Diagnostics, "removed from the state only", "stays billed until it expires")
		if f.CallCount(deletePackageAct) != 0 {
			t.Error("a paid subscription was deleted")
		}
	})

	t.Run("unpaid order canceled", func(t *testing.T) {
		p := subscriptionPackage()
		p.State = packageStateInit
		f := newFakeGA(p)
		resourcetest.ExpectNoDiagnostics(t, remove(t, f, p, subscriptionValues).Diagnostics)
		if f.CallCount(deletePackageAct) != 1 || len(f.packages) != 0 {
			t.Error("the unpaid order was not canceled")
		}
	})

	t.Run("unpaid order the API keeps", func(t *testing.T) {
		p := subscriptionPackage()
		p.State = packageStateInit
		f := newFakeGA(p)
		f.FailNext(deletePackageAct, resourcetest.APIError(errCodeForbiddenRelease))
		resourcetest.ExpectWarning(t, remove(t, f, p, subscriptionValues).Diagnostics, "removed from the state only")
	})

	t.Run("bound: refused, naming the accelerators", func(t *testing.T) {
		p := boundTestPackage()
		f := newFakeGA(p)
		resourcetest.ExpectError(t, remove(t, f, p, paygValues).Diagnostics, "still bound", "accelerator(s) ga-unit1")
		if f.CallCount(deletePackageAct) != 0 {
			t.Error("a bound plan was deleted")
		}
	})

	t.Run("transitional: settles first", func(t *testing.T) {
		p := testPackage()
		f := newFakeGA(p)
		f.showStates("gbwp-1", packageStateUnbinding, packageStateUnbinding)
		resourcetest.ExpectNoDiagnostics(t, remove(t, f, p, paygValues).Diagnostics)
		if f.CallCount(deletePackageAct) != 1 || f.CallCount(describePackageAct) < 3 {
			t.Errorf("calls %v", f.Calls())
		}
	})

	t.Run("transitional: the wait fails", func(t *testing.T) {
		p := testPackage()
		f := newFakeGA(p)
		f.showStates("gbwp-1", packageStateUnbinding)
		reads := 0
		f.Handle(describePackageAct, func(request requests.AcsRequest, response responses.AcsResponse) error {
			if reads++; reads == 2 { // the first poll of the wait
				return resourcetest.APIError("Forbidden.RAM")
			}
			return f.describePackage(request, response)
		})
		resourcetest.ExpectError(t, remove(t, f, p, paygValues).Diagnostics, "to settle before deleting it failed")
	})

	t.Run("the wait for the deletion fails", func(t *testing.T) {
		p := testPackage()
		f := newFakeGA(p)
		f.Handle(deletePackageAct, func(requests.AcsRequest, responses.AcsResponse) error {
			f.FailNext(describePackageAct, resourcetest.APIError("Forbidden.RAM"))
			return nil
		})
		resourcetest.ExpectError(t, remove(t, f, p, paygValues).Diagnostics, "to be deleted failed")
	})
}

func TestBandwidthPackageImportAndMetadata(t *testing.T) {
	s := packageSchema(t)
	r := configured[*bandwidthPackageResource](t, NewBandwidthPackageResource, newFakeGA())
	resp := resource.ImportStateResponse{State: tfsdk.State{Schema: s, Raw: resourcetest.Null(s)}}
	r.ImportState(context.Background(), resource.ImportStateRequest{ID: "gbwp-9"}, &resp)
	var id types.String
	resp.State.GetAttribute(context.Background(), path.Root("id"), &id)
	if resp.Diagnostics.HasError() || id.ValueString() != "gbwp-9" {
		t.Errorf("imported id %s, %v", id, resp.Diagnostics)
	}
	var meta resource.MetadataResponse
	r.Metadata(context.Background(), resource.MetadataRequest{ProviderTypeName: "alibabacloud"}, &meta)
	if meta.TypeName != "alibabacloud_ga_bandwidth_package" {
		t.Errorf("type name %s", meta.TypeName)
	}
	if n := len(r.ConfigValidators(context.Background())); n == 0 || !strings.Contains(r.ConfigValidators(context.Background())[0].Description(context.Background()), "bandwidth_type") {
		t.Errorf("%d config validators", n)
	}
}
