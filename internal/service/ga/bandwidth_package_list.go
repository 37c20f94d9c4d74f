package ga

import (
	"context"
	"fmt"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework"
	"terraform-provider-alibabacloud/internal/framework/validators"
)

var _ list.ListResourceWithConfigure = (*bandwidthPackageListResource)(nil)

// NewBandwidthPackageListResource returns the alibabacloud_ga_bandwidth_package list resource.
func NewBandwidthPackageListResource() list.ListResource {
	return &bandwidthPackageListResource{ResourceWithClient: framework.NewResourceWithClient(gaClient)}
}

// bandwidthPackageListResource lists the bandwidth plans of the account for terraform query.
type bandwidthPackageListResource struct {
	framework.ResourceWithClient[gaAPI]
}

// bandwidthPackageListModel is the list block's configuration: the filters of the
// alibabacloud_ga_bandwidth_packages data source.
type bandwidthPackageListModel = bandwidthPackageFilterModel

// Metadata implements list.ListResource: the type name of the resource it lists.
func (l *bandwidthPackageListResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_ga_bandwidth_package"
}

// ListResourceConfigSchema implements list.ListResource.
func (l *bandwidthPackageListResource) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		MarkdownDescription: "Lists the account's Global Accelerator bandwidth plans, every page of " +
			"`ListBandwidthPackages`, for `terraform query`: each with its identity (`id`), a display name (the plan's " +
			"name, bandwidth, type and billing) and, with `include_resource` or `-generate-config-out`, its attributes " +
			"as `alibabacloud_ga_bandwidth_package` reads them. Every filter is optional; a plan must match all that " +
			"are set.",
		Attributes: map[string]schema.Attribute{
			"bandwidth_type": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only plans of this bandwidth type: `Basic`, `Enhanced` or `Advanced`.",
				Validators:          []validator.String{stringvalidator.OneOf(bandwidthTypeBasic, bandwidthTypeEnhanced, bandwidthTypeAdvanced)},
			},
			"ids": schema.ListAttribute{
				ElementType:         types.StringType,
				Optional:            true,
				MarkdownDescription: "Only the plans with these IDs (`gbwp-...`).",
			},
			"name_regex": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only the plans whose name matches this regular expression (RE2 syntax).",
				Validators:          []validator.String{validators.Regexp()},
			},
			"payment_type": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only `Subscription` or only `PayAsYouGo` plans.",
				Validators:          []validator.String{stringvalidator.OneOf(paymentTypeSubscription, paymentTypePayAsYouGo)},
			},
			"status": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: "Only the plans in this state: `init`, `active`, `binded`, `binding`, `unbinding`, " +
					"`updating`.",
				Validators: []validator.String{stringvalidator.OneOf(packageStateInit, packageStateActive, packageStateBinded,
					packageStateBinding, packageStateUnbinding, packageStateUpdating)},
			},
			"tags": schema.MapAttribute{
				ElementType:         types.StringType,
				Optional:            true,
				MarkdownDescription: "Only the plans that have every one of these tags (key = value).",
			},
			"type": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only plans of this type: `Basic` or `CrossDomain`.",
				Validators:          []validator.String{stringvalidator.OneOf(packageTypeBasic, packageTypeCrossDomain)},
			},
		},
	}
}

// List implements list.ListResource: every plan the filters select, page after page, until
// Terraform's limit.
func (l *bandwidthPackageListResource) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	var config bandwidthPackageListModel
	diags := req.Config.Get(ctx, &config)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	filter, diags := config.filter(ctx)
	if diags.HasError() {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	if !l.Configured() {
		stream.Results = list.ListResultsStreamDiagnostics(framework.ProviderNotConfigured("nothing can be listed"))
		return
	}
	stream.Results = func(push func(list.ListResult) bool) {
		limit := framework.NewListLimit(req)
		for bp, err := range listBandwidthPackages(ctx, l.API(), filter) {
			if err != nil {
				push(framework.ListError("Listing GA bandwidth plans failed", conns.Explain(err, advice)))
				return
			}
			if !limit.Push(push, listedBandwidthPackage(ctx, l.API(), req, bp)) {
				return
			}
		}
	}
}

// listedBandwidthPackage is the list result of plan bp: its identity, its display name and,
// when Terraform asks for it, the resource as a refresh after an import reads it (the renewal
// of a Subscription, which the list does not show, read with one call).
func listedBandwidthPackage(ctx context.Context, api gaAPI, req list.ListRequest, bp *listedPackage) list.ListResult {
	result := req.NewListResult(ctx)
	result.DisplayName = bandwidthPackageDisplayName(&bp.BandwidthPackage)
	result.Diagnostics.Append(result.Identity.SetAttribute(ctx, path.Root("id"), bp.BandwidthPackageId)...)
	if req.IncludeResource {
		var m bandwidthPackageModel
		result.Diagnostics.Append(framework.NullModel(ctx, result.Resource, &m)...)
		result.Diagnostics.Append(m.refresh(ctx, describedOf(&bp.BandwidthPackage))...)
		m.ResourceGroupID = stringOrNull(bp.ResourceGroupID)
		result.Diagnostics.Append(m.flattenTags(ctx, bp.Tags)...)
		if m.PaymentType.ValueString() == paymentTypeSubscription {
			renewal, err := findAutoRenewal(ctx, api, bp.BandwidthPackageId)
			if err != nil {
				result.Diagnostics.AddError(fmt.Sprintf("Reading the renewal of GA bandwidth plan %s failed", bp.BandwidthPackageId),
					conns.Explain(err, advice))
				return result
			}
			m.flattenRenewal(renewal)
		}
		result.Diagnostics.Append(result.Resource.Set(ctx, m)...)
	}
	return result
}

// bandwidthPackageDisplayName names plan bp as a person recognizes it: its name and what it is.
func bandwidthPackageDisplayName(bp *gasdk.BandwidthPackage) string {
	kind := bp.Type
	if bp.BandwidthType != "" && bp.BandwidthType != bp.Type {
		kind += " " + bp.BandwidthType
	}
	return fmt.Sprintf("%s: %d Mbps %s, %s, %s", framework.Unnamed(bp.Name), bp.Bandwidth, kind, paymentTypeOf(bp.ChargeType), bp.State)
}

// describedOf is listed plan bp as DescribeBandwidthPackage answers it (the same fields, by
// the same names), so that a read and a list see it alike.
func describedOf(bp *gasdk.BandwidthPackage) *gasdk.DescribeBandwidthPackageResponse {
	return &gasdk.DescribeBandwidthPackageResponse{
		BandwidthPackageId:     bp.BandwidthPackageId,
		Name:                   bp.Name,
		Description:            bp.Description,
		State:                  bp.State,
		Bandwidth:              bp.Bandwidth,
		BandwidthType:          bp.BandwidthType,
		Type:                   bp.Type,
		ChargeType:             bp.ChargeType,
		BillingType:            bp.BillingType,
		Ratio:                  bp.Ratio,
		CbnGeographicRegionIdA: bp.CbnGeographicRegionIdA,
		CbnGeographicRegionIdB: bp.CbnGeographicRegionIdB,
		CreateTime:             bp.CreateTime,
		ExpiredTime:            bp.ExpiredTime,
		RegionId:               bp.RegionId,
		Accelerators:           bp.Accelerators,
	}
}
