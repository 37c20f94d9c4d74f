package cbn

import (
	"fmt"
	"regexp"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// Rules of TempUpgradeCenBandwidthPackageSpec.
const (
	minUpgradeBandwidth = 2
	maxUpgradeBandwidth = 10000
	// minUpgradeInterval is the shortest temporary upgrade window.
	minUpgradeInterval = 3 * time.Hour
)

// endTimePattern is the exact EndTime format the API takes: YYYY-MM-DDThh:mm:ssZ.
var endTimePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$`)

// upgradeRequest is a validated TempUpgradeCenBandwidthPackageSpec call.
type upgradeRequest struct {
	id        string
	bandwidth int64
	end       time.Time
}

// parseUpgrade reads and checks the parameters of TempUpgradeCenBandwidthPackageSpec: presence,
// the bandwidth range and the exact EndTime format.
func parseUpgrade(call *rpc.Call) (upgradeRequest, error) {
	var req upgradeRequest
	params := call.Params
	id, err := rpc.Required(params, "CenBandwidthPackageId")
	if err != nil {
		return req, err
	}
	bandwidth, err := rpc.RequiredInt(params, "Bandwidth", minUpgradeBandwidth, maxUpgradeBandwidth)
	if err != nil {
		return req, err
	}
	req.id, req.bandwidth = id, int64(bandwidth)
	endText, err := rpc.Required(params, "EndTime")
	if err != nil {
		return req, err
	}
	end, err := time.Parse(SecondTimeLayout, endText)
	if err != nil || !endTimePattern.MatchString(endText) {
		return req, rpc.InvalidParameter("EndTime", fmt.Sprintf("%q is not a UTC time in the format YYYY-MM-DDThh:mm:ssZ", endText))
	}
	req.end = end
	return req, nil
}

// tempUpgrade accepts a temporary upgrade that takes effect p.delay later. It checks everything
// before it changes anything. The caller holds p.mu and has settled the state at now.
func (p *Product) tempUpgrade(call *rpc.Call, now time.Time) (any, error) {
	req, err := parseUpgrade(call)
	if err != nil {
		return nil, err
	}
	q := p.byID[req.id]
	if q == nil {
		return nil, badRequest(CodeBandwidthPackageNotFound, "The specified bandwidth package %s does not exist.", req.id)
	}
	if !p.account.CenTempUpgradeEnabled {
		return nil, badRequest(CodeTempUpgradeNotEnabled,
			"The temporary upgrade feature is not enabled for this account: it is not enabled by default; ask your account manager to enable it.")
	}
	if err := q.checkUpgrade(req, now, p.account); err != nil {
		return nil, err
	}
	q.pending = &pendingOp{bandwidth: req.bandwidth, end: p.account.windowEnd(req.end), due: now.Add(p.delay)}
	q.settle(now)
	return struct{}{}, nil
}

// checkUpgrade applies the API's rules for a temporary upgrade of q at now, under the
// account's settings.
func (q *pkg) checkUpgrade(req upgradeRequest, now time.Time, account AccountSettings) error {
	if q.pending != nil {
		return badRequest(CodeOrderIsProcessing,
			"The operation failed because the order is being processed: an earlier temporary upgrade of %s takes effect at %s. Retry later.",
			q.CenBandwidthPackageId, secondTime(q.pending.due))
	}
	if q.BusinessStatus != BusinessStatusNormal {
		return badRequest(CodeBwpBusinessStatus,
			"The CBN bandwidth package is not in a valid business state for the operation: %s is %s; only a package in status Normal can be upgraded.",
			q.CenBandwidthPackageId, q.BusinessStatus)
	}
	if q.BandwidthPackageChargeType != ChargeTypePrepay {
		return badRequest(CodeOrderParameterIllegal,
			"The order parameters are abnormal: bandwidth package %s is pay-as-you-go (%s); only subscription (PREPAY) packages support temporary upgrades.",
			q.CenBandwidthPackageId, q.BandwidthPackageChargeType)
	}
	if !q.expires.After(now) {
		return badRequest(CodeOrderParameterIllegal,
			"The order parameters are abnormal: bandwidth package %s expired at %s; expired packages do not support temporary upgrades.",
			q.CenBandwidthPackageId, q.ExpiredTime)
	}
	if q.MockAbsoluteInterRegionQosPolicy {
		return badRequest(CodeUnsupportedQosPolicy,
			"The transit router associated with the bandwidth plan has an inter-region traffic scheduling policy that allocates bandwidth based on absolute values. You must delete this policy before you can change the configurations.")
	}
	if req.bandwidth <= q.base {
		return badRequest(CodeUpgradeBwpBandwidth,
			"The operation is invalid because the upgrade (%d Mbps) is equal or less than the original bandwidth (%d Mbps).",
			req.bandwidth, q.base)
	}
	if q.window != nil && !account.CenAllowOrderDuringWindow {
		return badRequest(CodeOrderParameterIllegal,
			"The order parameters are abnormal: they conflict with an existing order, the temporary upgrade of %s to %d Mbps in effect until %s; "+
				"order again once it has ended.", q.CenBandwidthPackageId, q.window.bandwidth, secondTime(q.window.end))
	}
	if q.window != nil && req.bandwidth < q.window.bandwidth {
		return badRequest(CodeUpgradeBwpBandwidth,
			"The operation is invalid because the upgrade (%d Mbps) is less than the bandwidth of the temporary upgrade in effect until %s (%d Mbps).",
			req.bandwidth, secondTime(q.window.end), q.window.bandwidth)
	}
	if earliest := now.Add(minUpgradeInterval); req.end.Before(earliest) {
		return badRequest(CodeOrderParameterIllegal,
			"The order parameters are abnormal: EndTime %s is less than the minimum upgrade interval of 3 hours from now (%s); use %s or later.",
			secondTime(req.end), secondTime(now), secondTime(earliest.Add(time.Second-1).Truncate(time.Second)))
	}
	if req.end.After(q.expires) {
		return badRequest(CodeOrderParameterIllegal,
			"The order parameters are abnormal: EndTime %s is after the bandwidth package expires (%s).",
			secondTime(req.end), q.ExpiredTime)
	}
	return nil
}
