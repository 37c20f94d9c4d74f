package ga

import (
	"crypto/rand"
	"fmt"
	"slices"
	"strconv"
	"time"
)

// Restore replaces the state (seed or state file), filling left-out fields with the values
// the real service would show. It refuses, and leaves the state unchanged, when a seed is
// invalid: unknown enum values, out-of-range numbers, duplicate ids, bindings that name
// unknown objects or contradict each other, or a transitional state the mock cannot finish.
//
// Defaults: RegionId cn-hangzhou, ResourceGroupId DefaultResourceGroupID, no Tags; plans Type
// Basic, BandwidthType Basic (Basic plans),
// ChargeType PREPAY (the API's default) with ExpiredTime one month after CreateTime,
// BillingType PayByTraffic for POSTPAY, CbnGeographicRegionIdA/B China-mainland/Global for
// CrossDomain, CreateTime now, State active or binded; accelerators State active, Spec "1",
// InstanceChargeType PREPAY, a DnsName derived from the id, BandwidthBillingType
// BandwidthPackage; acceleration regions (IpSets) IpVersion IPv4, State active. A plan seeded in state init or
// updating (or an accelerator in configuring) without MockPending finishes after
// the delay; binding and unbinding need a MockPending naming the accelerator. A
// MockUnpaidUpgrade must be an upgrade the API accepts, of a paid subscription; its OrderId
// and Time default to a new id and now.
func (p *Product) Restore(packages []BandwidthPackage, accelerators []Accelerator) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	now := p.clock.Now()
	accs := make([]*Accelerator, 0, len(accelerators))
	for i := range accelerators {
		acc := cloneAccelerator(&accelerators[i])
		if err := fillAccelerator(acc, now, p.delay); err != nil {
			return fmt.Errorf("seed accelerator %d: %w", i, err)
		}
		if slices.ContainsFunc(accs, func(a *Accelerator) bool { return a.AcceleratorId == acc.AcceleratorId }) {
			return fmt.Errorf("seed accelerator %d: duplicate AcceleratorId %q", i, acc.AcceleratorId)
		}
		accs = append(accs, acc)
	}
	pkgs := make([]*BandwidthPackage, 0, len(packages))
	for i := range packages {
		bp := clonePackage(&packages[i])
		if err := fillPackage(bp, now); err != nil {
			return fmt.Errorf("seed bandwidth package %d: %w", i, err)
		}
		if slices.ContainsFunc(pkgs, func(o *BandwidthPackage) bool { return o.BandwidthPackageId == bp.BandwidthPackageId }) {
			return fmt.Errorf("seed bandwidth package %d: duplicate BandwidthPackageId %q", i, bp.BandwidthPackageId)
		}
		pkgs = append(pkgs, bp)
	}
	if err := linkSeed(pkgs, accs); err != nil {
		return err
	}
	if err := checkSeedAllocation(pkgs, accs); err != nil {
		return err
	}
	for i, bp := range pkgs {
		if err := settleSeedState(bp, now, p.delay); err != nil {
			return fmt.Errorf("seed bandwidth package %d (%s): %w", i, bp.BandwidthPackageId, err)
		}
	}
	p.packages, p.accelerators, p.tokens = pkgs, accs, map[string]string{}
	p.settle(now)
	return nil
}

// Snapshot returns the state as of the clock's now (pending operations settled), as deep
// copies: the accelerators carry the bandwidth plans bound to them.
func (p *Product) Snapshot() ([]BandwidthPackage, []Accelerator) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.settle(p.clock.Now())
	pkgs := make([]BandwidthPackage, 0, len(p.packages))
	for _, bp := range p.packages {
		pkgs = append(pkgs, *clonePackage(bp))
	}
	accs := make([]Accelerator, 0, len(p.accelerators))
	for _, acc := range p.accelerators {
		accs = append(accs, p.acceleratorView(acc))
	}
	return pkgs, accs
}

// acceleratorView is a copy of acc with the bandwidth plans bound to it filled in. The
// caller holds p.mu.
func (p *Product) acceleratorView(acc *Accelerator) Accelerator {
	out := *cloneAccelerator(acc)
	out.BasicBandwidthPackage, out.CrossDomainBandwidthPackage = nil, nil
	for _, bp := range p.boundPackages(acc.AcceleratorId) {
		if bp.Type == TypeCrossDomain {
			out.CrossDomainBandwidthPackage = &CrossDomainBandwidthPackage{InstanceId: bp.BandwidthPackageId, Bandwidth: bp.Bandwidth}
		} else {
			out.BasicBandwidthPackage = &BasicBandwidthPackage{InstanceId: bp.BandwidthPackageId, Bandwidth: bp.Bandwidth, BandwidthType: bp.BandwidthType}
		}
	}
	return out
}

// clonePackage returns a deep copy of bp.
func clonePackage(bp *BandwidthPackage) *BandwidthPackage {
	c := *bp
	c.Accelerators = slices.Clone(bp.Accelerators)
	c.Tags = slices.Clone(bp.Tags)
	if bp.MockPending != nil {
		pd := *bp.MockPending
		c.MockPending = &pd
	}
	if bp.MockUnpaidUpgrade != nil {
		o := *bp.MockUnpaidUpgrade
		c.MockUnpaidUpgrade = &o
	}
	return &c
}

// cloneAccelerator returns a deep copy of acc.
func cloneAccelerator(acc *Accelerator) *Accelerator {
	c := *acc
	c.Tags = slices.Clone(acc.Tags)
	c.IpSets = nil
	for _, ipSet := range acc.IpSets {
		ipSet.IpAddressList = slices.Clone(ipSet.IpAddressList)
		if ipSet.MockPending != nil {
			pd := *ipSet.MockPending
			ipSet.MockPending = &pd
		}
		c.IpSets = append(c.IpSets, ipSet)
	}
	if acc.BasicBandwidthPackage != nil {
		b := *acc.BasicBandwidthPackage
		c.BasicBandwidthPackage = &b
	}
	if acc.CrossDomainBandwidthPackage != nil {
		b := *acc.CrossDomainBandwidthPackage
		c.CrossDomainBandwidthPackage = &b
	}
	if acc.MockPending != nil {
		pd := *acc.MockPending
		c.MockPending = &pd
	}
	return &c
}

// fillAccelerator checks a seeded accelerator and fills its left-out fields.
func fillAccelerator(acc *Accelerator, now time.Time, delay time.Duration) error {
	if acc.AcceleratorId == "" {
		acc.AcceleratorId = newID("ga-")
	}
	if err := checkSeedRegion(acc.RegionId); err != nil {
		return err
	}
	acc.RegionId = Region
	if acc.State == "" {
		acc.State = AcceleratorActive
	}
	switch acc.State {
	case AcceleratorActive:
	case AcceleratorConfiguring, AcceleratorBinding, AcceleratorUnbinding:
		if acc.MockPending == nil {
			acc.MockPending = &Pending{Action: "Seed", Due: now.Add(delay), State: AcceleratorActive}
		}
	default:
		return fmt.Errorf("the State %q is not one the mock supports (%s, %s, %s, %s)", acc.State,
			AcceleratorActive, AcceleratorConfiguring, AcceleratorBinding, AcceleratorUnbinding)
	}
	if pd := acc.MockPending; pd != nil && pd.State != AcceleratorActive {
		return fmt.Errorf("MockPending.State %q: an accelerator can only become %s", pd.State, AcceleratorActive)
	}
	if acc.Spec == "" {
		acc.Spec = "1"
	}
	if acc.InstanceChargeType == "" {
		acc.InstanceChargeType = ChargePrepay
	}
	if acc.DnsName == "" {
		acc.DnsName = acc.AcceleratorId + ".aliyunga0019.com"
	}
	if acc.CreateTime == 0 {
		acc.CreateTime = now.UnixMilli()
	}
	if acc.ExpiredTime == 0 && acc.InstanceChargeType == ChargePrepay {
		acc.ExpiredTime = time.UnixMilli(acc.CreateTime).AddDate(0, 1, 0).UnixMilli()
	}
	if acc.ResourceGroupId == "" {
		acc.ResourceGroupId = DefaultResourceGroupID
	}
	if acc.BandwidthBillingType == "" {
		acc.BandwidthBillingType = BandwidthBillingBandwidthPackage
	}
	if acc.Tags == nil {
		acc.Tags = []Tag{}
	}
	if err := checkSeedTags(acc.Tags); err != nil {
		return err
	}
	return fillIpSets(acc, now, delay)
}

// fillIpSets checks a seeded accelerator's acceleration regions and fills their left-out
// fields: an id, IpVersion IPv4, State active with an address. A region seeded init, updating
// or deleting without MockPending finishes after the delay. Whether the regions fit in the
// accelerator's Basic plan is checked once bindings are known (checkSeedAllocation).
func fillIpSets(acc *Accelerator, now time.Time, delay time.Duration) error {
	for i := range acc.IpSets {
		s := &acc.IpSets[i]
		if s.IpSetId == "" {
			s.IpSetId = newID("ips-")
		}
		if !slices.ContainsFunc(regions, func(r region) bool { return r.RegionId == s.AccelerateRegionId }) {
			return fmt.Errorf("IpSets[%d]: AccelerateRegionId %q is not a region DescribeRegions lists", i, s.AccelerateRegionId)
		}
		if slices.ContainsFunc(acc.IpSets[:i], func(o IpSet) bool { return o.AccelerateRegionId == s.AccelerateRegionId || o.IpSetId == s.IpSetId }) {
			return fmt.Errorf("IpSets[%d]: a second acceleration region %s (%s)", i, s.AccelerateRegionId, s.IpSetId)
		}
		if s.Bandwidth < MinIpSetBandwidth {
			return fmt.Errorf("IpSets[%d]: Bandwidth %d is below %d Mbit/s", i, s.Bandwidth, MinIpSetBandwidth)
		}
		if s.IpVersion == "" {
			s.IpVersion = ipVersions[0]
		}
		if !slices.Contains(ipVersions, s.IpVersion) {
			return fmt.Errorf("IpSets[%d]: IpVersion %q is not one of %v", i, s.IpVersion, ipVersions)
		}
		if s.IpAddressList == nil {
			s.IpAddressList = []string{}
		}
		switch s.State {
		case "":
			s.State = IpSetActive
		case IpSetActive:
		case IpSetInit, IpSetUpdating:
			if s.MockPending == nil {
				s.MockPending = &Pending{Action: actionCreateIpSets, Due: now.Add(delay), State: IpSetActive}
			}
		case IpSetDeleting:
			if s.MockPending == nil {
				s.MockPending = &Pending{Action: actionDeleteIpSets, Due: now.Add(delay)}
			}
		default:
			return fmt.Errorf("IpSets[%d]: the State %q is not one the mock supports", i, s.State)
		}
		if s.State == IpSetActive && len(s.IpAddressList) == 0 {
			s.IpAddressList = []string{fakeAddress(s.IpSetId)}
		}
	}
	return nil
}

// checkSeedTags refuses more than 20 tags, or a tag the API would refuse.
func checkSeedTags(tags []Tag) error {
	if len(tags) > maxTagsPerResource {
		return fmt.Errorf("%d Tags; a resource can have at most %d", len(tags), maxTagsPerResource)
	}
	for i, t := range tags {
		if err := checkTag(fmt.Sprintf("Tags[%d]", i), t); err != nil {
			return fmt.Errorf("%s: %s", err.Code, err.Message)
		}
	}
	return nil
}

// fillPackage checks a seeded plan's own fields and fills those left out.
func fillPackage(bp *BandwidthPackage, now time.Time) error {
	if bp.BandwidthPackageId == "" {
		bp.BandwidthPackageId = newID("gbwp-")
	}
	if err := checkSeedRegion(bp.RegionId); err != nil {
		return err
	}
	bp.RegionId = Region
	if bp.Type == "" {
		bp.Type = TypeBasic
	}
	if bp.BandwidthType == "" && bp.Type == TypeBasic {
		bp.BandwidthType = BandwidthBasic
	}
	if bp.ChargeType == "" {
		bp.ChargeType = ChargePrepay
	}
	if bp.BillingType == "" && bp.ChargeType == ChargePostpay {
		bp.BillingType = BillingPayByTraffic
	}
	if bp.Type == TypeCrossDomain {
		if bp.CbnGeographicRegionIdA == "" {
			bp.CbnGeographicRegionIdA = RegionChinaMainland
		}
		if bp.CbnGeographicRegionIdB == "" {
			bp.CbnGeographicRegionIdB = RegionGlobal
		}
	}
	if bp.CreateTime == "" {
		bp.CreateTime = millis(now)
	}
	created, err := strconv.ParseInt(bp.CreateTime, 10, 64)
	if err != nil {
		return fmt.Errorf("the CreateTime %q is not a millisecond Unix timestamp", bp.CreateTime)
	}
	if bp.ExpiredTime == "" && bp.ChargeType == ChargePrepay {
		bp.ExpiredTime = millis(time.UnixMilli(created).AddDate(0, 1, 0))
	}
	if bp.ExpiredTime != "" {
		if _, err := strconv.ParseInt(bp.ExpiredTime, 10, 64); err != nil {
			return fmt.Errorf("the ExpiredTime %q is not a millisecond Unix timestamp", bp.ExpiredTime)
		}
	}
	if bp.Accelerators == nil {
		bp.Accelerators = []string{}
	}
	if bp.ResourceGroupId == "" {
		bp.ResourceGroupId = DefaultResourceGroupID
	}
	if bp.Tags == nil {
		bp.Tags = []Tag{}
	}
	if err := checkSeedTags(bp.Tags); err != nil {
		return err
	}
	if err := checkSeedRenewal(bp); err != nil {
		return err
	}
	if err := checkPlan(planOf(bp)); err != nil {
		return fmt.Errorf("%s: %s", err.Code, err.Message)
	}
	if err := checkName(bp.Name, bp.Description); err != nil {
		return fmt.Errorf("%s: %s", err.Code, err.Message)
	}
	if bp.MockOrderUnpaid && (bp.ChargeType != ChargePrepay || bp.State != StateInit) {
		return fmt.Errorf("MockOrderUnpaid needs ChargeType %s and State %s", ChargePrepay, StateInit)
	}
	return fillUpgradeOrder(bp, now)
}

// checkSeedRenewal checks a seeded plan's renewal settings: only a subscription has them.
func checkSeedRenewal(bp *BandwidthPackage) error {
	if bp.MockRenewalStatus == "" && bp.MockAutoRenewDuration == 0 {
		return nil
	}
	if bp.ChargeType != ChargePrepay {
		return fmt.Errorf("MockRenewalStatus and MockAutoRenewDuration need ChargeType %s", ChargePrepay)
	}
	if bp.MockRenewalStatus != "" && !slices.Contains([]string{RenewalAuto, RenewalManual, RenewalNone}, bp.MockRenewalStatus) {
		return fmt.Errorf("MockRenewalStatus %q is not one of %s, %s, %s", bp.MockRenewalStatus, RenewalAuto, RenewalManual, RenewalNone)
	}
	if d := bp.MockAutoRenewDuration; d != 0 && (d < minAutoRenewMonths || d > maxAutoRenewMonths) {
		return fmt.Errorf("MockAutoRenewDuration %d is not from %d to %d months", d, minAutoRenewMonths, maxAutoRenewMonths)
	}
	return nil
}

// fillUpgradeOrder checks a seeded unpaid upgrade order and fills its left-out OrderId and
// Time: it belongs to a paid subscription and is an upgrade the API accepts.
func fillUpgradeOrder(bp *BandwidthPackage, now time.Time) error {
	o := bp.MockUnpaidUpgrade
	if o == nil {
		return nil
	}
	if bp.ChargeType != ChargePrepay || bp.MockOrderUnpaid {
		return fmt.Errorf("MockUnpaidUpgrade needs a paid subscription (ChargeType %s, no MockOrderUnpaid)", ChargePrepay)
	}
	if o.Bandwidth != 0 && (o.Bandwidth < MinBandwidth || o.Bandwidth > MaxBandwidth) {
		return fmt.Errorf("MockUnpaidUpgrade.Bandwidth %d is not from %d to %d", o.Bandwidth, MinBandwidth, MaxBandwidth)
	}
	change := pendingChange(bp, o.Bandwidth, o.BandwidthType)
	if !isUpgrade(bp, change) {
		return fmt.Errorf("MockUnpaidUpgrade must raise the Bandwidth (%d) or change the BandwidthType (%s)", bp.Bandwidth, bp.BandwidthType)
	}
	if err := checkChange(bp, change); err != nil {
		return fmt.Errorf("MockUnpaidUpgrade: %s: %s", err.Code, err.Message)
	}
	if o.OrderId == "" {
		o.OrderId = newOrderID()
	}
	if o.Time.IsZero() {
		o.Time = now
	}
	return nil
}

// linkSeed merges the bindings a seed declares on either side and checks them: every plan
// is bound to at most one known accelerator, every accelerator has at most one plan of each
// type, and plan values an accelerator repeats match the plan.
func linkSeed(pkgs []*BandwidthPackage, accs []*Accelerator) error {
	byID := map[string]*BandwidthPackage{}
	for _, bp := range pkgs {
		byID[bp.BandwidthPackageId] = bp
	}
	for _, acc := range accs {
		if b := acc.BasicBandwidthPackage; b != nil && b.InstanceId != "" {
			if err := linkOne(byID, acc.AcceleratorId, b.InstanceId, TypeBasic, b.Bandwidth, b.BandwidthType); err != nil {
				return err
			}
		}
		if c := acc.CrossDomainBandwidthPackage; c != nil && c.InstanceId != "" {
			if err := linkOne(byID, acc.AcceleratorId, c.InstanceId, TypeCrossDomain, c.Bandwidth, ""); err != nil {
				return err
			}
		}
		acc.BasicBandwidthPackage, acc.CrossDomainBandwidthPackage = nil, nil
	}
	perAcc := map[string]string{} // accelerator id + type -> plan id
	for _, bp := range pkgs {
		if pd := bp.MockPending; pd != nil && pd.AcceleratorId != "" &&
			!slices.ContainsFunc(accs, func(a *Accelerator) bool { return a.AcceleratorId == pd.AcceleratorId }) {
			return fmt.Errorf("bandwidth package %s: MockPending names accelerator %q, which is not among Accelerators", bp.BandwidthPackageId, pd.AcceleratorId)
		}
		bp.Accelerators = slices.Compact(bp.Accelerators)
		if len(bp.Accelerators) > 1 {
			return fmt.Errorf("bandwidth package %s: bound to %d accelerators; a plan can be bound to one", bp.BandwidthPackageId, len(bp.Accelerators))
		}
		for _, id := range bp.Accelerators {
			if !slices.ContainsFunc(accs, func(a *Accelerator) bool { return a.AcceleratorId == id }) {
				return fmt.Errorf("bandwidth package %s: Accelerators names %q, which is not among Accelerators", bp.BandwidthPackageId, id)
			}
			key := id + "/" + bp.Type
			if other, ok := perAcc[key]; ok {
				return fmt.Errorf("accelerator %s is bound to two %s bandwidth plans (%s, %s)", id, bp.Type, other, bp.BandwidthPackageId)
			}
			perAcc[key] = bp.BandwidthPackageId
		}
	}
	return nil
}

// checkSeedAllocation refuses seeded acceleration regions without a Basic plan on their
// accelerator, or with more bandwidth in all than that plan has.
func checkSeedAllocation(pkgs []*BandwidthPackage, accs []*Accelerator) error {
	for _, acc := range accs {
		if len(acc.IpSets) == 0 {
			continue
		}
		i := slices.IndexFunc(pkgs, func(bp *BandwidthPackage) bool {
			return bp.Type == TypeBasic && slices.Contains(bp.Accelerators, acc.AcceleratorId)
		})
		if i < 0 {
			return fmt.Errorf("accelerator %s: its IpSets need a Basic bandwidth plan bound to it", acc.AcceleratorId)
		}
		if total := allocated(acc); total > pkgs[i].Bandwidth {
			return fmt.Errorf("accelerator %s: its IpSets have %d Mbit/s in all, more than its Basic plan %s (%d Mbit/s)",
				acc.AcceleratorId, total, pkgs[i].BandwidthPackageId, pkgs[i].Bandwidth)
		}
	}
	return nil
}

// linkOne records that accelerator accID declares plan pkgID of type typ.
func linkOne(byID map[string]*BandwidthPackage, accID, pkgID, typ string, bandwidth int, bandwidthType string) error {
	bp, ok := byID[pkgID]
	if !ok {
		return fmt.Errorf("accelerator %s: bandwidth plan %q is not among BandwidthPackages", accID, pkgID)
	}
	if bp.Type != typ {
		return fmt.Errorf("accelerator %s: bandwidth plan %s is of Type %s, not %s", accID, pkgID, bp.Type, typ)
	}
	if (bandwidth != 0 && bandwidth != bp.Bandwidth) || (bandwidthType != "" && bandwidthType != bp.BandwidthType) {
		return fmt.Errorf("accelerator %s: the bandwidth it shows for plan %s differs from the plan's", accID, pkgID)
	}
	if !slices.Contains(bp.Accelerators, accID) {
		bp.Accelerators = append(bp.Accelerators, accID)
	}
	return nil
}

// settleSeedState checks a seeded plan's state against its bindings and gives a
// transitional state left without MockPending the operation that finishes it.
func settleSeedState(bp *BandwidthPackage, now time.Time, delay time.Duration) error {
	if bp.State == "" {
		bp.State = restingState(bp)
	}
	due := now.Add(delay)
	switch bp.State {
	case StateActive, StateBinded:
		if bp.State != restingState(bp) {
			return fmt.Errorf("the State %s does not match its %d bound accelerators", bp.State, len(bp.Accelerators))
		}
	case StateInit:
		if bp.MockPending == nil && !bp.MockOrderUnpaid {
			bp.MockPending = &Pending{Action: actionCreate, Due: due, State: StateActive}
		}
	case StateUpdating:
		if bp.MockPending == nil {
			bp.MockPending = &Pending{Action: actionUpdate, Due: due, State: restingState(bp)}
		}
	case StateBinding, StateUnbinding:
		if bp.MockPending == nil || bp.MockPending.AcceleratorId == "" {
			return fmt.Errorf("the State %s needs a MockPending naming the AcceleratorId", bp.State)
		}
	case StateDeleting:
		if len(bp.Accelerators) > 0 {
			return fmt.Errorf("the State %s needs a plan bound to no accelerator", bp.State)
		}
		if bp.MockPending == nil {
			bp.MockPending = &Pending{Action: actionDelete, Due: due, State: StateDeleting}
		}
	default:
		return fmt.Errorf("the State %q is not one the mock supports", bp.State)
	}
	if pd := bp.MockPending; pd != nil && !slices.Contains(pendingActions, pd.Action) {
		return fmt.Errorf("MockPending.Action %q is not one of %v", pd.Action, pendingActions)
	}
	return nil
}

// newID returns a fresh id in the service's style: prefix, then 23 lower-case letters and
// digits.
func newID(prefix string) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, 23)
	_, _ = rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return prefix + string(b)
}

// millis renders t as the API's millisecond timestamp string.
func millis(t time.Time) string { return strconv.FormatInt(t.UnixMilli(), 10) }
