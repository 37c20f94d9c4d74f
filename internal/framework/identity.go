package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Resource identity (Terraform 1.12 and later) names a resource's remote object by attributes
// that never change while it exists. Terraform stores it beside the state, imports by it
// (`import { to = ..., identity = { ... } }`), and list resources answer with it. Older
// Terraform versions neither send nor keep it, so every operation that answers with a state
// (create, read, update, import) sets it, also a read that finds the object gone: the framework
// refuses an answer without one.
//
// Every identity attribute of our resources is a state attribute of the same name, so the
// identity is always taken from the state (SetIdentityFromState).

// IDIdentitySchema returns the identity schema of a resource identified by its id attribute
// alone; description says what the id is.
func IDIdentitySchema(description string) identityschema.Schema {
	return identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		"id": identityschema.StringAttribute{RequiredForImport: true, Description: description},
	}}
}

// SetIdentityFromState sets target, a response's identity, from state: each identity attribute
// takes the value of the state attribute of the same name. It leaves target alone when there is
// none (a resource without identity, unit tests) or when state is null.
func SetIdentityFromState(ctx context.Context, state tfsdk.State, target *tfsdk.ResourceIdentity, diags *diag.Diagnostics) {
	if target == nil || target.Schema == nil || state.Raw.IsNull() {
		return
	}
	values := map[string]tftypes.Value{}
	for name := range target.Schema.GetAttributes() {
		found, _, err := tftypes.WalkAttributePath(state.Raw, tftypes.NewAttributePath().WithAttributeName(name))
		value, ok := found.(tftypes.Value)
		if err != nil || !ok {
			diags.AddError("Cannot set the resource identity",
				"The identity attribute "+name+" is not an attribute of the resource's state. This is a bug in the "+
					"provider; please report it.")
			return
		}
		values[name] = value
	}
	target.Raw = tftypes.NewValue(target.Schema.Type().TerraformType(ctx), values)
}

// ImportedID returns what an import names the resource by: the import ID (`terraform import`,
// or an import block's `id`), else the identity attribute attribute of an import block's
// `identity`. It is "" (diags then say why) when the identity cannot be read.
func ImportedID(ctx context.Context, req resource.ImportStateRequest, attribute string, diags *diag.Diagnostics) string {
	if req.ID != "" || req.Identity == nil {
		return req.ID
	}
	var id types.String
	diags.Append(req.Identity.GetAttribute(ctx, path.Root(attribute), &id)...)
	return id.ValueString()
}
