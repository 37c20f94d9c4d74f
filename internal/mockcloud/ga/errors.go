package ga

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// Error codes the product answers, all with HTTP status 400 unless noted.
const (
	// CodeMissingParameter: a required parameter is absent (POP gateway code).
	CodeMissingParameter = "MissingParameter"
	// CodeInvalidParameter: a parameter is malformed, out of range, or not allowed with
	// the others (POP gateway code); the message names the parameter and the rule. The
	// engine's rpc.InvalidParameter answers it.
	CodeInvalidParameter = rpc.CodeInvalidParameter
	// CodeInvalidRegionID: RegionId is not cn-hangzhou. HTTP 404, as the gateway answers.
	CodeInvalidRegionID = "InvalidRegionId"
	// CodeNotExistBandwidthPackage: no bandwidth plan has the id (API reference).
	CodeNotExistBandwidthPackage = "NotExist.BandwidthPackage"
	// CodeNotExistAccelerator: no accelerator has the id (API reference).
	CodeNotExistAccelerator = "NotExist.Accelerator"
	// CodeNotExistBasicBandwidthPackage: a cross-border plan needs a basic plan on the
	// accelerator, when binding it and for as long as it stays bound (API reference).
	CodeNotExistBasicBandwidthPackage = "NotExist.BasicBandwidthPackage"
	// CodeStateErrorBandwidthPackage: the plan is in a transitional state (init, binding,
	// unbinding, updating, being deleted), is not bound to the accelerator named, or was
	// updated within the cool-down period (API reference; the cool-down has no code of
	// its own in the reference).
	CodeStateErrorBandwidthPackage = "StateError.BandwidthPackage"
	// CodeStateErrorAccelerator: the accelerator is configuring (API reference).
	CodeStateErrorAccelerator = "StateError.Accelerator"
	// CodeUpgradeErrorBandwidthPackage: one update mixes upgrades and downgrades (API page).
	CodeUpgradeErrorBandwidthPackage = "UpgradeError.BandwidthPackage"
	// CodeBindExistBandwidthPackage: the plan is bound (delete), or the binding asked for
	// already exists or would give the accelerator a second plan of the type (API reference).
	CodeBindExistBandwidthPackage = "BindExist.BandwidthPackage"
	// CodeForbiddenRelease: a subscription cannot be deleted before it expires. HTTP 403.
	// The Ga reference documents no code; this is the one Cbn answers for the same rule.
	CodeForbiddenRelease = "Forbidden.Release"
	// CodeOrderUnpaid: a subscription's bandwidth or bandwidth type cannot change while an
	// upgrade ordered with AutoPay=false is unpaid. HTTP 403. The Ga reference documents no
	// code; this is the one Alibaba Cloud's order APIs answer for an unpaid order on the
	// resource (for example ECD RenewNetworkPackages: "You have unpaid orders, please pay
	// such orders before placing a new order.").
	CodeOrderUnpaid = "Order.Unpaid"
	// CodeNoUnpaidOrder: Product.PayOrder (a mock-only control, not an API action) found no
	// unpaid order on the plan.
	CodeNoUnpaidOrder = "OrderPaid.BandwidthPackage"
	// CodePostpayNotEnabled: the account may not buy pay-as-you-go plans
	// (AccountSettings.GaPostpayEnabled). HTTP 403. Assumed: no page names the code.
	CodePostpayNotEnabled = "Forbidden.PostpayNotEnabled"
	// CodePayBY95NotEnabled: the account may not buy PayBY95 plans
	// (AccountSettings.GaPayBY95Enabled). HTTP 403. Assumed: no page names the code.
	CodePayBY95NotEnabled = "Forbidden.PayBY95NotEnabled"
	// CodeDowngradeQuotaExceeded: the account's downgrade quota is used up
	// (AccountSettings.GaDowngradeQuota). Assumed: no page names the code.
	CodeDowngradeQuotaExceeded = "QuotaExceeded.Downgrade"
	// CodeBandwidthIllegal: a Basic plan would give an accelerator less bandwidth than its
	// acceleration regions (IP sets) are allocated (UpdateBandwidthPackage, ReplaceBandwidthPackage).
	// The official provider retries this code on those actions; the message is assumed.
	CodeBandwidthIllegal = "BandwidthIllegal.BandwidthPackage"
	// CodeIpSetBandwidthExceeded: the acceleration regions of an accelerator would be allocated
	// more bandwidth than its Basic plan has (CreateIpSets, UpdateIpSets; UpdateIpSets page).
	CodeIpSetBandwidthExceeded = "GreaterThanGa.IpSetBandwidth"
	// CodeNotExistIpSets: no acceleration region has the id (UpdateIpSets page).
	CodeNotExistIpSets = "NotExist.IpSets"
	// CodeNotActiveIpSet: the acceleration region is being created, changed or deleted
	// (UpdateIpSets page).
	CodeNotActiveIpSet = "NotActive.IpSet"
	// CodeRepeatIpSets: an accelerator already has an acceleration region in the region, or one
	// call names it twice (UpdateIpSets page).
	CodeRepeatIpSets = "Repeat.IpSets"
	// CodeTagQuotaExceeded: a resource would have more than 20 tags (TagResources page: "an
	// error message is returned"; the code is assumed).
	CodeTagQuotaExceeded = "QuotaExceeded.TagNum"
)

// apiError builds an API error with a formatted message.
func apiError(status int, code, format string, args ...any) *rpc.Error {
	return rpc.NewError(status, code, fmt.Sprintf(format, args...))
}

// errMissingParam refuses a call without a required parameter.
func errMissingParam(param string) *rpc.Error {
	return apiError(http.StatusBadRequest, CodeMissingParameter,
		"The input parameter %q that is mandatory for processing this request is not supplied.", param)
}

// errInvalidParam refuses a parameter that breaks rule (a phrase after "it").
func errInvalidParam(param, rule string) *rpc.Error {
	return rpc.InvalidParameter(param, "it "+rule)
}

// errPackageNotExist answers a plan id that names no plan.
func errPackageNotExist() *rpc.Error {
	return apiError(http.StatusBadRequest, CodeNotExistBandwidthPackage, "The bandwidth package does not exist.")
}

// errAcceleratorNotExist answers an accelerator id that names no accelerator.
func errAcceleratorNotExist() *rpc.Error {
	return apiError(http.StatusBadRequest, CodeNotExistAccelerator, "The accelerated instance does not exist.")
}

// errPackageState refuses a plan in the wrong state, saying why.
func errPackageState(bp *BandwidthPackage, why string) *rpc.Error {
	return apiError(http.StatusBadRequest, CodeStateErrorBandwidthPackage,
		"The state of bandwidth package is invalid: %s %s.", bp.BandwidthPackageId, why)
}

// errOrderUnpaid refuses a change of bandwidth or bandwidth type while an upgrade order of
// the plan is unpaid.
func errOrderUnpaid(bp *BandwidthPackage) *rpc.Error {
	o := bp.MockUnpaidUpgrade
	return apiError(http.StatusForbidden, CodeOrderUnpaid,
		"You have unpaid orders, please pay such orders before placing a new order: order %s of bandwidth package %s "+
			"(placed %s with AutoPay=false) is not paid; pay or cancel it in the Order Center.",
		o.OrderId, bp.BandwidthPackageId, o.Time.UTC().Format(time.RFC3339))
}

// errAcceleratorState refuses an accelerator that is not active.
func errAcceleratorState(acc *Accelerator) *rpc.Error {
	return apiError(http.StatusBadRequest, CodeStateErrorAccelerator,
		"The state of the accelerated instance is invalid: %s is %s.", acc.AcceleratorId, acc.State)
}

// errBindExist refuses a binding that exists or would clash with one.
func errBindExist(format string, args ...any) *rpc.Error {
	return apiError(http.StatusBadRequest, CodeBindExistBandwidthPackage, "The bandwidth package is already bound: "+format+".", args...)
}

// checkSeedRegion refuses a seeded object placed outside the Ga region.
func checkSeedRegion(r string) error {
	if r != "" && r != Region {
		return errors.New("RegionId must be " + Region + " (or left out), not " + fmt.Sprintf("%q", r))
	}
	return nil
}
