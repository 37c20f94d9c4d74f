package ga

import (
	"context"
	"fmt"
	"sort"
	"strings"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
)

// An accelerator's acceleration regions (IP sets, ListIpSets) are each given a bandwidth out of
// its Basic bandwidth plan: the cloud refuses to lower that plan below their sum
// (BandwidthIllegal.BandwidthPackage), and to give them more than it has
// (GreaterThanGa.IpSetBandwidth). The plan checks the first before anything is sent.

// allocation is the bandwidth the acceleration regions of an accelerator are given.
type allocation struct {
	acceleratorID string
	regions       []gasdk.IpSetsItem
	total         int64
}

// findAllocation reads the acceleration regions of accelerator acceleratorID.
func findAllocation(ctx context.Context, api gaAPI, acceleratorID string) (allocation, error) {
	sets, err := findIpSets(ctx, api, acceleratorID)
	if err != nil {
		return allocation{}, err
	}
	a := allocation{acceleratorID: acceleratorID, regions: sets}
	for _, s := range sets {
		a.total += int64(s.Bandwidth)
	}
	return a, nil
}

// describe names each region with its bandwidth, largest first: "cn-hangzhou 20 Mbps,
// cn-shanghai 10 Mbps".
func (a allocation) describe() string {
	regions := append([]gasdk.IpSetsItem(nil), a.regions...)
	sort.SliceStable(regions, func(i, j int) bool { return regions[i].Bandwidth > regions[j].Bandwidth })
	parts := make([]string, len(regions))
	for i, s := range regions {
		parts[i] = fmt.Sprintf("%s %d Mbps (%s)", s.AccelerateRegionId, s.Bandwidth, s.IpSetId)
	}
	return strings.Join(parts, ", ")
}

// checkCoversAllocation refuses, on attribute, a Basic plan (planID) of bandwidth Mbps for an
// accelerator whose acceleration regions are given more (a). It serves a downgrade of a bound
// plan, and the plan that takes over an accelerator's.
func checkCoversAllocation(attribute path.Path, planID string, bandwidth int64, a allocation) diag.Diagnostics {
	var diags diag.Diagnostics
	if bandwidth >= a.total {
		return diags
	}
	diags.AddAttributeError(attribute, "Bandwidth below what the accelerator's acceleration regions are given",
		fmt.Sprintf("%s = %d Mbps is less than the %d Mbps the acceleration regions of accelerator %s are given out of "+
			"its Basic bandwidth plan %s: %s. Alibaba Cloud refuses a Basic plan smaller than that "+
			"(BandwidthIllegal.BandwidthPackage). Lower the acceleration regions' bandwidth first (UpdateIpSets, or the "+
			"accelerator's acceleration areas in the Global Accelerator console), or set %s to %d or more.",
			attribute, bandwidth, a.total, a.acceleratorID, planID, a.describe(), attribute, a.total))
	return diags
}
