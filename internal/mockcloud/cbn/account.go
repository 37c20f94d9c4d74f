package cbn

import "time"

// AccountSettings are the account-level switches of the Cbn mock, in seed and state files under
// "Account" (beside the Ga ones). The zero value is what a new Alibaba Cloud account gets and,
// where the documentation leaves the behavior open, the strict reading.
type AccountSettings struct {
	// CenTempUpgradeEnabled lets the account order temporary upgrades. The
	// TempUpgradeCenBandwidthPackageSpec page: "the temporary upgrade feature is not enabled by
	// default. To use it, contact your account manager." Off, the call is refused with
	// CodeTempUpgradeNotEnabled.
	CenTempUpgradeEnabled bool `json:"CenTempUpgradeEnabled"`
	// CenAllowOrderDuringWindow (lenient) accepts a temporary upgrade of a package whose window
	// is still open (extending, shortening or raising it). Strict (false): refused with
	// InvalidOperation.OrderParameterIllegal, which the page gives for an order that conflicts
	// with existing orders.
	CenAllowOrderDuringWindow bool `json:"CenAllowOrderDuringWindow"`
	// CenReservationTimeExact (lenient) ends a window at the EndTime ordered, so that
	// ReservationActiveTime shows it cut to the minute. Strict (false): the window ends at
	// EndTime rounded up to the next whole hour (CEN bills by the hour), and
	// ReservationActiveTime shows that; a client must not expect its EndTime echoed.
	CenReservationTimeExact bool `json:"CenReservationTimeExact"`
}

// SetAccount replaces the account settings.
func (p *Product) SetAccount(s AccountSettings) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.account = s
}

// Account returns the account settings in force.
func (p *Product) Account() AccountSettings {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.account
}

// windowEnd is when a window ordered to end at requested does end under s.
func (s AccountSettings) windowEnd(requested time.Time) time.Time {
	if s.CenReservationTimeExact {
		return requested
	}
	if hour := requested.Truncate(time.Hour); !hour.Equal(requested) {
		return hour.Add(time.Hour)
	}
	return requested
}
