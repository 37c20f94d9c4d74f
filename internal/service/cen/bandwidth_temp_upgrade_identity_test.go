package cen_test

import (
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"terraform-provider-alibabacloud/internal/acctest"
)

// TestAccCENBandwidthTempUpgrade_identity: the upgrade's identity is its package's id, written
// on create and read; an import block with that identity imports it with no change (and
// orders nothing), and so does the configuration Terraform generates from it. A package
// without an open window cannot be imported by identity either.
func TestAccCENBandwidthTempUpgrade_identity(t *testing.T) {
	const (
		id     = "cenbwp-identity01"
		idleID = "cenbwp-identity02"
	)
	e := testAccNewEnv(t, testAccPackage(id, 100), testAccPackage(idleID, 100))
	m := e.Mock
	// On a whole hour, where the window ends whichever reading the cloud takes: the import
	// reads end_time from the window.
	end := testAccEndOnHour(24 * time.Hour)
	config := testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end)

	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipBelow(acctest.ResourceIdentity)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, e, id, 500),
		Steps: []resource.TestStep{
			{
				Config: config,
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectIdentity(testAccResourceName, map[string]knownvalue.Check{"id": knownvalue.StringExact(id)}),
					statecheck.ExpectIdentityValueMatchesState(testAccResourceName, tfjsonpath.New("id")),
				},
				Check: m.CheckpointCheck(),
			},
			{
				Config:          config,
				ResourceName:    testAccResourceName,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
			},
			{
				// The configuration Terraform generates replaces the upgrade's own (two upgrades
				// of one package are refused at plan).
				Config:          m.Config(`# the upgrade is in the generated configuration`),
				ResourceName:    testAccResourceName,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithResourceIdentity,
				GenerateConfig:  true,
			},
			{
				Config: config + `
import {
  to       = alibabacloud_cen_bandwidth_temp_upgrade.idle
  identity = { id = "` + idleID + `" }
}

resource "alibabacloud_cen_bandwidth_temp_upgrade" "idle" {
  cen_bandwidth_package_id = "` + idleID + `"
  bandwidth                = 500
  end_time                 = "` + end + `"
}
`,
				PlanOnly:    true,
				ExpectError: acctest.ExpectError(`no active temporary upgrade.*nothing to import`),
			},
			{
				// Nothing since the create ordered anything.
				Config: config,
				Check:  m.CheckNoMutationSinceCheckpoint(),
			},
		},
	})
}
