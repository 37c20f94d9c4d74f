package ga_test

import (
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/terraform"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/mockcloud"
	mockga "terraform-provider-alibabacloud/internal/mockcloud/ga"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// testAccDelay is how long the mock's asynchronous operations take in these tests.
const testAccDelay = 1500 * time.Millisecond

// testAccAcceleratorID is the accelerator every test's mock is seeded with.
const testAccAcceleratorID = "ga-bp1testaccelerator"

// newTestAccMock starts a mock cloud seeded with one active accelerator.
func newTestAccMock(t *testing.T) *acctest.Mock {
	t.Helper()
	return acctest.NewMock(t, mockcloud.Options{
		Delay: testAccDelay,
		Seed: &mockcloud.State{Accelerators: []mockga.Accelerator{
			{AcceleratorId: testAccAcceleratorID, Name: "tf-acc", State: mockga.AcceleratorActive},
		}},
	})
}

// mutationGuard asserts that refused steps send no mutating call: each refused step sets a
// checkpoint, and the next step (any kind) checks it before it runs.
type mutationGuard struct {
	t     *testing.T
	m     *acctest.Mock
	armed bool
}

// check asserts no mutation since the last refused step began, if one is pending.
func (g *mutationGuard) check() {
	if g.armed {
		g.m.ExpectNoMutationSinceCheckpoint(g.t)
		g.armed = false
	}
}

// refused returns a step whose configuration must fail with an error matching re.
func (g *mutationGuard) refused(config, re string) resource.TestStep {
	return resource.TestStep{
		PreConfig: func() {
			g.check()
			g.m.Checkpoint()
			g.armed = true
		},
		Config:      g.m.Config(config),
		ExpectError: regexp.MustCompile(re),
	}
}

// packagesInMock returns the mock's bandwidth plans.
func packagesInMock(m *acctest.Mock) []mockga.BandwidthPackage {
	return m.State().BandwidthPackages
}

// testAccCheckBandwidthPackageDestroy checks that the mock holds no pay-as-you-go plan.
func testAccCheckBandwidthPackageDestroy(m *acctest.Mock) resource.TestCheckFunc {
	return func(*terraform.State) error {
		for _, bp := range packagesInMock(m) {
			if bp.ChargeType == "POSTPAY" {
				return fmt.Errorf("bandwidth plan %s still exists (state %s)", bp.BandwidthPackageId, bp.State)
			}
		}
		return nil
	}
}

// testAccCheckBandwidthPackageExistsInMock checks that the mock holds the plan of
// alibabacloud_ga_bandwidth_package.test, with the wanted bandwidth.
func testAccCheckBandwidthPackageExistsInMock(m *acctest.Mock, bandwidth int) resource.TestCheckFunc {
	return func(s *terraform.State) error {
		rs, ok := s.RootModule().Resources[testAccPackageAddress]
		if !ok {
			return fmt.Errorf("%s not in state", testAccPackageAddress)
		}
		for _, bp := range packagesInMock(m) {
			if bp.BandwidthPackageId == rs.Primary.ID {
				if bp.Bandwidth != bandwidth {
					return fmt.Errorf("plan %s has bandwidth %d in the mock, want %d", bp.BandwidthPackageId, bp.Bandwidth, bandwidth)
				}
				return nil
			}
		}
		return fmt.Errorf("plan %s not in the mock", rs.Primary.ID)
	}
}

// lastCall returns the last call of action among calls.
func lastCall(calls []rpc.CallRecord, action string) (rpc.CallRecord, bool) {
	for j := len(calls) - 1; j >= 0; j-- {
		if calls[j].Action == action {
			return calls[j], true
		}
	}
	return rpc.CallRecord{}, false
}

// testAccCheckCallCount checks that the mock received action exactly want times.
func testAccCheckCallCount(m *acctest.Mock, action string, want int) resource.TestCheckFunc {
	return func(*terraform.State) error {
		if n := m.CountCalls(action); n != want {
			return fmt.Errorf("%s called %d times, want %d", action, n, want)
		}
		return nil
	}
}

// collect returns, in order, what field picks from each call of action among calls (its
// error code, one of its parameters).
func collect(calls []rpc.CallRecord, action string, field func(rpc.CallRecord) string) []string {
	var out []string
	for _, c := range calls {
		if c.Action == action {
			out = append(out, field(c))
		}
	}
	return out
}

// code and clientToken are fields for collect.
func code(c rpc.CallRecord) string        { return c.Code }
func clientToken(c rpc.CallRecord) string { return c.Params["ClientToken"] }
