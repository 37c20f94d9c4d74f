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

// TestAccProvider_officialProviderBlock: the official alicloud provider's block for a local
// endpoint (hosts without a scheme, protocol = "HTTP", account_type) works unchanged but for its
// name; its arguments this provider has no use for fail terraform plan, saying what to write
// instead, before anything is sent.
func TestAccProvider_officialProviderBlock(t *testing.T) {
	m := acctest.NewMock(t, mockcloud.Options{})
	g := m.MutationGuard(t)
	host := strings.TrimPrefix(m.URL, "http://")
	block := func(extra string) string {
		return fmt.Sprintf(`
provider %q {
  region                 = "cn-hangzhou"
  access_key             = %q
  secret_key             = %q
  protocol               = "HTTP"
  account_type           = "Domestic"
  skip_region_validation = false
  configuration_source   = "terraform-provider-alibabacloud acceptance test"
%s
  endpoints {
    cbn = %q
    ga  = %q
  }
}

resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth      = 10
  type           = "Basic"
  bandwidth_type = "Basic"
  payment_type   = "PayAsYouGo"
  billing_type   = "PayByTraffic"
}
`, acctest.ProviderName, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, extra, host, host)
	}
	refused := func(extra, pattern string) resource.TestStep {
		return g.Refused(resource.TestStep{Config: block(extra), PlanOnly: true}, pattern)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			refused(`  client_read_timeout = 60000`, `client_read_timeout is not supported by this provider.*write request_timeout = "60s"`),
			refused(`  source_ip = "192.0.2.1"`, `source_ip is not supported by this provider.*Remove it`),
			refused("  assume_role_with_oidc {\n    oidc_provider_arn = \"acs:ram::1:oidc-provider/x\"\n    role_arn = \"acs:ram::1:role/x\"\n  }",
				`assume_role_with_oidc is not supported.*ALIBABA_CLOUD_OIDC_PROVIDER_ARN`),
			refused("  sign_version {\n    oss = \"v4\"\n  }", `sign_version is not supported.*OSS and SLS`),
			{
				// Over HTTP to the hosts written without a scheme: bought, and the next plan empty.
				PreConfig: g.Check,
				Config:    block(""),
				Check:     m.CheckCallCount("CreateBandwidthPackage", 1),
			},
		},
	})
}
