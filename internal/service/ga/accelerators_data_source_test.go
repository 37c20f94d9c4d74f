package ga_test

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/mockcloud"
	mockga "terraform-provider-alibabacloud/internal/mockcloud/ga"
)

// testAccDataSourceAccelerators is how many accelerators the data source test seeds: more than
// a page of ListAccelerators (50).
const testAccDataSourceAccelerators = 60

// seedAccelerators returns n accelerators ga-edge001... named edge-001..., every seventh billed
// by data transfer (CDT), and the first bound to a Basic plan and a CrossDomain plan.
func seedAccelerators(n int) ([]mockga.Accelerator, []mockga.BandwidthPackage) {
	var accelerators []mockga.Accelerator
	for i := 1; i <= n; i++ {
		acc := acctest.SeedAccelerator(fmt.Sprintf("ga-edge%03d", i))
		acc.Name = fmt.Sprintf("edge-%03d", i)
		if i%7 == 0 {
			acc.BandwidthBillingType = "CDT"
		}
		accelerators = append(accelerators, acc)
	}
	plans := []mockga.BandwidthPackage{
		{BandwidthPackageId: "gbwp-edgebasic", Name: "basic", Bandwidth: 40, Type: mockga.TypeBasic, BandwidthType: mockga.BandwidthEnhanced,
			ChargeType: mockga.ChargePostpay, Accelerators: []string{"ga-edge001"}},
		{BandwidthPackageId: "gbwp-edgecross", Name: "cross", Bandwidth: 20, Type: mockga.TypeCrossDomain,
			CbnGeographicRegionIdA: "China-mainland", CbnGeographicRegionIdB: "Global", ChargeType: mockga.ChargePostpay,
			Accelerators: []string{"ga-edge001"}},
	}
	return accelerators, plans
}

const testAccConfigAcceleratorsDataSource = `
data "alibabacloud_ga_accelerators" "all" {}

data "alibabacloud_ga_accelerators" "for_plans" {
  bandwidth_billing_type = "BandwidthPackage"
  status                 = "active"
}

data "alibabacloud_ga_accelerators" "first" {
  name_regex = "^edge-001$"
}

data "alibabacloud_ga_accelerators" "some" {
  ids = ["ga-edge002", "ga-edge060", "ga-nothere"]
}

output "all" {
  value = length(data.alibabacloud_ga_accelerators.all.ids)
}

output "for_plans" {
  value = length(data.alibabacloud_ga_accelerators.for_plans.accelerators)
}

output "first" {
  value = data.alibabacloud_ga_accelerators.first.accelerators[0]
}

output "some" {
  value = data.alibabacloud_ga_accelerators.some.names
}
`

func TestAccGAAcceleratorsDataSource_basic(t *testing.T) {
	accelerators, plans := seedAccelerators(testAccDataSourceAccelerators)
	m := acctest.NewSeededMock(t, testAccDelay, mockcloud.State{Accelerators: accelerators, BandwidthPackages: plans})
	cdt := 0
	for _, acc := range accelerators {
		if acc.BandwidthBillingType == "CDT" {
			cdt++
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: m.Config(testAccConfigAcceleratorsDataSource),
			ConfigStateChecks: []statecheck.StateCheck{
				outputLength("all", len(accelerators)),
				outputLength("for_plans", len(accelerators)-cdt),
				statecheck.ExpectKnownOutputValue("first", knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"id": knownvalue.StringExact("ga-edge001"), "accelerator_name": knownvalue.StringExact("edge-001"),
					"status": knownvalue.StringExact("active"), "bandwidth_billing_type": knownvalue.StringExact("BandwidthPackage"),
					"basic_bandwidth_package": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
						"instance_id": knownvalue.StringExact("gbwp-edgebasic"), "bandwidth": knownvalue.Int64Exact(40),
						"bandwidth_type": knownvalue.StringExact("Enhanced"),
					})}),
					"cross_domain_bandwidth_package": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
						"instance_id": knownvalue.StringExact("gbwp-edgecross"), "bandwidth": knownvalue.Int64Exact(20),
					})}),
					"resource_group_id": knownvalue.StringExact(mockga.DefaultResourceGroupID),
				})),
				statecheck.ExpectKnownOutputValue("some", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("edge-002"), knownvalue.StringExact("edge-060"),
				})),
			},
			Check: resource.ComposeTestCheckFunc(
				// Every page read (mock only): pages of 50, the second one too.
				func(*terraform.State) error {
					pages := map[string]bool{}
					for _, c := range m.Log().Of("ListAccelerators") {
						if c.Params["PageSize"] != "50" {
							return fmt.Errorf("ListAccelerators asked for pages of %s, want 50", c.Params["PageSize"])
						}
						pages[c.Params["PageNumber"]+"/"+c.Params["State"]] = true
					}
					if !pages["1/"] || !pages["2/"] || !pages["2/active"] {
						return fmt.Errorf("pages read %v, want 1 and 2, unfiltered and of active accelerators", pages)
					}
					return nil
				},
				m.CheckNoMutationSinceCheckpoint(),
			),
		}},
	})
}
