package cen

import (
	"context"
	"fmt"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework"
)

var _ list.ListResourceWithConfigure = (*bandwidthTempUpgradeListResource)(nil)

// NewBandwidthTempUpgradeListResource returns the alibabacloud_cen_bandwidth_temp_upgrade list
// resource.
func NewBandwidthTempUpgradeListResource() list.ListResource {
	return &bandwidthTempUpgradeListResource{ResourceWithClient: framework.NewResourceWithClient(cbnClient)}
}

// bandwidthTempUpgradeListResource lists the temporary upgrades open in the region for
// terraform query: every package whose reservation data shows a TEMP_UPGRADE window.
type bandwidthTempUpgradeListResource struct {
	framework.ResourceWithClient[cbnAPI]
}

// Metadata implements list.ListResource: the type name of the resource it lists.
func (l *bandwidthTempUpgradeListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_cen_bandwidth_temp_upgrade"
}

// ListResourceConfigSchema implements list.ListResource: no filter.
func (l *bandwidthTempUpgradeListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the temporary upgrades open in the provider's region, for `terraform query`: every " +
			"CEN bandwidth package whose reservation data shows a `TEMP_UPGRADE` window (every page of " +
			"`DescribeCenBandwidthPackages` with `IncludeReservationData`), each with its identity (the package's " +
			"`id`), a display name (the package's name and the window) and, with `include_resource` or " +
			"`-generate-config-out`, its attributes as `alibabacloud_cen_bandwidth_temp_upgrade` reads them. Packages " +
			"without an open window have nothing to import and are not listed. It takes no arguments.",
	}
}

// List implements list.ListResource: every package with an open window, page after page,
// until Terraform's limit.
func (l *bandwidthTempUpgradeListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	if !l.Configured() {
		stream.Results = list.ListResultsStreamDiagnostics(framework.ProviderNotConfigured("nothing can be listed"))
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		limit := framework.NewListLimit(req)
		for p, err := range listBandwidthPackages(ctx, l.API(), packageFilter{}) {
			if err != nil {
				push(framework.ListError("Listing CEN bandwidth packages failed", conns.Explain(err, advice)))
				return
			}
			w, err := windowOf(p)
			if err != nil {
				push(framework.ListError("Unexpected answer from DescribeCenBandwidthPackages", err.Error()))
				return
			}
			if w.Open && !limit.Push(push, listedTempUpgrade(ctx, req, p, w)) {
				return
			}
		}
	}
}

// listedTempUpgrade is the list result of package p's open window w: its identity, its display
// name and, when Terraform asks for it, the resource as a refresh after an import reads it.
func listedTempUpgrade(ctx context.Context, req list.ListRequest, p *cbn.CenBandwidthPackage, w window) list.ListResult {
	result := req.NewListResult(ctx)
	result.DisplayName = fmt.Sprintf("%s: %d Mbps until %s, then %d Mbps", framework.Unnamed(p.Name), w.Bandwidth, w.EndTime, w.BaseBandwidth)
	result.Diagnostics.Append(result.Identity.SetAttribute(ctx, path.Root("id"), p.CenBandwidthPackageId)...)
	if req.IncludeResource {
		var m bandwidthTempUpgradeModel
		result.Diagnostics.Append(framework.NullModel(ctx, result.Resource, &m)...)
		m.refresh(p, w)
		m.ID = m.CenBandwidthPackageID
		result.Diagnostics.Append(result.Resource.Set(ctx, &m)...)
	}
	return result
}
