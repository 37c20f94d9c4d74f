package ga

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// Acceleration region rules.
const (
	// MinIpSetBandwidth is the least bandwidth an acceleration region can be given, in Mbit/s.
	MinIpSetBandwidth = 2
	maxIpSetsPerCall  = 10 // AccelerateRegion.N, IpSets.N, IpSetIds.N
	maxIpSetPageSize  = 50
)

// IP versions of an acceleration region.
var ipVersions = []string{"IPv4", "IPv6", "DUAL_STACK"}

// Actions on acceleration regions.
const (
	actionCreateIpSets = "CreateIpSets"
	actionUpdateIpSets = "UpdateIpSets"
	actionDeleteIpSets = "DeleteIpSets"
)

// allocated is the bandwidth acc's acceleration regions are given (a region whose bandwidth is
// changing counts with the larger of its old and new values; one being deleted counts until it
// is gone).
func allocated(acc *Accelerator) int {
	total := 0
	for _, s := range acc.IpSets {
		bw := s.Bandwidth
		if pd := s.MockPending; pd != nil && pd.Bandwidth > bw {
			bw = pd.Bandwidth
		}
		total += bw
	}
	return total
}

// basicPlan returns the Basic plan bound to acc, or nil. The caller holds p.mu.
func (p *Product) basicPlan(acc *Accelerator) *BandwidthPackage {
	for _, bp := range p.boundPackages(acc.AcceleratorId) {
		if bp.Type == TypeBasic {
			return bp
		}
	}
	return nil
}

// checkAllocation refuses to give acc's acceleration regions `total` Mbit/s when its Basic
// plan has less.
func (p *Product) checkAllocation(acc *Accelerator, total int) *rpc.Error {
	basic := p.basicPlan(acc)
	if basic == nil {
		return apiError(http.StatusBadRequest, CodeNotExistBasicBandwidthPackage,
			"You must specify the basic bandwidth package: accelerator %s has no basic bandwidth plan to allocate acceleration region bandwidth from.", acc.AcceleratorId)
	}
	if total > basic.Bandwidth {
		return apiError(http.StatusBadRequest, CodeIpSetBandwidthExceeded,
			"The total bandwidth for IpSet exceeds the total bandwidth of the GA instance: the acceleration regions of %s would have %d Mbit/s, its basic bandwidth plan %s has %d Mbit/s.",
			acc.AcceleratorId, total, basic.BandwidthPackageId, basic.Bandwidth)
	}
	return nil
}

// activeAccelerator finds the accelerator named by AcceleratorId and refuses it unless active.
func (p *Product) activeAccelerator(params url.Values) (*Accelerator, error) {
	acc, err := p.acceleratorParam(params)
	if err != nil {
		return nil, err
	}
	if acc.MockPending != nil || acc.State != AcceleratorActive {
		return nil, errAcceleratorState(acc)
	}
	return acc, nil
}

// createIpSetsResponse is what CreateIpSets answers.
type createIpSetsResponse struct {
	AcceleratorId string         `json:"AcceleratorId"` //nolint:revive // API field name
	IpSets        []createdIpSet `json:"IpSets"`
}

// createdIpSet is one acceleration region CreateIpSets answers.
type createdIpSet struct {
	IpSetId            string   `json:"IpSetId"`            //nolint:revive // API field name
	AccelerateRegionId string   `json:"AccelerateRegionId"` //nolint:revive // API field name
	Bandwidth          int      `json:"Bandwidth"`
	IpList             []string `json:"IpList"`
}

// createIpSets serves CreateIpSets: acceleration regions (AccelerateRegion.N.AccelerateRegionId,
// .Bandwidth, .IpVersion) whose bandwidth, with what the accelerator's regions already have,
// must fit in its Basic plan. They are init, and the accelerator configuring, until the delay
// has passed.
func (p *Product) createIpSets(params url.Values, now time.Time) (any, error) {
	if _, err := clientToken(params); err != nil {
		return nil, err
	}
	groups, err := rpc.IndexedParams(params, "AccelerateRegion", maxIpSetsPerCall)
	if err != nil {
		return nil, err
	}
	if len(groups) == 0 {
		return nil, errMissingParam("AccelerateRegion.N.AccelerateRegionId")
	}
	acc, err := p.activeAccelerator(params)
	if err != nil {
		return nil, err
	}
	var sets []IpSet
	total := allocated(acc)
	for _, g := range groups {
		s, err := ipSetFromParams(g)
		if err != nil {
			return nil, err
		}
		taken := slices.ContainsFunc(acc.IpSets, func(o IpSet) bool { return o.AccelerateRegionId == s.AccelerateRegionId }) ||
			slices.ContainsFunc(sets, func(o IpSet) bool { return o.AccelerateRegionId == s.AccelerateRegionId })
		if taken {
			return nil, apiError(http.StatusBadRequest, CodeRepeatIpSets,
				"The configuration of IpSet is duplicated: accelerator %s already has, or is given twice, an acceleration region in %s.", acc.AcceleratorId, s.AccelerateRegionId)
		}
		total += s.Bandwidth
		sets = append(sets, s)
	}
	if err := p.checkAllocation(acc, total); err != nil {
		return nil, err
	}
	due := now.Add(p.delay)
	resp := createIpSetsResponse{AcceleratorId: acc.AcceleratorId, IpSets: []createdIpSet{}}
	for _, s := range sets {
		s.IpSetId, s.State = newID("ips-"), IpSetInit
		s.MockPending = &Pending{Action: actionCreateIpSets, Due: due, State: IpSetActive}
		acc.IpSets = append(acc.IpSets, s)
		resp.IpSets = append(resp.IpSets, createdIpSet{IpSetId: s.IpSetId, AccelerateRegionId: s.AccelerateRegionId, Bandwidth: s.Bandwidth, IpList: []string{}})
	}
	p.configure([]string{acc.AcceleratorId}, due)
	return resp, nil
}

// ipSetFromParams reads one AccelerateRegion.N of CreateIpSets.
func ipSetFromParams(g rpc.ParamGroup) (IpSet, error) {
	field := func(name string) string {
		if v := g.Fields[name]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	prefix := fmt.Sprintf("AccelerateRegion.%d.", g.N)
	regionID := field("AccelerateRegionId")
	if regionID == "" {
		return IpSet{}, errMissingParam(prefix + "AccelerateRegionId")
	}
	if !slices.ContainsFunc(regions, func(r region) bool { return r.RegionId == regionID }) {
		return IpSet{}, errInvalidParam(prefix+"AccelerateRegionId", strconv.Quote(regionID)+" is not an acceleration region (DescribeRegions lists them)")
	}
	bandwidth, err := ipSetBandwidth(prefix+"Bandwidth", field("Bandwidth"))
	if err != nil {
		return IpSet{}, err
	}
	version := field("IpVersion")
	if version == "" {
		version = ipVersions[0]
	}
	if err := oneOf(prefix+"IpVersion", version, ipVersions...); err != nil {
		return IpSet{}, err
	}
	return IpSet{AccelerateRegionId: regionID, Bandwidth: bandwidth, IpVersion: version, IpAddressList: []string{}}, nil
}

// ipSetBandwidth parses the bandwidth of an acceleration region: an integer of at least 2.
func ipSetBandwidth(name, text string) (int, *rpc.Error) {
	if text == "" {
		return 0, errMissingParam(name)
	}
	n, err := strconv.Atoi(text)
	if err != nil || n < MinIpSetBandwidth || n > MaxBandwidth {
		return 0, errInvalidParam(name, fmt.Sprintf("must be an integer from %d to %d Mbit/s", MinIpSetBandwidth, MaxBandwidth))
	}
	return n, nil
}

// findIpSet returns the accelerator and index of the acceleration region with the id.
func (p *Product) findIpSet(id string) (*Accelerator, int) {
	for _, acc := range p.accelerators {
		if i := slices.IndexFunc(acc.IpSets, func(s IpSet) bool { return s.IpSetId == id }); i >= 0 {
			return acc, i
		}
	}
	return nil, -1
}

// idleIpSet finds an active acceleration region of an active accelerator.
func (p *Product) idleIpSet(id string) (*Accelerator, int, *rpc.Error) {
	acc, i := p.findIpSet(id)
	if acc == nil {
		return nil, -1, apiError(http.StatusBadRequest, CodeNotExistIpSets, "The IpSet does not exist: %s.", id)
	}
	if s := acc.IpSets[i]; s.MockPending != nil || s.State != IpSetActive {
		return nil, -1, apiError(http.StatusBadRequest, CodeNotActiveIpSet, "The state of IpSet is not active: %s is %s.", id, s.State)
	}
	if acc.MockPending != nil || acc.State != AcceleratorActive {
		return nil, -1, errAcceleratorState(acc)
	}
	return acc, i, nil
}

// updateIpSets serves UpdateIpSets: new bandwidths (IpSets.N.IpSetId, IpSets.N.Bandwidth) that
// must fit, with the accelerator's other regions, in its Basic plan. The regions are updating,
// and their accelerator configuring, until the delay has passed.
func (p *Product) updateIpSets(params url.Values, now time.Time) (any, error) {
	groups, err := rpc.IndexedParams(params, "IpSets", maxIpSetsPerCall)
	if err != nil {
		return nil, err
	}
	if len(groups) == 0 {
		return nil, errMissingParam("IpSets.N.IpSetId")
	}
	type change struct {
		acc       *Accelerator
		index     int
		bandwidth int
	}
	var changes []change
	newTotal := map[*Accelerator]int{}
	for _, g := range groups {
		prefix := fmt.Sprintf("IpSets.%d.", g.N)
		var id, bwText string
		if v := g.Fields["IpSetId"]; len(v) > 0 {
			id = v[0]
		}
		if v := g.Fields["Bandwidth"]; len(v) > 0 {
			bwText = v[0]
		}
		if id == "" {
			return nil, errMissingParam(prefix + "IpSetId")
		}
		bandwidth, apiErr := ipSetBandwidth(prefix+"Bandwidth", bwText)
		if apiErr != nil {
			return nil, apiErr
		}
		acc, i, apiErr := p.idleIpSet(id)
		if apiErr != nil {
			return nil, apiErr
		}
		if slices.ContainsFunc(changes, func(c change) bool { return c.acc == acc && c.index == i }) {
			return nil, apiError(http.StatusBadRequest, CodeRepeatIpSets, "The configuration of IpSet is duplicated: %s is named twice.", id)
		}
		if _, seen := newTotal[acc]; !seen {
			newTotal[acc] = allocated(acc)
		}
		newTotal[acc] += bandwidth - acc.IpSets[i].Bandwidth
		changes = append(changes, change{acc: acc, index: i, bandwidth: bandwidth})
	}
	for acc, total := range newTotal {
		if err := p.checkAllocation(acc, total); err != nil {
			return nil, err
		}
	}
	due := now.Add(p.delay)
	for _, c := range changes {
		s := &c.acc.IpSets[c.index]
		s.State = IpSetUpdating
		s.MockPending = &Pending{Action: actionUpdateIpSets, Due: due, State: IpSetActive, Bandwidth: c.bandwidth}
		p.configure([]string{c.acc.AcceleratorId}, due)
	}
	return struct{}{}, nil
}

// deleteIpSets serves DeleteIpSets: the regions (IpSetIds.N) are deleting, and their
// accelerator configuring, until the delay has passed; then they are gone.
func (p *Product) deleteIpSets(params url.Values, now time.Time) (any, error) {
	ids, err := rpc.RepeatedParam(params, "IpSetIds", maxIpSetsPerCall)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, errMissingParam("IpSetIds.N")
	}
	type target struct {
		acc   *Accelerator
		index int
	}
	targets := make([]target, 0, len(ids))
	for _, id := range ids {
		acc, i, apiErr := p.idleIpSet(id)
		if apiErr != nil {
			return nil, apiErr
		}
		targets = append(targets, target{acc: acc, index: i})
	}
	due := now.Add(p.delay)
	for _, t := range targets {
		s := &t.acc.IpSets[t.index]
		s.State = IpSetDeleting
		s.MockPending = &Pending{Action: actionDeleteIpSets, Due: due}
		p.configure([]string{t.acc.AcceleratorId}, due)
	}
	return struct{}{}, nil
}

// listIpSetsResponse is what ListIpSets answers.
type listIpSetsResponse struct {
	pageHeader
	IpSets []IpSet `json:"IpSets"`
}

// listIpSets serves ListIpSets: an accelerator's acceleration regions, a page at a time.
func (p *Product) listIpSets(params url.Values, _ time.Time) (any, error) {
	req, err := paging(params, maxIpSetPageSize)
	if err != nil {
		return nil, err
	}
	acc, err := p.acceleratorParam(params)
	if err != nil {
		return nil, err
	}
	views := make([]IpSet, 0, len(acc.IpSets))
	for _, s := range acc.IpSets {
		s.MockPending = nil
		s.IpAddressList = slices.Clone(s.IpAddressList)
		views = append(views, s)
	}
	header, items := pageOf(views, req)
	return listIpSetsResponse{pageHeader: header, IpSets: items}, nil
}

// settleIpSets applies the due operations of acc's acceleration regions. The caller holds p.mu.
func settleIpSets(acc *Accelerator, now time.Time) {
	kept := acc.IpSets[:0]
	for _, s := range acc.IpSets {
		if pd := s.MockPending; pd != nil && !pd.Due.After(now) {
			s.MockPending = nil
			if pd.Action == actionDeleteIpSets {
				continue
			}
			if pd.Bandwidth != 0 {
				s.Bandwidth = pd.Bandwidth
			}
			s.State = pd.State
			if len(s.IpAddressList) == 0 {
				s.IpAddressList = []string{fakeAddress(s.IpSetId)}
			}
		}
		kept = append(kept, s)
	}
	acc.IpSets = kept
}

// fakeAddress derives a stable public-looking IPv4 address from an id.
func fakeAddress(id string) string {
	var h uint32 = 2166136261
	for _, c := range []byte(id) {
		h = (h ^ uint32(c)) * 16777619
	}
	return fmt.Sprintf("47.%d.%d.%d", h>>16&0xff, h>>8&0xff, 1+h&0x7f)
}
