package cen_test

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/mockcloud/cbn"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// TestAccCENBandwidthTempUpgrade_transientFailuresOutlastRetries: with max_retries = 1, the
// upgrade order meets more throttling and 5xx in a row than that, and the create still
// succeeds: inside an operation, only its timeout ends the retries. The mock carried out one
// order. Mock only (scripted faults).
func TestAccCENBandwidthTempUpgrade_transientFailuresOutlastRetries(t *testing.T) {
	const id = "cenbwp-throttled01"
	testAccRunOnMock(t, testAccDelay, []cbn.Package{testAccPackage(id, 100)}, func(t *testing.T, e *acctest.Env, r testAccReading) {
		end := testAccEndIn(24 * time.Hour)
		const region = `region     = "cn-hangzhou"`
		config := testAccConfigBandwidthTempUpgrade_basic(e, id, 500, end)
		if !strings.Contains(config, region) {
			t.Fatalf("the mock's provider block sets no region to add max_retries after:\n%s", config)
		}
		config = strings.Replace(config, region, region+"\n  max_retries = 1", 1)
		resource.Test(t, resource.TestCase{
			ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
			CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, e, id, 500),
			Steps: []resource.TestStep{{
				PreConfig: func() {
					if err := e.Mock.SetFaults(rpc.Faults{Scripted: []rpc.ScriptedFault{
						{Action: testAccUpgradeCall, Count: 3, Code: "Throttling.User"},
						{Action: testAccUpgradeCall, Count: 1, Status: 503},
					}}); err != nil {
						t.Fatal(err)
					}
				},
				Config:            config,
				ConfigStateChecks: testAccStateChecks(r, "Active", 500, 100, end),
				Check: resource.ComposeAggregateTestCheckFunc(
					testAccCheckPackage(t, e, r, id, 500, 100, end),
					e.Mock.CheckAnswers(testAccUpgradeCall, "400 Throttling.User", "400 Throttling.User", "400 Throttling.User",
						"503 ServiceUnavailable", "200"),
					e.Mock.CheckpointCheck(),
				),
			}},
		})
	})
}
