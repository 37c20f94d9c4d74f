package ga

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/framework/validators"
)

// bandwidthPackageAttachmentModel is the attachment's data.
type bandwidthPackageAttachmentModel struct {
	AcceleratorID      types.String   `tfsdk:"accelerator_id"`
	Accelerators       types.List     `tfsdk:"accelerators"`
	BandwidthPackageID types.String   `tfsdk:"bandwidth_package_id"`
	ID                 types.String   `tfsdk:"id"`
	Status             types.String   `tfsdk:"status"`
	Timeouts           timeouts.Value `tfsdk:"timeouts"`
}

// attachmentIdentity is the attachment's resource identity, as an import block gives it: the
// two ids it binds.
type attachmentIdentity struct {
	AcceleratorID      types.String `tfsdk:"accelerator_id"`
	BandwidthPackageID types.String `tfsdk:"bandwidth_package_id"`
}

// validate checks each id of an identity given to an import block as the schema's validators
// check the attribute of the same name.
func (i attachmentIdentity) validate(ctx context.Context) diag.Diagnostics {
	var diags diag.Diagnostics
	for _, part := range []struct {
		name  string
		kind  validators.IDKind
		value types.String
	}{
		{"bandwidth_package_id", validators.IDKindGABandwidthPlan, i.BandwidthPackageID},
		{"accelerator_id", validators.IDKindGAAccelerator, i.AcceleratorID},
	} {
		var resp validator.StringResponse
		validators.ID(part.kind).ValidateString(ctx, validator.StringRequest{
			Path: path.Root("identity").AtName(part.name), ConfigValue: part.value,
		}, &resp)
		for _, d := range resp.Diagnostics {
			diags.AddError("Invalid import identity", d.Detail())
		}
	}
	return diags
}

// attachmentIDSeparator separates the bandwidth plan ID from the accelerator ID in an
// attachment's ID.
const attachmentIDSeparator = ":"

// attachmentID builds an attachment's ID.
func attachmentID(packageID, acceleratorID string) string {
	return packageID + attachmentIDSeparator + acceleratorID
}

// parseAttachmentID splits an attachment's ID into the bandwidth plan and accelerator IDs. The
// official provider's order, <accelerator_id>:<bandwidth_package_id>, is recognized by the
// ids' prefixes and read too.
func parseAttachmentID(id string) (packageID, acceleratorID string, err error) {
	parts := strings.Split(id, attachmentIDSeparator)
	if len(parts) == 2 && strings.HasPrefix(parts[0], validators.IDKindGAAccelerator.Prefix) &&
		strings.HasPrefix(parts[1], validators.IDKindGABandwidthPlan.Prefix) {
		parts[0], parts[1] = parts[1], parts[0]
	}
	if len(parts) != 2 || parts[0] == "" || parts[1] == "" {
		return "", "", fmt.Errorf("expected <bandwidth_package_id>%s<accelerator_id>, for example "+
			"gbwp-bp1sgzldyj6b4q7cx%sga-bp1odcab8tmno0hdq, got %q", attachmentIDSeparator, attachmentIDSeparator, id)
	}
	return parts[0], parts[1], nil
}

// setAccelerators sets accelerators, the accelerator as a list (as the official provider's
// attachment exports it).
func (m *bandwidthPackageAttachmentModel) setAccelerators() {
	m.Accelerators = types.ListValueMust(types.StringType, []attr.Value{m.AcceleratorID})
}

// ids returns the bandwidth plan and accelerator IDs.
func (m bandwidthPackageAttachmentModel) ids() (packageID, acceleratorID string) {
	return m.BandwidthPackageID.ValueString(), m.AcceleratorID.ValueString()
}
