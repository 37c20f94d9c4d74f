package framework

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestNullModel(t *testing.T) {
	ctx := context.Background()
	s := schema.Schema{
		Attributes: map[string]schema.Attribute{
			"id":   schema.StringAttribute{Computed: true},
			"tags": schema.MapAttribute{ElementType: types.StringType, Optional: true},
		},
		Blocks: map[string]schema.Block{"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true})},
	}
	var m struct {
		ID       types.String   `tfsdk:"id"`
		Tags     types.Map      `tfsdk:"tags"`
		Timeouts timeouts.Value `tfsdk:"timeouts"`
	}
	r := &tfsdk.Resource{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(ctx), nil)}
	if diags := NullModel(ctx, r, &m); diags.HasError() {
		t.Fatal(diags)
	}
	if !m.ID.IsNull() || !m.Tags.IsNull() || !m.Timeouts.IsNull() {
		t.Fatalf("model %+v, want every attribute null", m)
	}
	// Filled and stored, as a list resource does.
	m.ID = types.StringValue("x-1")
	if diags := r.Set(ctx, m); diags.HasError() {
		t.Fatal(diags)
	}
}

func TestListLimit(t *testing.T) {
	var pushed int
	push := func(list.ListResult) bool { pushed++; return true }
	limit := NewListLimit(list.ListRequest{Limit: 2})
	if !limit.Push(push, list.ListResult{}) || limit.Push(push, list.ListResult{}) || pushed != 2 {
		t.Errorf("limit 2: the second push should say stop, after pushing (pushed %d)", pushed)
	}
	unlimited := NewListLimit(list.ListRequest{})
	for range 1000 {
		if !unlimited.Push(push, list.ListResult{}) {
			t.Fatal("no limit: a push said stop")
		}
	}
	refused := NewListLimit(list.ListRequest{Limit: 100})
	if refused.Push(func(list.ListResult) bool { return false }, list.ListResult{}) {
		t.Error("Terraform wants no more results: the push should say stop")
	}
}

func TestListHelpers(t *testing.T) {
	if r := ListError("Listing failed", "because"); !r.Diagnostics.HasError() || r.Diagnostics[0].Detail() != "because" {
		t.Errorf("ListError: %v", r.Diagnostics)
	}
	if Unnamed("") != "(unnamed)" || Unnamed("web") != "web" {
		t.Error("Unnamed")
	}
	if d := ProviderNotConfigured("nothing was listed"); !d.HasError() || d[0].Summary() != "Provider not configured" {
		t.Errorf("ProviderNotConfigured: %v", d)
	}
}
