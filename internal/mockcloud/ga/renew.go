package ga

import (
	"net/url"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// Range of AutoRenewDuration, in months (UpdateBandwidthPackagaAutoRenewAttribute page).
const (
	minAutoRenewMonths = 1
	maxAutoRenewMonths = 12
)

// autoRenewResponse is what DescribeBandwidthPackageAutoRenewAttribute answers.
type autoRenewResponse struct {
	InstanceId        string `json:"InstanceId"` //nolint:revive // API field name
	AutoRenew         bool   `json:"AutoRenew"`
	AutoRenewDuration int    `json:"AutoRenewDuration"`
	RenewalStatus     string `json:"RenewalStatus"`
}

// renewalOf is what DescribeBandwidthPackageAutoRenewAttribute shows of a plan. A
// pay-as-you-go plan has nothing to renew: it shows Normal, AutoRenew false and duration 0.
func renewalOf(bp *BandwidthPackage) autoRenewResponse {
	status := bp.MockRenewalStatus
	if status == "" {
		status = RenewalManual
	}
	return autoRenewResponse{
		InstanceId: bp.BandwidthPackageId, AutoRenew: status == RenewalAuto,
		AutoRenewDuration: bp.MockAutoRenewDuration, RenewalStatus: status,
	}
}

// describeAutoRenew serves DescribeBandwidthPackageAutoRenewAttribute.
func (p *Product) describeAutoRenew(params url.Values, _ time.Time) (any, error) {
	bp, err := p.packageParam(params, "InstanceId")
	if err != nil {
		return nil, err
	}
	return renewalOf(bp), nil
}

// updateAutoRenewResponse is what UpdateBandwidthPackagaAutoRenewAttribute answers.
type updateAutoRenewResponse struct {
	InstanceId string `json:"InstanceId"` //nolint:revive // API field name
}

// updateAutoRenew serves UpdateBandwidthPackagaAutoRenewAttribute (the API's spelling): a
// subscription's RenewalStatus, or AutoRenew when RenewalStatus is left out (at least one is
// needed), and AutoRenewDuration (1 to 12 months, used with auto-renewal; 1 when turned on
// without one).
func (p *Product) updateAutoRenew(params url.Values, _ time.Time) (any, error) {
	id, err := required(params, "InstanceId")
	if err != nil {
		return nil, err
	}
	if _, err := clientToken(params); err != nil {
		return nil, err
	}
	status := params.Get("RenewalStatus")
	if status != "" {
		if err := oneOf("RenewalStatus", status, RenewalAuto, RenewalManual, RenewalNone); err != nil {
			return nil, err
		}
	}
	autoRenew, err := rpc.OptionalBool(params, "AutoRenew")
	if err != nil {
		return nil, err
	}
	if status == "" && !params.Has("AutoRenew") {
		return nil, errInvalidParam("AutoRenew", "and RenewalStatus cannot both be left out")
	}
	duration, durationSet, err := rpc.OptionalInt(params, "AutoRenewDuration", minAutoRenewMonths, maxAutoRenewMonths)
	if err != nil {
		return nil, err
	}
	if name := params.Get("Name"); name != "" {
		if err := checkName(name, ""); err != nil {
			return nil, err
		}
	}
	bp, err := p.existingPackage(id)
	if err != nil {
		return nil, err
	}
	if bp.ChargeType != ChargePrepay {
		return nil, errInvalidParam("InstanceId", "must name a subscription (PREPAY) bandwidth plan: "+id+" is pay-as-you-go and is never renewed")
	}
	if status == "" {
		status = RenewalManual
		if autoRenew {
			status = RenewalAuto
		}
	}
	bp.MockRenewalStatus = status
	switch {
	case durationSet:
		bp.MockAutoRenewDuration = duration
	case status == RenewalAuto && bp.MockAutoRenewDuration == 0:
		bp.MockAutoRenewDuration = minAutoRenewMonths
	}
	if name := params.Get("Name"); name != "" {
		bp.Name = name
	}
	return updateAutoRenewResponse{InstanceId: id}, nil
}

// renewalFromParams reads the AutoRenew and AutoRenewDuration of a CreateBandwidthPackage call:
// auto-renewal of a subscription, for AutoRenewDuration months (1 when left out). A
// pay-as-you-go plan cannot renew automatically.
func renewalFromParams(params url.Values, chargeType string) (autoRenewResponse, error) {
	autoRenew, err := rpc.OptionalBool(params, "AutoRenew")
	if err != nil {
		return autoRenewResponse{}, err
	}
	duration, durationSet, err := rpc.OptionalInt(params, "AutoRenewDuration", minAutoRenewMonths, maxAutoRenewMonths)
	if err != nil {
		return autoRenewResponse{}, err
	}
	if !autoRenew {
		return autoRenewResponse{}, nil
	}
	if chargeType != ChargePrepay {
		return autoRenewResponse{}, errInvalidParam("AutoRenew", "applies only to ChargeType PREPAY")
	}
	if !durationSet {
		duration = minAutoRenewMonths
	}
	return autoRenewResponse{AutoRenew: true, AutoRenewDuration: duration, RenewalStatus: RenewalAuto}, nil
}
