package ga_test

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/mockcloud"
	mockga "terraform-provider-alibabacloud/internal/mockcloud/ga"
)

// testAccDataSourcePlans is how many plans the data source tests seed: more than a page of
// ListBandwidthPackages (100).
const testAccDataSourcePlans = 120

// countPlans counts the seeded plans that keep says to.
func countPlans(plans []mockga.BandwidthPackage, keep func(mockga.BandwidthPackage) bool) int {
	n := 0
	for _, bp := range plans {
		if keep(bp) {
			n++
		}
	}
	return n
}

// outputLength checks that output name, a number, is want.
func outputLength(name string, want int) statecheck.StateCheck {
	return statecheck.ExpectKnownOutputValue(name, knownvalue.Int64Exact(int64(want)))
}

const testAccConfigBandwidthPackagesDataSource = `
data "alibabacloud_ga_bandwidth_packages" "all" {}

data "alibabacloud_ga_bandwidth_packages" "subscriptions" {
  payment_type = "Subscription"
}

data "alibabacloud_ga_bandwidth_packages" "enhanced_team" {
  bandwidth_type = "Enhanced"
  tags = {
    team = "net"
  }
}

data "alibabacloud_ga_bandwidth_packages" "named" {
  name_regex = "^plan-01[01]"
}

data "alibabacloud_ga_bandwidth_packages" "some" {
  ids = ["gbwp-query0001", "gbwp-query0120", "gbwp-nothere"]
}

data "alibabacloud_ga_bandwidth_packages" "one" {
  ids    = ["gbwp-query0007"]
  status = "active"
  type   = "Basic"
}

output "all" {
  value = length(data.alibabacloud_ga_bandwidth_packages.all.ids)
}

output "all_names" {
  value = length(data.alibabacloud_ga_bandwidth_packages.all.names)
}

output "subscriptions" {
  value = length(data.alibabacloud_ga_bandwidth_packages.subscriptions.packages)
}

output "enhanced_team" {
  value = length(data.alibabacloud_ga_bandwidth_packages.enhanced_team.packages)
}

output "named" {
  value = length(data.alibabacloud_ga_bandwidth_packages.named.names)
}

output "some" {
  value = data.alibabacloud_ga_bandwidth_packages.some.packages[*].id
}

output "one" {
  value = data.alibabacloud_ga_bandwidth_packages.one.packages[0]
}
`

func TestAccGABandwidthPackagesDataSource_basic(t *testing.T) {
	plans := acctest.SeedGAPlans(testAccDataSourcePlans)
	plans[6].Description = "seventh"
	m := acctest.NewSeededMock(t, testAccDelay, mockcloud.State{BandwidthPackages: plans})
	named := regexp.MustCompile(`^plan-01[01]`)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: m.Config(testAccConfigBandwidthPackagesDataSource),
			ConfigStateChecks: []statecheck.StateCheck{
				outputLength("all", len(plans)),
				outputLength("all_names", len(plans)),
				outputLength("subscriptions", countPlans(plans, func(bp mockga.BandwidthPackage) bool { return bp.ChargeType == mockga.ChargePrepay })),
				outputLength("enhanced_team", countPlans(plans, func(bp mockga.BandwidthPackage) bool {
					return bp.BandwidthType == mockga.BandwidthEnhanced && slices.Contains(bp.Tags, mockga.Tag{Key: "team", Value: "net"})
				})),
				outputLength("named", countPlans(plans, func(bp mockga.BandwidthPackage) bool { return named.MatchString(bp.Name) })),
				statecheck.ExpectKnownOutputValue("some", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("gbwp-query0001"), knownvalue.StringExact("gbwp-query0120"),
				})),
				statecheck.ExpectKnownOutputValue("one", knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"id": knownvalue.StringExact("gbwp-query0007"), "bandwidth_package_name": knownvalue.StringExact("plan-0007"),
					"bandwidth": knownvalue.Int64Exact(int64(plans[6].Bandwidth)), "payment_type": knownvalue.StringExact("PayAsYouGo"),
					"billing_type": knownvalue.StringExact("PayByTraffic"), "description": knownvalue.StringExact("seventh"),
					"status": knownvalue.StringExact("active"), "resource_group_id": knownvalue.StringExact(mockga.DefaultResourceGroupID),
					"create_time": knownvalue.StringRegexp(rfc3339UTC), "accelerators": knownvalue.ListExact([]knownvalue.Check{}),
				})),
				// ids, a filter too, holds those found.
				statecheck.ExpectKnownValue("data.alibabacloud_ga_bandwidth_packages.some", tfjsonpath.New("ids"), knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact("gbwp-query0001"), knownvalue.StringExact("gbwp-query0120"),
				})),
			},
			Check: resource.ComposeTestCheckFunc(
				// Every page read (mock only): the unfiltered reads asked for two pages of 100.
				func(*terraform.State) error {
					pages := map[string]bool{}
					for _, c := range m.Log().Of("ListBandwidthPackages") {
						if c.Params["PageSize"] != "100" {
							return fmt.Errorf("ListBandwidthPackages asked for pages of %s, want 100", c.Params["PageSize"])
						}
						pages[c.Params["PageNumber"]] = true
					}
					if !pages["1"] || !pages["2"] || pages["3"] {
						return fmt.Errorf("pages read %v, want 1 and 2", pages)
					}
					return nil
				},
				// The API filters what it can: the tag, the state and type, a single id.
				func(*terraform.State) error {
					var tagged, single bool
					for _, c := range m.Log().Of("ListBandwidthPackages") {
						tagged = tagged || c.Params["Tag.1.Key"] == "team" && c.Params["Tag.1.Value"] == "net"
						single = single || c.Params["BandwidthPackageId"] == "gbwp-query0007" && c.Params["State"] == "active" && c.Params["Type"] == "Basic"
					}
					if !tagged || !single {
						return fmt.Errorf("filters sent to the API: tag %t, id/state/type %t", tagged, single)
					}
					return nil
				},
				m.CheckNoMutationSinceCheckpoint(),
			),
		}},
	})
}

func TestAccGABandwidthPackagesDataSource_refusedAtPlan(t *testing.T) {
	m := newTestAccMock(t)
	g := m.MutationGuard(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			g.RefusedPlan(`data "alibabacloud_ga_bandwidth_packages" "x" { name_regex = "plan-(" }`, `Invalid regular expression.*name_regex`),
			g.RefusedPlan(`data "alibabacloud_ga_bandwidth_packages" "x" { payment_type = "Prepaid" }`, `payment_type.*Subscription`),
			g.RefusedPlan(`data "alibabacloud_ga_bandwidth_packages" "x" { status = "binding-ish" }`, `status.*active`),
			g.RefusedPlan(`data "alibabacloud_ga_accelerators" "x" { bandwidth_billing_type = "Traffic" }`, `bandwidth_billing_type.*CDT`),
			{
				PreConfig: g.Check,
				Config:    m.Config(strings.TrimSpace(`data "alibabacloud_ga_bandwidth_packages" "x" { name_regex = "plan-\\d+" }`)),
			},
		},
	})
}
