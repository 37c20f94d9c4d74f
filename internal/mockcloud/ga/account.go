package ga

import (
	"fmt"
	"net/http"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// DefaultUpdateCooldown is how long after an UpdateBandwidthPackage that changed a plan's
// bandwidth another update of the same plan is refused, when the account does not say
// otherwise. The API page says only "within a specific period of time"; the mock takes a
// long period (strict) so that a client which does not expect the refusal fails in tests.
const DefaultUpdateCooldown = 5 * time.Minute

// AccountSettings are the account-level switches of the Ga mock, in seed and state files under
// "Account" (beside the Cbn ones). The zero value is what a new Alibaba Cloud account gets and,
// where the documentation leaves the behavior open, the strict reading.
type AccountSettings struct {
	// GaPostpayEnabled lets CreateBandwidthPackage buy pay-as-you-go (POSTPAY) plans. The
	// CreateBandwidthPackage page: pay-as-you-go is unavailable by default. Off, the call is
	// refused with CodePostpayNotEnabled.
	GaPostpayEnabled bool `json:"GaPostpayEnabled"`
	// GaPayBY95Enabled lets CreateBandwidthPackage buy BillingType PayBY95 (pay by the 95th
	// percentile); it is unavailable by default. Off, the call is refused with
	// CodePayBY95NotEnabled.
	GaPayBY95Enabled bool `json:"GaPayBY95Enabled"`
	// GaDowngradeQuota is how many more UpdateBandwidthPackage downgrades (less bandwidth) the
	// account may make; each one uses one. At 0 a downgrade is refused with
	// CodeDowngradeQuotaExceeded. A new account has none.
	GaDowngradeQuota int `json:"GaDowngradeQuota"`
	// GaUpdateCooldown is how long after a change of bandwidth another UpdateBandwidthPackage
	// of the same plan is refused, as a Go duration ("90s"); empty means DefaultUpdateCooldown.
	GaUpdateCooldown string `json:"GaUpdateCooldown,omitempty"`
}

// cooldown returns GaUpdateCooldown as a duration, checking it.
func (s AccountSettings) cooldown() (time.Duration, error) {
	if s.GaUpdateCooldown == "" {
		return DefaultUpdateCooldown, nil
	}
	d, err := time.ParseDuration(s.GaUpdateCooldown)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("GaUpdateCooldown %q is not a duration of 0 or more (for example \"90s\")", s.GaUpdateCooldown)
	}
	return d, nil
}

// SetAccount replaces the account settings. It refuses (and changes nothing) a malformed
// GaUpdateCooldown or a negative GaDowngradeQuota.
func (p *Product) SetAccount(s AccountSettings) error {
	if _, err := s.cooldown(); err != nil {
		return err
	}
	if s.GaDowngradeQuota < 0 {
		return fmt.Errorf("GaDowngradeQuota %d must not be negative", s.GaDowngradeQuota)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.account = s
	return nil
}

// Account returns the account settings in force (the downgrade quota as used so far).
func (p *Product) Account() AccountSettings {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.account
}

// checkPurchaseGates refuses a plan the account may not buy.
func (p *Product) checkPurchaseGates(pl plan) *rpc.Error {
	switch {
	case pl.ChargeType == ChargePostpay && !p.account.GaPostpayEnabled:
		return apiError(http.StatusForbidden, CodePostpayNotEnabled,
			"Pay-as-you-go (POSTPAY) bandwidth plans are not available to this account: they are unavailable by default; "+
				"ask your account manager to enable them, or buy a subscription (PREPAY) plan.")
	case pl.BillingType == BillingPayBY95 && !p.account.GaPayBY95Enabled:
		return apiError(http.StatusForbidden, CodePayBY95NotEnabled,
			"The billing method PayBY95 (pay by the 95th percentile) is not available to this account: it is unavailable by default; "+
				"ask your account manager to enable it, or use BillingType PayByTraffic.")
	}
	return nil
}

// useDowngradeQuota takes one downgrade from the account's quota, or refuses when none is left.
func (p *Product) useDowngradeQuota(bp *BandwidthPackage) *rpc.Error {
	if p.account.GaDowngradeQuota <= 0 {
		return apiError(http.StatusBadRequest, CodeDowngradeQuotaExceeded,
			"The downgrade quota of this account is used up: bandwidth plan %s cannot be downgraded; "+
				"ask your account manager for a downgrade quota.", bp.BandwidthPackageId)
	}
	p.account.GaDowngradeQuota--
	return nil
}
