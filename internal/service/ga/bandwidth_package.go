package ga

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"strconv"
	"strings"
	"time"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
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
	_ resource.ResourceWithIdentity         = (*bandwidthPackageResource)(nil)
)

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
	ctx = deadline.Context(ctx) // transient failures are retried until the deadline

	out, err := r.purchase(ctx, expandCreateRequest(plan))
	if err != nil {
		resp.Diagnostics.AddError("Creating the GA bandwidth plan failed", deadline.Explain(err, advice))
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
	framework.SetIdentityFromState(ctx, resp.State, resp.Identity, &resp.Diagnostics)

	id := out.BandwidthPackageId
	purchased := plan.billing(time.Now())
	if purchased.purchaseAwaitsPayment(plan.AutoPay) {
		bp, err := findBandwidthPackageByID(ctx, r.API(), id)
		if err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Reading the new GA bandwidth plan %s failed", id), deadline.Explain(err, advice))
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
	if errors.Is(err, context.Canceled) {
		// Saved in the state above: failing would taint it, and the next apply would replace
		// it, buying a second plan.
		resp.Diagnostics.AddWarning("Create of the GA bandwidth plan interrupted",
			fmt.Sprintf("Terraform was interrupted while bandwidth plan %s, already bought, was becoming active. It is "+
				"saved in the state rather than failed, so that the next apply does not buy another. Run terraform "+
				"apply again: it reads the plan and sets its name and description.", id))
		return
	}
	if _, timedOut := errors.AsType[*waiter.TimeoutError](err); timedOut && bp != nil && purchased.subscription {
		r.saveInactiveSubscription(ctx, plan, bp, "Subscription bandwidth plan not active yet",
			fmt.Sprintf("Bandwidth plan %s was bought and paid, but it was still %q when the create timeout (%s) ran out. It is "+
				"saved in the state rather than failed: a failed create would be replaced by the next apply, buying a "+
				"second Subscription while this one stays billed. Run terraform apply again later: it refreshes the "+
				"plan and sets its name and description. Raise %s if activation regularly takes longer.",
				id, bp.State, conns.FormatDuration(deadline.Timeout()), deadline.Attribute()), resp)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Waiting for GA bandwidth plan %s to become active failed", id), deadline.Explain(err, advice))
		return
	}
	r.configureNewPackage(ctx, id, plan, bp, purchased.subscription, deadline, resp)
}

// purchase sends CreateBandwidthPackage. When Terraform is interrupted (Ctrl-C) while the
// purchase is in flight, the purchase may have been carried out: purchase asks once more, with
// the same ClientToken, which the API deduplicates, to learn the plan's id instead of leaving it
// bought but unknown to Terraform.
func (r *bandwidthPackageResource) purchase(ctx context.Context, request *gasdk.CreateBandwidthPackageRequest) (*gasdk.CreateBandwidthPackageResponse, error) {
	out := gasdk.CreateCreateBandwidthPackageResponse()
	err := r.API().Do(ctx, request, out)
	if !conns.InterruptedInFlight(err) {
		return out, err
	}
	askCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), interruptedPurchaseTimeout)
	defer cancel()
	out = gasdk.CreateCreateBandwidthPackageResponse()
	return out, r.API().Do(askCtx, request, out)
}

// configureNewPackage finishes the create of an active plan, bp as read after it became active:
// its name and description (which CreateBandwidthPackage does not take), the renewal of a
// Subscription and its tags, then the state. Failures after the name are warnings: the plan is
// saved in the state either way, and the next apply sets what is missing.
func (r *bandwidthPackageResource) configureNewPackage(ctx context.Context, id string, plan bandwidthPackageModel, bp *gasdk.DescribeBandwidthPackageResponse, subscription bool, deadline framework.Deadline, resp *resource.CreateResponse) {
	// CreateBandwidthPackage takes no name or description: they are set by an update.
	var current bandwidthPackageModel
	resp.Diagnostics.Append(current.flatten(ctx, bp)...)
	if update, _ := expandUpdateRequest(id, plan, current); update != nil {
		if err := r.sendUpdate(ctx, update, deadline.Remaining()); err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Naming the new GA bandwidth plan %s failed", id), deadline.Explain(err, advice))
			return
		}
		named, err := findBandwidthPackageByID(ctx, r.API(), id)
		if err != nil {
			resp.Diagnostics.AddError(fmt.Sprintf("Reading the new GA bandwidth plan %s failed", id), deadline.Explain(err, advice))
			return
		}
		bp = named
	}
	resp.Diagnostics.Append(plan.flatten(ctx, bp)...)
	var renewal *describeAutoRenewResponse
	if subscription {
		// A renewal other than AutoRenewal is set once the plan is active. A failure is a
		// warning, not an error that would taint the plan and buy a second one: the state
		// gets the renewal in effect, and the next apply sets it.
		var err error
		if renewal, err = r.sendRenewal(ctx, id, plan); err != nil {
			resp.Diagnostics.AddWarning(fmt.Sprintf("Setting the renewal of the new GA bandwidth plan %s failed", id),
				"The plan was bought and is saved in the state with the renewal in effect; the next apply sets "+
					"renewal_status and auto_renew_duration again.\n\n"+deadline.Explain(err, advice))
		}
	}
	if err := r.readSettings(ctx, bp, renewal, &plan, &resp.Diagnostics); err != nil {
		resp.Diagnostics.AddWarning(fmt.Sprintf("Reading the tags and renewal of the new GA bandwidth plan %s failed", id),
			"The plan was bought and is saved in the state with its tags and renewal as planned; the next refresh "+
				"reads them.\n\n"+deadline.Explain(err, advice))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// readSettings reads into m what bp, a plan as DescribeBandwidthPackage answered it, does not
// hold: its tags when the answer lists none (ListTagResources; the API reference lists Tags in
// the answer, but a client cannot count on the field) and, of a Subscription, how it renews
// (DescribeBandwidthPackageAutoRenewAttribute), unless renewal is that answer already. On an
// error m keeps what it held.
func (r *bandwidthPackageResource) readSettings(ctx context.Context, bp *gasdk.DescribeBandwidthPackageResponse, renewal *describeAutoRenewResponse, m *bandwidthPackageModel, diags *diag.Diagnostics) error {
	id := bp.BandwidthPackageId
	tags, answered := extrasOf(bp).tagMap()
	var err error
	if !answered {
		if tags, err = findBandwidthPackageTags(ctx, r.API(), id); err != nil {
			return err
		}
	}
	if m.PaymentType.ValueString() != paymentTypeSubscription {
		renewal = nil
	} else if renewal == nil {
		if renewal, err = findAutoRenewal(ctx, r.API(), id); err != nil {
			return err
		}
	}
	diags.Append(m.flattenTags(ctx, tags)...)
	if renewal != nil {
		m.flattenRenewal(renewal)
	}
	return nil
}

// sendRenewal sets how a new Subscription renews when plan asks for other renewal settings
// than those in effect, read with DescribeBandwidthPackageAutoRenewAttribute. It returns that
// answer when nothing needed to be sent (it is then still in effect), and nil when it sent a
// change.
func (r *bandwidthPackageResource) sendRenewal(ctx context.Context, id string, plan bandwidthPackageModel) (*describeAutoRenewResponse, error) {
	if !known(plan.RenewalStatus) && !known(plan.AutoRenewDuration) {
		return nil, nil
	}
	renewal, err := findAutoRenewal(ctx, r.API(), id)
	if err != nil {
		return nil, err
	}
	var current bandwidthPackageModel
	current.flattenRenewal(renewal)
	req := expandRenewalRequest(id, plan, current)
	if req == nil {
		return renewal, nil
	}
	return nil, r.API().Do(ctx, req, newEmptyResponse())
}

// sendSettings sends the changes from state to plan that other calls than
// UpdateBandwidthPackage make, each synchronous: tags (UntagResources, TagResources), the
// resource group (ChangeResourceGroup) and the renewal of a Subscription
// (UpdateBandwidthPackagaAutoRenewAttribute). It reports whether it sent anything.
func (r *bandwidthPackageResource) sendSettings(ctx context.Context, id string, plan, state bandwidthPackageModel) (bool, error) {
	sent := false
	if !plan.Tags.IsUnknown() && !maps.Equal(state.tagMap(), plan.tagMap()) {
		if err := sendTagChanges(ctx, r.API(), id, state.tagMap(), plan.tagMap()); err != nil {
			return sent, err
		}
		sent = true
	}
	if known(plan.ResourceGroupID) && !plan.ResourceGroupID.Equal(state.ResourceGroupID) {
		if err := sendResourceGroup(ctx, r.API(), id, plan.ResourceGroupID.ValueString()); err != nil {
			return sent, fmt.Errorf("moving it to resource group %s: %w", plan.ResourceGroupID.ValueString(), err)
		}
		sent = true
	}
	if req := expandRenewalRequest(id, plan, state); req != nil {
		if err := r.API().Do(ctx, req, newEmptyResponse()); err != nil {
			return sent, fmt.Errorf("setting its renewal: %w", err)
		}
		sent = true
	}
	return sent, nil
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
	framework.SetIdentityFromState(ctx, req.State, resp.Identity, &resp.Diagnostics)
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
	resp.Diagnostics.Append(state.refresh(ctx, bp)...)
	if err := r.readSettings(ctx, bp, nil, &state, &resp.Diagnostics); err != nil {
		resp.Diagnostics.AddError("Reading the GA bandwidth plan failed", conns.Explain(err, advice))
		return
	}
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
	framework.SetIdentityFromState(ctx, req.State, resp.Identity, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	deadline, ok := r.UpdateDeadline(ctx, plan.Timeouts, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx = deadline.Context(ctx) // transient failures are retried until the deadline
	id := state.ID.ValueString()

	bp, err := findBandwidthPackageByID(ctx, r.API(), id)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Reading GA bandwidth plan %s before updating it failed", id), deadline.Explain(err, advice))
		return
	}
	update, async := expandUpdateRequest(id, plan, state)
	b := billingOf(bp, time.Now())
	if update != nil && b.unpaid {
		// Retrying would only run out the timeout: nothing changes until the order is paid.
		resp.Diagnostics.AddError("GA bandwidth plan awaits payment",
			fmt.Sprintf("Bandwidth plan %s is a Subscription whose order is not paid yet (state \"init\"), and the API "+
				"refuses every change until it is. Pay the order in the Alibaba Cloud Order Center, then apply again.", id))
		return
	}
	sent, err := r.sendSettings(ctx, id, plan, state)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Updating GA bandwidth plan %s failed", id), deadline.Explain(err, advice))
		return
	}
	switch {
	case update == nil && sent:
		bp, err = findBandwidthPackageByID(ctx, r.API(), id)
	case update == nil: // only purchase options changed: nothing to send
	case async && b.upgradeAwaitsPayment(state.updateSettings(), plan.updateSettings(), plan.AutoPay):
		r.orderUpgrade(ctx, update, plan, state, deadline, resp)
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
		resp.Diagnostics.AddError(fmt.Sprintf("Updating GA bandwidth plan %s failed", id), deadline.Explain(err, advice))
		return
	}
	resp.Diagnostics.Append(plan.flatten(ctx, bp)...)
	if err := r.readSettings(ctx, bp, nil, &plan, &resp.Diagnostics); err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Reading GA bandwidth plan %s after updating it failed", id), deadline.Explain(err, advice))
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// orderUpgrade sends the upgrade of a Subscription without automatic payment. The API
// answers with an order to pay in the Order Center, and nothing but a new name or description
// takes effect until it is paid, so waiting for the new values could only run out the
// timeout. The state gets what is in effect, read back from the API, and the apply fails
// with an error that says how to pay.
func (r *bandwidthPackageResource) orderUpgrade(ctx context.Context, update *gasdk.UpdateBandwidthPackageRequest, plan, state bandwidthPackageModel, deadline framework.Deadline, resp *resource.UpdateResponse) {
	id := update.BandwidthPackageId
	changes := describeChanges(plannedChanges(state.updateSettings(), plan.updateSettings()))
	if err := r.sendUpdate(ctx, update, deadline.Remaining()); err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Updating GA bandwidth plan %s failed", id), deadline.Explain(err, advice))
		return
	}
	bp, err := findBandwidthPackageByID(ctx, r.API(), id)
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("GA bandwidth plan %s: the upgrade was ordered (auto_pay = false), "+
			"but reading the plan afterwards failed; pay the order in the Alibaba Cloud Order Center, then refresh", id),
			deadline.Explain(err, advice))
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
//
// UpdateBandwidthPackage takes no ClientToken: a retry of an update whose answer was lost is
// refused as the plan busy updating, then for the cool-down after a bandwidth change, although
// the change asked for is under way or done. When an earlier attempt may have run and the plan
// shows that, the refusal is taken for the update's own doing.
func (r *bandwidthPackageResource) sendUpdate(ctx context.Context, update *gasdk.UpdateBandwidthPackageRequest, timeout time.Duration) error {
	mayHaveRun := false
	return retryWhenRefused(ctx, "UpdateBandwidthPackage", timeout, retryableUpdateCodes, func(ctx context.Context) error {
		err := r.API().Do(ctx, update, gasdk.CreateUpdateBandwidthPackageResponse())
		mayHaveRun = mayHaveRun || conns.EarlierAttemptMayHaveRun(err)
		if mayHaveRun && conns.IsErrorCode(err, errCodeStateErrorBandwidthPackage) && r.updateUnderWayOrDone(ctx, update) {
			return nil
		}
		return err
	})
}

// updateUnderWayOrDone reports whether the plan is updating, or shows every value update asks
// for, as an update whose answer was lost leaves it.
func (r *bandwidthPackageResource) updateUnderWayOrDone(ctx context.Context, update *gasdk.UpdateBandwidthPackageRequest) bool {
	bp, err := findBandwidthPackageByID(ctx, r.API(), update.BandwidthPackageId)
	if err != nil {
		return false
	}
	if bp.State == packageStateUpdating {
		return true
	}
	return (update.Bandwidth == "" || string(update.Bandwidth) == strconv.Itoa(bp.Bandwidth)) &&
		(update.BandwidthType == "" || update.BandwidthType == bp.BandwidthType) &&
		(update.Name == "" || update.Name == bp.Name) &&
		(update.Description == "" || update.Description == bp.Description)
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
	ctx = deadline.Context(ctx) // transient failures are retried until the deadline
	id := state.ID.ValueString()

	bp, err := findBandwidthPackageByID(ctx, r.API(), id)
	if conns.IsNotFound(err) {
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Reading GA bandwidth plan %s before deleting it failed", id), deadline.Explain(err, advice))
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
			resp.Diagnostics.AddError(fmt.Sprintf("Waiting for GA bandwidth plan %s to settle before deleting it failed", id), deadline.Explain(err, advice))
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
		resp.Diagnostics.AddError(fmt.Sprintf("Deleting GA bandwidth plan %s failed", id), deadline.Explain(err, advice))
		return
	}
	if err := waitBandwidthPackageDeleted(ctx, r.API(), id, deadline.Remaining()); err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Waiting for GA bandwidth plan %s to be deleted failed", id), deadline.Explain(err, advice))
	}
}

// warnSubscriptionKept says that a Subscription left the state but goes on, billed.
func warnSubscriptionKept(diags *diag.Diagnostics, id, expiredTime string) {
	diags.AddWarning("Subscription bandwidth plan removed from the state only",
		fmt.Sprintf("Bandwidth plan %s is a Subscription, which cannot be deleted before it expires. It was removed "+
			"from the Terraform state but still exists and stays billed until it expires (expired_time %s). "+
			"To stop it earlier, unsubscribe in the Alibaba Cloud console.", id, describeTime(expiredTime)))
}

// ImportState implements resource.ResourceWithImportState: import by bandwidth plan ID, or by
// identity (its id).
func (r *bandwidthPackageResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	resource.ImportStatePassthroughWithIdentity(ctx, path.Root("id"), path.Root("id"), req, resp)
	framework.SetIdentityFromState(ctx, resp.State, resp.Identity, &resp.Diagnostics)
}
