// Package cbn is the mock of the Cloud Enterprise Network API (Cbn, 2017-09-12): CEN
// bandwidth packages and their temporary upgrades.
//
// State changes that the real service performs asynchronously (a temporary upgrade taking effect,
// a window ending) are settled lazily against the virtual clock at the start of every call and in
// Snapshot: no goroutines, no timers.
//
// A seed lists packages under the API's field names; everything but CenBandwidthPackageId and
// Bandwidth may be left out (see Restore). A package with an open temporary upgrade and a
// transit router QoS policy that forbids upgrades:
//
//	{"CenBandwidthPackageId": "cenbwp-demo", "Bandwidth": 300, "CenIds": {"CenId": ["cen-demo"]},
//	 "ReservationOrderType": "TEMP_UPGRADE", "ReservationBandwidth": "100",
//	 "ReservationActiveTime": "2026-12-01T10:00Z", "MockAbsoluteInterRegionQosPolicy": true}
package cbn

import (
	"fmt"
	"sync"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/clock"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// Product serves the Cbn actions. It is safe for concurrent use.
type Product struct {
	clock *clock.Clock

	mu       sync.Mutex
	delay    time.Duration
	account  AccountSettings // the account's gates and strict/lenient switches
	packages []*pkg          // in seed order, the order Describe lists them
	byID     map[string]*pkg // the same packages by CenBandwidthPackageId
}

var _ rpc.Product = (*Product)(nil)

// New returns an empty Cbn product whose asynchronous operations complete after delay.
func New(clk *clock.Clock, delay time.Duration) *Product {
	return &Product{clock: clk, delay: delay, byID: map[string]*pkg{}}
}

// Name implements rpc.Product.
func (p *Product) Name() string { return "Cbn" }

// Version implements rpc.Product.
func (p *Product) Version() string { return "2017-09-12" }

// Handle implements rpc.Product: DescribeCenBandwidthPackages and
// TempUpgradeCenBandwidthPackageSpec. Business time is the product's clock (call.Now is not used).
func (p *Product) Handle(call *rpc.Call) (any, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.clock.Now()
	p.settle(now)
	switch call.Action {
	case "DescribeCenBandwidthPackages":
		return p.describe(call)
	case "TempUpgradeCenBandwidthPackageSpec":
		return p.tempUpgrade(call, now)
	default:
		return nil, rpc.ErrUnknownAction
	}
}

// SetDelay changes how long asynchronous operations take from now on. Operations already
// accepted keep their due time.
func (p *Product) SetDelay(d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.delay = d
}

// Restore replaces the state with packages (seed or state file), filling left-out fields with
// the values the real service would show: Status InUse when CenIds lists a CEN instance and Idle
// otherwise, BusinessStatus Normal, BandwidthPackageChargeType PREPAY, CreationTime the virtual
// now, ExpiredTime a year after CreationTime for PREPAY (none for POSTPAY), GeographicRegionAId
// and GeographicRegionBId China with the matching GeographicSpanId, ResourceGroupId
// DefaultResourceGroupID, HasReservationData "false" without an open window, empty lists. Times
// may be given as 2026-12-01T10:00Z or in RFC 3339. It rejects a package it cannot make sense of (and
// then leaves the state unchanged) with an error naming the package and the field.
func (p *Product) Restore(packages []Package) error {
	now := p.clock.Now()
	list := make([]*pkg, 0, len(packages))
	byID := make(map[string]*pkg, len(packages))
	for i, in := range packages {
		q, err := fromSeed(in, now)
		if err != nil {
			return fmt.Errorf("CEN bandwidth package %d (%q): %w", i+1, in.CenBandwidthPackageId, err)
		}
		if _, dup := byID[q.CenBandwidthPackageId]; dup {
			return fmt.Errorf("CEN bandwidth package %d: CenBandwidthPackageId %q appears twice", i+1, q.CenBandwidthPackageId)
		}
		byID[q.CenBandwidthPackageId] = q
		list = append(list, q)
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.packages, p.byID = list, byID
	return nil
}

// Snapshot returns the state as of the clock's now (pending operations settled), in the format
// Restore takes: reservation fields as Describe shows them with IncludeReservationData=true, plus
// the mock-only fields.
func (p *Product) Snapshot() []Package {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.settle(p.clock.Now())
	out := make([]Package, len(p.packages))
	for i, q := range p.packages {
		out[i] = q.snapshot()
	}
	return out
}

// settle applies every transition due at or before now. The caller holds p.mu.
func (p *Product) settle(now time.Time) {
	for _, q := range p.packages {
		q.settle(now)
	}
}
