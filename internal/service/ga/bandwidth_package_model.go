package ga

import (
	"context"
	"fmt"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/conns"
	fwtypes "terraform-provider-alibabacloud/internal/framework/types"
)

// bandwidthPackageModel is the resource's data.
type bandwidthPackageModel struct {
	Accelerators           types.Set        `tfsdk:"accelerators"`
	AutoPay                types.Bool       `tfsdk:"auto_pay"`
	AutoRenewDuration      fwtypes.Int64    `tfsdk:"auto_renew_duration"`
	AutoUseCoupon          types.Bool       `tfsdk:"auto_use_coupon"`
	Bandwidth              fwtypes.Int64    `tfsdk:"bandwidth"`
	BandwidthPackageName   types.String     `tfsdk:"bandwidth_package_name"`
	BandwidthType          types.String     `tfsdk:"bandwidth_type"`
	BillingType            billingTypeValue `tfsdk:"billing_type"`
	CbnGeographicRegionIDA types.String     `tfsdk:"cbn_geographic_region_ida"`
	CbnGeographicRegionIDB types.String     `tfsdk:"cbn_geographic_region_idb"`
	CreateTime             types.String     `tfsdk:"create_time"`
	Description            types.String     `tfsdk:"description"`
	Duration               fwtypes.Int64    `tfsdk:"duration"`
	ExpiredTime            types.String     `tfsdk:"expired_time"`
	ID                     types.String     `tfsdk:"id"`
	PaymentType            types.String     `tfsdk:"payment_type"`
	PricingCycle           types.String     `tfsdk:"pricing_cycle"`
	PromotionOptionNo      types.String     `tfsdk:"promotion_option_no"`
	Ratio                  fwtypes.Int64    `tfsdk:"ratio"`
	RenewalStatus          types.String     `tfsdk:"renewal_status"`
	ResourceGroupID        types.String     `tfsdk:"resource_group_id"`
	Status                 types.String     `tfsdk:"status"`
	Tags                   types.Map        `tfsdk:"tags"`
	Timeouts               timeouts.Value   `tfsdk:"timeouts"`
	Type                   types.String     `tfsdk:"type"`
}

// expandCreateRequest builds CreateBandwidthPackage from the plan, with a fresh ClientToken.
func expandCreateRequest(plan bandwidthPackageModel) *gasdk.CreateBandwidthPackageRequest {
	req := gasdk.CreateCreateBandwidthPackageRequest()
	req.ClientToken = conns.NewClientToken()
	req.Bandwidth = requests.NewInteger64(plan.Bandwidth.ValueInt64())
	req.Type = plan.Type.ValueString()
	req.BandwidthType = plan.BandwidthType.ValueString()
	if req.Type == packageTypeCrossDomain {
		// The only areas the API offers, sent when the configuration leaves them out.
		req.CbnGeographicRegionIdA, req.CbnGeographicRegionIdB = geographicRegionChinaMainland, geographicRegionGlobal
		if known(plan.CbnGeographicRegionIDA) {
			req.CbnGeographicRegionIdA = plan.CbnGeographicRegionIDA.ValueString()
		}
		if known(plan.CbnGeographicRegionIDB) {
			req.CbnGeographicRegionIdB = plan.CbnGeographicRegionIDB.ValueString()
		}
	}
	if known(plan.AutoPay) {
		req.AutoPay = requests.NewBoolean(plan.AutoPay.ValueBool())
	}
	if known(plan.AutoUseCoupon) {
		req.AutoUseCoupon = fmt.Sprint(plan.AutoUseCoupon.ValueBool())
	}
	// The SDK's request has neither ResourceGroupId nor Tag.N, which the API takes.
	if known(plan.ResourceGroupID) {
		req.QueryParams["ResourceGroupId"] = plan.ResourceGroupID.ValueString()
	}
	for i, tag := range plan.tagList() {
		req.QueryParams[fmt.Sprintf("Tag.%d.Key", i+1)] = tag.Key
		req.QueryParams[fmt.Sprintf("Tag.%d.Value", i+1)] = tag.Value
	}
	if known(plan.PromotionOptionNo) {
		req.PromotionOptionNo = plan.PromotionOptionNo.ValueString()
	}
	if plan.PaymentType.ValueString() == paymentTypePayAsYouGo {
		req.ChargeType = chargeTypePostpay
		req.BillingType = canonicalBillingTypeValue(plan.BillingType).ValueString()
		if known(plan.Ratio) {
			req.Ratio = requests.NewInteger64(plan.Ratio.ValueInt64())
		}
		return req
	}
	req.ChargeType = chargeTypePrepay
	req.PricingCycle = pricingCycleMonth
	if known(plan.PricingCycle) {
		req.PricingCycle = plan.PricingCycle.ValueString()
	}
	if known(plan.Duration) {
		req.Duration = fmt.Sprint(plan.Duration.ValueInt64())
	}
	// Auto-renewal is part of the order (the SDK's request lacks the API's AutoRenew and
	// AutoRenewDuration); other renewal settings are set once the plan is active.
	if plan.RenewalStatus.ValueString() == renewalAuto {
		req.QueryParams["AutoRenew"] = "true"
		if known(plan.AutoRenewDuration) {
			req.QueryParams["AutoRenewDuration"] = fmt.Sprint(plan.AutoRenewDuration.ValueInt64())
		}
	}
	return req
}

// expandUpdateRequest builds UpdateBandwidthPackage with only what changed from state to plan.
// It returns nil when nothing the API knows changed; async is true when bandwidth or
// bandwidth_type changed.
func expandUpdateRequest(id string, plan, state bandwidthPackageModel) (req *gasdk.UpdateBandwidthPackageRequest, async bool) {
	req = gasdk.CreateUpdateBandwidthPackageRequest()
	req.BandwidthPackageId = id
	changed := false
	if known(plan.BandwidthPackageName) && !plan.BandwidthPackageName.Equal(state.BandwidthPackageName) {
		req.Name, changed = plan.BandwidthPackageName.ValueString(), true
	}
	if known(plan.Description) && !plan.Description.Equal(state.Description) {
		req.Description, changed = plan.Description.ValueString(), true
		if req.Description == "" {
			// The SDK leaves empty fields out; an explicit empty value clears the description.
			req.QueryParams["Description"] = ""
		}
	}
	if !plan.Bandwidth.Equal(state.Bandwidth) {
		req.Bandwidth, async = requests.NewInteger64(plan.Bandwidth.ValueInt64()), true
	}
	if known(plan.BandwidthType) && !plan.BandwidthType.Equal(state.BandwidthType) {
		req.BandwidthType, async = plan.BandwidthType.ValueString(), true
	}
	if !changed && !async {
		return nil, false
	}
	if async {
		// Payment options matter only when the change is billed.
		if known(plan.AutoPay) {
			req.AutoPay = requests.NewBoolean(plan.AutoPay.ValueBool())
		}
		if known(plan.AutoUseCoupon) {
			req.AutoUseCoupon = requests.NewBoolean(plan.AutoUseCoupon.ValueBool())
		}
	}
	return req, async
}

// known reports whether a value is neither null nor unknown.
func known(v attr.Value) bool {
	return !v.IsNull() && !v.IsUnknown()
}

// flatten sets the attributes the API reports; the purchase options it does not report
// (auto_pay, auto_use_coupon, duration, pricing_cycle) keep their values.
func (m *bandwidthPackageModel) flatten(ctx context.Context, bp *gasdk.DescribeBandwidthPackageResponse) diag.Diagnostics {
	accelerators, diags := types.SetValueFrom(ctx, types.StringType, append([]string{}, bp.Accelerators...))
	m.Accelerators = accelerators
	m.Bandwidth = fwtypes.Int64Value(int64(bp.Bandwidth))
	m.BandwidthPackageName = types.StringValue(bp.Name)
	m.BandwidthType = stringOrNull(bp.BandwidthType)
	m.BillingType = billingTypeOrNull(bp.BillingType)
	m.CbnGeographicRegionIDA = stringOrNull(bp.CbnGeographicRegionIdA)
	m.CbnGeographicRegionIDB = stringOrNull(bp.CbnGeographicRegionIdB)
	m.CreateTime = types.StringValue(formatAPITime(bp.CreateTime))
	m.Description = types.StringValue(bp.Description)
	m.ExpiredTime = types.StringValue(formatAPITime(bp.ExpiredTime))
	m.ID = types.StringValue(bp.BandwidthPackageId)
	m.PaymentType = types.StringValue(paymentTypeOf(bp.ChargeType))
	m.Ratio = fwtypes.Int64Null()
	if bp.Ratio != 0 {
		m.Ratio = fwtypes.Int64Value(int64(bp.Ratio))
	}
	m.ResourceGroupID = stringOrNull(extrasOf(bp).ResourceGroupID)
	if m.AutoUseCoupon.IsNull() {
		// Not reported by the API; unset means false (the schema's default), which an import
		// must show too, or its first plan would set it.
		m.AutoUseCoupon = types.BoolValue(false)
	}
	m.Status = types.StringValue(bp.State)
	m.Type = types.StringValue(bp.Type)
	return diags
}

// tagMap returns the configured tags; an empty map when there are none (null, or unknown).
func (m bandwidthPackageModel) tagMap() map[string]string {
	tags := map[string]string{}
	if !known(m.Tags) {
		return tags
	}
	for key, value := range m.Tags.Elements() {
		if s, ok := value.(types.String); ok && !s.IsUnknown() {
			tags[key] = s.ValueString()
		}
	}
	return tags
}

// tagList returns the configured tags sorted by key, as Tag.N lists them.
func (m bandwidthPackageModel) tagList() []apiTag {
	_, tags := tagChanges(nil, m.tagMap())
	return tags
}

// flattenTags sets the tags the API shows. A plan without tags keeps what the configuration
// said of none (null, or an empty map), so that neither shows a difference.
func (m *bandwidthPackageModel) flattenTags(ctx context.Context, tags map[string]string) diag.Diagnostics {
	if len(tags) == 0 && (m.Tags.IsNull() || len(m.Tags.Elements()) == 0) && !m.Tags.IsUnknown() {
		return nil
	}
	var diags diag.Diagnostics
	m.Tags, diags = types.MapValueFrom(ctx, types.StringType, tags)
	return diags
}

// flattenRenewal sets how a Subscription renews, as DescribeBandwidthPackageAutoRenewAttribute
// shows it. A duration of 0 (never set) is null.
func (m *bandwidthPackageModel) flattenRenewal(renewal *describeAutoRenewResponse) {
	m.RenewalStatus = stringOrNull(renewal.RenewalStatus)
	m.AutoRenewDuration = fwtypes.Int64Null()
	if renewal.AutoRenewDuration != 0 {
		m.AutoRenewDuration = fwtypes.Int64Value(int64(renewal.AutoRenewDuration))
	}
}

// expandRenewalRequest builds UpdateBandwidthPackagaAutoRenewAttribute when the renewal settings
// change from state to plan; nil when they do not.
func expandRenewalRequest(id string, plan, state bandwidthPackageModel) *updateAutoRenewRequest {
	statusChanged := known(plan.RenewalStatus) && !plan.RenewalStatus.Equal(state.RenewalStatus)
	durationChanged := known(plan.AutoRenewDuration) && !plan.AutoRenewDuration.Equal(state.AutoRenewDuration)
	if !statusChanged && !durationChanged {
		return nil
	}
	req := &updateAutoRenewRequest{RpcRequest: newGaRequest(actionUpdateAutoRenew), ClientToken: conns.NewClientToken(), InstanceID: id}
	req.RenewalStatus = state.RenewalStatus.ValueString()
	if known(plan.RenewalStatus) {
		req.RenewalStatus = plan.RenewalStatus.ValueString()
	}
	if known(plan.AutoRenewDuration) {
		req.AutoRenewDuration = requests.NewInteger64(plan.AutoRenewDuration.ValueInt64())
	}
	return req
}

// refresh sets what bp, the plan as the API shows it, says of the plan m holds, as a read
// does: flatten, except the name and description of an unpaid plan. Only an update of an
// active plan can set them, and an unpaid one accepts none: they stay as planned, so that plans
// are empty until it is paid (see saveInactiveSubscription).
func (m *bandwidthPackageModel) refresh(ctx context.Context, bp *gasdk.DescribeBandwidthPackageResponse) diag.Diagnostics {
	name, description := m.BandwidthPackageName, m.Description
	diags := m.flatten(ctx, bp)
	if billingOf(bp, time.Now()).unpaid {
		m.BandwidthPackageName, m.Description = name, description
	}
	return diags
}

// nullUnknowns replaces the values still unknown after planning by null, so that a state
// saved before the first read is valid.
func (m *bandwidthPackageModel) nullUnknowns() {
	for _, s := range []*types.String{
		&m.BandwidthPackageName, &m.BandwidthType, &m.CbnGeographicRegionIDA,
		&m.CbnGeographicRegionIDB, &m.CreateTime, &m.Description, &m.ExpiredTime, &m.ResourceGroupID, &m.Status,
	} {
		if s.IsUnknown() {
			*s = types.StringNull()
		}
	}
	if m.Ratio.IsUnknown() {
		m.Ratio = fwtypes.Int64Null()
	}
	if m.BillingType.IsUnknown() {
		m.BillingType = billingTypeOrNull("")
	}
	if m.AutoRenewDuration.IsUnknown() {
		m.AutoRenewDuration = fwtypes.Int64Null()
	}
	if m.RenewalStatus.IsUnknown() {
		m.RenewalStatus = types.StringNull()
	}
	if m.Accelerators.IsUnknown() {
		m.Accelerators = types.SetNull(types.StringType)
	}
	if m.Tags.IsUnknown() {
		m.Tags = types.MapNull(types.StringType)
	}
}

// paymentTypeOf maps the API's ChargeType to payment_type.
func paymentTypeOf(chargeType string) string {
	if chargeType == chargeTypePostpay {
		return paymentTypePayAsYouGo
	}
	return paymentTypeSubscription
}

// stringOrNull returns null for the empty string.
func stringOrNull(s string) types.String {
	if s == "" {
		return types.StringNull()
	}
	return types.StringValue(s)
}
