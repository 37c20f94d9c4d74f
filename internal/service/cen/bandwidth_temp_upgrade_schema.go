package cen

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"terraform-provider-alibabacloud/internal/framework"
	fwtypes "terraform-provider-alibabacloud/internal/framework/types"
	"terraform-provider-alibabacloud/internal/framework/validators"
)

// The validators of the arguments an upgrade is ordered with, shared by the resource and the
// action.

// packageIDValidators validates cen_bandwidth_package_id.
func packageIDValidators() []validator.String {
	return []validator.String{validators.ID(validators.IDKindCENBandwidthPackage)}
}

// bandwidthDescription describes bandwidth.
const bandwidthDescription = "The bandwidth, in Mbps, the package has during the window: 2 to 10,000, and more " +
	"than the package's base bandwidth. While a window is open it can be raised but not lowered."

// bandwidthValidators validates bandwidth: the API's range.
func bandwidthValidators() []validator.Int64 {
	return []validator.Int64{int64validator.Between(minBandwidth, maxBandwidth)}
}

// endTimeValidators validates end_time: the API's format (the time rules need the clock and
// the package, and are checked at plan).
func endTimeValidators() []validator.String {
	return []validator.String{endTimeFormat}
}

// Schema implements resource.Resource.
func (r *bandwidthTempUpgradeResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	// Computed attributes show their state value in plans instead of "known after apply";
	// Read refreshes them.
	useState := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Temporarily raises the bandwidth of a subscription (`PREPAY`) CEN bandwidth package " +
			"until `end_time`, for example to carry a traffic peak, with `TempUpgradeCenBandwidthPackageSpec`.\n\n" +
			"**The window.** The upgrade takes effect shortly after apply and lasts until `end_time` (UTC, at least " +
			"3 hours from the time of the call). At `end_time` the package returns to its `original_bandwidth` on " +
			"its own. The resource then stays in state with `status = \"Expired\"` and plans stay empty; set a new " +
			"`end_time` to start a new window.\n\n" +
			"**Upgrade only.** A temporary upgrade can only raise the bandwidth: `bandwidth` must exceed the " +
			"package's base bandwidth, and it cannot be lowered while a window is open. Pay-as-you-go (`POSTPAY`) " +
			"and expired packages cannot be upgraded. The provider checks these rules, the ranges and the time " +
			"rules at `terraform plan`, before anything changes.\n\n" +
			"**Destroy.** The API cannot cancel a temporary upgrade early: destroying the resource only removes it " +
			"from Terraform state, and a warning says which bandwidth the package returns to and when.",
		Attributes: map[string]schema.Attribute{
			"bandwidth": schema.Int64Attribute{
				Required:            true,
				CustomType:          fwtypes.Int64Type{},
				MarkdownDescription: bandwidthDescription,
				Validators:          bandwidthValidators(),
			},
			"business_status": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The package's business status: `Normal`, `FinancialLocked` or `SecurityLocked`.",
				PlanModifiers:       useState,
			},
			"cen_bandwidth_package_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "The ID of the subscription CEN bandwidth package to upgrade (`cenbwp-` and " +
					"lower-case letters and digits). A package has one window: two resources of one configuration " +
					"upgrading the same package are refused at plan. Changing it replaces the resource: the old " +
					"package keeps its window until its `end_time`.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
				Validators:    packageIDValidators(),
			},
			"charge_type": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The package's billing method; always `PREPAY` (subscription) for an upgraded package.",
				PlanModifiers:       useState,
			},
			"end_time": schema.StringAttribute{
				Required:   true,
				CustomType: EndTimeType{},
				MarkdownDescription: "When the window ends and the package returns to `original_bandwidth`, in UTC, " +
					"written exactly `YYYY-MM-DDThh:mm:ssZ` (for example `2026-12-04T18:00:00Z`). A new or changed " +
					"value must be at least 3 hours in the future. The API reports this time to the minute; a value " +
					"with seconds is considered equal to the minute the API shows.",
				Validators: endTimeValidators(),
			},
			"expired_time": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the package's subscription expires, in UTC (`YYYY-MM-DDThh:mm:ssZ`).",
				PlanModifiers:       useState,
			},
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The ID of the bandwidth package, which identifies its temporary upgrade.",
				PlanModifiers:       useState,
			},
			"original_bandwidth": schema.Int64Attribute{
				Computed:            true,
				MarkdownDescription: "The package's base bandwidth in Mbps: what it returns to at `end_time`.",
				PlanModifiers:       []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"package_name": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "The package's name.",
				PlanModifiers:       useState,
			},
			"status": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "`Active` while the API shows the window as open, `Expired` once it has " +
					"ended and the package is back at `original_bandwidth`. `Pending` after a create or update " +
					"that timed out before the API showed the upgrade, until the API shows it.",
				PlanModifiers: useState,
			},
			"window_end_time": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "When the window ends as Alibaba Cloud shows it (`ReservationActiveTime`), in UTC " +
					"(`YYYY-MM-DDThh:mm:ssZ`): `end_time` to the minute, or later where the cloud rounds the window " +
					"up (to the next whole hour at most). The package keeps `bandwidth` until then. It is kept once " +
					"the window has ended.",
				PlanModifiers: useState,
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": r.TimeoutsBlock(ctx),
		},
	}
}

// IdentitySchema implements resource.ResourceWithIdentity: an upgrade is identified by its
// package's id.
func (r *bandwidthTempUpgradeResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.IDIdentitySchema("ID of the CEN bandwidth package (`cenbwp-...`) whose temporary upgrade this is.")
}
