package ga

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework"
	"terraform-provider-alibabacloud/internal/waiter"
)

var (
	_ resource.ResourceWithConfigure   = (*bandwidthPackageAttachmentResource)(nil)
	_ resource.ResourceWithImportState = (*bandwidthPackageAttachmentResource)(nil)
	_ resource.ResourceWithIdentity    = (*bandwidthPackageAttachmentResource)(nil)
)

// NewBandwidthPackageAttachmentResource returns the alibabacloud_ga_bandwidth_package_attachment
// resource.
func NewBandwidthPackageAttachmentResource() resource.Resource {
	r := &bandwidthPackageAttachmentResource{ResourceWithClient: framework.NewResourceWithClient(gaClient)}
	r.SetDefaultCreateTimeout(defaultCreateTimeout)
	r.SetDefaultUpdateTimeout(defaultUpdateTimeout)
	r.SetDefaultDeleteTimeout(defaultDeleteTimeout)
	return r
}

// bandwidthPackageAttachmentResource binds a bandwidth plan to an accelerator. A new
// bandwidth_package_id swaps the plan in place (ReplaceBandwidthPackage); a new accelerator_id
// replaces the attachment; a change of the timeouts block alone needs no call (WithNoOpUpdate).
type bandwidthPackageAttachmentResource struct {
	framework.ResourceWithClient[gaAPI]
	framework.WithTimeouts
	framework.WithNoOpUpdate
}

// Metadata implements resource.Resource.
func (r *bandwidthPackageAttachmentResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_ga_bandwidth_package_attachment"
	// The identity names the plan bound, which a swap changes (ReplaceBandwidthPackage).
	resp.ResourceBehavior.MutableIdentity = true
}

// Create implements resource.Resource: BandwidthPackageAddAccelerator, retried while the plan
// or the accelerator is in a transitional state, then a wait until the binding is done.
func (r *bandwidthPackageAttachmentResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan bandwidthPackageAttachmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	deadline, ok := r.CreateDeadline(ctx, plan.Timeouts, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx = deadline.Context(ctx) // transient failures are retried until the deadline
	packageID, acceleratorID := plan.ids()
	if err := r.sendBinding(ctx, packageID, acceleratorID, true, deadline.Remaining()); err != nil {
		r.bindingFailed(ctx, fmt.Sprintf("Binding GA bandwidth plan %s to accelerator %s failed", packageID, acceleratorID),
			packageID, err, deadline, &resp.Diagnostics)
		return
	}
	// Saved at once: the binding exists even if the wait below fails.
	saveBinding(ctx, &plan, packageID, acceleratorID, &resp.State, resp.Identity, &resp.Diagnostics)

	bp, err := waitAttachment(ctx, r.API(), packageID, acceleratorID, true, deadline.Remaining())
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Waiting for accelerator %s to finish binding bandwidth plan %s failed", acceleratorID, packageID), deadline.Explain(err, bindingAdvice))
		return
	}
	plan.Status = types.StringValue(bp.State)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// Read implements resource.Resource: the attachment is gone when the plan is gone or no
// longer lists the accelerator.
func (r *bandwidthPackageAttachmentResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state bandwidthPackageAttachmentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	framework.SetIdentityFromState(ctx, req.State, resp.Identity, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	packageID, acceleratorID := state.ids()
	bp, err := findAttachment(ctx, r.API(), packageID, acceleratorID)
	if conns.IsNotFound(err) {
		resp.Diagnostics.AddWarning("GA bandwidth plan attachment no longer exists",
			fmt.Sprintf("Bandwidth plan %s is not bound to accelerator %s any more (changed outside Terraform). The "+
				"attachment is removed from the state; the next apply binds them again if it is still configured.",
				packageID, acceleratorID))
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		resp.Diagnostics.AddError("Reading the GA bandwidth plan attachment failed", conns.Explain(err, advice))
		return
	}
	state.ID = types.StringValue(attachmentID(packageID, acceleratorID))
	state.Status = types.StringValue(bp.State)
	state.setAccelerators()
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
}

// Update implements resource.Resource. A new bandwidth_package_id swaps the plan bound to the
// accelerator in place with ReplaceBandwidthPackage, never unbinding first, so that the
// accelerator keeps forwarding with one plan or the other; then it waits until the old plan
// no longer lists the accelerator, the new one does, and the accelerator is active again.
// Anything else that changes in place is the timeouts block, which needs no call.
func (r *bandwidthPackageAttachmentResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state bandwidthPackageAttachmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if plan.BandwidthPackageID.Equal(state.BandwidthPackageID) {
		r.WithNoOpUpdate.Update(ctx, req, resp)
		return
	}
	deadline, ok := r.UpdateDeadline(ctx, plan.Timeouts, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx = deadline.Context(ctx) // transient failures are retried until the deadline
	oldID, acceleratorID := state.ids()
	newID := plan.BandwidthPackageID.ValueString()
	if err := r.sendReplacement(ctx, newID, oldID, acceleratorID, deadline.Remaining()); err != nil {
		r.bindingFailed(ctx, fmt.Sprintf("Swapping bandwidth plan %s for %s on accelerator %s failed", oldID, newID, acceleratorID),
			newID, err, deadline, &resp.Diagnostics)
		return
	}
	// Saved at once: the accelerator has the new plan even if the wait below fails.
	saveBinding(ctx, &plan, newID, acceleratorID, &resp.State, resp.Identity, &resp.Diagnostics)

	if _, err := waitAttachment(ctx, r.API(), oldID, acceleratorID, false, deadline.Remaining()); err != nil && !conns.IsNotFound(err) {
		resp.Diagnostics.AddError(fmt.Sprintf("Waiting for bandwidth plan %s to leave accelerator %s failed", oldID, acceleratorID),
			deadline.Explain(err, bindingAdvice))
		return
	}
	bp, err := waitAttachment(ctx, r.API(), newID, acceleratorID, true, deadline.Remaining())
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Waiting for accelerator %s to finish binding bandwidth plan %s failed", acceleratorID, newID),
			deadline.Explain(err, bindingAdvice))
		return
	}
	plan.Status = types.StringValue(bp.State)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
}

// sendReplacement calls ReplaceBandwidthPackage: newID takes the place of oldID on accelerator
// acceleratorID, retried while a plan or the accelerator is in a transitional state. The call
// takes no ClientToken, so a repeat of one that was carried out, its answer lost, is refused
// (the old plan busy or bound to nothing); the swap under way or done is then recognized as
// its own doing.
func (r *bandwidthPackageAttachmentResource) sendReplacement(ctx context.Context, newID, oldID, acceleratorID string, timeout time.Duration) error {
	req := gasdk.CreateReplaceBandwidthPackageRequest()
	req.BandwidthPackageId, req.TargetBandwidthPackageId = newID, oldID
	// The API takes the accelerator too (the SDK's request lacks it): a swap on another
	// accelerator than the one planned is refused rather than made.
	req.QueryParams["AcceleratorId"] = acceleratorID
	retryable := conns.RetryableOrCode(retryableBindingCodes...)
	mayHaveRun := false
	return waiter.RetryWhen(ctx, waiter.RetryConf{
		Action:    req.GetActionName(),
		Timeout:   timeout,
		Retryable: func(err error) bool { return retryable(err) && !r.unpaid(ctx, newID, err) },
	}, func(ctx context.Context) error {
		err := r.API().Do(ctx, req, gasdk.CreateReplaceBandwidthPackageResponse())
		mayHaveRun = mayHaveRun || conns.EarlierAttemptMayHaveRun(err)
		if mayHaveRun && conns.IsErrorCode(err, errCodeStateErrorBandwidthPackage, errCodeBindExistBandwidthPackage) &&
			r.bindingUnderWayOrDone(ctx, newID, acceleratorID, true) {
			return nil // our own earlier attempt's doing; the waits that follow see it through
		}
		return err
	})
}

// Delete implements resource.Resource: once the plan is out of any transitional state,
// BandwidthPackageRemoveAccelerator if it lists the accelerator, retried while the plan or the
// accelerator is busy, then a wait until the plan no longer lists it.
func (r *bandwidthPackageAttachmentResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state bandwidthPackageAttachmentModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	deadline, ok := r.DeleteDeadline(ctx, state.Timeouts, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx = deadline.Context(ctx) // transient failures are retried until the deadline
	packageID, acceleratorID := state.ids()

	bp, err := findBandwidthPackageByID(ctx, r.API(), packageID)
	if conns.IsNotFound(err) {
		return
	}
	if err == nil && !stablePackageState(bp.State) {
		// A binding still under way (its create timed out) lists the accelerator only once
		// it is done: wait for it, or it would be left behind.
		bp, err = waitBandwidthPackageStable(ctx, r.API(), packageID, deadline.Remaining())
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Reading GA bandwidth plan %s before unbinding it failed", packageID), deadline.Explain(err, advice))
		return
	}
	if !slices.Contains(bp.Accelerators, acceleratorID) {
		return
	}
	err = notFoundOr(r.sendBinding(ctx, packageID, acceleratorID, false, deadline.Remaining()),
		attachmentKind(packageID), acceleratorID, errCodeNotExistBandwidthPackage, errCodeNotExistAccelerator)
	if conns.IsNotFound(err) {
		return
	}
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Unbinding GA bandwidth plan %s from accelerator %s failed", packageID, acceleratorID), deadline.Explain(err, advice))
		return
	}
	if _, err := waitAttachment(ctx, r.API(), packageID, acceleratorID, false, deadline.Remaining()); err != nil && !conns.IsNotFound(err) {
		resp.Diagnostics.AddError(fmt.Sprintf("Waiting for GA bandwidth plan %s to be unbound from accelerator %s failed", packageID, acceleratorID), deadline.Explain(err, advice))
	}
}

// sendBinding calls BandwidthPackageAddAccelerator (attach) or
// BandwidthPackageRemoveAccelerator (!attach), retrying while the plan or the accelerator is in
// a transitional state.
func (r *bandwidthPackageAttachmentResource) sendBinding(ctx context.Context, packageID, acceleratorID string, attach bool, timeout time.Duration) error {
	var request requests.AcsRequest
	var response responses.AcsResponse
	if attach {
		add := gasdk.CreateBandwidthPackageAddAcceleratorRequest()
		add.BandwidthPackageId, add.AcceleratorId = packageID, acceleratorID
		request, response = add, gasdk.CreateBandwidthPackageAddAcceleratorResponse()
	} else {
		remove := gasdk.CreateBandwidthPackageRemoveAcceleratorRequest()
		remove.BandwidthPackageId, remove.AcceleratorId = packageID, acceleratorID
		request, response = remove, gasdk.CreateBandwidthPackageRemoveAcceleratorResponse()
	}
	retryable := conns.RetryableOrCode(retryableBindingCodes...)
	// Whether an earlier attempt may have been carried out, its answer lost: the binding calls
	// take no ClientToken, so a repeat of one that was carried out is refused (BindExist, or
	// the plan busy or not bound) although the change asked for is under way or done.
	mayHaveRun := false
	return waiter.RetryWhen(ctx, waiter.RetryConf{
		Action:  request.GetActionName(),
		Timeout: timeout,
		// An unpaid Subscription (state init) is refused as busy, but it is not: it stays
		// unpaid until someone pays, so waiting would only run out the timeout.
		Retryable: func(err error) bool { return retryable(err) && (!attach || !r.unpaid(ctx, packageID, err)) },
	}, func(ctx context.Context) error {
		err := r.API().Do(ctx, request, response)
		mayHaveRun = mayHaveRun || conns.EarlierAttemptMayHaveRun(err)
		if mayHaveRun && conns.IsErrorCode(err, errCodeBindExistBandwidthPackage, errCodeStateErrorBandwidthPackage) &&
			r.bindingUnderWayOrDone(ctx, packageID, acceleratorID, attach) {
			return nil // our own earlier attempt's doing; the wait that follows sees it through
		}
		return err
	})
}

// bindingUnderWayOrDone reports whether the plan shows the binding asked for (attach) or its
// removal (!attach) done or under way, as a binding call whose answer was lost leaves it.
func (r *bandwidthPackageAttachmentResource) bindingUnderWayOrDone(ctx context.Context, packageID, acceleratorID string, attach bool) bool {
	bp, err := findBandwidthPackageByID(ctx, r.API(), packageID)
	if err != nil {
		return false
	}
	if attach {
		return bp.State == packageStateBinding || slices.Contains(bp.Accelerators, acceleratorID)
	}
	return bp.State == packageStateUnbinding || !slices.Contains(bp.Accelerators, acceleratorID)
}

// bindingFailed reports err, the refusal of a call that binds bandwidth plan packageID, under
// summary: as an unpaid Subscription's when that is why, otherwise explained.
func (r *bandwidthPackageAttachmentResource) bindingFailed(ctx context.Context, summary, packageID string, err error, deadline framework.Deadline, diags *diag.Diagnostics) {
	if r.unpaid(ctx, packageID, err) {
		diags.AddError(summary, unpaidBindingDetail(packageID))
		return
	}
	diags.AddError(summary, deadline.Explain(err, bindingAdvice))
}

// saveBinding saves plan in state as the binding of packageID to acceleratorID, still binding,
// with its identity: the binding exists once the call that makes it was answered, whatever the
// wait for it does.
func saveBinding(ctx context.Context, plan *bandwidthPackageAttachmentModel, packageID, acceleratorID string, state *tfsdk.State, identity *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	plan.ID = types.StringValue(attachmentID(packageID, acceleratorID))
	plan.Status = types.StringValue(packageStateBinding)
	plan.setAccelerators()
	diags.Append(state.Set(ctx, *plan)...)
	framework.SetIdentityFromState(ctx, *state, identity, diags)
}

// unpaid reports whether err refused a binding because bandwidth plan packageID is a
// Subscription whose order is not paid (the API answers it as a plan in a transitional state).
func (r *bandwidthPackageAttachmentResource) unpaid(ctx context.Context, packageID string, err error) bool {
	if !conns.IsErrorCode(err, errCodeStateErrorBandwidthPackage) {
		return false
	}
	bp, findErr := findBandwidthPackageByID(ctx, r.API(), packageID)
	return findErr == nil && billingOf(bp, time.Now()).unpaid
}

// ImportState implements resource.ResourceWithImportState: import by
// <bandwidth_package_id>:<accelerator_id>, or by identity (both ids).
func (r *bandwidthPackageAttachmentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	var identity attachmentIdentity
	if req.ID != "" {
		packageID, acceleratorID, err := parseAttachmentID(req.ID)
		if err != nil {
			resp.Diagnostics.AddError("Invalid import ID", err.Error())
			return
		}
		identity = attachmentIdentity{AcceleratorID: types.StringValue(acceleratorID), BandwidthPackageID: types.StringValue(packageID)}
	} else {
		resp.Diagnostics.Append(req.Identity.Get(ctx, &identity)...)
		if resp.Diagnostics.HasError() {
			return
		}
		if resp.Diagnostics.Append(identity.validate(ctx)...); resp.Diagnostics.HasError() {
			return
		}
	}
	packageID, acceleratorID := identity.BandwidthPackageID.ValueString(), identity.AcceleratorID.ValueString()
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), attachmentID(packageID, acceleratorID))...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("bandwidth_package_id"), packageID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("accelerator_id"), acceleratorID)...)
	framework.SetIdentityFromState(ctx, resp.State, resp.Identity, &resp.Diagnostics)
}
