package cen

import (
	"context"
	"fmt"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
	"github.com/hashicorp/terraform-plugin-framework/action"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework"
)

var (
	_ action.ActionWithConfigure  = (*tempUpgradeBandwidthPackageAction)(nil)
	_ action.ActionWithModifyPlan = (*tempUpgradeBandwidthPackageAction)(nil)
)

// NewTempUpgradeBandwidthPackageAction returns the alibabacloud_cen_temp_upgrade_bandwidth_package
// action.
//
// It is named for what it does, after the API's own TempUpgradeCenBandwidthPackageSpec, as
// actions are (a verb and its object), rather than after the alibabacloud_cen_bandwidth_temp_upgrade
// resource, a noun for what exists: the two have different lifecycles (the resource keeps the
// window in state and plans again when it changes; the action orders once whenever it runs), and
// a configuration that uses both reads unambiguously.
func NewTempUpgradeBandwidthPackageAction() action.Action {
	a := &tempUpgradeBandwidthPackageAction{ActionWithClient: framework.NewActionWithClient(cbnClient), now: time.Now}
	a.SetDefaultInvokeTimeout(defaultCreateTimeout)
	return a
}

// tempUpgradeBandwidthPackageAction orders a temporary upgrade of a subscription CEN bandwidth
// package, with the resource's arguments and plan-time rules, and waits until the package shows
// it, reporting progress.
type tempUpgradeBandwidthPackageAction struct {
	framework.ActionWithClient[cbnAPI]
	framework.WithInvokeTimeout
	// now is the clock plan-time rules about end_time use.
	now func() time.Time
}

// Metadata implements action.Action.
func (a *tempUpgradeBandwidthPackageAction) Metadata(_ context.Context, req action.MetadataRequest, resp *action.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_cen_temp_upgrade_bandwidth_package"
}

// Invoke implements action.Action: TempUpgradeCenBandwidthPackageSpec, then a wait until the
// package shows the upgrade, with a progress message at every poll. The plan-time rules were
// checked by ModifyPlan, at plan and again at apply with every value known.
func (a *tempUpgradeBandwidthPackageAction) Invoke(ctx context.Context, req action.InvokeRequest, resp *action.InvokeResponse) {
	var config tempUpgradeActionModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !a.Configured() {
		resp.Diagnostics.Append(framework.ProviderNotConfigured("no upgrade was ordered")...)
		return
	}
	deadline, ok := a.InvokeDeadline(ctx, config.Timeouts, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx = deadline.Context(ctx) // transient failures are retried until the deadline
	u := config.tempUpgrade()
	progress := progressReporter(resp)
	progress(fmt.Sprintf("Ordering a temporary upgrade of CEN bandwidth package %s to %d Mbps until %s.",
		u.packageID, u.bandwidth, u.endTime))
	started := time.Now()
	order, diags := orderTempUpgrade(ctx, a.API(), u, deadline, func(p *cbn.CenBandwidthPackage) {
		progress(fmt.Sprintf("Upgrade ordered; CEN bandwidth package %s is still at %d Mbps, waiting for %d Mbps (%s so far, timeout %s).",
			u.packageID, p.Bandwidth, u.bandwidth, conns.FormatDuration(time.Since(started).Round(time.Second)), conns.FormatDuration(deadline.Timeout())))
	})
	resp.Diagnostics.Append(diags...)
	if !order.placed {
		return
	}
	if order.waitErr != nil {
		addWaitError(&resp.Diagnostics, u, deadline, order.waitErr, actionWaitAdvice)
		return
	}
	w, err := windowOf(order.pkg)
	if err != nil {
		resp.Diagnostics.AddError("Unexpected answer from DescribeCenBandwidthPackages", err.Error())
		return
	}
	progress(fmt.Sprintf("CEN bandwidth package %s is at %d Mbps until %s, then returns to %d Mbps on its own.",
		u.packageID, w.Bandwidth, w.EndTime, w.BaseBandwidth))
}

// progressReporter returns a function that sends one progress message to Terraform, or does
// nothing when the framework gave the response no way to (unit tests).
func progressReporter(resp *action.InvokeResponse) func(string) {
	return func(message string) {
		if resp.SendProgress != nil {
			resp.SendProgress(action.InvokeProgressEvent{Message: message})
		}
	}
}
