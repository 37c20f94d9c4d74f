package ga_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/mockcloud"
	mockga "terraform-provider-alibabacloud/internal/mockcloud/ga"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// configWithRetrySettings is m.Config(body) with max_retries = 1 and a fixed ceiling of 5 GA
// calls per second in the provider block.
func configWithRetrySettings(t *testing.T, m *acctest.Mock, body string) string {
	t.Helper()
	const region = `region     = "cn-hangzhou"`
	config := m.Config(body)
	if !strings.Contains(config, region) {
		t.Fatalf("the mock's provider block sets no region to add settings after:\n%s", config)
	}
	return strings.Replace(config, region, region+"\n  max_retries = 1\n  rate_limit {\n    ga = 5\n  }", 1)
}

// scriptFaults makes the mock answer the next calls of each action as listed, from a new
// checkpoint. Mock only.
func scriptFaults(t *testing.T, m *acctest.Mock, faults ...rpc.ScriptedFault) func() {
	return func() {
		m.Checkpoint()
		if err := m.SetFaults(rpc.Faults{Scripted: faults}); err != nil {
			t.Fatal(err)
		}
	}
}

// TestAccGABandwidthPackage_transientFailuresOutlastRetries: with max_retries = 1, a create,
// an update and a delete each meet more throttling, 5xx and lost answers in a row than that,
// and still succeed: inside an operation, only its timeout ends the retries. The create is
// bought once, with one ClientToken, and the next plan is empty.
func TestAccGABandwidthPackage_transientFailuresOutlastRetries(t *testing.T) {
	m := newTestAccMock(t)
	throttled := func(action string, count int, code string) rpc.ScriptedFault {
		return rpc.ScriptedFault{Action: action, Count: count, Code: code}
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy: resource.ComposeTestCheckFunc(
			testAccCheckBandwidthPackageDestroy(t, m),
			m.CheckAnswers("DeleteBandwidthPackage", "503 ServiceUnavailable", "400 Throttling.User", "dropped", "400 NotExist.BandwidthPackage"),
		),
		Steps: []resource.TestStep{
			{
				// The create step makes no read before the create: its faults hit the create and
				// the wait after it.
				PreConfig: scriptFaults(t, m,
					throttled("CreateBandwidthPackage", 2, "Throttling.User"),
					rpc.ScriptedFault{Action: "CreateBandwidthPackage", Count: 1, DropResponse: true},
					throttled("DescribeBandwidthPackage", 3, "Throttling.Api"),
					rpc.ScriptedFault{Action: "DescribeBandwidthPackage", Count: 1, Status: 503},
				),
				Config: configWithRetrySettings(t, m, testAccConfigBandwidthPackage_payAsYouGo(10, "Basic", "tf-throttled", "t")),
				Check: resource.ComposeTestCheckFunc(
					m.CheckAnswers("CreateBandwidthPackage", "400 Throttling.User", "400 Throttling.User", "dropped", "200"),
					func(*terraform.State) error {
						tokens := m.Log().Of("CreateBandwidthPackage").Params("ClientToken")
						for _, token := range tokens {
							if token == "" || token != tokens[0] {
								return fmt.Errorf("ClientTokens %q, want one token on every attempt", tokens)
							}
						}
						return nil
					},
					testAccCheckMockHoldsPlans(m, 1),
					testAccCheckBandwidthPackageExists(t, m, 10),
				),
			},
			{
				PreConfig: scriptFaults(t, m,
					throttled("UpdateBandwidthPackage", 3, "Throttling.User"),
					rpc.ScriptedFault{Action: "UpdateBandwidthPackage", Count: 1, Status: 500, Code: "InternalError"},
				),
				Config: configWithRetrySettings(t, m, testAccConfigBandwidthPackage_payAsYouGo(20, "Basic", "tf-throttled", "t")),
				Check: resource.ComposeTestCheckFunc(
					m.CheckAnswersSinceCheckpoint("UpdateBandwidthPackage", "400 Throttling.User", "400 Throttling.User", "400 Throttling.User", "500 InternalError", "200"),
					testAccCheckBandwidthPackageExists(t, m, 20),
				),
			},
			{
				// Destroy: the delete is refused twice, then its answer is lost after it was
				// carried out; the retry (same ClientToken) finds the plan gone.
				PreConfig: scriptFaults(t, m,
					rpc.ScriptedFault{Action: "DeleteBandwidthPackage", Count: 1, Status: 503},
					throttled("DeleteBandwidthPackage", 1, "Throttling.User"),
					rpc.ScriptedFault{Action: "DeleteBandwidthPackage", Count: 1, DropResponse: true},
				),
				Config:  configWithRetrySettings(t, m, testAccConfigBandwidthPackage_payAsYouGo(20, "Basic", "tf-throttled", "t")),
				Destroy: true,
			},
		},
	})
}

// TestAccGABandwidthPackageAttachment_lostAnswers: the binding calls take no ClientToken, so a
// retry of one whose answer was lost is refused (the plan busy binding, then BindExist; the plan
// busy unbinding, then not bound). The provider recognizes its own earlier attempt's doing:
// the bind and the unbind succeed, each sent until it was refused, never twice carried out.
func TestAccGABandwidthPackageAttachment_lostAnswers(t *testing.T) {
	m := newTestAccMock(t)
	config := testAccConfigBandwidthPackageAttachment_basic(m)
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, m),
		Steps: []resource.TestStep{
			{
				PreConfig: scriptFaults(t, m, rpc.ScriptedFault{Action: "BandwidthPackageAddAccelerator", Count: 1, DropResponse: true}),
				Config:    config,
				Check: resource.ComposeTestCheckFunc(
					testAccCheckAttachment(t, m, true),
					func(*terraform.State) error {
						answers := m.Log().Of("BandwidthPackageAddAccelerator").Answers()
						if len(answers) < 2 || answers[0] != "dropped" || slices.Contains(answers[1:], "200") {
							return fmt.Errorf("BandwidthPackageAddAccelerator answered %q, want dropped, then only refusals", answers)
						}
						return nil
					},
				),
			},
			{
				PreConfig: scriptFaults(t, m, rpc.ScriptedFault{Action: "BandwidthPackageRemoveAccelerator", Count: 1, DropResponse: true}),
				Config:    config,
				Destroy:   true,
				Check: func(*terraform.State) error {
					answers := m.Log().Of("BandwidthPackageRemoveAccelerator").Answers()
					if len(answers) < 2 || answers[0] != "dropped" || slices.Contains(answers[1:], "200") {
						return fmt.Errorf("BandwidthPackageRemoveAccelerator answered %q, want dropped, then only refusals", answers)
					}
					return nil
				},
			},
		},
	})
}

// TestAccGABandwidthPackage_updateLostAnswer: UpdateBandwidthPackage takes no ClientToken, and
// after a bandwidth change the API refuses another update for a cool-down (an hour here). An
// update whose answer was lost is carried out; its retry is refused as the plan busy. The
// provider recognizes its own update instead of retrying until the update timeout (45s here).
func TestAccGABandwidthPackage_updateLostAnswer(t *testing.T) {
	account := acctest.OpenAccount(testAccDelay)
	account.GA.GaUpdateCooldown = "1h"
	m := acctest.NewSeededMock(t, testAccDelay, mockcloud.State{
		Account:      account,
		Accelerators: []mockga.Accelerator{acctest.SeedAccelerator(testAccAcceleratorID)},
	})
	config := func(bandwidth int) string {
		return m.Config(fmt.Sprintf(`
resource "alibabacloud_ga_bandwidth_package" "test" {
  bandwidth      = %d
  type           = "Basic"
  bandwidth_type = "Basic"
  payment_type   = "PayAsYouGo"
  billing_type   = "PayByTraffic"

  timeouts {
    update = "45s"
  }
}
`, bandwidth))
	}
	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthPackageDestroy(t, m),
		Steps: []resource.TestStep{
			{Config: config(10)},
			{
				PreConfig: scriptFaults(t, m, rpc.ScriptedFault{Action: "UpdateBandwidthPackage", Count: 1, DropResponse: true}),
				Config:    config(20),
				Check: resource.ComposeTestCheckFunc(
					testAccCheckBandwidthPackageExists(t, m, 20),
					func(*terraform.State) error {
						answers := m.LogSinceCheckpoint().Of("UpdateBandwidthPackage").Answers()
						if len(answers) < 2 || answers[0] != "dropped" || slices.Contains(answers[1:], "200") {
							return fmt.Errorf("UpdateBandwidthPackage answered %q, want dropped, then only refusals", answers)
						}
						return nil
					},
				),
			},
		},
	})
}
