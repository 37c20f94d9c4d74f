package cen

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

// Statuses of a CEN bandwidth package (DescribeCenBandwidthPackages' Status).
const (
	packageStatusIdle  = "Idle"
	packageStatusInUse = "InUse"
)

// Schema implements datasource.DataSource. The attributes are those of the official alicloud
// provider's alicloud_cen_bandwidth_packages, so that its outputs carry over.
func (d *bandwidthPackagesDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := framework.ComputedString
	resp.Schema = schema.Schema{
		MarkdownDescription: "The CEN bandwidth packages of the provider's region, every page of " +
			"`DescribeCenBandwidthPackages`, with their temporary upgrade windows (the reservation data): what a " +
			"`alibabacloud_cen_bandwidth_temp_upgrade` upgrades, and until when an upgrade runs. Every filter is " +
			"optional; a package must match all that are set. The attributes are those of the official `alicloud` " +
			"provider's `alicloud_cen_bandwidth_packages`, so that outputs written for it carry over.",
		Attributes: map[string]schema.Attribute{
			"ids": schema.ListAttribute{
				ElementType: types.StringType,
				Optional:    true,
				Computed:    true,
				MarkdownDescription: "Only the packages with these IDs (`cenbwp-...`). It is set to the IDs of the " +
					"packages found (of those asked for, when set), in the API's order, as the official provider does.",
			},
			"include_reservation_data": schema.BoolAttribute{
				Optional: true,
				MarkdownDescription: "Whether to read the temporary upgrade windows (`IncludeReservationData`). Default " +
					"`true` (the official provider's default is `false`; its `reservation_*` attributes are then empty).",
			},
			"instance_id": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only the packages attached to this CEN instance (`cen-...`).",
			},
			"name_regex": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only the packages whose name matches this regular expression (RE2 syntax).",
				Validators:          []validator.String{validators.Regexp()},
			},
			"names": schema.ListAttribute{
				ElementType:         types.StringType,
				Computed:            true,
				MarkdownDescription: "The names of the packages found, in the order of `ids`.",
			},
			"packages": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The packages found.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"bandwidth": schema.Int64Attribute{Computed: true, MarkdownDescription: "Bandwidth in Mbps: " +
						"during a temporary upgrade, the upgraded one."},
					"bandwidth_package_charge_type": computed("`PREPAY` (subscription) or `POSTPAY`."),
					"business_status":               computed("`Normal`, `FinancialLocked` or `SecurityLocked`."),
					"cen_bandwidth_package_id":      computed("ID of the package."),
					"cen_bandwidth_package_name":    computed("Name of the package."),
					"cen_ids": schema.ListAttribute{ElementType: types.StringType, Computed: true,
						MarkdownDescription: "The CEN instances the package is attached to."},
					"description":            computed("Description of the package."),
					"expired_time":           computed("When a subscription expires: RFC 3339, in UTC."),
					"geographic_region_a_id": computed("Area A, e.g. `China`."),
					"geographic_region_b_id": computed("Area B, e.g. `Asia-Pacific`."),
					"geographic_span_id":     computed("The span of the two areas, e.g. `china_asia-pacific`."),
					"has_reservation_data": computed("`\"true\"` while a temporary upgrade window is open (a string, as " +
						"the API and the official provider give it)."),
					"id":              computed("ID of the package."),
					"instance_id":     computed("The first CEN instance of `cen_ids`."),
					"is_cross_border": schema.BoolAttribute{Computed: true, MarkdownDescription: "Whether the areas are on both sides of a border."},
					"name":            computed("Name of the package."),
					"payment_type":    computed("`PREPAY` or `POSTPAY`, as `bandwidth_package_charge_type`."),
					"reservation_active_time": computed("When the open temporary upgrade window ends and the package returns " +
						"to `reservation_bandwidth`: RFC 3339, in UTC; empty without a window."),
					"reservation_bandwidth": computed("The bandwidth in Mbps the package returns to when the window ends " +
						"(a string, as the API and the official provider give it); empty without a window."),
					"reservation_internet_charge_type": computed("The billing of the window, as the API shows it."),
					"reservation_order_type":           computed("`TEMP_UPGRADE` while a temporary upgrade window is open."),
					"status":                           computed("`Idle` or `InUse` (attached to a CEN instance)."),
				}},
			},
			"status": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only the packages in this status: `Idle` or `InUse`.",
				Validators:          []validator.String{stringvalidator.OneOf(packageStatusIdle, packageStatusInUse)},
			},
		},
	}
}
