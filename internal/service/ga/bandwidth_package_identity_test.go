package ga_test

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"terraform-provider-alibabacloud/internal/acctest"
)

// TestAccGABandwidthPackage_identity: the plan's identity is its id, written on create and
// read; an import block with that identity imports it with no change, and the configuration
// Terraform generates from it plans no change either.
func TestAccGABandwidthPackage_identity(t *testing.T) {
	m := newTestAccMock(t)
	config := m.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", "tf-identity", "imported by identity"))
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipBelow(acctest.ResourceIdentity)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, m),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(testAccPackageAddress, map[string]knownvalue.Check{
						"id": knownvalue.StringRegexp(regexp.MustCompile(`^gbwp-`)),
					}),
					statecheck.ExpectIdentityValueMatchesState(testAccPackageAddress, tfjsonpath.New("id")),
				},
			},
			{
				Config:          config,
				ResourceName:    testAccPackageAddress,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
			},
			{
				ResourceName:    testAccPackageAddress,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
				GenerateConfig:  true,
			},
			{
				// An identity naming no plan: the import fails at plan.
				Config: config + `
import {
  to       = alibabacloud_ga_bandwidth_package.gone
  identity = { id = "gbwp-nosuchplan" }
}

resource "alibabacloud_ga_bandwidth_package" "gone" {
  bandwidth      = 10
  type           = "Basic"
  bandwidth_type = "Basic"
  payment_type   = "PayAsYouGo"
  billing_type   = "PayByTraffic"
}
`,
				PlanOnly:    true,
				ExpectError: acctest.ExpectError(`Cannot import non-existent remote object`),
			},
		},
	})
}
