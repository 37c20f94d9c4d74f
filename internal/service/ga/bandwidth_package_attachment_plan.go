package ga

import (
	"context"
	"fmt"
	"time"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework"
)

var _ resource.ResourceWithModifyPlan = (*bandwidthPackageAttachmentResource)(nil)

// Attribute paths of the attachment, for diagnostics.
var (
	packageIDPath     = path.Root("bandwidth_package_id")
	acceleratorIDPath = path.Root("accelerator_id")
)

// ModifyPlan implements resource.ResourceWithModifyPlan: the rules of
// BandwidthPackageAddAccelerator, checked before anything is bound. With the ids known and the
// provider configured, it reads the plan and the accelerator: both must exist, the plan must be
// paid and bound to no other accelerator, and the accelerator may take it (one Basic and one
// CrossDomain plan at most, a CrossDomain one only beside a Basic one). It also records what the
// binding claims (conns.Claims), so that two attachments of one configuration claiming the same
// plan, or the same place on an accelerator, are refused at plan.
func (r *bandwidthPackageAttachmentResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy: it claims nothing and is checked by nothing
	}
	var plan bandwidthPackageAttachmentModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	var prior *bandwidthPackageAttachmentModel
	if !req.State.Raw.IsNull() {
		prior = &bandwidthPackageAttachmentModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, prior)...)
	}
	if resp.Diagnostics.HasError() || !r.Configured() {
		return // not configured: the API checks at apply, when Terraform plans again
	}
	b := plannedBinding{packageID: plan.BandwidthPackageID, acceleratorID: plan.AcceleratorID}
	if prior != nil && prior.BandwidthPackageID.Equal(b.packageID) && prior.AcceleratorID.Equal(b.acceleratorID) {
		// The binding stays as it is (only timeouts may change): it keeps its claim on the
		// plan, and nothing is sent.
		resp.Diagnostics.Append(b.claimPackage(r.Claims())...)
		return
	}
	if prior != nil {
		// Replaced, or (another plan on the same accelerator) swapped: this resource's old
		// binding is undone, or taken over, as the new one is made.
		b.releases = prior
	}
	swap := prior != nil && prior.AcceleratorID.Equal(plan.AcceleratorID) && known(plan.AcceleratorID)
	if swap {
		resp.Diagnostics.Append(planSwap(ctx, plan, req, resp)...)
	}
	resp.Diagnostics.Append(b.claimPackage(r.Claims())...)
	if resp.Diagnostics.HasError() {
		return
	}
	if _, unpaidBought := r.Claims().Holder(claimOfUnpaidPurchase); unpaidBought && b.packageID.IsUnknown() {
		resp.Diagnostics.AddAttributeWarning(packageIDPath, "The bandwidth plan may be bought unpaid",
			"This plan also buys a Subscription bandwidth plan without automatic payment (auto_pay not true). If "+
				"bandwidth_package_id is that plan's id, known only at apply, the binding will be refused then: an unpaid "+
				"plan cannot be bound until its order is paid. Set auto_pay = true on the alibabacloud_ga_bandwidth_package "+
				"to bind it in the same apply.")
	}
	if known(b.packageID) {
		bp, err := findBandwidthPackageByID(ctx, r.API(), b.packageID.ValueString())
		switch {
		case conns.IsNotFound(err):
			resp.Diagnostics.AddAttributeError(packageIDPath, "GA bandwidth plan not found",
				fmt.Sprintf("bandwidth_package_id = %q: no GA bandwidth plan with this id exists in this account. "+
					"Check the id, or create the plan with alibabacloud_ga_bandwidth_package and set "+
					"bandwidth_package_id = alibabacloud_ga_bandwidth_package.<name>.id.", b.packageID.ValueString()))
		case err != nil:
			resp.Diagnostics.AddError(fmt.Sprintf("Reading GA bandwidth plan %s to check the binding failed", b.packageID.ValueString()),
				conns.Explain(err, advice))
		default:
			b.pkg = bp
		}
	}
	if known(b.acceleratorID) {
		acc, err := findAcceleratorByID(ctx, r.API(), b.acceleratorID.ValueString())
		switch {
		case conns.IsNotFound(err):
			resp.Diagnostics.AddAttributeError(acceleratorIDPath, "GA accelerator not found",
				fmt.Sprintf("accelerator_id = %q: no GA accelerator with this id exists in this account. Check the id "+
					"(ga-...) in the Global Accelerator console.", b.acceleratorID.ValueString()))
		case err != nil:
			resp.Diagnostics.AddError(fmt.Sprintf("Reading GA accelerator %s to check the binding failed", b.acceleratorID.ValueString()),
				conns.Explain(err, advice))
		default:
			b.acc = acc
		}
	}
	if resp.Diagnostics.HasError() {
		return
	}
	if swap && b.pkg != nil && b.acc != nil {
		resp.Diagnostics.Append(r.checkSwap(ctx, b)...)
		if resp.Diagnostics.HasError() {
			return
		}
	}
	resp.Diagnostics.Append(b.check(time.Now(), r.Claims())...)
}

// planSwap plans the swap of the bound plan (a new bandwidth_package_id, the same accelerator):
// the new id, and the identity, which names the plan; unknown until the plan's id is known.
func planSwap(ctx context.Context, plan bandwidthPackageAttachmentModel, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) diag.Diagnostics {
	var diags diag.Diagnostics
	id := types.StringUnknown()
	if known(plan.BandwidthPackageID) {
		id = types.StringValue(attachmentID(plan.BandwidthPackageID.ValueString(), plan.AcceleratorID.ValueString()))
	}
	diags.Append(resp.Plan.SetAttribute(ctx, path.Root("id"), id)...)
	if known(plan.BandwidthPackageID) {
		framework.SetIdentityFromState(ctx, tfsdk.State{Schema: req.Plan.Schema, Raw: resp.Plan.Raw}, resp.Identity, &diags)
	}
	return diags
}

// checkSwap applies the rules of ReplaceBandwidthPackage to a swap of the plan bound to an
// accelerator for b's plan: the new plan is of the type of the one it replaces, its
// Subscription has not expired, and a Basic one has at least the bandwidth the accelerator's
// acceleration regions are given (BandwidthIllegal.BandwidthPackage otherwise). That it is paid
// and bound to no accelerator, check (the rules of any binding) says.
func (r *bandwidthPackageAttachmentResource) checkSwap(ctx context.Context, b plannedBinding) diag.Diagnostics {
	var diags diag.Diagnostics
	oldID, accID, newID := b.releases.BandwidthPackageID.ValueString(), b.acc.AcceleratorId, b.pkg.BandwidthPackageId
	oldType := ""
	switch oldID {
	case b.acc.BasicBandwidthPackage.InstanceId:
		oldType = packageTypeBasic
	case b.acc.CrossDomainBandwidthPackage.InstanceId:
		oldType = packageTypeCrossDomain
	}
	if oldType != "" && b.pkg.Type != oldType {
		diags.AddAttributeError(packageIDPath, "A swap keeps the type of the plan",
			fmt.Sprintf("Bandwidth plan %s is a %s plan, and the plan it would replace on accelerator %s, %s, is a %s "+
				"plan: ReplaceBandwidthPackage swaps a plan for one of the same type. Set bandwidth_package_id to a %s "+
				"plan, or bind %s with an alibabacloud_ga_bandwidth_package_attachment of its own.",
				newID, b.pkg.Type, accID, oldID, oldType, oldType, newID))
		return diags
	}
	if billingOf(b.pkg, time.Now()).expired {
		diags.AddAttributeError(packageIDPath, "Bandwidth plan expired",
			fmt.Sprintf("Bandwidth plan %s is a Subscription that expired (expired_time %s): it cannot take over "+
				"accelerator %s. Renew it, or choose a plan in force.", newID, describeTime(formatAPITime(b.pkg.ExpiredTime)), accID))
		return diags
	}
	if b.pkg.Type != packageTypeBasic {
		return diags
	}
	regions, err := findAllocation(ctx, r.API(), accID)
	if err != nil {
		diags.AddError(fmt.Sprintf("Reading the acceleration regions of GA accelerator %s to check the swap failed", accID),
			conns.Explain(err, advice))
		return diags
	}
	if int64(b.pkg.Bandwidth) < regions.total {
		diags.AddAttributeError(packageIDPath, "Bandwidth plan too small for the accelerator",
			fmt.Sprintf("Bandwidth plan %s has %d Mbps, and the acceleration regions of accelerator %s are given %d Mbps "+
				"in all (%s): a Basic plan must cover them, or ReplaceBandwidthPackage refuses it "+
				"(BandwidthIllegal.BandwidthPackage). Raise the bandwidth of %s to at least %d first (in an earlier "+
				"apply), choose a larger plan, or lower the acceleration regions' bandwidth.",
				newID, b.pkg.Bandwidth, accID, regions.total, regions.describe(), newID, regions.total))
	}
	return diags
}

// plannedBinding is a binding a plan creates, with what the API shows of its plan and its
// accelerator when their ids are known.
type plannedBinding struct {
	packageID, acceleratorID types.String
	// pkg and acc are the plan and the accelerator as the API shows them; nil when their id is
	// unknown (or they do not exist).
	pkg *gasdk.DescribeBandwidthPackageResponse
	acc *gasdk.DescribeAcceleratorResponse
	// releases is the binding this one replaces, undone before it is made; nil for a new one.
	releases *bandwidthPackageAttachmentModel
}

// Keys of the claims an attachment records (conns.Claims).
func claimOfPackage(packageID string) string { return "ga bandwidth plan " + packageID }

func claimOfAcceleratorType(acceleratorID, packageType string) string {
	return "ga accelerator " + acceleratorID + " " + packageType + " plan"
}

// claimOfAcceleratorUnknownPlan notes that an attachment binds a plan known only at apply to
// the accelerator, so its type cannot be told yet; claimOfUnknownAccelerator, that one binds to
// an accelerator known only at apply.
func claimOfAcceleratorUnknownPlan(acceleratorID string) string {
	return "ga accelerator " + acceleratorID + " plan known at apply"
}

const claimOfUnknownAccelerator = "ga accelerator known at apply"

// claimOfUnpaidPurchase notes that the plan buys a Subscription without automatic payment,
// which no attachment can bind at apply.
const claimOfUnpaidPurchase = "ga unpaid subscription bought"

// describe names the binding for messages of other attachments.
func (b plannedBinding) describe() string {
	to := "an accelerator known only at apply"
	if known(b.acceleratorID) {
		to = "accelerator " + b.acceleratorID.ValueString()
	}
	if !known(b.packageID) {
		return "the binding of a plan known only at apply to " + to
	}
	return "the binding of bandwidth plan " + b.packageID.ValueString() + " to " + to
}

// claimPackage records that the binding claims its plan, which serves one accelerator; another
// attachment of the plan that claimed it first makes an error on bandwidth_package_id.
func (b plannedBinding) claimPackage(claims *conns.Claims) diag.Diagnostics {
	var diags diag.Diagnostics
	if !known(b.packageID) {
		if known(b.acceleratorID) {
			claims.Claim(claimOfAcceleratorUnknownPlan(b.acceleratorID.ValueString()), b.describe())
		}
		return diags
	}
	if !known(b.acceleratorID) {
		claims.Claim(claimOfUnknownAccelerator, b.describe())
	}
	id := b.packageID.ValueString()
	// (The same binding claimed again is this resource planned once more by a provider instance
	// Terraform did not configure anew, or an identical duplicate, which the apply refuses.)
	if earlier, ok := claims.Claim(claimOfPackage(id), b.describe()); !ok {
		diags.AddAttributeError(packageIDPath, "Bandwidth plan bound twice in this configuration",
			fmt.Sprintf("Another alibabacloud_ga_bandwidth_package_attachment of this configuration, %s, binds bandwidth "+
				"plan %s too, and a plan serves one accelerator, so the apply would fail half-way. Keep one "+
				"alibabacloud_ga_bandwidth_package_attachment per bandwidth plan: bind another plan here, or remove one of "+
				"the two.", earlier, id))
	}
	return diags
}

// check applies the API's binding rules to what it shows of the plan and the accelerator, and
// records the binding's place on the accelerator (one plan of each type) in claims.
func (b plannedBinding) check(now time.Time, claims *conns.Claims) diag.Diagnostics {
	var diags diag.Diagnostics
	if b.pkg != nil {
		diags.Append(b.checkPackage(now)...)
	}
	if b.pkg != nil && b.acc != nil {
		diags.Append(b.checkAccelerator(claims)...)
	}
	return diags
}

// checkPackage refuses a plan that cannot be bound: unpaid, or bound to an accelerator.
func (b plannedBinding) checkPackage(now time.Time) diag.Diagnostics {
	var diags diag.Diagnostics
	id := b.pkg.BandwidthPackageId
	if billingOf(b.pkg, now).unpaid {
		diags.AddAttributeError(packageIDPath, "GA bandwidth plan awaits payment", unpaidBindingDetail(id))
		return diags
	}
	for _, bound := range b.pkg.Accelerators {
		if b.releasedBinding(id, bound) {
			continue
		}
		if known(b.acceleratorID) && bound == b.acceleratorID.ValueString() {
			diags.AddAttributeError(packageIDPath, "Binding exists already",
				fmt.Sprintf("Bandwidth plan %s is bound to accelerator %s already. If another "+
					"alibabacloud_ga_bandwidth_package_attachment of this configuration holds this binding (one renamed "+
					"in this change, for example), keep that one, or use a moved block instead of a new resource; if "+
					"it was bound outside Terraform, import it: terraform import <address> %s.",
					id, bound, attachmentID(id, bound)))
			continue
		}
		diags.AddAttributeError(packageIDPath, "Bandwidth plan bound to another accelerator",
			fmt.Sprintf("Bandwidth plan %s is bound to accelerator %s, and a plan serves one accelerator. Unbind it "+
				"from %s first (remove the alibabacloud_ga_bandwidth_package_attachment that binds it, in an earlier "+
				"apply, or unbind it in the console), or set bandwidth_package_id to a plan that is not bound.", id, bound, bound))
	}
	return diags
}

// checkAccelerator refuses a plan the accelerator cannot take: a second Basic (or CrossDomain)
// plan, or a CrossDomain plan without a Basic one; it claims the accelerator's place for the
// plan's type.
func (b plannedBinding) checkAccelerator(claims *conns.Claims) diag.Diagnostics {
	var diags diag.Diagnostics
	id, accID, typ := b.pkg.BandwidthPackageId, b.acc.AcceleratorId, b.pkg.Type
	has := map[string]string{
		packageTypeBasic:       b.acc.BasicBandwidthPackage.InstanceId,
		packageTypeCrossDomain: b.acc.CrossDomainBandwidthPackage.InstanceId,
	}
	if other := has[typ]; other != "" && other != id && !b.releasedBinding(other, accID) {
		diags.AddAttributeError(acceleratorIDPath, "Accelerator has a "+typ+" bandwidth plan already",
			fmt.Sprintf("Accelerator %s has the %s bandwidth plan %s bound, and an accelerator takes one %s plan; "+
				"bandwidth plan %s is %s too. Change the bandwidth of %s instead, or unbind it first (in an earlier "+
				"apply), or bind %s to another accelerator.", accID, typ, other, typ, id, typ, other, id))
		return diags
	}
	if earlier, ok := claims.Claim(claimOfAcceleratorType(accID, typ), b.describe()); !ok {
		diags.AddAttributeError(acceleratorIDPath, "Two "+typ+" bandwidth plans for one accelerator",
			fmt.Sprintf("Another alibabacloud_ga_bandwidth_package_attachment of this configuration, %s, gives accelerator "+
				"%s its %s plan, and an accelerator takes one %s plan; bandwidth plan %s is %s too, so the apply would fail "+
				"half-way. Bind one of the two plans to another accelerator, or remove one attachment.", earlier, accID, typ, typ, id, typ))
		return diags
	}
	if typ == packageTypeCrossDomain && !b.basicPlanFor(accID, has[packageTypeBasic], claims) {
		diags.AddAttributeError(packageIDPath, "CrossDomain plan needs a Basic plan on the accelerator",
			fmt.Sprintf("Bandwidth plan %s is a CrossDomain plan, and the API binds a CrossDomain plan only to an "+
				"accelerator that has a Basic plan bound; accelerator %s has none, and no attachment planned before "+
				"this one binds one. Bind a Basic plan to %s first: with another alibabacloud_ga_bandwidth_package_attachment "+
				"that this one lists in depends_on, or in an earlier apply.", id, accID, accID))
	}
	return diags
}

// basicPlanFor reports whether the accelerator will have a Basic plan when a CrossDomain one is
// bound: it has one (not released by this replacement), or an attachment planned earlier in
// this configuration binds one (or a plan whose type is known only at apply, or binds to an
// accelerator known only at apply: then it may).
func (b plannedBinding) basicPlanFor(accID, basic string, claims *conns.Claims) bool {
	if basic != "" && !b.releasedBinding(basic, accID) {
		return true
	}
	for _, key := range []string{claimOfAcceleratorType(accID, packageTypeBasic), claimOfAcceleratorUnknownPlan(accID), claimOfUnknownAccelerator} {
		if _, claimed := claims.Holder(key); claimed {
			return true
		}
	}
	return false
}

// releasedBinding reports whether the binding of packageID to acceleratorID is the one this
// plan replaces, undone before the new one is made.
func (b plannedBinding) releasedBinding(packageID, acceleratorID string) bool {
	return b.releases != nil && b.releases.BandwidthPackageID.ValueString() == packageID &&
		b.releases.AcceleratorID.ValueString() == acceleratorID
}

// unpaidBindingDetail explains that plan id cannot be bound before its order is paid.
func unpaidBindingDetail(id string) string {
	return fmt.Sprintf("Bandwidth plan %s is a Subscription whose order is not paid yet (status \"init\"), and the "+
		"API refuses to bind it until it is paid; waiting does not help. Pay the order in the Alibaba Cloud Order "+
		"Center (%s), then plan again. To have new plans paid at once, set auto_pay = true on "+
		"alibabacloud_ga_bandwidth_package.", id, orderCenterURL)
}
