package ga_test

import (
	"fmt"
	"regexp"
	"slices"
	"testing"
	"time"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/mockcloud"
	mockga "terraform-provider-alibabacloud/internal/mockcloud/ga"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
	"terraform-provider-alibabacloud/internal/service/ga"
)

// A new bandwidth_package_id swaps the plan on the accelerator in place (ReplaceBandwidthPackage).

// testAccSwapOtherAccelerator is a second accelerator, for a plan bound elsewhere.
const testAccSwapOtherAccelerator = "ga-bp1otheraccelerator"

// testAccSwapRegions is the bandwidth the seeded accelerator's acceleration region is given.
const testAccSwapRegions = 15

// testAccConfigSwap declares the plans a swap may choose from, and the attachment of plan to
// the seeded accelerator (a name among them).
func testAccConfigSwap(plan string) string {
	return fmt.Sprintf(`
resource "alibabacloud_ga_bandwidth_package" "first" {
  bandwidth      = 20
  type           = "Basic"
  bandwidth_type = "Basic"
  payment_type   = "PayAsYouGo"
  billing_type   = "PayByTraffic"
}

resource "alibabacloud_ga_bandwidth_package" "larger" {
  bandwidth      = 30
  type           = "Basic"
  bandwidth_type = "Basic"
  payment_type   = "PayAsYouGo"
  billing_type   = "PayByTraffic"
}

resource "alibabacloud_ga_bandwidth_package" "small" {
  bandwidth      = 10
  type           = "Basic"
  bandwidth_type = "Basic"
  payment_type   = "PayAsYouGo"
  billing_type   = "PayByTraffic"
}

resource "alibabacloud_ga_bandwidth_package" "cross" {
  bandwidth    = 10
  type         = "CrossDomain"
  payment_type = "PayAsYouGo"
  billing_type = "PayByTraffic"
}

resource "alibabacloud_ga_bandwidth_package" "elsewhere" {
  bandwidth      = 20
  type           = "Basic"
  bandwidth_type = "Basic"
  payment_type   = "PayAsYouGo"
  billing_type   = "PayByTraffic"
}

resource "alibabacloud_ga_bandwidth_package_attachment" "elsewhere" {
  accelerator_id       = %[1]q
  bandwidth_package_id = alibabacloud_ga_bandwidth_package.elsewhere.id
}

resource "alibabacloud_ga_bandwidth_package_attachment" "test" {
  accelerator_id       = %[2]q
  bandwidth_package_id = alibabacloud_ga_bandwidth_package.%[3]s.id
}
`, testAccSwapOtherAccelerator, testAccAcceleratorID, plan)
}

// testAccCheckBoundPlan checks, through the provider's finders, that the plan of
// alibabacloud_ga_bandwidth_package.<name> is the one bound to the seeded accelerator, that
// the plan named before no longer lists it, and that the accelerator is active.
func testAccCheckBoundPlan(t *testing.T, target acctest.Target, name, before string) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		client := target.Client(t).GA
		for plan, bound := range map[string]bool{name: true, before: false} {
			id, err := acctest.PrimaryID(s, "alibabacloud_ga_bandwidth_package."+plan)
			if err != nil {
				return err
			}
			bp, err := ga.FindBandwidthPackageByID(t.Context(), client, id)
			if err != nil {
				return err
			}
			if slices.Contains(bp.Accelerators, testAccAcceleratorID) != bound || (bp.State != "binded" && bound) { //nolint:misspell // the API's spelling
				return fmt.Errorf("plan %s (%s) is %s with accelerators %v, want bound=%t", plan, id, bp.State, bp.Accelerators, bound)
			}
		}
		acc, err := ga.FindAcceleratorByID(t.Context(), client, testAccAcceleratorID)
		if err != nil {
			return err
		}
		if acc.State != "active" {
			return fmt.Errorf("accelerator is %s, want active", acc.State)
		}
		return nil
	}
}

func TestAccGABandwidthPackageAttachment_swap(t *testing.T) {
	m := acctest.NewSeededMock(t, testAccDelay, mockcloud.State{
		Accelerators: []mockga.Accelerator{acctest.SeedAccelerator(testAccAcceleratorID), acctest.SeedAccelerator(testAccSwapOtherAccelerator)},
	})
	g := m.MutationGuard(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, m),
		Steps: []resource.TestStep{
			{
				Config: m.Config(testAccConfigSwap("first")),
				Check: resource.ComposeTestCheckFunc(
					testAccCheckBoundPlan(t, m, "first", "larger"),
					// An acceleration region of the accelerator gets part of the plan's bandwidth.
					func(*terraform.State) error {
						return testAccCreateRegion(t, m, testAccAcceleratorID, testAccSwapRegions)
					},
				),
			},
			// What ReplaceBandwidthPackage refuses is refused at plan, and nothing is sent.
			g.RefusedPlan(testAccConfigSwap("small"), fmt.Sprintf(`has 10 Mbps, and the acceleration regions of accelerator %s are given %d Mbps`,
				testAccAcceleratorID, testAccSwapRegions)),
			g.RefusedPlan(testAccConfigSwap("cross"), `is a CrossDomain plan, and the plan it would replace.*is a Basic plan`),
			g.RefusedPlan(testAccConfigSwap("elsewhere"), `Bandwidth plan bound (to another accelerator|twice in this configuration)`),
			{
				// The swap: in place, one ReplaceBandwidthPackage, never an unbinding first.
				PreConfig: func() {
					g.Check()
					m.Checkpoint()
				},
				Config: m.Config(testAccConfigSwap("larger")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccAttachmentAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(testAccAttachmentAddress, tfjsonpath.New("id"),
						knownvalue.StringRegexp(regexp.MustCompile(`^gbwp-[a-z0-9]+:`+testAccAcceleratorID+`$`))),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccAttachmentAddress, tfjsonpath.New("status"), knownvalue.StringExact("binded")),
					statecheck.ExpectKnownValue(testAccAttachmentAddress, tfjsonpath.New("accelerators"),
						knownvalue.ListExact([]knownvalue.Check{knownvalue.StringExact(testAccAcceleratorID)})),
				},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckBoundPlan(t, m, "larger", "first"),
					testAccCheckSentSince(m, "ReplaceBandwidthPackage"),
					func(s *terraform.State) error {
						replace, _ := m.LogSinceCheckpoint().Of("ReplaceBandwidthPackage").Last()
						larger, _ := acctest.PrimaryID(s, "alibabacloud_ga_bandwidth_package.larger")
						first, _ := acctest.PrimaryID(s, "alibabacloud_ga_bandwidth_package.first")
						if replace.Params["BandwidthPackageId"] != larger || replace.Params["TargetBandwidthPackageId"] != first ||
							replace.Params["AcceleratorId"] != testAccAcceleratorID {
							return fmt.Errorf("ReplaceBandwidthPackage sent %v", replace.Params)
						}
						id, _ := acctest.PrimaryID(s, testAccAttachmentAddress)
						if id != larger+":"+testAccAcceleratorID {
							return fmt.Errorf("attachment id %s", id)
						}
						return nil
					},
				),
			},
			{
				ResourceName:      testAccAttachmentAddress,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				// Back again, the answer lost after the swap was made: the call takes no
				// ClientToken, so its retry is refused (the plans busy swapping); the provider
				// recognizes its own doing instead of failing, and never swaps twice.
				PreConfig: func() {
					scriptFaults(t, m, rpc.ScriptedFault{Action: "ReplaceBandwidthPackage", Count: 1, DropResponse: true})()
					m.Checkpoint()
				},
				Config: m.Config(testAccConfigSwap("first")),
				Check: resource.ComposeTestCheckFunc(
					testAccCheckBoundPlan(t, m, "first", "larger"),
					func(*terraform.State) error {
						answers := m.LogSinceCheckpoint().Of("ReplaceBandwidthPackage").Answers()
						if len(answers) < 2 || answers[0] != "dropped" || slices.Contains(answers[1:], "200") {
							return fmt.Errorf("ReplaceBandwidthPackage answered %q, want dropped, then only refusals", answers)
						}
						return nil
					},
				),
			},
		},
	})
}

// testAccCreateRegion gives accelerator an acceleration region (CreateIpSets) of bandwidth
// Mbps, out of its Basic plan, and waits until the accelerator is active again.
func testAccCreateRegion(t *testing.T, target acctest.Target, accelerator string, bandwidth int) error {
	client := target.Client(t).GA
	req := gasdk.CreateCreateIpSetsRequest()
	req.AcceleratorId, req.ClientToken = accelerator, "swap-region-"+accelerator
	req.AccelerateRegion = &[]gasdk.CreateIpSetsAccelerateRegion{{AccelerateRegionId: "cn-shanghai", IpVersion: "IPv4", Bandwidth: fmt.Sprint(bandwidth)}}
	if err := client.Do(t.Context(), req, gasdk.CreateCreateIpSetsResponse()); err != nil {
		return err
	}
	for range 600 {
		acc, err := ga.FindAcceleratorByID(t.Context(), client, accelerator)
		if err != nil || acc.State == "active" {
			return err
		}
		time.Sleep(100 * time.Millisecond)
	}
	return fmt.Errorf("accelerator %s still not active after adding an acceleration region", accelerator)
}
