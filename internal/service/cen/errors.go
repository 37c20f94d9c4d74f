package cen

import (
	"errors"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework"
	"terraform-provider-alibabacloud/internal/waiter"
)

// advice explains, per error code of this package's API calls (mostly
// TempUpgradeCenBandwidthPackageSpec), why the API refused and what to do about it
// (conns.Explain puts it in every diagnostic of an API error).
var advice = conns.Advice{
	errCodeQosPolicy: "A transit router associated with this bandwidth plan has an inter-region traffic " +
		"scheduling (QoS) policy that allocates bandwidth as absolute values, and such a plan cannot change " +
		"its bandwidth. Delete that policy (CEN console > the transit router > Inter-region Traffic QoS), or " +
		"change it to allocate by percentage, then run terraform apply again.",
	errCodeOrderParameterIllegal: "The billing system refused the upgrade order. Its parameters conflict with " +
		"an order that already exists for this bandwidth plan (a renewal or configuration change that has not " +
		"finished), or the window does not fit: end_time is now less than 3 hours away (time passed since the " +
		"plan) or lies after the plan expires. Check the plan's pending orders in the Billing console, make sure " +
		"end_time is at least 3 hours ahead and before the plan expires, then run terraform apply again.",
	errCodeInvalidParameter: "The API rejected a parameter. The provider checks bandwidth (2 to 10,000 Mbps) " +
		"and end_time (YYYY-MM-DDThh:mm:ssZ, at least 3 hours ahead) at plan time, so the likely cause is that " +
		"time passed since the plan and end_time is now less than 3 hours away. Move end_time later and run " +
		"terraform apply again.",
	errCodeUnauthorized: "The credentials may not upgrade this bandwidth plan. Grant the RAM action " +
		"cen:TempUpgradeCenBandwidthPackageSpec on acs:cen:*:<account-id>:cenbandwidthpackage/<package-id> to " +
		"the user or role the provider uses. Temporary upgrades are also disabled by default for an account: " +
		"if the permission is in place, ask your Alibaba Cloud account manager to enable the feature.",
	errCodeOrderIsProcessing: "Another order on this bandwidth plan is still being processed, and the plan " +
		"accepts one order at a time, so this upgrade was not ordered. The other order (a temporary upgrade or a " +
		"change of specification) may come from the console or another tool, from an earlier terraform apply that " +
		"was interrupted, or from another resource of this configuration that upgrades the same package (two " +
		"resources upgrading one package are refused at plan when the package id is known then). Wait until " +
		"DescribeCenBandwidthPackages (or the CEN console) shows the other order completed, then run terraform " +
		"apply again; keep one alibabacloud_cen_bandwidth_temp_upgrade per package.",
	errCodeBwpBusinessStatus: "The bandwidth plan is locked (business status FinancialLocked for an overdue " +
		"payment, or SecurityLocked) and cannot change. Settle the overdue payment or contact Alibaba Cloud " +
		"support to unlock it, then run terraform apply again.",
	errCodeBwpNotFound: "The bandwidth plan does not exist (any more) in this account and region. Check " +
		"cen_bandwidth_package_id and the provider's region.",
	errCodeTempUpgradeNotEnabled: "Temporary upgrades of CEN bandwidth plans are not enabled for this Alibaba Cloud " +
		"account: Alibaba Cloud leaves the feature off by default. Ask your account manager (or open a ticket with " +
		"Alibaba Cloud support) to enable temporary bandwidth upgrades of CEN bandwidth plans for the account, then " +
		"run terraform apply again. Nothing was ordered or changed. Until then, change the plan's bandwidth " +
		"permanently instead (in the CEN console), which the account can do without the feature.",
	errCodeUpgradeBwpBandwidth: "A temporary upgrade must raise the bandwidth: the requested bandwidth is equal " +
		"to or lower than the plan's original bandwidth. Set bandwidth above the plan's original bandwidth " +
		"(see original_bandwidth, or the plan in the CEN console).",
}

// openWindowRefusal explains an order for bandwidth until endTime refused while package id shows
// the open window w: what the package keeps, that nothing changed, and what to do.
func openWindowRefusal(id string, w window, bandwidth int64, endTime string) string {
	return fmt.Sprintf("CEN bandwidth package %s has a temporary upgrade window open until %s at %d Mbps, and Alibaba "+
		"Cloud refused another temporary upgrade (%d Mbps until %s) while it is open: the API refuses orders that "+
		"conflict with an existing one. Nothing was changed: the package keeps %d Mbps until %s, then returns to "+
		"%d Mbps. Keep bandwidth and end_time as they were until then, and set a new end_time (a new window) once "+
		"the window has ended; to carry more bandwidth now, raise the plan's bandwidth permanently in the CEN console.",
		id, w.EndTime, w.Bandwidth, bandwidth, endTime, w.Bandwidth, w.EndTime, w.BaseBandwidth)
}

// openWindowWarning warns, at plan, that the plan orders an upgrade (bandwidth until endTime)
// of package id while it shows the open window w, which the cloud may refuse.
func openWindowWarning(id string, w window, bandwidth int64, endTime string) string {
	msg := fmt.Sprintf("CEN bandwidth package %s has a temporary upgrade window open until %s at %d Mbps, and this plan "+
		"orders another temporary upgrade (%d Mbps until %s). Alibaba Cloud may refuse an order while a window is "+
		"open (InvalidOperation.OrderParameterIllegal, for orders that conflict with an existing one); then nothing "+
		"changes and the apply says so. Changing a window is safest once it has ended: then set a new end_time.",
		id, w.EndTime, w.Bandwidth, bandwidth, endTime)
	if w.Bandwidth == bandwidth && windowEndFor(w.EndTime, endTime) {
		msg += fmt.Sprintf(" The open window is already this bandwidth until %s, where the cloud may round end_time "+
			"up to: to keep the window as it is without ordering, set end_time = %q.", w.EndTime, w.EndTime)
	}
	return msg
}

// addUpgradeError adds a diagnostic for a failed TempUpgradeCenBandwidthPackageSpec call on id,
// made within deadline.
func addUpgradeError(diags *diag.Diagnostics, id string, err error, deadline framework.Deadline) {
	diags.AddError(fmt.Sprintf("Temporary upgrade of CEN bandwidth package %s refused", id), upgradeErrorDetail(err, deadline))
}

// upgradeErrorDetail explains a failed TempUpgradeCenBandwidthPackageSpec call: cause and fix
// for the codes the API documents (and those every product answers), followed by what the API
// answered.
func upgradeErrorDetail(err error, deadline framework.Deadline) string {
	return "TempUpgradeCenBandwidthPackageSpec failed. " + deadline.Explain(err, advice)
}

// addReadError adds a diagnostic for a failed DescribeCenBandwidthPackages call on id.
func addReadError(diags *diag.Diagnostics, id string, err error) {
	diags.AddError(fmt.Sprintf("Cannot read CEN bandwidth package %s", id),
		"DescribeCenBandwidthPackages failed. "+conns.Explain(err, advice))
}

// Advice after a wait that ran out, for addWaitError: the resource's, and the action's; %[1]s
// is the timeout's setting.
const (
	resourceWaitAdvice = "The resource is kept in state (tainted) so that nothing is lost. Run terraform apply " +
		"again once the package shows the new bandwidth, or raise %[1]s if upgrades take this long."
	actionWaitAdvice = "The order stands and will most likely take effect shortly: check the package in the CEN " +
		"console before invoking the action again (the package accepts one order at a time), or raise %[1]s if " +
		"upgrades take this long."
)

// addWaitError adds a diagnostic for a wait on u that did not end in the target state before
// deadline, the user's timeout of the operation; then (resourceWaitAdvice, actionWaitAdvice)
// says what to do after it ran out.
func addWaitError(diags *diag.Diagnostics, u tempUpgrade, deadline framework.Deadline, err error, then string) {
	summary := fmt.Sprintf("Temporary upgrade of CEN bandwidth package %s not confirmed", u.packageID)
	var timedOut *waiter.TimeoutError
	var missing *waiter.MissingError
	switch {
	case errors.As(err, &timedOut):
		diags.AddError(summary, fmt.Sprintf("The upgrade to %d Mbps until %s was requested, but DescribeCenBandwidthPackages "+
			"did not show it within %s (%s). %s", u.bandwidth, u.endTime, conns.FormatDuration(deadline.Timeout()),
			deadline.Attribute(), fmt.Sprintf(then, deadline.Attribute())))
	case errors.As(err, &missing):
		diags.AddError(summary, fmt.Sprintf("The upgrade was requested, but the package then disappeared from "+
			"DescribeCenBandwidthPackages. Check in the CEN console whether %s still exists.", u.packageID))
	default:
		diags.AddError(summary, fmt.Sprintf("Waiting for the upgrade to %d Mbps until %s failed.\n\n%s",
			u.bandwidth, u.endTime, deadline.Explain(err, advice)))
	}
}
