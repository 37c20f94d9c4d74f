package ga_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"terraform-provider-alibabacloud/internal/acctest"
	mockga "terraform-provider-alibabacloud/internal/mockcloud/ga"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

const testAccPackageAddress = "alibabacloud_ga_bandwidth_package.test"

// rfc3339UTC matches the form create_time and expired_time hold.
var rfc3339UTC = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)

// purchaseOptions are the write-only attributes import cannot read back.
var purchaseOptions = []string{"auto_pay", "auto_use_coupon", "duration", "pricing_cycle"}

func testAccConfigBandwidthPackage_payAsYouGo(bandwidth int, bandwidthType, name, description string) string {
	return fmt.Sprintf(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth              = %d
  type                   = "Basic"
  bandwidth_type         = %q
  payment_type           = "PayAsYouGo"
  billing_type           = "PayByTraffic"
  bandwidth_package_name = %q
  description            = %q
}
`, bandwidth, bandwidthType, name, description)
}

func testAccConfigBandwidthPackage_subscription(bandwidth int, autoPay bool) string {
	return fmt.Sprintf(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth              = %d
  type                   = "Basic"
  bandwidth_type         = "Basic"
  duration               = 2
  pricing_cycle          = "Month"
  auto_pay               = %t
  auto_use_coupon        = false
  bandwidth_package_name = "tf-subscription"
}
`, bandwidth, autoPay)
}

func stateValue(attribute string, value knownvalue.Check) statecheck.StateCheck {
	return statecheck.ExpectKnownValue(testAccPackageAddress, tfjsonpath.New(attribute), value)
}

func TestAccGABandwidthPackage_payAsYouGo(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(m),
		Steps: []resource.TestStep{
			{
				Config: m.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", "tf-payg", "first")),
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("id", knownvalue.StringRegexp(regexp.MustCompile(`^gbwp-`))),
					stateValue("status", knownvalue.StringExact("active")),
					stateValue("bandwidth", knownvalue.Int64Exact(10)),
					stateValue("payment_type", knownvalue.StringExact("PayAsYouGo")),
					stateValue("billing_type", knownvalue.StringExact("PayByTraffic")),
					stateValue("bandwidth_package_name", knownvalue.StringExact("tf-payg")),
					stateValue("description", knownvalue.StringExact("first")),
					stateValue("accelerators", knownvalue.SetExact([]knownvalue.Check{})),
					stateValue("ratio", knownvalue.Null()),
					stateValue("create_time", knownvalue.StringRegexp(rfc3339UTC)),
					stateValue("expired_time", knownvalue.StringExact("")),
				},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckBandwidthPackageExistsInMock(m, 10),
					testAccCheckCallCount(m, "CreateBandwidthPackage", 1),
					func(*terraform.State) error { return checkEveryGACallInGlobalRegion(m) },
				),
			},
			{
				ResourceName:      testAccPackageAddress,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				// A pay-as-you-go plan has no purchase option: an import block plans no change.
				Config:          m.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", "tf-payg", "first")),
				ResourceName:    testAccPackageAddress,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
			},
			{
				PreConfig: m.Checkpoint,
				Config:    m.Config(testAccConfigBandwidthPackage_payAsYouGo(20, "Basic", "tf-payg", "first")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccPackageAddress, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{stateValue("bandwidth", knownvalue.Int64Exact(20))},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckBandwidthPackageExistsInMock(m, 20),
					checkLastUpdateSent(m, map[string]string{"Bandwidth": "20"}, "Name", "Description", "BandwidthType"),
				),
			},
			{
				// Right after a bandwidth change, within the API's cool-down: refusals
				// (StateError.BandwidthPackage) are retried until it passes.
				PreConfig: m.Checkpoint,
				Config:    m.Config(testAccConfigBandwidthPackage_payAsYouGo(20, "Basic", "tf-payg-renamed", "second")),
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("bandwidth_package_name", knownvalue.StringExact("tf-payg-renamed")),
					stateValue("description", knownvalue.StringExact("second")),
				},
				Check: resource.ComposeTestCheckFunc(
					checkLastUpdateSent(m, map[string]string{"Name": "tf-payg-renamed", "Description": "second"}, "Bandwidth", "BandwidthType"),
					func(*terraform.State) error {
						// Name and description are synchronous: no wait on anything.
						for _, c := range m.CallsSinceCheckpoint() {
							if c.Action == "DescribeAccelerator" {
								return fmt.Errorf("a name change polled DescribeAccelerator")
							}
						}
						return nil
					},
				),
			},
			{
				Config:            m.Config(testAccConfigBandwidthPackage_payAsYouGo(20, "Basic", "tf-payg-renamed", "")),
				ConfigStateChecks: []statecheck.StateCheck{stateValue("description", knownvalue.StringExact(""))},
				Check: func(*terraform.State) error {
					if d := packagesInMock(m)[0].Description; d != "" {
						return fmt.Errorf("description %q left in the cloud", d)
					}
					return nil
				},
			},
		},
	})
}

func TestAccGABandwidthPackage_subscription(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		// A subscription cannot be deleted before it expires: destroy leaves it billed.
		CheckDestroy: resource.ComposeTestCheckFunc(
			func(*terraform.State) error {
				if bps := packagesInMock(m); len(bps) != 1 || bps[0].ChargeType != "PREPAY" {
					return fmt.Errorf("want the subscription left in the cloud after destroy, got %+v", bps)
				}
				return nil
			},
			testAccCheckCallCount(m, "DeleteBandwidthPackage", 0),
		),
		Steps: []resource.TestStep{
			{
				Config: m.Config(testAccConfigBandwidthPackage_subscription(10, true)),
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("status", knownvalue.StringExact("active")),
					stateValue("payment_type", knownvalue.StringExact("Subscription")),
					stateValue("expired_time", knownvalue.StringRegexp(rfc3339UTC)),
					stateValue("create_time", knownvalue.StringRegexp(rfc3339UTC)),
					stateValue("billing_type", knownvalue.Null()),
					stateValue("bandwidth_package_name", knownvalue.StringExact("tf-subscription")),
				},
			},
			{
				ResourceName:            testAccPackageAddress,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: purchaseOptions,
			},
			{
				// An import block: the imported plan matches the configuration except for
				// the purchase options, which the API does not report.
				Config:             m.Config(testAccConfigBandwidthPackage_subscription(10, true)),
				ResourceName:       testAccPackageAddress,
				ImportState:        true,
				ImportStateKind:    resource.ImportBlockWithID,
				ExpectNonEmptyPlan: true,
				ImportPlanChecks: resource.ImportPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccPackageAddress, plancheck.ResourceActionUpdate),
					plancheck.ExpectKnownValue(testAccPackageAddress, tfjsonpath.New("bandwidth"), knownvalue.Int64Exact(10)),
				}},
			},
			{
				Config: m.Config(testAccConfigBandwidthPackage_subscription(50, true)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccPackageAddress, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{stateValue("bandwidth", knownvalue.Int64Exact(50))},
				Check:             testAccCheckBandwidthPackageExistsInMock(m, 50),
			},
		},
	})
}

func TestAccGABandwidthPackage_subscriptionAwaitingPayment(t *testing.T) {
	m := newTestAccMock(t)
	g := &mutationGuard{t: t, m: m}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			// Paid and in force: left in the cloud, billed until it expires.
			if bps := packagesInMock(m); len(bps) != 1 {
				return fmt.Errorf("want the paid subscription left in the cloud, got %d plans", len(bps))
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				// The unpaid order is saved in the state (nothing orphaned), not failed (a
				// tainted plan would be bought again). Its name needs the plan active, so a
				// change stays to apply.
				Config: m.Config(testAccConfigBandwidthPackage_subscription(10, false)),
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("status", knownvalue.StringExact("init")),
					stateValue("id", knownvalue.StringRegexp(regexp.MustCompile(`^gbwp-`))),
				},
				ExpectNonEmptyPlan: true,
			},
			// Unpaid, it cannot change: refused at once rather than retried for the whole timeout.
			g.refused(testAccConfigBandwidthPackage_subscription(20, false), `(?s)whose order is\s+not\s+paid\s+yet`),
			testAccStepSubscriptionNamedOnceActive(m, testAccConfigBandwidthPackage_subscription(10, false), func() {
				g.check()
				bps := packagesInMock(m)
				if len(bps) != 1 {
					t.Fatalf("want one plan in the mock, got %d", len(bps))
				}
				if _, err := m.GA.PayOrder(bps[0].BandwidthPackageId); err != nil {
					t.Fatalf("paying the order: %v", err)
				}
				m.Advance(testAccDelay)
			}),
		},
	})
}

// testAccStepSubscriptionNamedOnceActive is the step after a Subscription saved while not active
// yet (preConfig makes it active): the apply updates it in place to set its name, and the plan
// was bought only once.
func testAccStepSubscriptionNamedOnceActive(m *acctest.Mock, config string, preConfig func()) resource.TestStep {
	return resource.TestStep{
		PreConfig: preConfig,
		Config:    m.Config(config),
		ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(testAccPackageAddress, plancheck.ResourceActionUpdate),
		}},
		ConfigStateChecks: []statecheck.StateCheck{
			stateValue("status", knownvalue.StringExact("active")),
			stateValue("bandwidth_package_name", knownvalue.StringExact("tf-subscription")),
		},
		Check: testAccCheckCallCount(m, "CreateBandwidthPackage", 1),
	}
}

func TestAccGABandwidthPackage_subscriptionSlowToActivate(t *testing.T) {
	m := newTestAccMock(t)
	config := strings.Replace(testAccConfigBandwidthPackage_subscription(10, true),
		"\n}\n", "\n  timeouts {\n    create = \"1s\"\n  }\n}\n", 1)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if bps := packagesInMock(m); len(bps) != 1 {
				return fmt.Errorf("want the one subscription left in the cloud, got %d plans", len(bps))
			}
			return nil
		},
		Steps: []resource.TestStep{
			{
				// Paid, but slower to activate than the create timeout: saved (not tainted,
				// which would buy a second one), with its name still to set.
				PreConfig:          func() { m.GA.SetDelay(time.Minute) },
				Config:             m.Config(config),
				ConfigStateChecks:  []statecheck.StateCheck{stateValue("status", knownvalue.StringExact("init"))},
				ExpectNonEmptyPlan: true,
			},
			testAccStepSubscriptionNamedOnceActive(m, config, func() { m.Advance(time.Minute) }),
		},
	})
}

func TestAccGABandwidthPackage_unpaidOrderCanceledOnDestroy(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: func(*terraform.State) error {
			if bps := packagesInMock(m); len(bps) != 0 {
				return fmt.Errorf("want the unpaid order canceled, got %+v", bps)
			}
			return nil
		},
		Steps: []resource.TestStep{{
			Config: m.Config(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth      = 10
  type           = "Basic"
  bandwidth_type = "Basic"
  duration       = 1
}
`),
			ConfigStateChecks: []statecheck.StateCheck{stateValue("status", knownvalue.StringExact("init"))},
		}},
	})
}

func TestAccGABandwidthPackage_basicToEnhanced(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(m),
		Steps: []resource.TestStep{
			{Config: m.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", "tf-type", "d"))},
			{
				Config: m.Config(testAccConfigBandwidthPackage_payAsYouGo(40, "Enhanced", "tf-type", "d")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccPackageAddress, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("bandwidth_type", knownvalue.StringExact("Enhanced")),
					stateValue("bandwidth", knownvalue.Int64Exact(40)),
				},
				// Changed in place: bought once.
				Check: testAccCheckCallCount(m, "CreateBandwidthPackage", 1),
			},
		},
	})
}

func TestAccGABandwidthPackage_refusedChanges(t *testing.T) {
	m := newTestAccMock(t)
	g := &mutationGuard{t: t, m: m}
	enhanced := testAccConfigBandwidthPackage_payAsYouGo(100, "Enhanced", "tf-refused", "d")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(m),
		Steps: []resource.TestStep{
			{Config: m.Config(testAccConfigBandwidthPackage_payAsYouGo(100, "Basic", "tf-refused", "d"))},
			// Plan-time rules on a change.
			g.refused(testAccConfigBandwidthPackage_payAsYouGo(50, "Enhanced", "tf-refused", "d"),
				`(?s)all upgrades or all downgrades.*two steps`),
			g.refused(testAccConfigBandwidthPackage_payAsYouGo(100, "Advanced", "tf-refused", "d"),
				`(?s)bandwidth_type can only change from "Basic" to\s+"Enhanced"`),
			// Ranges and formats.
			g.refused(testAccConfigBandwidthPackage_payAsYouGo(1, "Basic", "tf-refused", "d"), `(?s)bandwidth.*between 2 and 2000`),
			g.refused(testAccConfigBandwidthPackage_payAsYouGo(2001, "Basic", "tf-refused", "d"), `(?s)bandwidth.*between 2 and 2000`),
			g.refused(testAccConfigBandwidthPackage_payAsYouGo(100, "Basic", "1-starts-with-digit", "d"), `(?s)bandwidth_package_name.*starting\s+with\s+a\s+letter`),
			g.refused(testAccConfigBandwidthPackage_payAsYouGo(100, "Basic", "x", "d"), `(?s)bandwidth_package_name.*length`),
			g.refused(testAccConfigBandwidthPackage_payAsYouGo(100, "Basic", "tf-refused", fmt.Sprintf("%0257d", 0)), `(?s)description.*length`),
			// Cross-attribute rules (terraform validate).
			g.refused(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth    = 100
  type         = "Basic"
  bandwidth_type = "Basic"
  payment_type = "PayAsYouGo"
  billing_type = "PayByTraffic"
  ratio        = 40
}
`, `(?s)ratio may only be set when billing_type is "PayBY95"`),
			g.refused(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth    = 100
  type         = "Basic"
  bandwidth_type = "Basic"
  payment_type = "PayAsYouGo"
  billing_type = "PayBY95"
}
`, `(?s)ratio is required when billing_type is "PayBY95"`),
			g.refused(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth                 = 100
  type                      = "Basic"
  bandwidth_type            = "Basic"
  payment_type              = "PayAsYouGo"
  cbn_geographic_region_ida = "China-mainland"
}
`, `(?s)cbn_geographic_region_ida may only be set when type is\s+"CrossDomain"`),
			g.refused(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth      = 100
  type           = "Basic"
  bandwidth_type = "Basic"
  payment_type   = "PayAsYouGo"
  duration       = 1
}
`, `(?s)duration may only be set when payment_type is\s+"Subscription"`),
			g.refused(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth      = 100
  type           = "Basic"
  bandwidth_type = "Basic"
}
`, `(?s)duration is required when payment_type is "Subscription"`),
			g.refused(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth      = 100
  type           = "Basic"
  bandwidth_type = "Basic"
  duration       = 4
  pricing_cycle  = "Year"
}
`, `(?s)duration must be 1 to 3 when pricing_cycle is "Year"`),
			g.refused(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth    = 100
  type         = "Basic"
  payment_type = "PayAsYouGo"
}
`, `(?s)bandwidth_type is required when type is "Basic"`),
			// Enhanced can never go back to Basic.
			{PreConfig: g.check, Config: m.Config(enhanced)},
			g.refused(testAccConfigBandwidthPackage_payAsYouGo(100, "Basic", "tf-refused", "d"),
				`(?s)refuses a change from "Enhanced" to\s+"Basic"`),
			// type and payment_type replace the plan (planned only, never applied here).
			replacedBy(g, strings.Replace(enhanced, `payment_type           = "PayAsYouGo"
  billing_type           = "PayByTraffic"`, `duration               = 1`, 1)),
			replacedBy(g, `
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth              = 100
  type                   = "CrossDomain"
  payment_type           = "PayAsYouGo"
  bandwidth_package_name = "tf-refused"
  description            = "d"
}
`),
			{PreConfig: g.check, Config: m.Config(enhanced), PlanOnly: true},
		},
	})
}

// replacedBy returns a plan-only step checking that config replaces the bandwidth plan.
func replacedBy(g *mutationGuard, config string) resource.TestStep {
	return resource.TestStep{
		PreConfig:          g.check,
		Config:             g.m.Config(config),
		PlanOnly:           true,
		ExpectNonEmptyPlan: true,
		ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPostRefresh: []plancheck.PlanCheck{
			plancheck.ExpectResourceAction(testAccPackageAddress, plancheck.ResourceActionDestroyBeforeCreate),
		}},
	}
}

func TestAccGABandwidthPackage_boundUpdateWaitsForAccelerator(t *testing.T) {
	m := newTestAccMock(t)
	// The provider is in Frankfurt: Global Accelerator calls still go to cn-hangzhou.
	config := func(bandwidth int) string {
		return configInRegion(t, m, "eu-central-1", testAccConfigBandwidthPackage_payAsYouGo(bandwidth, "Basic", "tf-bound", "d")+`
resource "alibabacloud_ga_bandwidth_package_attachment" "test" {
  bandwidth_package_id = alibabacloud_ga_bandwidth_package.test.id
  accelerator_id       = "`+testAccAcceleratorID+`"
}
`)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: resource.ComposeTestCheckFunc(
			testAccCheckBandwidthPackageDestroy(m),
			func(*terraform.State) error { return checkEveryGACallInGlobalRegion(m) },
		),
		Steps: []resource.TestStep{
			{Config: config(10)},
			{
				PreConfig: m.Checkpoint,
				Config:    config(30),
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("bandwidth", knownvalue.Int64Exact(30)),
					stateValue("status", knownvalue.StringExact("binded")),
					stateValue("accelerators", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(testAccAcceleratorID)})),
				},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckBandwidthPackageExistsInMock(m, 30),
					func(*terraform.State) error { return checkWaitedForAccelerator(m) },
				),
			},
		},
	})
}

// checkWaitedForAccelerator asserts from the call log that, after the UpdateBandwidthPackage
// of the step since the checkpoint, DescribeAccelerator was polled while the
// accelerator was configuring and that the last one before the apply returned came once the
// update was due to be over (the accelerator active). The mock completes an update testAccDelay
// of virtual time after it starts, the call log carries virtual times, and no one advances the
// clock in this test.
func checkWaitedForAccelerator(m *acctest.Mock) error {
	calls := m.CallsSinceCheckpoint()
	update, ok := lastCall(calls, "UpdateBandwidthPackage")
	if !ok || update.Code != "" {
		return fmt.Errorf("no successful UpdateBandwidthPackage in the step (%+v)", update)
	}
	due := update.Time.Add(testAccDelay)
	var early, late int
	var last rpc.CallRecord
	for _, c := range calls {
		if c.Action != "DescribeAccelerator" || c.Time.Before(update.Time) {
			continue
		}
		if c.Time.Before(due) {
			early++
		} else {
			late++
		}
		last = c
	}
	if early == 0 || late == 0 {
		return fmt.Errorf("DescribeAccelerator polled %d times while configuring and %d times after, want both", early, late)
	}
	if last.Time.Before(due) || last.Code != "" {
		return fmt.Errorf("the last DescribeAccelerator (%s, code %q) came before the accelerator was active again (%s)", last.Time, last.Code, due)
	}
	if acc := m.State().Accelerators[0]; acc.State != mockga.AcceleratorActive {
		return fmt.Errorf("accelerator is %s after the apply", acc.State)
	}
	return nil
}

func TestAccGABandwidthPackage_transitionalErrorsRetried(t *testing.T) {
	m := newTestAccMock(t)
	faults := func(count int) rpc.Faults {
		var scripted []rpc.ScriptedFault
		for _, code := range []string{"StateError.BandwidthPackage", "StateError.Accelerator", "GreaterThanGa.IpSetBandwidth", "BandwidthIllegal.BandwidthPackage"} {
			scripted = append(scripted, rpc.ScriptedFault{Action: "UpdateBandwidthPackage", Count: count, Status: 400, Code: code, Message: "scripted " + code})
		}
		return rpc.Faults{Scripted: scripted}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(m),
		Steps: []resource.TestStep{
			{Config: m.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", "tf-retry", "d"))},
			{
				PreConfig: func() {
					m.Checkpoint()
					if err := m.SetFaults(faults(1)); err != nil {
						t.Fatal(err)
					}
				},
				Config:            m.Config(testAccConfigBandwidthPackage_payAsYouGo(20, "Basic", "tf-retry", "d")),
				ConfigStateChecks: []statecheck.StateCheck{stateValue("bandwidth", knownvalue.Int64Exact(20))},
				Check: func(*terraform.State) error {
					codes := collect(m.CallsSinceCheckpoint(), "UpdateBandwidthPackage", code)
					want := []string{"StateError.BandwidthPackage", "StateError.Accelerator", "GreaterThanGa.IpSetBandwidth", "BandwidthIllegal.BandwidthPackage", ""}
					if fmt.Sprint(codes) != fmt.Sprint(want) {
						return fmt.Errorf("UpdateBandwidthPackage answers %q, want %q", codes, want)
					}
					return nil
				},
			},
			{
				// The API's cool-down after a bandwidth change, longer than the update
				// timeout: retried until the timeout runs out, then the error explains it.
				PreConfig: func() {
					m.Checkpoint()
					m.GA.SetCooldown(time.Hour)
				},
				Config: m.Config(strings.Replace(testAccConfigBandwidthPackage_payAsYouGo(30, "Basic", "tf-retry", "d"),
					"\n}\n", "\n  timeouts {\n    update = \"3s\"\n  }\n}\n", 1)),
				ExpectError: regexp.MustCompile(`(?s)UpdateBandwidthPackage was still refused after \d+ attempts.*cool-down\s+period`),
			},
			{
				PreConfig: func() {
					refused := 0
					for _, c := range collect(m.CallsSinceCheckpoint(), "UpdateBandwidthPackage", code) {
						if c == "StateError.BandwidthPackage" {
							refused++
						}
					}
					if refused < 2 {
						t.Errorf("the cool-down refusal was tried %d times, want it retried", refused)
					}
					m.GA.SetCooldown(-1)
				},
				Config:            m.Config(testAccConfigBandwidthPackage_payAsYouGo(30, "Basic", "tf-retry", "d")),
				ConfigStateChecks: []statecheck.StateCheck{stateValue("bandwidth", knownvalue.Int64Exact(30))},
				Check:             testAccCheckBandwidthPackageExistsInMock(m, 30),
			},
		},
	})
}

func TestAccGABandwidthPackage_disappears(t *testing.T) {
	m := newTestAccMock(t)
	config := m.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", "tf-gone", "d"))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(m),
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: func() {
					s := m.State()
					s.BandwidthPackages = nil
					if err := m.ReplaceState(s); err != nil {
						t.Fatal(err)
					}
				},
				Config: config,
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccPackageAddress, plancheck.ResourceActionCreate),
				}},
				Check: func(*terraform.State) error {
					if n := len(packagesInMock(m)); n != 1 {
						return fmt.Errorf("want the plan created again, the mock holds %d", n)
					}
					return nil
				},
			},
		},
	})
}

func TestAccGABandwidthPackage_createRetriedAfterDroppedResponse(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(m),
		Steps: []resource.TestStep{{
			PreConfig: func() {
				if err := m.SetFaults(rpc.Faults{Scripted: []rpc.ScriptedFault{
					{Action: "CreateBandwidthPackage", Count: 1, DropResponse: true},
				}}); err != nil {
					t.Fatal(err)
				}
			},
			Config: m.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", "tf-dropped", "d")),
			Check: func(*terraform.State) error {
				tokens := collect(m.Calls(), "CreateBandwidthPackage", clientToken)
				if len(tokens) < 2 || tokens[0] == "" || tokens[0] != tokens[len(tokens)-1] {
					return fmt.Errorf("want the create retried with the same ClientToken, got %q", tokens)
				}
				if n := len(packagesInMock(m)); n != 1 {
					return fmt.Errorf("a retried create bought %d plans", n)
				}
				return nil
			},
		}},
	})
}

// configInRegion is m.Config(body) with the provider in region instead of cn-hangzhou.
func configInRegion(t *testing.T, m *acctest.Mock, region, body string) string {
	t.Helper()
	const hangzhou = `region     = "cn-hangzhou"`
	config := m.Config(body)
	if !strings.Contains(config, hangzhou) {
		t.Fatalf("the mock's provider block sets no region to replace:\n%s", config)
	}
	return strings.Replace(config, hangzhou, fmt.Sprintf("region     = %q", region), 1)
}

// checkEveryGACallInGlobalRegion asserts that every Ga call sent RegionId=cn-hangzhou.
func checkEveryGACallInGlobalRegion(m *acctest.Mock) error {
	for _, c := range m.Calls() {
		if c.Version == "2019-11-20" && c.Params["RegionId"] != "cn-hangzhou" {
			return fmt.Errorf("%s sent RegionId %q", c.Action, c.Params["RegionId"])
		}
	}
	return nil
}

// checkLastUpdateSent asserts that the last UpdateBandwidthPackage since the checkpoint sent want and
// none of absent: only what changed is sent.
func checkLastUpdateSent(m *acctest.Mock, want map[string]string, absent ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		c, ok := lastCall(m.CallsSinceCheckpoint(), "UpdateBandwidthPackage")
		if !ok {
			return fmt.Errorf("no UpdateBandwidthPackage call")
		}
		for k, v := range want {
			if c.Params[k] != v {
				return fmt.Errorf("UpdateBandwidthPackage sent %s=%q, want %q", k, c.Params[k], v)
			}
		}
		for _, k := range absent {
			if v, ok := c.Params[k]; ok {
				return fmt.Errorf("UpdateBandwidthPackage sent %s=%q, which did not change", k, v)
			}
		}
		return nil
	}
}
