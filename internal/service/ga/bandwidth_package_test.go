package ga_test

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/mockcloud"
	mockga "terraform-provider-alibabacloud/internal/mockcloud/ga"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
	"terraform-provider-alibabacloud/internal/service/ga"
)

const testAccPackageAddress = "alibabacloud_ga_bandwidth_package.test"

// rfc3339UTC matches the form create_time and expired_time hold.
var rfc3339UTC = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)

// purchaseOptions are the write-only attributes import cannot read back.
var purchaseOptions = []string{"auto_pay", "auto_use_coupon", "duration", "pricing_cycle"}

// testAccDelay is how long the mock's asynchronous operations take in these tests.
const testAccDelay = 1500 * time.Millisecond

// testAccAcceleratorID is the accelerator every test's mock is seeded with.
const testAccAcceleratorID = "ga-bp1testaccelerator"

// testAccNewEnv is the cloud of a test that ct describes: the real one, or a mock seeded with
// the active accelerator testAccAcceleratorID. NewEnv makes the test parallel: use resource.Test.
func testAccNewEnv(t *testing.T, ct acctest.CloudTest) *acctest.Env {
	t.Helper()
	return acctest.NewEnv(t, ct, mockcloud.Options{Delay: testAccDelay, Seed: &mockcloud.State{
		Accelerators: []mockga.Accelerator{acctest.SeedAccelerator(testAccAcceleratorID)},
	}})
}

// newTestAccMock starts a mock cloud seeded with one active accelerator.
func newTestAccMock(t *testing.T) *acctest.Mock {
	t.Helper()
	return acctest.NewSeededMock(t, testAccDelay, mockcloud.State{
		Accelerators: []mockga.Accelerator{acctest.SeedAccelerator(testAccAcceleratorID)},
	})
}

// testAccCheckPlanOf runs check with API clients to the cloud of target and the ID of the plan
// of alibabacloud_ga_bandwidth_package.test.
func testAccCheckPlanOf(t *testing.T, target acctest.Target, check func(ctx context.Context, api *conns.Service, id string) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		id, err := acctest.PrimaryID(s, testAccPackageAddress)
		if err != nil {
			return err
		}
		return check(t.Context(), target.Client(t).GA, id)
	}
}

// testAccCheckBandwidthPackage reads the plan of alibabacloud_ga_bandwidth_package.test through
// the provider's finder and checks it with check.
func testAccCheckBandwidthPackage(t *testing.T, target acctest.Target, check func(*gasdk.DescribeBandwidthPackageResponse) error) resource.TestCheckFunc {
	return testAccCheckPlanOf(t, target, func(ctx context.Context, api *conns.Service, id string) error {
		bp, err := ga.FindBandwidthPackageByID(ctx, api, id)
		if err != nil {
			return err
		}
		return check(bp)
	})
}

// testAccCheckBandwidthPackageExists checks that the plan of alibabacloud_ga_bandwidth_package.test
// exists with the wanted bandwidth.
func testAccCheckBandwidthPackageExists(t *testing.T, target acctest.Target, bandwidth int) resource.TestCheckFunc {
	return testAccCheckBandwidthPackage(t, target, func(bp *gasdk.DescribeBandwidthPackageResponse) error {
		if bp.Bandwidth != bandwidth {
			return fmt.Errorf("plan %s has bandwidth %d in the cloud, want %d", bp.BandwidthPackageId, bp.Bandwidth, bandwidth)
		}
		return nil
	})
}

// testAccCheckBandwidthPackages checks, through the provider's finder, every bandwidth plan
// the state held before destroy: gone is gone (nil), found is judged by check.
func testAccCheckBandwidthPackages(t *testing.T, target acctest.Target, check func(bp *gasdk.DescribeBandwidthPackageResponse) error) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		for _, id := range acctest.PrimaryIDs(s, "alibabacloud_ga_bandwidth_package") {
			bp, err := ga.FindBandwidthPackageByID(t.Context(), target.Client(t).GA, id)
			switch {
			case conns.IsNotFound(err):
				continue
			case err != nil:
				return err
			}
			if err := check(bp); err != nil {
				return err
			}
		}
		return nil
	}
}

// testAccCheckBandwidthPackageDestroy checks that no pay-as-you-go plan of the state is left (a
// Subscription cannot be deleted before it expires).
func testAccCheckBandwidthPackageDestroy(t *testing.T, target acctest.Target) resource.TestCheckFunc {
	return testAccCheckBandwidthPackages(t, target, func(bp *gasdk.DescribeBandwidthPackageResponse) error {
		if bp.ChargeType == "POSTPAY" {
			return fmt.Errorf("bandwidth plan %s still exists (state %s)", bp.BandwidthPackageId, bp.State)
		}
		return nil
	})
}

// testAccCheckBandwidthPackageGone checks that no plan of the state is left at all.
func testAccCheckBandwidthPackageGone(t *testing.T, target acctest.Target) resource.TestCheckFunc {
	return testAccCheckBandwidthPackages(t, target, func(bp *gasdk.DescribeBandwidthPackageResponse) error {
		return fmt.Errorf("bandwidth plan %s still exists (state %s)", bp.BandwidthPackageId, bp.State)
	})
}

// testAccCheckSubscriptionKept is the CheckDestroy of a paid Subscription, which cannot be
// deleted before it expires: the plan is still in the cloud, a Subscription, and it is the only
// one the test bought (mock only: the mock holds one plan).
func testAccCheckSubscriptionKept(t *testing.T, m *acctest.Mock) resource.TestCheckFunc {
	return resource.ComposeTestCheckFunc(
		func(s *terraform.State) error {
			ids := acctest.PrimaryIDs(s, "alibabacloud_ga_bandwidth_package")
			if len(ids) != 1 {
				return fmt.Errorf("the state held %d bandwidth plans before destroy, want 1", len(ids))
			}
			bp, err := ga.FindBandwidthPackageByID(t.Context(), m.Client(t).GA, ids[0])
			if err != nil {
				return fmt.Errorf("want the subscription left in the cloud after destroy: %w", err)
			}
			if bp.ChargeType != "PREPAY" {
				return fmt.Errorf("plan %s left in the cloud is %s, want a subscription (PREPAY)", bp.BandwidthPackageId, bp.ChargeType)
			}
			return nil
		},
		testAccCheckMockHoldsPlans(m, 1),
	)
}

// testAccCheckMockHoldsPlans checks how many bandwidth plans the mock holds. Mock only.
func testAccCheckMockHoldsPlans(m *acctest.Mock, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if ids := m.GAPackageIDs(); len(ids) != want {
			return fmt.Errorf("the mock holds %d bandwidth plans %v, want %d", len(ids), ids, want)
		}
		return nil
	}
}

// testAccConfigBandwidthPackage_payAsYouGo is a pay-as-you-go plan, tagged for the sweepers
// (acctest.SweepTag).
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
  tags                   = { %q = %q }
}
`, bandwidth, bandwidthType, name, description, acctest.SweepTagKey, acctest.SweepTagValue)
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

// testAccGAReading is how the mock reads what the API pages leave open for GA: how long after
// a change of bandwidth another update of the plan is refused. Against the real cloud a test does
// not know (known is false).
type testAccGAReading struct {
	known bool
	// longCooldown: the strict reading, 5 minutes (passed on the mock's clock while the provider
	// retries); else the lenient one, twice the mock's delay.
	longCooldown bool
}

// testAccGAVariants are the strict and the lenient mock, each seeded with the accelerator
// testAccAcceleratorID and every feature gate on.
func testAccGAVariants() []acctest.Variant[testAccGAReading] {
	strict := acctest.OpenAccount(testAccDelay)
	strict.GA.GaUpdateCooldown = "" // the mock's default: 5 minutes
	lenient := acctest.OpenAccount(testAccDelay)
	variant := func(name string, account *mockcloud.Account, r testAccGAReading) acctest.Variant[testAccGAReading] {
		return acctest.Variant[testAccGAReading]{Name: name, Reading: r, Options: mockcloud.Options{Delay: testAccDelay, Seed: &mockcloud.State{
			Account:      account,
			Accelerators: []mockga.Accelerator{acctest.SeedAccelerator(testAccAcceleratorID)},
		}}}
	}
	return []acctest.Variant[testAccGAReading]{
		variant("strict", strict, testAccGAReading{known: true, longCooldown: true}),
		variant("lenient", lenient, testAccGAReading{known: true}),
	}
}

// testAccPaygCost is what a test that buys one small pay-as-you-go plan costs on the cloud.
const testAccPaygCost = "one pay-as-you-go Basic bandwidth plan of at most 100 Mbps billed by data transfer, with no " +
	"traffic, for the few minutes of the test (longer where it waits out the API's update cool-down)"

func TestAccGABandwidthPackage_payAsYouGo(t *testing.T) {
	acctest.Variants(t, acctest.CloudTest{Cost: testAccPaygCost}, testAccGAVariants(), func(t *testing.T, e *acctest.Env, r testAccGAReading) {
		name := acctest.ResourcePrefix + "payg"
		renamed := name + "-renamed"
		// Under the strict reading the rename right after the bandwidth change is refused for 5
		// minutes of the mock's clock, which passes once the provider has been refused.
		cooldown := e.Mock.TimePassesWhen("UpdateBandwidthPackage", "StateError.BandwidthPackage", mockga.DefaultUpdateCooldown)
		renameStarts, renameChecks := e.Mock.Checkpoint, resource.TestCheckFunc(func(*terraform.State) error { return nil })
		if r.longCooldown {
			renameStarts = func() { e.Mock.Checkpoint(); cooldown.Start() }
			renameChecks = cooldown.Check()
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, e),
			Steps: []resource.TestStep{
				{
					Config: e.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", name, "first")),
					ConfigStateChecks: []statecheck.StateCheck{
						stateValue("id", knownvalue.StringRegexp(regexp.MustCompile(`^gbwp-`))),
						stateValue("status", knownvalue.StringExact("active")),
						stateValue("bandwidth", knownvalue.Int64Exact(10)),
						stateValue("payment_type", knownvalue.StringExact("PayAsYouGo")),
						stateValue("billing_type", knownvalue.StringExact("PayByTraffic")),
						stateValue("bandwidth_package_name", knownvalue.StringExact(name)),
						stateValue("description", knownvalue.StringExact("first")),
						stateValue("accelerators", knownvalue.SetExact([]knownvalue.Check{})),
						stateValue("ratio", knownvalue.Null()),
						stateValue("create_time", knownvalue.StringRegexp(rfc3339UTC)),
						stateValue("expired_time", knownvalue.StringExact("")),
					},
					Check: resource.ComposeTestCheckFunc(
						testAccCheckBandwidthPackageExists(t, e, 10),
						e.Mock.CheckCallCount("CreateBandwidthPackage", 1),
						testAccCheckGACallsInGlobalRegion(e.Mock),
					),
				},
				{
					ResourceName:      testAccPackageAddress,
					ImportState:       true,
					ImportStateVerify: true,
				},
				{
					// A pay-as-you-go plan has no purchase option: an import block plans no change.
					Config:          e.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", name, "first")),
					ResourceName:    testAccPackageAddress,
					ImportState:     true,
					ImportStateKind: resource.ImportBlockWithID,
				},
				{
					PreConfig: e.Mock.Checkpoint,
					Config:    e.Config(testAccConfigBandwidthPackage_payAsYouGo(20, "Basic", name, "first")),
					ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(testAccPackageAddress, plancheck.ResourceActionUpdate),
					}},
					ConfigStateChecks: []statecheck.StateCheck{stateValue("bandwidth", knownvalue.Int64Exact(20))},
					Check: resource.ComposeTestCheckFunc(
						testAccCheckBandwidthPackageExists(t, e, 20),
						testAccCheckLastUpdateSent(e.Mock, map[string]string{"Bandwidth": "20"}, "Name", "Description", "BandwidthType"),
					),
				},
				{
					// Right after a bandwidth change, within the API's cool-down: refusals
					// (StateError.BandwidthPackage) are retried until it passes.
					PreConfig: renameStarts,
					Config:    e.Config(testAccConfigBandwidthPackage_payAsYouGo(20, "Basic", renamed, "second")),
					ConfigStateChecks: []statecheck.StateCheck{
						stateValue("bandwidth_package_name", knownvalue.StringExact(renamed)),
						stateValue("description", knownvalue.StringExact("second")),
					},
					Check: resource.ComposeTestCheckFunc(
						renameChecks,
						testAccCheckLastUpdateSent(e.Mock, map[string]string{"Name": renamed, "Description": "second"}, "Bandwidth", "BandwidthType"),
						func(*terraform.State) error {
							// Name and description are synchronous: no wait on anything (mock only).
							if e.Mock != nil && len(e.Mock.LogSinceCheckpoint().Of("DescribeAccelerator")) > 0 {
								return fmt.Errorf("a name change polled DescribeAccelerator")
							}
							return nil
						},
					),
				},
				{
					Config:            e.Config(testAccConfigBandwidthPackage_payAsYouGo(20, "Basic", renamed, "")),
					ConfigStateChecks: []statecheck.StateCheck{stateValue("description", knownvalue.StringExact(""))},
					Check: testAccCheckBandwidthPackage(t, e, func(bp *gasdk.DescribeBandwidthPackageResponse) error {
						if bp.Description != "" {
							return fmt.Errorf("description %q left in the cloud", bp.Description)
						}
						return nil
					}),
				},
			},
		})
	})
}

func TestAccGABandwidthPackage_subscription(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		// A subscription cannot be deleted before it expires: destroy leaves it billed.
		CheckDestroy: resource.ComposeTestCheckFunc(
			testAccCheckSubscriptionKept(t, m),
			m.CheckCallCount("DeleteBandwidthPackage", 0),
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
				Check:             testAccCheckBandwidthPackageExists(t, m, 50),
			},
		},
	})
}

func TestAccGABandwidthPackage_subscriptionAwaitingPayment(t *testing.T) {
	m := newTestAccMock(t)
	g := m.MutationGuard(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		// Paid and in force: left in the cloud, billed until it expires.
		CheckDestroy: testAccCheckSubscriptionKept(t, m),
		Steps: []resource.TestStep{
			{
				// The unpaid order is saved in the state (nothing orphaned), not failed (a
				// tainted plan would be bought again). Its name needs the plan active: the
				// state keeps it as planned, so plans are empty until the order is paid.
				Config: m.Config(testAccConfigBandwidthPackage_subscription(10, false)),
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("status", knownvalue.StringExact("init")),
					stateValue("id", knownvalue.StringRegexp(regexp.MustCompile(`^gbwp-`))),
					stateValue("bandwidth_package_name", knownvalue.StringExact("tf-subscription")),
				},
			},
			// Unpaid, it cannot change: refused at plan (the state says status init) rather than
			// at apply, or retried for the whole timeout.
			g.RefusedPlan(testAccConfigBandwidthPackage_subscription(20, false), `GA bandwidth plan awaits payment.*so bandwidth cannot change now.*Order Center`),
			g.RefusedPlan(strings.Replace(testAccConfigBandwidthPackage_subscription(10, true), `bandwidth_type         = "Basic"`, `bandwidth_type         = "Enhanced"`, 1),
				`so bandwidth_type cannot change now`),
			testAccStepSubscriptionNamedOnceActive(m, testAccConfigBandwidthPackage_subscription(10, false), func() {
				g.Check()
				testAccPayOnlyOrder(t, m)
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
		Check: m.CheckCallCount("CreateBandwidthPackage", 1),
	}
}

// testAccPayOnlyOrder pays the unpaid order of the one plan the mock holds, as a user paying in
// the Order Center would, and lets it take effect. Mock only.
func testAccPayOnlyOrder(t *testing.T, m *acctest.Mock) {
	t.Helper()
	ids := m.GAPackageIDs()
	if len(ids) != 1 {
		t.Fatalf("want one plan in the mock, got %d", len(ids))
	}
	if _, err := m.GA.PayOrder(ids[0]); err != nil {
		t.Fatalf("paying the order: %v", err)
	}
	m.Advance(testAccDelay)
}

func TestAccGABandwidthPackage_subscriptionSlowToActivate(t *testing.T) {
	m := newTestAccMock(t)
	config := strings.Replace(testAccConfigBandwidthPackage_subscription(10, true),
		"\n}\n", "\n  timeouts {\n    create = \"1s\"\n  }\n}\n", 1)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckSubscriptionKept(t, m),
		Steps: []resource.TestStep{
			{
				// Paid, but slower to activate than the create timeout: saved (not tainted,
				// which would buy a second one), with its name still to set once active.
				PreConfig:         func() { m.GA.SetDelay(time.Minute) },
				Config:            m.Config(config),
				ConfigStateChecks: []statecheck.StateCheck{stateValue("status", knownvalue.StringExact("init"))},
			},
			testAccStepSubscriptionNamedOnceActive(m, config, func() { m.Advance(time.Minute) }),
		},
	})
}

func TestAccGABandwidthPackage_unpaidOrderCanceledOnDestroy(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		// The unpaid order is canceled.
		CheckDestroy: resource.ComposeTestCheckFunc(testAccCheckBandwidthPackageGone(t, m), testAccCheckMockHoldsPlans(m, 0)),
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
	m := testAccNewEnv(t, acctest.CloudTest{Cost: testAccPaygCost})
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, m),
		Steps: []resource.TestStep{
			{Config: m.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", acctest.ResourcePrefix+"type", "d"))},
			{
				Config: m.Config(testAccConfigBandwidthPackage_payAsYouGo(40, "Enhanced", acctest.ResourcePrefix+"type", "d")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccPackageAddress, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("bandwidth_type", knownvalue.StringExact("Enhanced")),
					stateValue("bandwidth", knownvalue.Int64Exact(40)),
				},
				// Changed in place: bought once.
				Check: m.Mock.CheckCallCount("CreateBandwidthPackage", 1),
			},
		},
	})
}

func TestAccGABandwidthPackage_refusedChanges(t *testing.T) {
	m := testAccNewEnv(t, acctest.CloudTest{Cost: testAccPaygCost})
	g := m.MutationGuard(t)
	enhanced := testAccConfigBandwidthPackage_payAsYouGo(100, "Enhanced", acctest.ResourcePrefix+"refused", "d")
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, m),
		Steps: []resource.TestStep{
			{Config: m.Config(testAccConfigBandwidthPackage_payAsYouGo(100, "Basic", acctest.ResourcePrefix+"refused", "d"))},
			// Plan-time rules on a change.
			g.RefusedConfig(testAccConfigBandwidthPackage_payAsYouGo(50, "Enhanced", acctest.ResourcePrefix+"refused", "d"),
				`all upgrades or all downgrades.*two steps`),
			g.RefusedConfig(testAccConfigBandwidthPackage_payAsYouGo(100, "Advanced", acctest.ResourcePrefix+"refused", "d"),
				`bandwidth_type can only change from "Basic" to "Enhanced"`),
			// Ranges and formats.
			g.RefusedConfig(testAccConfigBandwidthPackage_payAsYouGo(1, "Basic", acctest.ResourcePrefix+"refused", "d"), `bandwidth.*between 2 and 2000`),
			g.RefusedConfig(testAccConfigBandwidthPackage_payAsYouGo(2001, "Basic", acctest.ResourcePrefix+"refused", "d"), `bandwidth.*between 2 and 2000`),
			g.RefusedConfig(testAccConfigBandwidthPackage_payAsYouGo(100, "Basic", "1-starts-with-digit", "d"), `bandwidth_package_name.*starting with a letter`),
			g.RefusedConfig(testAccConfigBandwidthPackage_payAsYouGo(100, "Basic", "x", "d"), `bandwidth_package_name UTF-8 character count must be between 2 and 128`),
			g.RefusedConfig(testAccConfigBandwidthPackage_payAsYouGo(100, "Basic", acctest.ResourcePrefix+"refused", fmt.Sprintf("%0257d", 0)), `description UTF-8 character count must be at most 256`),
			// Cross-attribute rules (terraform validate).
			g.RefusedConfig(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth    = 100
  type         = "Basic"
  bandwidth_type = "Basic"
  payment_type = "PayAsYouGo"
  billing_type = "PayByTraffic"
  ratio        = 40
}
`, `ratio may only be set when billing_type is "PayBY95"`),
			g.RefusedConfig(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth    = 100
  type         = "Basic"
  bandwidth_type = "Basic"
  payment_type = "PayAsYouGo"
  billing_type = "PayBY95"
}
`, `ratio is required when billing_type is "PayBY95"`),
			g.RefusedConfig(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth                 = 100
  type                      = "Basic"
  bandwidth_type            = "Basic"
  payment_type              = "PayAsYouGo"
  cbn_geographic_region_ida = "China-mainland"
}
`, `cbn_geographic_region_ida may only be set when type is "CrossDomain"`),
			g.RefusedConfig(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth      = 100
  type           = "Basic"
  bandwidth_type = "Basic"
  payment_type   = "PayAsYouGo"
  duration       = 1
}
`, `duration may only be set when payment_type is "Subscription"`),
			g.RefusedConfig(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth      = 100
  type           = "Basic"
  bandwidth_type = "Basic"
}
`, `duration is required when payment_type is "Subscription"`),
			g.RefusedConfig(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth      = 100
  type           = "Basic"
  bandwidth_type = "Basic"
  duration       = 4
  pricing_cycle  = "Year"
}
`, `duration must be 1 to 3 when pricing_cycle is "Year"`),
			g.RefusedConfig(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth    = 100
  type         = "Basic"
  payment_type = "PayAsYouGo"
}
`, `bandwidth_type is required when type is "Basic"`),
			// Enhanced can never go back to Basic.
			{PreConfig: g.Check, Config: m.Config(enhanced)},
			g.RefusedConfig(testAccConfigBandwidthPackage_payAsYouGo(100, "Basic", acctest.ResourcePrefix+"refused", "d"),
				`refuses a change from "Enhanced" to "Basic"`),
			// type and payment_type replace the plan (planned only, never applied here).
			replacedBy(m, g, strings.Replace(enhanced, `payment_type           = "PayAsYouGo"
  billing_type           = "PayByTraffic"`, `duration               = 1`, 1)),
			replacedBy(m, g, `
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth              = 100
  type                   = "CrossDomain"
  payment_type           = "PayAsYouGo"
  bandwidth_package_name = "tf-acc-refused"
  description            = "d"
}
`),
			{PreConfig: g.Check, Config: m.Config(enhanced), PlanOnly: true},
		},
	})
}

// replacedBy returns a plan-only step checking that config replaces the bandwidth plan.
func replacedBy(m acctest.Target, g *acctest.MutationGuard, config string) resource.TestStep {
	return resource.TestStep{
		PreConfig:          g.Check,
		Config:             m.Config(config),
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
			testAccCheckBandwidthPackageDestroy(t, m),
			testAccCheckGACallsInGlobalRegion(m),
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
					testAccCheckBandwidthPackageExists(t, m, 30),
					testAccCheckWaitedForAccelerator(t, m),
				),
			},
		},
	})
}

// testAccCheckWaitedForAccelerator asserts from the call log (mock only) that, after the
// UpdateBandwidthPackage of the step since the checkpoint, DescribeAccelerator was polled while
// the accelerator was configuring and that the last one before the apply returned came once the
// update was due to be over; then, through the provider's finder, that the accelerator is
// active. The mock completes an update testAccDelay of virtual time after it starts, the call log
// carries virtual times, and no one advances the clock in this test.
func testAccCheckWaitedForAccelerator(t *testing.T, m *acctest.Mock) resource.TestCheckFunc {
	return func(*terraform.State) error {
		calls := m.LogSinceCheckpoint()
		update, ok := calls.Of("UpdateBandwidthPackage").Last()
		if !ok || update.Code != "" {
			return fmt.Errorf("no successful UpdateBandwidthPackage in the step (%+v)", update)
		}
		due := update.Time.Add(testAccDelay)
		var early, late int
		var last rpc.CallRecord
		for _, c := range calls.Of("DescribeAccelerator") {
			if c.Time.Before(update.Time) {
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
		acc, err := ga.FindAcceleratorByID(t.Context(), m.Client(t).GA, testAccAcceleratorID)
		if err != nil {
			return err
		}
		if acc.State != "active" {
			return fmt.Errorf("accelerator is %s after the apply", acc.State)
		}
		return nil
	}
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
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, m),
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
				Check: m.CheckAnswersSinceCheckpoint("UpdateBandwidthPackage", "400 StateError.BandwidthPackage",
					"400 StateError.Accelerator", "400 GreaterThanGa.IpSetBandwidth", "400 BandwidthIllegal.BandwidthPackage", "200"),
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
				ExpectError: acctest.ExpectError(`UpdateBandwidthPackage was still refused after \d+ attempts.*cool-down period`),
			},
			{
				PreConfig: func() {
					refused := 0
					for _, c := range m.LogSinceCheckpoint().Of("UpdateBandwidthPackage") {
						if c.Code == "StateError.BandwidthPackage" {
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
				Check:             testAccCheckBandwidthPackageExists(t, m, 30),
			},
		},
	})
}

func TestAccGABandwidthPackage_disappears(t *testing.T) {
	m := newTestAccMock(t)
	config := m.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", "tf-gone", "d"))
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, m),
		Steps: []resource.TestStep{
			{Config: config},
			{
				PreConfig: func() {
					// Deleted behind Terraform's back (mock only).
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
				// Created again.
				Check: resource.ComposeTestCheckFunc(testAccCheckBandwidthPackageExists(t, m, 10), testAccCheckMockHoldsPlans(m, 1)),
			},
		},
	})
}

func TestAccGABandwidthPackage_createRetriedAfterDroppedResponse(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, m),
		Steps: []resource.TestStep{{
			PreConfig: func() {
				if err := m.SetFaults(rpc.Faults{Scripted: []rpc.ScriptedFault{
					{Action: "CreateBandwidthPackage", Count: 1, DropResponse: true},
				}}); err != nil {
					t.Fatal(err)
				}
			},
			Config: m.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", "tf-dropped", "d")),
			Check: resource.ComposeTestCheckFunc(
				func(*terraform.State) error {
					tokens := m.Log().Of("CreateBandwidthPackage").Params("ClientToken")
					if len(tokens) < 2 || tokens[0] == "" || tokens[0] != tokens[len(tokens)-1] {
						return fmt.Errorf("want the create retried with the same ClientToken, got %q", tokens)
					}
					return nil
				},
				testAccCheckBandwidthPackageExists(t, m, 10),
				testAccCheckMockHoldsPlans(m, 1), // a retried create bought one plan
			),
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

// testAccCheckGACallsInGlobalRegion checks that every Ga call sent RegionId=cn-hangzhou. Mock
// only.
func testAccCheckGACallsInGlobalRegion(m *acctest.Mock) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if m == nil {
			return nil // the real cloud: its call log is not ours to read
		}
		for _, c := range m.Log() {
			if c.Version == "2019-11-20" && c.Params["RegionId"] != "cn-hangzhou" {
				return fmt.Errorf("%s sent RegionId %q", c.Action, c.Params["RegionId"])
			}
		}
		return nil
	}
}

// testAccCheckLastUpdateSent checks that the last UpdateBandwidthPackage since the checkpoint
// sent want and none of absent: only what changed is sent. Mock only.
func testAccCheckLastUpdateSent(m *acctest.Mock, want map[string]string, absent ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if m == nil {
			return nil // the real cloud: its call log is not ours to read
		}
		c, ok := m.LogSinceCheckpoint().Of("UpdateBandwidthPackage").Last()
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

// expectPriorValue is a plan check that the resource's prior state, as the plan shows it
// before any change, holds value at attribute: what the last apply left in the state.
type expectPriorValue struct {
	address, attribute string
	value              any
}

// CheckPlan implements plancheck.PlanCheck.
func (e expectPriorValue) CheckPlan(_ context.Context, req plancheck.CheckPlanRequest, resp *plancheck.CheckPlanResponse) {
	for _, rc := range req.Plan.ResourceChanges {
		if rc.Address != e.address {
			continue
		}
		before, ok := rc.Change.Before.(map[string]any)
		if !ok {
			resp.Error = fmt.Errorf("%s has no prior state in the plan", e.address)
			return
		}
		got, _ := json.Marshal(before[e.attribute])
		want, _ := json.Marshal(e.value)
		if string(got) != string(want) {
			resp.Error = fmt.Errorf("%s: prior %s = %s, want %s", e.address, e.attribute, got, want)
		}
		return
	}
	resp.Error = fmt.Errorf("%s is not in the plan", e.address)
}

// testAccConfigBandwidthPackage_subscriptionNamed is the Subscription configuration with
// another bandwidth_package_name.
func testAccConfigBandwidthPackage_subscriptionNamed(bandwidth int, autoPay bool, name string) string {
	return strings.Replace(testAccConfigBandwidthPackage_subscription(bandwidth, autoPay), `"tf-subscription"`, strconv.Quote(name), 1)
}

func TestAccGABandwidthPackage_subscriptionUpgradeAwaitingPayment(t *testing.T) {
	m := newTestAccMock(t)
	upgrade := testAccConfigBandwidthPackage_subscriptionNamed(50, false, "tf-upgraded")
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckSubscriptionKept(t, m),
		Steps: []resource.TestStep{
			{Config: m.Config(testAccConfigBandwidthPackage_subscription(10, true))},
			{
				// auto_pay = false: the upgrade is only ordered. The apply says so at once
				// instead of waiting for values that cannot come.
				PreConfig: m.Checkpoint,
				Config:    m.Config(upgrade),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccPackageAddress, plancheck.ResourceActionUpdate),
				}},
				ExpectError: acctest.ExpectError(`ordered but not paid.*auto_pay = false.*Order Center.*bandwidth 10`),
			},
			{
				// One call placed the order; the state holds what is in effect: the old
				// bandwidth and the new name. The next plan shows the upgrade again.
				PreConfig: func() {
					acctest.Check(t, m.CheckAnswersSinceCheckpoint("UpdateBandwidthPackage", "200"))
					ids := m.GAPackageIDs()
					if len(ids) != 1 {
						t.Fatalf("the mock holds plans %v, want one", ids)
					}
					bp, err := ga.FindBandwidthPackageByID(t.Context(), m.Client(t).GA, ids[0])
					if err != nil || bp.Bandwidth != 10 || bp.Name != "tf-upgraded" {
						t.Errorf("plan %+v (%v), want it renamed at 10 Mbit/s", bp, err)
					}
					// Mock only: the upgrade waits for payment.
					if unpaid := m.State().BandwidthPackages[0].MockUnpaidUpgrade; unpaid == nil {
						t.Error("the mock holds no unpaid upgrade")
					}
				},
				Config:             m.Config(upgrade),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
				ConfigPlanChecks: resource.ConfigPlanChecks{PostApplyPreRefresh: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccPackageAddress, plancheck.ResourceActionUpdate),
					expectPriorValue{testAccPackageAddress, "bandwidth", 10},
					expectPriorValue{testAccPackageAddress, "bandwidth_package_name", "tf-upgraded"},
					expectPriorValue{testAccPackageAddress, "status", "active"},
				}},
			},
			{
				// Applying again before paying: the API refuses a second order, explained (cause
				// and fix first, then the API's answer).
				Config:      m.Config(upgrade),
				ExpectError: acctest.ExpectError(`upgrade order that is not paid yet.*Order Center.*Order\.Unpaid`),
			},
			{
				// Paid in the Order Center: once the change is through, nothing is left to do.
				PreConfig: func() { testAccPayOnlyOrder(t, m) },
				Config:    m.Config(upgrade),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectEmptyPlan(),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("bandwidth", knownvalue.Int64Exact(50)),
					stateValue("status", knownvalue.StringExact("active")),
				},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckBandwidthPackageExists(t, m, 50),
					m.CheckCallCount("UpdateBandwidthPackage", 3), // the name at create, the order, the refusal
				),
			},
		},
	})
}

// TestAccGABandwidthPackage_replacementSkipsUpdateRules changes payment_type, which replaces the
// plan, together with bandwidth_type Enhanced -> Basic and a lower bandwidth, which an in-place
// update may not do. A new plan is bought, so the update rules do not apply: the plan shows a
// replacement and the apply deletes the old plan and buys the new one, with no bandwidth update.
func TestAccGABandwidthPackage_replacementSkipsUpdateRules(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		// The Subscription bought by the replacement cannot be deleted before it expires.
		CheckDestroy: testAccCheckSubscriptionKept(t, m),
		Steps: []resource.TestStep{
			{Config: m.Config(testAccConfigBandwidthPackage_payAsYouGo(20, "Enhanced", "tf-payg", "first"))},
			{
				PreConfig: m.Checkpoint,
				Config:    m.Config(testAccConfigBandwidthPackage_subscription(10, true)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccPackageAddress, plancheck.ResourceActionReplace),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("payment_type", knownvalue.StringExact("Subscription")),
					stateValue("bandwidth_type", knownvalue.StringExact("Basic")),
					stateValue("bandwidth", knownvalue.Int64Exact(10)),
				},
				Check: resource.ComposeTestCheckFunc(func(*terraform.State) error {
					calls := m.LogSinceCheckpoint()
					deletes := calls.Of("DeleteBandwidthPackage").Answers()
					creates := calls.Of("CreateBandwidthPackage").Answers()
					if len(deletes) != 1 || len(creates) != 1 {
						return fmt.Errorf("deletes %q, creates %q; want one of each", deletes, creates)
					}
					// The new plan is named with an update after its purchase (the API's create takes
					// no name); nothing changes its bandwidth.
					for _, c := range calls {
						if _, ok := c.Params["Bandwidth"]; ok && c.Action == "UpdateBandwidthPackage" {
							return fmt.Errorf("an UpdateBandwidthPackage changed the bandwidth: %v", c.Params)
						}
						if _, ok := c.Params["BandwidthType"]; ok && c.Action == "UpdateBandwidthPackage" {
							return fmt.Errorf("an UpdateBandwidthPackage changed the bandwidth type: %v", c.Params)
						}
					}
					return nil
				},
					testAccCheckBandwidthPackage(t, m, func(bp *gasdk.DescribeBandwidthPackageResponse) error {
						if bp.ChargeType != "PREPAY" || bp.BandwidthType != "Basic" || bp.Bandwidth != 10 {
							return fmt.Errorf("plan %+v, want the new Basic 10 Mbit/s subscription", bp)
						}
						return nil
					}),
					testAccCheckMockHoldsPlans(m, 1), // only the new one
				),
			},
		},
	})
}

// TestAccGABandwidthPackage_timeoutsRefusedAtPlan: a timeout that is not a positive duration is
// refused at plan, naming the timeouts attribute and its default (was: accepted, and a create
// with "0s" bought the plan, gave up at once and tainted it, so the next apply bought another).
func TestAccGABandwidthPackage_timeoutsRefusedAtPlan(t *testing.T) {
	m := newTestAccMock(t)
	g := m.MutationGuard(t)
	withTimeouts := func(block string) string {
		return strings.Replace(testAccConfigBandwidthPackage_subscription(10, true), "\n}\n", "\n  timeouts {\n    "+block+"\n  }\n}\n", 1)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			g.RefusedPlan(withTimeouts(`create = "0s"`), `Invalid timeouts.create.*timeouts.create = "0s" is not a positive duration.*the default, 10m`),
			g.RefusedPlan(withTimeouts(`create = "-5m"`), `timeouts.create = "-5m" is not a positive duration`),
			g.RefusedPlan(withTimeouts(`update = "0"`), `timeouts.update = "0" is not a positive duration.*the default, 15m`),
			g.RefusedPlan(withTimeouts(`delete = "soon"`), `timeouts.delete = "soon" is not a positive duration.*the default, 10m`),
			{
				PreConfig: g.Check,
				Config:    m.Config(withTimeouts(`create = "10m"`)),
				PlanOnly:  true, ExpectNonEmptyPlan: true,
				Check: m.CheckCallCount("CreateBandwidthPackage", 0),
			},
		},
	})
}

// TestAccGABandwidthPackage_valuesAtPlan: numbers with a fraction get a message of ours naming
// the attribute (was: "This is always an error in the provider ... %!s(*big.Float=150.5)"); a
// ratio without billing_type says it is not set (was: `billing_type is ""`); descriptions are
// counted in characters, as the API counts them: 100 CJK characters or 70 emoji are accepted
// (were refused as "at most 256, got 300"), 257 characters refused.
func TestAccGABandwidthPackage_valuesAtPlan(t *testing.T) {
	m := newTestAccMock(t)
	g := m.MutationGuard(t)
	payg := func(bandwidth, description string) string {
		return fmt.Sprintf(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth      = %s
  type           = "Basic"
  bandwidth_type = "Basic"
  payment_type   = "PayAsYouGo"
  billing_type   = "PayByTraffic"
  description    = %q
}
`, bandwidth, description)
	}
	cjk, emoji := strings.Repeat("带", 100), strings.Repeat("🚀", 70)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, m),
		Steps: []resource.TestStep{
			g.RefusedPlan(payg("150.5", "d"), `Not a whole number.*bandwidth = 150.5 is not a whole number.*such as 150 or 151`),
			g.RefusedPlan(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth      = 10
  type           = "Basic"
  bandwidth_type = "Basic"
  duration       = 1.5
}
`, `duration = 1.5 is not a whole number`),
			g.RefusedPlan(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth      = 10
  type           = "Basic"
  bandwidth_type = "Basic"
  payment_type   = "PayAsYouGo"
  ratio          = 40
}
`, `ratio may only be set when billing_type is "PayBY95" or "PayBy95", and billing_type is not set. Remove ratio from the configuration, or set billing_type to "PayBY95" or "PayBy95"`),
			g.RefusedPlan(payg("10", strings.Repeat("带", 257)), `description UTF-8 character count must be at most 256, got: 257`),
			{
				PreConfig:         g.Check,
				Config:            m.Config(payg("10", cjk)),
				ConfigStateChecks: []statecheck.StateCheck{stateValue("description", knownvalue.StringExact(cjk))},
			},
			{
				Config:            m.Config(payg("10", emoji)),
				ConfigStateChecks: []statecheck.StateCheck{stateValue("description", knownvalue.StringExact(emoji))},
			},
		},
	})
}
