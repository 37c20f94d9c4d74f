package framework

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// pairSchemas are a resource identified by two of its attributes, and that identity.
var (
	pairSchema = schema.Schema{Attributes: map[string]schema.Attribute{
		"a":      schema.StringAttribute{Required: true},
		"b":      schema.StringAttribute{Required: true},
		"status": schema.StringAttribute{Computed: true},
	}}
	pairIdentitySchema = identityschema.Schema{Attributes: map[string]identityschema.Attribute{
		"a": identityschema.StringAttribute{RequiredForImport: true},
		"b": identityschema.StringAttribute{RequiredForImport: true},
	}}
)

func TestSetIdentityFromState(t *testing.T) {
	ctx := context.Background()
	stateType := pairSchema.Type().TerraformType(ctx)
	state := tfsdk.State{Schema: pairSchema, Raw: tftypes.NewValue(stateType, map[string]tftypes.Value{
		"a": tftypes.NewValue(tftypes.String, "gbwp-1"), "b": tftypes.NewValue(tftypes.String, "ga-1"),
		"status": tftypes.NewValue(tftypes.String, "binded"),
	})}
	identityType := pairIdentitySchema.Type().TerraformType(ctx)
	identity := &tfsdk.ResourceIdentity{Schema: pairIdentitySchema, Raw: tftypes.NewValue(identityType, nil)}

	var diags diag.Diagnostics
	SetIdentityFromState(ctx, state, identity, &diags)
	want := tftypes.NewValue(identityType, map[string]tftypes.Value{
		"a": tftypes.NewValue(tftypes.String, "gbwp-1"), "b": tftypes.NewValue(tftypes.String, "ga-1"),
	})
	if diags.HasError() || !identity.Raw.Equal(want) {
		t.Errorf("identity %v (diags %v), want %v", identity.Raw, diags, want)
	}

	// A removed state leaves the identity as it was; no identity is no-op.
	SetIdentityFromState(ctx, tfsdk.State{Schema: pairSchema, Raw: tftypes.NewValue(stateType, nil)}, identity, &diags)
	SetIdentityFromState(ctx, state, nil, &diags)
	if diags.HasError() || !identity.Raw.Equal(want) {
		t.Errorf("after a null state: identity %v (diags %v), want it unchanged", identity.Raw, diags)
	}

	// An identity attribute the state lacks is a provider bug, said so.
	other := &tfsdk.ResourceIdentity{Schema: IDIdentitySchema("the id"), Raw: tftypes.NewValue(IDIdentitySchema("").Type().TerraformType(ctx), nil)}
	SetIdentityFromState(ctx, state, other, &diags)
	if !diags.HasError() {
		t.Error("an identity attribute missing from the state: no error")
	}
}

func TestImportedID(t *testing.T) {
	ctx := context.Background()
	idSchema := IDIdentitySchema("the id")
	byIdentity := resource.ImportStateRequest{Identity: &tfsdk.ResourceIdentity{Schema: idSchema,
		Raw: tftypes.NewValue(idSchema.Type().TerraformType(ctx), map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, "cenbwp-1")})}}
	var diags diag.Diagnostics
	for _, c := range []struct {
		req  resource.ImportStateRequest
		want string
	}{
		{resource.ImportStateRequest{ID: "cenbwp-2"}, "cenbwp-2"},
		{byIdentity, "cenbwp-1"},
	} {
		if got := ImportedID(ctx, c.req, "id", &diags); got != c.want || diags.HasError() {
			t.Errorf("ImportedID = %q (diags %v), want %q", got, diags, c.want)
		}
	}
}
