package ga_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"terraform-provider-alibabacloud/internal/acctest"
	mockga "terraform-provider-alibabacloud/internal/mockcloud/ga"
)

// TestAccGABandwidthPackage_replacementSkipsUpdateRules changes payment_type, which replaces the
// plan, together with bandwidth_type Enhanced -> Basic and a lower bandwidth, which an in-place
// update may not do. A new plan is bought, so the update rules do not apply: the plan shows a
// replacement and the apply deletes the old plan and buys the new one, with no bandwidth update.
func TestAccGABandwidthPackage_replacementSkipsUpdateRules(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			// The Subscription bought by the replacement cannot be deleted before it expires.
			if bps := packagesInMock(m); len(bps) != 1 || bps[0].ChargeType != mockga.ChargePrepay {
				return fmt.Errorf("want the subscription left in the cloud, got %+v", bps)
			}
			return nil
		},
		Steps: []resource.TestStep{
			{Config: m.Config(testAccConfigBandwidthPackage_payAsYouGo(20, "Enhanced", "tf-payg", "first"))},
			{
				PreConfig: m.Checkpoint,
				Config:    m.Config(testAccConfigBandwidthPackage_subscription(10, true)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccPackageAddress, plancheck.ResourceActionReplace),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("payment_type", knownvalue.StringExact("Subscription")),
					stateValue("bandwidth_type", knownvalue.StringExact("Basic")),
					stateValue("bandwidth", knownvalue.Int64Exact(10)),
				},
				Check: func(*terraform.State) error {
					calls := m.CallsSinceCheckpoint()
					deletes := collect(calls, "DeleteBandwidthPackage", code)
					creates := collect(calls, "CreateBandwidthPackage", code)
					if len(deletes) != 1 || len(creates) != 1 {
						return fmt.Errorf("deletes %q, creates %q; want one of each", deletes, creates)
					}
					// The new plan is named with an update after its purchase (the API's create takes
					// no name); nothing changes its bandwidth.
					for _, c := range calls {
						if _, ok := c.Params["Bandwidth"]; ok && c.Action == "UpdateBandwidthPackage" {
							return fmt.Errorf("an UpdateBandwidthPackage changed the bandwidth: %v", c.Params)
						}
						if _, ok := c.Params["BandwidthType"]; ok && c.Action == "UpdateBandwidthPackage" {
							return fmt.Errorf("an UpdateBandwidthPackage changed the bandwidth type: %v", c.Params)
						}
					}
					bps := packagesInMock(m)
					if len(bps) != 1 || bps[0].ChargeType != mockga.ChargePrepay || bps[0].BandwidthType != mockga.BandwidthBasic || bps[0].Bandwidth != 10 {
						return fmt.Errorf("mock plans %+v, want only the new Basic 10 Mbit/s subscription", bps)
					}
					return nil
				},
			},
		},
	})
}
