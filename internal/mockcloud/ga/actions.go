package ga

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// handler runs one action with p.mu held, after pending operations are settled.
type handler func(p *Product, params url.Values, now time.Time) (any, error)

// handlers maps each served action to its implementation.
var handlers = map[string]handler{
	actionCreate:            (*Product).createPackage,
	actionDescribe:          (*Product).describePackage,
	actionList:              (*Product).listPackages,
	actionUpdate:            (*Product).updatePackage,
	actionDelete:            (*Product).deletePackage,
	actionAddAccelerator:    (*Product).addAccelerator,
	actionRemoveAccelerator: (*Product).removeAccelerator,
	actionReplace:           (*Product).replacePackage,
	actionDescribeAcc:       (*Product).describeAccelerator,
	actionListAccelerators:  (*Product).listAccelerators,
	actionDescribeRegions:   (*Product).describeRegions,
	actionDescribeAutoRenew: (*Product).describeAutoRenew,
	actionUpdateAutoRenew:   (*Product).updateAutoRenew,
	actionListTagResources:  (*Product).listTagResources,
	actionTagResources:      (*Product).tagResources,
	actionUntagResources:    (*Product).untagResources,
	actionChangeRG:          (*Product).changeResourceGroup,
	actionCreateIpSets:      (*Product).createIpSets,
	actionListIpSets:        (*Product).listIpSets,
	actionUpdateIpSets:      (*Product).updateIpSets,
	actionDeleteIpSets:      (*Product).deleteIpSets,
}

// createResponse is what CreateBandwidthPackage answers.
type createResponse struct {
	BandwidthPackageId string `json:"BandwidthPackageId"` //nolint:revive // API field name
	OrderId            string `json:"OrderId,omitempty"`  //nolint:revive // API field name
}

// createPackage serves CreateBandwidthPackage: a repeated ClientToken answers the plan it
// created; otherwise a new plan in state init, active after the delay unless it is an unpaid
// subscription.
func (p *Product) createPackage(params url.Values, now time.Time) (any, error) {
	token, err := clientToken(params)
	if err != nil {
		return nil, err
	}
	if token != "" {
		if bp := p.packageByToken(token); bp != nil {
			return createResponse{BandwidthPackageId: bp.BandwidthPackageId, OrderId: bp.MockOrderId}, nil
		}
		if id, ok := p.tokens[token]; ok {
			return createResponse{BandwidthPackageId: id}, nil
		}
	}
	pl, err := planFromParams(params)
	if err != nil {
		return nil, err
	}
	autoPay, err := purchaseOptions(params)
	if err != nil {
		return nil, err
	}
	group := params.Get("ResourceGroupId")
	if group == "" {
		group = DefaultResourceGroupID
	}
	tags, err := parseTags(params)
	if err != nil {
		return nil, err
	}
	renewal, err := renewalFromParams(params, pl.ChargeType)
	if err != nil {
		return nil, err
	}
	if err := p.checkPurchaseGates(pl); err != nil {
		return nil, err
	}
	bp := &BandwidthPackage{
		BandwidthPackageId: newID("gbwp-"), RegionId: Region, State: StateInit,
		Bandwidth: pl.Bandwidth, BandwidthType: pl.BandwidthType, Type: pl.Type,
		ChargeType: pl.ChargeType, BillingType: pl.BillingType, Ratio: pl.Ratio,
		CbnGeographicRegionIdA: pl.RegionA, CbnGeographicRegionIdB: pl.RegionB,
		CreateTime: millis(now), Accelerators: []string{}, ResourceGroupId: group, Tags: tags,
		MockRenewalStatus: renewal.RenewalStatus, MockAutoRenewDuration: renewal.AutoRenewDuration,
		MockClientToken: token,
	}
	if pl.ChargeType == ChargePrepay {
		bp.MockOrderId = newOrderID()
		months := pl.Duration
		if pl.PricingCycle == "Year" {
			months *= 12
		}
		bp.ExpiredTime = millis(now.AddDate(0, months, 0))
		bp.MockOrderUnpaid = !autoPay
	}
	if !bp.MockOrderUnpaid {
		bp.MockPending = &Pending{Action: actionCreate, Due: now.Add(p.delay), State: StateActive}
	}
	p.packages = append(p.packages, bp)
	return createResponse{BandwidthPackageId: bp.BandwidthPackageId, OrderId: bp.MockOrderId}, nil
}

// planFromParams reads and checks the purchase values of a CreateBandwidthPackage call.
func planFromParams(params url.Values) (plan, error) {
	bandwidth, ok, err := anyInt(params, "Bandwidth")
	if err != nil {
		return plan{}, err
	}
	if !ok {
		return plan{}, errMissingParam("Bandwidth")
	}
	typ, err := required(params, "Type")
	if err != nil {
		return plan{}, err
	}
	pl := plan{
		Bandwidth: bandwidth, Type: typ, BandwidthType: params.Get("BandwidthType"),
		ChargeType: params.Get("ChargeType"), BillingType: params.Get("BillingType"),
		RegionA: params.Get("CbnGeographicRegionIdA"), RegionB: params.Get("CbnGeographicRegionIdB"),
		PricingCycle: params.Get("PricingCycle"), checkPurchase: true,
	}
	if pl.ChargeType == "" {
		pl.ChargeType = ChargePrepay // the API's default
	}
	if pl.ChargeType == ChargePostpay && pl.BillingType == "" {
		pl.BillingType = BillingPayByTraffic
	}
	if pl.Ratio, pl.ratioSupplied, err = anyInt(params, "Ratio"); err != nil {
		return plan{}, err
	}
	if pl.Duration, _, err = anyInt(params, "Duration"); err != nil {
		return plan{}, err
	}
	if params.Has("Duration") && pl.Duration == 0 {
		pl.Duration = -1 // present but zero: out of range, not "absent"
	}
	if pl.Type == TypeCrossDomain {
		if pl.RegionA == "" {
			pl.RegionA = RegionChinaMainland
		}
		if pl.RegionB == "" {
			pl.RegionB = RegionGlobal
		}
	} else {
		pl.regionSupplied = pl.RegionA != "" || pl.RegionB != ""
	}
	if err := checkPlan(pl); err != nil {
		return plan{}, err
	}
	return pl, nil
}

// describePackage serves DescribeBandwidthPackage.
func (p *Product) describePackage(params url.Values, _ time.Time) (any, error) {
	bp, err := p.packageParam(params, "BandwidthPackageId")
	if err != nil {
		return nil, err
	}
	return publicPackage(bp), nil
}

// updateResponse is what UpdateBandwidthPackage answers.
type updateResponse struct {
	BandwidthPackage string `json:"BandwidthPackage"`
	Name             string `json:"Name"`
	Description      string `json:"Description"`
}

// updatePackage serves UpdateBandwidthPackage: name and description change at once, a new
// bandwidth or bandwidth type after the delay (the plan updating, its accelerators
// configuring), or, for a subscription upgraded without AutoPay, once the order is paid. It
// refuses a plan or accelerator in a transitional state, type changes other than Basic to
// Enhanced, mixed upgrades and downgrades, updates within the cool-down, and new bandwidth
// values while an upgrade order is unpaid.
func (p *Product) updatePackage(params url.Values, now time.Time) (any, error) {
	id, err := required(params, "BandwidthPackageId")
	if err != nil {
		return nil, err
	}
	name, desc := params.Get("Name"), params.Get("Description")
	if err := checkName(name, desc); err != nil {
		return nil, err
	}
	bandwidth, bandwidthSet, err := anyInt(params, "Bandwidth")
	if err != nil {
		return nil, err
	}
	if bandwidthSet && (bandwidth < MinBandwidth || bandwidth > MaxBandwidth) {
		return nil, errInvalidParam("Bandwidth", "must be from 2 to 2000 Mbit/s")
	}
	bandwidthType := params.Get("BandwidthType")
	if bandwidthType != "" {
		if err := oneOf("BandwidthType", bandwidthType, BandwidthBasic, BandwidthEnhanced, BandwidthAdvanced); err != nil {
			return nil, err
		}
	}
	autoPay, err := purchaseOptions(params)
	if err != nil {
		return nil, err
	}
	bp, err := p.existingPackage(id)
	if err != nil {
		return nil, err
	}
	if err := p.checkIdle(bp); err != nil {
		return nil, err
	}
	change := pendingChange(bp, bandwidth, bandwidthType)
	if err := checkChange(bp, change); err != nil {
		return nil, err
	}
	changing := change.Bandwidth != 0 || change.BandwidthType != ""
	if changing && bp.MockUnpaidUpgrade != nil {
		return nil, errOrderUnpaid(bp)
	}
	if last := bp.MockLastUpdateTime; !last.IsZero() && now.Before(last.Add(p.cooldownPeriod())) {
		return nil, errPackageState(bp, "was updated at "+last.Format(time.RFC3339)+
			"; it cannot be updated again until "+last.Add(p.cooldownPeriod()).Format(time.RFC3339))
	}
	if err := p.checkAllocationFloor(bp, change); err != nil {
		return nil, err
	}
	if change.Bandwidth != 0 && change.Bandwidth < bp.Bandwidth {
		if err := p.useDowngradeQuota(bp); err != nil {
			return nil, err
		}
	}
	if params.Has("Name") {
		bp.Name = name
	}
	if params.Has("Description") {
		bp.Description = desc
	}
	switch {
	case changing && bp.ChargeType == ChargePrepay && !autoPay && isUpgrade(bp, change):
		// An order to pay in the Order Center: nothing changes until it is paid.
		bp.MockUnpaidUpgrade = &UpgradeOrder{
			OrderId: newOrderID(), Time: now, Bandwidth: change.Bandwidth, BandwidthType: change.BandwidthType,
		}
	case changing:
		p.startUpdate(bp, change, now)
	}
	return updateResponse{BandwidthPackage: bp.BandwidthPackageId, Name: bp.Name, Description: bp.Description}, nil
}

// checkAllocationFloor refuses to lower a bound Basic plan below the bandwidth its
// accelerator's acceleration regions are given.
func (p *Product) checkAllocationFloor(bp *BandwidthPackage, change *Pending) *rpc.Error {
	if bp.Type != TypeBasic || change.Bandwidth == 0 || change.Bandwidth >= bp.Bandwidth {
		return nil
	}
	for _, id := range bp.Accelerators {
		acc := p.findAccelerator(id)
		if need := allocated(acc); change.Bandwidth < need {
			return apiError(http.StatusBadRequest, CodeBandwidthIllegal,
				"The bandwidth of the bandwidth package is illegal: %d Mbit/s is less than the %d Mbit/s the acceleration regions of accelerator %s are given; lower their bandwidth (UpdateIpSets) first.",
				change.Bandwidth, need, id)
		}
	}
	return nil
}

// startUpdate starts a change of bandwidth or bandwidth type: the plan is updating and its
// accelerators configuring until the delay has passed, and the cool-down starts now.
func (p *Product) startUpdate(bp *BandwidthPackage, change *Pending, now time.Time) {
	change.Due = now.Add(p.delay)
	change.State = restingState(bp)
	bp.MockPending = change
	bp.State = StateUpdating
	bp.MockLastUpdateTime = now
	p.configure(bp.Accelerators, change.Due)
}

// pendingChange is the asynchronous part of an update: the bandwidth and type that differ
// from the plan's (0 and "" when unchanged). startUpdate sets its due time and state.
func pendingChange(bp *BandwidthPackage, bandwidth int, bandwidthType string) *Pending {
	change := &Pending{Action: actionUpdate}
	if bandwidth != 0 && bandwidth != bp.Bandwidth {
		change.Bandwidth = bandwidth
	}
	if bandwidthType != "" && bandwidthType != bp.BandwidthType {
		change.BandwidthType = bandwidthType
	}
	return change
}

// checkChange enforces the UpdateBandwidthPackage rules on a change: the bandwidth type only
// goes from Basic to Enhanced, and a change is all upgrades or all downgrades.
func checkChange(bp *BandwidthPackage, change *Pending) *rpc.Error {
	if change.BandwidthType != "" && (bp.BandwidthType != BandwidthBasic || change.BandwidthType != BandwidthEnhanced) {
		return errInvalidParam("BandwidthType", "can only change from Basic to Enhanced, not from "+
			strconv.Quote(bp.BandwidthType)+" to "+strconv.Quote(change.BandwidthType))
	}
	upgrade := isUpgrade(bp, change)
	downgrade := change.Bandwidth != 0 && change.Bandwidth < bp.Bandwidth
	if upgrade && downgrade {
		return apiError(http.StatusBadRequest, CodeUpgradeErrorBandwidthPackage,
			"The bandwidth package configurations should be either all upgrades or all downgrades: "+
				"the bandwidth goes down from %d to %d Mbit/s while the bandwidth type goes up from %s to %s.",
			bp.Bandwidth, change.Bandwidth, bp.BandwidthType, change.BandwidthType)
	}
	return nil
}

// isUpgrade reports whether a change raises the price: more bandwidth, or a new bandwidth
// type (only Basic to Enhanced is allowed).
func isUpgrade(bp *BandwidthPackage, change *Pending) bool {
	return change.BandwidthType != "" || change.Bandwidth > bp.Bandwidth
}

// deleteResponse is what DeleteBandwidthPackage answers.
type deleteResponse struct {
	BandwidthPackageId string `json:"BandwidthPackageId"` //nolint:revive // API field name
}

// deletePackage serves DeleteBandwidthPackage: a bound plan and a subscription in force are
// refused, an unpaid order is canceled, and the plan is gone after the delay. A repeated
// ClientToken answers the deletion it started.
func (p *Product) deletePackage(params url.Values, now time.Time) (any, error) {
	id, err := required(params, "BandwidthPackageId")
	if err != nil {
		return nil, err
	}
	token, err := clientToken(params)
	if err != nil {
		return nil, err
	}
	if token != "" && p.tokens[token] == id {
		return deleteResponse{BandwidthPackageId: id}, nil // deleted by this very request
	}
	bp, err := p.existingPackage(id)
	if err != nil {
		return nil, err
	}
	if pd := bp.MockPending; pd != nil && pd.Action == actionDelete && token != "" && bp.MockDeleteClientToken == token {
		return deleteResponse{BandwidthPackageId: id}, nil // a repeat of the deletion under way
	}
	if len(bp.Accelerators) > 0 {
		return nil, errBindExist("%s is bound to accelerator %s; unbind it first", id, bp.Accelerators[0])
	}
	if bp.MockOrderUnpaid {
		// An unpaid order bought nothing: canceling it removes the plan.
		bp.MockOrderUnpaid = false
	} else {
		if err := p.checkIdle(bp); err != nil {
			return nil, err
		}
		if bp.ChargeType == ChargePrepay && expiresAfter(bp, now) {
			return nil, apiError(http.StatusForbidden, CodeForbiddenRelease,
				"Forbidden to release a PREPAY bandwidth instance within validity period: %s expires at %s.",
				id, time.UnixMilli(mustMillis(bp.ExpiredTime)).UTC().Format(time.RFC3339))
		}
	}
	bp.State = StateDeleting
	bp.MockPending = &Pending{Action: actionDelete, Due: now.Add(p.delay), State: StateDeleting}
	bp.MockDeleteClientToken = token
	return deleteResponse{BandwidthPackageId: id}, nil
}

// bindResponse is what BandwidthPackageAddAccelerator and BandwidthPackageRemoveAccelerator
// answer.
type bindResponse struct {
	BandwidthPackageId string   `json:"BandwidthPackageId"` //nolint:revive // API field name
	Accelerators       []string `json:"Accelerators"`
}

// addAccelerator serves BandwidthPackageAddAccelerator: one plan per accelerator and type, a
// CrossDomain plan only beside a Basic one; binding, then binded after the delay.
func (p *Product) addAccelerator(params url.Values, now time.Time) (any, error) {
	bp, acc, err := p.bindingParams(params)
	if err != nil {
		return nil, err
	}
	if slices.Contains(bp.Accelerators, acc.AcceleratorId) {
		return nil, errBindExist("%s is already bound to accelerator %s", bp.BandwidthPackageId, acc.AcceleratorId)
	}
	if len(bp.Accelerators) > 0 {
		return nil, errBindExist("%s is bound to accelerator %s; a plan serves one accelerator", bp.BandwidthPackageId, bp.Accelerators[0])
	}
	bound := p.boundPackages(acc.AcceleratorId)
	if i := slices.IndexFunc(bound, func(o *BandwidthPackage) bool { return o.Type == bp.Type }); i >= 0 {
		return nil, errBindExist("accelerator %s already has the %s bandwidth plan %s", acc.AcceleratorId, bp.Type, bound[i].BandwidthPackageId)
	}
	if bp.Type == TypeCrossDomain && !slices.ContainsFunc(bound, func(o *BandwidthPackage) bool { return o.Type == TypeBasic }) {
		return nil, apiError(http.StatusBadRequest, CodeNotExistBasicBandwidthPackage,
			"You must specify the basic bandwidth package: bind a basic plan to accelerator %s before a cross-border one.", acc.AcceleratorId)
	}
	p.startBinding(bp, acc, actionAddAccelerator, StateBinding, AcceleratorBinding, now)
	return bindResponse{BandwidthPackageId: bp.BandwidthPackageId, Accelerators: []string{acc.AcceleratorId}}, nil
}

// removeAccelerator serves BandwidthPackageRemoveAccelerator: a Basic plan stays while a
// CrossDomain one needs it; unbinding, then active after the delay.
func (p *Product) removeAccelerator(params url.Values, now time.Time) (any, error) {
	bp, acc, err := p.bindingParams(params)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(bp.Accelerators, acc.AcceleratorId) {
		return nil, errPackageState(bp, "is not bound to accelerator "+acc.AcceleratorId)
	}
	if bp.Type == TypeBasic {
		for _, o := range p.boundPackages(acc.AcceleratorId) {
			if o.Type == TypeCrossDomain {
				return nil, apiError(http.StatusBadRequest, CodeNotExistBasicBandwidthPackage,
					"You must specify the basic bandwidth package: accelerator %s keeps the cross-border plan %s, which needs its basic plan; unbind %s first.",
					acc.AcceleratorId, o.BandwidthPackageId, o.BandwidthPackageId)
			}
		}
	}
	p.startBinding(bp, acc, actionRemoveAccelerator, StateUnbinding, AcceleratorUnbinding, now)
	return bindResponse{BandwidthPackageId: bp.BandwidthPackageId, Accelerators: []string{acc.AcceleratorId}}, nil
}

// bindingParams finds the plan and the accelerator of a binding call and checks that
// neither is busy.
func (p *Product) bindingParams(params url.Values) (*BandwidthPackage, *Accelerator, error) {
	bp, err := p.packageParam(params, "BandwidthPackageId")
	if err != nil {
		return nil, nil, err
	}
	acc, err := p.acceleratorParam(params)
	if err != nil {
		return nil, nil, err
	}
	if err := p.checkIdle(bp); err != nil {
		return nil, nil, err
	}
	if acc.MockPending != nil || acc.State != AcceleratorActive {
		return nil, nil, errAcceleratorState(acc)
	}
	return bp, acc, nil
}

// startBinding puts bp into state (binding or unbinding) and acc into accState (binding or
// unbinding), both finishing after the delay.
func (p *Product) startBinding(bp *BandwidthPackage, acc *Accelerator, action, state, accState string, now time.Time) {
	due := now.Add(p.delay)
	bp.State = state
	bp.MockPending = &Pending{Action: action, Due: due, AcceleratorId: acc.AcceleratorId}
	acc.State = accState
	acc.MockPending = &Pending{Action: action, Due: due, State: AcceleratorActive}
}

// configure puts the accelerators into configuring until due.
func (p *Product) configure(acceleratorIDs []string, due time.Time) {
	for _, id := range acceleratorIDs {
		if acc := p.findAccelerator(id); acc != nil {
			acc.State = AcceleratorConfiguring
			acc.MockPending = &Pending{Action: "Configure", Due: due, State: AcceleratorActive}
		}
	}
}

// describeAccelerator serves DescribeAccelerator, with the plans bound to the accelerator.
func (p *Product) describeAccelerator(params url.Values, _ time.Time) (any, error) {
	acc, err := p.acceleratorParam(params)
	if err != nil {
		return nil, err
	}
	return p.publicAccelerator(acc), nil
}

// publicAccelerator is the accelerator as DescribeAccelerator and ListAccelerators show it:
// with the plans bound to it, without acceleration regions or the mock's bookkeeping. The
// caller holds p.mu.
func (p *Product) publicAccelerator(acc *Accelerator) Accelerator {
	view := p.acceleratorView(acc)
	view.MockPending, view.IpSets = nil, nil
	return view
}

// packageParam finds the plan the parameter name (BandwidthPackageId, say) names.
func (p *Product) packageParam(params url.Values, name string) (*BandwidthPackage, error) {
	id, err := required(params, name)
	if err != nil {
		return nil, err
	}
	return p.existingPackage(id)
}

// existingPackage finds the plan id, or answers NotExist.BandwidthPackage.
func (p *Product) existingPackage(id string) (*BandwidthPackage, error) {
	bp := p.findPackage(id)
	if bp == nil {
		return nil, errPackageNotExist()
	}
	return bp, nil
}

// acceleratorParam finds the accelerator named by AcceleratorId.
func (p *Product) acceleratorParam(params url.Values) (*Accelerator, error) {
	id, err := required(params, "AcceleratorId")
	if err != nil {
		return nil, err
	}
	acc := p.findAccelerator(id)
	if acc == nil {
		return nil, errAcceleratorNotExist()
	}
	return acc, nil
}

// checkIdle refuses to change a plan that is in a transitional state or whose accelerator
// is configuring.
func (p *Product) checkIdle(bp *BandwidthPackage) *rpc.Error {
	switch {
	case bp.MockOrderUnpaid:
		return errPackageState(bp, "is "+bp.State+": its order is not paid")
	case bp.MockPending != nil:
		return errPackageState(bp, "is "+bp.State+" ("+bp.MockPending.Action+" in progress)")
	}
	for _, id := range bp.Accelerators {
		if acc := p.findAccelerator(id); acc != nil && (acc.MockPending != nil || acc.State != AcceleratorActive) {
			return errAcceleratorState(acc)
		}
	}
	return nil
}

// packageByToken returns the live plan created with the ClientToken, or nil.
func (p *Product) packageByToken(token string) *BandwidthPackage {
	return p.packageWhere(func(bp *BandwidthPackage) bool { return bp.MockClientToken == token })
}

// publicPackage is the plan as the API shows it: without the mock's bookkeeping.
func publicPackage(bp *BandwidthPackage) BandwidthPackage {
	c := *clonePackage(bp)
	c.MockPending, c.MockClientToken, c.MockDeleteClientToken, c.MockOrderId = nil, "", "", ""
	c.MockOrderUnpaid, c.MockLastUpdateTime, c.MockUnpaidUpgrade = false, time.Time{}, nil
	c.MockRenewalStatus, c.MockAutoRenewDuration = "", 0
	if c.Tags == nil {
		c.Tags = []Tag{} // a plan without tags answers "Tags": [], not null
	}
	return c
}

// expiresAfter reports whether the plan's subscription runs past now.
func expiresAfter(bp *BandwidthPackage, now time.Time) bool {
	return bp.ExpiredTime != "" && mustMillis(bp.ExpiredTime) > now.UnixMilli()
}

// mustMillis parses a millisecond timestamp checked on the way in (0 if malformed).
func mustMillis(s string) int64 {
	n, _ := strconv.ParseInt(s, 10, 64)
	return n
}

// newOrderID returns a fresh order id: 15 digits, like the real ones.
func newOrderID() string {
	id := newID("")
	out := make([]byte, 15)
	for i := range out {
		out[i] = '0' + id[i]%10
	}
	return string(out)
}
