package provider_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/mockcloud"
)

// TestAccProvider_endpointsRefusedAtPlan: a malformed or empty endpoint fails terraform plan on
// endpoints.<product>, naming the fix (was: an empty one, easily from an empty variable, meant
// the production endpoint, so an apply meant for a mock bought in the real cloud; a port out of
// range or an address with a final dot failed only at apply, as a dial error on a resource).
func TestAccProvider_endpointsRefusedAtPlan(t *testing.T) {
	m := acctest.NewMock(t, mockcloud.Options{})
	g := m.MutationGuard(t)
	config := func(gaEndpoint string) string {
		return fmt.Sprintf(`
variable "ga_endpoint" {
  default = %q
}

provider %q {
  region     = "cn-hangzhou"
  access_key = %q
  secret_key = %q

  endpoints {
    cbn = %q
    ga  = var.ga_endpoint
  }
}

resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth      = 10
  type           = "Basic"
  bandwidth_type = "Basic"
  payment_type   = "PayAsYouGo"
  billing_type   = "PayByTraffic"
}
`, gaEndpoint, acctest.ProviderName, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, m.URL)
	}
	refused := func(gaEndpoint, pattern string) resource.TestStep {
		return g.Refused(resource.TestStep{Config: config(gaEndpoint), PlanOnly: true}, pattern)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			refused("", `Empty endpoint.*endpoints.ga is empty.*does not mean the default`),
			refused("http://127.0.0.1:99999", `Malformed endpoint.*port 99999 is not a port number \(1 to 65535\)`),
			refused("http://127.0.0.1:0", `Malformed endpoint.*port 0 is not a port number`),
			refused("http://127.0.0.1.:1", `Malformed endpoint.*"127.0.0.1." is neither an IP address nor a host name`),
			// Not an endpoint, but a number of the provider block: ours, not the framework's
			// "This is always an error in the provider".
			g.Refused(resource.TestStep{Config: strings.Replace(config(m.URL), `region     = "cn-hangzhou"`,
				"region     = \"cn-hangzhou\"\n  max_retries = 1.5", 1), PlanOnly: true}, `max_retries = 1.5 is not a whole number`),
			{
				// The mock's own address plans the purchase.
				PreConfig:          g.Check,
				Config:             config(m.URL),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
		},
	})
}
