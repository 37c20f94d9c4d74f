package acctest

import (
	"fmt"
	"strconv"
	"testing"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/mockcloud/cbn"
	mockga "terraform-provider-alibabacloud/internal/mockcloud/ga"
)

// Everything in this file is mock only: it builds or reads the mock's own state, which the
// real cloud's account holds in its own way.

// SeedCENPackage returns a subscription CEN bandwidth package at bandwidth Mbps, named
// "peak-<id>", that expires in a year, for a mock's seed. Mock only.
func SeedCENPackage(id string, bandwidth int64) cbn.Package {
	return cbn.Package{
		CenBandwidthPackageId:      id,
		Name:                       "peak-" + id,
		Bandwidth:                  bandwidth,
		BandwidthPackageChargeType: cbn.ChargeTypePrepay,
		ExpiredTime:                time.Now().UTC().AddDate(1, 0, 0).Format(cbn.APITimeLayout),
	}
}

// SeedAccelerator returns an active GA accelerator named "tf-acc", for a mock's seed. Mock only.
func SeedAccelerator(id string) mockga.Accelerator {
	return mockga.Accelerator{AcceleratorId: id, Name: "tf-acc", State: mockga.AcceleratorActive}
}

// SeedGAPlans returns n GA bandwidth plans gbwp-query0001... named plan-0001..., for a mock's
// seed: 10 to 50 Mbps, every third a Subscription that expires in a year (the others
// pay-as-you-go by traffic), every fourth Enhanced, every fifth tagged team = net. Mock only.
func SeedGAPlans(n int) []mockga.BandwidthPackage {
	expires := strconv.FormatInt(time.Now().AddDate(1, 0, 0).UnixMilli(), 10)
	plans := make([]mockga.BandwidthPackage, 0, n)
	for i := 1; i <= n; i++ {
		bp := mockga.BandwidthPackage{
			BandwidthPackageId: fmt.Sprintf("gbwp-query%04d", i),
			Name:               fmt.Sprintf("plan-%04d", i),
			Bandwidth:          10 * (1 + i%5),
			Type:               mockga.TypeBasic,
			BandwidthType:      mockga.BandwidthBasic,
			ChargeType:         mockga.ChargePostpay,
		}
		if i%3 == 0 {
			bp.ChargeType, bp.ExpiredTime = mockga.ChargePrepay, expires
		}
		if i%4 == 0 {
			bp.BandwidthType = mockga.BandwidthEnhanced
		}
		if i%5 == 0 {
			bp.Tags = []mockga.Tag{{Key: "team", Value: "net"}}
		}
		plans = append(plans, bp)
	}
	return plans
}

// NewSeededMock starts a mock holding seed, whose asynchronous operations take delay. Mock only.
func NewSeededMock(t *testing.T, delay time.Duration, seed mockcloud.State) *Mock {
	t.Helper()
	return NewMock(t, mockcloud.Options{Delay: delay, Seed: &seed})
}

// GAPackageIDs returns the ids of the GA bandwidth plans the mock holds (the real cloud's
// account may hold any others). Mock only.
func (m *Mock) GAPackageIDs() []string {
	var ids []string
	for _, bp := range m.State().BandwidthPackages {
		ids = append(ids, bp.BandwidthPackageId)
	}
	return ids
}

// OpenAccount is the account acceptance tests run with unless their seed gives one: every
// feature gate on (CEN temporary upgrade, GA pay-as-you-go and PayBY95), downgrades to spare,
// and the GA update cool-down twice the delay. The mock's strict readings stay on; a test that
// needs a lenient one starts from OpenAccount and sets it. Mock only: on the real cloud the
// account is what it is.
func OpenAccount(delay time.Duration) *mockcloud.Account {
	return &mockcloud.Account{
		CBN: cbn.AccountSettings{CenTempUpgradeEnabled: true},
		GA: mockga.AccountSettings{
			GaPostpayEnabled: true, GaPayBY95Enabled: true, GaDowngradeQuota: 1000,
			GaUpdateCooldown: (2 * delay).String(),
		},
	}
}

// withAccount returns seed with OpenAccount when it names no account (a copy: the caller's
// seed is not changed).
func withAccount(seed *mockcloud.State, delay time.Duration) *mockcloud.State {
	var s mockcloud.State
	if seed != nil {
		if seed.Account != nil {
			return seed
		}
		s = *seed
	}
	s.Account = OpenAccount(delay)
	return &s
}
