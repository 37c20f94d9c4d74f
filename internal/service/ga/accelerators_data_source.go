package ga

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework"
)

var _ datasource.DataSourceWithConfigure = (*acceleratorsDataSource)(nil)

// NewAcceleratorsDataSource returns the alibabacloud_ga_accelerators data source.
func NewAcceleratorsDataSource() datasource.DataSource {
	return &acceleratorsDataSource{DataSourceWithClient: framework.NewDataSourceWithClient(gaClient)}
}

// acceleratorsDataSource reads the account's GA accelerators: what a bandwidth plan can be bound
// to, and which plans they have.
type acceleratorsDataSource struct {
	framework.DataSourceWithClient[gaAPI]
}

// Metadata implements datasource.DataSource.
func (d *acceleratorsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_ga_accelerators"
}

// Read implements datasource.DataSource: every page of ListAccelerators, filtered by the API
// (status, a single id) and here (the other filters).
func (d *acceleratorsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	var config acceleratorsDataSourceModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	if !d.Configured() {
		resp.Diagnostics.Append(framework.ProviderNotConfigured("no GA accelerator can be read")...)
		return
	}
	filter := acceleratorFilter{Status: config.Status.ValueString(), BandwidthBillingType: config.BandwidthBillingType.ValueString()}
	resp.Diagnostics.Append(config.IDs.ElementsAs(ctx, &filter.IDs, false)...)
	filter.NameRegex = framework.NameRegex(config.NameRegex, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	var found []*listedAccelerator
	for acc, err := range listAccelerators(ctx, d.API(), filter) {
		if err != nil {
			resp.Diagnostics.AddError("Reading the GA accelerators failed", conns.Explain(err, advice))
			return
		}
		found = append(found, acc)
	}
	resp.Diagnostics.Append(config.flatten(ctx, found)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, config)...)
}
