package cen_test

import (
	"fmt"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/mockcloud/cbn"
	"terraform-provider-alibabacloud/internal/service/cen"
)

// The acceptance tests of this file run against the real cloud too (TF_ACC_TARGET=cloud, see
// README): each upgrades a subscription CEN bandwidth package of TF_ACC_CEN_BANDWIDTH_PACKAGE_IDS
// (on the mock, the seeded one) by a few Mbps for about four hours, relative to the bandwidth the
// package has. Those of bandwidth_temp_upgrade_mock_test.go need the mock.

const (
	testAccResourceName = "alibabacloud_cen_bandwidth_temp_upgrade.test"
	testAccUpgradeCall  = "TempUpgradeCenBandwidthPackageSpec"
	testAccDescribeCall = "DescribeCenBandwidthPackages"
	// testAccDelay is how long the mock takes to apply an upgrade in most tests.
	testAccDelay = 2 * time.Second
	// testAccWindow is how long the windows of the tests that run against the cloud last: the
	// shortest the API takes (3 hours) with a margin for the time between plan and apply. The
	// cloud bills the upgraded bandwidth for as long.
	testAccWindow = 3*time.Hour + 30*time.Minute
	// testAccCost is what one window of those tests costs.
	testAccCost = "a temporary upgrade of one subscription CEN bandwidth package by at most 4 Mbps, for about 4 hours " +
		"(it cannot be ended early)"
)

// testAccReading is how the mock reads what the API pages leave open. Against the real cloud a
// test does not know it (known is false) and must pass whichever the cloud takes.
type testAccReading struct {
	known bool
	// reorders: an upgrade ordered while a window is open is accepted (lenient), or refused with
	// InvalidOperation.OrderParameterIllegal (strict).
	reorders bool
	// exactEnd: the window ends at EndTime, ReservationActiveTime showing it to the minute
	// (lenient), or at EndTime rounded up to the whole hour (strict).
	exactEnd bool
}

// testAccVariants are the strict and the lenient mock holding packages, whose upgrades take
// delay; both have every feature gate on (acctest.OpenAccount).
func testAccVariants(delay time.Duration, packages ...cbn.Package) []acctest.Variant[testAccReading] {
	strict := acctest.OpenAccount(delay) // the mock's strict readings are its defaults
	lenient := acctest.OpenAccount(delay)
	lenient.CBN.CenAllowOrderDuringWindow = true
	lenient.CBN.CenReservationTimeExact = true
	variant := func(name string, account *mockcloud.Account, r testAccReading) acctest.Variant[testAccReading] {
		return acctest.Variant[testAccReading]{Name: name, Reading: r, Options: mockcloud.Options{
			Delay: delay,
			Seed:  &mockcloud.State{Account: account, CenBandwidthPackages: packages},
		}}
	}
	return []acctest.Variant[testAccReading]{
		variant("strict", strict, testAccReading{known: true}),
		variant("lenient", lenient, testAccReading{known: true, reorders: true, exactEnd: true}),
	}
}

// testAccRun runs test against the cloud (ct says what it needs and costs there), or on the
// strict and on the lenient mock holding packages.
func testAccRun(t *testing.T, ct acctest.CloudTest, packages []cbn.Package, test func(t *testing.T, e *acctest.Env, r testAccReading)) {
	t.Helper()
	acctest.Variants(t, ct, testAccVariants(testAccDelay, packages...), test)
}

// testAccCloudTest is the CloudTest of a test that upgrades one package for testAccWindow.
var testAccCloudTest = acctest.CloudTest{Cost: testAccCost, CENPackages: 1}

// testAccEndIn returns an end_time d from now, to the minute, as the resource takes it.
func testAccEndIn(d time.Duration) string {
	return time.Now().UTC().Add(d).Truncate(time.Minute).Format("2006-01-02T15:04:05Z")
}

// testAccEndOnHour returns an end_time at least d from now on a whole hour, where a window ends
// whichever reading the cloud takes.
func testAccEndOnHour(d time.Duration) string {
	end := time.Now().UTC().Add(d)
	if hour := end.Truncate(time.Hour); hour.Before(end) {
		end = hour.Add(time.Hour)
	}
	return end.Format("2006-01-02T15:04:05Z")
}

// testAccPackage is a subscription package at bandwidth Mbps that expires in a year.
func testAccPackage(id string, bandwidth int64) cbn.Package {
	return acctest.SeedCENPackage(id, bandwidth)
}

// testAccUpgradedPackage returns subscription package id of base 100 Mbps, for a mock's seed,
// with a temporary upgrade window open at 500 Mbps until end.
func testAccUpgradedPackage(id, end string) cbn.Package {
	p := testAccPackage(id, 500)
	p.ReservationOrderType = cbn.ReservationTempUpgrade
	p.ReservationBandwidth = "100"
	p.MockUpgradeEndTime = end
	return p
}

// testAccBase returns the bandwidth of e's package, which must be a subscription with no
// window open: the tests upgrade relative to it. It fails t at once otherwise (on the cloud, a
// package of TF_ACC_CEN_BANDWIDTH_PACKAGE_IDS that does not fit).
func testAccBase(t *testing.T, e *acctest.Env) (id string, base int64) {
	t.Helper()
	id = e.CENPackageIDs[0]
	p, err := cen.FindBandwidthPackageByID(t.Context(), e.Client(t).CBN, id)
	if err != nil {
		t.Fatalf("CEN bandwidth package %s: %v", id, err)
	}
	switch {
	case p.BandwidthPackageChargeType != "PREPAY":
		t.Fatalf("CEN bandwidth package %s is %s; the tests upgrade subscription (PREPAY) packages", id, p.BandwidthPackageChargeType)
	case p.HasReservationData == "true" && p.ReservationOrderType == "TEMP_UPGRADE":
		t.Fatalf("CEN bandwidth package %s has a temporary upgrade open until %s; give the tests a package without one",
			id, p.ReservationActiveTime)
	}
	return id, p.Bandwidth
}

// testAccConfigBandwidthTempUpgrade_basic upgrades package id to bandwidth until endTime.
func testAccConfigBandwidthTempUpgrade_basic(target acctest.Target, id string, bandwidth int64, endTime string) string {
	return target.Config(fmt.Sprintf(`
resource "alibabacloud_cen_bandwidth_temp_upgrade" "test" {
  cen_bandwidth_package_id = %q
  bandwidth                = %d
  end_time                 = %q
}
`, id, bandwidth, endTime))
}

// testAccConfigBandwidthTempUpgrade_timeouts is the basic configuration with a create timeout.
func testAccConfigBandwidthTempUpgrade_timeouts(target acctest.Target, id string, bandwidth int64, endTime, create string) string {
	return target.Config(fmt.Sprintf(`
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
func testAccConfigBandwidthTempUpgrade_unknownID(target acctest.Target, id string, bandwidth int64, endTime string) string {
	return target.Config(fmt.Sprintf(`
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

// testAccWindowEndCheck checks the end of the window ordered to end at endTime, in the API's
// layout or the resource's: under the lenient reading endTime to the minute, under the strict
// one endTime rounded up to the whole hour, against the cloud either or any time in between.
func testAccWindowEndCheck(r testAccReading, endTime string) func(shown string) error {
	return func(shown string) error {
		want, err := time.Parse(time.RFC3339, endTime)
		if err != nil {
			return err
		}
		got, err := time.Parse("2006-01-02T15:04Z", shown)
		if err != nil {
			if got, err = time.Parse(time.RFC3339, shown); err != nil {
				return fmt.Errorf("window end %q: %w", shown, err)
			}
		}
		first, last := want.Truncate(time.Minute), want.Truncate(time.Hour)
		if last.Before(want) {
			last = last.Add(time.Hour)
		}
		switch {
		case r.known && r.exactEnd && !got.Equal(first):
			return fmt.Errorf("window ends at %s, want %s (end_time to the minute)", shown, first.Format(time.RFC3339))
		case r.known && !r.exactEnd && !got.Equal(last):
			return fmt.Errorf("window ends at %s, want %s (end_time rounded up to the hour)", shown, last.Format(time.RFC3339))
		case got.Before(first) || got.After(last):
			return fmt.Errorf("window ends at %s, want from %s to %s", shown, first.Format(time.RFC3339), last.Format(time.RFC3339))
		}
		return nil
	}
}

// testAccStateChecks asserts the upgrade's attributes in state: end_time as written, and
// window_end_time where the cloud ends the window ordered for it.
func testAccStateChecks(r testAccReading, status string, bandwidth, original int64, endTime string) []statecheck.StateCheck {
	return []statecheck.StateCheck{
		statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("status"), knownvalue.StringExact(status)),
		statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("bandwidth"), knownvalue.Int64Exact(bandwidth)),
		statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("original_bandwidth"), knownvalue.Int64Exact(original)),
		statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("end_time"), knownvalue.StringExact(endTime)),
		statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("window_end_time"), knownvalue.StringFunc(testAccWindowEndCheck(r, endTime))),
	}
}

// testAccCheckPackage asserts, through the provider's finder, what the cloud shows of package
// id: its bandwidth and, when restoresTo is not 0, an open window that restores restoresTo Mbps
// where the window ordered to end at endTime ends (0: no window).
func testAccCheckPackage(t *testing.T, target acctest.Target, r testAccReading, id string, bandwidth, restoresTo int64, endTime string) resource.TestCheckFunc {
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
		if err := testAccWindowEndCheck(r, endTime)(p.ReservationActiveTime); err != nil {
			return fmt.Errorf("package %s: ReservationActiveTime: %w", id, err)
		}
		return nil
	}
}

// testAccCheckBandwidthTempUpgradeDestroy asserts that destroy made no mutating call (mock
// only: the API cannot cancel an upgrade) and that the package still shows bandwidth Mbps.
func testAccCheckBandwidthTempUpgradeDestroy(t *testing.T, e *acctest.Env, id string, bandwidth int64) resource.TestCheckFunc {
	return resource.ComposeAggregateTestCheckFunc(
		e.Mock.CheckNoMutationSinceCheckpoint(),
		func(s *terraform.State) error {
			p, err := cen.FindBandwidthPackageByID(t.Context(), e.Client(t).CBN, id)
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
// in the cloud, and (mock only) that the mock has logged upgradeCalls upgrade calls in all.
func testAccStepUpgraded(t *testing.T, e *acctest.Env, r testAccReading, id string, bandwidth, original int64, endTime string, upgradeCalls int) resource.TestStep {
	return resource.TestStep{
		Config:            testAccConfigBandwidthTempUpgrade_basic(e, id, bandwidth, endTime),
		ConfigStateChecks: testAccStateChecks(r, "Active", bandwidth, original, endTime),
		Check: resource.ComposeAggregateTestCheckFunc(
			testAccCheckPackage(t, e, r, id, bandwidth, original, endTime),
			e.Mock.CheckCallCount(testAccUpgradeCall, upgradeCalls),
			e.Mock.CheckpointCheck(),
		),
	}
}

// withPlanChecks returns step with pre-apply plan checks.
func withPlanChecks(step resource.TestStep, checks ...plancheck.PlanCheck) resource.TestStep {
	step.ConfigPlanChecks.PreApply = checks
	return step
}

func TestAccCENBandwidthTempUpgrade_basic(t *testing.T) {
	testAccRun(t, testAccCloudTest, []cbn.Package{testAccPackage("cenbwp-basic0001", 100)}, func(t *testing.T, e *acctest.Env, r testAccReading) {
		id, base := testAccBase(t, e)
		up := base + 2
		// On a whole hour: the window ends there whichever reading the cloud takes, so that an
		// import, which reads end_time from the window, gives end_time as written.
		end := testAccEndOnHour(testAccWindow)

		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, e, id, up),
			Steps: []resource.TestStep{
				{
					Config: testAccConfigBandwidthTempUpgrade_basic(e, id, up, end),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(testAccResourceName, plancheck.ResourceActionCreate),
							// Known at plan from the package: an operator sees it in code review.
							plancheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("original_bandwidth"), knownvalue.Int64Exact(base)),
							plancheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("status"), knownvalue.StringExact("Active")),
							plancheck.ExpectUnknownValue(testAccResourceName, tfjsonpath.New("window_end_time")),
						},
					},
					ConfigStateChecks: append(testAccStateChecks(r, "Active", up, base, end),
						statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("id"), knownvalue.StringExact(id)),
						statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("charge_type"), knownvalue.StringExact("PREPAY")),
						statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("business_status"), knownvalue.StringExact("Normal")),
						statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("package_name"), knownvalue.NotNull()),
						statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("window_end_time"), knownvalue.StringExact(end)),
						statecheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("expired_time"),
							knownvalue.StringRegexp(regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00Z$`))),
					),
					Check: resource.ComposeAggregateTestCheckFunc(
						testAccCheckPackage(t, e, r, id, up, base, end),
						e.Mock.CheckCallCount(testAccUpgradeCall, 1),
					),
				},
				{
					// A second plan of the same configuration is empty and orders nothing.
					Config: testAccConfigBandwidthTempUpgrade_basic(e, id, up, end),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					Check: e.Mock.CheckCallCount(testAccUpgradeCall, 1),
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
					Config:          testAccConfigBandwidthTempUpgrade_basic(e, id, up, end),
					ResourceName:    testAccResourceName,
					ImportState:     true,
					ImportStateKind: resource.ImportBlockWithID,
					ImportStateId:   id,
					ImportPlanChecks: resource.ImportPlanChecks{
						PreApply: []plancheck.PlanCheck{
							plancheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("status"), knownvalue.StringExact("Active")),
							plancheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("original_bandwidth"), knownvalue.Int64Exact(base)),
							plancheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("end_time"), knownvalue.StringExact(end)),
						},
					},
				},
				{
					Config: testAccConfigBandwidthTempUpgrade_basic(e, id, up, end),
					Check: resource.ComposeAggregateTestCheckFunc(
						e.Mock.CheckCallCount(testAccUpgradeCall, 1),
						e.Mock.CheckpointCheck(),
					),
				},
			},
		})
	})
}

// TestAccCENBandwidthTempUpgrade_planRules plans upgrades that break each rule checked before
// anything is ordered, and asserts after each that no mutating call reached the cloud (mock
// only); then a valid plan goes through. The rules that need a package in another state
// (pay-as-you-go, expired, locked) are in TestAccCENBandwidthTempUpgrade_planRulesPackageStates.
func TestAccCENBandwidthTempUpgrade_planRules(t *testing.T) {
	short := testAccPackage("cenbwp-rules0001", 100)
	short.ExpiredTime = time.Now().UTC().Add(48 * time.Hour).Format(cbn.APITimeLayout)
	testAccRun(t, testAccCloudTest, []cbn.Package{short}, func(t *testing.T, e *acctest.Env, r testAccReading) {
		id, base := testAccBase(t, e)
		p, err := cen.FindBandwidthPackageByID(t.Context(), e.Client(t).CBN, id)
		if err != nil {
			t.Fatal(err)
		}
		expiry, err := time.Parse("2006-01-02T15:04Z", p.ExpiredTime)
		if err != nil {
			t.Fatalf("package %s: ExpiredTime %q: %v", id, p.ExpiredTime, err)
		}
		end := testAccEndIn(testAccWindow)
		up := base + 2

		cases := []struct {
			name      string
			id        string
			bandwidth int64
			endTime   string
			want      string
		}{
			{"bandwidth below range", id, 1, end, `bandwidth.*between 2 and 10000`},
			{"bandwidth above range", id, 20000, end, `bandwidth.*between 2 and 10000`},
			{"end_time with an offset", id, up, time.Now().Add(24 * time.Hour).Format("2006-01-02T15:04:05+08:00"), `end_time.*YYYY-MM-DDThh:mm:ssZ`},
			{"end_time without seconds", id, up, end[:16] + "Z", `end_time.*YYYY-MM-DDThh:mm:ssZ`},
			{"end_time not a date", id, up, "2026-13-01T10:00:00Z", `end_time.*not a real date`},
			{"end_time in the past", id, up, testAccEndIn(-time.Hour), `end_time.*is in the past`},
			{"end_time under 3 hours", id, up, testAccEndIn(2 * time.Hour), `end_time.*3 hours`},
			{"bandwidth not above base", id, base, end, fmt.Sprintf(`bandwidth = %d does not exceed.*%d Mbps`, base, base)},
			{"window past package expiry", id, up, expiry.Add(time.Hour).Format("2006-01-02T15:04:05Z"), `end_time.*after the subscription`},
			{"missing package", "cenbwp-nosuch0001", up, end, `cen_bandwidth_package_id = "cenbwp-nosuch0001": no such`},
		}
		g := e.MutationGuard(t)
		var steps []resource.TestStep
		for _, c := range cases {
			steps = append(steps, g.Refused(resource.TestStep{
				Config:   testAccConfigBandwidthTempUpgrade_basic(e, c.id, c.bandwidth, c.endTime),
				PlanOnly: true,
			}, c.want))
		}
		// The last rejected plan made no call either; then a valid plan goes through.
		valid := testAccStepUpgraded(t, e, r, id, up, base, end, 1)
		valid.PreConfig = g.Check
		steps = append(steps, valid)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, e, id, up),
			Steps:                    steps,
		})
	})
}

// TestAccCENBandwidthTempUpgrade_planRulesOpenWindow checks the rules that depend on the open
// window: no lowering, upgrade only, and the time rules for a changed end_time.
func TestAccCENBandwidthTempUpgrade_planRulesOpenWindow(t *testing.T) {
	testAccRun(t, testAccCloudTest, []cbn.Package{testAccPackage("cenbwp-open0001", 100)}, func(t *testing.T, e *acctest.Env, r testAccReading) {
		id, base := testAccBase(t, e)
		up, lower := base+4, base+2
		end := testAccEndIn(testAccWindow)

		g := e.MutationGuard(t)
		rejected := func(bandwidth int64, endTime, want string) resource.TestStep {
			return g.Refused(resource.TestStep{Config: testAccConfigBandwidthTempUpgrade_basic(e, id, bandwidth, endTime)}, want)
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, e, id, up),
			Steps: []resource.TestStep{
				testAccStepUpgraded(t, e, r, id, up, base, end, 1),
				rejected(lower, end, fmt.Sprintf(`bandwidth = %d is lower than the %d Mbps.*open until`, lower, up)),
				rejected(base, end, fmt.Sprintf(`bandwidth = %d does not exceed the package's base bandwidth of %d Mbps`, base, base)),
				rejected(up, testAccEndIn(-2*time.Hour), `end_time.*is in the past`),
				rejected(up, testAccEndIn(time.Hour), `end_time.*less than 3 hours away`),
				{
					// Nothing was ordered by the rejected plans; the window is unchanged.
					PreConfig: g.Check,
					Config:    testAccConfigBandwidthTempUpgrade_basic(e, id, up, end),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					ConfigStateChecks: testAccStateChecks(r, "Active", up, base, end),
					Check: resource.ComposeAggregateTestCheckFunc(
						testAccCheckPackage(t, e, r, id, up, base, end),
						e.Mock.CheckCallCount(testAccUpgradeCall, 1),
						e.Mock.CheckpointCheck(),
					),
				},
			},
		})
	})
}

// TestAccCENBandwidthTempUpgrade_unknownPackageID plans with a package id known only at apply:
// the time rules, which need no package, still refuse `terraform plan` (not only the plan
// Terraform makes again during apply); the package checks step aside until the id is known.
func TestAccCENBandwidthTempUpgrade_unknownPackageID(t *testing.T) {
	testAccRun(t, testAccCloudTest, []cbn.Package{testAccPackage("cenbwp-unknown0001", 100)}, func(t *testing.T, e *acctest.Env, r testAccReading) {
		id, base := testAccBase(t, e)
		up := base + 2
		end := testAccEndIn(testAccWindow)

		g := e.MutationGuard(t)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, e, id, up),
			Steps: []resource.TestStep{
				g.Refused(resource.TestStep{
					Config:   testAccConfigBandwidthTempUpgrade_unknownID(e, id, up, testAccEndIn(-time.Hour)),
					PlanOnly: true,
				}, `end_time.*is in the past`),
				g.Refused(resource.TestStep{
					Config:   testAccConfigBandwidthTempUpgrade_unknownID(e, id, up, testAccEndIn(time.Hour)),
					PlanOnly: true,
				}, `end_time.*lasts at least 3 hours`),
				{
					PreConfig: g.Check,
					Config:    testAccConfigBandwidthTempUpgrade_unknownID(e, id, up, end),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(testAccResourceName, plancheck.ResourceActionCreate),
							plancheck.ExpectUnknownValue(testAccResourceName, tfjsonpath.New("original_bandwidth")),
						},
					},
					ConfigStateChecks: testAccStateChecks(r, "Active", up, base, end),
					Check: resource.ComposeAggregateTestCheckFunc(
						testAccCheckPackage(t, e, r, id, up, base, end),
						e.Mock.CheckpointCheck(),
					),
				},
			},
		})
	})
}

// TestAccCENBandwidthTempUpgrade_importErrors imports a package without an open window and a
// package that does not exist; nothing is ordered (free against the cloud).
func TestAccCENBandwidthTempUpgrade_importErrors(t *testing.T) {
	ct := acctest.CloudTest{Cost: "nothing: it only reads a subscription CEN bandwidth package", CENPackages: 1}
	testAccRun(t, ct, []cbn.Package{testAccPackage("cenbwp-import0001", 100)}, func(t *testing.T, e *acctest.Env, _ testAccReading) {
		id, base := testAccBase(t, e)
		config := testAccConfigBandwidthTempUpgrade_basic(e, id, base+2, testAccEndIn(testAccWindow))
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckPackage(t, e, testAccReading{}, id, base, 0, ""),
			Steps: []resource.TestStep{
				{
					Config:        config,
					ResourceName:  testAccResourceName,
					ImportState:   true,
					ImportStateId: id,
					ExpectError:   acctest.ExpectError(`no active temporary upgrade.*nothing to import`),
				},
				{
					Config:        config,
					ResourceName:  testAccResourceName,
					ImportState:   true,
					ImportStateId: "cenbwp-nosuch0002",
					ExpectError:   acctest.ExpectError(`No CEN bandwidth package "cenbwp-nosuch0002" exists`),
				},
			},
		})
	})
}

// TestAccCENBandwidthTempUpgrade_twoUpgradesOfOnePackage: two resources upgrading one package
// are refused at plan, naming the other, before anything is ordered (was: one ordered, the
// other refused at apply with OperationFailed.OrderIsProcessing, blamed on an order placed
// outside Terraform). One of them alone then applies.
func TestAccCENBandwidthTempUpgrade_twoUpgradesOfOnePackage(t *testing.T) {
	testAccRun(t, testAccCloudTest, []cbn.Package{testAccPackage("cenbwp-twice0001", 100)}, func(t *testing.T, e *acctest.Env, r testAccReading) {
		id, base := testAccBase(t, e)
		end := testAccEndIn(testAccWindow)
		two := fmt.Sprintf(`
resource "alibabacloud_cen_bandwidth_temp_upgrade" "test" {
  cen_bandwidth_package_id = %[1]q
  bandwidth                = %[3]d
  end_time                 = %[2]q
}

resource "alibabacloud_cen_bandwidth_temp_upgrade" "again" {
  cen_bandwidth_package_id = %[1]q
  bandwidth                = %[4]d
  end_time                 = %[2]q
}
`, id, end, base+2, base+4)
		g := e.MutationGuard(t)
		valid := testAccStepUpgraded(t, e, r, id, base+2, base, end, 1)
		valid.PreConfig = g.Check
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, e, id, base+2),
			Steps: []resource.TestStep{
				g.RefusedPlan(two, fmt.Sprintf(`Two temporary upgrades of one CEN bandwidth package.*Another `+
					`alibabacloud_cen_bandwidth_temp_upgrade of this configuration, the upgrade to (%d|%d) Mbps until `+end+
					`, upgrades CEN bandwidth package `+id+` too`, base+2, base+4)),
				valid,
			},
		})
	})
}

// TestAccCENBandwidthTempUpgrade_timeoutsRefusedAtPlan: a timeout that is not a positive
// duration is refused at plan, naming the timeouts attribute and its default, before anything
// is ordered.
func TestAccCENBandwidthTempUpgrade_timeoutsRefusedAtPlan(t *testing.T) {
	testAccRun(t, testAccCloudTest, []cbn.Package{testAccPackage("cenbwp-timeouts0001", 100)}, func(t *testing.T, e *acctest.Env, r testAccReading) {
		id, base := testAccBase(t, e)
		end := testAccEndIn(testAccWindow)
		g := e.MutationGuard(t)
		refused := func(create, pattern string) resource.TestStep {
			return g.Refused(resource.TestStep{Config: testAccConfigBandwidthTempUpgrade_timeouts(e, id, base+2, end, create), PlanOnly: true}, pattern)
		}
		valid := testAccStepUpgraded(t, e, r, id, base+2, base, end, 1)
		valid.PreConfig = g.Check
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, e, id, base+2),
			Steps: []resource.TestStep{
				refused("0s", `Invalid timeouts.create.*timeouts.create = "0s" is not a positive duration.*the default, 10m`),
				refused("-5m", `timeouts.create = "-5m" is not a positive duration`),
				valid,
			},
		})
	})
}
