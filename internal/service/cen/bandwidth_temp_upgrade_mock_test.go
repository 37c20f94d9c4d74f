package cen_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/mockcloud/cbn"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// The acceptance tests of this file need the mock: its seeds, clock, faults or call log, or they
// expect what only one reading of the API does (a second order while a window is open). Each runs
// under the mock's strict and lenient readings.

// testAccStrict is the mock's default reading, the strict one.
var testAccStrict = testAccReading{known: true}

// testAccNewMock starts a mock holding packages, whose upgrades take testAccDelay, under the
// strict reading (acctest.OpenAccount), for a test that needs the mock.
func testAccNewMock(t *testing.T, packages ...cbn.Package) *acctest.Mock {
	t.Helper()
	return acctest.NewSeededMock(t, testAccDelay, mockcloud.State{CenBandwidthPackages: packages})
}

// testAccNewEnv is testAccNewMock for a test that uses resource.Test (NewEnv makes it parallel).
func testAccNewEnv(t *testing.T, packages ...cbn.Package) *acctest.Env {
	t.Helper()
	return acctest.NewEnv(t, acctest.NeedsMock, mockcloud.Options{Delay: testAccDelay, Seed: &mockcloud.State{CenBandwidthPackages: packages}})
}

// testAccRunOnMock runs test on the strict and on the lenient mock holding packages, whose
// upgrades take delay.
func testAccRunOnMock(t *testing.T, delay time.Duration, packages []cbn.Package, test func(t *testing.T, e *acctest.Env, r testAccReading)) {
	t.Helper()
	acctest.Variants(t, acctest.NeedsMock, testAccVariants(delay, packages...), test)
}

// testAccStepReorder applies an upgrade to bandwidth until endTime of package id while the
// window the previous step opened is open. The lenient reading accepts the order: the new
// window shows, and upgradeCalls calls were made in all. The strict one refuses it at apply,
// saying that a window is open and nothing changed (testAccStepUnchangedAfterRefusal checks
// that).
func testAccStepReorder(t *testing.T, e *acctest.Env, r testAccReading, id string, bandwidth, original int64, endTime string, upgradeCalls int) resource.TestStep {
	if r.reorders {
		return withPlanChecks(testAccStepUpgraded(t, e, r, id, bandwidth, original, endTime, upgradeCalls),
			plancheck.ExpectResourceAction(testAccResourceName, plancheck.ResourceActionUpdate))
	}
	return resource.TestStep{
		PreConfig: e.Mock.Checkpoint,
		Config:    testAccConfigBandwidthTempUpgrade_basic(e, id, bandwidth, endTime),
		ExpectError: acctest.ExpectError(`a window is open.*open until .* at \d+ Mbps.*Nothing was changed.*set a new end_time` +
			`.*InvalidOperation.OrderParameterIllegal`),
	}
}

// testAccStepUnchangedAfterRefusal is the step after a reorder the strict reading refused: the
// configuration of the window in effect (bandwidth until endTime) plans empty, the state and
// the package still show that window, and the refused order was the only one since.
func testAccStepUnchangedAfterRefusal(t *testing.T, e *acctest.Env, r testAccReading, id string, bandwidth, original int64, endTime string) resource.TestStep {
	return resource.TestStep{
		Config: testAccConfigBandwidthTempUpgrade_basic(e, id, bandwidth, endTime),
		ConfigPlanChecks: resource.ConfigPlanChecks{
			PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
		},
		ConfigStateChecks: testAccStateChecks(r, "Active", bandwidth, original, endTime),
		Check: resource.ComposeAggregateTestCheckFunc(
			testAccCheckPackage(t, e, r, id, bandwidth, original, endTime),
			e.Mock.CheckAnswersSinceCheckpoint(testAccUpgradeCall, "400 InvalidOperation.OrderParameterIllegal"),
			e.Mock.CheckpointCheck(),
		),
	}
}

// TestAccCENBandwidthTempUpgrade_raiseBandwidth raises the bandwidth of an open window: the
// lenient reading orders it; the strict one refuses it, explained, and raises it with a new
// window once the first has ended.
func TestAccCENBandwidthTempUpgrade_raiseBandwidth(t *testing.T) {
	testAccRunOnMock(t, testAccDelay, []cbn.Package{testAccPackage("cenbwp-raise0001", 200)}, func(t *testing.T, e *acctest.Env, r testAccReading) {
		const id = "cenbwp-raise0001"
		end, next := testAccEndIn(24*time.Hour), testAccEndIn(72*time.Hour)
		steps := []resource.TestStep{
			testAccStepUpgraded(t, e, r, id, 500, 200, end, 1),
			testAccStepReorder(t, e, r, id, 800, 200, end, 2),
		}
		if !r.reorders {
			newWindow := testAccStepUpgraded(t, e, r, id, 800, 200, next, 3)
			newWindow.PreConfig = func() { e.Mock.Advance(26 * time.Hour) } // the window has ended
			steps = append(steps, testAccStepUnchangedAfterRefusal(t, e, r, id, 500, 200, end), newWindow)
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, e, id, 800),
			Steps:                    steps,
		})
	})
}

// TestAccCENBandwidthTempUpgrade_moveEndTime moves the end of an open window later, then
// earlier: the lenient reading orders each; the strict one refuses the move, explained.
func TestAccCENBandwidthTempUpgrade_moveEndTime(t *testing.T) {
	testAccRunOnMock(t, testAccDelay, []cbn.Package{testAccPackage("cenbwp-move0001", 100)}, func(t *testing.T, e *acctest.Env, r testAccReading) {
		const id = "cenbwp-move0001"
		end, later, earlier := testAccEndIn(24*time.Hour), testAccEndIn(48*time.Hour), testAccEndIn(12*time.Hour)
		steps := []resource.TestStep{
			testAccStepUpgraded(t, e, r, id, 500, 100, end, 1),
			testAccStepReorder(t, e, r, id, 500, 100, later, 2),
		}
		if r.reorders {
			// Shortening the window (still 3 hours or more away) is allowed too.
			steps = append(steps, testAccStepUpgraded(t, e, r, id, 500, 100, earlier, 3))
		} else {
			steps = append(steps, testAccStepUnchangedAfterRefusal(t, e, r, id, 500, 100, end))
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, e, id, 500),
			Steps:                    steps,
		})
	})
}

// TestAccCENBandwidthTempUpgrade_endTimeSeconds writes end_time with seconds, which the API
// reports to the minute only (or rounds up to the hour): refreshes keep the written value and
// plan empty, moving it within its minute orders nothing, and moving it across a minute
// boundary, even by less than a minute, orders the new end (which the strict reading refuses
// while the window is open).
func TestAccCENBandwidthTempUpgrade_endTimeSeconds(t *testing.T) {
	testAccRunOnMock(t, testAccDelay, []cbn.Package{testAccPackage("cenbwp-seconds0001", 100)}, func(t *testing.T, e *acctest.Env, r testAccReading) {
		const id = "cenbwp-seconds0001"
		minute := testAccEndIn(24 * time.Hour)
		end := minute[:17] + "37Z"
		sameMinute := minute[:17] + "59Z"
		nextMinute := testAccEndIn(24*time.Hour + time.Minute)[:17] + "05Z"

		steps := []resource.TestStep{
			testAccStepUpgraded(t, e, r, id, 500, 100, end, 1),
			{
				// The refresh reads ReservationActiveTime without seconds (or on the hour)
				// and keeps end_time as written.
				Config: testAccConfigBandwidthTempUpgrade_basic(e, id, 500, end),
				ConfigPlanChecks: resource.ConfigPlanChecks{
					PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
				},
				ConfigStateChecks: testAccStateChecks(r, "Active", 500, 100, end),
			},
			withPlanChecks(testAccStepUpgraded(t, e, r, id, 500, 100, sameMinute, 1),
				plancheck.ExpectResourceAction(testAccResourceName, plancheck.ResourceActionUpdate)),
			testAccStepReorder(t, e, r, id, 500, 100, nextMinute, 2),
		}
		if !r.reorders {
			steps = append(steps, testAccStepUnchangedAfterRefusal(t, e, r, id, 500, 100, sameMinute))
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, e, id, 500),
			Steps:                    steps,
		})
	})
}

// TestAccCENBandwidthTempUpgrade_planRulesPackageStates plans upgrades of packages the API
// refuses to upgrade (seeded: pay-as-you-go, expired, locked), refused at plan with no
// mutating call.
func TestAccCENBandwidthTempUpgrade_planRulesPackageStates(t *testing.T) {
	const (
		postpayID = "cenbwp-rules0002"
		expiredID = "cenbwp-rules0003"
		lockedID  = "cenbwp-rules0004"
	)
	postpay := testAccPackage(postpayID, 100)
	postpay.BandwidthPackageChargeType = cbn.ChargeTypePostpay
	postpay.ExpiredTime = ""
	expired := testAccPackage(expiredID, 100)
	expired.ExpiredTime = time.Now().UTC().Add(-24 * time.Hour).Format(cbn.APITimeLayout)
	locked := testAccPackage(lockedID, 100)
	locked.BusinessStatus = cbn.BusinessStatusFinancialLocked
	testAccRunOnMock(t, testAccDelay, []cbn.Package{postpay, expired, locked}, func(t *testing.T, e *acctest.Env, _ testAccReading) {
		end := testAccEndIn(24 * time.Hour)
		g := e.MutationGuard(t)
		refused := func(id, want string) resource.TestStep {
			return g.Refused(resource.TestStep{Config: testAccConfigBandwidthTempUpgrade_basic(e, id, 500, end), PlanOnly: true}, want)
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			Steps: []resource.TestStep{
				refused(postpayID, `pay-as-you-go \(POSTPAY\)`),
				refused(expiredID, `cen_bandwidth_package_id.*expired at`),
				refused(lockedID, `business status FinancialLocked`),
				{PreConfig: g.Check, Config: e.Config(""), PlanOnly: true},
			},
		})
	})
}

// TestAccCENBandwidthTempUpgrade_expiry moves the mock's clock past the window's end: the
// upgrade ends as intended, the plan stays empty, and a new end_time starts a new window.
func TestAccCENBandwidthTempUpgrade_expiry(t *testing.T) {
	testAccRunOnMock(t, testAccDelay, []cbn.Package{testAccPackage("cenbwp-expiry0001", 100)}, func(t *testing.T, e *acctest.Env, r testAccReading) {
		const id = "cenbwp-expiry0001"
		end := testAccEndIn(4 * time.Hour)
		// The mock's clock will be 5 hours ahead (past the window, rounded up to the hour or
		// not): the new window must start 3 hours after that.
		next := testAccEndIn(24 * time.Hour)
		newWindow := withPlanChecks(testAccStepUpgraded(t, e, r, id, 600, 100, next, 2),
			plancheck.ExpectResourceAction(testAccResourceName, plancheck.ResourceActionUpdate),
			plancheck.ExpectKnownValue(testAccResourceName, tfjsonpath.New("status"), knownvalue.StringExact("Active")))
		g := e.MutationGuard(t)
		newWindow.PreConfig = g.Check

		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, e, id, 600),
			Steps: []resource.TestStep{
				testAccStepUpgraded(t, e, r, id, 500, 100, end, 1),
				{
					PreConfig: func() { e.Mock.Advance(5 * time.Hour) },
					Config:    testAccConfigBandwidthTempUpgrade_basic(e, id, 500, end),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					// window_end_time keeps where the window ended.
					ConfigStateChecks: testAccStateChecks(r, "Expired", 500, 100, end),
					Check: resource.ComposeAggregateTestCheckFunc(
						testAccCheckPackage(t, e, r, id, 100, 0, ""),
						e.Mock.CheckCallCount(testAccUpgradeCall, 1),
						e.Mock.CheckpointCheck(),
					),
				},
				// Raising the bandwidth of an ended window needs a new end_time.
				g.Refused(resource.TestStep{Config: testAccConfigBandwidthTempUpgrade_basic(e, id, 600, end)},
					`end_time.*window.*ended.*Set a new end_time`),
				newWindow,
			},
		})
	})
}

// TestAccCENBandwidthTempUpgrade_disappears deletes the package behind Terraform's back: the
// plan says the package is missing without ordering anything, refresh drops the upgrade from
// state, and once a package with that id exists again the plan creates the upgrade anew.
func TestAccCENBandwidthTempUpgrade_disappears(t *testing.T) {
	testAccRunOnMock(t, testAccDelay, []cbn.Package{testAccPackage("cenbwp-gone0001", 100)}, func(t *testing.T, e *acctest.Env, r testAccReading) {
		const id = "cenbwp-gone0001"
		end := testAccEndIn(24 * time.Hour)
		replace := func(packages ...cbn.Package) {
			if err := e.Mock.ReplaceState(mockcloud.State{CenBandwidthPackages: packages}); err != nil {
				t.Fatal(err)
			}
		}
		recreated := withPlanChecks(testAccStepUpgraded(t, e, r, id, 500, 100, end, 2),
			plancheck.ExpectResourceAction(testAccResourceName, plancheck.ResourceActionCreate))
		recreated.PreConfig = func() { replace(testAccPackage(id, 100)) }

		g := e.MutationGuard(t)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, e, id, 500),
			Steps: []resource.TestStep{
				testAccStepUpgraded(t, e, r, id, 500, 100, end, 1),
				g.Refused(resource.TestStep{
					// Deleted behind Terraform's back.
					PreConfig: func() { replace(testAccPackage("cenbwp-other0001", 50)) },
					Config:    testAccConfigBandwidthTempUpgrade_basic(e, id, 500, end),
				}, `cen_bandwidth_package_id = "cenbwp-gone0001": no such CEN bandwidth package`),
				{
					// Without the resource in the configuration the plan is empty, not a delete:
					// refresh found the package gone and removed the upgrade from state.
					PreConfig: g.Check,
					Config:    e.Config(""),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()},
					},
					Check: acctest.CheckNotInState(testAccResourceName),
				},
				recreated,
			},
		})
	})
}

// TestAccCENBandwidthTempUpgrade_slowCompletion has the mock take 8 seconds (several growing
// poll intervals) to apply each upgrade: the create, and the update that starts a new window once
// the first has ended, wait for it and succeed.
func TestAccCENBandwidthTempUpgrade_slowCompletion(t *testing.T) {
	testAccRunOnMock(t, 8*time.Second, []cbn.Package{testAccPackage("cenbwp-slow0001", 100)}, func(t *testing.T, e *acctest.Env, r testAccReading) {
		const id = "cenbwp-slow0001"
		end, next := testAccEndIn(4*time.Hour), testAccEndIn(24*time.Hour)
		newWindow := testAccStepUpgraded(t, e, r, id, 700, 100, next, 2)
		newWindow.PreConfig = func() { e.Mock.Advance(5 * time.Hour) }
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, e, id, 700),
			Steps:                    []resource.TestStep{testAccStepUpgraded(t, e, r, id, 500, 100, end, 1), newWindow},
		})
	})
}

// TestAccCENBandwidthTempUpgrade_createTimeout lets the create timeout expire before the
// upgrade shows: apply fails, the resource stays in state (tainted), and the next apply
// replaces it once the upgrade has shown, taking the window its order opened instead of
// ordering it again (which the strict reading would refuse while the window is open).
func TestAccCENBandwidthTempUpgrade_createTimeout(t *testing.T) {
	testAccRunOnMock(t, time.Hour, []cbn.Package{testAccPackage("cenbwp-timeout0001", 100)}, func(t *testing.T, e *acctest.Env, r testAccReading) {
		const id = "cenbwp-timeout0001"
		end := testAccEndIn(24 * time.Hour)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, e, id, 500),
			Steps: []resource.TestStep{
				{
					Config:      testAccConfigBandwidthTempUpgrade_timeouts(e, id, 500, end, "3s"),
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
						e.Mock.SetDelay(testAccDelay)
						e.Mock.Advance(time.Hour) // the first order takes effect
					},
					Config: testAccConfigBandwidthTempUpgrade_timeouts(e, id, 500, end, "3s"),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(testAccResourceName, plancheck.ResourceActionDestroyBeforeCreate),
						},
					},
					ConfigStateChecks: testAccStateChecks(r, "Active", 500, 100, end),
					Check: resource.ComposeAggregateTestCheckFunc(
						testAccCheckPackage(t, e, r, id, 500, 100, end),
						// Ordered once: the replacement took the window of the first order.
						e.Mock.CheckAnswers(testAccUpgradeCall, "200"),
						e.Mock.CheckpointCheck(),
					),
				},
			},
		})
	})
}

// TestAccCENBandwidthTempUpgrade_throttled has the API throttle reads and the upgrade call:
// the client's retries and the waiter hold, and the apply succeeds.
func TestAccCENBandwidthTempUpgrade_throttled(t *testing.T) {
	testAccRunOnMock(t, testAccDelay, []cbn.Package{testAccPackage("cenbwp-throttle0001", 100)}, func(t *testing.T, e *acctest.Env, r testAccReading) {
		const id = "cenbwp-throttle0001"
		end := testAccEndIn(24 * time.Hour)
		throttle := func(action string, count int) rpc.ScriptedFault {
			return rpc.ScriptedFault{Action: action, Count: count, Status: 400, Code: "Throttling.User",
				Message: "Request was denied due to user flow control."}
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, e, id, 500),
			Steps: []resource.TestStep{
				{
					PreConfig: func() {
						if err := e.Mock.SetFaults(rpc.Faults{Scripted: []rpc.ScriptedFault{
							throttle(testAccUpgradeCall, 2),
							throttle(testAccDescribeCall, 3),
						}}); err != nil {
							t.Fatal(err)
						}
					},
					Config:            testAccConfigBandwidthTempUpgrade_basic(e, id, 500, end),
					ConfigStateChecks: testAccStateChecks(r, "Active", 500, 100, end),
					Check: resource.ComposeAggregateTestCheckFunc(
						testAccCheckPackage(t, e, r, id, 500, 100, end),
						// Two throttled attempts, then the one that went through.
						e.Mock.CheckCallCount(testAccUpgradeCall, 3),
						e.Mock.CheckAnswerCount("Throttling.User", 5),
						e.Mock.CheckpointCheck(),
					),
				},
			},
		})
	})
}

// TestAccCENBandwidthTempUpgrade_lostResponse drops the answer to an accepted upgrade: the
// client retries, the API says the order is being processed, and since the first attempt may
// have been carried out (conns.EarlierAttemptMayHaveRun) the provider waits for that order (its
// own) instead of failing. The mock applied exactly one order: the first attempt's.
func TestAccCENBandwidthTempUpgrade_lostResponse(t *testing.T) {
	testAccRunOnMock(t, testAccDelay, []cbn.Package{testAccPackage("cenbwp-lost0001", 100)}, func(t *testing.T, e *acctest.Env, r testAccReading) {
		const id = "cenbwp-lost0001"
		end := testAccEndIn(24 * time.Hour)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, e, id, 500),
			Steps: []resource.TestStep{
				{
					PreConfig: func() {
						if err := e.Mock.SetFaults(rpc.Faults{Scripted: []rpc.ScriptedFault{
							{Action: testAccUpgradeCall, Count: 1, DropResponse: true},
						}}); err != nil {
							t.Fatal(err)
						}
					},
					Config:            testAccConfigBandwidthTempUpgrade_basic(e, id, 500, end),
					ConfigStateChecks: testAccStateChecks(r, "Active", 500, 100, end),
					Check: resource.ComposeAggregateTestCheckFunc(
						testAccCheckPackage(t, e, r, id, 500, 100, end),
						e.Mock.CheckAnswers(testAccUpgradeCall, "dropped", "400 OperationFailed.OrderIsProcessing"),
						e.Mock.CheckpointCheck(),
					),
				},
			},
		})
	})
}

// TestAccCENBandwidthTempUpgrade_otherOrderProcessing seeds a package with an order that is not
// Terraform's still processing: the upgrade call, sent once, is refused, and the apply fails at
// once with the explanation instead of waiting out the create timeout for an order it never
// placed. Once the other order has completed, its window is open: the lenient reading accepts
// the next apply's order, the strict one refuses it, naming that window.
func TestAccCENBandwidthTempUpgrade_otherOrderProcessing(t *testing.T) {
	busy := testAccPackage("cenbwp-busy0001", 100)
	busy.MockPendingUpgrade = &cbn.PendingUpgrade{
		Bandwidth: 300,
		EndTime:   testAccEndIn(48 * time.Hour),
		DueTime:   time.Now().UTC().Add(time.Hour).Format(cbn.SecondTimeLayout),
	}
	testAccRunOnMock(t, testAccDelay, []cbn.Package{busy}, func(t *testing.T, e *acctest.Env, r testAccReading) {
		const id = "cenbwp-busy0001"
		end := testAccEndIn(24 * time.Hour)
		second := resource.TestStep{
			PreConfig: func() {
				testAccExpectRefusedWithoutWait(t, e.Mock)
				e.Mock.Checkpoint()
				e.Mock.Advance(time.Hour) // the other order completes
			},
			Config: testAccConfigBandwidthTempUpgrade_basic(e, id, 500, end),
		}
		destroyed := int64(500)
		if r.reorders {
			second.ConfigStateChecks = testAccStateChecks(r, "Active", 500, 100, end)
			second.Check = resource.ComposeAggregateTestCheckFunc(
				testAccCheckPackage(t, e, r, id, 500, 100, end),
				e.Mock.CheckAnswers(testAccUpgradeCall, "400 OperationFailed.OrderIsProcessing", "200"),
				e.Mock.CheckpointCheck(),
			)
		} else {
			second.ExpectError = acctest.ExpectError(`a window is open.*` + id + ` has a temporary upgrade window open until .* at 300 Mbps` +
				`.*Nothing was changed`)
			destroyed = 300 // the other order's window, untouched
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, e, id, destroyed),
			Steps: []resource.TestStep{
				{
					Config: testAccConfigBandwidthTempUpgrade_basic(e, id, 500, end),
					ExpectError: acctest.ExpectError(`Another order on this bandwidth plan is still being processed` +
						`.*earlier terraform apply that was interrupted.*Wait until` +
						`.*OperationFailed.OrderIsProcessing \(HTTP 400\)`),
				},
				second,
			},
		})
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
	testAccRunOnMock(t, testAccDelay, []cbn.Package{testAccPackage(id, 100), qos}, func(t *testing.T, e *acctest.Env, r testAccReading) {
		end := testAccEndIn(24 * time.Hour)
		scripted := func(code, message string) func() {
			return func() {
				if err := e.Mock.SetFaults(rpc.Faults{Scripted: []rpc.ScriptedFault{
					{Action: testAccUpgradeCall, Count: 1, Status: 400, Code: code, Message: message},
				}}); err != nil {
					t.Fatal(err)
				}
			}
		}
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, e, id, 500),
			Steps: []resource.TestStep{
				{
					Config:      testAccConfigBandwidthTempUpgrade_basic(e, qosID, 500, end),
					ExpectError: acctest.ExpectError(`inter-region traffic scheduling \(QoS\) policy.*Delete that policy`),
				},
				{
					PreConfig:   scripted("Unauthorized", "The AccessKeyId is unauthorized."),
					Config:      testAccConfigBandwidthTempUpgrade_basic(e, id, 500, end),
					ExpectError: acctest.ExpectError(`cen:TempUpgradeCenBandwidthPackageSpec.*account manager`),
				},
				{
					PreConfig:   scripted("InvalidParameter", "Invalid parameter."),
					Config:      testAccConfigBandwidthTempUpgrade_basic(e, id, 500, end),
					ExpectError: acctest.ExpectError(`rejected a parameter.*Move end_time later`),
				},
				{
					PreConfig: scripted("InvalidOperation.OrderParameterIllegal",
						"The order parameters are abnormal, please check whether the order parameters are correct."),
					Config:      testAccConfigBandwidthTempUpgrade_basic(e, id, 500, end),
					ExpectError: acctest.ExpectError(`conflict with an order.*Billing console`),
				},
				{
					PreConfig:   scripted("InvalidOperation.UpgradeBwpBandwidth", "The operation is invalid because the upgrade is equal or less than the original bandwidth."),
					Config:      testAccConfigBandwidthTempUpgrade_basic(e, id, 500, end),
					ExpectError: acctest.ExpectError(`must raise the bandwidth.*Set bandwidth above`),
				},
				{
					// None of the refusals left anything behind: this apply creates.
					Config: testAccConfigBandwidthTempUpgrade_basic(e, id, 500, end),
					ConfigPlanChecks: resource.ConfigPlanChecks{
						PreApply: []plancheck.PlanCheck{
							plancheck.ExpectResourceAction(testAccResourceName, plancheck.ResourceActionCreate),
						},
					},
					ConfigStateChecks: testAccStateChecks(r, "Active", 500, 100, end),
					Check:             e.Mock.CheckpointCheck(),
				},
			},
		})
	})
}

// TestAccCENBandwidthTempUpgrade_tempUpgradeNotEnabled runs on a new account, where the
// temporary upgrade is off as Alibaba Cloud leaves it (the page: "not enabled by default"): the
// apply fails with the API's refusal and what to ask the account manager, and nothing was
// ordered, changed or kept in state.
func TestAccCENBandwidthTempUpgrade_tempUpgradeNotEnabled(t *testing.T) {
	const id = "cenbwp-gate0001"
	account := acctest.OpenAccount(testAccDelay)
	account.CBN.CenTempUpgradeEnabled = false
	e := acctest.NewEnv(t, acctest.NeedsMock, mockcloud.Options{Delay: testAccDelay, Seed: &mockcloud.State{
		Account: account, CenBandwidthPackages: []cbn.Package{testAccPackage(id, 100)},
	}})
	end := testAccEndIn(24 * time.Hour)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckPackage(t, e, testAccReading{}, id, 100, 0, ""),
		Steps: []resource.TestStep{
			{
				Config: testAccConfigBandwidthTempUpgrade_basic(e, id, 500, end),
				ExpectError: acctest.ExpectError(`Temporary upgrade of CEN bandwidth package ` + id + ` refused` +
					`.*not enabled for this Alibaba Cloud account.*off by default.*Ask your account manager` +
					`.*Nothing was ordered or changed.*Forbidden.TempUpgradeNotEnabled`),
			},
			{
				// Nothing in state, the package as it was, the refused order the only one.
				Config: e.Config(""),
				Check: resource.ComposeAggregateTestCheckFunc(
					acctest.CheckNotInState(testAccResourceName),
					testAccCheckPackage(t, e, testAccReading{}, id, 100, 0, ""),
					e.Mock.CheckAnswers(testAccUpgradeCall, "400 Forbidden.TempUpgradeNotEnabled"),
				),
			},
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
