package cen

import (
	"context"
	"slices"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework"
)

var _ datasource.DataSourceWithConfigure = (*bandwidthPackagesDataSource)(nil)

// NewBandwidthPackagesDataSource returns the alibabacloud_cen_bandwidth_packages data source.
func NewBandwidthPackagesDataSource() datasource.DataSource {
	return &bandwidthPackagesDataSource{DataSourceWithClient: framework.NewDataSourceWithClient(cbnClient)}
}

// bandwidthPackagesDataSource reads the region's CEN bandwidth packages, with their temporary
// upgrade windows.
type bandwidthPackagesDataSource struct {
	framework.DataSourceWithClient[cbnAPI]
}

// Metadata implements datasource.DataSource.
func (d *bandwidthPackagesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_cen_bandwidth_packages"
}

// Read implements datasource.DataSource: every page of DescribeCenBandwidthPackages, filtered
// by the API (instance_id, status) and here (ids, name_regex).
func (d *bandwidthPackagesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config bandwidthPackagesDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !d.Configured() {
		resp.Diagnostics.Append(framework.ProviderNotConfigured("no CEN bandwidth package can be read")...)
		return
	}
	var ids []string
	resp.Diagnostics.Append(config.IDs.ElementsAs(ctx, &ids, false)...)
	nameRegex := framework.NameRegex(config.NameRegex, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	filter := packageFilter{
		CenID: config.InstanceID.ValueString(), Status: config.Status.ValueString(),
		WithoutReservationData: !config.IncludeReservationData.IsNull() && !config.IncludeReservationData.ValueBool(),
	}
	var found []*cbn.CenBandwidthPackage
	for p, err := range listBandwidthPackages(ctx, d.API(), filter) {
		if err != nil {
			resp.Diagnostics.AddError("Reading the CEN bandwidth packages failed", conns.Explain(err, advice))
			return
		}
		if (len(ids) == 0 || slices.Contains(ids, p.CenBandwidthPackageId)) && (nameRegex == nil || nameRegex.MatchString(p.Name)) {
			found = append(found, p)
		}
	}
	resp.Diagnostics.Append(config.flatten(ctx, found)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, config)...)
}
