package ga

import (
	"context"
	"fmt"

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
	Accelerators           types.Set      `tfsdk:"accelerators"`
	AutoPay                types.Bool     `tfsdk:"auto_pay"`
	AutoUseCoupon          types.Bool     `tfsdk:"auto_use_coupon"`
	Bandwidth              fwtypes.Int64  `tfsdk:"bandwidth"`
	BandwidthPackageName   types.String   `tfsdk:"bandwidth_package_name"`
	BandwidthType          types.String   `tfsdk:"bandwidth_type"`
	BillingType            types.String   `tfsdk:"billing_type"`
	CbnGeographicRegionIDA types.String   `tfsdk:"cbn_geographic_region_ida"`
	CbnGeographicRegionIDB types.String   `tfsdk:"cbn_geographic_region_idb"`
	CreateTime             types.String   `tfsdk:"create_time"`
	Description            types.String   `tfsdk:"description"`
	Duration               fwtypes.Int64  `tfsdk:"duration"`
	ExpiredTime            types.String   `tfsdk:"expired_time"`
	ID                     types.String   `tfsdk:"id"`
	PaymentType            types.String   `tfsdk:"payment_type"`
	PricingCycle           types.String   `tfsdk:"pricing_cycle"`
	Ratio                  fwtypes.Int64  `tfsdk:"ratio"`
	Status                 types.String   `tfsdk:"status"`
	Timeouts               timeouts.Value `tfsdk:"timeouts"`
	Type                   types.String   `tfsdk:"type"`
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
	if plan.PaymentType.ValueString() == paymentTypePayAsYouGo {
		req.ChargeType = chargeTypePostpay
		req.BillingType = plan.BillingType.ValueString()
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
	m.BillingType = stringOrNull(bp.BillingType)
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
	m.Status = types.StringValue(bp.State)
	m.Type = types.StringValue(bp.Type)
	return diags
}

// nullUnknowns replaces the values still unknown after planning by null, so that a state
// saved before the first read is valid.
func (m *bandwidthPackageModel) nullUnknowns() {
	for _, s := range []*types.String{
		&m.BandwidthPackageName, &m.BandwidthType, &m.BillingType, &m.CbnGeographicRegionIDA,
		&m.CbnGeographicRegionIDB, &m.CreateTime, &m.Description, &m.ExpiredTime, &m.Status,
	} {
		if s.IsUnknown() {
			*s = types.StringNull()
		}
	}
	if m.Ratio.IsUnknown() {
		m.Ratio = fwtypes.Int64Null()
	}
	if m.Accelerators.IsUnknown() {
		m.Accelerators = types.SetNull(types.StringType)
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
