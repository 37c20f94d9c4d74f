package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/acctest/testmain"
	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
	"terraform-provider-alibabacloud/internal/provider"
)

// Sizes of the seed: more than a page of each API (ListBandwidthPackages 100,
// ListAccelerators 50, DescribeCenBandwidthPackages 50).
const (
	standalonePlans        = 120
	standaloneAccelerators = 60
	standaloneCENPackages  = 60
)

// standaloneSeed writes a seed file of more than a page of GA plans, accelerators and CEN
// packages, and returns its path.
func standaloneSeed(t *testing.T) string {
	t.Helper()
	seed := mockcloud.State{Account: acctest.OpenAccount(0), BandwidthPackages: acctest.SeedGAPlans(standalonePlans)}
	for i := 1; i <= standaloneAccelerators; i++ {
		seed.Accelerators = append(seed.Accelerators, acctest.SeedAccelerator(fmt.Sprintf("ga-standalone%03d", i)))
	}
	for i := 1; i <= standaloneCENPackages; i++ {
		seed.CenBandwidthPackages = append(seed.CenBandwidthPackages, acctest.SeedCENPackage(fmt.Sprintf("cenbwp-standalone%03d", i), 100))
	}
	body, err := json.Marshal(seed)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "seed.json")
	if err := os.WriteFile(path, body, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestAccDataSources_standaloneMock reads the three data sources with real terraform from the
// standalone mock cloud (the command's own run, with a seed file), more than a page of each,
// and checks in the mock's call log (GET /_mock/calls) that every page was asked for.
func TestAccDataSources_standaloneMock(t *testing.T) {
	testmain.MockOnly(t)
	for _, env := range provider.EnvironmentVariables() {
		t.Setenv(env, "") // the provider block below says everything
	}
	base, _ := startRun(t, "-addr", "127.0.0.1:0", "-seed", standaloneSeed(t), "-delay", "1s")
	config := acctest.MockProviderConfig(base) + fmt.Sprintf(`
data "alibabacloud_ga_bandwidth_packages" "all" {}

data "alibabacloud_ga_accelerators" "all" {}

data "alibabacloud_cen_bandwidth_packages" "all" {}

output "plans" {
  value = length(data.alibabacloud_ga_bandwidth_packages.all.ids)
}

output "accelerators" {
  value = length(data.alibabacloud_ga_accelerators.all.names)
}

output "cen_packages" {
  value = length(data.alibabacloud_cen_bandwidth_packages.all.packages)
}

output "last_plan" {
  value = data.alibabacloud_ga_bandwidth_packages.all.packages[%d].id
}
`, standalonePlans-1)
	resource.Test(t, resource.TestCase{
		ProtoV6ProviderFactories: acctest.ProtoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: config,
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("plans", knownvalue.Int64Exact(standalonePlans)),
				statecheck.ExpectKnownOutputValue("accelerators", knownvalue.Int64Exact(standaloneAccelerators)),
				statecheck.ExpectKnownOutputValue("cen_packages", knownvalue.Int64Exact(standaloneCENPackages)),
				statecheck.ExpectKnownOutputValue("last_plan", knownvalue.StringExact(fmt.Sprintf("gbwp-query%04d", standalonePlans))),
			},
			Check: func(*terraform.State) error { return checkEveryPageRead(base) },
		}},
	})
}

// checkEveryPageRead reads the standalone mock's call log and checks that the second page of
// each list was asked for, and that nothing was changed.
func checkEveryPageRead(base string) error {
	resp, err := http.Get(base + "/_mock/calls") //nolint:noctx // a test's read of a local server
	if err != nil {
		return err
	}
	defer func() { _ = resp.Body.Close() }()
	var calls []rpc.CallRecord
	if err := json.NewDecoder(resp.Body).Decode(&calls); err != nil {
		return err
	}
	second := map[string]bool{}
	for _, c := range calls {
		if mockcloud.IsMutatingAction(c.Action) {
			return fmt.Errorf("mutating call %s", c.Action)
		}
		if c.Params["PageNumber"] == "2" {
			second[c.Action] = true
		}
	}
	for _, action := range []string{"ListBandwidthPackages", "ListAccelerators", "DescribeCenBandwidthPackages"} {
		if !second[action] {
			return fmt.Errorf("%s: the second page was not read (calls: %s)", action, strings.Join(actionsOf(calls), ", "))
		}
	}
	return nil
}

// actionsOf lists the actions of calls.
func actionsOf(calls []rpc.CallRecord) []string {
	var out []string
	for _, c := range calls {
		out = append(out, c.Action)
	}
	return out
}
