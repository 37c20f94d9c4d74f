package ga

import gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"

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
