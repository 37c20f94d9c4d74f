package cen_test

import (
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// TestAccCENBandwidthTempUpgrade_transientFailuresOutlastRetries: with max_retries = 1, the
// upgrade order meets more throttling and 5xx in a row than that, and the create still
// succeeds: inside an operation, only its timeout ends the retries. The mock carried out one
// order.
func TestAccCENBandwidthTempUpgrade_transientFailuresOutlastRetries(t *testing.T) {
	const id = "cenbwp-throttled01"
	m := testAccNewMock(t, testAccPackage(id, 100))
	end := testAccEndIn(24 * time.Hour)
	const region = `region     = "cn-hangzhou"`
	config := strings.Replace(testAccConfigBandwidthTempUpgrade_basic(m, id, 500, end), region, region+"\n  max_retries = 1", 1)

	resource.ParallelTest(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		CheckDestroy:             testAccCheckBandwidthTempUpgradeDestroy(t, m, id, 500),
		Steps: []resource.TestStep{{
			PreConfig: func() {
				if !strings.Contains(config, "max_retries = 1") {
					t.Fatalf("max_retries not set in:\n%s", config)
				}
				if err := m.SetFaults(rpc.Faults{Scripted: []rpc.ScriptedFault{
					{Action: testAccUpgradeCall, Count: 3, Code: "Throttling.User"},
					{Action: testAccUpgradeCall, Count: 1, Status: 503},
				}}); err != nil {
					t.Fatal(err)
				}
			},
			Config:            config,
			ConfigStateChecks: testAccStateChecks("Active", 500, 100, end),
			Check: resource.ComposeAggregateTestCheckFunc(
				testAccCheckPackage(t, m, id, 500, 100, end),
				m.CheckAnswers(testAccUpgradeCall, "400 Throttling.User", "400 Throttling.User", "400 Throttling.User",
					"503 ServiceUnavailable", "200"),
				m.CheckpointCheck(),
			),
		}},
	})
}
