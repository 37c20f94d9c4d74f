// Package ga is the mock of the Global Accelerator API (Ga, 2019-11-20): bandwidth plans,
// accelerators, the bindings between them, acceleration regions (IP sets), tags and resource
// groups.
//
// Asynchronous operations complete `delay` of virtual time after they start. Nothing runs in
// the background: every call, and Snapshot, first applies each pending operation whose due
// time has passed.
//
//   - CreateBandwidthPackage: init, then active. A subscription (PREPAY) created with
//     AutoPay=false stays in init until Product.PayOrder is called (mock-only control).
//     Pay-as-you-go and PayBY95 plans need the account's gates (AccountSettings).
//   - BandwidthPackageAddAccelerator: the plan is binding and the accelerator binding, then
//     binded and active; only then does the plan list the accelerator.
//   - BandwidthPackageRemoveAccelerator: unbinding and unbinding, then active and active.
//   - ReplaceBandwidthPackage: the new plan binding, the old one unbinding, the accelerator
//     configuring; then binded, active and active.
//   - UpdateBandwidthPackage: Name and Description change at once; a new Bandwidth or
//     BandwidthType makes the plan updating (and its accelerator configuring) and shows the
//     old values until the delay has passed. Another update within the cool-down period
//     (AccountSettings.GaUpdateCooldown, or SetCooldown) after a bandwidth change is refused;
//     a downgrade uses one of the account's GaDowngradeQuota; a bound Basic plan cannot go
//     below what its accelerator's acceleration regions are given.
//     On a subscription (PREPAY), an upgrade (more Bandwidth, or Basic to Enhanced) sent
//     without AutoPay=true is an unpaid order: the call succeeds but the plan keeps its
//     values and state until Product.PayOrder pays it, and then changes as above. Until
//     then, another change of Bandwidth or BandwidthType is refused with Order.Unpaid, a
//     code the Ga reference does not document (see CodeOrderUnpaid); Name and Description
//     still change at once. Downgrades and pay-as-you-go plans need no payment.
//   - DeleteBandwidthPackage: the plan is deleting until it is gone.
//   - CreateIpSets, UpdateIpSets, DeleteIpSets: the region init, updating or deleting and
//     the accelerator configuring until the delay has passed.
//
// Every call must carry RegionId=cn-hangzhou. The error codes are the Code constants; docs/mock.md
// says where each comes from.
package ga

import (
	"net/http"
	"slices"
	"sync"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/clock"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// Product serves the Ga actions. It is safe for concurrent use.
type Product struct {
	mu    sync.Mutex
	clock *clock.Clock
	delay time.Duration
	// account holds the account-level switches (gates, quota, cool-down) of seed and state files.
	account AccountSettings
	// cooldown overrides the account's GaUpdateCooldown when set (SetCooldown).
	cooldown *time.Duration

	packages     []*BandwidthPackage // in creation order
	accelerators []*Accelerator      // in creation order
	// tokens remembers the ClientTokens of plans that no longer exist (deleted), so that a
	// repeated call still answers the same plan. It lives in memory only.
	tokens map[string]string
}

var _ rpc.Product = (*Product)(nil)

// New returns an empty Ga product whose asynchronous operations complete after delay.
func New(clk *clock.Clock, delay time.Duration) *Product {
	return &Product{clock: clk, delay: delay, tokens: map[string]string{}}
}

// Name implements rpc.Product.
func (p *Product) Name() string { return "Ga" }

// Version implements rpc.Product.
func (p *Product) Version() string { return "2019-11-20" }

// SetDelay changes how long asynchronous operations take from now on. Operations already
// under way keep their due time.
func (p *Product) SetDelay(d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.delay = d
}

// SetCooldown sets the period after an UpdateBandwidthPackage during which another update
// of the same plan is refused, overriding the account's GaUpdateCooldown. A negative value
// restores the account's setting.
func (p *Product) SetCooldown(d time.Duration) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if d < 0 {
		p.cooldown = nil
		return
	}
	p.cooldown = &d
}

// cooldownPeriod is the cool-down in force. The caller holds p.mu.
func (p *Product) cooldownPeriod() time.Duration {
	if p.cooldown != nil {
		return *p.cooldown
	}
	d, _ := p.account.cooldown() // checked by SetAccount
	return d
}

// PayOrder pays the unpaid order of a plan, as a user would in the Order Center. It is a
// mock-only control, not an API action. The order is either the purchase of a subscription
// created with AutoPay=false (the plan leaves state init `delay` later) or an upgrade that
// UpdateBandwidthPackage ordered with AutoPay=false (the change then runs as a paid update
// does: the plan updating and its accelerators configuring until `delay` later). It refuses
// an unknown plan (CodeNotExistBandwidthPackage), a plan with nothing to pay
// (CodeNoUnpaidOrder), and an upgrade while the plan or its accelerator is busy. It returns a
// copy of the plan as it is once paid.
func (p *Product) PayOrder(bandwidthPackageID string) (BandwidthPackage, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.clock.Now()
	p.settle(now)
	bp := p.findPackage(bandwidthPackageID)
	if bp == nil {
		return BandwidthPackage{}, errPackageNotExist()
	}
	switch o := bp.MockUnpaidUpgrade; {
	case bp.MockOrderUnpaid:
		bp.MockOrderUnpaid = false
		bp.MockPending = &Pending{Action: actionCreate, Due: now.Add(p.delay), State: StateActive}
	case o != nil:
		if err := p.checkIdle(bp); err != nil {
			return BandwidthPackage{}, err
		}
		bp.MockUnpaidUpgrade = nil
		p.startUpdate(bp, &Pending{Action: actionUpdate, Bandwidth: o.Bandwidth, BandwidthType: o.BandwidthType}, now)
	default:
		return BandwidthPackage{}, rpc.NewError(http.StatusNotFound, CodeNoUnpaidOrder,
			"Bandwidth package "+bandwidthPackageID+" has no unpaid order.")
	}
	p.settle(now)
	return *clonePackage(bp), nil
}

// Handle implements rpc.Product.
func (p *Product) Handle(call *rpc.Call) (any, error) {
	h, ok := handlers[call.Action]
	if !ok {
		return nil, rpc.ErrUnknownAction
	}
	if err := checkRegion(call); err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := call.Now
	if now.IsZero() {
		now = p.clock.Now()
	}
	p.settle(now)
	resp, err := h(p, call.Params, now)
	// Operations with no delay complete within the call that started them.
	p.settle(now)
	return resp, err
}

// settle applies every pending operation due at or before now. The caller holds p.mu.
func (p *Product) settle(now time.Time) {
	kept := p.packages[:0]
	for _, bp := range p.packages {
		if pd := bp.MockPending; pd != nil && !pd.Due.After(now) {
			bp.MockPending = nil
			if pd.Action == actionDelete {
				p.forget(bp)
				continue
			}
			completePackage(bp, pd)
		}
		kept = append(kept, bp)
	}
	clear(p.packages[len(kept):])
	p.packages = kept
	for _, acc := range p.accelerators {
		if pd := acc.MockPending; pd != nil && !pd.Due.After(now) {
			acc.MockPending = nil
			acc.State = pd.State
		}
		settleIpSets(acc, now)
	}
}

// completePackage applies a finished operation pd (other than a deletion) to bp.
func completePackage(bp *BandwidthPackage, pd *Pending) {
	switch pd.Action {
	case actionAddAccelerator:
		if !slices.Contains(bp.Accelerators, pd.AcceleratorId) {
			bp.Accelerators = append(bp.Accelerators, pd.AcceleratorId)
		}
	case actionRemoveAccelerator:
		bp.Accelerators = remove(bp.Accelerators, pd.AcceleratorId)
	case actionUpdate:
		if pd.Bandwidth != 0 {
			bp.Bandwidth = pd.Bandwidth
		}
		if pd.BandwidthType != "" {
			bp.BandwidthType = pd.BandwidthType
		}
	}
	bp.State = pd.State
	if pd.Action != actionCreate {
		// Whatever was planned, the state follows the bindings once settled.
		bp.State = restingState(bp)
	}
}

// restingState is the state of a settled plan: binded when bound, active otherwise.
func restingState(bp *BandwidthPackage) string {
	if len(bp.Accelerators) > 0 {
		return StateBinded
	}
	return StateActive
}

// forget removes a deleted plan, remembering its ClientTokens. The caller holds p.mu.
func (p *Product) forget(bp *BandwidthPackage) {
	for _, t := range []string{bp.MockClientToken, bp.MockDeleteClientToken} {
		if t != "" {
			p.tokens[t] = bp.BandwidthPackageId
		}
	}
}

// findPackage returns the plan with the id, or nil. The caller holds p.mu.
func (p *Product) findPackage(id string) *BandwidthPackage {
	return p.packageWhere(func(bp *BandwidthPackage) bool { return bp.BandwidthPackageId == id })
}

// packageWhere returns the first plan for which match is true, or nil. The caller holds p.mu.
func (p *Product) packageWhere(match func(*BandwidthPackage) bool) *BandwidthPackage {
	if i := slices.IndexFunc(p.packages, match); i >= 0 {
		return p.packages[i]
	}
	return nil
}

// findAccelerator returns the accelerator with the id, or nil. The caller holds p.mu.
func (p *Product) findAccelerator(id string) *Accelerator {
	for _, acc := range p.accelerators {
		if acc.AcceleratorId == id {
			return acc
		}
	}
	return nil
}

// boundPackages returns the plans an accelerator is bound to. The caller holds p.mu.
func (p *Product) boundPackages(acceleratorID string) []*BandwidthPackage {
	var out []*BandwidthPackage
	for _, bp := range p.packages {
		if slices.Contains(bp.Accelerators, acceleratorID) {
			out = append(out, bp)
		}
	}
	return out
}

// remove returns a copy of list without s.
func remove(list []string, s string) []string {
	return slices.DeleteFunc(slices.Clone(list), func(v string) bool { return v == s })
}
