package cen_test

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/mockcloud/cbn"
)

// testAccDataSourcePackages returns n subscription packages cenbwp-ds0001..., named
// peak-cenbwp-ds0001..., at 100 Mbps: every third attached to cen-ds1 (InUse), the fourth
// with a temporary upgrade window at 500 Mbps until end.
func testAccDataSourcePackages(n int, end string) []cbn.Package {
	var out []cbn.Package
	for i := 1; i <= n; i++ {
		p := testAccPackage(fmt.Sprintf("cenbwp-ds%04d", i), 100)
		if i == 4 {
			p = testAccUpgradedPackage(p.CenBandwidthPackageId, end)
		}
		p.GeographicRegionAId, p.GeographicRegionBId = "china", "asia-pacific"
		if i%3 == 0 {
			p.CenIds = cbn.CenIds{CenId: []string{"cen-ds1"}}
		}
		out = append(out, p)
	}
	return out
}

const testAccConfigBandwidthPackagesDataSource = `
data "alibabacloud_cen_bandwidth_packages" "all" {}

data "alibabacloud_cen_bandwidth_packages" "in_use" {
  status = "InUse"
}

data "alibabacloud_cen_bandwidth_packages" "of_cen" {
  instance_id = "cen-ds1"
  name_regex  = "ds00[0-9][0-9]$"
}

data "alibabacloud_cen_bandwidth_packages" "upgraded" {
  ids = ["cenbwp-ds0004"]
}

data "alibabacloud_cen_bandwidth_packages" "without_windows" {
  ids                      = ["cenbwp-ds0004", "cenbwp-ds0005"]
  include_reservation_data = false
}

output "all" {
  value = length(data.alibabacloud_cen_bandwidth_packages.all.ids)
}

output "in_use" {
  value = length(data.alibabacloud_cen_bandwidth_packages.in_use.packages)
}

output "of_cen" {
  value = length(data.alibabacloud_cen_bandwidth_packages.of_cen.names)
}

output "upgraded" {
  value = data.alibabacloud_cen_bandwidth_packages.upgraded.packages[0]
}

output "without_windows" {
  value = data.alibabacloud_cen_bandwidth_packages.without_windows.packages[*].reservation_order_type
}
`

// TestAccCENBandwidthPackagesDataSource_basic reads 60 packages, more than a page of
// DescribeCenBandwidthPackages (50), with their filters, and the temporary upgrade window of
// one: the bandwidth it runs at, the one it returns to, when, and its order type.
func TestAccCENBandwidthPackagesDataSource_basic(t *testing.T) {
	end := testAccEndOnHour(24 * time.Hour)
	packages := testAccDataSourcePackages(60, end)
	m := testAccNewMock(t, packages...)
	inUse, ofCEN := 0, 0
	for _, p := range packages {
		if len(p.CenIds.CenId) > 0 {
			inUse++
			if regexp.MustCompile(`ds00[0-9][0-9]$`).MatchString(p.Name) {
				ofCEN++
			}
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: m.Config(testAccConfigBandwidthPackagesDataSource),
			ConfigStateChecks: []statecheck.StateCheck{
				outputNumber("all", len(packages)),
				outputNumber("in_use", inUse),
				outputNumber("of_cen", ofCEN),
				statecheck.ExpectKnownOutputValue("upgraded", knownvalue.ObjectPartial(map[string]knownvalue.Check{
					"id": knownvalue.StringExact("cenbwp-ds0004"), "name": knownvalue.StringExact("peak-cenbwp-ds0004"),
					"bandwidth": knownvalue.Int64Exact(500), "reservation_bandwidth": knownvalue.StringExact("100"),
					"reservation_order_type": knownvalue.StringExact("TEMP_UPGRADE"), "has_reservation_data": knownvalue.StringExact("true"),
					"reservation_active_time": knownvalue.StringExact(end), "status": knownvalue.StringExact("Idle"),
					"geographic_region_a_id": knownvalue.StringExact("China"), "geographic_region_b_id": knownvalue.StringExact("Asia-Pacific"),
					"payment_type": knownvalue.StringExact("PREPAY"), "cen_ids": knownvalue.ListExact([]knownvalue.Check{}),
				})),
				statecheck.ExpectKnownOutputValue("without_windows", knownvalue.ListExact([]knownvalue.Check{
					knownvalue.StringExact(""), knownvalue.StringExact(""),
				})),
			},
			Check: resource.ComposeTestCheckFunc(
				// Every page read (mock only), and the filters the API takes sent to it.
				func(*terraform.State) error {
					pages, filtered := map[string]bool{}, false
					for _, c := range m.Log().Of("DescribeCenBandwidthPackages") {
						pages[c.Params["PageNumber"]] = true
						filtered = filtered || c.Params["Filter.1.Key"] == "CenId" && c.Params["Filter.1.Value.1"] == "cen-ds1"
						if c.Params["PageSize"] != "50" {
							return fmt.Errorf("pages of %s, want 50", c.Params["PageSize"])
						}
					}
					if !pages["1"] || !pages["2"] || !filtered {
						return fmt.Errorf("pages read %v, want 1 and 2; CenId filter sent %t", pages, filtered)
					}
					return nil
				},
				m.CheckNoMutationSinceCheckpoint(),
			),
		}},
	})
}

// outputNumber checks that output name is the number want.
func outputNumber(name string, want int) statecheck.StateCheck {
	return statecheck.ExpectKnownOutputValue(name, knownvalue.Int64Exact(int64(want)))
}
