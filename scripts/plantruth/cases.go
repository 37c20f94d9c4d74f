package main

import (
	"fmt"
	"strings"
	"time"
)

// seedJSON is every case's mock: an account with every gate open; CEN packages at 100 and at
// 10000 Mbps; accelerators ga-bp1one (no plan), ga-bp1two (the Basic plan gbwp-bp1bound) and
// ga-bp1three; free pay-as-you-go plans (two Basic, one CrossDomain) and an unpaid Subscription.
const seedJSON = `{
  "Account": {"CenTempUpgradeEnabled": true, "CenReservationTimeExact": true, "CenAllowOrderDuringWindow": true,
              "GaPostpayEnabled": true, "GaPayBY95Enabled": true, "GaDowngradeQuota": 100, "GaUpdateCooldown": "1s"},
  "CenBandwidthPackages": [
    {"CenBandwidthPackageId": "cenbwp-bp1hundred", "Bandwidth": 100, "BandwidthPackageChargeType": "PREPAY"},
    {"CenBandwidthPackageId": "cenbwp-bp1top", "Bandwidth": 10000, "BandwidthPackageChargeType": "PREPAY"}
  ],
  "Accelerators": [
    {"AcceleratorId": "ga-bp1one", "State": "active"},
    {"AcceleratorId": "ga-bp1two", "State": "active"},
    {"AcceleratorId": "ga-bp1three", "State": "active"}
  ],
  "BandwidthPackages": [
    {"BandwidthPackageId": "gbwp-bp1bound", "Type": "Basic", "Bandwidth": 10, "ChargeType": "POSTPAY", "State": "binded", "Accelerators": ["ga-bp1two"]},
    {"BandwidthPackageId": "gbwp-bp1free", "Type": "Basic", "Bandwidth": 10, "ChargeType": "POSTPAY", "State": "active"},
    {"BandwidthPackageId": "gbwp-bp1free2", "Type": "Basic", "Bandwidth": 10, "ChargeType": "POSTPAY", "State": "active"},
    {"BandwidthPackageId": "gbwp-bp1cross", "Type": "CrossDomain", "Bandwidth": 10, "ChargeType": "POSTPAY", "State": "active"},
    {"BandwidthPackageId": "gbwp-bp1unpaid", "Type": "Basic", "Bandwidth": 10, "ChargeType": "PREPAY", "State": "init", "MockOrderUnpaid": true}
  ]
}`

// providerBlock configures the provider for the mock ({{URL}}).
const providerBlock = `
provider "alibabacloud" {
  access_key = "LTAI5tMockAccessKeyId"
  secret_key = "MockAccessKeySecret0123456789"
  endpoints {
    cbn = "{{URL}}"
    ga  = "{{URL}}"
  }
}
`

// attachment declares attachment name binding packageID to acceleratorID, with extra lines.
func attachment(name, packageID, acceleratorID string, extra ...string) string {
	return fmt.Sprintf("\nresource \"alibabacloud_ga_bandwidth_package_attachment\" %q {\n  bandwidth_package_id = %q\n  accelerator_id       = %q\n%s}\n",
		name, packageID, acceleratorID, lines(extra))
}

// plan declares a GA bandwidth plan named "p" with the attribute lines given.
func plan(attributes ...string) string {
	return "\nresource \"alibabacloud_ga_bandwidth_package\" \"p\" {\n" + lines(attributes) + "}\n"
}

// payg are the attribute lines of a pay-as-you-go Basic plan of 10 Mbps.
var payg = []string{`bandwidth = 10`, `type = "Basic"`, `bandwidth_type = "Basic"`, `payment_type = "PayAsYouGo"`, `billing_type = "PayByTraffic"`}

// subscription are those of a Subscription Basic plan of 10 Mbps, paid automatically or not.
func subscription(autoPay bool, more ...string) []string {
	return append([]string{`bandwidth = 10`, `type = "Basic"`, `bandwidth_type = "Basic"`, `duration = 1`, fmt.Sprintf("auto_pay = %t", autoPay)}, more...)
}

// with replaces the line of attribute in attributes (or adds it).
func with(attributes []string, line string) []string {
	name := strings.Fields(line)[0]
	out := []string{}
	for _, a := range attributes {
		if strings.Fields(a)[0] != name {
			out = append(out, a)
		}
	}
	return append(out, line)
}

// upgrade declares a CEN temporary upgrade named name of packageID.
func upgrade(name, packageID, bandwidth string, extra ...string) string {
	return fmt.Sprintf("\nresource \"alibabacloud_cen_bandwidth_temp_upgrade\" %q {\n  cen_bandwidth_package_id = %q\n  bandwidth = %s\n  end_time = %q\n%s}\n",
		name, packageID, bandwidth, endIn(24*time.Hour), lines(extra))
}

// ownProvider is a provider block with the GA endpoint given (and extra lines), before body.
func ownProvider(gaEndpoint string, extra string, body string) string {
	return fmt.Sprintf(`
provider "alibabacloud" {
  access_key = "LTAI5tMockAccessKeyId"
  secret_key = "MockAccessKeySecret0123456789"
  %s
  endpoints {
    cbn = "{{URL}}"
    ga  = %q
  }
}
`, extra, gaEndpoint) + body
}

func lines(ls []string) string {
	var b strings.Builder
	for _, l := range ls {
		b.WriteString("  " + l + "\n")
	}
	return b.String()
}

func timeouts(block string) string { return "timeouts {\n    " + block + "\n  }" }

// cases are the configurations, bad and valid, of the kinds issue 12 lists.
func cases() []testCase {
	bad := func(name, config string) testCase { return testCase{name: name, bad: true, config: config} }
	good := func(name, config string) testCase { return testCase{name: name, config: config} }
	return []testCase{
		// The attachment: id shapes, then what the API shows.
		bad("attachment: a CEN package id as accelerator", attachment("a", "gbwp-bp1free", "cenbwp-bp1hundred")),
		bad("attachment: accelerator id with a leading space", attachment("a", "gbwp-bp1free", " ga-bp1one")),
		bad("attachment: accelerator id in upper case", attachment("a", "gbwp-bp1free", "GA-BP1ONE")),
		bad("attachment: an accelerator id as plan", attachment("a", "ga-bp1one", "ga-bp1one")),
		bad("attachment: a 100 kB plan id", attachment("a", "gbwp-"+strings.Repeat("x", 100000), "ga-bp1one")),
		bad("attachment: plan not found", attachment("a", "gbwp-bp1nosuch", "ga-bp1one")),
		bad("attachment: accelerator not found", attachment("a", "gbwp-bp1free", "ga-bp1nosuch")),
		bad("attachment: plan bound to another accelerator", attachment("a", "gbwp-bp1bound", "ga-bp1one")),
		bad("attachment: a second Basic plan on an accelerator", attachment("a", "gbwp-bp1free", "ga-bp1two")),
		bad("attachment: CrossDomain without a Basic plan", attachment("a", "gbwp-bp1cross", "ga-bp1one")),
		bad("attachment: an unpaid Subscription", attachment("a", "gbwp-bp1unpaid", "ga-bp1one")),
		bad("attachment: a new unpaid Subscription (id known at apply)", plan(subscription(false)...)+attachment("a", "${alibabacloud_ga_bandwidth_package.p.id}", "ga-bp1one")),
		good("attachment: free plan, free accelerator", attachment("a", "gbwp-bp1free", "ga-bp1one")),
		good("attachment: CrossDomain after the Basic it depends on", attachment("a", "gbwp-bp1free", "ga-bp1one")+
			attachment("b", "gbwp-bp1cross", "ga-bp1one", "depends_on = [alibabacloud_ga_bandwidth_package_attachment.a]")),
		good("attachment: a new plan bound in the same apply", plan(payg...)+attachment("a", "${alibabacloud_ga_bandwidth_package.p.id}", "ga-bp1one")),

		// Updates of an unpaid Subscription.
		{name: "unpaid Subscription: more bandwidth", bad: true, setup: plan(subscription(false)...), config: plan(with(subscription(false), "bandwidth = 20")...)},
		{name: "unpaid Subscription: Basic to Enhanced", bad: true, setup: plan(subscription(false)...), config: plan(with(subscription(false), `bandwidth_type = "Enhanced"`)...)},
		{name: "unpaid Subscription: a new name", bad: true, setup: plan(subscription(false)...), config: plan(with(subscription(false), `bandwidth_package_name = "renamed"`)...)},
		{name: "unpaid Subscription: unchanged", setup: plan(subscription(false)...), config: plan(subscription(false)...)},

		// Claims that collide within one configuration.
		bad("collision: two temporary upgrades of one CEN package", upgrade("a", "cenbwp-bp1hundred", "500")+upgrade("b", "cenbwp-bp1hundred", "600")),
		bad("collision: one GA plan attached to two accelerators", attachment("a", "gbwp-bp1free", "ga-bp1one")+attachment("b", "gbwp-bp1free", "ga-bp1three")),
		bad("collision: the same pair twice", attachment("a", "gbwp-bp1free", "ga-bp1one")+attachment("b", "gbwp-bp1free", "ga-bp1one")),
		bad("collision: two Basic plans on one accelerator", attachment("a", "gbwp-bp1free", "ga-bp1one")+attachment("b", "gbwp-bp1free2", "ga-bp1one")),

		// Timeouts.
		bad(`timeouts: GA plan create = "0s"`, plan(subscription(true, timeouts(`create = "0s"`))...)),
		bad(`timeouts: GA plan create = "-5m"`, plan(subscription(true, timeouts(`create = "-5m"`))...)),
		bad(`timeouts: GA plan update = "soon"`, plan(append(payg, timeouts(`update = "soon"`))...)),
		bad(`timeouts: attachment create = "0s"`, attachment("a", "gbwp-bp1free", "ga-bp1one", timeouts(`create = "0s"`))),
		bad(`timeouts: CEN upgrade create = "0s"`, upgrade("a", "cenbwp-bp1hundred", "500", timeouts(`create = "0s"`))),
		good(`timeouts: GA plan create = "90s"`, plan(append(payg, timeouts(`create = "90s"`))...)),

		// Endpoints.
		{name: "endpoints: port 99999", bad: true, ownProvider: true, config: ownProvider("http://127.0.0.1:99999", "", plan(payg...))},
		{name: "endpoints: port 0", bad: true, ownProvider: true, config: ownProvider("http://127.0.0.1:0", "", plan(payg...))},
		{name: "endpoints: 127.0.0.1. with a final dot", bad: true, ownProvider: true, config: ownProvider("http://127.0.0.1.:1", "", plan(payg...))},
		{name: `endpoints: ga = ""`, bad: true, ownProvider: true, config: ownProvider("", "", plan(payg...))},
		{name: "endpoints: ftp scheme", bad: true, ownProvider: true, config: ownProvider("ftp://127.0.0.1:1", "", plan(payg...))},
		{name: "endpoints: the mock's own URL", ownProvider: true, config: ownProvider("{{URL}}", "", plan(payg...))},

		// Lengths and numbers.
		good("description: 100 CJK characters", plan(append(payg, `description = "`+strings.Repeat("带", 100)+`"`)...)),
		good("description: 70 emoji", plan(append(payg, `description = "`+strings.Repeat("🚀", 70)+`"`)...)),
		good("description: 256 characters", plan(append(payg, `description = "`+strings.Repeat("d", 256)+`"`)...)),
		bad("description: 257 CJK characters", plan(append(payg, `description = "`+strings.Repeat("带", 257)+`"`)...)),
		bad("number: bandwidth = 150.5", plan(with(payg, "bandwidth = 150.5")...)),
		bad("number: duration = 1.5", plan(with(subscription(true), "duration = 1.5")...)),
		bad("number: ratio = 40.5", plan(with(with(payg, `billing_type = "PayBY95"`), "ratio = 40.5")...)),
		{name: "number: max_retries = 1.5", bad: true, ownProvider: true, config: ownProvider("{{URL}}", "max_retries = 1.5", plan(payg...))},
		bad("number: CEN bandwidth = 500.5", upgrade("a", "cenbwp-bp1hundred", "500.5")),
		bad("CEN: a package at 10000 Mbps", upgrade("a", "cenbwp-bp1top", "10000")),
		bad("ratio without billing_type", plan(with(payg, "ratio = 40")...)),
		bad("bandwidth 2001", plan(with(payg, "bandwidth = 2001")...)),
		bad("CEN: end_time in the past", strings.Replace(upgrade("a", "cenbwp-bp1hundred", "500"), endIn(24*time.Hour), endIn(-time.Hour), 1)),
		good("CEN: an upgrade", upgrade("a", "cenbwp-bp1hundred", "500")),
		{name: "GA: Basic to Advanced", bad: true, setup: plan(payg...), config: plan(with(payg, `bandwidth_type = "Advanced"`)...)},
		{name: "GA: an upgrade and a downgrade at once", bad: true, setup: plan(with(payg, "bandwidth = 20")...), config: plan(with(with(payg, "bandwidth = 10"), `bandwidth_type = "Enhanced"`)...)},
		{name: "GA: Basic to Enhanced", setup: plan(payg...), config: plan(with(payg, `bandwidth_type = "Enhanced"`)...)},
	}
}
