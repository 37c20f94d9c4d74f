package ga

import (
	"context"
	"slices"
	"strconv"
	"testing"
	"time"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework/resourcetest"
)

// The swap of the plan bound to an accelerator (ReplaceBandwidthPackage), against fakeGA.

// swapPrior is the state of the binding of gbwp-basic to testAcceleratorID.
var swapPrior = map[string]any{
	"id": "gbwp-basic:" + testAcceleratorID, "bandwidth_package_id": "gbwp-basic", "accelerator_id": testAcceleratorID, "status": "binded",
}

func TestAttachmentModifyPlan_swap(t *testing.T) {
	basic := func() *gasdk.DescribeBandwidthPackageResponse {
		return bound(packageOf("gbwp-basic", packageTypeBasic), testAcceleratorID)
	}
	expired := packageOf("gbwp-1", packageTypeBasic)
	expired.ChargeType, expired.ExpiredTime = chargeTypePrepay, strconv.FormatInt(time.Now().AddDate(0, 0, -1).UnixMilli(), 10)
	unpaid := packageOf("gbwp-1", packageTypeBasic)
	unpaid.ChargeType, unpaid.State = chargeTypePrepay, packageStateInit

	t.Run("accepted: the planned id names the new plan", func(t *testing.T) {
		f := newFakeGA(basic(), testPackage())
		f.giveRegions(testAcceleratorID, 10) // exactly what gbwp-1 has
		s := attachmentSchema(t)
		r := configured[*bandwidthPackageAttachmentResource](t, NewBandwidthPackageAttachmentResource, f)
		raw := resourcetest.Object(t, s, map[string]any{
			"id": "gbwp-basic:" + testAcceleratorID, "status": tftypes.UnknownValue, "bandwidth_package_id": "gbwp-1", "accelerator_id": testAcceleratorID,
		})
		req := resource.ModifyPlanRequest{Plan: tfsdk.Plan{Schema: s, Raw: raw}, Config: tfsdk.Config{Schema: s, Raw: raw},
			State: tfsdk.State{Schema: s, Raw: resourcetest.Object(t, s, swapPrior)}}
		resp := resource.ModifyPlanResponse{Plan: req.Plan}
		r.ModifyPlan(context.Background(), req, &resp)
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		var id types.String
		resp.Plan.GetAttribute(context.Background(), path.Root("id"), &id)
		if id.ValueString() != "gbwp-1:"+testAcceleratorID {
			t.Errorf("planned id %s", id)
		}
	})

	for _, tc := range []struct {
		name     string
		packages []*gasdk.DescribeBandwidthPackageResponse
		regions  int
		wants    []string
	}{
		{"another type", []*gasdk.DescribeBandwidthPackageResponse{basic(), packageOf("gbwp-1", packageTypeCrossDomain)}, 0,
			[]string{"A swap keeps the type of the plan", "gbwp-1 is a CrossDomain plan", "gbwp-basic, is a Basic plan"}},
		{"too small", []*gasdk.DescribeBandwidthPackageResponse{basic(), testPackage()}, 11,
			[]string{"too small", "has 10 Mbps", "given 11 Mbps", "BandwidthIllegal.BandwidthPackage"}},
		{"expired", []*gasdk.DescribeBandwidthPackageResponse{basic(), expired}, 0, []string{"Bandwidth plan expired", "Renew it"}},
		{"unpaid", []*gasdk.DescribeBandwidthPackageResponse{basic(), unpaid}, 0, []string{"awaits payment"}},
		{"bound elsewhere", []*gasdk.DescribeBandwidthPackageResponse{basic(), bound(testPackage(), "ga-other")}, 0,
			[]string{"bound to accelerator ga-other"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeGA(tc.packages...)
			f.giveRegions(testAcceleratorID, tc.regions)
			expectErrorOn(t, planAttachment(t, f, conns.NewClaims(), swapPrior, "gbwp-1", testAcceleratorID), "bandwidth_package_id", tc.wants...)
		})
	}
}

// swap runs Update from the binding of gbwp-basic to the one of gbwp-1.
func swap(t *testing.T, f *fakeGA) resource.UpdateResponse {
	t.Helper()
	s := attachmentSchema(t)
	state := tfsdk.State{Schema: s, Raw: resourcetest.Object(t, s, swapPrior)}
	plan := tfsdk.Plan{Schema: s, Raw: resourcetest.Object(t, s, map[string]any{
		"id": "gbwp-1:" + testAcceleratorID, "bandwidth_package_id": "gbwp-1", "accelerator_id": testAcceleratorID,
		"status": tftypes.UnknownValue, "accelerators": []tftypes.Value{tftypes.NewValue(tftypes.String, testAcceleratorID)},
	})}
	resp := resource.UpdateResponse{State: state}
	configured[*bandwidthPackageAttachmentResource](t, NewBandwidthPackageAttachmentResource, f).Update(context.Background(),
		resource.UpdateRequest{Plan: plan, State: state}, &resp)
	return resp
}

func TestAttachmentUpdate_swap(t *testing.T) {
	t.Run("swapped in place and waited for", func(t *testing.T) {
		f := newFakeGA(bound(packageOf("gbwp-basic", packageTypeBasic), testAcceleratorID), testPackage())
		f.FailNext(replacePackageAct, resourcetest.APIError(errCodeStateErrorAccelerator)) // busy: retried
		f.showStates(testAcceleratorID, acceleratorStateConfiguring)
		resp := swap(t, f)
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		got := resourcetest.Get[bandwidthPackageAttachmentModel](t, resp.State)
		if got.ID.ValueString() != "gbwp-1:"+testAcceleratorID || got.Status.ValueString() != packageStateBinded {
			t.Errorf("state %+v", got)
		}
		if slices.Contains(f.Calls(), removeAcceleratorAct) || slices.Contains(f.Calls(), addAcceleratorAct) || f.CallCount(replacePackageAct) != 2 {
			t.Errorf("calls %v: want ReplaceBandwidthPackage (retried once) and no unbinding or binding", f.Calls())
		}
		req, _ := f.Requests(replacePackageAct)[1].(*gasdk.ReplaceBandwidthPackageRequest)
		if req.BandwidthPackageId != "gbwp-1" || req.TargetBandwidthPackageId != "gbwp-basic" || req.QueryParams["AcceleratorId"] != testAcceleratorID {
			t.Errorf("ReplaceBandwidthPackage %+v %v", req, req.QueryParams)
		}
	})

	t.Run("refused: the state keeps the old plan", func(t *testing.T) {
		f := newFakeGA(bound(packageOf("gbwp-basic", packageTypeBasic), testAcceleratorID), testPackage())
		f.FailNext(replacePackageAct, resourcetest.APIError(errCodeBandwidthIllegal))
		resp := swap(t, f)
		resourcetest.ExpectError(t, resp.Diagnostics, "Swapping bandwidth plan gbwp-basic for gbwp-1 on accelerator ga-unit1 failed", errCodeBandwidthIllegal)
		if got := resourcetest.Get[bandwidthPackageAttachmentModel](t, resp.State); got.BandwidthPackageID.ValueString() != "gbwp-basic" {
			t.Errorf("state %+v", got)
		}
	})
}

func TestParseAttachmentID_officialOrder(t *testing.T) {
	for _, id := range []string{"gbwp-1:ga-2", "ga-2:gbwp-1"} {
		packageID, acceleratorID, err := parseAttachmentID(id)
		if err != nil || packageID != "gbwp-1" || acceleratorID != "ga-2" {
			t.Errorf("%s: %s %s %v", id, packageID, acceleratorID, err)
		}
	}
}
