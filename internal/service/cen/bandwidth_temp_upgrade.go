package cen

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework"
)

var (
	_ resource.ResourceWithConfigure   = (*bandwidthTempUpgradeResource)(nil)
	_ resource.ResourceWithImportState = (*bandwidthTempUpgradeResource)(nil)
	_ resource.ResourceWithModifyPlan  = (*bandwidthTempUpgradeResource)(nil)
	_ resource.ResourceWithIdentity    = (*bandwidthTempUpgradeResource)(nil)
)

// NewBandwidthTempUpgradeResource returns the alibabacloud_cen_bandwidth_temp_upgrade resource.
func NewBandwidthTempUpgradeResource() resource.Resource {
	r := &bandwidthTempUpgradeResource{ResourceWithClient: framework.NewResourceWithClient(cbnClient), now: time.Now}
	r.SetDefaultCreateTimeout(defaultCreateTimeout)
	r.SetDefaultUpdateTimeout(defaultUpdateTimeout)
	return r
}

// bandwidthTempUpgradeResource manages a temporary upgrade of a subscription CEN bandwidth
// package (TempUpgradeCenBandwidthPackageSpec).
type bandwidthTempUpgradeResource struct {
	framework.ResourceWithClient[cbnAPI]
	framework.WithTimeouts
	// now is the clock plan-time rules about end_time use.
	now func() time.Time
}

// Metadata implements resource.Resource.
func (r *bandwidthTempUpgradeResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_cen_bandwidth_temp_upgrade"
}

// Create implements resource.Resource.
func (r *bandwidthTempUpgradeResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	var plan bandwidthTempUpgradeModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	deadline, ok := r.CreateDeadline(ctx, plan.Timeouts, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx = deadline.Context(ctx) // transient failures are retried until the deadline
	plan.ID = plan.CenBandwidthPackageID
	r.upgradeIntoState(ctx, &plan, true, deadline, &resp.State, &resp.Diagnostics)
	framework.SetIdentityFromState(ctx, resp.State, resp.Identity, &resp.Diagnostics)
}

// Read implements resource.Resource.
func (r *bandwidthTempUpgradeResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	var state bandwidthTempUpgradeModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	framework.SetIdentityFromState(ctx, req.State, resp.Identity, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	id := state.ID.ValueString()
	p, w, found := r.readPackage(ctx, id, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if !found {
		resp.Diagnostics.AddWarning("CEN bandwidth package not found",
			fmt.Sprintf("CEN bandwidth package %s no longer exists in region %s, so its temporary upgrade is "+
				"removed from Terraform state. If it was deleted on purpose, remove this resource from the "+
				"configuration; otherwise check cen_bandwidth_package_id.", id, r.Region()))
		resp.State.RemoveResource(ctx)
		return
	}
	state.refresh(p, w)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// Update implements resource.Resource.
func (r *bandwidthTempUpgradeResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	var plan, state bandwidthTempUpgradeModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	framework.SetIdentityFromState(ctx, req.State, resp.Identity, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID = state.ID
	if !upgradeChanged(plan, state) {
		// Only timeouts (or the seconds of end_time) changed: nothing to ask the API.
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		return
	}
	deadline, ok := r.UpdateDeadline(ctx, plan.Timeouts, &resp.Diagnostics)
	if !ok {
		return
	}
	ctx = deadline.Context(ctx) // transient failures are retried until the deadline
	r.upgradeIntoState(ctx, &plan, state.Status.ValueString() == statusPending, deadline, &resp.State, &resp.Diagnostics)
}

// Delete implements resource.Resource. The API cannot end a temporary upgrade early, so Delete
// only forgets it, and says so.
func (r *bandwidthTempUpgradeResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	var state bandwidthTempUpgradeModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	resp.Diagnostics.AddWarning("Temporary upgrade removed from Terraform state only", deleteWarning(state))
}

// ImportState implements resource.ResourceWithImportState: the import id (or the identity's id)
// is the package id, and the package must show an open temporary upgrade.
func (r *bandwidthTempUpgradeResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	id := strings.TrimSpace(framework.ImportedID(ctx, req, "id", &resp.Diagnostics))
	if resp.Diagnostics.HasError() {
		return
	}
	_, w, found := r.readPackage(ctx, id, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if !found {
		resp.Diagnostics.AddError("Cannot import: CEN bandwidth package not found",
			fmt.Sprintf("No CEN bandwidth package %q exists in region %s. Import by the package id (cenbwp-...) "+
				"of a package with an active temporary upgrade.", id, r.Region()))
		return
	}
	if !w.Open {
		resp.Diagnostics.AddError("Cannot import: no active temporary upgrade",
			fmt.Sprintf("CEN bandwidth package %s shows no temporary upgrade (it is at %d Mbps with no TEMP_UPGRADE "+
				"reservation), so there is nothing to import. To start a window, declare "+
				"alibabacloud_cen_bandwidth_temp_upgrade in your configuration and apply it.", id, w.Bandwidth))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), id)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("cen_bandwidth_package_id"), id)...)
	framework.SetIdentityFromState(ctx, resp.State, resp.Identity, &resp.Diagnostics)
}

// readPackage reads package id and what it shows of a temporary upgrade, for Read and
// ImportState. A missing package is found == false without a diagnostic, for the caller to
// judge; any other failure adds an error diagnostic.
func (r *bandwidthTempUpgradeResource) readPackage(ctx context.Context, id string, diags *diag.Diagnostics) (p *cbn.CenBandwidthPackage, w window, found bool) {
	p, err := findBandwidthPackageByID(ctx, r.API(), id)
	if conns.IsNotFound(err) {
		return nil, w, false
	}
	if err != nil {
		addReadError(diags, id, err)
		return nil, w, true
	}
	w, err = windowOf(p)
	if err != nil {
		diags.AddError("Unexpected answer from DescribeCenBandwidthPackages", err.Error())
	}
	return p, w, true
}

// upgradeIntoState orders the upgrade plan describes (see upgrade) and, once it is ordered,
// records plan in state, also when the wait then fails: Terraform must keep an ordered upgrade
// (tainted, after a create) rather than forget it.
func (r *bandwidthTempUpgradeResource) upgradeIntoState(ctx context.Context, plan *bandwidthTempUpgradeModel, adopt bool, deadline framework.Deadline, state *tfsdk.State, diags *diag.Diagnostics) {
	ordered, upgradeDiags := r.upgrade(ctx, plan, adopt, deadline)
	diags.Append(upgradeDiags...)
	if ordered {
		diags.Append(state.Set(ctx, plan)...)
	}
}

// upgrade orders the temporary upgrade m describes and waits until the API shows it, before
// deadline (see orderTempUpgrade). It reports whether the upgrade was ordered, and fills m's
// computed attributes when it was (also when the wait failed).
//
// With adopt (a create, or the update of an order that timed out), a window the package
// already shows for this bandwidth and end_time is taken as the upgrade instead of ordering it
// again: it is the order of an apply that timed out, and the cloud may refuse a second order
// while a window is open.
func (r *bandwidthTempUpgradeResource) upgrade(ctx context.Context, m *bandwidthTempUpgradeModel, adopt bool, deadline framework.Deadline) (placed bool, diags diag.Diagnostics) {
	u := m.tempUpgrade()
	if adopt {
		if p, w, ok := shownWindow(ctx, r.API(), u); ok {
			tflog.Info(ctx, "the package already shows this temporary upgrade; taking it instead of ordering it again",
				map[string]any{"cen_bandwidth_package_id": u.packageID, "bandwidth": u.bandwidth, "window_end_time": w.EndTime})
			m.setWindow(p, w)
			return true, diags
		}
	}
	order, diags := orderTempUpgrade(ctx, r.API(), u, deadline, nil)
	if !order.placed {
		return false, diags
	}
	p := order.pkg
	m.setPackage(p)
	if order.waitErr != nil {
		m.setPending(p)
		addWaitError(&diags, u, deadline, order.waitErr, resourceWaitAdvice)
		return true, diags
	}
	w, err := windowOf(p)
	if err != nil {
		m.setPending(p)
		diags.AddError("Unexpected answer from DescribeCenBandwidthPackages", err.Error())
		return true, diags
	}
	m.setWindow(p, w)
	return true, diags
}

// shownWindow reads u's package and returns it with its window when the window is u's (see
// window.shows). A failed read is no window: the order's answer then says what is wrong.
func shownWindow(ctx context.Context, api cbnAPI, u tempUpgrade) (*cbn.CenBandwidthPackage, window, bool) {
	p, err := findBandwidthPackageByID(ctx, api, u.packageID)
	if err != nil {
		return nil, window{}, false
	}
	w, err := windowOf(p)
	return p, w, err == nil && w.shows(u.bandwidth, u.endTime)
}

// tempUpgrade is one order of a temporary upgrade: the resource's arguments, and the action's.
type tempUpgrade struct {
	packageID string
	bandwidth int64
	endTime   string
}

// ordered is what became of an order of a temporary upgrade.
type ordered struct {
	// placed is true when the API accepted the order (or may have: see orderTempUpgrade).
	placed bool
	// pkg is the package the last poll of the wait showed; nil if none did.
	pkg *cbn.CenBandwidthPackage
	// waitErr says why the wait for a placed order failed; nil when the package shows it.
	waitErr error
}

// orderTempUpgrade orders u with TempUpgradeCenBandwidthPackageSpec and waits until the
// package shows it, before deadline, calling onPoll (unless nil) with the package each poll
// shows before then. diags explain a refused order. An order refused because another one is
// processing fails at once, unless the call was retried (the other order may be its own first
// attempt).
func orderTempUpgrade(ctx context.Context, api cbnAPI, u tempUpgrade, deadline framework.Deadline, onPoll func(*cbn.CenBandwidthPackage)) (ordered, diag.Diagnostics) {
	var diags diag.Diagnostics
	req := cbn.CreateTempUpgradeCenBandwidthPackageSpecRequest()
	req.CenBandwidthPackageId = u.packageID
	req.Bandwidth = requests.NewInteger64(u.bandwidth)
	req.EndTime = u.endTime
	callCtx, cancel := context.WithTimeout(ctx, deadline.Remaining())
	defer cancel()
	orderErr := api.Do(callCtx, req, cbn.CreateTempUpgradeCenBandwidthPackageSpecResponse())
	switch {
	case conns.IsErrorCode(orderErr, errCodeOrderIsProcessing) && conns.EarlierAttemptMayHaveRun(orderErr):
		// Do retried the call, and an earlier attempt may have been accepted with its answer
		// lost (not merely throttled): the order in process may be this call's own. Wait for it
		// like for an accepted one.
		tflog.Warn(ctx, "an order is already processing on the package after a retried call; waiting to see whether it is ours",
			map[string]any{"cen_bandwidth_package_id": u.packageID})
	case conns.IsErrorCode(orderErr, errCodeOrderParameterIllegal):
		addOrderRefused(ctx, api, &diags, u, orderErr, deadline)
		return ordered{}, diags
	case orderErr != nil:
		// This includes OrderIsProcessing answered to the only attempt, or after attempts that
		// were only throttled: then the order in process is someone else's, and waiting for ours
		// would only run out the timeout.
		addUpgradeError(&diags, u.packageID, orderErr, deadline)
		return ordered{}, diags
	}
	tflog.Info(ctx, "temporary upgrade ordered, waiting for it to show", map[string]any{
		"cen_bandwidth_package_id": u.packageID, "bandwidth": u.bandwidth, "end_time": u.endTime,
	})

	p, err := waitTempUpgradeApplied(ctx, api, u, deadline.Remaining(), onPoll)
	if err != nil && orderErr != nil {
		// Not ours after all: another order was processing.
		addUpgradeError(&diags, u.packageID, orderErr, deadline)
		return ordered{}, diags
	}
	return ordered{placed: true, pkg: p, waitErr: err}, diags
}

// addOrderRefused explains an order of u refused with InvalidOperation.OrderParameterIllegal.
// When the package shows an open window, that is the order it conflicts with: Alibaba Cloud
// may refuse a temporary upgrade while another one is in effect, and nothing changed.
func addOrderRefused(ctx context.Context, api cbnAPI, diags *diag.Diagnostics, u tempUpgrade, orderErr error, deadline framework.Deadline) {
	p, err := findBandwidthPackageByID(ctx, api, u.packageID)
	if err != nil {
		addUpgradeError(diags, u.packageID, orderErr, deadline)
		return
	}
	w, err := windowOf(p)
	if err != nil || !w.Open {
		addUpgradeError(diags, u.packageID, orderErr, deadline)
		return
	}
	diags.AddError(fmt.Sprintf("Temporary upgrade of CEN bandwidth package %s refused: a window is open", u.packageID),
		openWindowRefusal(u.packageID, w, u.bandwidth, u.endTime)+"\n\n"+upgradeErrorDetail(orderErr, deadline))
}

// deleteWarning tells what happens to the package once Terraform forgets its upgrade.
func deleteWarning(m bandwidthTempUpgradeModel) string {
	id := m.ID.ValueString()
	end := m.EndTime.ValueString()
	if !m.WindowEndTime.IsNull() && !m.WindowEndTime.IsUnknown() && m.WindowEndTime.ValueString() != "" {
		end = m.WindowEndTime.ValueString() // where the cloud ends the window
	}
	orig := "its original bandwidth"
	if !m.OriginalBandwidth.IsNull() && !m.OriginalBandwidth.IsUnknown() {
		orig = strconv.FormatInt(m.OriginalBandwidth.ValueInt64(), 10) + " Mbps"
	}
	switch m.Status.ValueString() {
	case statusExpired:
		return fmt.Sprintf("The temporary upgrade of CEN bandwidth package %s already ended at %s; the package is "+
			"back at %s. Nothing was changed in the cloud.", id, end, orig)
	case statusPending:
		return fmt.Sprintf("The API cannot cancel a temporary upgrade early. If the upgrade of CEN bandwidth package "+
			"%s to %d Mbps took effect, the package keeps it until %s and then returns to %s on its own. Nothing "+
			"was changed in the cloud.", id, m.Bandwidth.ValueInt64(), end, orig)
	default:
		return fmt.Sprintf("The API cannot cancel a temporary upgrade early. CEN bandwidth package %s keeps %d Mbps "+
			"until %s and then returns to %s on its own. Nothing was changed in the cloud; Terraform no longer "+
			"tracks this upgrade.", id, m.Bandwidth.ValueInt64(), end, orig)
	}
}
