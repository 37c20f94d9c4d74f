package ga

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework"
	"terraform-provider-alibabacloud/internal/waiter"
)

var (
	_ resource.ResourceWithConfigure        = (*bandwidthPackageResource)(nil)
	_ resource.ResourceWithConfigValidators = (*bandwidthPackageResource)(nil)
	_ resource.ResourceWithModifyPlan       = (*bandwidthPackageResource)(nil)
	_ resource.ResourceWithImportState      = (*bandwidthPackageResource)(nil)
)

// namePattern is the format the API requires of a bandwidth plan's name.
var namePattern = regexp.MustCompile(namePatternText)

// NewBandwidthPackageResource returns the alibabacloud_ga_bandwidth_package resource.
func NewBandwidthPackageResource() resource.Resource {
	r := &bandwidthPackageResource{ResourceWithClient: framework.NewResourceWithClient(gaClient)}
	r.SetDefaultCreateTimeout(defaultCreateTimeout)
	r.SetDefaultUpdateTimeout(defaultUpdateTimeout)
	r.SetDefaultDeleteTimeout(defaultDeleteTimeout)
	return r
}

// bandwidthPackageResource manages a Global Accelerator bandwidth plan.
type bandwidthPackageResource struct {
	framework.ResourceWithClient[gaAPI]
	framework.WithTimeouts
}

// Metadata implements resource.Resource.
func (r *bandwidthPackageResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_ga_bandwidth_package"
}

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
			"auto_use_coupon": schema.BoolAttribute{
				Optional:            true,
				MarkdownDescription: "Whether to use coupons when paying, when the plan is bought and when it is upgraded." + notReportedNote,
			},
			"bandwidth": schema.Int64Attribute{
				Required: true,
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
					stringvalidator.LengthBetween(nameMinLength, nameMaxLength),
					stringvalidator.RegexMatches(namePattern, "must be "+nameFormatDescription),
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
					stringvalidator.OneOf(bandwidthTypeBasic, bandwidthTypeEnhanced, bandwidthTypeAdvanced),
				},
				PlanModifiers: useState,
			},
			"billing_type": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Billing of a `PayAsYouGo` plan: `PayByTraffic` or `PayBY95` (95th percentile). " +
					"Only with `payment_type = \"PayAsYouGo\"`. Changing it replaces the plan.",
				Validators: []validator.String{
					stringvalidator.OneOf(billingTypePayByTraffic, billingTypePayBY95),
				},
				PlanModifiers: useStateReplace,
			},
			"cbn_geographic_region_ida": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Area A of a `CrossDomain` plan: `China-mainland`, the only value, sent when left " +
					"out. Only with `type = \"CrossDomain\"`. Changing it replaces the plan.",
				Validators:    []validator.String{stringvalidator.OneOf(geographicRegionChinaMainland)},
				PlanModifiers: useStateReplace,
			},
			"cbn_geographic_region_idb": schema.StringAttribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: "Area B of a `CrossDomain` plan: `Global`, the only value, sent when left out. Only " +
					"with `type = \"CrossDomain\"`. Changing it replaces the plan.",
				Validators:    []validator.String{stringvalidator.OneOf(geographicRegionGlobal)},
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
				Validators:          []validator.String{stringvalidator.LengthAtMost(descriptionMaxLength)},
				PlanModifiers:       useState,
			},
			"duration": schema.Int64Attribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("Subscription length, in units of `pricing_cycle`: 1 to %d months "+
					"or 1 to %d years. Required with `payment_type = \"Subscription\"`, not allowed with `PayAsYouGo`.",
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
				Validators:    []validator.String{stringvalidator.OneOf(paymentTypeSubscription, paymentTypePayAsYouGo)},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"pricing_cycle": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Unit of `duration`: `Month` (used when unset) or `Year`. Only with " +
					"`payment_type = \"Subscription\"`." + writeOnlyNote,
				Validators: []validator.String{stringvalidator.OneOf(pricingCycleMonth, pricingCycleYear)},
			},
			"ratio": schema.Int64Attribute{
				Optional: true,
				Computed: true,
				MarkdownDescription: fmt.Sprintf("Guaranteed minimum percentage of a `PayBY95` plan: %d to %d. "+
					"Required with, and only with, `billing_type = \"PayBY95\"`. Changing it replaces the plan.", ratioMin, ratioMax),
				Validators: []validator.Int64{int64validator.Between(ratioMin, ratioMax)},
				PlanModifiers: []planmodifier.Int64{
					int64planmodifier.UseStateForUnknown(), int64planmodifier.RequiresReplace(),
				},
			},
			"status": schema.StringAttribute{
				Computed: true,
				MarkdownDescription: "State of the plan: `init` (being created, or a subscription waiting for " +
					"payment), `active`, `binded` (bound to an accelerator), `binding`, `unbinding`, `updating`.",
			},
			"type": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "Type of the plan: `Basic` or `CrossDomain`. Changing it replaces the plan.",
				Validators:          []validator.String{stringvalidator.OneOf(packageTypeBasic, packageTypeCrossDomain)},
				PlanModifiers:       []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": r.TimeoutsBlock(ctx),
		},
	}
}

// Create implements resource.Resource: CreateBandwidthPackage with a ClientToken (a retried
// call never buys twice), then a wait until the plan is active.
func (r *bandwidthPackageResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan bandwidthPackageModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	deadline, ok := r.CreateDeadline(ctx, plan.Timeouts, &resp.Diagnostics)
	if !ok {
		return
	}

	out := gasdk.CreateCreateBandwidthPackageResponse()
	if err := r.API().Do(ctx, expandCreateRequest(plan), out); err != nil {
		resp.Diagnostics.AddError("Creating the GA bandwidth plan failed", conns.Explain(err, advice))
		return
	}
	if out.BandwidthPackageId == "" {
		resp.Diagnostics.AddError("The GA bandwidth plan was ordered but not created",
			fmt.Sprintf("CreateBandwidthPackage answered order %q without a bandwidth plan ID, so nothing could be "+
				"saved in the state. Pay or cancel the order in the Alibaba Cloud Order Center; once paid, bring the "+
				"plan under Terraform with terraform import.", out.OrderId))
		return
	}

	// Saved at once: whatever happens next, the plan is in the state and nothing is orphaned.
	plan.ID = types.StringValue(out.BandwidthPackageId)
	plan.nullUnknowns()
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)

	id := out.BandwidthPackageId
	purchased := plan.billing(time.Now())
	if purchased.purchaseAwaitsPayment(plan.AutoPay) {
		bp, err := findBandwidthPackageByID(ctx, r.API(), id)
		if err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Reading the new GA bandwidth plan %s failed", id), conns.Explain(err, advice))
			return
		}
		r.saveInactiveSubscription(ctx, plan, bp, "Subscription bandwidth plan awaits payment",
			fmt.Sprintf("Bandwidth plan %s was ordered with auto_pay = false (order %q). It is saved in the state, but it "+
				"stays in state \"init\" and cannot be bound or changed until the order is paid. Pay the order in the "+
				"Alibaba Cloud Order Center, then run terraform apply again: it refreshes the plan and sets its name and "+
				"description. Do not taint or replace it, which would buy a second plan; to give it up, destroy it, "+
				"which cancels the unpaid order.", id, out.OrderId), resp)
		return
	}
	bp, err := waitBandwidthPackageActive(ctx, r.API(), id, deadline.Remaining())
	if _, timedOut := errors.AsType[*waiter.TimeoutError](err); timedOut && bp != nil && purchased.subscription {
		r.saveInactiveSubscription(ctx, plan, bp, "Subscription bandwidth plan not active yet",
			fmt.Sprintf("Bandwidth plan %s was bought and paid, but it was still %q when the create timeout ran out. It is "+
				"saved in the state rather than failed: a failed create would be replaced by the next apply, buying a "+
				"second Subscription while this one stays billed. Run terraform apply again later: it refreshes the "+
				"plan and sets its name and description. Raise the create timeout if activation regularly takes longer.",
				id, bp.State), resp)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Waiting for GA bandwidth plan %s to become active failed", id), conns.Explain(err, advice))
		return
	}
	// CreateBandwidthPackage takes no name or description: they are set by an update.
	var current bandwidthPackageModel
	resp.Diagnostics.Append(current.flatten(ctx, bp)...)
	if update, _ := expandUpdateRequest(id, plan, current); update != nil {
		if err := r.sendUpdate(ctx, update, deadline.Remaining()); err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Naming the new GA bandwidth plan %s failed", id), conns.Explain(err, advice))
			return
		}
		if bp, err = findBandwidthPackageByID(ctx, r.API(), id); err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Reading the new GA bandwidth plan %s failed", id), conns.Explain(err, advice))
			return
		}
	}
	resp.Diagnostics.Append(plan.flatten(ctx, bp)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// saveInactiveSubscription finishes the create of a Subscription that exists but is not
// active yet (its order unpaid, or its activation slower than the create timeout): it is
// saved with a warning instead of failing, because an error would taint it and the next apply
// would buy a second plan while this one stays billed. Its name and description, which only
// an update of an active plan can set, are kept as planned; the first refresh once it is
// active shows them as a change to apply.
func (r *bandwidthPackageResource) saveInactiveSubscription(ctx context.Context, plan bandwidthPackageModel, bp *gasdk.DescribeBandwidthPackageResponse, summary, detail string, resp *resource.CreateResponse) {
	resp.Diagnostics.AddWarning(summary, detail)
	name, description := plan.BandwidthPackageName, plan.Description
	resp.Diagnostics.Append(plan.flatten(ctx, bp)...)
	if !name.IsNull() {
		plan.BandwidthPackageName = name
	}
	if !description.IsNull() {
		plan.Description = description
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// Read implements resource.Resource.
func (r *bandwidthPackageResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state bandwidthPackageModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	bp, err := findBandwidthPackageByID(ctx, r.API(), state.ID.ValueString())
	if conns.IsNotFound(err) {
		resp.Diagnostics.AddWarning("GA bandwidth plan no longer exists",
			fmt.Sprintf("Bandwidth plan %s was not found (deleted outside Terraform, or expired and released). It is "+
				"removed from the state; the next apply creates a new one if it is still configured.", state.ID.ValueString()))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Reading the GA bandwidth plan failed", conns.Explain(err, advice))
		return
	}
	resp.Diagnostics.Append(state.flatten(ctx, bp)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// Update implements resource.Resource. Only what changed is sent. Name and description are
// synchronous; bandwidth and bandwidth_type are asynchronous and waited for (see
// waitBandwidthPackageUpdated), except the upgrade of a Subscription without auto_pay, which is
// only ordered (see orderUpgrade). Refusals that mean "not now" are retried within the timeout.
func (r *bandwidthPackageResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state bandwidthPackageModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	deadline, ok := r.UpdateDeadline(ctx, plan.Timeouts, &resp.Diagnostics)
	if !ok {
		return
	}
	id := state.ID.ValueString()

	bp, err := findBandwidthPackageByID(ctx, r.API(), id)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Reading GA bandwidth plan %s before updating it failed", id), conns.Explain(err, advice))
		return
	}
	update, async := expandUpdateRequest(id, plan, state)
	b := billingOf(bp, time.Now())
	switch {
	case update == nil: // only purchase options changed: nothing to send
	case b.unpaid:
		// Retrying would only run out the timeout: nothing changes until the order is paid.
		resp.Diagnostics.AddError("GA bandwidth plan awaits payment",
			fmt.Sprintf("Bandwidth plan %s is a Subscription whose order is not paid yet (state \"init\"), and the API "+
				"refuses every change until it is. Pay the order in the Alibaba Cloud Order Center, then apply again.", id))
		return
	case async && b.upgradeAwaitsPayment(state.updateSettings(), plan.updateSettings(), plan.AutoPay):
		r.orderUpgrade(ctx, update, plan, state, deadline.Remaining(), resp)
		return
	case !async:
		err = r.sendUpdate(ctx, update, deadline.Remaining())
		if err == nil {
			bp, err = findBandwidthPackageByID(ctx, r.API(), id)
		}
	default:
		bp, err = r.updateAndWait(ctx, update, bp.Accelerators, plan, deadline)
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Updating GA bandwidth plan %s failed", id), conns.Explain(err, advice))
		return
	}
	resp.Diagnostics.Append(plan.flatten(ctx, bp)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// orderUpgrade sends the upgrade of a Subscription without automatic payment. The API
// answers with an order to pay in the Order Center, and nothing but a new name or description
// takes effect until it is paid, so waiting for the new values could only run out the
// timeout. The state gets what is in effect, read back from the API, and the apply fails
// with an error that says how to pay.
func (r *bandwidthPackageResource) orderUpgrade(ctx context.Context, update *gasdk.UpdateBandwidthPackageRequest, plan, state bandwidthPackageModel, timeout time.Duration, resp *resource.UpdateResponse) {
	id := update.BandwidthPackageId
	changes := describeChanges(plannedChanges(state.updateSettings(), plan.updateSettings()))
	if err := r.sendUpdate(ctx, update, timeout); err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Updating GA bandwidth plan %s failed", id), conns.Explain(err, advice))
		return
	}
	bp, err := findBandwidthPackageByID(ctx, r.API(), id)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("GA bandwidth plan %s: the upgrade was ordered (auto_pay = false), "+
			"but reading the plan afterwards failed; pay the order in the Alibaba Cloud Order Center, then refresh", id),
			conns.Explain(err, advice))
		return
	}
	resp.Diagnostics.Append(plan.flatten(ctx, bp)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	resp.Diagnostics.AddError("GA bandwidth plan upgrade ordered but not paid",
		fmt.Sprintf("The upgrade of Subscription bandwidth plan %s (%s) was ordered but not paid, because auto_pay = false. "+
			"Pay the order in the Alibaba Cloud Order Center (%s); the new values take effect once it is paid. "+
			"Terraform keeps the values in effect now in the state (bandwidth %d, bandwidth_type %q), so the next plan "+
			"shows the change again until the order is paid and the plan shows the new values; applying it again "+
			"before paying is refused by the API (%s). Set auto_pay = true to have upgrades paid automatically.",
			id, changes, orderCenterURL, bp.Bandwidth, bp.BandwidthType, errCodeOrderUnpaid))
}

// sendUpdate calls UpdateBandwidthPackage, retrying the refusals that mean "not now".
func (r *bandwidthPackageResource) sendUpdate(ctx context.Context, update *gasdk.UpdateBandwidthPackageRequest, timeout time.Duration) error {
	return retryWhenRefused(ctx, "UpdateBandwidthPackage", timeout, retryableUpdateCodes, func(ctx context.Context) error {
		return r.API().Do(ctx, update, gasdk.CreateUpdateBandwidthPackageResponse())
	})
}

// updateAndWait sends an asynchronous update and waits until it is over: for a plan bound to
// accelerators, until every one of them is active again, then until the plan shows the new
// values.
func (r *bandwidthPackageResource) updateAndWait(ctx context.Context, update *gasdk.UpdateBandwidthPackageRequest, accelerators []string, plan bandwidthPackageModel, deadline framework.Deadline) (*gasdk.DescribeBandwidthPackageResponse, error) {
	if err := r.sendUpdate(ctx, update, deadline.Remaining()); err != nil {
		return nil, err
	}
	want := packageValues{Bandwidth: plan.Bandwidth.ValueInt64(), BandwidthType: plan.BandwidthType.ValueString()}
	bp, err := waitBandwidthPackageUpdated(ctx, r.API(), update.BandwidthPackageId, accelerators, want, deadline.Remaining())
	if err != nil && len(accelerators) > 0 {
		err = fmt.Errorf("waiting for accelerators %s, bound to the plan, to finish configuring the new bandwidth: %w",
			strings.Join(accelerators, ", "), err)
	}
	return bp, err
}

// Delete implements resource.Resource. A Subscription that has not expired leaves the state
// with a warning; a bound plan is refused naming its accelerators; otherwise
// DeleteBandwidthPackage with a ClientToken, then a wait until it is gone.
func (r *bandwidthPackageResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state bandwidthPackageModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	deadline, ok := r.DeleteDeadline(ctx, state.Timeouts, &resp.Diagnostics)
	if !ok {
		return
	}
	id := state.ID.ValueString()

	bp, err := findBandwidthPackageByID(ctx, r.API(), id)
	if conns.IsNotFound(err) {
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Reading GA bandwidth plan %s before deleting it failed", id), conns.Explain(err, advice))
		return
	}
	// A paid Subscription cannot be deleted before it expires; an unpaid one (state init)
	// is only an order, which DeleteBandwidthPackage cancels.
	b := billingOf(bp, time.Now())
	if b.inForce() {
		warnSubscriptionKept(&resp.Diagnostics, id, bp.ExpiredTime)
		return
	}
	if !b.unpaid && !stablePackageState(bp.State) {
		if bp, err = waitBandwidthPackageStable(ctx, r.API(), id, deadline.Remaining()); err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Waiting for GA bandwidth plan %s to settle before deleting it failed", id), conns.Explain(err, advice))
			return
		}
	}
	if len(bp.Accelerators) > 0 {
		resp.Diagnostics.AddError("GA bandwidth plan is still bound",
			fmt.Sprintf("Bandwidth plan %s is bound to accelerator(s) %s and cannot be deleted while bound. Remove the "+
				"alibabacloud_ga_bandwidth_package_attachment resources that bind it (or unbind it in the console), "+
				"then destroy it again.", id, strings.Join(bp.Accelerators, ", ")))
		return
	}

	del := gasdk.CreateDeleteBandwidthPackageRequest()
	del.BandwidthPackageId = id
	del.ClientToken = conns.NewClientToken()
	err = retryWhenRefused(ctx, "DeleteBandwidthPackage", deadline.Remaining(), retryableDeleteCodes, func(ctx context.Context) error {
		return r.API().Do(ctx, del, gasdk.CreateDeleteBandwidthPackageResponse())
	})
	switch err = notFoundOr(err, kindBandwidthPlan, id, errCodeNotExistBandwidthPackage); {
	case conns.IsNotFound(err):
		return
	case b.subscription && !b.expired && conns.IsErrorCode(err, errCodeForbiddenRelease):
		warnSubscriptionKept(&resp.Diagnostics, id, bp.ExpiredTime)
		return
	case err != nil:
		resp.Diagnostics.AddError(fmt.Sprintf("Deleting GA bandwidth plan %s failed", id), conns.Explain(err, advice))
		return
	}
	if err := waitBandwidthPackageDeleted(ctx, r.API(), id, deadline.Remaining()); err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Waiting for GA bandwidth plan %s to be deleted failed", id), conns.Explain(err, advice))
	}
}

// warnSubscriptionKept says that a Subscription left the state but goes on, billed.
func warnSubscriptionKept(diags *diag.Diagnostics, id, expiredTime string) {
	diags.AddWarning("Subscription bandwidth plan removed from the state only",
		fmt.Sprintf("Bandwidth plan %s is a Subscription, which cannot be deleted before it expires. It was removed "+
			"from the Terraform state but still exists and stays billed until it expires (expired_time %s). "+
			"To stop it earlier, unsubscribe in the Alibaba Cloud console.", id, describeTime(expiredTime)))
}

// ImportState implements resource.ResourceWithImportState: import by bandwidth plan ID.
func (r *bandwidthPackageResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughID(ctx, path.Root("id"), req, resp)
}

// bandwidthPackageModel is the resource's data.
type bandwidthPackageModel struct {
	Accelerators           types.Set      `tfsdk:"accelerators"`
	AutoPay                types.Bool     `tfsdk:"auto_pay"`
	AutoUseCoupon          types.Bool     `tfsdk:"auto_use_coupon"`
	Bandwidth              types.Int64    `tfsdk:"bandwidth"`
	BandwidthPackageName   types.String   `tfsdk:"bandwidth_package_name"`
	BandwidthType          types.String   `tfsdk:"bandwidth_type"`
	BillingType            types.String   `tfsdk:"billing_type"`
	CbnGeographicRegionIDA types.String   `tfsdk:"cbn_geographic_region_ida"`
	CbnGeographicRegionIDB types.String   `tfsdk:"cbn_geographic_region_idb"`
	CreateTime             types.String   `tfsdk:"create_time"`
	Description            types.String   `tfsdk:"description"`
	Duration               types.Int64    `tfsdk:"duration"`
	ExpiredTime            types.String   `tfsdk:"expired_time"`
	ID                     types.String   `tfsdk:"id"`
	PaymentType            types.String   `tfsdk:"payment_type"`
	PricingCycle           types.String   `tfsdk:"pricing_cycle"`
	Ratio                  types.Int64    `tfsdk:"ratio"`
	Status                 types.String   `tfsdk:"status"`
	Timeouts               timeouts.Value `tfsdk:"timeouts"`
	Type                   types.String   `tfsdk:"type"`
}
