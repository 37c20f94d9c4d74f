package ga

import (
	"context"
	"regexp"
	"slices"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"

	"terraform-provider-alibabacloud/internal/conns"
)

// Exported to the acceptance tests (package ga_test) only, as the AWS provider does: their
// checks read the cloud through the provider's own finders, so the same checks hold against the
// real cloud.
var (
	FindBandwidthPackageByID = findBandwidthPackageByID
	FindAcceleratorByID      = findAcceleratorByID
	FindIpSets               = findIpSets
	// WaitBandwidthPackageStable lets a test that binds a plan outside Terraform wait for it.
	WaitBandwidthPackageStable = waitBandwidthPackageStable
	FindBandwidthPackageTags   = findBandwidthPackageTags
	FindAutoRenewal            = findAutoRenewal
	SendTagChanges             = sendTagChanges
	ResourceGroupOf            = func(bp *gasdk.DescribeBandwidthPackageResponse) string { return extrasOf(bp).ResourceGroupID }
	RenewalStatusOf            = func(r *describeAutoRenewResponse) (string, int) { return r.RenewalStatus, r.AutoRenewDuration }
)

// SweepableBandwidthPackages returns the ids of the bandwidth plans whose name starts with
// prefix or that carry the tag key = value (every page of ListBandwidthPackages), for the
// sweepers.
func SweepableBandwidthPackages(ctx context.Context, api *conns.Service, prefix, key, value string) ([]string, error) {
	var ids []string
	for _, filter := range []bandwidthPackageFilter{
		{NameRegex: regexp.MustCompile("^" + regexp.QuoteMeta(prefix))},
		{Tags: map[string]string{key: value}},
	} {
		for bp, err := range listBandwidthPackages(ctx, api, filter) {
			if err != nil {
				return nil, err
			}
			if !slices.Contains(ids, bp.BandwidthPackageId) {
				ids = append(ids, bp.BandwidthPackageId)
			}
		}
	}
	return ids, nil
}
