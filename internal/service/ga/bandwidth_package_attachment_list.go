package ga

import (
	"context"
	"fmt"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework"
	"terraform-provider-alibabacloud/internal/framework/validators"
)

var _ list.ListResourceWithConfigure = (*bandwidthPackageAttachmentListResource)(nil)

// NewBandwidthPackageAttachmentListResource returns the
// alibabacloud_ga_bandwidth_package_attachment list resource.
func NewBandwidthPackageAttachmentListResource() list.ListResource {
	return &bandwidthPackageAttachmentListResource{ResourceWithClient: framework.NewResourceWithClient(gaClient)}
}

// bandwidthPackageAttachmentListResource lists every binding of every bandwidth plan of the
// account for terraform query.
type bandwidthPackageAttachmentListResource struct {
	framework.ResourceWithClient[gaAPI]
}

// bandwidthPackageAttachmentListModel is the list block's configuration: the filters.
type bandwidthPackageAttachmentListModel struct {
	AcceleratorID      types.String `tfsdk:"accelerator_id"`
	BandwidthPackageID types.String `tfsdk:"bandwidth_package_id"`
}

// Metadata implements list.ListResource: the type name of the resource it lists.
func (l *bandwidthPackageAttachmentListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_ga_bandwidth_package_attachment"
}

// ListResourceConfigSchema implements list.ListResource.
func (l *bandwidthPackageAttachmentListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the bindings of the account's Global Accelerator bandwidth plans to accelerators, " +
			"every accelerator each plan lists (every page of `ListBandwidthPackages`), for `terraform query`: each with " +
			"its identity (`bandwidth_package_id`, `accelerator_id`), a display name (the plan's and the accelerator's " +
			"names, from `ListAccelerators`) and, with `include_resource` or `-generate-config-out`, its attributes as " +
			"`alibabacloud_ga_bandwidth_package_attachment` reads them.",
		Attributes: map[string]schema.Attribute{
			"accelerator_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only the bindings to this accelerator (`ga-...`).",
				Validators:          []validator.String{validators.ID(validators.IDKindGAAccelerator)},
			},
			"bandwidth_package_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only the bindings of this bandwidth plan (`gbwp-...`).",
				Validators:          []validator.String{validators.ID(validators.IDKindGABandwidthPlan)},
			},
		},
	}
}

// List implements list.ListResource: every accelerator of every plan, plan after plan, until
// Terraform's limit.
func (l *bandwidthPackageAttachmentListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var config bandwidthPackageAttachmentListModel
	if diags := req.Config.Get(ctx, &config); diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	if !l.Configured() {
		stream.Results = list.ListResultsStreamDiagnostics(framework.ProviderNotConfigured("nothing can be listed"))
		return
	}
	var filter bandwidthPackageFilter
	if known(config.BandwidthPackageID) {
		filter.IDs = []string{config.BandwidthPackageID.ValueString()}
	}
	stream.Results = func(push func(list.ListResult) bool) {
		acceleratorNames, err := findAcceleratorNames(ctx, l.API())
		if err != nil {
			push(framework.ListError("Listing GA accelerators failed", conns.Explain(err, advice)))
			return
		}
		limit := framework.NewListLimit(req)
		for bp, err := range listBandwidthPackages(ctx, l.API(), filter) {
			if err != nil {
				push(framework.ListError("Listing GA bandwidth plans failed", conns.Explain(err, advice)))
				return
			}
			for _, acceleratorID := range bp.Accelerators {
				if known(config.AcceleratorID) && acceleratorID != config.AcceleratorID.ValueString() {
					continue
				}
				if !limit.Push(push, listedAttachment(ctx, req, &bp.BandwidthPackage, acceleratorID, acceleratorNames[acceleratorID])) {
					return
				}
			}
		}
	}
}

// listedAttachment is the list result of the binding of plan bp to accelerator acceleratorID
// (named acceleratorName): its identity, its display name and, when Terraform asks for it,
// the resource as a refresh after an import reads it.
func listedAttachment(ctx context.Context, req list.ListRequest, bp *gasdk.BandwidthPackage, acceleratorID, acceleratorName string) list.ListResult {
	result := req.NewListResult(ctx)
	result.DisplayName = fmt.Sprintf("%s bound to %s", framework.Unnamed(bp.Name), framework.Unnamed(acceleratorName))
	identity := attachmentIdentity{AcceleratorID: types.StringValue(acceleratorID), BandwidthPackageID: types.StringValue(bp.BandwidthPackageId)}
	result.Diagnostics.Append(result.Identity.Set(ctx, identity)...)
	if req.IncludeResource {
		var m bandwidthPackageAttachmentModel
		result.Diagnostics.Append(framework.NullModel(ctx, result.Resource, &m)...)
		m.AcceleratorID, m.BandwidthPackageID = identity.AcceleratorID, identity.BandwidthPackageID
		m.ID = types.StringValue(attachmentID(bp.BandwidthPackageId, acceleratorID))
		m.Status = types.StringValue(bp.State)
		m.setAccelerators()
		result.Diagnostics.Append(result.Resource.Set(ctx, m)...)
	}
	return result
}
