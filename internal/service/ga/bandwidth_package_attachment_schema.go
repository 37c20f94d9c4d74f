package ga

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// attachmentPartPattern is what each of the two IDs forming an attachment's ID must match.
var attachmentPartPattern = regexp.MustCompile(`^[^:]+$`)

// Schema implements resource.Resource.
func (r *bandwidthPackageAttachmentResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	replace := []planmodifier.String{stringplanmodifier.RequiresReplace()}
	notEmpty := []validator.String{
		stringvalidator.RegexMatches(attachmentPartPattern, "must be a non-empty ID without "+attachmentIDSeparator),
	}
	resp.Schema = schema.Schema{
		MarkdownDescription: "Binds a Global Accelerator bandwidth plan to an accelerator " +
			"(BandwidthPackageAddAccelerator). Creating it waits until the accelerator is `active` again and the plan " +
			"lists it; destroying it (BandwidthPackageRemoveAccelerator) waits until the plan no longer lists it. " +
			"While the binding settles the plan is `binding` or `unbinding` and the accelerator `configuring`.",
		Attributes: map[string]schema.Attribute{
			"accelerator_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ID of the accelerator (`ga-...`). Changing it replaces the attachment.",
				Validators:          notEmpty,
				PlanModifiers:       replace,
			},
			"bandwidth_package_id": schema.StringAttribute{
				Required:            true,
				MarkdownDescription: "ID of the bandwidth plan (`gbwp-...`). Changing it replaces the attachment.",
				Validators:          notEmpty,
				PlanModifiers:       replace,
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
