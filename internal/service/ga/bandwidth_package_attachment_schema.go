package ga

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/framework/validators"
)

// Schema implements resource.Resource.
func (r *bandwidthPackageAttachmentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Binds a Global Accelerator bandwidth plan to an accelerator " +
			"(BandwidthPackageAddAccelerator). Creating it waits until the accelerator is `active` again and the plan " +
			"lists it; destroying it (BandwidthPackageRemoveAccelerator) waits until the plan no longer lists it. " +
			"While the binding settles the plan is `binding` or `unbinding` and the accelerator `configuring`. A new " +
			"`bandwidth_package_id` swaps the plan in place (ReplaceBandwidthPackage), never unbinding first.\n\n" +
			"When both ids are known at plan, `terraform plan` checks the binding before anything is bound: the plan " +
			"and the accelerator exist, the plan is paid and bound to no other accelerator (a plan serves one " +
			"accelerator), the accelerator has no other plan of its type (one `Basic` and one `CrossDomain` plan at " +
			"most), and a `CrossDomain` plan goes to an accelerator with a `Basic` plan (bound already, or by an " +
			"attachment this one lists in `depends_on`). Two attachments of one configuration claiming the same plan, " +
			"or two plans of one type on one accelerator, are refused at plan too. Ids known only at apply are " +
			"checked at apply, before the binding is made.",
		Attributes: map[string]schema.Attribute{
			"accelerator_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ID of the accelerator (`ga-` and lower-case letters and digits). Changing it replaces the attachment.",
				Validators:          []validator.String{validators.ID(validators.IDKindGAAccelerator)},
				PlanModifiers:       replace,
			},
			"bandwidth_package_id": schema.StringAttribute{
				Required: true,
				MarkdownDescription: "ID of the bandwidth plan (`gbwp-` and lower-case letters and digits). Changing it swaps " +
					"the plan in place (ReplaceBandwidthPackage), never unbinding first: the accelerator forwards with the old " +
					"plan until the new one takes over. The new plan must be of the same `type`, paid, active and bound to no " +
					"accelerator, and a `Basic` one at least as large as the bandwidth the accelerator's acceleration regions " +
					"are given; `terraform plan` checks all of it when the id is known.",
				Validators: []validator.String{validators.ID(validators.IDKindGABandwidthPlan)},
			},
			"accelerators": schema.ListAttribute{
				ElementType: types.StringType,
				Computed:    true,
				MarkdownDescription: "The accelerator, as a list of one id (as the official `alicloud` provider's attachment " +
					"exports it).",
				PlanModifiers: []planmodifier.List{listplanmodifier.UseStateForUnknown()},
			},
			"id": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "`<bandwidth_package_id>:<accelerator_id>`.",
				PlanModifiers:       []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"status": schema.StringAttribute{
				Computed:            true,
				MarkdownDescription: "State of the bandwidth plan while bound, normally `binded`.",
			},
		},
		Blocks: map[string]schema.Block{
			"timeouts": r.TimeoutsBlock(ctx),
		},
	}
}

// IdentitySchema implements resource.ResourceWithIdentity: an attachment is identified by the
// two ids it binds.
func (r *bandwidthPackageAttachmentResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		"accelerator_id":       identityschema.StringAttribute{RequiredForImport: true, Description: "ID of the accelerator (`ga-...`)."},
		"bandwidth_package_id": identityschema.StringAttribute{RequiredForImport: true, Description: "ID of the bandwidth plan (`gbwp-...`)."},
	}}
}
