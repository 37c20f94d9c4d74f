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

// Bandwidth billing of an accelerator (ListAccelerators' BandwidthBillingType): by bandwidth
// plans, which the attachment binds, or by data transfer (CDT), which takes none.
const (
	bandwidthBillingPackage = "BandwidthPackage"
	bandwidthBillingCDT     = "CDT"
)

// Schema implements datasource.DataSource. The attributes are those of the official alicloud
// provider's alicloud_ga_accelerators, and more.
func (d *acceleratorsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	computed := framework.ComputedString
	plan := func(withType bool) schema.ListNestedAttribute {
		attributes := map[string]schema.Attribute{
			"bandwidth":   schema.Int64Attribute{Computed: true, MarkdownDescription: "Bandwidth of the plan, in Mbps."},
			"instance_id": computed("ID of the plan (`gbwp-...`)."),
		}
		what := "CrossDomain"
		if withType {
			attributes["bandwidth_type"] = computed("`Basic`, `Enhanced` or `Advanced`.")
			what = "Basic"
		}
		return schema.ListNestedAttribute{Computed: true, NestedObject: schema.NestedAttributeObject{Attributes: attributes},
			MarkdownDescription: "The " + what + " bandwidth plan bound to the accelerator: one element, or none."}
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "The account's Global Accelerator accelerators, every page of `ListAccelerators`: what a " +
			"bandwidth plan can be bound to (`alibabacloud_ga_bandwidth_package_attachment`), and the plans each one has " +
			"(an accelerator takes one `Basic` and one `CrossDomain` plan). Every filter is optional; an accelerator must " +
			"match all that are set. The attributes are those of the official `alicloud` provider's " +
			"`alicloud_ga_accelerators` (`ids`, `names`, `accelerators`), so that outputs written for it carry over, and more.",
		Attributes: map[string]schema.Attribute{
			"accelerators": schema.ListNestedAttribute{
				Computed:            true,
				MarkdownDescription: "The accelerators found.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"accelerator_id":                 computed("ID of the accelerator."),
					"accelerator_name":               computed("Name of the accelerator."),
					"bandwidth_billing_type":         computed("`BandwidthPackage` (billed by bandwidth plans) or `CDT` (by data transfer: takes no plan)."),
					"basic_bandwidth_package":        plan(true),
					"cen_id":                         computed("ID of the CEN instance the accelerator is attached to, if any."),
					"create_time":                    computed("When the accelerator was created: RFC 3339, in UTC."),
					"cross_domain_bandwidth_package": plan(false),
					"ddos_id":                        computed("ID of the Anti-DDoS instance, if any."),
					"description":                    computed("Description of the accelerator."),
					"dns_name":                       computed("The accelerator's domain name."),
					"expired_time":                   computed("When a subscription accelerator expires: RFC 3339, in UTC."),
					"id":                             computed("ID of the accelerator."),
					"payment_type":                   computed("`PREPAY` or `POSTPAY`, as the API gives it."),
					"resource_group_id":              computed("ID of the accelerator's resource group."),
					"second_dns_name":                computed("The accelerator's second domain name."),
					"spec":                           computed("The accelerator's specification."),
					"status":                         computed("`active`, `binding`, `configuring`, `deleting`, `init` or `unbinding`."),
				}},
			},
			"bandwidth_billing_type": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only the accelerators billed this way: `BandwidthPackage` (those a plan can be bound to) or `CDT`.",
				Validators:          []validator.String{stringvalidator.OneOf(bandwidthBillingPackage, bandwidthBillingCDT)},
			},
			"ids": schema.ListAttribute{
				ElementType: types.StringType,
				Optional:    true,
				Computed:    true,
				MarkdownDescription: "Only the accelerators with these IDs (`ga-...`). It is set to the IDs of the " +
					"accelerators found (of those asked for, when set), in the API's order, as the official provider does.",
			},
			"name_regex": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only the accelerators whose name matches this regular expression (RE2 syntax).",
				Validators:          []validator.String{validators.Regexp()},
			},
			"names": schema.ListAttribute{
				ElementType:         types.StringType,
				Computed:            true,
				MarkdownDescription: "The names of the accelerators found, in the order of `accelerators`.",
			},
			"status": schema.StringAttribute{
				Optional:            true,
				MarkdownDescription: "Only the accelerators in this state: `active`, `binding`, `configuring`, `deleting`, `init` or `unbinding`.",
				Validators: []validator.String{stringvalidator.OneOf(acceleratorStateActive, acceleratorStateBinding,
					acceleratorStateConfiguring, acceleratorStateDeleting, acceleratorStateInit, acceleratorStateUnbinding)},
			},
		},
	}
}
