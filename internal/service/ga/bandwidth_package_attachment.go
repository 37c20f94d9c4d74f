package ga

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework"
)

var (
	_ resource.ResourceWithConfigure   = (*bandwidthPackageAttachmentResource)(nil)
	_ resource.ResourceWithImportState = (*bandwidthPackageAttachmentResource)(nil)
)

// attachmentIDSeparator separates the bandwidth plan ID from the accelerator ID in an
// attachment's ID.
const attachmentIDSeparator = ":"

// attachmentPartPattern is what each of the two IDs forming an attachment's ID must match.
var attachmentPartPattern = regexp.MustCompile(`^[^:]+$`)

// NewBandwidthPackageAttachmentResource returns the alibabacloud_ga_bandwidth_package_attachment
// resource.
func NewBandwidthPackageAttachmentResource() resource.Resource {
	r := &bandwidthPackageAttachmentResource{ResourceWithClient: framework.NewResourceWithClient(gaClient)}
	r.SetDefaultCreateTimeout(defaultCreateTimeout)
	r.SetDefaultDeleteTimeout(defaultDeleteTimeout)
	return r
}

// bandwidthPackageAttachmentResource binds a bandwidth plan to an accelerator. Every argument
// replaces it, so only the timeouts block changes in place, with no call (WithNoOpUpdate).
type bandwidthPackageAttachmentResource struct {
	framework.ResourceWithClient[gaAPI]
	framework.WithTimeouts
	framework.WithNoOpUpdate
}

// Metadata implements resource.Resource.
func (r *bandwidthPackageAttachmentResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_ga_bandwidth_package_attachment"
}

// Schema implements resource.Resource.
func (r *bandwidthPackageAttachmentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	notEmpty := []validator.String{
		stringvalidator.RegexMatches(attachmentPartPattern, "must be a non-empty ID without "+attachmentIDSeparator),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Binds a Global Accelerator bandwidth plan to an accelerator " +
			"(BandwidthPackageAddAccelerator). Creating it waits until the accelerator is `active` again and the plan " +
			"lists it; destroying it (BandwidthPackageRemoveAccelerator) waits until the plan no longer lists it. " +
			"While the binding settles the plan is `binding` or `unbinding` and the accelerator `configuring`.",
		Attributes: map[string]schema.Attribute{
			"accelerator_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ID of the accelerator (`ga-...`). Changing it replaces the attachment.",
				Validators:          notEmpty,
				PlanModifiers:       replace,
			},
			"bandwidth_package_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ID of the bandwidth plan (`gbwp-...`). Changing it replaces the attachment.",
				Validators:          notEmpty,
				PlanModifiers:       replace,
			},
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "`<bandwidth_package_id>:<accelerator_id>`.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"status": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "State of the bandwidth plan while bound, normally `binded`.",
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": r.TimeoutsBlock(ctx),
		},
	}
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
	packageID, acceleratorID := plan.ids()
	if err := r.sendBinding(ctx, packageID, acceleratorID, true, deadline.Remaining()); err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Binding GA bandwidth plan %s to accelerator %s failed", packageID, acceleratorID), conns.Explain(err, advice))
		return
	}

	// Saved at once: the binding exists even if the wait below fails.
	plan.ID = types.StringValue(attachmentID(packageID, acceleratorID))
	plan.Status = types.StringValue(packageStateBinding)
	resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)

	bp, err := waitAttachment(ctx, r.API(), packageID, acceleratorID, true, deadline.Remaining())
	if err != nil {
		resp.Diagnostics.AddError(fmt.Sprintf("Waiting for accelerator %s to finish binding bandwidth plan %s failed", acceleratorID, packageID), conns.Explain(err, advice))
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
	resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
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
		resp.Diagnostics.AddError(fmt.Sprintf("Reading GA bandwidth plan %s before unbinding it failed", packageID), conns.Explain(err, advice))
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
		resp.Diagnostics.AddError(fmt.Sprintf("Unbinding GA bandwidth plan %s from accelerator %s failed", packageID, acceleratorID), conns.Explain(err, advice))
		return
	}
	if _, err := waitAttachment(ctx, r.API(), packageID, acceleratorID, false, deadline.Remaining()); err != nil && !conns.IsNotFound(err) {
		resp.Diagnostics.AddError(fmt.Sprintf("Waiting for GA bandwidth plan %s to be unbound from accelerator %s failed", packageID, acceleratorID), conns.Explain(err, advice))
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
	return retryWhenRefused(ctx, request.GetActionName(), timeout, retryableBindingCodes, func(ctx context.Context) error {
		return r.API().Do(ctx, request, response)
	})
}

// ImportState implements resource.ResourceWithImportState: import by
// <bandwidth_package_id>:<accelerator_id>.
func (r *bandwidthPackageAttachmentResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	packageID, acceleratorID, err := parseAttachmentID(req.ID)
	if err != nil {
		resp.Diagnostics.AddError("Invalid import ID", err.Error())
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), req.ID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("bandwidth_package_id"), packageID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("accelerator_id"), acceleratorID)...)
}

// attachmentID builds an attachment's ID.
func attachmentID(packageID, acceleratorID string) string {
	return packageID + attachmentIDSeparator + acceleratorID
}

// parseAttachmentID splits an attachment's ID into the bandwidth plan and accelerator IDs.
func parseAttachmentID(id string) (packageID, acceleratorID string, err error) {
	parts := strings.Split(id, attachmentIDSeparator)
	if len(parts) != 2 || parts[0] == "" || parts[1] == "" {
		return "", "", fmt.Errorf("expected <bandwidth_package_id>%s<accelerator_id>, for example "+
			"gbwp-bp1sgzldyj6b4q7cx%sga-bp1odcab8tmno0hdq, got %q", attachmentIDSeparator, attachmentIDSeparator, id)
	}
	return parts[0], parts[1], nil
}

// bandwidthPackageAttachmentModel is the attachment's data.
type bandwidthPackageAttachmentModel struct {
	AcceleratorID      types.String   `tfsdk:"accelerator_id"`
	BandwidthPackageID types.String   `tfsdk:"bandwidth_package_id"`
	ID                 types.String   `tfsdk:"id"`
	Status             types.String   `tfsdk:"status"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

// ids returns the bandwidth plan and accelerator IDs.
func (m bandwidthPackageAttachmentModel) ids() (packageID, acceleratorID string) {
	return m.BandwidthPackageID.ValueString(), m.AcceleratorID.ValueString()
}
