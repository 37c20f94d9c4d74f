package ga_test

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"terraform-provider-alibabacloud/internal/acctest"
)

// expectPriorValue is a plan check that the resource's prior state, as the plan shows it
// before any change, holds value at attribute: what the last apply left in the state.
type expectPriorValue struct {
	address, attribute string
	value              any
}

// CheckPlan implements plancheck.PlanCheck.
func (e expectPriorValue) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != e.address {
			continue
		}
		before, ok := rc.Change.Before.(map[string]any)
		if !ok {
			resp.Error = fmt.Errorf("%s has no prior state in the plan", e.address)
			return
		}
		got, _ := json.Marshal(before[e.attribute])
		want, _ := json.Marshal(e.value)
		if string(got) != string(want) {
			resp.Error = fmt.Errorf("%s: prior %s = %s, want %s", e.address, e.attribute, got, want)
		}
		return
	}
	resp.Error = fmt.Errorf("%s is not in the plan", e.address)
}

// testAccConfigBandwidthPackage_subscriptionNamed is the Subscription configuration with
// another bandwidth_package_name.
func testAccConfigBandwidthPackage_subscriptionNamed(bandwidth int, autoPay bool, name string) string {
	return strings.Replace(testAccConfigBandwidthPackage_subscription(bandwidth, autoPay), `"tf-subscription"`, strconv.Quote(name), 1)
}

func TestAccGABandwidthPackage_subscriptionUpgradeAwaitingPayment(t *testing.T) {
	m := newTestAccMock(t)
	upgrade := testAccConfigBandwidthPackage_subscriptionNamed(50, false, "tf-upgraded")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if bps := packagesInMock(m); len(bps) != 1 {
				return fmt.Errorf("want the subscription left in the cloud, got %d plans", len(bps))
			}
			return nil
		},
		Steps: []resource.TestStep{
			{Config: m.Config(testAccConfigBandwidthPackage_subscription(10, true))},
			{
				// auto_pay = false: the upgrade is only ordered. The apply says so at once
				// instead of waiting for values that cannot come.
				PreConfig: m.Checkpoint,
				Config:    m.Config(upgrade),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccPackageAddress, plancheck.ResourceActionUpdate),
				}},
				ExpectError: regexp.MustCompile(`(?s)ordered\s+but\s+not\s+paid.*auto_pay\s+=\s+false.*Order\s+Center.*bandwidth\s+10`),
			},
			{
				// One call placed the order; the state holds what is in effect: the old
				// bandwidth and the new name. The next plan shows the upgrade again.
				PreConfig: func() {
					calls := m.CallsSinceCheckpoint()
					if codes := collect(calls, "UpdateBandwidthPackage", code); len(codes) != 1 || codes[0] != "" {
						t.Errorf("UpdateBandwidthPackage answers %q, want exactly one success", codes)
					}
					bps := packagesInMock(m)
					if len(bps) != 1 || bps[0].Bandwidth != 10 || bps[0].MockUnpaidUpgrade == nil || bps[0].Name != "tf-upgraded" {
						t.Errorf("mock plans %+v, want one renamed at 10 Mbit/s with an unpaid upgrade", bps)
					}
				},
				Config:             m.Config(upgrade),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccPackageAddress, plancheck.ResourceActionUpdate),
					expectPriorValue{testAccPackageAddress, "bandwidth", 10},
					expectPriorValue{testAccPackageAddress, "bandwidth_package_name", "tf-upgraded"},
					expectPriorValue{testAccPackageAddress, "status", "active"},
				}},
			},
			{
				// Applying again before paying: the API refuses a second order, explained (cause
				// and fix first, then the API's answer).
				Config:      m.Config(upgrade),
				ExpectError: regexp.MustCompile(`(?s)upgrade\s+order\s+that\s+is\s+not\s+paid\s+yet.*Order\s+Center.*Order\.Unpaid`),
			},
			{
				// Paid in the Order Center: once the change is through, nothing is left to do.
				PreConfig: func() {
					if _, err := m.GA.PayOrder(packagesInMock(m)[0].BandwidthPackageId); err != nil {
						t.Fatalf("paying the upgrade: %v", err)
					}
					m.Advance(testAccDelay)
				},
				Config: m.Config(upgrade),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("bandwidth", knownvalue.Int64Exact(50)),
					stateValue("status", knownvalue.StringExact("active")),
				},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckBandwidthPackageExistsInMock(m, 50),
					testAccCheckCallCount(m, "UpdateBandwidthPackage", 3), // the name at create, the order, the refusal
				),
			},
		},
	})
}
