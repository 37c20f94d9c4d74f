package cen

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/action/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	fwtypes "terraform-provider-alibabacloud/internal/framework/types"
)

// tempUpgradeActionModel is the action's configuration.
type tempUpgradeActionModel struct {
	Bandwidth             fwtypes.Int64  `tfsdk:"bandwidth"`
	CenBandwidthPackageID types.String   `tfsdk:"cen_bandwidth_package_id"`
	EndTime               EndTime        `tfsdk:"end_time"`
	Timeouts              timeouts.Value `tfsdk:"timeouts"`
}

// tempUpgrade returns the order m describes.
func (m tempUpgradeActionModel) tempUpgrade() tempUpgrade {
	return tempUpgrade{packageID: m.CenBandwidthPackageID.ValueString(), bandwidth: m.Bandwidth.ValueInt64(), endTime: m.EndTime.ValueString()}
}

// Schema implements action.Action: the resource's arguments, with the resource's validators.
func (a *tempUpgradeBandwidthPackageAction) Schema(ctx context.Context, _ action.SchemaRequest, resp *action.SchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Orders a temporary upgrade of a subscription (`PREPAY`) CEN bandwidth package until " +
			"`end_time` (`TempUpgradeCenBandwidthPackageSpec`), each time it is invoked, and waits until the package " +
			"shows it, reporting progress. Invoke it with `terraform apply -invoke=action.alibabacloud_cen_temp_upgrade_bandwidth_package.<name>`, " +
			"or from a resource's lifecycle with `action_trigger`. Needs Terraform 1.14 or later.\n\n" +
			"It takes the arguments of the `alibabacloud_cen_bandwidth_temp_upgrade` resource and checks the same " +
			"rules at plan, before anything is ordered: the package must be a subscription that is not expired or " +
			"locked, `bandwidth` must exceed its base bandwidth (and, while a window is open, not be lower than the " +
			"window's), and `end_time` must be at least 3 hours ahead and within the subscription.\n\n" +
			"**The resource or the action?** Use the resource when the window is part of what your configuration " +
			"declares: it stays in state, shows in plans, and a change of `bandwidth` or `end_time` is planned and " +
			"reviewed like any other. Use the action for a one-off, imperative upgrade (tonight's event, a runbook " +
			"step, a pipeline job), or to upgrade when something else happens (`action_trigger` on another " +
			"resource): nothing is kept in state, and every invocation orders again. Both order the same upgrade; " +
			"the API cannot end a window early with either.",
		Attributes: map[string]schema.Attribute{
			"bandwidth": schema.Int64Attribute{
				Required:            true,
				CustomType:          fwtypes.Int64Type{},
				MarkdownDescription: bandwidthDescription,
				Validators:          bandwidthValidators(),
			},
			"cen_bandwidth_package_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "The ID of the subscription CEN bandwidth package to upgrade (`cenbwp-...`).",
				Validators:          packageIDValidators(),
			},
			"end_time": schema.StringAttribute{
				Required:   true,
				CustomType: EndTimeType{},
				MarkdownDescription: "When the window ends and the package returns to its base bandwidth, in UTC, " +
					"written exactly `YYYY-MM-DDThh:mm:ssZ` (for example `2026-12-04T18:00:00Z`), at least 3 hours " +
					"after the invocation.",
				Validators: endTimeValidators(),
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": a.TimeoutsBlock(ctx),
		},
	}
}
