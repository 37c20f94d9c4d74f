package ga

import (
	"context"
	"fmt"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/framework"
	fwtypes "terraform-provider-alibabacloud/internal/framework/types"
	"terraform-provider-alibabacloud/internal/framework/validators"
)

// namePattern is the format the API requires of a bandwidth plan's name.
var namePattern = regexp.MustCompile(namePatternText)

// Notes on the purchase options the API never reports back.
const (
	notReportedNote = " The API does not report it back: it is not read on refresh or import."
	writeOnlyNote   = " Used only when the plan is bought: the API does not report it back, so it is not read on " +
		"refresh or import, and changing it later has no effect."
)

// Schema implements resource.Resource.
func (r *bandwidthPackageResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	useState := []planmodifier.String{stringplanmodifier.UseStateForUnknown()}
	useStateReplace := []planmodifier.String{stringplanmodifier.UseStateForUnknown(), stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "A Global Accelerator (GA) bandwidth plan: bought once, bound to accelerators with " +
			"`alibabacloud_ga_bandwidth_package_attachment`, and grown in place as traffic grows.\n\n" +
			"Global Accelerator is a global service: every call goes to region `cn-hangzhou`, whatever the provider's " +
			"region.\n\n" +
			"Changes the API cannot make are refused at `terraform plan`, before anything is sent: `bandwidth_type` " +
			"may only change from `Basic` to `Enhanced`, and one update must be either all upgrades or all downgrades. " +
			"Changing `type` or `payment_type` replaces the plan.\n\n" +
			"A `Subscription` plan cannot be deleted before it expires: `terraform destroy` removes it from the state " +
			"with a warning, and it stays billed until its `expired_time`.",
		Attributes: map[string]schema.Attribute{
			"accelerators": schema.SetAttribute{
				ElementType:         types.StringType,
				Computed:            true,
				MarkdownDescription: "IDs of the accelerators the bandwidth plan is bound to.",
			},
			"auto_pay": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Whether to pay the order automatically, when the plan is bought and when a " +
					"`Subscription` is upgraded (more `bandwidth`, or `bandwidth_type` from `Basic` to `Enhanced`). " +
					"With `false` (the API's default), or unset, each is an unpaid order that you pay in the Order " +
					"Center: a new `Subscription` plan is saved in the state with a warning and becomes active once " +
					"paid; an upgrade is warned about at plan, the apply ends with an error saying the order awaits " +
					"payment, and the state keeps the values in effect until it is paid (applying the upgrade again " +
					"before paying is refused by the API)." + notReportedNote,
			},
			"auto_renew_duration": schema.Int64Attribute{
				Optional:   true,
				Computed:   true,
				CustomType: fwtypes.Int64Type{},
				MarkdownDescription: fmt.Sprintf("How many months each automatic renewal of a `Subscription` adds: %d to %d "+
					"(the API uses %d when auto-renewal is turned on without one). Only with `payment_type = "+
					"\"Subscription\"`. Changed in place (UpdateBandwidthPackagaAutoRenewAttribute).",
					autoRenewMonthsMin, autoRenewMonthsMax, autoRenewMonthsMin),
				Validators:    []validator.Int64{int64validator.Between(autoRenewMonthsMin, autoRenewMonthsMax)},
				PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
			},
			"auto_use_coupon": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Default:  booldefault.StaticBool(false),
				MarkdownDescription: "Whether to use coupons when paying, when the plan is bought and when it is upgraded. " +
					"Default `false`." + notReportedNote,
			},
			"bandwidth": schema.Int64Attribute{
				Required:   true,
				CustomType: fwtypes.Int64Type{},
				MarkdownDescription: fmt.Sprintf("Bandwidth of the plan, in Mbps: %d to %d. Changed in place, "+
					"asynchronously: when the plan is bound, the provider waits until every bound accelerator has left "+
					"`configuring` and is `active` again, then confirms the new value; when it is not bound, it waits "+
					"until the plan shows the new value. A lower bandwidth cannot be combined with an upgrade of "+
					"`bandwidth_type` in one apply.", bandwidthMin, bandwidthMax),
				Validators: []validator.Int64{int64validator.Between(bandwidthMin, bandwidthMax)},
			},
			"bandwidth_package_name": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: "Name of the plan: " + nameFormatDescription + ". Changed in place, at once.",
				Validators: []validator.String{
					stringvalidator.UTF8LengthBetween(nameMinLength, nameMaxLength),
					validators.Shortened(stringvalidator.RegexMatches(namePattern, "must be "+nameFormatDescription)),
				},
				PlanModifiers: useState,
			},
			"bandwidth_type": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Bandwidth type: `Basic`, `Enhanced` or `Advanced`. Required when `type` is " +
					"`Basic`. The only change possible is `Basic` to `Enhanced`, " +
					"made in place (asynchronously, waited for like `bandwidth`); any other change is refused at plan " +
					"rather than replacing the plan, which would lose its bindings and billing.",
				Validators: []validator.String{
					validators.Shortened(stringvalidator.OneOf(bandwidthTypeBasic, bandwidthTypeEnhanced, bandwidthTypeAdvanced)),
				},
				PlanModifiers: useState,
			},
			"billing_type": schema.StringAttribute{
				CustomType: billingTypeType{},
				Optional:   true,
				Computed:   true,
				MarkdownDescription: "Billing of a `PayAsYouGo` plan: `PayByTraffic` or `PayBY95` (95th percentile; " +
					"`PayBy95`, the official `alicloud` provider's spelling, means the same, and switching between the " +
					"two spellings changes nothing). Only with `payment_type = \"PayAsYouGo\"`. Changing it replaces the plan.",
				Validators: []validator.String{
					validators.Shortened(stringvalidator.OneOf(billingTypePayByTraffic, billingTypePayBY95, billingTypePayBy95Official)),
				},
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown(), requiresReplaceUnlessRespelled},
			},
			"cbn_geographic_region_ida": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Area A of a `CrossDomain` plan: `China-mainland`, the only value, sent when left " +
					"out. Only with `type = \"CrossDomain\"`. Changing it replaces the plan.",
				Validators:    []validator.String{validators.Shortened(stringvalidator.OneOf(geographicRegionChinaMainland))},
				PlanModifiers: useStateReplace,
			},
			"cbn_geographic_region_idb": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Area B of a `CrossDomain` plan: `Global`, the only value, sent when left out. Only " +
					"with `type = \"CrossDomain\"`. Changing it replaces the plan.",
				Validators:    []validator.String{validators.Shortened(stringvalidator.OneOf(geographicRegionGlobal))},
				PlanModifiers: useStateReplace,
			},
			"create_time": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When the plan was created: RFC 3339, in UTC (for example `2026-11-24T13:21:09Z`).",
				PlanModifiers:       useState,
			},
			"description": schema.StringAttribute{
				Optional:            true,
				Computed:            true,
				MarkdownDescription: fmt.Sprintf("Description of the plan, up to %d characters. Changed in place, at once; `\"\"` clears it.", descriptionMaxLength),
				Validators:          []validator.String{stringvalidator.UTF8LengthAtMost(descriptionMaxLength)},
				PlanModifiers:       useState,
			},
			"duration": schema.Int64Attribute{
				Optional:   true,
				CustomType: fwtypes.Int64Type{},
				MarkdownDescription: fmt.Sprintf("Subscription length, in units of `pricing_cycle`: 1 to %d months "+
					"or 1 to %d years. Required to buy a `Subscription` plan (checked at plan; a plan that exists, "+
					"imported for example, needs none), not allowed with `PayAsYouGo`.",
					durationMonthMax, durationYearMax) + writeOnlyNote,
				Validators: []validator.Int64{int64validator.AtLeast(1)},
			},
			"expired_time": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "When a `Subscription` plan expires: RFC 3339, in UTC (empty for `PayAsYouGo`).",
				PlanModifiers:       useState,
			},
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "ID of the bandwidth plan (`gbwp-...`).",
				PlanModifiers:       useState,
			},
			"payment_type": schema.StringAttribute{
				Optional: true,
				Computed: true,
				Default:  stringdefault.StaticString(paymentTypeSubscription),
				MarkdownDescription: "`Subscription` (default, sent as `PREPAY`) or `PayAsYouGo` (sent as `POSTPAY`). " +
					"Changing it replaces the plan.",
				Validators:    []validator.String{validators.Shortened(stringvalidator.OneOf(paymentTypeSubscription, paymentTypePayAsYouGo))},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"pricing_cycle": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Unit of `duration`: `Month` (used when unset) or `Year`. Only with " +
					"`payment_type = \"Subscription\"`." + writeOnlyNote,
				Validators: []validator.String{validators.Shortened(stringvalidator.OneOf(pricingCycleMonth, pricingCycleYear))},
			},
			"promotion_option_no": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Number of a coupon to pay with (`PromotionOptionNo`)." + writeOnlyNote,
			},
			"ratio": schema.Int64Attribute{
				Optional:   true,
				Computed:   true,
				CustomType: fwtypes.Int64Type{},
				MarkdownDescription: fmt.Sprintf("Guaranteed minimum percentage of a `PayBY95` plan: %d to %d. "+
					"Required with, and only with, `billing_type = \"PayBY95\"`. Changing it replaces the plan.", ratioMin, ratioMax),
				Validators: []validator.Int64{int64validator.Between(ratioMin, ratioMax)},
				PlanModifiers: []planmodifier.Int64{
					int64planmodifier.UseStateForUnknown(), int64planmodifier.RequiresReplace(),
				},
			},
			"renewal_status": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "How a `Subscription` plan renews: `AutoRenewal` (automatically, `auto_renew_duration` " +
					"months at a time), `Normal` (by hand; the API's default) or `NotRenewal` (it expires). Only with " +
					"`payment_type = \"Subscription\"`. `AutoRenewal` is part of the purchase; the others are set once " +
					"the plan is active. Changed in place (UpdateBandwidthPackagaAutoRenewAttribute).",
				Validators:    []validator.String{stringvalidator.OneOf(renewalAuto, renewalManual, renewalNone)},
				PlanModifiers: useState,
			},
			"resource_group_id": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "ID of the resource group the plan belongs to (`rg-...`). Left out, the plan is " +
					"bought into the account's default resource group, and whatever group it is in is kept. Changed " +
					"in place (ChangeResourceGroup).",
				Validators:    []validator.String{validators.ID(validators.IDKindResourceGroup)},
				PlanModifiers: useState,
			},
			"status": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "State of the plan: `init` (being created, or a subscription waiting for " +
					"payment), `active`, `binded` (bound to an accelerator), `binding`, `unbinding`, `updating`.",
			},
			"tags": schema.MapAttribute{
				ElementType: types.StringType,
				Optional:    true,
				MarkdownDescription: fmt.Sprintf("Tags of the plan, at most %d: keys of 1 to %d characters, values of at "+
					"most %d, neither starting with `aliyun` or `acs:` nor containing `http://` or `https://`. Set "+
					"when the plan is bought, changed in place (TagResources, UntagResources), and read back on refresh "+
					"(from DescribeBandwidthPackage's answer, or ListTagResources when it lists none): tags added outside "+
					"Terraform show as a change.",
					validators.MaxTags, validators.MaxTagKeyLength, validators.MaxTagValueLength),
				Validators: []validator.Map{validators.Tags()},
			},
			"type": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Type of the plan: `Basic` or `CrossDomain`. Changing it replaces the plan.",
				Validators:          []validator.String{validators.Shortened(stringvalidator.OneOf(packageTypeBasic, packageTypeCrossDomain))},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": r.TimeoutsBlock(ctx),
		},
	}
}

// IdentitySchema implements resource.ResourceWithIdentity: a bandwidth plan is identified by
// its id.
func (r *bandwidthPackageResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = framework.IDIdentitySchema("ID of the bandwidth plan (`gbwp-...`).")
}
