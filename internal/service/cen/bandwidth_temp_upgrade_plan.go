package cen

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/conns"
	fwtypes "terraform-provider-alibabacloud/internal/framework/types"
	"terraform-provider-alibabacloud/internal/framework/validators"
)

// ModifyPlan implements resource.ResourceWithModifyPlan. When the plan would order an upgrade
// (a create, or a change of bandwidth or end_time), it reads the package and enforces the API's
// rules so that plan fails instead of apply; it also fills status and original_bandwidth.
func (r *bandwidthTempUpgradeResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return // destroy: nothing to check
	}
	var plan bandwidthTempUpgradeModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	var prior *bandwidthTempUpgradeModel
	if !req.State.Raw.IsNull() {
		prior = &bandwidthTempUpgradeModel{}
		resp.Diagnostics.Append(req.State.Get(ctx, prior)...)
	}
	if resp.Diagnostics.HasError() {
		return
	}
	id := plan.CenBandwidthPackageID
	if !id.IsUnknown() && !id.IsNull() && r.Configured() {
		if earlier, ok := r.Claims().Claim(claimOfPackage(id.ValueString()), plan.describe()); !ok {
			resp.Diagnostics.AddAttributeError(packageIDPath, "Two temporary upgrades of one CEN bandwidth package",
				fmt.Sprintf("Another alibabacloud_cen_bandwidth_temp_upgrade of this configuration, %s, upgrades CEN bandwidth "+
					"package %s too. A package has one temporary upgrade window and accepts one order at a time, so the apply "+
					"would fail half-way (OperationFailed.OrderIsProcessing), or the two resources would keep overwriting each "+
					"other's window. Keep one alibabacloud_cen_bandwidth_temp_upgrade per package, and change its bandwidth "+
					"and end_time to change the window.", earlier, id.ValueString()))
			return
		}
	}
	if prior != nil && !prior.CenBandwidthPackageID.Equal(id) {
		prior = nil // a replacement plans a new upgrade
	}
	if prior != nil && !plan.Bandwidth.IsUnknown() && !plan.EndTime.IsUnknown() && !upgradeChanged(plan, *prior) {
		return // nothing will be ordered: an unchanged configuration plans clean
	}
	// An upgrade will be ordered: where the cloud ends its window is known only then.
	plan.WindowEndTime = types.StringUnknown()
	resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("window_end_time"), plan.WindowEndTime)...)
	base, checked, diags := checkUpgradeOrder(ctx, r, r.now().UTC(), upgradeOrder{
		packageID: id, bandwidth: plan.Bandwidth, endTime: plan.EndTime, prior: prior,
		// A create, or the update of an order that timed out, takes a window the package
		// already shows for it (see bandwidthTempUpgradeResource.upgrade).
		takesShownWindow: prior == nil || prior.Status.ValueString() == statusPending,
	})
	resp.Diagnostics.Append(diags...)
	if !checked || resp.Diagnostics.HasError() {
		return
	}
	plan.Status = types.StringValue(statusActive)
	plan.OriginalBandwidth = types.Int64Value(base)
	resp.Diagnostics.Append(resp.Plan.Set(ctx, &plan)...)
}

// claimOfPackage is the key of the claim an upgrade records on its package (conns.Claims):
// a package has one temporary upgrade window.
func claimOfPackage(id string) string { return "cen bandwidth package " + id }

// describe names the upgrade m plans, for the messages of other upgrades of its package.
func (m bandwidthTempUpgradeModel) describe() string {
	bandwidth, end := "a bandwidth known only at apply", "a time known only at apply"
	if !m.Bandwidth.IsUnknown() && !m.Bandwidth.IsNull() {
		bandwidth = fmt.Sprintf("%d Mbps", m.Bandwidth.ValueInt64())
	}
	if !m.EndTime.IsUnknown() && !m.EndTime.IsNull() {
		end = m.EndTime.ValueString()
	}
	return fmt.Sprintf("the upgrade to %s until %s", bandwidth, end)
}

// upgradeOrder is an order of a temporary upgrade as planned: by the resource (a create, or a
// change of bandwidth or end_time) or by the action. Its values may be unknown.
type upgradeOrder struct {
	packageID types.String
	bandwidth fwtypes.Int64
	endTime   EndTime
	// prior is the resource's state before this plan; nil for a create, a replacement and the
	// action.
	prior *bandwidthTempUpgradeModel
	// takesShownWindow says that the apply takes a window the package already shows for this
	// order instead of ordering it again (the resource's create).
	takesShownWindow bool
}

// cbnReader is what checkUpgradeOrder needs of a resource or an action: its product client
// (framework.ResourceWithClient and framework.ActionWithClient have these methods).
type cbnReader interface {
	Configured() bool
	API() cbnAPI
	Region() string
}

// checkUpgradeOrder enforces at plan every rule of the API on order o, as of now (UTC). With
// the package known and the provider configured, it reads the package and applies
// checkUpgradePlan; it returns the package's base bandwidth, and checked true. With the package
// unknown until apply, only the time rules apply (the API checks the package at apply).
func checkUpgradeOrder(ctx context.Context, c cbnReader, now time.Time, o upgradeOrder) (base int64, checked bool, diags diag.Diagnostics) {
	if o.packageID.IsUnknown() || o.packageID.IsNull() {
		return 0, false, checkEndTime(upgradePlan{now: now, endTime: o.endTime}, window{})
	}
	if !c.Configured() {
		return 0, false, diags // no provider configured yet: the API checks at apply
	}
	id := o.packageID.ValueString()
	p, err := findBandwidthPackageByID(ctx, c.API(), id)
	if conns.IsNotFound(err) {
		diags.AddAttributeError(packageIDPath, "CEN bandwidth package not found",
			fmt.Sprintf("cen_bandwidth_package_id = %q: no such CEN bandwidth package exists in region %s. Check the "+
				"id (it starts with cenbwp-) and the provider's region, or create the package first.", id, c.Region()))
		return 0, false, diags
	}
	if err != nil {
		addReadError(&diags, id, err)
		return 0, false, diags
	}
	base, diags = checkUpgradePlan(upgradePlan{now: now, pkg: p, bandwidth: o.bandwidth, endTime: o.endTime, prior: o.prior})
	if !diags.HasError() {
		diags.Append(warnOpenWindow(p, o)...)
	}
	return base, true, diags
}

// warnOpenWindow warns when order o would be placed while package p shows an open window,
// which the cloud may refuse (the API pages do not say; the mock's strict reading refuses).
func warnOpenWindow(p *cbn.CenBandwidthPackage, o upgradeOrder) diag.Diagnostics {
	var diags diag.Diagnostics
	w, err := windowOf(p)
	if err != nil || !w.Open || o.bandwidth.IsUnknown() || o.endTime.IsUnknown() {
		return diags
	}
	bandwidth, end := o.bandwidth.ValueInt64(), o.endTime.ValueString()
	if o.takesShownWindow && w.shows(bandwidth, end) {
		return diags // nothing is ordered
	}
	diags.AddAttributeWarning(path.Root("end_time"), "Another temporary upgrade while a window is open",
		openWindowWarning(p.CenBandwidthPackageId, w, bandwidth, end))
	return diags
}

// upgradePlan is what checkUpgradePlan needs to judge a planned upgrade.
type upgradePlan struct {
	// now is the current time in UTC.
	now time.Time
	// pkg is the package as the API shows it now.
	pkg *cbn.CenBandwidthPackage
	// bandwidth and endTime are the planned values (possibly unknown).
	bandwidth fwtypes.Int64
	endTime   EndTime
	// prior is the state before this plan; nil for a create or a replacement.
	prior *bandwidthTempUpgradeModel
}

// checkUpgradePlan applies the API's rules to an upgrade the plan would order. It returns the
// package's base bandwidth (what it returns to after the window) and one diagnostic per broken
// rule, each on the attribute to fix.
func checkUpgradePlan(u upgradePlan) (int64, diag.Diagnostics) {
	var diags diag.Diagnostics
	p := u.pkg

	if strings.EqualFold(p.BandwidthPackageChargeType, chargeTypePostpay) {
		diags.AddAttributeError(packageIDPath, "Pay-as-you-go package cannot be upgraded temporarily",
			fmt.Sprintf("cen_bandwidth_package_id = %q is a pay-as-you-go (POSTPAY) bandwidth package; temporary "+
				"upgrades exist only for subscription (PREPAY) packages. Use a subscription package, or change this "+
				"package's bandwidth permanently instead.", p.CenBandwidthPackageId))
	}
	if expiry, ok := packageExpiry(p); ok && !expiry.After(u.now) {
		diags.AddAttributeError(packageIDPath, "Expired package cannot be upgraded temporarily",
			fmt.Sprintf("cen_bandwidth_package_id = %q expired at %s. Renew the package's subscription first, "+
				"then plan again.", p.CenBandwidthPackageId, expiry.Format(endTimeLayout)))
	}
	if p.BusinessStatus != "" && p.BusinessStatus != businessStatusNormal {
		diags.AddAttributeError(packageIDPath, "Locked package cannot be upgraded temporarily",
			fmt.Sprintf("cen_bandwidth_package_id = %q has business status %s: it is locked (FinancialLocked: an "+
				"overdue payment or lapsed subscription; SecurityLocked: a security lock). Settle the payment or "+
				"contact Alibaba Cloud support to unlock it, then plan again.", p.CenBandwidthPackageId, p.BusinessStatus))
	}

	w, err := windowOf(p)
	if err != nil {
		diags.AddError("Unexpected answer from DescribeCenBandwidthPackages", err.Error())
		return 0, diags
	}
	diags.Append(checkBandwidth(u.bandwidth, w)...)
	diags.Append(checkEndTime(u, w)...)
	diags.Append(checkEndTimeInSubscription(u)...)
	return w.BaseBandwidth, diags
}

// packageExpiry returns when p's subscription expires, and false when the API shows no
// (readable) expiry.
func packageExpiry(p *cbn.CenBandwidthPackage) (time.Time, bool) {
	if p.ExpiredTime == "" {
		return time.Time{}, false
	}
	t, err := parseTime(p.ExpiredTime)
	return t, err == nil
}

// packageIDPath is the path of cen_bandwidth_package_id, for diagnostics.
var packageIDPath = path.Root("cen_bandwidth_package_id")

// checkBandwidth applies the upgrade-only rules to a planned bandwidth.
func checkBandwidth(bandwidth fwtypes.Int64, w window) diag.Diagnostics {
	var diags diag.Diagnostics
	if bandwidth.IsUnknown() || bandwidth.IsNull() {
		return diags
	}
	bw := bandwidth.ValueInt64()
	bwPath := path.Root("bandwidth")
	switch {
	case bw <= w.BaseBandwidth && w.BaseBandwidth >= maxBandwidth:
		diags.AddAttributeError(packageIDPath, "Package at the highest bandwidth cannot be upgraded temporarily",
			fmt.Sprintf("The package's base bandwidth is %d Mbps, and a temporary upgrade must raise it, but %d Mbps is "+
				"the most a temporary upgrade allows: this package cannot be upgraded temporarily. Remove this resource, "+
				"or set cen_bandwidth_package_id to a package below %d Mbps.", w.BaseBandwidth, maxBandwidth, maxBandwidth))
	case bw <= w.BaseBandwidth:
		diags.AddAttributeError(bwPath, "bandwidth must exceed the package's base bandwidth",
			fmt.Sprintf("bandwidth = %d does not exceed the package's base bandwidth of %d Mbps. A temporary upgrade "+
				"can only raise the bandwidth: set bandwidth to at least %d (and at most %d).",
				bw, w.BaseBandwidth, w.BaseBandwidth+1, maxBandwidth))
	case w.Open && bw < w.Bandwidth:
		diags.AddAttributeError(bwPath, "bandwidth cannot be lowered while the upgrade window is open",
			fmt.Sprintf("bandwidth = %d is lower than the %d Mbps the package has in its temporary upgrade window, "+
				"open until %s. An open window can be raised but not lowered: keep bandwidth at %d or more, or wait "+
				"until %s, when the package returns to %d Mbps, and then plan a new window.",
				bw, w.Bandwidth, w.EndTime, w.Bandwidth, w.EndTime, w.BaseBandwidth))
	}
	return diags
}

// checkEndTime applies the time rules to the end_time an upgrade would be ordered with: a new
// or changed end_time must be at least minUpgradeInterval ahead; an unchanged one is sent again
// only when bandwidth changes, which needs an open window with that much time left.
func checkEndTime(u upgradePlan, w window) diag.Diagnostics {
	var diags diag.Diagnostics
	if u.endTime.IsUnknown() || u.endTime.IsNull() {
		return diags
	}
	end, err := parseTime(u.endTime.ValueString())
	if err != nil {
		return diags // the format validator reports it
	}
	etPath := path.Root("end_time")
	earliest := u.now.Add(minUpgradeInterval).Truncate(time.Minute).Add(time.Minute).Format(endTimeLayout)
	given := u.endTime.ValueString()
	changed := u.prior == nil || !sameMinute(given, u.prior.EndTime.ValueString())
	switch {
	case changed && !end.After(u.now):
		diags.AddAttributeError(etPath, "end_time is in the past",
			fmt.Sprintf("end_time = %q is in the past (it is now %s UTC). Set end_time to when the upgrade should "+
				"end, at least 3 hours from now: %s or later.", given, u.now.Format(endTimeLayout), earliest))
	case changed && end.Before(u.now.Add(minUpgradeInterval)):
		diags.AddAttributeError(etPath, "end_time is less than 3 hours away",
			fmt.Sprintf("end_time = %q is only %s from now; a temporary upgrade lasts at least 3 hours. Set end_time "+
				"to %s or later.", given, end.Sub(u.now).Round(time.Minute), earliest))
	case !changed && !w.Open:
		diags.AddAttributeError(etPath, "The upgrade window has ended: set a new end_time",
			fmt.Sprintf("bandwidth changed, but the window that ended at %s cannot be changed any more. Set a new "+
				"end_time, %s or later, to start a new window with bandwidth %d.", given, earliest, u.bandwidth.ValueInt64()))
	case !changed && end.Before(u.now.Add(minUpgradeInterval)):
		diags.AddAttributeError(etPath, "end_time is less than 3 hours away",
			fmt.Sprintf("Changing bandwidth orders a new upgrade, which must last at least 3 hours, but end_time = %q "+
				"is only %s from now. Move end_time to %s or later along with the bandwidth change.",
				given, end.Sub(u.now).Round(time.Minute), earliest))
	}
	return diags
}

// checkEndTimeInSubscription refuses a window that would outlast the package's subscription.
func checkEndTimeInSubscription(u upgradePlan) diag.Diagnostics {
	var diags diag.Diagnostics
	expiry, ok := packageExpiry(u.pkg)
	if !ok || u.endTime.IsUnknown() || u.endTime.IsNull() || !expiry.After(u.now) {
		return diags // no expiry, unknown end_time, or already reported as expired
	}
	end, err := parseTime(u.endTime.ValueString())
	if err != nil || !end.After(expiry) {
		return diags
	}
	diags.AddAttributeError(path.Root("end_time"), "end_time is after the package expires",
		fmt.Sprintf("end_time = %q is after the subscription of CEN bandwidth package %s expires (%s); a "+
			"temporary upgrade must end within the subscription. Set end_time to %s or earlier, or renew the "+
			"package first.", u.endTime.ValueString(), u.pkg.CenBandwidthPackageId,
			expiry.Format(endTimeLayout), expiry.Format(endTimeLayout)))
	return diags
}

// endTimePattern is the exact shape TempUpgradeCenBandwidthPackageSpec takes for EndTime.
var endTimePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$`)

// endTimeFormat validates that a string is a real UTC time written exactly YYYY-MM-DDThh:mm:ssZ.
var endTimeFormat = validators.StringCheck("value must be a UTC time written YYYY-MM-DDThh:mm:ssZ",
	func(p path.Path, value string) (string, string) {
		if msg := checkEndTimeFormat(value); msg != "" {
			return "Invalid end_time format", fmt.Sprintf("%s = %s: %s", p, validators.Shorten(value), msg)
		}
		return "", ""
	})

// checkEndTimeFormat returns what is wrong with s as an EndTime, or "" when nothing is.
func checkEndTimeFormat(s string) string {
	example := time.Now().UTC().Add(24 * time.Hour).Truncate(time.Hour).Format(endTimeLayout)
	if !endTimePattern.MatchString(s) {
		return fmt.Sprintf("write the end of the window in UTC exactly as YYYY-MM-DDThh:mm:ssZ, "+
			"with seconds and a trailing Z and no offset or fraction, for example %q.", example)
	}
	if _, err := time.Parse(endTimeLayout, s); err != nil {
		return fmt.Sprintf("this is not a real date and time (%v); give an existing UTC time "+
			"such as %q.", err, example)
	}
	return ""
}
