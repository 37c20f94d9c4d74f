package ga

import (
	"context"
	"fmt"
	"testing"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"terraform-provider-alibabacloud/internal/framework/resourcetest"
	fwtypes "terraform-provider-alibabacloud/internal/framework/types"
)

// testRegions gives testAcceleratorID acceleration regions of 20 and 10 Mbps, and 60 of 1 Mbps
// (more than a page of ListIpSets): 90 Mbps in all.
func testRegions(f *fakeGA) {
	f.ipSets[testAcceleratorID] = []gasdk.IpSetsItem{
		{IpSetId: "ips-1", AccelerateRegionId: "cn-shanghai", Bandwidth: 10},
		{IpSetId: "ips-2", AccelerateRegionId: "cn-hangzhou", Bandwidth: 20},
	}
	for i := range 60 {
		f.ipSets[testAcceleratorID] = append(f.ipSets[testAcceleratorID],
			gasdk.IpSetsItem{IpSetId: fmt.Sprintf("ips-small%d", i), AccelerateRegionId: "cn-beijing", Bandwidth: 1})
	}
}

// planDowngrade runs the ModifyPlan of a change of plan p's bandwidth to bandwidth on fake,
// from the state Terraform holds for p (values of its configuration, besides).
func planDowngrade(t *testing.T, fake *fakeGA, p *gasdk.DescribeBandwidthPackageResponse, bandwidth int, values ...any) diag.Diagnostics {
	t.Helper()
	return planDowngradeFromState(t, fake, p, p, bandwidth, values...)
}

// planDowngradeFromState is planDowngrade from the state Terraform holds for inState while the
// cloud shows inCloud.
func planDowngradeFromState(t *testing.T, fake *fakeGA, inState, inCloud *gasdk.DescribeBandwidthPackageResponse, bandwidth int, values ...any) diag.Diagnostics {
	t.Helper()
	s := packageSchema(t)
	state := stateOf(t, s, inState, with(with(paygValues, "id", inState.BandwidthPackageId, "bandwidth", inState.Bandwidth), values...))
	fake.packages[inCloud.BandwidthPackageId] = inCloud
	m := resourcetest.Get[bandwidthPackageModel](t, state)
	m.Bandwidth = fwtypes.Int64Value(int64(bandwidth))
	req := resource.ModifyPlanRequest{State: state, Plan: resourcetest.Plan(t, s, &m)}
	resp := resource.ModifyPlanResponse{Plan: req.Plan}
	configured[*bandwidthPackageResource](t, NewBandwidthPackageResource, fake).ModifyPlan(context.Background(), req, &resp)
	return resp.Diagnostics
}

// TestModifyPlan_downgradeFloor: a bound Basic plan cannot be lowered below the bandwidth its
// accelerator's acceleration regions are given (every page of ListIpSets): refused at plan,
// naming the regions and their bandwidth.
func TestModifyPlan_downgradeFloor(t *testing.T) {
	bound := boundTestPackage()
	bound.Bandwidth = 100

	fake := newFakeGA()
	testRegions(fake)
	resourcetest.ExpectError(t, planDowngrade(t, fake, bound, 80),
		"Bandwidth below what the accelerator's acceleration regions are given",
		"bandwidth = 80 Mbps is less than the 90 Mbps", "accelerator "+testAcceleratorID,
		"cn-hangzhou 20 Mbps (ips-2), cn-shanghai 10 Mbps (ips-1), cn-beijing 1 Mbps", "BandwidthIllegal.BandwidthPackage",
		"set bandwidth to 90 or more")
	if n := fake.CallCount(listIPSetsAct); n != 2 {
		t.Errorf("%d ListIpSets calls, want the two pages", n)
	}

	for name, c := range map[string]struct {
		pkg       func() *gasdk.DescribeBandwidthPackageResponse
		bandwidth int
		wantCalls int
	}{
		"down to what is given": {func() *gasdk.DescribeBandwidthPackageResponse { return bound }, 90, 2},
		"upgrade":               {func() *gasdk.DescribeBandwidthPackageResponse { return bound }, 200, 0},
		"unbound":               {testPackage, 2, 0},
		"cross-domain": {func() *gasdk.DescribeBandwidthPackageResponse {
			p := boundTestPackage()
			p.Type, p.Bandwidth = packageTypeCrossDomain, 100
			return p
		}, 2, 0},
	} {
		t.Run(name, func(t *testing.T) {
			fake := newFakeGA()
			testRegions(fake)
			p := c.pkg()
			var values []any
			if p.Type == packageTypeCrossDomain {
				values = []any{"type", "CrossDomain", "bandwidth_type", nil}
			}
			resourcetest.ExpectNoDiagnostics(t, planDowngrade(t, fake, p, c.bandwidth, values...))
			if n := fake.CallCount(listIPSetsAct); n != c.wantCalls {
				t.Errorf("%d ListIpSets calls, want %d", n, c.wantCalls)
			}
		})
	}

	// The accelerators come from the API, not from a state that was not refreshed (-refresh=false).
	fake = newFakeGA()
	testRegions(fake)
	stale := testPackage()
	stale.Bandwidth = 100
	diags := planDowngrade(t, fake, stale, 80)
	fake.packages[stale.BandwidthPackageId] = bound
	resourcetest.ExpectNoDiagnostics(t, diags)
	resourcetest.ExpectError(t, planDowngradeFromState(t, fake, stale, bound, 80), "less than the 90 Mbps")

	// When the regions cannot be read, the plan goes on with a warning: the API checks at apply.
	fake = newFakeGA()
	fake.FailNext(listIPSetsAct, resourcetest.APIError("Forbidden.RAM"))
	resourcetest.ExpectWarning(t, planDowngrade(t, fake, bound, 80), "Acceleration regions not checked", "ListIpSets", "Forbidden.RAM")
}
