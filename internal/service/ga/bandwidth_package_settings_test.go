package ga_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/conns"
	mockga "terraform-provider-alibabacloud/internal/mockcloud/ga"
	"terraform-provider-alibabacloud/internal/service/ga"
)

// The settings other calls than Create/UpdateBandwidthPackage make: tags, resource group,
// renewal, and the spellings of billing_type the official alicloud provider uses.

// testAccConfigBandwidthPackage_tagged is a pay-as-you-go plan with tags and resource group
// (each left out when empty).
func testAccConfigBandwidthPackage_tagged(tags map[string]string, group string) string {
	var extra []string
	if tags != nil {
		var pairs []string
		for _, k := range slices.Sorted(maps.Keys(tags)) {
			pairs = append(pairs, fmt.Sprintf("    %q = %q", k, tags[k]))
		}
		extra = append(extra, "  tags = {\n"+strings.Join(pairs, "\n")+"\n  }")
	}
	if group != "" {
		extra = append(extra, fmt.Sprintf("  resource_group_id = %q", group))
	}
	return fmt.Sprintf(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth      = 10
  type           = "Basic"
  bandwidth_type = "Basic"
  payment_type   = "PayAsYouGo"
  billing_type   = "PayByTraffic"
%s
}
`, strings.Join(extra, "\n"))
}

// testAccCheckTags checks, through the provider's finder, the tags of the plan of
// alibabacloud_ga_bandwidth_package.test.
func testAccCheckTags(t *testing.T, target acctest.Target, want map[string]string) resource.TestCheckFunc {
	return testAccCheckPlanOf(t, target, func(ctx context.Context, api *conns.Service, id string) error {
		got, err := ga.FindBandwidthPackageTags(ctx, api, id)
		if err != nil {
			return err
		}
		if !maps.Equal(got, want) {
			return fmt.Errorf("plan %s has tags %v in the cloud, want %v", id, got, want)
		}
		return nil
	})
}

// testAccCheckResourceGroup checks, through the provider's finder, the resource group of the
// plan of alibabacloud_ga_bandwidth_package.test.
func testAccCheckResourceGroup(t *testing.T, target acctest.Target, want string) resource.TestCheckFunc {
	return testAccCheckBandwidthPackage(t, target, func(bp *gasdk.DescribeBandwidthPackageResponse) error {
		if got := ga.ResourceGroupOf(bp); got != want {
			return fmt.Errorf("plan %s is in resource group %q, want %q", bp.BandwidthPackageId, got, want)
		}
		return nil
	})
}

// testAccCheckSentSince checks that the calls since the last checkpoint that change something
// are exactly actions, in order. Mock only.
func testAccCheckSentSince(m *acctest.Mock, actions ...string) resource.TestCheckFunc {
	return func(*terraform.State) error {
		var got []string
		for _, c := range m.LogSinceCheckpoint().Mutating() {
			got = append(got, c.Action)
		}
		if !slices.Equal(got, actions) {
			return fmt.Errorf("mutating calls %v, want %v", got, actions)
		}
		return nil
	}
}

func TestAccGABandwidthPackage_tagsAndResourceGroup(t *testing.T) {
	m := newTestAccMock(t)
	first := map[string]string{"env": "test", "team": "network"}
	second := map[string]string{"env": "prod", "owner": "ops"}
	var id string // the plan's, once bought
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, m),
		Steps: []resource.TestStep{
			{
				// Bought with its tags and group: nothing to set afterwards.
				PreConfig: m.Checkpoint,
				Config:    m.Config(testAccConfigBandwidthPackage_tagged(first, "rg-acfmfirst")),
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("tags", knownvalue.MapExact(map[string]knownvalue.Check{
						"env": knownvalue.StringExact("test"), "team": knownvalue.StringExact("network"),
					})),
					stateValue("resource_group_id", knownvalue.StringExact("rg-acfmfirst")),
				},
				Check: resource.ComposeTestCheckFunc(
					func(s *terraform.State) (err error) {
						id, err = acctest.PrimaryID(s, testAccPackageAddress)
						return err
					},
					testAccCheckTags(t, m, first),
					testAccCheckResourceGroup(t, m, "rg-acfmfirst"),
					testAccCheckSentSince(m, "CreateBandwidthPackage"),
					func(*terraform.State) error {
						create, _ := m.LogSinceCheckpoint().Of("CreateBandwidthPackage").Last()
						want := map[string]string{"ResourceGroupId": "rg-acfmfirst", "Tag.1.Key": "env", "Tag.1.Value": "test",
							"Tag.2.Key": "team", "Tag.2.Value": "network"}
						for k, v := range want {
							if create.Params[k] != v {
								return fmt.Errorf("CreateBandwidthPackage sent %s=%q, want %q", k, create.Params[k], v)
							}
						}
						return nil
					},
				),
			},
			{
				ResourceName:            testAccPackageAddress,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: purchaseOptions,
			},
			{
				// One tag changed, one removed, one added, and another group: in place, and
				// UpdateBandwidthPackage is not called.
				PreConfig: m.Checkpoint,
				Config:    m.Config(testAccConfigBandwidthPackage_tagged(second, "rg-acfmsecond")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccPackageAddress, plancheck.ResourceActionUpdate),
				}},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckTags(t, m, second),
					testAccCheckResourceGroup(t, m, "rg-acfmsecond"),
					testAccCheckSentSince(m, "UntagResources", "TagResources", "ChangeResourceGroup"),
					func(*terraform.State) error {
						untag, _ := m.LogSinceCheckpoint().Of("UntagResources").Last()
						tag, _ := m.LogSinceCheckpoint().Of("TagResources").Last()
						if untag.Params["TagKey.1"] != "team" || untag.Params["TagKey.2"] != "" {
							return fmt.Errorf("UntagResources sent %v, want TagKey.1=team only", untag.Params)
						}
						if tag.Params["Tag.1.Key"] != "env" || tag.Params["Tag.1.Value"] != "prod" || tag.Params["Tag.2.Key"] != "owner" {
							return fmt.Errorf("TagResources sent %v, want env=prod and owner=ops", tag.Params)
						}
						return nil
					},
				),
			},
			{
				// A tag added outside Terraform shows as a change, and the apply removes it.
				PreConfig: func() {
					outside := maps.Clone(second)
					outside["added"] = "outside"
					if err := ga.SendTagChanges(t.Context(), m.Client(t).GA, id, second, outside); err != nil {
						t.Fatal(err)
					}
				},
				Config:             m.Config(testAccConfigBandwidthPackage_tagged(second, "rg-acfmsecond")),
				PlanOnly:           true,
				ExpectNonEmptyPlan: true,
			},
			{
				PreConfig: m.Checkpoint,
				Config:    m.Config(testAccConfigBandwidthPackage_tagged(second, "rg-acfmsecond")),
				Check: resource.ComposeTestCheckFunc(
					testAccCheckTags(t, m, second),
					testAccCheckSentSince(m, "UntagResources"),
				),
			},
			{
				// No tags, and no group: every tag removed, the group kept (it has to be one).
				PreConfig: m.Checkpoint,
				Config:    m.Config(testAccConfigBandwidthPackage_tagged(nil, "")),
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("tags", knownvalue.Null()),
					stateValue("resource_group_id", knownvalue.StringExact("rg-acfmsecond")),
				},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckTags(t, m, map[string]string{}),
					testAccCheckSentSince(m, "UntagResources"),
				),
			},
		},
	})
}

func TestAccGABandwidthPackage_defaultResourceGroup(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, m),
		Steps: []resource.TestStep{{
			// Left out: the account's default group, read back; an empty map of tags stays one.
			Config: m.Config(strings.Replace(testAccConfigBandwidthPackage_tagged(nil, ""), "billing_type", "tags = {}\n  billing_type", 1)),
			ConfigStateChecks: []statecheck.StateCheck{
				stateValue("resource_group_id", knownvalue.StringExact(mockga.DefaultResourceGroupID)),
				stateValue("tags", knownvalue.MapExact(map[string]knownvalue.Check{})),
			},
		}},
	})
}

// testAccConfigBandwidthPackage_renewal is a paid Subscription with renewal settings (extra
// lines of the resource block).
func testAccConfigBandwidthPackage_renewal(extra string) string {
	return fmt.Sprintf(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth      = 10
  type           = "Basic"
  bandwidth_type = "Basic"
  duration       = "1"
  auto_pay       = true
%s
}
`, extra)
}

// testAccCheckRenewal checks, through the provider's finder, how the plan of
// alibabacloud_ga_bandwidth_package.test renews.
func testAccCheckRenewal(t *testing.T, target acctest.Target, status string, months int) resource.TestCheckFunc {
	return testAccCheckPlanOf(t, target, func(ctx context.Context, api *conns.Service, id string) error {
		renewal, err := ga.FindAutoRenewal(ctx, api, id)
		if err != nil {
			return err
		}
		if gotStatus, gotMonths := ga.RenewalStatusOf(renewal); gotStatus != status || gotMonths != months {
			return fmt.Errorf("plan %s renews %s for %d months, want %s for %d", id, gotStatus, gotMonths, status, months)
		}
		return nil
	})
}

func TestAccGABandwidthPackage_renewal(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckSubscriptionKept(t, m),
		Steps: []resource.TestStep{
			{
				// Auto-renewal is part of the order; duration written as a string, as the
				// official provider takes it, is a number. A coupon number goes with the order.
				PreConfig: m.Checkpoint,
				Config: m.Config(testAccConfigBandwidthPackage_renewal(`  renewal_status      = "AutoRenewal"
  auto_renew_duration = 3
  promotion_option_no = "12345"`)),
				ConfigStateChecks: []statecheck.StateCheck{
					stateValue("renewal_status", knownvalue.StringExact("AutoRenewal")),
					stateValue("auto_renew_duration", knownvalue.Int64Exact(3)),
					stateValue("duration", knownvalue.Int64Exact(1)),
					stateValue("auto_use_coupon", knownvalue.Bool(false)),
				},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckRenewal(t, m, "AutoRenewal", 3),
					testAccCheckSentSince(m, "CreateBandwidthPackage"),
					func(*terraform.State) error {
						create, _ := m.LogSinceCheckpoint().Of("CreateBandwidthPackage").Last()
						want := map[string]string{"AutoRenew": "true", "AutoRenewDuration": "3", "Duration": "1", "PromotionOptionNo": "12345"}
						for k, v := range want {
							if create.Params[k] != v {
								return fmt.Errorf("CreateBandwidthPackage sent %s=%q, want %q", k, create.Params[k], v)
							}
						}
						return nil
					},
				),
			},
			{
				// Not renewed any more: in place, with the renewal call only.
				PreConfig: m.Checkpoint,
				Config:    m.Config(testAccConfigBandwidthPackage_renewal(`  renewal_status = "NotRenewal"`)),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccPackageAddress, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{stateValue("renewal_status", knownvalue.StringExact("NotRenewal"))},
				Check: resource.ComposeTestCheckFunc(
					testAccCheckRenewal(t, m, "NotRenewal", 3),
					testAccCheckSentSince(m, "UpdateBandwidthPackagaAutoRenewAttribute"),
				),
			},
			{
				PreConfig: m.Checkpoint,
				Config: m.Config(testAccConfigBandwidthPackage_renewal(`  renewal_status      = "AutoRenewal"
  auto_renew_duration = 6`)),
				Check: resource.ComposeTestCheckFunc(
					testAccCheckRenewal(t, m, "AutoRenewal", 6),
					testAccCheckSentSince(m, "UpdateBandwidthPackagaAutoRenewAttribute"),
				),
			},
			{
				ResourceName:            testAccPackageAddress,
				ImportState:             true,
				ImportStateVerify:       true,
				ImportStateVerifyIgnore: append(slices.Clone(purchaseOptions), "promotion_option_no"),
			},
		},
	})
}

func TestAccGABandwidthPackage_notRenewedFromTheStart(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckSubscriptionKept(t, m),
		Steps: []resource.TestStep{{
			// The order cannot say NotRenewal: it is set once the plan is active.
			PreConfig: m.Checkpoint,
			Config:    m.Config(testAccConfigBandwidthPackage_renewal(`  renewal_status = "NotRenewal"`)),
			Check: resource.ComposeTestCheckFunc(
				testAccCheckRenewal(t, m, "NotRenewal", 0),
				testAccCheckSentSince(m, "CreateBandwidthPackage", "UpdateBandwidthPackagaAutoRenewAttribute"),
			),
		}},
	})
}

// testAccConfigBandwidthPackage_payBY95 is a PayBY95 plan with billing_type spelled spelling.
func testAccConfigBandwidthPackage_payBY95(spelling string) string {
	return fmt.Sprintf(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth      = 10
  type           = "Basic"
  bandwidth_type = "Basic"
  payment_type   = "PayAsYouGo"
  billing_type   = %q
  ratio          = 30
}
`, spelling)
}

func TestAccGABandwidthPackage_billingTypeSpellings(t *testing.T) {
	m := newTestAccMock(t)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, m),
		Steps: []resource.TestStep{
			{
				// The official provider's spelling: the API gets its own, the state keeps the
				// configuration's, and the next plan is empty (the test framework checks it).
				Config:            m.Config(testAccConfigBandwidthPackage_payBY95("PayBy95")),
				ConfigStateChecks: []statecheck.StateCheck{stateValue("billing_type", knownvalue.StringExact("PayBy95"))},
				Check: testAccCheckBandwidthPackage(t, m, func(bp *gasdk.DescribeBandwidthPackageResponse) error {
					if bp.BillingType != "PayBY95" {
						return fmt.Errorf("plan billed %q in the cloud, want PayBY95", bp.BillingType)
					}
					return nil
				}),
			},
			{
				// Only the spelling changes: an update that sends nothing, never a new plan.
				PreConfig: m.Checkpoint,
				Config:    m.Config(testAccConfigBandwidthPackage_payBY95("PayBY95")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
					plancheck.ExpectResourceAction(testAccPackageAddress, plancheck.ResourceActionUpdate),
				}},
				ConfigStateChecks: []statecheck.StateCheck{stateValue("billing_type", knownvalue.StringExact("PayBY95"))},
				Check:             m.CheckNoMutationSinceCheckpoint(),
			},
			{
				Config:           m.Config(testAccConfigBandwidthPackage_payBY95("PayBY95")),
				ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectEmptyPlan()}},
			},
		},
	})
}

func TestAccGABandwidthPackage_settingsRefusedAtPlan(t *testing.T) {
	m := newTestAccMock(t)
	g := m.MutationGuard(t)
	payg := func(extra string) string {
		return strings.Replace(testAccConfigBandwidthPackage_tagged(nil, ""), "billing_type", extra+"\n  billing_type", 1)
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{
			g.RefusedPlan(payg(`renewal_status = "AutoRenewal"`), `renewal_status may only be set when payment_type is "Subscription"`),
			g.RefusedPlan(payg(`auto_renew_duration = 2`), `auto_renew_duration may only be set when payment_type is "Subscription"`),
			g.RefusedPlan(testAccConfigBandwidthPackage_renewal(`  auto_renew_duration = 13`), `auto_renew_duration.*between 1 and 12`),
			g.RefusedPlan(testAccConfigBandwidthPackage_renewal(`  renewal_status = "Sometimes"`), `renewal_status.*AutoRenewal`),
			g.RefusedPlan(payg(`resource_group_id = "gbwp-1"`), `Invalid resource group id.*rg-`),
			g.RefusedPlan(payg(`tags = { "acs:owner" = "x" }`), `Invalid tag key.*reserved`),
			g.RefusedPlan(payg(`tags = { owner = "https://example.com" }`), `Invalid tag value.*http`),
			g.RefusedPlan(payg(fmt.Sprintf("tags = { %s }", strings.Repeat(`k = "v", `, 1)+tagsOver(21))), `Too many tags.*at most 20`),
			g.RefusedPlan(strings.Replace(testAccConfigBandwidthPackage_payBY95("PayBy95"), "ratio          = 30\n", "", 1),
				`ratio is required when billing_type is "PayBy95"`),
			g.RefusedPlan(payg(`duration = "1"`), `duration may only be set when payment_type is "Subscription"`),
			{
				PreConfig: g.Check,
				Config:    m.Config(payg("")),
				PlanOnly:  true,
				// Nothing refused: a plan to buy.
				ExpectNonEmptyPlan: true,
			},
		},
	})
}

// tagsOver renders n tags t1 = "v" ... tn = "v" for a map literal.
func tagsOver(n int) string {
	var pairs []string
	for i := 1; i <= n; i++ {
		pairs = append(pairs, fmt.Sprintf("t%d = \"v\"", i))
	}
	return strings.Join(pairs, ", ")
}
