package framework

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestWithNoOpUpdate(t *testing.T) {
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"id":     schema.StringAttribute{Computed: true},
		"name":   schema.StringAttribute{Required: true},
		"status": schema.StringAttribute{Computed: true},
		"note":   schema.StringAttribute{Optional: true},
	}}
	typ := s.Type().TerraformType(context.Background())
	obj := func(id, name, status, note any) tftypes.Value {
		return tftypes.NewValue(typ, map[string]tftypes.Value{
			"id": tftypes.NewValue(tftypes.String, id), "name": tftypes.NewValue(tftypes.String, name),
			"status": tftypes.NewValue(tftypes.String, status), "note": tftypes.NewValue(tftypes.String, note),
		})
	}
	req := resource.UpdateRequest{
		State: tfsdk.State{Schema: s, Raw: obj("x-1", "a", "bound", "old")},
		Plan:  tfsdk.Plan{Schema: s, Raw: obj("x-1", "a", tftypes.UnknownValue, "new")},
	}
	identitySchema := IDIdentitySchema("the id")
	identityType := identitySchema.Type().TerraformType(context.Background())
	resp := resource.UpdateResponse{
		State: tfsdk.State{Schema: s},
		// Terraform before 1.12 keeps no identity: the planned one is null.
		Identity: &tfsdk.ResourceIdentity{Schema: identitySchema, Raw: tftypes.NewValue(identityType, nil)},
	}
	WithNoOpUpdate{}.Update(context.Background(), req, &resp)
	if resp.Diagnostics.HasError() {
		t.Fatal(resp.Diagnostics)
	}
	// The planned change is saved; the computed status, unknown in the plan, keeps its state value.
	if want := obj("x-1", "a", "bound", "new"); !resp.State.Raw.Equal(want) {
		t.Errorf("state after the no-op update %v, want %v", resp.State.Raw, want)
	}
	// The identity is the state's.
	if want := tftypes.NewValue(identityType, map[string]tftypes.Value{"id": tftypes.NewValue(tftypes.String, "x-1")}); !resp.Identity.Raw.Equal(want) {
		t.Errorf("identity after the no-op update %v, want %v", resp.Identity.Raw, want)
	}
}
