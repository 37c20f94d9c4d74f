package ga

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/framework"
	"terraform-provider-alibabacloud/internal/framework/validators"
)

// Schema implements datasource.DataSource. The attributes are those of the official alicloud
// provider's alicloud_ga_bandwidth_packages, and more.
func (d *bandwidthPackagesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := framework.ComputedString
	resp.Schema = schema.Schema{
		MarkdownDescription: "The account's Global Accelerator bandwidth plans, every page of `ListBandwidthPackages`. " +
			"Every filter is optional; a plan must match all that are set. The attributes are those of the official " +
			"`alicloud` provider's `alicloud_ga_bandwidth_packages` (`ids`, `names`, `packages`), so that outputs " +
			"written for it carry over, and more.",
		Attributes: map[string]schema.Attribute{
			"bandwidth_type": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only plans of this bandwidth type: `Basic`, `Enhanced` or `Advanced`.",
				Validators:          []validator.String{stringvalidator.OneOf(bandwidthTypeBasic, bandwidthTypeEnhanced, bandwidthTypeAdvanced)},
			},
			"ids": schema.ListAttribute{
				ElementType: types.StringType,
				Optional:    true,
				Computed:    true,
				MarkdownDescription: "Only the plans with these IDs (`gbwp-...`). It is set to the IDs of the plans " +
					"found (of those asked for, when set), in the API's order, as the official provider does.",
			},
			"name_regex": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only the plans whose name matches this regular expression (RE2 syntax).",
				Validators:          []validator.String{validators.Regexp()},
			},
			"names": schema.ListAttribute{
				ElementType:         types.StringType,
				Computed:            true,
				MarkdownDescription: "The names of the plans found, in the order of `packages`.",
			},
			"packages": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The plans found, with the attributes of `alibabacloud_ga_bandwidth_package`.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"accelerators": schema.ListAttribute{ElementType: types.StringType, Computed: true,
						MarkdownDescription: "IDs of the accelerators the plan is bound to."},
					"bandwidth":                 schema.Int64Attribute{Computed: true, MarkdownDescription: "Bandwidth in Mbps."},
					"bandwidth_package_id":      computed("ID of the plan."),
					"bandwidth_package_name":    computed("Name of the plan."),
					"bandwidth_type":            computed("`Basic`, `Enhanced` or `Advanced`; empty for a `CrossDomain` plan."),
					"billing_type":              computed("`PayByTraffic` or `PayBY95` for a `PayAsYouGo` plan."),
					"cbn_geographic_region_ida": computed("Area A of a `CrossDomain` plan."),
					"cbn_geographic_region_idb": computed("Area B of a `CrossDomain` plan."),
					"create_time":               computed("When the plan was created: RFC 3339, in UTC."),
					"description":               computed("Description of the plan."),
					"expired_time":              computed("When a `Subscription` plan expires: RFC 3339, in UTC (empty for `PayAsYouGo`)."),
					"id":                        computed("ID of the plan."),
					"payment_type":              computed("`Subscription` or `PayAsYouGo`."),
					"ratio":                     schema.Int64Attribute{Computed: true, MarkdownDescription: "Guaranteed minimum percentage of a `PayBY95` plan; 0 otherwise."},
					"resource_group_id":         computed("ID of the plan's resource group."),
					"status":                    computed("State of the plan: `init`, `active`, `binded`, `binding`, `unbinding`, `updating`."),
					"tags":                      schema.MapAttribute{ElementType: types.StringType, Computed: true, MarkdownDescription: "Tags of the plan."},
					"type":                      computed("`Basic` or `CrossDomain`."),
				}},
			},
			"payment_type": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only `Subscription` or only `PayAsYouGo` plans.",
				Validators:          []validator.String{stringvalidator.OneOf(paymentTypeSubscription, paymentTypePayAsYouGo)},
			},
			"status": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only the plans in this state: `init`, `active`, `binded`, `binding`, `unbinding`, `updating`.",
				Validators: []validator.String{stringvalidator.OneOf(packageStateInit, packageStateActive, packageStateBinded,
					packageStateBinding, packageStateUnbinding, packageStateUpdating)},
			},
			"tags": schema.MapAttribute{
				ElementType:         types.StringType,
				Optional:            true,
				MarkdownDescription: "Only the plans that have every one of these tags (key = value).",
				Validators:          []validator.Map{validators.Tags()},
			},
			"type": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only plans of this type: `Basic` or `CrossDomain`.",
				Validators:          []validator.String{stringvalidator.OneOf(packageTypeBasic, packageTypeCrossDomain)},
			},
		},
	}
}
