package cbn

import (
	"fmt"
	"net/http"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// Error codes the Cbn mock answers with, all with HTTP status 400 as the real service uses.
const (
	// CodeInvalidParameter: a parameter has a malformed or out-of-range value (API page); the
	// engine's rpc.InvalidParameter answers it.
	CodeInvalidParameter = rpc.CodeInvalidParameter
	// CodeBandwidthPackageNotFound: no bandwidth package has the given id (the code the official
	// alicloud provider expects from Cbn for an unknown CEN bandwidth package id).
	CodeBandwidthPackageNotFound = "ParameterBwpInstanceId"
	// CodeOrderIsProcessing: an earlier order on the package has not completed yet
	// (documented for ModifyCenBandwidthPackageSpec, the sibling spec-changing action).
	CodeOrderIsProcessing = "OperationFailed.OrderIsProcessing"
	// CodeBwpBusinessStatus: the package is FinancialLocked or SecurityLocked (the code and message
	// of the Cbn pages that use a bandwidth plan, for example CreateTransitRouterPeerAttachment).
	CodeBwpBusinessStatus = "InvalidOperation.BwpBusinessStatus"
	// CodeOrderParameterIllegal: the order cannot be placed: pay-as-you-go or expired package,
	// EndTime too early or after the package expires (API page).
	CodeOrderParameterIllegal = "InvalidOperation.OrderParameterIllegal"
	// CodeUnsupportedQosPolicy: the package's transit router has an absolute-value inter-region
	// traffic QoS policy (API page).
	CodeUnsupportedQosPolicy = "Forbidden.AssociatedUnsupportedInterRegionTrafficQosPolicy"
	// CodeTempUpgradeNotEnabled: the account may not order temporary upgrades
	// (AccountSettings.CenTempUpgradeEnabled). Assumed: the page says the feature is not enabled
	// by default but names no code.
	CodeTempUpgradeNotEnabled = "Forbidden.TempUpgradeNotEnabled"
	// CodeUpgradeBwpBandwidth: the bandwidth does not exceed the original bandwidth, or is lower
	// than the bandwidth of the open window (API page).
	CodeUpgradeBwpBandwidth = "InvalidOperation.UpgradeBwpBandwidth"
)

// badRequest is an HTTP 400 answer with code and a formatted message.
func badRequest(code, format string, args ...any) *rpc.Error {
	return rpc.NewError(http.StatusBadRequest, code, fmt.Sprintf(format, args...))
}
