package ga_test

import (
	"fmt"
	"testing"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/mockcloud"
	mockga "terraform-provider-alibabacloud/internal/mockcloud/ga"
	"terraform-provider-alibabacloud/internal/service/ga"
)

// The account gates: what Alibaba Cloud enables only on request is off on a new account (and
// in the mock's default seed). These tests start the mock with one gate off, and check that
// the apply fails with the API's refusal and what to ask for, and that nothing was bought or
// changed. They need the mock (a seed with the gate off); against the real cloud the account
// is what it is.

// testAccGateMock starts a mock with an accelerator and the account of OpenAccount changed by
// gate.
func testAccGateMock(t *testing.T, gate func(*mockga.AccountSettings)) *acctest.Env {
	t.Helper()
	account := acctest.OpenAccount(testAccDelay)
	gate(&account.GA)
	return acctest.NewEnv(t, acctest.NeedsMock, mockcloud.Options{Delay: testAccDelay, Seed: &mockcloud.State{
		Account:      account,
		Accelerators: []mockga.Accelerator{acctest.SeedAccelerator(testAccAcceleratorID)},
	}})
}

// testAccStepNothingBought is the step after a refused purchase: nothing in state, no plan in
// the mock, and the one CreateBandwidthPackage refused with code.
func testAccStepNothingBought(e *acctest.Env, code string) resource.TestStep {
	return resource.TestStep{
		Config: e.Config(""),
		Check: resource.ComposeAggregateTestCheckFunc(
			acctest.CheckNotInState(testAccPackageAddress),
			testAccCheckMockHoldsPlans(e.Mock, 0),
			e.Mock.CheckAnswers("CreateBandwidthPackage", "403 "+code),
		),
	}
}

// TestAccGABandwidthPackage_postpayNotEnabled: pay-as-you-go plans are unavailable by default.
func TestAccGABandwidthPackage_postpayNotEnabled(t *testing.T) {
	e := testAccGateMock(t, func(a *mockga.AccountSettings) { a.GaPostpayEnabled = false })
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: e.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", acctest.ResourcePrefix+"gate", "d")),
				ExpectError: acctest.ExpectError(`Creating the GA bandwidth plan failed.*Pay-as-you-go \(PayAsYouGo\) GA bandwidth ` +
					`plans are not available to this Alibaba Cloud account.*off by default.*Ask your account manager` +
					`.*payment_type = "Subscription".*Nothing was bought.*Forbidden.PostpayNotEnabled`),
			},
			testAccStepNothingBought(e, "Forbidden.PostpayNotEnabled"),
		},
	})
}

// TestAccGABandwidthPackage_payBY95NotEnabled: billing by the 95th percentile is unavailable by
// default (pay-as-you-go by data transfer is enabled here).
func TestAccGABandwidthPackage_payBY95NotEnabled(t *testing.T) {
	e := testAccGateMock(t, func(a *mockga.AccountSettings) { a.GaPayBY95Enabled = false })
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: e.Config(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth      = 10
  type           = "Basic"
  bandwidth_type = "Basic"
  payment_type   = "PayAsYouGo"
  billing_type   = "PayBY95"
  ratio          = 30
}
`),
				ExpectError: acctest.ExpectError(`Billing by the 95th percentile \(billing_type = "PayBY95"\) is not available` +
					`.*off by default.*Ask your account manager.*billing_type = "PayByTraffic".*Nothing was bought` +
					`.*Forbidden.PayBY95NotEnabled`),
			},
			testAccStepNothingBought(e, "Forbidden.PayBY95NotEnabled"),
		},
	})
}

// TestAccGABandwidthPackage_downgradeQuotaUsedUp: a downgrade needs the account's downgrade
// quota, which a new account does not have. The apply fails saying where to apply for it; the
// plan keeps its bandwidth, and the rename sent in the same call did not happen either.
func TestAccGABandwidthPackage_downgradeQuotaUsedUp(t *testing.T) {
	e := testAccGateMock(t, func(a *mockga.AccountSettings) { a.GaDowngradeQuota = 0 })
	name := acctest.ResourcePrefix + "quota"
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageGone(t, e),
		Steps: []resource.TestStep{
			{Config: e.Config(testAccConfigBandwidthPackage_payAsYouGo(20, "Basic", name, "d"))},
			{
				PreConfig: e.Mock.Checkpoint,
				Config:    e.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", name+"-renamed", "d")),
				ExpectError: acctest.ExpectError(`Updating GA bandwidth plan gbwp-\S+ failed.*downgrade quota.*not have by default` +
					`.*Quota Center \(https://quotas.console.aliyun.com\).*Nothing was changed.*QuotaExceeded.Downgrade`),
			},
			{
				// The configuration in effect plans empty: state and cloud kept bandwidth and name.
				Config:            e.Config(testAccConfigBandwidthPackage_payAsYouGo(20, "Basic", name, "d")),
				ConfigStateChecks: []statecheck.StateCheck{stateValue("bandwidth", knownvalue.Int64Exact(20))},
				Check: resource.ComposeAggregateTestCheckFunc(
					testAccCheckBandwidthPackage(t, e, func(bp *gasdk.DescribeBandwidthPackageResponse) error {
						if bp.Bandwidth != 20 || bp.Name != name {
							return fmt.Errorf("plan %s is %d Mbps named %q, want 20 Mbps named %q", bp.BandwidthPackageId, bp.Bandwidth, bp.Name, name)
						}
						return nil
					}),
					e.Mock.CheckAnswersSinceCheckpoint("UpdateBandwidthPackage", "400 QuotaExceeded.Downgrade"),
				),
			},
		},
	})
}

// TestAccGABandwidthPackage_downgradeBelowAccelerationRegions: a bound Basic plan cannot be
// lowered below the bandwidth its accelerator's acceleration regions are given (ListIpSets):
// refused at plan, naming the regions and their bandwidth, before any call; lowered to their
// sum, it is accepted. The regions are created through the API (mock only: on the real cloud
// they would change the seeded accelerator).
func TestAccGABandwidthPackage_downgradeBelowAccelerationRegions(t *testing.T) {
	e := testAccGateMock(t, func(*mockga.AccountSettings) {})
	config := func(bandwidth int) string {
		return e.Config(testAccConfigBandwidthPackage_payAsYouGo(bandwidth, "Basic", acctest.ResourcePrefix+"regions", "d") + fmt.Sprintf(`
resource "alibabacloud_ga_bandwidth_package_attachment" "test" {
  bandwidth_package_id = alibabacloud_ga_bandwidth_package.test.id
  accelerator_id       = %q
}
`, testAccAcceleratorID))
	}
	createRegions := func() {
		req := gasdk.CreateCreateIpSetsRequest()
		req.AcceleratorId = testAccAcceleratorID
		req.AccelerateRegion = &[]gasdk.CreateIpSetsAccelerateRegion{
			{AccelerateRegionId: "cn-hangzhou", Bandwidth: "20", IpVersion: "IPv4"},
			{AccelerateRegionId: "cn-shanghai", Bandwidth: "10", IpVersion: "IPv4"},
		}
		if err := e.Client(t).GA.Do(t.Context(), req, gasdk.CreateCreateIpSetsResponse()); err != nil {
			t.Fatalf("creating acceleration regions: %v", err)
		}
		e.Mock.Advance(testAccDelay) // they become active
	}
	g := e.MutationGuard(t)
	lowered := resource.TestStep{
		PreConfig:         g.Check,
		Config:            config(30),
		ConfigStateChecks: []statecheck.StateCheck{stateValue("bandwidth", knownvalue.Int64Exact(30))},
		Check:             testAccCheckBandwidthPackageExists(t, e, 30),
	}
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageGone(t, e),
		Steps: []resource.TestStep{
			{Config: config(100)},
			g.Refused(resource.TestStep{PreConfig: createRegions, Config: config(20), PlanOnly: true},
				`bandwidth = 20 Mbps is less than the 30 Mbps the acceleration regions of accelerator `+testAccAcceleratorID+
					`.*cn-hangzhou 20 Mbps \(ips-\S+\), cn-shanghai 10 Mbps.*BandwidthIllegal.BandwidthPackage.*set bandwidth to 30 or more`),
			lowered,
			{
				// The regions go before the plan can be unbound and deleted.
				PreConfig: func() {
					sets, err := ga.FindIpSets(t.Context(), e.Client(t).GA, testAccAcceleratorID)
					if err != nil {
						t.Fatal(err)
					}
					req := gasdk.CreateDeleteIpSetsRequest()
					ids := make([]string, len(sets))
					for i, s := range sets {
						ids[i] = s.IpSetId
					}
					req.IpSetIds = &ids
					if err := e.Client(t).GA.Do(t.Context(), req, gasdk.CreateDeleteIpSetsResponse()); err != nil {
						t.Fatalf("deleting acceleration regions: %v", err)
					}
					e.Mock.Advance(testAccDelay)
				},
				Config: e.Config(""),
			},
		},
	})
}
