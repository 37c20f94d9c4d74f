package ga

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/conns"
	fwtypes "terraform-provider-alibabacloud/internal/framework/types"
	"terraform-provider-alibabacloud/internal/framework/validators"
)

// ConfigValidators implements resource.ResourceWithConfigValidators: the cross-attribute
// rules of CreateBandwidthPackage, checked offline at terraform validate.
func (r *bandwidthPackageResource) ConfigValidators(context.Context) []resource.ConfigValidator {
	return bandwidthPackageConfigValidators()
}

// bandwidthPackageConfigValidators lists the cross-attribute rules.
func bandwidthPackageConfigValidators() []resource.ConfigValidator {
	return []resource.ConfigValidator{
		validators.RequiredWhen("bandwidth_type", "type", "", packageTypeBasic),
		validators.AllowedOnlyWhen("cbn_geographic_region_ida", "type", "", packageTypeCrossDomain),
		validators.AllowedOnlyWhen("cbn_geographic_region_idb", "type", "", packageTypeCrossDomain),
		validators.AllowedOnlyWhen("duration", "payment_type", paymentTypeSubscription, paymentTypeSubscription),
		validators.AllowedOnlyWhen("pricing_cycle", "payment_type", paymentTypeSubscription, paymentTypeSubscription),
		validators.AllowedOnlyWhen("billing_type", "payment_type", paymentTypeSubscription, paymentTypePayAsYouGo),
		validators.RequiredWhen("ratio", "billing_type", "", billingTypePayBY95, billingTypePayBy95Official),
		validators.AllowedOnlyWhen("ratio", "billing_type", "", billingTypePayBY95, billingTypePayBy95Official),
		validators.AllowedOnlyWhen("renewal_status", "payment_type", paymentTypeSubscription, paymentTypeSubscription),
		validators.AllowedOnlyWhen("auto_renew_duration", "payment_type", paymentTypeSubscription, paymentTypeSubscription),
		durationRange{},
	}
}

// ModifyPlan implements resource.ResourceWithModifyPlan: the update rules of the API page,
// enforced before any call, and warnings about what an apply will leave behind.
func (r *bandwidthPackageResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	var plan, state bandwidthPackageModel
	if !req.Plan.Raw.IsNull() {
		resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	}
	if !req.State.Raw.IsNull() {
		resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	switch {
	case req.Plan.Raw.IsNull():
		warnDestroy(state, &resp.Diagnostics)
	case req.State.Raw.IsNull():
		checkPurchase(plan, &resp.Diagnostics)
		r.warnCreate(plan, &resp.Diagnostics)
	case forcesReplacement(plan, state):
		// Terraform replaces the plan: a new one is bought, so the update rules do not apply,
		// while what destroy and create warn about does.
		checkPurchase(plan, &resp.Diagnostics)
		warnDestroy(state, &resp.Diagnostics)
		r.warnCreate(plan, &resp.Diagnostics)
	case state.billing(time.Now()).unpaid:
		resp.Diagnostics.Append(checkUnpaidUnchanged(plan, state)...)
		warnPurchaseOptionsChanged(plan, state, &resp.Diagnostics)
	default:
		prior, planned := state.updateSettings(), plan.updateSettings()
		resp.Diagnostics.Append(checkUpdate(prior, planned)...)
		if !resp.Diagnostics.HasError() {
			resp.Diagnostics.Append(r.checkDowngradeFloor(ctx, plan, state)...)
		}
		if state.billing(time.Now()).upgradeAwaitsPayment(prior, planned, plan.AutoPay) {
			resp.Diagnostics.AddAttributeWarning(path.Root("auto_pay"), "Subscription upgrade will be ordered unpaid",
				"auto_pay is not true, so this upgrade of a Subscription plan ("+describeChanges(plannedChanges(prior, planned))+
					") creates an unpaid order: it takes effect only once you pay it in the Alibaba Cloud Order Center. "+
					"The apply ends with an error that says so, and the state keeps the values in effect until then. "+
					"Set auto_pay = true to pay automatically.")
		}
		warnPurchaseOptionsChanged(plan, state, &resp.Diagnostics)
	}
}

// checkDowngradeFloor refuses to lower a bound Basic plan below the bandwidth its accelerators'
// acceleration regions are given (ListIpSets), naming them. The plan's accelerators are read
// from the API, not the state, which a plan with -refresh=false has not refreshed. When they
// cannot be read (the provider not configured yet, or the read refused), the plan goes on,
// with a warning in the second case: the API checks at apply.
func (r *bandwidthPackageResource) checkDowngradeFloor(ctx context.Context, plan, state bandwidthPackageModel) diag.Diagnostics {
	var diags diag.Diagnostics
	if !r.Configured() || state.Type.ValueString() != packageTypeBasic || !known(plan.Bandwidth) ||
		plan.Bandwidth.ValueInt64() >= state.Bandwidth.ValueInt64() {
		return diags
	}
	id, bandwidth := state.ID.ValueString(), plan.Bandwidth.ValueInt64()
	unchecked := func(what string, err error) {
		diags.AddAttributeWarning(path.Root("bandwidth"), "Acceleration regions not checked",
			fmt.Sprintf("The plan lowers bandwidth to %d Mbps, but %s could not be read, so the plan cannot tell whether "+
				"the acceleration regions the plan must cover allow it; the API checks at apply. %s",
				bandwidth, what, conns.Explain(err, advice)))
	}
	bp, err := findBandwidthPackageByID(ctx, r.API(), id)
	if err != nil {
		unchecked("bandwidth plan "+id, err)
		return diags
	}
	for _, accelerator := range bp.Accelerators {
		a, err := findAllocation(ctx, r.API(), accelerator)
		if err != nil {
			unchecked("the acceleration regions of accelerator "+accelerator+" (ListIpSets)", err)
			continue
		}
		diags.Append(checkCoversAllocation(path.Root("bandwidth"), id, bandwidth, a)...)
	}
	return diags
}

// checkUnpaidUnchanged refuses any change the API would be sent for a Subscription whose order
// is not paid (state init): the API refuses every change until it is paid, and only paying
// helps, which the plan can say before anything is sent.
func checkUnpaidUnchanged(plan, state bandwidthPackageModel) diag.Diagnostics {
	var diags diag.Diagnostics
	id := state.ID.ValueString()
	update, _ := expandUpdateRequest(id, plan, state)
	if update == nil {
		return diags
	}
	attribute := "bandwidth_package_name"
	switch {
	case !plan.Bandwidth.Equal(state.Bandwidth):
		attribute = "bandwidth"
	case known(plan.BandwidthType) && !plan.BandwidthType.Equal(state.BandwidthType):
		attribute = "bandwidth_type"
	case known(plan.Description) && !plan.Description.Equal(state.Description):
		attribute = "description"
	}
	diags.AddAttributeError(path.Root(attribute), "GA bandwidth plan awaits payment",
		fmt.Sprintf("Bandwidth plan %s is a Subscription whose order is not paid yet (status \"init\"), and the API "+
			"refuses every change to it until the order is paid, so %s cannot change now. Pay the order in the Alibaba "+
			"Cloud Order Center (%s), then plan again: the refresh shows the plan active and the change can be made. "+
			"Until then keep %s as it is (auto_pay applies to new orders only: it cannot pay this one).",
			id, attribute, orderCenterURL, attribute))
	return diags
}

// warnDestroy warns, when a paid Subscription that has not expired is planned for
// destruction, that it only leaves the state. (An unpaid order, in state init, is canceled,
// and an expired plan deleted.)
func warnDestroy(state bandwidthPackageModel, diags *diag.Diagnostics) {
	if state.billing(time.Now()).inForce() {
		diags.AddWarning("Subscription bandwidth plan will only leave the state",
			fmt.Sprintf("%s is a Subscription plan, which cannot be deleted before it expires. Destroying it removes "+
				"it from the Terraform state only; it stays billed until it expires (expired_time %s).",
				state.ID.ValueString(), describeTime(state.ExpiredTime.ValueString())))
	}
}

// checkPurchase refuses a plan to buy without what buying it takes: a Subscription needs a
// duration. It is not a config validator because a plan that exists needs none (the API does
// not report it): one imported, or generated by terraform query, plans with duration unset.
func checkPurchase(plan bandwidthPackageModel, diags *diag.Diagnostics) {
	if plan.PaymentType.ValueString() == paymentTypeSubscription && plan.Duration.IsNull() {
		diags.AddAttributeError(path.Root("duration"), "Missing duration",
			`duration is required when payment_type is "Subscription" and a plan is bought: set how many units of `+
				`pricing_cycle (months by default) to subscribe for, for example duration = 1.`)
	}
}

// warnCreate warns, when a Subscription is planned without automatic payment, that it will be
// an unpaid order, and notes it in the plan's claims: an attachment of the same plan whose
// bandwidth_package_id is known only at apply may be meant for it, and would be refused then.
func (r *bandwidthPackageResource) warnCreate(plan bandwidthPackageModel, diags *diag.Diagnostics) {
	if plan.billing(time.Now()).purchaseAwaitsPayment(plan.AutoPay) {
		r.Claims().Claim(claimOfUnpaidPurchase, "a Subscription bought without automatic payment")
		diags.AddAttributeWarning(path.Root("auto_pay"), "Subscription will be created unpaid",
			"auto_pay is not true, so buying this Subscription plan creates an unpaid order: the plan stays in "+
				"state \"init\" until you pay the order in the Alibaba Cloud Order Center. Set auto_pay = true to pay "+
				"automatically.")
	}
}

// warnPurchaseOptionsChanged warns that a change of a purchase option is saved but sent nowhere.
func warnPurchaseOptionsChanged(plan, state bandwidthPackageModel, diags *diag.Diagnostics) {
	for _, option := range []struct {
		name    string
		changed bool
	}{
		{"duration", !plan.Duration.Equal(state.Duration)},
		{"pricing_cycle", !plan.PricingCycle.Equal(state.PricingCycle)},
		{"promotion_option_no", !plan.PromotionOptionNo.Equal(state.PromotionOptionNo)},
	} {
		if option.changed {
			diags.AddAttributeWarning(path.Root(option.name), "Purchase option has no effect on an existing plan",
				option.name+" is used only when the bandwidth plan is bought; the change is saved in the state but "+
					"nothing is sent to the cloud.")
		}
	}
}

// direction says which way one change moves a bandwidth plan's price.
type direction int

// Directions of a change.
const (
	unchanged direction = iota
	upgrade
	downgrade
)

// String implements fmt.Stringer.
func (d direction) String() string {
	switch d {
	case upgrade:
		return "upgrade"
	case downgrade:
		return "downgrade"
	default:
		return "unchanged"
	}
}

// change is one attribute's change in an update, with its direction.
type change struct {
	Attribute string
	From, To  string
	Direction direction
}

// bandwidthChange classifies a bandwidth change: more is an upgrade, less a downgrade.
func bandwidthChange(from, to int64) change {
	c := change{Attribute: "bandwidth", From: fmt.Sprint(from), To: fmt.Sprint(to)}
	switch {
	case to > from:
		c.Direction = upgrade
	case to < from:
		c.Direction = downgrade
	}
	return c
}

// bandwidthTypeChange classifies a bandwidth_type change. Only Basic to Enhanced is possible
// in place (an upgrade); allowed is false for every other change.
func bandwidthTypeChange(from, to string) (c change, allowed bool) {
	c = change{Attribute: "bandwidth_type", From: from, To: to}
	switch {
	case from == to:
		return c, true
	case from == bandwidthTypeBasic && to == bandwidthTypeEnhanced:
		c.Direction = upgrade
		return c, true
	default:
		return c, false
	}
}

// mixedDirections reports whether changes hold both an upgrade and a downgrade, which one
// UpdateBandwidthPackage call refuses (UpgradeError.BandwidthPackage).
func mixedDirections(changes []change) bool {
	var up, down bool
	for _, c := range changes {
		up = up || c.Direction == upgrade
		down = down || c.Direction == downgrade
	}
	return up && down
}

// updateSettings are the values the plan-time update rules look at.
type updateSettings struct {
	Bandwidth     fwtypes.Int64
	BandwidthType types.String
}

// updateSettings returns m's values that the update rules look at.
func (m bandwidthPackageModel) updateSettings() updateSettings {
	return updateSettings{Bandwidth: m.Bandwidth, BandwidthType: m.BandwidthType}
}

// replacingValues returns the attributes whose change makes Terraform replace the bandwidth
// plan (those with a RequiresReplace plan modifier; a test keeps the two in step), by name,
// billing_type in the API's spelling, since only a change of billing replaces it.
func (m bandwidthPackageModel) replacingValues() map[string]attr.Value {
	return map[string]attr.Value{
		"billing_type": canonicalBillingTypeValue(m.BillingType), "cbn_geographic_region_ida": m.CbnGeographicRegionIDA,
		"cbn_geographic_region_idb": m.CbnGeographicRegionIDB, "payment_type": m.PaymentType,
		"ratio": m.Ratio, "type": m.Type,
	}
}

// forcesReplacement reports whether plan changes, to a known value, an attribute that makes
// Terraform replace the bandwidth plan. The resource's ModifyPlan does not see the attribute
// plan modifiers' verdict, so it works it out itself.
func forcesReplacement(plan, state bandwidthPackageModel) bool {
	prior := state.replacingValues()
	for name, planned := range plan.replacingValues() {
		if !planned.IsUnknown() && !planned.Equal(prior[name]) {
			return true
		}
	}
	return false
}

// checkUpdate applies the API's update rules to a planned change from prior to planned,
// before anything is sent: bandwidth_type only from Basic to Enhanced, and one update either
// all upgrades or all downgrades. Unknown values are judged when they become known (the plan
// is made again at apply time).
func checkUpdate(prior, planned updateSettings) diag.Diagnostics {
	var diags diag.Diagnostics
	if known(planned.BandwidthType) && known(prior.BandwidthType) {
		c, allowed := bandwidthTypeChange(prior.BandwidthType.ValueString(), planned.BandwidthType.ValueString())
		if !allowed {
			diags.AddAttributeError(path.Root("bandwidth_type"), "bandwidth_type cannot change this way",
				fmt.Sprintf("bandwidth_type can only change from %q to %q in place; the API refuses a change from %q to %q. "+
					"The provider does not replace the bandwidth plan instead, because a new plan loses the old one's "+
					"accelerator bindings and billing. Keep bandwidth_type = %q, or create a new "+
					"alibabacloud_ga_bandwidth_package with the bandwidth type you want and move the attachments to it.",
					bandwidthTypeBasic, bandwidthTypeEnhanced, c.From, c.To, c.From))
		}
	}
	changes := plannedChanges(prior, planned)
	if mixedDirections(changes) {
		diags.AddAttributeError(path.Root("bandwidth"), "Upgrade and downgrade in one update",
			"A bandwidth plan update must be either all upgrades or all downgrades "+
				"(the API answers UpgradeError.BandwidthPackage otherwise), and this plan has both: "+
				describeChanges(changes)+". Apply the two in two steps: first apply the upgrades alone "+
				"(keep the other values as they are), then apply the downgrades.")
	}
	return diags
}

// plannedChanges classifies the changes from prior to planned whose values are both known.
func plannedChanges(prior, planned updateSettings) []change {
	var changes []change
	if known(planned.BandwidthType) && known(prior.BandwidthType) {
		c, _ := bandwidthTypeChange(prior.BandwidthType.ValueString(), planned.BandwidthType.ValueString())
		changes = append(changes, c)
	}
	if known(planned.Bandwidth) && known(prior.Bandwidth) {
		changes = append(changes, bandwidthChange(prior.Bandwidth.ValueInt64(), planned.Bandwidth.ValueInt64()))
	}
	return changes
}

// describeChanges renders changes as "bandwidth 100 -> 50 (downgrade), ...".
func describeChanges(changes []change) string {
	var parts []string
	for _, c := range changes {
		if c.Direction != unchanged {
			parts = append(parts, fmt.Sprintf("%s %s -> %s (%s)", c.Attribute, c.From, c.To, c.Direction))
		}
	}
	return strings.Join(parts, ", ")
}

// durationRange is a config validator checking duration against the range its pricing_cycle
// allows: 1 to 9 months or 1 to 3 years.
type durationRange struct{}

var _ resource.ConfigValidator = durationRange{}

// Description implements resource.ConfigValidator.
func (durationRange) Description(context.Context) string {
	return fmt.Sprintf("duration is 1 to %d when pricing_cycle is %s, 1 to %d when it is %s",
		durationMonthMax, pricingCycleMonth, durationYearMax, pricingCycleYear)
}

// MarkdownDescription implements resource.ConfigValidator.
func (d durationRange) MarkdownDescription(ctx context.Context) string { return d.Description(ctx) }

// ValidateResource implements resource.ConfigValidator.
func (durationRange) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	cycle, known := validators.StringOrDefault(ctx, req.Config, "pricing_cycle", pricingCycleMonth, &resp.Diagnostics)
	if !known {
		return
	}
	var duration fwtypes.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("duration"), &duration)...)
	if resp.Diagnostics.HasError() || duration.IsNull() || duration.IsUnknown() {
		return
	}
	limit := int64(durationMonthMax)
	if cycle == pricingCycleYear {
		limit = durationYearMax
	}
	if d := duration.ValueInt64(); d < 1 || d > limit {
		resp.Diagnostics.AddAttributeError(path.Root("duration"), "Invalid subscription duration",
			fmt.Sprintf("duration must be 1 to %d when pricing_cycle is %q, got %d.", limit, cycle, d))
	}
}
