package ga

import (
	"net/http"
	"net/url"
	"time"
)

// actionReplace swaps the plan bound to an accelerator in place.
const actionReplace = "ReplaceBandwidthPackage"

// replacePackage serves ReplaceBandwidthPackage: BandwidthPackageId (an unbound plan of the
// same Type) takes the place of TargetBandwidthPackageId on its accelerator (AcceleratorId,
// when given, must name it), which keeps
// forwarding traffic. Until the delay has passed the new plan is binding, the old one unbinding
// and the accelerator configuring; then the new plan is binded and the old one active. A Basic
// replacement must have at least the bandwidth the accelerator's acceleration regions are given.
func (p *Product) replacePackage(params url.Values, now time.Time) (any, error) {
	newPlan, err := p.packageParam(params, "BandwidthPackageId")
	if err != nil {
		return nil, err
	}
	oldPlan, err := p.packageParam(params, "TargetBandwidthPackageId")
	if err != nil {
		return nil, err
	}
	if len(oldPlan.Accelerators) == 0 {
		return nil, errPackageState(oldPlan, "is bound to no accelerator; there is nothing to replace (bind a plan with BandwidthPackageAddAccelerator)")
	}
	if accID := params.Get("AcceleratorId"); accID != "" && accID != oldPlan.Accelerators[0] {
		return nil, errPackageState(oldPlan, "is not bound to accelerator "+accID)
	}
	if newPlan == oldPlan {
		return nil, errInvalidParam("BandwidthPackageId", "must differ from TargetBandwidthPackageId")
	}
	if len(newPlan.Accelerators) > 0 {
		return nil, errPackageState(newPlan, "is bound to accelerator "+newPlan.Accelerators[0]+"; only a plan bound to no accelerator can replace another")
	}
	if newPlan.Type != oldPlan.Type {
		return nil, errInvalidParam("BandwidthPackageId", "must be of the Type of the plan it replaces ("+oldPlan.Type+"), not "+newPlan.Type)
	}
	for _, bp := range []*BandwidthPackage{oldPlan, newPlan} {
		if err := p.checkIdle(bp); err != nil {
			return nil, err
		}
	}
	acc := p.findAccelerator(oldPlan.Accelerators[0])
	if acc.MockPending != nil || acc.State != AcceleratorActive {
		return nil, errAcceleratorState(acc)
	}
	if need := allocated(acc); newPlan.Type == TypeBasic && newPlan.Bandwidth < need {
		return nil, apiError(http.StatusBadRequest, CodeBandwidthIllegal,
			"The bandwidth of the bandwidth package is illegal: %s has %d Mbit/s, less than the %d Mbit/s the acceleration regions of accelerator %s are given.",
			newPlan.BandwidthPackageId, newPlan.Bandwidth, need, acc.AcceleratorId)
	}
	due := now.Add(p.delay)
	oldPlan.State, newPlan.State = StateUnbinding, StateBinding
	oldPlan.MockPending = &Pending{Action: actionRemoveAccelerator, Due: due, AcceleratorId: acc.AcceleratorId}
	newPlan.MockPending = &Pending{Action: actionAddAccelerator, Due: due, AcceleratorId: acc.AcceleratorId}
	p.configure([]string{acc.AcceleratorId}, due)
	return struct{}{}, nil
}
