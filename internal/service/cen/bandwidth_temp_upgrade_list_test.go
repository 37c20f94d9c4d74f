package cen_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/mockcloud/cbn"
)

const testAccListAddress = "alibabacloud_cen_bandwidth_temp_upgrade.all"

// testAccListPackages returns n subscription packages cenbwp-list0001... at 100 Mbps; those of
// even number have a window at 500 Mbps until end.
func testAccListPackages(n int, end string) []cbn.Package {
	var out []cbn.Package
	for i := 1; i <= n; i++ {
		p := testAccPackage(fmt.Sprintf("cenbwp-list%04d", i), 100)
		if i%2 == 0 {
			p = testAccUpgradedPackage(p.CenBandwidthPackageId, end)
		}
		out = append(out, p)
	}
	return out
}

// testAccConfigTempUpgradeList is a list block of every open window.
func testAccConfigTempUpgradeList(includeResource bool) string {
	return fmt.Sprintf(`
list "alibabacloud_cen_bandwidth_temp_upgrade" "all" {
  provider         = alibabacloud
  include_resource = %t
  limit            = 1000
}
`, includeResource)
}

// TestAccCENBandwidthTempUpgradeList_query lists 60 packages, 30 with an open window, more
// than a page of DescribeCenBandwidthPackages: every window is listed, by its package id and
// with its package's name and window as display name, and, with include_resource, as the
// resource reads it.
func TestAccCENBandwidthTempUpgradeList_query(t *testing.T) {
	end := testAccEndIn(24 * time.Hour)
	m := testAccNewMock(t, testAccListPackages(60, end)...)
	last := map[string]knownvalue.Check{"id": knownvalue.StringExact("cenbwp-list0060")}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipBelow(acctest.ListResources)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			// The provider block the query uses.
			{Config: m.Config(`# nothing managed`)},
			{
				Query:  true,
				Config: testAccConfigTempUpgradeList(false),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength(testAccListAddress, 30),
					querycheck.ExpectIdentity(testAccListAddress, map[string]knownvalue.Check{"id": knownvalue.StringExact("cenbwp-list0002")}),
					querycheck.ExpectNoIdentity(testAccListAddress, map[string]knownvalue.Check{"id": knownvalue.StringExact("cenbwp-list0001")}),
					querycheck.ExpectResourceDisplayName(testAccListAddress, queryfilter.ByResourceIdentity(last),
						knownvalue.StringExact("peak-cenbwp-list0060: 500 Mbps until "+end+", then 100 Mbps")),
				},
			},
			{
				Query:  true,
				Config: testAccConfigTempUpgradeList(true),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength(testAccListAddress, 30),
					querycheck.ExpectResourceKnownValues(testAccListAddress, queryfilter.ByResourceIdentity(last), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("cen_bandwidth_package_id"), KnownValue: knownvalue.StringExact("cenbwp-list0060")},
						{Path: tfjsonpath.New("bandwidth"), KnownValue: knownvalue.Int64Exact(500)},
						{Path: tfjsonpath.New("original_bandwidth"), KnownValue: knownvalue.Int64Exact(100)},
						{Path: tfjsonpath.New("end_time"), KnownValue: knownvalue.StringExact(end)},
						{Path: tfjsonpath.New("status"), KnownValue: knownvalue.StringExact("Active")},
					}),
				},
			},
		},
	})
}

// TestAccCENBandwidthTempUpgradeList_generateConfig: the configuration terraform query
// generates for every open window imports them all, orders nothing, and plans empty after.
func TestAccCENBandwidthTempUpgradeList_generateConfig(t *testing.T) {
	t.Parallel()
	cli := acctest.NewCLI(t, acctest.ListResources)
	end := testAccEndIn(24 * time.Hour)
	m := testAccNewMock(t, testAccListPackages(60, end)...)
	cli.WriteFile("main.tf", acctest.RequiredProviders+m.Config(""))
	m.Checkpoint()
	generated, imported := cli.GenerateAndImport(testAccConfigTempUpgradeList(false))
	if imported != 30 {
		t.Errorf("imported %d temporary upgrades, want the 30 open windows", imported)
	}
	for _, want := range []string{`cen_bandwidth_package_id = "cenbwp-list0060"`, `bandwidth                = 500`, `end_time                 = "` + end + `"`} {
		if !strings.Contains(generated, want) {
			t.Errorf("the generated configuration lacks %s", want)
		}
	}
	if n := len(regexp.MustCompile(`(?m)^import \{`).FindAllString(generated, -1)); n != 30 {
		t.Errorf("the generated configuration has %d import blocks, want 30", n)
	}
	acctest.Check(t, m.CheckNoMutationSinceCheckpoint())
}
