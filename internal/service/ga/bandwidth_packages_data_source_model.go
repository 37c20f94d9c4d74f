package ga

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/framework"
)

// bandwidthPackageFilterModel holds the filters of the data source, which are also the whole
// configuration of the alibabacloud_ga_bandwidth_package list resource.
type bandwidthPackageFilterModel struct {
	BandwidthType types.String `tfsdk:"bandwidth_type"`
	IDs           types.List   `tfsdk:"ids"`
	NameRegex     types.String `tfsdk:"name_regex"`
	PaymentType   types.String `tfsdk:"payment_type"`
	Status        types.String `tfsdk:"status"`
	Tags          types.Map    `tfsdk:"tags"`
	Type          types.String `tfsdk:"type"`
}

// bandwidthPackagesDataSourceModel is the data source's data: the filters and what was found.
type bandwidthPackagesDataSourceModel struct {
	bandwidthPackageFilterModel
	Names    types.List                  `tfsdk:"names"`
	Packages []bandwidthPackageDataModel `tfsdk:"packages"`
}

// bandwidthPackageDataModel is one plan of the data source.
type bandwidthPackageDataModel struct {
	Accelerators           types.List   `tfsdk:"accelerators"`
	Bandwidth              types.Int64  `tfsdk:"bandwidth"`
	BandwidthPackageID     types.String `tfsdk:"bandwidth_package_id"`
	BandwidthPackageName   types.String `tfsdk:"bandwidth_package_name"`
	BandwidthType          types.String `tfsdk:"bandwidth_type"`
	BillingType            types.String `tfsdk:"billing_type"`
	CbnGeographicRegionIDA types.String `tfsdk:"cbn_geographic_region_ida"`
	CbnGeographicRegionIDB types.String `tfsdk:"cbn_geographic_region_idb"`
	CreateTime             types.String `tfsdk:"create_time"`
	Description            types.String `tfsdk:"description"`
	ExpiredTime            types.String `tfsdk:"expired_time"`
	ID                     types.String `tfsdk:"id"`
	PaymentType            types.String `tfsdk:"payment_type"`
	Ratio                  types.Int64  `tfsdk:"ratio"`
	ResourceGroupID        types.String `tfsdk:"resource_group_id"`
	Status                 types.String `tfsdk:"status"`
	Tags                   types.Map    `tfsdk:"tags"`
	Type                   types.String `tfsdk:"type"`
}

// filter returns the filter the configuration describes.
func (m bandwidthPackageFilterModel) filter(ctx context.Context) (bandwidthPackageFilter, diag.Diagnostics) {
	f := bandwidthPackageFilter{
		Status: m.Status.ValueString(), Type: m.Type.ValueString(),
		BandwidthType: m.BandwidthType.ValueString(), PaymentType: m.PaymentType.ValueString(),
	}
	diags := m.IDs.ElementsAs(ctx, &f.IDs, false)
	diags.Append(m.Tags.ElementsAs(ctx, &f.Tags, false)...)
	f.NameRegex = framework.NameRegex(m.NameRegex, &diags)
	return f, diags
}

// flatten sets ids, names and packages from the plans found.
func (m *bandwidthPackagesDataSourceModel) flatten(ctx context.Context, found []*listedPackage) diag.Diagnostics {
	var diags diag.Diagnostics
	ids, names := []string{}, []string{}
	m.Packages = []bandwidthPackageDataModel{}
	for _, bp := range found {
		ids, names = append(ids, bp.BandwidthPackageId), append(names, bp.Name)
		accelerators, d := types.ListValueFrom(ctx, types.StringType, append([]string{}, bp.Accelerators...))
		diags.Append(d...)
		tags, d := types.MapValueFrom(ctx, types.StringType, bp.Tags)
		diags.Append(d...)
		m.Packages = append(m.Packages, bandwidthPackageDataModel{
			Accelerators:           accelerators,
			Bandwidth:              types.Int64Value(int64(bp.Bandwidth)),
			BandwidthPackageID:     types.StringValue(bp.BandwidthPackageId),
			BandwidthPackageName:   types.StringValue(bp.Name),
			BandwidthType:          types.StringValue(bp.BandwidthType),
			BillingType:            types.StringValue(bp.BillingType),
			CbnGeographicRegionIDA: types.StringValue(bp.CbnGeographicRegionIdA),
			CbnGeographicRegionIDB: types.StringValue(bp.CbnGeographicRegionIdB),
			CreateTime:             types.StringValue(formatAPITime(bp.CreateTime)),
			Description:            types.StringValue(bp.Description),
			ExpiredTime:            types.StringValue(formatAPITime(bp.ExpiredTime)),
			ID:                     types.StringValue(bp.BandwidthPackageId),
			PaymentType:            types.StringValue(paymentTypeOf(bp.ChargeType)),
			Ratio:                  types.Int64Value(int64(bp.Ratio)),
			ResourceGroupID:        types.StringValue(bp.ResourceGroupID),
			Status:                 types.StringValue(bp.State),
			Tags:                   tags,
			Type:                   types.StringValue(bp.Type),
		})
	}
	diags.Append(framework.SetFoundIDs(ctx, &m.IDs, &m.Names, ids, names)...)
	return diags
}

// formatMillis renders a millisecond epoch of an API answer as formatAPITime does; "" for 0.
func formatMillis(ms int64) string {
	if ms == 0 {
		return ""
	}
	return formatAPITime(fmt.Sprint(ms))
}
