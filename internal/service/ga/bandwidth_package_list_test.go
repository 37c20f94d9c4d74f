package ga_test

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/querycheck"
	"github.com/hashicorp/terraform-plugin-testing/querycheck/queryfilter"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/mockcloud"
	mockga "terraform-provider-alibabacloud/internal/mockcloud/ga"
)

const (
	testAccPackageListAddress    = "alibabacloud_ga_bandwidth_package.all"
	testAccAttachmentListAddress = "alibabacloud_ga_bandwidth_package_attachment.all"
)

// testAccNewListMock starts a mock holding 120 plans (acctest.SeedGAPlans), more than a page of
// ListBandwidthPackages, the first three bound to accelerators ga-query1, ga-query2, ga-query3.
func testAccNewListMock(t *testing.T) *acctest.Mock {
	t.Helper()
	plans := acctest.SeedGAPlans(120)
	var accelerators []mockga.Accelerator
	for i := range 3 {
		id := fmt.Sprintf("ga-query%d", i+1)
		acc := acctest.SeedAccelerator(id)
		acc.Name = fmt.Sprintf("web-%d", i+1)
		accelerators = append(accelerators, acc)
		plans[i].Accelerators = []string{id}
	}
	return acctest.NewSeededMock(t, testAccDelay, mockcloud.State{BandwidthPackages: plans, Accelerators: accelerators})
}

// testAccConfigPackageList is a list block of bandwidth plans with the filters config (HCL
// attributes, "" for none).
func testAccConfigPackageList(config string, includeResource bool) string {
	return fmt.Sprintf(`
list "alibabacloud_ga_bandwidth_package" "all" {
  provider         = alibabacloud
  include_resource = %t
  limit            = 1000

  config {
    %s
  }
}
`, includeResource, config)
}

// TestAccGABandwidthPackageList_query lists 120 plans over two pages of ListBandwidthPackages,
// every one with its identity and display name, then filtered by each filter, and with
// include_resource as the resource reads them.
func TestAccGABandwidthPackageList_query(t *testing.T) {
	m := testAccNewListMock(t)
	byID := func(id string) queryfilter.QueryFilter {
		return queryfilter.ByResourceIdentity(map[string]knownvalue.Check{"id": knownvalue.StringExact(id)})
	}
	query := func(config string, length int, checks ...querycheck.QueryResultCheck) resource.TestStep {
		return resource.TestStep{
			Query:             true,
			Config:            testAccConfigPackageList(config, false),
			QueryResultChecks: append([]querycheck.QueryResultCheck{querycheck.ExpectLength(testAccPackageListAddress, length)}, checks...),
		}
	}
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipBelow(acctest.ListResources)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			// The provider block the queries use.
			{Config: m.Config(`# nothing managed`)},
			query("", 120,
				querycheck.ExpectIdentity(testAccPackageListAddress, map[string]knownvalue.Check{"id": knownvalue.StringExact("gbwp-query0120")}),
				querycheck.ExpectResourceDisplayName(testAccPackageListAddress, byID("gbwp-query0004"),
					knownvalue.StringExact("plan-0004: 50 Mbps Basic Enhanced, PayAsYouGo, active")),
				querycheck.ExpectResourceDisplayName(testAccPackageListAddress, byID("gbwp-query0001"),
					knownvalue.StringExact("plan-0001: 20 Mbps Basic, PayAsYouGo, binded")),
			),
			query(`payment_type = "Subscription"`, 40),
			query(`bandwidth_type = "Enhanced"`, 30),
			query(`tags = { team = "net" }`, 24),
			query(`status = "binded"`, 3),
			query(`name_regex = "^plan-00(0[1-9]|10)$"`, 10),
			query(`ids = ["gbwp-query0007", "gbwp-query0099"]`, 2),
			query(`payment_type = "Subscription"
    bandwidth_type = "Enhanced"
    tags = { team = "net" }`, 2),
			{
				Query:  true,
				Config: testAccConfigPackageList(`ids = ["gbwp-query0003"]`, true),
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectResourceKnownValues(testAccPackageListAddress, byID("gbwp-query0003"), []querycheck.KnownValueCheck{
						{Path: tfjsonpath.New("bandwidth_package_name"), KnownValue: knownvalue.StringExact("plan-0003")},
						{Path: tfjsonpath.New("bandwidth"), KnownValue: knownvalue.Int64Exact(40)},
						{Path: tfjsonpath.New("payment_type"), KnownValue: knownvalue.StringExact("Subscription")},
						{Path: tfjsonpath.New("duration"), KnownValue: knownvalue.Null()},
						{Path: tfjsonpath.New("status"), KnownValue: knownvalue.StringExact("binded")},
					}),
				},
			},
		},
	})
}

// TestAccGABandwidthPackageList_generateConfig: the configuration terraform query generates for
// 120 plans, Subscriptions included (with no duration: the API reports none), imports them all,
// changes nothing in the cloud, and plans empty after.
func TestAccGABandwidthPackageList_generateConfig(t *testing.T) {
	t.Parallel()
	cli := acctest.NewCLI(t, acctest.ListResources)
	m := testAccNewListMock(t)
	cli.WriteFile("main.tf", acctest.RequiredProviders+m.Config(""))
	m.Checkpoint()
	generated, imported := cli.GenerateAndImport(testAccConfigPackageList("", false))
	if imported != 120 {
		t.Errorf("imported %d bandwidth plans, want 120", imported)
	}
	if n := len(regexp.MustCompile(`(?m)^import \{`).FindAllString(generated, -1)); n != 120 {
		t.Errorf("the generated configuration has %d import blocks, want 120", n)
	}
	for _, want := range []string{`bandwidth_package_name\s+= "plan-0120"`, `payment_type\s+= "Subscription"`, `billing_type\s+= "PayByTraffic"`, `duration\s+= null`} {
		if !regexp.MustCompile(want).MatchString(generated) {
			t.Errorf("the generated configuration has no %s", want)
		}
	}
	acctest.Check(t, m.CheckNoMutationSinceCheckpoint())
}

// TestAccGABandwidthPackageAttachmentList_query lists every binding of every plan (three of
// 120 plans are bound), named by the plan's and the accelerator's names.
func TestAccGABandwidthPackageAttachmentList_query(t *testing.T) {
	m := testAccNewListMock(t)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipBelow(acctest.ListResources)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{Config: m.Config(`# nothing managed`)},
			{
				Query: true,
				Config: `
list "alibabacloud_ga_bandwidth_package_attachment" "all" {
  provider = alibabacloud
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{
					querycheck.ExpectLength(testAccAttachmentListAddress, 3),
					querycheck.ExpectIdentity(testAccAttachmentListAddress, map[string]knownvalue.Check{
						"bandwidth_package_id": knownvalue.StringExact("gbwp-query0002"),
						"accelerator_id":       knownvalue.StringExact("ga-query2"),
					}),
					querycheck.ExpectResourceDisplayName(testAccAttachmentListAddress,
						queryfilter.ByResourceIdentity(map[string]knownvalue.Check{
							"bandwidth_package_id": knownvalue.StringExact("gbwp-query0003"),
							"accelerator_id":       knownvalue.StringExact("ga-query3"),
						}), knownvalue.StringExact("plan-0003 bound to web-3")),
				},
			},
			{
				Query: true,
				Config: `
list "alibabacloud_ga_bandwidth_package_attachment" "all" {
  provider = alibabacloud

  config {
    accelerator_id = "ga-query1"
  }
}
`,
				QueryResultChecks: []querycheck.QueryResultCheck{querycheck.ExpectLength(testAccAttachmentListAddress, 1)},
			},
		},
	})
}

// TestAccGABandwidthPackageAttachmentList_generateConfig: the configuration generated for every
// binding imports them, binds nothing, and plans empty after.
func TestAccGABandwidthPackageAttachmentList_generateConfig(t *testing.T) {
	t.Parallel()
	cli := acctest.NewCLI(t, acctest.ListResources)
	m := testAccNewListMock(t)
	cli.WriteFile("main.tf", acctest.RequiredProviders+m.Config(""))
	m.Checkpoint()
	generated, imported := cli.GenerateAndImport(`
list "alibabacloud_ga_bandwidth_package_attachment" "all" {
  provider = alibabacloud
}
`)
	if imported != 3 {
		t.Errorf("imported %d attachments, want 3", imported)
	}
	if !regexp.MustCompile(`accelerator_id\s+= "ga-query3"`).MatchString(generated) {
		t.Errorf("the generated configuration lacks the binding to ga-query3:\n%s", generated)
	}
	acctest.Check(t, m.CheckNoMutationSinceCheckpoint())
}
