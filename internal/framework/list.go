package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// NullModel reads into model (a pointer to a resource's model) a listed resource with every
// attribute null, each of its own type, for the list resource to fill as a refresh would and
// store with resource.Set: the list's answer for `include_resource` and `terraform query
// -generate-config-out`.
func NullModel(ctx context.Context, resource *tfsdk.Resource, model any) diag.Diagnostics {
	objectType, ok := resource.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		var diags diag.Diagnostics
		diags.AddError("Cannot list the resource", "The resource's schema is not an object. This is a bug in the provider; please report it.")
		return diags
	}
	values := make(map[string]tftypes.Value, len(objectType.AttributeTypes))
	for name, typ := range objectType.AttributeTypes {
		values[name] = tftypes.NewValue(typ, nil)
	}
	resource.Raw = tftypes.NewValue(objectType, values)
	return resource.Get(ctx, model)
}

// ListError is a list result that ends the listing with an error: summary, and detail.
func ListError(summary, detail string) list.ListResult {
	var diags diag.Diagnostics
	diags.AddError(summary, detail)
	return list.ListResult{Diagnostics: diags}
}

// ListLimit counts the results a list pushes against the limit Terraform asks for (`limit` of a
// list block, 100 unless set; 0 for none).
type ListLimit struct {
	limit, pushed int64
}

// NewListLimit returns a counter for req's limit.
func NewListLimit(req list.ListRequest) *ListLimit { return &ListLimit{limit: req.Limit} }

// Push pushes result with push and reports whether the list should go on: push still wants
// results and the limit is not reached.
func (l *ListLimit) Push(push func(list.ListResult) bool, result list.ListResult) bool {
	l.pushed++
	return push(result) && (l.limit <= 0 || l.pushed < l.limit)
}

// ProviderNotConfigured is the error of a list resource or an action run before the provider
// is configured; consequence says what could not be done.
func ProviderNotConfigured(consequence string) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.AddError("Provider not configured",
		"The alibabacloud provider was not configured, so "+consequence+". Make sure every value of the provider "+
			"block is known (not computed from a resource created in the same apply), then run it again.")
	return diags
}

// Unnamed is name, or "(unnamed)" when it is empty, for a list result's display name.
func Unnamed(name string) string {
	if name == "" {
		return "(unnamed)"
	}
	return name
}
