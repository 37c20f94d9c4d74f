package cen_test

import (
	"context"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/mockcloud/cbn"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
	"terraform-provider-alibabacloud/internal/service/cen"
)

const (
	testAccResourceName = "alibabacloud_cen_bandwidth_temp_upgrade.test"
	testAccUpgradeCall  = "TempUpgradeCenBandwidthPackageSpec"
	testAccDescribeCall = "DescribeCenBandwidthPackages"
	// testAccDelay is how long the mock takes to apply an upgrade in most tests.
	testAccDelay = 2 * time.Second
)

// testAccEndIn returns an end_time d from now, to the minute, as the resource takes it.
func testAccEndIn(d time.Duration) string {
	return time.Now().UTC().Add(d).Truncate(time.Minute).Format("2006-01-02T15:04:05Z")
}

// testAccPackage is a subscription package at bandwidth Mbps that expires in a year.
func testAccPackage(id string, bandwidth int64) cbn.Package {
	return acctest.SeedCENPackage(id, bandwidth)
}

// testAccNewMock starts a mock holding packages, whose upgrades take testAccDelay. Its account takes
// the lenient reading of ReservationActiveTime (the provider expects its EndTime echoed), which
// the mock rounds up to the hour by default.
func testAccNewMock(t *testing.T, packages ...cbn.Package) *acctest.Mock {
	t.Helper()
	return testAccNewMockWith(t, testAccDelay, false, packages...)
}

// testAccNewMockReordering is testAccNewMock for tests that order again while a window is
// open (a second apply that moves or raises it), which the mock refuses by default.
func testAccNewMockReordering(t *testing.T, delay time.Duration, packages ...cbn.Package) *acctest.Mock {
	t.Helper()
	return testAccNewMockWith(t, delay, true, packages...)
}

// testAccNewMockWith starts the mock of testAccNewMock, accepting orders during a window when
// reorder is true.
func testAccNewMockWith(t *testing.T, delay time.Duration, reorder bool, packages ...cbn.Package) *acctest.Mock {
	t.Helper()
	account := acctest.OpenAccount(delay)
	account.CBN.CenReservationTimeExact = true
	account.CBN.CenAllowOrderDuringWindow = reorder
	return acctest.NewSeededMock(t, delay, mockcloud.State{Account: account, CenBandwidthPackages: packages})
}

// testAccConfigBandwidthTempUpgrade_basic upgrades package id to bandwidth until endTime.
func testAccConfigBandwidthTempUpgrade_basic(m *acctest.Mock, id string, bandwidth int64, endTime string) string {
	return m.Config(fmt.Sprintf(`
resource "alibabacloud_cen_bandwidth_temp_upgrade" "test" {
  cen_bandwidth_package_id = %q
  bandwidth                = %d
  end_time                 = %q
}
`, id, bandwidth, endTime))
}

// testAccConfigBandwidthTempUpgrade_timeouts is the basic configuration with a create timeout.
func testAccConfigBandwidthTempUpgrade_timeouts(m *acctest.Mock, id string, bandwidth int64, endTime, create string) string {
	return m.Config(fmt.Sprintf(`
resource "alibabacloud_cen_bandwidth_temp_upgrade" "test" {
  cen_bandwidth_package_id = %q
  bandwidth                = %d
  end_time                 = %q

  timeouts {
    create = %q
  }
}
`, id, bandwidth, endTime, create))
}

// testAccConfigBandwidthTempUpgrade_unknownID takes the package id from another resource, so
// that it is unknown until apply.
func testAccConfigBandwidthTempUpgrade_unknownID(m *acctest.Mock, id string, bandwidth int64, endTime string) string {
	return m.Config(fmt.Sprintf(`
resource "terraform_data" "package" {
  input = %q
}

resource "alibabacloud_cen_bandwidth_temp_upgrade" "test" {
  cen_bandwidth_package_id = terraform_data.package.output
  bandwidth                = %d
  end_time                 = %q
}
`, id, bandwidth, endTime))
}

// testAccStateChecks asserts the upgrade's attributes in state.
func testAccStateChecks(status string, bandwidth, original int64, endTime string) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("status"), knownvalue.StringExact(status)),
		statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("bandwidth"), knownvalue.Int64Exact(bandwidth)),
		statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("original_bandwidth"), knownvalue.Int64Exact(original)),
		statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("end_time"), knownvalue.StringExact(endTime)),
	}
}

// testAccCheckPackage asserts, through the provider's finder, what the cloud shows of package
// id: its bandwidth and, when restoresTo is not 0, an open window that restores restoresTo Mbps
// at endTime (0: no window).
func testAccCheckPackage(t *testing.T, target acctest.Target, id string, bandwidth, restoresTo int64, endTime string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		p, err := cen.FindBandwidthPackageByID(t.Context(), target.Client(t).CBN, id)
		if err != nil {
			return fmt.Errorf("package %s: %w", id, err)
		}
		if p.Bandwidth != bandwidth {
			return fmt.Errorf("package %s: Bandwidth %d, want %d", id, p.Bandwidth, bandwidth)
		}
		if restoresTo == 0 {
			if p.HasReservationData != "false" {
				return fmt.Errorf("package %s: HasReservationData %q, want no window", id, p.HasReservationData)
			}
			return nil
		}
		if p.ReservationOrderType != "TEMP_UPGRADE" || p.ReservationBandwidth != strconv.FormatInt(restoresTo, 10) {
			return fmt.Errorf("package %s: reservation %q restoring %q, want TEMP_UPGRADE restoring %d",
				id, p.ReservationOrderType, p.ReservationBandwidth, restoresTo)
		}
		if want := endTime[:16] + "Z"; p.ReservationActiveTime != want {
			return fmt.Errorf("package %s: ReservationActiveTime %q, want %q", id, p.ReservationActiveTime, want)
		}
		return nil
	}
}

// testAccCheckBandwidthTempUpgradeDestroy asserts that destroy made no mutating call (mock
// only: the API cannot cancel an upgrade) and that the package still shows bandwidth Mbps.
func testAccCheckBandwidthTempUpgradeDestroy(t *testing.T, m *acctest.Mock, id string, bandwidth int64) resource.TestCheckFunc {
	return resource.ComposeAggregateTestCheckFunc(
		m.CheckNoMutationSinceCheckpoint(),
		func(s *terraform.State) error {
			p, err := cen.FindBandwidthPackageByID(t.Context(), m.Client(t).CBN, id)
			if err != nil {
				return fmt.Errorf("package %s after destroy: %w", id, err)
			}
			if p.Bandwidth != bandwidth {
				return fmt.Errorf("package %s is at %d Mbps after destroy, want it untouched at %d", id, p.Bandwidth, bandwidth)
			}
			return nil
		},
	)
}

// testAccStepUpgraded applies the basic configuration and asserts the open window in state and
// in the mock, and that the mock has logged upgradeCalls upgrade calls in all.
func testAccStepUpgraded(t *testing.T, m *acctest.Mock, id string, bandwidth, original int64, endTime string, upgradeCalls int) resource.TestStep {
	return resource.TestStep{
		Config:            testAccConfigBandwidthTempUpgrade_basic(m, id, bandwidth, endTime),
		ConfigStateChecks: testAccStateChecks("Active", bandwidth, original, endTime),
		Check: resource.ComposeAggregateTestCheckFunc(
			testAccCheckPackage(t, m, id, bandwidth, original, endTime),
			m.CheckCallCount(testAccUpgradeCall, upgradeCalls),
			m.CheckpointCheck(),
		),
	}
}

// withPlanChecks returns step with pre-apply plan checks.
func withPlanChecks(step resource.TestStep, checks ...plancheck.PlanCheck) resource.TestStep {
	step.ConfigPlanChecks.PreApply = checks
	return step
}

func TestAccCENBandwidthTempUpgrade_basic(t *testing.T) {
	const id = "cenbwp-basic0001"
	m := testAccNewMock(t, testAccPackage(id, 100))
	end := testAccEndIn(24 * time.Hour)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, m, id, 500),
		Steps: []resource.TestStep{
			{
				Config: testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(testAccResourceName, plancheck.ResourceActionCreate),
						// Known at plan from the package: an operator sees it in code review.
						plancheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("original_bandwidth"), knownvalue.Int64Exact(100)),
						plancheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("status"), knownvalue.StringExact("Active")),
					},
				},
				ConfigStateChecks: append(testAccStateChecks("Active", 500, 100, end),
					statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("id"), knownvalue.StringExact(id)),
					statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("charge_type"), knownvalue.StringExact("PREPAY")),
					statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("business_status"), knownvalue.StringExact("Normal")),
					statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("package_name"), knownvalue.StringExact("peak-"+id)),
					statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("expired_time"),
						knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$`))),
				),
				Check: resource.ComposeAggregateTestCheckFunc(
					testAccCheckPackage(t, m, id, 500, 100, end),
					m.CheckCallCount(testAccUpgradeCall, 1),
				),
			},
			{
				// A second plan of the same configuration is empty and orders nothing.
				Config: testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: m.CheckCallCount(testAccUpgradeCall, 1),
			},
			{
				ResourceName:      testAccResourceName,
				ImportState:       true,
				ImportStateId:     id,
				ImportStateVerify: true,
				ImportStateVerifyIgnore: []string{
					"timeouts",
				},
			},
			{
				Config:          testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end),
				ResourceName:    testAccResourceName,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
				ImportStateId:   id,
				ImportPlanChecks: resource.ImportPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("status"), knownvalue.StringExact("Active")),
						plancheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("original_bandwidth"), knownvalue.Int64Exact(100)),
						plancheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("end_time"), knownvalue.StringExact(end)),
					},
				},
			},
			{
				Config: testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end),
				Check: resource.ComposeAggregateTestCheckFunc(
					m.CheckCallCount(testAccUpgradeCall, 1),
					m.CheckpointCheck(),
				),
			},
		},
	})
}

func TestAccCENBandwidthTempUpgrade_raiseBandwidth(t *testing.T) {
	const id = "cenbwp-raise0001"
	m := testAccNewMockReordering(t, testAccDelay, testAccPackage(id, 200))
	end := testAccEndIn(24 * time.Hour)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, m, id, 800),
		Steps: []resource.TestStep{
			testAccStepUpgraded(t, m, id, 500, 200, end, 1),
			withPlanChecks(testAccStepUpgraded(t, m, id, 800, 200, end, 2),
				plancheck.ExpectResourceAction(testAccResourceName, plancheck.ResourceActionUpdate)),
		},
	})
}

func TestAccCENBandwidthTempUpgrade_moveEndTime(t *testing.T) {
	const id = "cenbwp-move0001"
	m := testAccNewMockReordering(t, testAccDelay, testAccPackage(id, 100))
	end, later, earlier := testAccEndIn(24*time.Hour), testAccEndIn(48*time.Hour), testAccEndIn(12*time.Hour)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, m, id, 500),
		Steps: []resource.TestStep{
			testAccStepUpgraded(t, m, id, 500, 100, end, 1),
			withPlanChecks(testAccStepUpgraded(t, m, id, 500, 100, later, 2),
				plancheck.ExpectResourceAction(testAccResourceName, plancheck.ResourceActionUpdate)),
			// Shortening the window (still 3 hours or more away) is allowed too.
			testAccStepUpgraded(t, m, id, 500, 100, earlier, 3),
		},
	})
}

// TestAccCENBandwidthTempUpgrade_endTimeSeconds writes end_time with seconds, which the API
// reports to the minute only: refreshes keep the written value and plan empty, raising the
// bandwidth keeps it, moving it within its minute orders nothing, and moving it across a minute
// boundary, even by less than a minute, orders the new end.
func TestAccCENBandwidthTempUpgrade_endTimeSeconds(t *testing.T) {
	const id = "cenbwp-seconds0001"
	m := testAccNewMockReordering(t, testAccDelay, testAccPackage(id, 100))
	minute := testAccEndIn(24 * time.Hour)
	end := minute[:17] + "37Z"
	sameMinute := minute[:17] + "59Z"
	nextMinute := testAccEndIn(24*time.Hour + time.Minute)[:17] + "05Z"

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, m, id, 800),
		Steps: []resource.TestStep{
			testAccStepUpgraded(t, m, id, 500, 100, end, 1),
			{
				// The refresh reads ReservationActiveTime without seconds and keeps end_time as written.
				Config: testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: testAccStateChecks("Active", 500, 100, end),
			},
			testAccStepUpgraded(t, m, id, 800, 100, end, 2),
			withPlanChecks(testAccStepUpgraded(t, m, id, 800, 100, sameMinute, 2),
				plancheck.ExpectResourceAction(testAccResourceName, plancheck.ResourceActionUpdate)),
			testAccStepUpgraded(t, m, id, 800, 100, nextMinute, 3),
		},
	})
}

// TestAccCENBandwidthTempUpgrade_planRules plans upgrades that break each rule checked before
// anything is ordered, and asserts after each that no mutating call reached the cloud.
func TestAccCENBandwidthTempUpgrade_planRules(t *testing.T) {
	const (
		id        = "cenbwp-rules0001"
		postpayID = "cenbwp-rules0002"
		expiredID = "cenbwp-rules0003"
		lockedID  = "cenbwp-rules0004"
		shortID   = "cenbwp-rules0005"
		missingID = "cenbwp-nosuch0001"
	)
	postpay := testAccPackage(postpayID, 100)
	postpay.BandwidthPackageChargeType = cbn.ChargeTypePostpay
	postpay.ExpiredTime = ""
	expired := testAccPackage(expiredID, 100)
	expired.ExpiredTime = time.Now().UTC().Add(-24 * time.Hour).Format(cbn.APITimeLayout)
	locked := testAccPackage(lockedID, 100)
	locked.BusinessStatus = cbn.BusinessStatusFinancialLocked
	short := testAccPackage(shortID, 100)
	short.ExpiredTime = time.Now().UTC().Add(48 * time.Hour).Format(cbn.APITimeLayout)
	m := testAccNewMock(t, testAccPackage(id, 100), postpay, expired, locked, short)
	end := testAccEndIn(24 * time.Hour)

	cases := []struct {
		name      string
		id        string
		bandwidth int64
		endTime   string
		want      string
	}{
		{"bandwidth below range", id, 1, end, `bandwidth.*between 2 and 10000`},
		{"bandwidth above range", id, 20000, end, `bandwidth.*between 2 and 10000`},
		{"end_time with an offset", id, 500, time.Now().Add(24 * time.Hour).Format("2006-01-02T15:04:05+08:00"), `end_time.*YYYY-MM-DDThh:mm:ssZ`},
		{"end_time without seconds", id, 500, end[:16] + "Z", `end_time.*YYYY-MM-DDThh:mm:ssZ`},
		{"end_time not a date", id, 500, "2026-13-01T10:00:00Z", `end_time.*not a real date`},
		{"end_time in the past", id, 500, testAccEndIn(-time.Hour), `end_time.*is in the past`},
		{"end_time under 3 hours", id, 500, testAccEndIn(2 * time.Hour), `end_time.*3 hours`},
		{"bandwidth not above base", id, 100, end, `bandwidth = 100 does not exceed.*100 Mbps`},
		{"pay-as-you-go package", postpayID, 500, end, `pay-as-you-go \(POSTPAY\)`},
		{"expired package", expiredID, 500, end, `cen_bandwidth_package_id.*expired at`},
		{"locked package", lockedID, 500, end, `business status FinancialLocked`},
		{"window past package expiry", shortID, 500, testAccEndIn(72 * time.Hour), `end_time.*after the subscription`},
		{"missing package", missingID, 500, end, `cen_bandwidth_package_id = "cenbwp-nosuch0001": no such`},
	}
	g := m.MutationGuard(t)
	var steps []resource.TestStep
	for _, c := range cases {
		steps = append(steps, g.Refused(resource.TestStep{
			Config:   testAccConfigBandwidthTempUpgrade_basic(m, c.id, c.bandwidth, c.endTime),
			PlanOnly: true,
		}, c.want))
	}
	// The last rejected plan made no call either; then a valid plan goes through.
	valid := testAccStepUpgraded(t, m, id, 500, 100, end, 1)
	valid.PreConfig = g.Check
	steps = append(steps, valid)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, m, id, 500),
		Steps:                    steps,
	})
}

// TestAccCENBandwidthTempUpgrade_planRulesOpenWindow checks the rules that depend on the open
// window: no lowering, upgrade only, and the time rules for a changed end_time.
func TestAccCENBandwidthTempUpgrade_planRulesOpenWindow(t *testing.T) {
	const id = "cenbwp-open0001"
	m := testAccNewMock(t, testAccPackage(id, 100))
	end := testAccEndIn(24 * time.Hour)

	g := m.MutationGuard(t)
	rejected := func(bandwidth int64, endTime, want string) resource.TestStep {
		return g.Refused(resource.TestStep{Config: testAccConfigBandwidthTempUpgrade_basic(m, id, bandwidth, endTime)}, want)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, m, id, 500),
		Steps: []resource.TestStep{
			testAccStepUpgraded(t, m, id, 500, 100, end, 1),
			rejected(300, end, `bandwidth = 300 is lower than the 500 Mbps.*open until`),
			rejected(100, end, `bandwidth = 100 does not exceed the package's base bandwidth of 100 Mbps`),
			rejected(500, testAccEndIn(-2*time.Hour), `end_time.*is in the past`),
			rejected(500, testAccEndIn(time.Hour), `end_time.*less than 3 hours away`),
			{
				// Nothing was ordered by the rejected plans; the window is unchanged.
				PreConfig: g.Check,
				Config:    testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: resource.ComposeAggregateTestCheckFunc(
					testAccCheckPackage(t, m, id, 500, 100, end),
					m.CheckCallCount(testAccUpgradeCall, 1),
					m.CheckpointCheck(),
				),
			},
		},
	})
}

// TestAccCENBandwidthTempUpgrade_unknownPackageID plans with a package id known only at apply:
// the time rules, which need no package, still refuse `terraform plan` (not only the plan
// Terraform makes again during apply); the package checks step aside until the id is known.
func TestAccCENBandwidthTempUpgrade_unknownPackageID(t *testing.T) {
	const id = "cenbwp-unknown0001"
	m := testAccNewMock(t, testAccPackage(id, 100))
	end := testAccEndIn(24 * time.Hour)

	g := m.MutationGuard(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, m, id, 500),
		Steps: []resource.TestStep{
			g.Refused(resource.TestStep{
				Config:   testAccConfigBandwidthTempUpgrade_unknownID(m, id, 500, testAccEndIn(-time.Hour)),
				PlanOnly: true,
			}, `end_time.*is in the past`),
			g.Refused(resource.TestStep{
				Config:   testAccConfigBandwidthTempUpgrade_unknownID(m, id, 500, testAccEndIn(time.Hour)),
				PlanOnly: true,
			}, `end_time.*lasts at least 3 hours`),
			{
				PreConfig: g.Check,
				Config:    testAccConfigBandwidthTempUpgrade_unknownID(m, id, 500, end),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(testAccResourceName, plancheck.ResourceActionCreate),
						plancheck.ExpectUnknownValue(testAccResourceName, tfjsonpath.New("original_bandwidth")),
					},
				},
				ConfigStateChecks: testAccStateChecks("Active", 500, 100, end),
				Check: resource.ComposeAggregateTestCheckFunc(
					testAccCheckPackage(t, m, id, 500, 100, end),
					m.CheckpointCheck(),
				),
			},
		},
	})
}

// TestAccCENBandwidthTempUpgrade_expiry moves the mock's clock past end_time: the upgrade ends
// as intended, the plan stays empty, and a new end_time starts a new window.
func TestAccCENBandwidthTempUpgrade_expiry(t *testing.T) {
	const id = "cenbwp-expiry0001"
	m := testAccNewMock(t, testAccPackage(id, 100))
	end := testAccEndIn(4 * time.Hour)
	// The mock's clock will be 5 hours ahead: the new window must start 3 hours after that.
	next := testAccEndIn(24 * time.Hour)
	newWindow := withPlanChecks(testAccStepUpgraded(t, m, id, 600, 100, next, 2),
		plancheck.ExpectResourceAction(testAccResourceName, plancheck.ResourceActionUpdate),
		plancheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("status"), knownvalue.StringExact("Active")))
	g := m.MutationGuard(t)
	newWindow.PreConfig = g.Check

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, m, id, 600),
		Steps: []resource.TestStep{
			testAccStepUpgraded(t, m, id, 500, 100, end, 1),
			{
				PreConfig: func() { m.Advance(5 * time.Hour) },
				Config:    testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: testAccStateChecks("Expired", 500, 100, end),
				Check: resource.ComposeAggregateTestCheckFunc(
					testAccCheckPackage(t, m, id, 100, 0, ""),
					m.CheckCallCount(testAccUpgradeCall, 1),
					m.CheckpointCheck(),
				),
			},
			// Raising the bandwidth of an ended window needs a new end_time.
			g.Refused(resource.TestStep{Config: testAccConfigBandwidthTempUpgrade_basic(m, id, 600, end)},
				`end_time.*window.*ended.*Set a new end_time`),
			newWindow,
		},
	})
}

// TestAccCENBandwidthTempUpgrade_disappears deletes the package behind Terraform's back: the
// plan says the package is missing without ordering anything, refresh drops the upgrade from
// state, and once a package with that id exists again the plan creates the upgrade anew.
func TestAccCENBandwidthTempUpgrade_disappears(t *testing.T) {
	const id = "cenbwp-gone0001"
	m := testAccNewMock(t, testAccPackage(id, 100))
	end := testAccEndIn(24 * time.Hour)
	replace := func(packages ...cbn.Package) {
		if err := m.ReplaceState(mockcloud.State{CenBandwidthPackages: packages}); err != nil {
			t.Fatal(err)
		}
	}
	recreated := withPlanChecks(testAccStepUpgraded(t, m, id, 500, 100, end, 2),
		plancheck.ExpectResourceAction(testAccResourceName, plancheck.ResourceActionCreate))
	recreated.PreConfig = func() { replace(testAccPackage(id, 100)) }

	g := m.MutationGuard(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, m, id, 500),
		Steps: []resource.TestStep{
			testAccStepUpgraded(t, m, id, 500, 100, end, 1),
			g.Refused(resource.TestStep{
				// Deleted behind Terraform's back (mock only).
				PreConfig: func() { replace(testAccPackage("cenbwp-other0001", 50)) },
				Config:    testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end),
			}, `cen_bandwidth_package_id = "cenbwp-gone0001": no such CEN bandwidth package`),
			{
				// Without the resource in the configuration the plan is empty, not a delete:
				// refresh found the package gone and removed the upgrade from state.
				PreConfig: g.Check,
				Config:    m.Config(""),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				Check: acctest.CheckNotInState(testAccResourceName),
			},
			recreated,
		},
	})
}

// TestAccCENBandwidthTempUpgrade_slowCompletion has the mock take 8 seconds (several growing poll intervals) to apply each
// upgrade: create and update wait for it and succeed.
func TestAccCENBandwidthTempUpgrade_slowCompletion(t *testing.T) {
	const id = "cenbwp-slow0001"
	m := testAccNewMockReordering(t, 8*time.Second, testAccPackage(id, 100))
	end := testAccEndIn(24 * time.Hour)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, m, id, 700),
		Steps: []resource.TestStep{
			testAccStepUpgraded(t, m, id, 500, 100, end, 1),
			testAccStepUpgraded(t, m, id, 700, 100, end, 2),
		},
	})
}

// TestAccCENBandwidthTempUpgrade_createTimeout lets the create timeout expire before the
// upgrade shows: apply fails, the resource stays in state (tainted), and the next apply
// replaces it once the upgrade has shown.
func TestAccCENBandwidthTempUpgrade_createTimeout(t *testing.T) {
	const id = "cenbwp-timeout0001"
	m := testAccNewMockReordering(t, time.Hour, testAccPackage(id, 100))
	end := testAccEndIn(24 * time.Hour)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, m, id, 500),
		Steps: []resource.TestStep{
			{
				Config:      testAccConfigBandwidthTempUpgrade_timeouts(m, id, 500, end, "3s"),
				ExpectError: acctest.ExpectError(`did not show it within 3s.*kept in state \(tainted\)`),
			},
			{
				// A refresh before the order shows keeps it Pending, not Expired; the tainted
				// upgrade plans a replacement.
				RefreshState:       true,
				ExpectNonEmptyPlan: true,
				Check:              resource.TestCheckResourceAttr(testAccResourceName, "status", "Pending"),
			},
			{
				PreConfig: func() {
					if n := m.CountCalls(testAccUpgradeCall); n != 1 {
						t.Errorf("%d %s calls before the retry, want 1", n, testAccUpgradeCall)
					}
					m.SetDelay(testAccDelay)
					m.Advance(time.Hour) // the first order takes effect
				},
				Config: testAccConfigBandwidthTempUpgrade_timeouts(m, id, 500, end, "3s"),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(testAccResourceName, plancheck.ResourceActionDestroyBeforeCreate),
					},
				},
				ConfigStateChecks: testAccStateChecks("Active", 500, 100, end),
				Check: resource.ComposeAggregateTestCheckFunc(
					testAccCheckPackage(t, m, id, 500, 100, end),
					m.CheckpointCheck(),
				),
			},
		},
	})
}

// TestAccCENBandwidthTempUpgrade_throttled has the API throttle reads and the upgrade call:
// the client's retries and the waiter hold, and the apply succeeds.
func TestAccCENBandwidthTempUpgrade_throttled(t *testing.T) {
	const id = "cenbwp-throttle0001"
	m := testAccNewMock(t, testAccPackage(id, 100))
	end := testAccEndIn(24 * time.Hour)
	throttle := func(action string, count int) rpc.ScriptedFault {
		return rpc.ScriptedFault{Action: action, Count: count, Status: 400, Code: "Throttling.User",
			Message: "Request was denied due to user flow control."}
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, m, id, 500),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					if err := m.SetFaults(rpc.Faults{Scripted: []rpc.ScriptedFault{
						throttle(testAccUpgradeCall, 2),
						throttle(testAccDescribeCall, 3),
					}}); err != nil {
						t.Fatal(err)
					}
				},
				Config:            testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end),
				ConfigStateChecks: testAccStateChecks("Active", 500, 100, end),
				Check: resource.ComposeAggregateTestCheckFunc(
					testAccCheckPackage(t, m, id, 500, 100, end),
					// Two throttled attempts, then the one that went through.
					m.CheckCallCount(testAccUpgradeCall, 3),
					m.CheckAnswerCount("Throttling.User", 5),
					m.CheckpointCheck(),
				),
			},
		},
	})
}

// TestAccCENBandwidthTempUpgrade_lostResponse drops the answer to an accepted upgrade: the
// client retries, the API says the order is being processed, and since the first attempt may
// have been carried out (conns.EarlierAttemptMayHaveRun) the provider waits for that order (its
// own) instead of failing. The mock applied exactly one order: the first attempt's.
func TestAccCENBandwidthTempUpgrade_lostResponse(t *testing.T) {
	const id = "cenbwp-lost0001"
	m := testAccNewMock(t, testAccPackage(id, 100))
	end := testAccEndIn(24 * time.Hour)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, m, id, 500),
		Steps: []resource.TestStep{
			{
				PreConfig: func() {
					if err := m.SetFaults(rpc.Faults{Scripted: []rpc.ScriptedFault{
						{Action: testAccUpgradeCall, Count: 1, DropResponse: true},
					}}); err != nil {
						t.Fatal(err)
					}
				},
				Config:            testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end),
				ConfigStateChecks: testAccStateChecks("Active", 500, 100, end),
				Check: resource.ComposeAggregateTestCheckFunc(
					testAccCheckPackage(t, m, id, 500, 100, end),
					m.CheckAnswers(testAccUpgradeCall, "dropped", "400 OperationFailed.OrderIsProcessing"),
					m.CheckpointCheck(),
				),
			},
		},
	})
}

// TestAccCENBandwidthTempUpgrade_otherOrderProcessing seeds a package with an order that is not
// Terraform's still processing: the upgrade call, sent once, is refused, and the apply fails at
// once with the explanation instead of waiting out the create timeout for an order it never
// placed. Once the other order has completed, the next apply succeeds.
func TestAccCENBandwidthTempUpgrade_otherOrderProcessing(t *testing.T) {
	const id = "cenbwp-busy0001"
	busy := testAccPackage(id, 100)
	busy.MockPendingUpgrade = &cbn.PendingUpgrade{
		Bandwidth: 300,
		EndTime:   testAccEndIn(48 * time.Hour),
		DueTime:   time.Now().UTC().Add(time.Hour).Format(cbn.SecondTimeLayout),
	}
	m := testAccNewMockReordering(t, testAccDelay, busy)
	end := testAccEndIn(24 * time.Hour)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, m, id, 500),
		Steps: []resource.TestStep{
			{
				Config: testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end),
				ExpectError: acctest.ExpectError(`Another order on this bandwidth plan is still being processed` +
					`.*earlier terraform apply that was interrupted.*Wait until` +
					`.*OperationFailed.OrderIsProcessing \(HTTP 400\)`),
			},
			{
				PreConfig: func() {
					testAccExpectRefusedWithoutWait(t, m)
					m.Checkpoint()
					m.Advance(time.Hour) // the other order completes
				},
				Config:            testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end),
				ConfigStateChecks: testAccStateChecks("Active", 500, 100, end),
				Check: resource.ComposeAggregateTestCheckFunc(
					testAccCheckPackage(t, m, id, 500, 100, end),
					m.CheckAnswers(testAccUpgradeCall, "400 OperationFailed.OrderIsProcessing", "200"),
					m.CheckpointCheck(),
				),
			},
		},
	})
}

// testAccExpectRefusedWithoutWait asserts that since the last checkpoint the mock logged exactly
// one upgrade call, refused with OperationFailed.OrderIsProcessing, and no
// DescribeCenBandwidthPackages call after it: the provider did not wait for the order.
func testAccExpectRefusedWithoutWait(t *testing.T, m *acctest.Mock) {
	t.Helper()
	var upgrades []rpc.CallRecord
	polls := 0
	for _, c := range m.LogSinceCheckpoint() {
		switch {
		case c.Action == testAccUpgradeCall:
			upgrades = append(upgrades, c)
		case c.Action == testAccDescribeCall && len(upgrades) > 0:
			polls++
		}
	}
	if len(upgrades) != 1 || upgrades[0].Status != 400 || upgrades[0].Code != "OperationFailed.OrderIsProcessing" {
		t.Errorf("upgrade calls %+v, want one refused with OperationFailed.OrderIsProcessing", upgrades)
	}
	if polls != 0 {
		t.Errorf("%d %s calls after the refused upgrade, want none (no wait)", polls, testAccDescribeCall)
	}
}

// TestAccCENBandwidthTempUpgrade_apiErrors checks that errors only the API can detect come
// back from apply explaining cause and fix, and leave nothing in state.
func TestAccCENBandwidthTempUpgrade_apiErrors(t *testing.T) {
	const (
		id    = "cenbwp-errors0001"
		qosID = "cenbwp-errors0002"
	)
	qos := testAccPackage(qosID, 100)
	qos.MockAbsoluteInterRegionQosPolicy = true
	m := testAccNewMock(t, testAccPackage(id, 100), qos)
	end := testAccEndIn(24 * time.Hour)
	scripted := func(code, message string) func() {
		return func() {
			if err := m.SetFaults(rpc.Faults{Scripted: []rpc.ScriptedFault{
				{Action: testAccUpgradeCall, Count: 1, Status: 400, Code: code, Message: message},
			}}); err != nil {
				t.Fatal(err)
			}
		}
	}

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, m, id, 500),
		Steps: []resource.TestStep{
			{
				Config:      testAccConfigBandwidthTempUpgrade_basic(m, qosID, 500, end),
				ExpectError: acctest.ExpectError(`inter-region traffic scheduling \(QoS\) policy.*Delete that policy`),
			},
			{
				PreConfig:   scripted("Unauthorized", "The AccessKeyId is unauthorized."),
				Config:      testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end),
				ExpectError: acctest.ExpectError(`cen:TempUpgradeCenBandwidthPackageSpec.*account manager`),
			},
			{
				PreConfig:   scripted("InvalidParameter", "Invalid parameter."),
				Config:      testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end),
				ExpectError: acctest.ExpectError(`rejected a parameter.*Move end_time later`),
			},
			{
				PreConfig: scripted("InvalidOperation.OrderParameterIllegal",
					"The order parameters are abnormal, please check whether the order parameters are correct."),
				Config:      testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end),
				ExpectError: acctest.ExpectError(`conflict with an order.*Billing console`),
			},
			{
				PreConfig:   scripted("InvalidOperation.UpgradeBwpBandwidth", "The operation is invalid because the upgrade is equal or less than the original bandwidth."),
				Config:      testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end),
				ExpectError: acctest.ExpectError(`must raise the bandwidth.*Set bandwidth above`),
			},
			{
				// None of the refusals left anything behind: this apply creates.
				Config: testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{
						plancheck.ExpectResourceAction(testAccResourceName, plancheck.ResourceActionCreate),
					},
				},
				ConfigStateChecks: testAccStateChecks("Active", 500, 100, end),
				Check:             m.CheckpointCheck(),
			},
		},
	})
}

// TestAccCENBandwidthTempUpgrade_importErrors imports a package without an open window and a
// package that does not exist.
func TestAccCENBandwidthTempUpgrade_importErrors(t *testing.T) {
	const (
		id     = "cenbwp-import0001"
		idleID = "cenbwp-import0002"
	)
	m := testAccNewMock(t, testAccPackage(id, 100), testAccPackage(idleID, 100))
	end := testAccEndIn(24 * time.Hour)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, m, id, 500),
		Steps: []resource.TestStep{
			{
				Config: testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end),
				Check:  m.CheckpointCheck(),
			},
			{
				ResourceName:  testAccResourceName,
				ImportState:   true,
				ImportStateId: idleID,
				ExpectError:   acctest.ExpectError(`no active temporary upgrade.*nothing to import`),
			},
			{
				ResourceName:  testAccResourceName,
				ImportState:   true,
				ImportStateId: "cenbwp-nosuch0002",
				ExpectError:   acctest.ExpectError(`No CEN bandwidth package "cenbwp-nosuch0002" exists`),
			},
		},
	})
}

// testAccResourceType is the resource's type name.
const testAccResourceType = "alibabacloud_cen_bandwidth_temp_upgrade"

// TestProtocolDestroyWarning destroys an open upgrade the way Terraform does, over protocol 6
// against the mock, since terraform-plugin-testing does not show warnings: the
// destroy succeeds with one warning that names the bandwidth the package keeps, until when, and
// what it returns to; no mutating call is made and the mock still shows the window.
func TestProtocolDestroyWarning(t *testing.T) {
	const id = "cenbwp-destroy0001"
	end := testAccEndIn(24 * time.Hour)
	open := testAccPackage(id, 500)
	open.ReservationOrderType = cbn.ReservationTempUpgrade
	open.ReservationBandwidth = "100"
	open.MockUpgradeEndTime = end
	m := testAccNewMock(t, open)
	ctx := context.Background()

	server, err := acctest.ProtoV6ProviderFactories[acctest.ProviderName]()
	if err != nil {
		t.Fatal(err)
	}
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(schemas.Diagnostics) > 0 {
		t.Fatalf("GetProviderSchema: %v %v", err, schemas.Diagnostics)
	}
	providerType := testAccObjectType(t, schemas.Provider.ValueType())
	endpoint := tftypes.NewValue(tftypes.String, m.URL)
	config := testAccDynamicValue(t, providerType, map[string]tftypes.Value{
		"region":     tftypes.NewValue(tftypes.String, "cn-hangzhou"),
		"access_key": tftypes.NewValue(tftypes.String, mockcloud.DefaultAccessKeyID),
		"secret_key": tftypes.NewValue(tftypes.String, mockcloud.DefaultAccessKeySecret),
		"endpoints": testAccObject(t, providerType.AttributeTypes["endpoints"],
			map[string]tftypes.Value{"cbn": endpoint, "ga": endpoint}),
	})
	configured, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.11.0", Config: config})
	if err != nil || len(configured.Diagnostics) > 0 {
		t.Fatalf("ConfigureProvider: %v %v", err, configured.Diagnostics)
	}

	resourceType := testAccObjectType(t, schemas.ResourceSchemas[testAccResourceType].ValueType())
	prior := testAccDynamicValue(t, resourceType, map[string]tftypes.Value{
		"id":                       tftypes.NewValue(tftypes.String, id),
		"cen_bandwidth_package_id": tftypes.NewValue(tftypes.String, id),
		"bandwidth":                tftypes.NewValue(tftypes.Number, 500),
		"end_time":                 tftypes.NewValue(tftypes.String, end),
		"original_bandwidth":       tftypes.NewValue(tftypes.Number, 100),
		"status":                   tftypes.NewValue(tftypes.String, "Active"),
	})
	destroyed, err := tfprotov6.NewDynamicValue(resourceType, tftypes.NewValue(resourceType, nil))
	if err != nil {
		t.Fatal(err)
	}
	m.Checkpoint()
	resp, err := server.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{
		TypeName:     testAccResourceType,
		PriorState:   prior,
		PlannedState: &destroyed,
		Config:       &destroyed,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Diagnostics) != 1 || resp.Diagnostics[0].Severity != tfprotov6.DiagnosticSeverityWarning {
		t.Fatalf("want exactly one warning, got %v", resp.Diagnostics)
	}
	detail := resp.Diagnostics[0].Detail
	for _, want := range []string{id, "keeps 500 Mbps", "until " + end, "returns to 100 Mbps", "cannot cancel"} {
		if !strings.Contains(detail, want) {
			t.Errorf("warning %q lacks %q", detail, want)
		}
	}
	if state, err := resp.NewState.Unmarshal(resourceType); err != nil || !state.IsNull() {
		t.Errorf("state after destroy: %v, %v; want null", state, err)
	}
	acctest.Check(t, m.CheckNoMutationSinceCheckpoint())
	acctest.Check(t, testAccCheckPackage(t, m, id, 500, 100, end))
}

// testAccObjectType asserts that typ is an object type.
func testAccObjectType(t *testing.T, typ tftypes.Type) tftypes.Object {
	t.Helper()
	obj, ok := typ.(tftypes.Object)
	if !ok {
		t.Fatalf("%v is not an object type", typ)
	}
	return obj
}

// testAccObject builds a value of the object type typ from vals, every other attribute null.
func testAccObject(t *testing.T, typ tftypes.Type, vals map[string]tftypes.Value) tftypes.Value {
	t.Helper()
	obj := testAccObjectType(t, typ)
	all := map[string]tftypes.Value{}
	for name, attrType := range obj.AttributeTypes {
		all[name] = tftypes.NewValue(attrType, nil)
	}
	for name, v := range vals {
		if _, ok := obj.AttributeTypes[name]; !ok {
			t.Fatalf("the schema has no attribute %q", name)
		}
		all[name] = v
	}
	return tftypes.NewValue(obj, all)
}

// testAccDynamicValue is testAccObject encoded for the protocol.
func testAccDynamicValue(t *testing.T, typ tftypes.Object, vals map[string]tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, testAccObject(t, typ, vals))
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}

// TestAccCENBandwidthTempUpgrade_twoUpgradesOfOnePackage: two resources upgrading one package
// are refused at plan, naming the other, before anything is ordered (was: one ordered, the
// other refused at apply with OperationFailed.OrderIsProcessing, blamed on an order placed
// outside Terraform). One of them alone then applies.
func TestAccCENBandwidthTempUpgrade_twoUpgradesOfOnePackage(t *testing.T) {
	const id = "cenbwp-twice0001"
	m := testAccNewMock(t, testAccPackage(id, 100))
	end := testAccEndIn(24 * time.Hour)
	two := fmt.Sprintf(`
resource "alibabacloud_cen_bandwidth_temp_upgrade" "test" {
  cen_bandwidth_package_id = %[1]q
  bandwidth                = 500
  end_time                 = %[2]q
}

resource "alibabacloud_cen_bandwidth_temp_upgrade" "again" {
  cen_bandwidth_package_id = %[1]q
  bandwidth                = 600
  end_time                 = %[2]q
}
`, id, end)
	g := m.MutationGuard(t)
	valid := testAccStepUpgraded(t, m, id, 500, 100, end, 1)
	valid.PreConfig = g.Check
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, m, id, 500),
		Steps: []resource.TestStep{
			g.RefusedPlan(two, `Two temporary upgrades of one CEN bandwidth package.*Another `+
				`alibabacloud_cen_bandwidth_temp_upgrade of this configuration, the upgrade to [56]00 Mbps until `+end+
				`, upgrades CEN bandwidth package `+id+` too`),
			valid,
		},
	})
}

// TestAccCENBandwidthTempUpgrade_timeoutsRefusedAtPlan: a timeout that is not a positive
// duration is refused at plan, naming the timeouts attribute and its default, before anything
// is ordered.
func TestAccCENBandwidthTempUpgrade_timeoutsRefusedAtPlan(t *testing.T) {
	const id = "cenbwp-timeouts0001"
	m := testAccNewMock(t, testAccPackage(id, 100))
	end := testAccEndIn(24 * time.Hour)
	g := m.MutationGuard(t)
	refused := func(create, pattern string) resource.TestStep {
		return g.Refused(resource.TestStep{Config: testAccConfigBandwidthTempUpgrade_timeouts(m, id, 500, end, create), PlanOnly: true}, pattern)
	}
	valid := testAccStepUpgraded(t, m, id, 500, 100, end, 1)
	valid.PreConfig = g.Check
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, m, id, 500),
		Steps: []resource.TestStep{
			refused("0s", `Invalid timeouts.create.*timeouts.create = "0s" is not a positive duration.*the default, 10m`),
			refused("-5m", `timeouts.create = "-5m" is not a positive duration`),
			valid,
		},
	})
}

// TestAccCENBandwidthTempUpgrade_valuesAtPlan: a bandwidth with a fraction gets a message of
// ours naming the attribute (was: "This is always an error in the provider ..."); a package at
// the highest bandwidth is said to be impossible to upgrade (was: "set bandwidth to at least
// 10001 (and at most 10000)").
func TestAccCENBandwidthTempUpgrade_valuesAtPlan(t *testing.T) {
	const id, topID = "cenbwp-values0001", "cenbwp-values0002"
	m := testAccNewMock(t, testAccPackage(id, 100), testAccPackage(topID, 10000))
	end := testAccEndIn(24 * time.Hour)
	g := m.MutationGuard(t)
	config := func(id, bandwidth string) string {
		return fmt.Sprintf(`
resource "alibabacloud_cen_bandwidth_temp_upgrade" "test" {
  cen_bandwidth_package_id = %q
  bandwidth                = %s
  end_time                 = %q
}
`, id, bandwidth, end)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			g.RefusedPlan(config(id, "500.5"), `bandwidth = 500.5 is not a whole number.*such as 500 or 501`),
			g.RefusedPlan(config(topID, "10000"), `Package at the highest bandwidth cannot be upgraded temporarily.*base bandwidth is 10000 Mbps`),
			{PreConfig: g.Check, Config: m.Config(config(id, "500")), PlanOnly: true, ExpectNonEmptyPlan: true},
		},
	})
}
