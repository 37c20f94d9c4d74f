package ga

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework"
)

var _ datasource.DataSourceWithConfigure = (*bandwidthPackagesDataSource)(nil)

// NewBandwidthPackagesDataSource returns the alibabacloud_ga_bandwidth_packages data source.
func NewBandwidthPackagesDataSource() datasource.DataSource {
	return &bandwidthPackagesDataSource{DataSourceWithClient: framework.NewDataSourceWithClient(gaClient)}
}

// bandwidthPackagesDataSource reads the account's GA bandwidth plans.
type bandwidthPackagesDataSource struct {
	framework.DataSourceWithClient[gaAPI]
}

// Metadata implements datasource.DataSource.
func (d *bandwidthPackagesDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_ga_bandwidth_packages"
}

// Read implements datasource.DataSource: every page of ListBandwidthPackages, filtered by the
// API (status, type, tags, a single id) and here (the other filters).
func (d *bandwidthPackagesDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config bandwidthPackagesDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !d.Configured() {
		resp.Diagnostics.Append(framework.ProviderNotConfigured("no GA bandwidth plan can be read")...)
		return
	}
	filter, diags := config.filter(ctx)
	if resp.Diagnostics.Append(diags...); resp.Diagnostics.HasError() {
		return
	}
	var found []*listedPackage
	for bp, err := range listBandwidthPackages(ctx, d.API(), filter) {
		if err != nil {
			resp.Diagnostics.AddError("Reading the GA bandwidth plans failed", conns.Explain(err, advice))
			return
		}
		found = append(found, bp)
	}
	resp.Diagnostics.Append(config.flatten(ctx, found)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, config)...)
}
