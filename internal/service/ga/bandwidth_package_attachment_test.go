package ga_test

import (
	"context"
	"fmt"
	"regexp"
	"slices"
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
	"github.com/hashicorp/terraform-plugin-testing/tfversion"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/mockcloud"
	mockga "terraform-provider-alibabacloud/internal/mockcloud/ga"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
	"terraform-provider-alibabacloud/internal/service/ga"
)

const testAccAttachmentAddress = "alibabacloud_ga_bandwidth_package_attachment.test"

// testAccAccelerator is the accelerator a test binds to on target: on the real cloud the
// seeded one of TF_ACC_GA_ACCELERATOR_ID (an *acctest.Env of a test that takes it), on a mock
// testAccAcceleratorID.
func testAccAccelerator(target acctest.Target) string {
	if e, ok := target.(*acctest.Env); ok && e.AcceleratorID != "" {
		return e.AcceleratorID
	}
	return testAccAcceleratorID
}

func testAccConfigBandwidthPackageAttachment_basic(target acctest.Target) string {
	return target.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", acctest.ResourcePrefix+"attach", "d") + fmt.Sprintf(`
resource "alibabacloud_ga_bandwidth_package_attachment" "test" {
  bandwidth_package_id = alibabacloud_ga_bandwidth_package.test.id
  accelerator_id       = %q
}
`, testAccAccelerator(target)))
}

// testAccCheckAttachment checks, through the provider's finders, whether the plan of
// alibabacloud_ga_bandwidth_package.test lists the test's accelerator, and that the
// accelerator is active.
func testAccCheckAttachment(t *testing.T, target acctest.Target, attached bool) resource.TestCheckFunc {
	accelerator := testAccAccelerator(target)
	return resource.ComposeTestCheckFunc(
		testAccCheckBandwidthPackage(t, target, func(bp *gasdk.DescribeBandwidthPackageResponse) error {
			if slices.Contains(bp.Accelerators, accelerator) != attached {
				return fmt.Errorf("plan %s lists accelerators %v, want %s attached=%t", bp.BandwidthPackageId, bp.Accelerators, accelerator, attached)
			}
			return nil
		}),
		func(*terraform.State) error {
			acc, err := ga.FindAcceleratorByID(t.Context(), target.Client(t).GA, accelerator)
			if err != nil {
				return err
			}
			if acc.State != "active" {
				return fmt.Errorf("accelerator is %s, want active", acc.State)
			}
			return nil
		},
	)
}

func TestAccGABandwidthPackageAttachment_basic(t *testing.T) {
	e := testAccNewEnv(t, acctest.CloudTest{Cost: testAccPaygCost + "; bound to the accelerator of " + acctest.EnvAcceleratorID +
		" for those minutes", Accelerator: true})
	accelerator := testAccAccelerator(e)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: resource.ComposeTestCheckFunc(
			testAccCheckBandwidthPackageDestroy(t, e),
			e.Mock.CheckCallCount("BandwidthPackageRemoveAccelerator", 1),
		),
		Steps: []resource.TestStep{
			{
				Config: testAccConfigBandwidthPackageAttachment_basic(e),
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccAttachmentAddress, tfjsonpath.New("id"),
						knownvalue.StringRegexp(regexp.MustCompile(`^gbwp-[^:]+:`+accelerator+`$`))),
					statecheck.ExpectKnownValue(testAccAttachmentAddress, tfjsonpath.New("status"), knownvalue.StringExact("binded")),
					statecheck.ExpectKnownValue(testAccAttachmentAddress, tfjsonpath.New("accelerator_id"), knownvalue.StringExact(accelerator)),
				},
				Check: testAccCheckAttachment(t, e, true),
			},
			{
				ResourceName:      testAccAttachmentAddress,
				ImportState:       true,
				ImportStateVerify: true,
			},
			{
				// An import block plans no change.
				Config:          testAccConfigBandwidthPackageAttachment_basic(e),
				ResourceName:    testAccAttachmentAddress,
				ImportState:     true,
				ImportStateKind: resource.ImportBlockWithID,
			},
			{
				// With the binding in place, the plan's own refresh shows it.
				Config: testAccConfigBandwidthPackageAttachment_basic(e),
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("accelerators", knownvalue.SetExact([]knownvalue.Check{knownvalue.StringExact(accelerator)})),
					stateValue("status", knownvalue.StringExact("binded")),
				},
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
			{
				// Only the timeouts block changes: an update in place that calls nothing and
				// keeps the status.
				PreConfig: e.Mock.Checkpoint,
				Config: strings.Replace(testAccConfigBandwidthPackageAttachment_basic(e),
					"accelerator_id       = ", "timeouts {\n    create = \"20m\"\n  }\n  accelerator_id       = ", 1),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccAttachmentAddress, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccAttachmentAddress, tfjsonpath.New("status"), knownvalue.StringExact("binded")),
				},
				Check: e.Mock.CheckNoMutationSinceCheckpoint(),
			},
			{
				// Unbinding first, destroying second, in one apply.
				Config: e.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", acctest.ResourcePrefix+"attach", "d")),
				Check:  testAccCheckAttachment(t, e, false),
			},
		},
	})
}

// TestAccGABandwidthPackageAttachment_boundPackageNotDeleted forgets an attachment with a
// removed block (Terraform 1.7), so that its plan is destroyed while bound. On older Terraform,
// TestAccGABandwidthPackage_boundBehindTerraformsBackNotDeleted shows the same refusal.
func TestAccGABandwidthPackageAttachment_boundPackageNotDeleted(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{acctest.SkipBelow(acctest.RemovedBlocks)},
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, m),
		Steps: []resource.TestStep{
			{Config: testAccConfigBandwidthPackageAttachment_basic(m)},
			{
				// The attachment leaves the state only (as terraform state rm would), so the
				// plan is destroyed while still bound: refused, naming the accelerator.
				Config: m.Config(`
removed {
  from = alibabacloud_ga_bandwidth_package_attachment.test
  lifecycle {
    destroy = false
  }
}
`),
				ExpectError: acctest.ExpectError(`is bound to accelerator\(s\) ` + testAccAcceleratorID),
			},
			{
				// Unbound behind Terraform's back, the plan can go. BindExist.BandwidthPackage,
				// answered while an unbinding settles, is retried with the same ClientToken.
				PreConfig: func() {
					unbindBehindTerraformsBack(t, m)
					if err := m.SetFaults(rpc.Faults{Scripted: []rpc.ScriptedFault{{
						Action: "DeleteBandwidthPackage", Count: 1, Status: 400,
						Code: "BindExist.BandwidthPackage", Message: "scripted: unbinding settles",
					}}}); err != nil {
						t.Fatal(err)
					}
				},
				Config: m.Config(`# nothing`),
				Check: resource.ComposeTestCheckFunc(
					m.CheckAnswers("DeleteBandwidthPackage", "400 BindExist.BandwidthPackage", "200"),
					func(*terraform.State) error {
						tokens := m.Log().Of("DeleteBandwidthPackage").Params("ClientToken")
						if tokens[0] == "" || tokens[0] != tokens[1] {
							return fmt.Errorf("DeleteBandwidthPackage sent ClientTokens %q, want one token, repeated", tokens)
						}
						return nil
					},
				),
			},
		},
	})
}

// TestAccGABandwidthPackage_boundBehindTerraformsBackNotDeleted: a plan bound outside Terraform
// (no attachment resource) is not deleted: destroy is refused, naming the accelerator, and
// succeeds once it is unbound. It needs no removed block, so it runs on every Terraform.
func TestAccGABandwidthPackage_boundBehindTerraformsBackNotDeleted(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageGone(t, m),
		Steps: []resource.TestStep{
			{
				Config: m.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", "tf-bound-outside", "d")),
				Check:  testAccBindOutsideTerraform(t, m, true),
			},
			{
				Config:      m.Config(`# the plan is no longer configured`),
				ExpectError: acctest.ExpectError(`GA bandwidth plan is still bound.*is bound to accelerator\(s\) ` + testAccAcceleratorID),
			},
			{
				// Still in the state (configured again, it plans no change) and still bound in
				// the cloud; then unbound outside Terraform.
				Config: m.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", "tf-bound-outside", "d")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccPackageAddress, plancheck.ResourceActionNoop),
				}},
				Check: resource.ComposeTestCheckFunc(testAccCheckAttachment(t, m, true), testAccBindOutsideTerraform(t, m, false)),
			},
			{Config: m.Config(`# unbound: the plan can go`)},
		},
	})
}

// testAccBindOutsideTerraform binds (attach) or unbinds the plan of
// alibabacloud_ga_bandwidth_package.test to or from the seeded accelerator with the API, as
// someone using the console would, and waits until the binding has settled.
func testAccBindOutsideTerraform(t *testing.T, target acctest.Target, attach bool) resource.TestCheckFunc {
	return testAccCheckPlanOf(t, target, func(ctx context.Context, api *conns.Service, id string) error {
		var err error
		if attach {
			req := gasdk.CreateBandwidthPackageAddAcceleratorRequest()
			req.BandwidthPackageId, req.AcceleratorId = id, testAccAcceleratorID
			err = api.Do(ctx, req, gasdk.CreateBandwidthPackageAddAcceleratorResponse())
		} else {
			req := gasdk.CreateBandwidthPackageRemoveAcceleratorRequest()
			req.BandwidthPackageId, req.AcceleratorId = id, testAccAcceleratorID
			err = api.Do(ctx, req, gasdk.CreateBandwidthPackageRemoveAcceleratorResponse())
		}
		if err != nil {
			return err
		}
		_, err = ga.WaitBandwidthPackageStable(ctx, api, id, time.Minute)
		return err
	})
}

func TestAccGABandwidthPackageAttachment_createTimedOut(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, m),
		Steps: []resource.TestStep{
			{Config: m.Config(testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", acctest.ResourcePrefix+"attach", "d"))},
			{
				// The binding takes longer than the create timeout: the attachment is saved
				// (tainted) while the plan is still binding.
				PreConfig: func() { m.GA.SetDelay(8 * time.Second) },
				Config: strings.Replace(testAccConfigBandwidthPackageAttachment_basic(m),
					"accelerator_id       = ", "timeouts {\n    create = \"1s\"\n  }\n  accelerator_id       = ", 1),
				ExpectError: acctest.ExpectError(`Waiting for accelerator .* to finish binding`),
			},
			{
				// Refreshed while the plan is still binding, the attachment stays in the state;
				// replacing it waits for the binding to finish, unbinds, and binds again.
				PreConfig: func() { m.GA.SetDelay(testAccDelay) },
				Config:    testAccConfigBandwidthPackageAttachment_basic(m),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccAttachmentAddress, plancheck.ResourceActionDestroyBeforeCreate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{
					statecheck.ExpectKnownValue(testAccAttachmentAddress, tfjsonpath.New("status"), knownvalue.StringExact("binded")),
				},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckAttachment(t, m, true),
					m.CheckCallCount("BandwidthPackageRemoveAccelerator", 1),
				),
			},
		},
	})
}

func TestAccGABandwidthPackageAttachment_disappears(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, m),
		Steps: []resource.TestStep{
			{Config: testAccConfigBandwidthPackageAttachment_basic(m)},
			{
				PreConfig: func() { unbindBehindTerraformsBack(t, m) },
				Config:    testAccConfigBandwidthPackageAttachment_basic(m),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccAttachmentAddress, plancheck.ResourceActionCreate),
				}},
				Check: testAccCheckAttachment(t, m, true),
			},
		},
	})
}

func TestAccGABandwidthPackageAttachment_importBadID(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: m.Config(`resource "alibabacloud_ga_bandwidth_package_attachment" "test" {
  bandwidth_package_id = "gbwp-x"
  accelerator_id       = "ga-x"
}
`),
			ResourceName:  testAccAttachmentAddress,
			ImportState:   true,
			ImportStateId: "gbwp-x",
			ExpectError:   acctest.ExpectError(`expected <bandwidth_package_id>:<accelerator_id>`),
		}},
	})
}

// unbindBehindTerraformsBack removes every binding from the mock, as someone using the
// console would. Mock only.
func unbindBehindTerraformsBack(t *testing.T, m *acctest.Mock) {
	t.Helper()
	s := m.State()
	for i := range s.BandwidthPackages {
		s.BandwidthPackages[i].Accelerators = []string{}
		s.BandwidthPackages[i].State = "active"
	}
	for i := range s.Accelerators {
		s.Accelerators[i].BasicBandwidthPackage = nil
	}
	if err := m.ReplaceState(s); err != nil {
		t.Fatal(err)
	}
}

// Ids of the accelerators and plans TestAccGABandwidthPackageAttachment_refusedAtPlan seeds.
const (
	testAccSecondAcceleratorID = "ga-bp1secondaccelerator"
	testAccThirdAcceleratorID  = "ga-bp1thirdaccelerator"
	testAccBoundBasicID        = "gbwp-bp1boundbasic"
	testAccFreeBasicID         = "gbwp-bp1freebasic"
	testAccFreeBasic2ID        = "gbwp-bp1freebasic2"
	testAccCrossDomainID       = "gbwp-bp1crossdomain"
	testAccUnpaidID            = "gbwp-bp1unpaid"
)

// newTestAccBindingMock starts a mock with three active accelerators, the second of which has
// the Basic plan testAccBoundBasicID, and free plans: two Basic, one CrossDomain, and an unpaid
// Subscription.
func newTestAccBindingMock(t *testing.T) *acctest.Mock {
	t.Helper()
	payAsYouGo := func(id, packageType string) mockga.BandwidthPackage {
		return mockga.BandwidthPackage{BandwidthPackageId: id, Type: packageType, Bandwidth: 10, ChargeType: "POSTPAY", State: "active"}
	}
	bound := payAsYouGo(testAccBoundBasicID, "Basic")
	bound.State, bound.Accelerators = "binded", []string{testAccSecondAcceleratorID}
	return acctest.NewSeededMock(t, testAccDelay, mockcloud.State{
		Accelerators: []mockga.Accelerator{
			acctest.SeedAccelerator(testAccAcceleratorID), acctest.SeedAccelerator(testAccSecondAcceleratorID),
			acctest.SeedAccelerator(testAccThirdAcceleratorID),
		},
		BandwidthPackages: []mockga.BandwidthPackage{
			bound, payAsYouGo(testAccFreeBasicID, "Basic"), payAsYouGo(testAccFreeBasic2ID, "Basic"),
			payAsYouGo(testAccCrossDomainID, "CrossDomain"),
			{BandwidthPackageId: testAccUnpaidID, Bandwidth: 10, ChargeType: "PREPAY", State: "init", MockOrderUnpaid: true},
		},
	})
}

// testAccConfigAttachments declares one attachment per pair of bandwidth plan and accelerator
// ids, named a0, a1, ...; a pair's third element, when given, is the name it depends on.
func testAccConfigAttachments(pairs ...[]string) string {
	var b strings.Builder
	for i, p := range pairs {
		fmt.Fprintf(&b, "\nresource \"alibabacloud_ga_bandwidth_package_attachment\" \"a%d\" {\n  bandwidth_package_id = %q\n  accelerator_id       = %q\n", i, p[0], p[1])
		if len(p) > 2 {
			fmt.Fprintf(&b, "  depends_on           = [alibabacloud_ga_bandwidth_package_attachment.%s]\n", p[2])
		}
		b.WriteString("}\n")
	}
	return b.String()
}

// TestAccGABandwidthPackageAttachment_refusedAtPlan: every binding the API would refuse, and
// every pair of attachments that collide, fails at terraform plan with a message naming the
// attribute and the fix, and nothing reaches the cloud but reads. A valid pair (a CrossDomain
// plan after the Basic one it depends on) is planned and applied.
func TestAccGABandwidthPackageAttachment_refusedAtPlan(t *testing.T) {
	m := newTestAccBindingMock(t)
	g := m.MutationGuard(t)
	refused := func(pattern string, pairs ...[]string) resource.TestStep {
		return g.RefusedPlan(testAccConfigAttachments(pairs...), pattern)
	}
	acc, acc2, acc3 := testAccAcceleratorID, testAccSecondAcceleratorID, testAccThirdAcceleratorID
	renamed := fmt.Sprintf(`
resource "alibabacloud_ga_bandwidth_package_attachment" "renamed" {
  bandwidth_package_id = %q
  accelerator_id       = %q
  depends_on           = [alibabacloud_ga_bandwidth_package_attachment.a0]
}
`, testAccCrossDomainID, acc)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             m.CheckCallCount("BandwidthPackageRemoveAccelerator", 2),
		Steps: []resource.TestStep{
			// Id shapes (terraform validate).
			refused(`accelerator_id = "cenbwp-bp1x" is the id of a CEN bandwidth package, not of a GA accelerator`, []string{testAccFreeBasicID, "cenbwp-bp1x"}),
			refused(`accelerator_id = " ga-bp1x" has white space around it`, []string{testAccFreeBasicID, " ga-bp1x"}),
			refused(`accelerator_id = "GA-BP1X" has upper-case letters`, []string{testAccFreeBasicID, "GA-BP1X"}),
			refused(`bandwidth_package_id = "ga-bp1x" is the id of a GA accelerator, not of a GA bandwidth plan`, []string{"ga-bp1x", acc}),
			// A timeout with no time (was: bound, gave up at once and tainted the attachment).
			g.RefusedPlan(fmt.Sprintf(`
resource "alibabacloud_ga_bandwidth_package_attachment" "a0" {
  bandwidth_package_id = %q
  accelerator_id       = %q
  timeouts {
    create = "0s"
  }
}
`, testAccFreeBasicID, acc), `timeouts.create = "0s" is not a positive duration.*the default, 10m`),
			// What the API shows (ModifyPlan).
			refused(`GA bandwidth plan not found.*bandwidth_package_id = "gbwp-bp1nosuch"`, []string{"gbwp-bp1nosuch", acc}),
			refused(`GA accelerator not found.*accelerator_id = "ga-bp1nosuch"`, []string{testAccFreeBasicID, "ga-bp1nosuch"}),
			refused(`GA bandwidth plan awaits payment.*`+testAccUnpaidID+`.*Order Center`, []string{testAccUnpaidID, acc}),
			refused(`Bandwidth plan bound to another accelerator.*`+testAccBoundBasicID+` is bound to accelerator `+acc2, []string{testAccBoundBasicID, acc}),
			refused(`Accelerator has a Basic bandwidth plan already.*`+acc2+` has the Basic bandwidth plan `+testAccBoundBasicID, []string{testAccFreeBasicID, acc2}),
			refused(`CrossDomain plan needs a Basic plan on the accelerator.*depends_on`, []string{testAccCrossDomainID, acc}),
			// Collisions within the configuration (the claims of one plan).
			refused(`Bandwidth plan bound twice in this configuration.*binding of bandwidth plan `+testAccFreeBasicID, []string{testAccFreeBasicID, acc}, []string{testAccFreeBasicID, acc3}),
			// (Two attachments of the same binding pass the plan: the same claim twice is also the
			// same resource planned again by a provider instance Terraform did not configure anew,
			// as terraform test does from Terraform 1.14. The apply refuses the duplicate.)
			refused(`Two Basic bandwidth plans for one accelerator`, []string{testAccFreeBasicID, acc}, []string{testAccFreeBasic2ID, acc, "a0"}),
			{
				// A CrossDomain plan after the Basic plan it depends on: planned and applied.
				PreConfig: g.Check,
				Config:    m.Config(testAccConfigAttachments([]string{testAccFreeBasicID, acc}, []string{testAccCrossDomainID, acc, "a0"})),
				Check:     m.CheckAnswers("BandwidthPackageAddAccelerator", "200", "200"),
			},
			// Renamed without a moved block, an attachment would be destroyed and created
			// again, and the new binding races the unbinding of the old: refused at plan. With
			// a moved block, nothing changes.
			g.RefusedPlan(testAccConfigAttachments([]string{testAccFreeBasicID, acc})+renamed,
				`Binding exists already.*`+testAccCrossDomainID+` is bound to accelerator `+acc+`.*moved block`),
			{
				PreConfig: g.Check,
				Config: m.Config(testAccConfigAttachments([]string{testAccFreeBasicID, acc}) + renamed + `
moved {
  from = alibabacloud_ga_bandwidth_package_attachment.a1
  to   = alibabacloud_ga_bandwidth_package_attachment.renamed
}
`),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}
