package cen

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/action"
)

// ModifyPlan implements action.ActionWithModifyPlan: the rules the resource checks before it
// orders an upgrade (checkUpgradeOrder), at plan and again at apply with every value known, so
// that a refused upgrade fails before anything is ordered.
func (a *tempUpgradeBandwidthPackageAction) ModifyPlan(ctx context.Context, req action.ModifyPlanRequest, resp *action.ModifyPlanResponse) {
	var config tempUpgradeActionModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	_, _, diags := checkUpgradeOrder(ctx, a, a.now().UTC(), upgradeOrder{
		packageID: config.CenBandwidthPackageID, bandwidth: config.Bandwidth, endTime: config.EndTime,
	})
	resp.Diagnostics.Append(diags...)
}
