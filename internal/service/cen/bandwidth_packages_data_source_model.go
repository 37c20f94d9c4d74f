package cen

import (
	"context"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/framework"
)

// bandwidthPackagesDataSourceModel is the data source's data.
type bandwidthPackagesDataSourceModel struct {
	IDs                    types.List         `tfsdk:"ids"`
	IncludeReservationData types.Bool         `tfsdk:"include_reservation_data"`
	InstanceID             types.String       `tfsdk:"instance_id"`
	NameRegex              types.String       `tfsdk:"name_regex"`
	Names                  types.List         `tfsdk:"names"`
	Packages               []packageDataModel `tfsdk:"packages"`
	Status                 types.String       `tfsdk:"status"`
}

// packageDataModel is one package of the data source.
type packageDataModel struct {
	Bandwidth                     types.Int64  `tfsdk:"bandwidth"`
	BandwidthPackageChargeType    types.String `tfsdk:"bandwidth_package_charge_type"`
	BusinessStatus                types.String `tfsdk:"business_status"`
	CenBandwidthPackageID         types.String `tfsdk:"cen_bandwidth_package_id"`
	CenBandwidthPackageName       types.String `tfsdk:"cen_bandwidth_package_name"`
	CenIDs                        types.List   `tfsdk:"cen_ids"`
	Description                   types.String `tfsdk:"description"`
	ExpiredTime                   types.String `tfsdk:"expired_time"`
	GeographicRegionAID           types.String `tfsdk:"geographic_region_a_id"`
	GeographicRegionBID           types.String `tfsdk:"geographic_region_b_id"`
	GeographicSpanID              types.String `tfsdk:"geographic_span_id"`
	HasReservationData            types.String `tfsdk:"has_reservation_data"`
	ID                            types.String `tfsdk:"id"`
	InstanceID                    types.String `tfsdk:"instance_id"`
	IsCrossBorder                 types.Bool   `tfsdk:"is_cross_border"`
	Name                          types.String `tfsdk:"name"`
	PaymentType                   types.String `tfsdk:"payment_type"`
	ReservationActiveTime         types.String `tfsdk:"reservation_active_time"`
	ReservationBandwidth          types.String `tfsdk:"reservation_bandwidth"`
	ReservationInternetChargeType types.String `tfsdk:"reservation_internet_charge_type"`
	ReservationOrderType          types.String `tfsdk:"reservation_order_type"`
	Status                        types.String `tfsdk:"status"`
}

// flatten sets ids, names and packages from the packages found.
func (m *bandwidthPackagesDataSourceModel) flatten(ctx context.Context, found []*cbn.CenBandwidthPackage) diag.Diagnostics {
	var diags diag.Diagnostics
	ids, names := []string{}, []string{}
	m.Packages = []packageDataModel{}
	for _, p := range found {
		ids, names = append(ids, p.CenBandwidthPackageId), append(names, p.Name)
		cenIDs, d := types.ListValueFrom(ctx, types.StringType, append([]string{}, p.CenIds.CenId...))
		diags.Append(d...)
		instanceID := ""
		if len(p.CenIds.CenId) > 0 {
			instanceID = p.CenIds.CenId[0]
		}
		m.Packages = append(m.Packages, packageDataModel{
			Bandwidth:                     types.Int64Value(p.Bandwidth),
			BandwidthPackageChargeType:    types.StringValue(p.BandwidthPackageChargeType),
			BusinessStatus:                types.StringValue(p.BusinessStatus),
			CenBandwidthPackageID:         types.StringValue(p.CenBandwidthPackageId),
			CenBandwidthPackageName:       types.StringValue(p.Name),
			CenIDs:                        cenIDs,
			Description:                   types.StringValue(p.Description),
			ExpiredTime:                   types.StringValue(normalizeAPITime(p.ExpiredTime)),
			GeographicRegionAID:           types.StringValue(geographicRegionName(p.GeographicRegionAId)),
			GeographicRegionBID:           types.StringValue(geographicRegionName(p.GeographicRegionBId)),
			GeographicSpanID:              types.StringValue(p.GeographicSpanId),
			HasReservationData:            types.StringValue(p.HasReservationData),
			ID:                            types.StringValue(p.CenBandwidthPackageId),
			InstanceID:                    types.StringValue(instanceID),
			IsCrossBorder:                 types.BoolValue(p.IsCrossBorder),
			Name:                          types.StringValue(p.Name),
			PaymentType:                   types.StringValue(p.BandwidthPackageChargeType),
			ReservationActiveTime:         types.StringValue(normalizeAPITime(p.ReservationActiveTime)),
			ReservationBandwidth:          types.StringValue(p.ReservationBandwidth),
			ReservationInternetChargeType: types.StringValue(p.ReservationInternetChargeType),
			ReservationOrderType:          types.StringValue(p.ReservationOrderType),
			Status:                        types.StringValue(p.Status),
		})
	}
	diags.Append(framework.SetFoundIDs(ctx, &m.IDs, &m.Names, ids, names)...)
	return diags
}

// geographicRegionName writes an area as the official provider shows it ("asia-pacific" as
// "Asia-Pacific"); the API answers in lower case.
func geographicRegionName(id string) string {
	parts := strings.Split(id, "-")
	for i, part := range parts {
		if part != "" {
			parts[i] = strings.ToUpper(part[:1]) + part[1:]
		}
	}
	return strings.Join(parts, "-")
}
