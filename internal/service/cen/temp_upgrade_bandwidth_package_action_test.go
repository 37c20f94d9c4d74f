package cen_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"terraform-provider-alibabacloud/internal/acctest"
)

const testAccActionAddress = "action.alibabacloud_cen_temp_upgrade_bandwidth_package.tonight"

// testAccConfigTempUpgradeAction declares the action, ordering an upgrade of package id to
// bandwidth until endTime.
func testAccConfigTempUpgradeAction(id string, bandwidth int64, endTime string) string {
	return fmt.Sprintf(`
action "alibabacloud_cen_temp_upgrade_bandwidth_package" "tonight" {
  config {
    cen_bandwidth_package_id = %q
    bandwidth                = %d
    end_time                 = %q
  }
}
`, id, bandwidth, endTime)
}

// testAccConfigTempUpgradeActionTriggered is the action, triggered when terraform_data.event is
// created or its input changes.
func testAccConfigTempUpgradeActionTriggered(m *acctest.Mock, id string, bandwidth int64, endTime, input string) string {
	return m.Config(testAccConfigTempUpgradeAction(id, bandwidth, endTime) + fmt.Sprintf(`
resource "terraform_data" "event" {
  input = %q

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.alibabacloud_cen_temp_upgrade_bandwidth_package.tonight]
    }
  }
}
`, input))
}

// TestAccCENTempUpgradeBandwidthPackageAction_invoke invokes the action with terraform apply
// -invoke: the package is upgraded, Terraform prints the action's progress, and nothing is
// kept in state. An invocation the resource would refuse is refused at plan, before anything
// is ordered.
func TestAccCENTempUpgradeBandwidthPackageAction_invoke(t *testing.T) {
	t.Parallel()
	const id = "cenbwp-action0001"
	cli := acctest.NewCLI(t, acctest.Actions)
	m := testAccNewMock(t, testAccPackage(id, 100))
	// On a whole hour: the window ends there whichever reading the cloud takes, and the progress
	// messages name where it ends.
	end := testAccEndOnHour(24 * time.Hour)

	cli.WriteFile("main.tf", acctest.RequiredProviders+m.Config(testAccConfigTempUpgradeAction(id, 500, end)))
	cli.MustRun("init", "-input=false")
	out := cli.MustRun("apply", "-auto-approve", "-input=false", "-invoke="+testAccActionAddress)
	for _, want := range []string{
		"Ordering a temporary upgrade of CEN bandwidth package " + id + " to 500 Mbps until " + end,
		"is still at 100 Mbps, waiting for 500 Mbps",
		"is at 500 Mbps until " + end + ", then returns to 100 Mbps",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("terraform apply -invoke printed no progress message %q", want)
		}
	}
	acctest.Check(t, resource.ComposeAggregateTestCheckFunc(
		testAccCheckPackage(t, m, testAccStrict, id, 500, 100, end),
		m.CheckCallCount(testAccUpgradeCall, 1),
	))
	if state := cli.MustRun("state", "list"); strings.TrimSpace(state) != "" {
		t.Errorf("the action left state behind: %q", state)
	}

	for _, refused := range []struct {
		bandwidth int64
		end, want string
	}{
		{400, end, `bandwidth cannot be lowered while the upgrade window is open`},
		{90, end, `set bandwidth to at least 101`},
		{600, testAccEndIn(time.Hour), `end_time is less than 3 hours away`},
	} {
		m.Checkpoint()
		cli.WriteFile("main.tf", acctest.RequiredProviders+m.Config(testAccConfigTempUpgradeAction(id, refused.bandwidth, refused.end)))
		out, err := cli.Run("apply", "-auto-approve", "-input=false", "-invoke="+testAccActionAddress)
		if err == nil || !acctest.ExpectError(refused.want).MatchString(out) {
			t.Errorf("invoking with bandwidth %d until %s: error %v, want a refusal with %q", refused.bandwidth, refused.end, err, refused.want)
		}
		acctest.Check(t, m.CheckNoMutationSinceCheckpoint())
	}
}

// TestAccCENTempUpgradeBandwidthPackageAction_trigger runs the action from a resource's
// lifecycle (action_trigger): the upgrade is ordered after the resource is created; a trigger
// whose upgrade the resource would refuse fails at plan, before anything is ordered.
func TestAccCENTempUpgradeBandwidthPackageAction_trigger(t *testing.T) {
	const id = "cenbwp-action0002"
	m := testAccNewMock(t, testAccPackage(id, 100))
	end := testAccEndIn(24 * time.Hour)
	guard := m.MutationGuard(t)

	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipBelow(acctest.Actions)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			{
				Config: testAccConfigTempUpgradeActionTriggered(m, id, 500, end, "event night"),
				PostApplyFunc: func() {
					acctest.Check(t, resource.ComposeAggregateTestCheckFunc(
						testAccCheckPackage(t, m, testAccStrict, id, 500, 100, end),
						m.CheckCallCount(testAccUpgradeCall, 1),
					))
				},
			},
			guard.Refused(resource.TestStep{
				Config: testAccConfigTempUpgradeActionTriggered(m, id, 300, end, "a smaller event"),
			}, `bandwidth cannot be lowered while the upgrade window is open`),
			{
				PreConfig: guard.Check,
				Config:    testAccConfigTempUpgradeActionTriggered(m, id, 500, end, "event night"),
				PlanOnly:  true,
			},
		},
	})
}
