package ga_test

import (
	"fmt"
	"maps"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/acctest/officialstandin"
	"terraform-provider-alibabacloud/internal/mockcloud"
)

// Moving from the official alicloud provider: its state, written by a stand-in served under its
// address, moved with moved blocks, plans empty and changes nothing in the cloud.

// withOfficialProvider is our provider factories and the official provider's stand-in.
func withOfficialProvider() map[string]func() (tfprotov6.ProviderServer, error) {
	factories := maps.Clone(acctest.ProtoV6ProviderFactories)
	factories[officialstandin.TypeName] = officialstandin.ProtoV6ProviderServer
	return factories
}

// testAccOfficialProviderBlock is the official provider's block for mock m, as README shows it:
// endpoints without a scheme, protocol HTTP.
func testAccOfficialProviderBlock(m *acctest.Mock) string {
	return fmt.Sprintf(`
provider "alicloud" {
  region       = "cn-hangzhou"
  access_key   = %q
  secret_key   = %q
  protocol     = "HTTP"
  account_type = "Domestic"

  endpoints {
    ga = %q
  }
}
`, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, strings.TrimPrefix(m.URL, "http://"))
}

// testAccOfficialConfig is a configuration written for the official provider: a pay-as-you-go
// plan bound to the seeded accelerator, and a Subscription, with the arguments whose values the
// API cannot report (auto_pay, auto_use_coupon, duration written as a string).
const testAccOfficialConfig = `
resource "alicloud_ga_bandwidth_package" "web" {
  bandwidth              = 20
  type                   = "Basic"
  bandwidth_type         = "Basic"
  payment_type           = "PayAsYouGo"
  billing_type           = "PayByTraffic"
  bandwidth_package_name = "web"
  description            = "bought with the official provider"

  tags = {
    env = "prod"
  }
}

resource "alicloud_ga_bandwidth_package" "api" {
  bandwidth           = 10
  type                = "Basic"
  bandwidth_type      = "Enhanced"
  duration            = "3"
  auto_pay            = true
  auto_use_coupon     = true
  renewal_status      = "AutoRenewal"
  auto_renew_duration = 2
  resource_group_id   = "rg-acfmmigrated"
}

resource "alicloud_ga_bandwidth_package_attachment" "web" {
  accelerator_id       = "` + testAccAcceleratorID + `"
  bandwidth_package_id = alicloud_ga_bandwidth_package.web.id
}
`

// testAccMovedConfig is testAccOfficialConfig with only the resource type names changed.
func testAccMovedConfig() string {
	return strings.ReplaceAll(testAccOfficialConfig, "alicloud_ga_", "alibabacloud_ga_")
}

// testAccMovedBlocks move the three resources of testAccOfficialConfig.
const testAccMovedBlocks = `
moved {
  from = alicloud_ga_bandwidth_package.web
  to   = alibabacloud_ga_bandwidth_package.web
}

moved {
  from = alicloud_ga_bandwidth_package.api
  to   = alibabacloud_ga_bandwidth_package.api
}

moved {
  from = alicloud_ga_bandwidth_package_attachment.web
  to   = alibabacloud_ga_bandwidth_package_attachment.web
}
`

// testAccRequiredProviders declares both providers under namespace, as a configuration does that
// names them by their registry sources.
func testAccRequiredProviders(namespace string) string {
	return fmt.Sprintf(`
terraform {
  required_providers {
    alicloud = {
      source = "%[1]s/alicloud"
    }
    alibabacloud = {
      source = "%[1]s/alibabacloud"
    }
  }
}
`, namespace)
}

// testAccMoveSteps are the steps of a move from the official provider registered under
// namespace (both providers are served under it in the test).
func testAccMoveSteps(m *acctest.Mock, namespace string) []resource.TestStep {
	official := testAccRequiredProviders(namespace) + testAccOfficialProviderBlock(m)
	moved := []string{"alibabacloud_ga_bandwidth_package.web", "alibabacloud_ga_bandwidth_package.api", "alibabacloud_ga_bandwidth_package_attachment.web"}
	var noOps []plancheck.PlanCheck
	for _, address := range moved {
		noOps = append(noOps, plancheck.ExpectResourceAction(address, plancheck.ResourceActionNoop))
	}
	value := func(address, attribute string, check knownvalue.Check) statecheck.StateCheck {
		return statecheck.ExpectKnownValue(address, tfjsonpath.New(attribute), check)
	}
	return []resource.TestStep{
		{
			// The official provider buys and binds.
			Config: official + testAccOfficialConfig,
			Check:  m.CheckCallCount("CreateBandwidthPackage", 2),
		},
		{
			// Only the type names changed, and moved blocks: nothing to change, nothing sent
			// that changes anything (the official provider stays configured until the move is
			// applied).
			PreConfig: m.Checkpoint,
			Config:    official + m.Config(testAccMovedConfig()+testAccMovedBlocks),
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: append([]plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}, noOps...),
			},
			ConfigStateChecks: []statecheck.StateCheck{
				value(moved[0], "bandwidth", knownvalue.Int64Exact(20)),
				value(moved[0], "tags", knownvalue.MapExact(map[string]knownvalue.Check{"env": knownvalue.StringExact("prod")})),
				value(moved[0], "accelerators", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(testAccAcceleratorID)})),
				// What the API cannot report, carried over from the official state.
				value(moved[1], "duration", knownvalue.Int64Exact(3)),
				value(moved[1], "auto_pay", knownvalue.Bool(true)),
				value(moved[1], "auto_use_coupon", knownvalue.Bool(true)),
				value(moved[1], "renewal_status", knownvalue.StringExact("AutoRenewal")),
				value(moved[1], "auto_renew_duration", knownvalue.Int64Exact(2)),
				value(moved[1], "resource_group_id", knownvalue.StringExact("rg-acfmmigrated")),
				// The binding's id in this provider's form.
				value(moved[2], "id", knownvalue.StringRegexp(regexp.MustCompile(`^gbwp-[a-z0-9]+:`+testAccAcceleratorID+`$`))),
			},
			Check: resource.ComposeTestCheckFunc(
				m.CheckNoMutationSinceCheckpoint(),
				m.CheckCallCount("CreateBandwidthPackage", 2),
			),
		},
		{
			// The moved blocks and the official provider removed: still nothing to do.
			PreConfig:        m.Checkpoint,
			Config:           testAccRequiredProviders(namespace) + m.Config(testAccMovedConfig()),
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			Check:            m.CheckNoMutationSinceCheckpoint(),
		},
	}
}

func TestAccGABandwidthPackage_movedFromOfficialHashicorpAddress(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipBelow(acctest.CrossProviderMoves)},
		ProtoV6ProviderFactories: withOfficialProvider(),
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, m),
		// terraform-plugin-testing serves the providers as registry.terraform.io/hashicorp/<name>.
		Steps: testAccMoveSteps(m, "hashicorp"),
	})
}

// TestAccGABandwidthPackage_movedFromOfficialAliyunAddress serves both providers under the
// aliyun namespace (TF_ACC_PROVIDER_NAMESPACE), so that the state names
// registry.terraform.io/aliyun/alicloud, the official provider's address today. It sets the
// environment, so it does not run in parallel.
func TestAccGABandwidthPackage_movedFromOfficialAliyunAddress(t *testing.T) {
	t.Setenv(resource.EnvTfAccProviderNamespace, "aliyun")
	m := newTestAccMock(t)
	resource.Test(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipBelow(acctest.CrossProviderMoves)},
		ProtoV6ProviderFactories: withOfficialProvider(),
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, m),
		Steps:                    testAccMoveSteps(m, "aliyun"),
	})
}
