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

// TestAccGABandwidthPackageAttachment_identity: the attachment's identity is the two ids it
// binds, written on create and read; an import block with that identity imports it with no
// change, and so does the configuration Terraform generates from it. An identity that is not
// two ids is refused with the attribute to fix.
func TestAccGABandwidthPackageAttachment_identity(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipBelow(acctest.ResourceIdentity)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, m),
		Steps: []resource.TestStep{
			{
				Config: testAccConfigBandwidthPackageAttachment_basic(m),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(testAccAttachmentAddress, map[string]knownvalue.Check{
						"accelerator_id":       knownvalue.StringExact(testAccAcceleratorID),
						"bandwidth_package_id": knownvalue.StringRegexp(regexp.MustCompile(`^gbwp-`)),
					}),
					statecheck.ExpectIdentityValueMatchesState(testAccAttachmentAddress, tfjsonpath.New("accelerator_id")),
					statecheck.ExpectIdentityValueMatchesState(testAccAttachmentAddress, tfjsonpath.New("bandwidth_package_id")),
				},
			},
			{
				Config:          testAccConfigBandwidthPackageAttachment_basic(m),
				ResourceName:    testAccAttachmentAddress,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
			},
			{
				// The configuration Terraform generates replaces the attachment's own (two
				// resources binding one pair are refused at plan).
				Config:          m.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", "tf-attach", "d")),
				ResourceName:    testAccAttachmentAddress,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
				GenerateConfig:  true,
			},
			{
				Config: testAccConfigBandwidthPackageAttachment_basic(m) + `
import {
  to       = alibabacloud_ga_bandwidth_package_attachment.other
  identity = {
    bandwidth_package_id = "gbwp-x:ga-y"
    accelerator_id       = "ga-y"
  }
}

resource "alibabacloud_ga_bandwidth_package_attachment" "other" {
  bandwidth_package_id = "gbwp-x"
  accelerator_id       = "ga-y"
}
`,
				PlanOnly:    true,
				ExpectError: acctest.ExpectError(`Invalid import identity.*identity.bandwidth_package_id = "gbwp-x:ga-y" has the character ':'`),
			},
		},
	})
}
