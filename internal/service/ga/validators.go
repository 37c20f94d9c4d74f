package ga

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// dependentAttribute is a config validator for a rule between two attributes: Attribute is
// required (Required) or only allowed (!Required) when the string attribute On has one of
// Values. A null On counts as OnDefault (the schema default). Unknown values are not judged:
// Terraform validates again once they are known.
type dependentAttribute struct {
	Attribute string
	On        string
	OnDefault string
	Values    []string
	Required  bool
}

var _ resource.ConfigValidator = dependentAttribute{}

// requiredWhen returns a rule making attribute required when on has one of values.
func requiredWhen(attribute, on, onDefault string, values ...string) dependentAttribute {
	return dependentAttribute{Attribute: attribute, On: on, OnDefault: onDefault, Values: values, Required: true}
}

// allowedOnlyWhen returns a rule allowing attribute only when on has one of values.
func allowedOnlyWhen(attribute, on, onDefault string, values ...string) dependentAttribute {
	return dependentAttribute{Attribute: attribute, On: on, OnDefault: onDefault, Values: values}
}

// Description implements resource.ConfigValidator.
func (v dependentAttribute) Description(context.Context) string {
	verb := "may only be set"
	if v.Required {
		verb = "is required"
	}
	return fmt.Sprintf("%s %s when %s is %s", v.Attribute, verb, v.On, quotedList(v.Values))
}

// MarkdownDescription implements resource.ConfigValidator.
func (v dependentAttribute) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

// ValidateResource implements resource.ConfigValidator.
func (v dependentAttribute) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	on, known := stringOrDefault(ctx, req.Config, v.On, v.OnDefault, &resp.Diagnostics)
	if !known {
		return
	}
	var value attr.Value
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root(v.Attribute), &value)...)
	if resp.Diagnostics.HasError() || value.IsUnknown() {
		return
	}
	matches := slices.Contains(v.Values, on)
	switch {
	case v.Required && matches && value.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root(v.Attribute), "Missing required attribute",
			fmt.Sprintf("%s is required when %s is %q. Set %s, or change %s.", v.Attribute, v.On, on, v.Attribute, v.On))
	case !v.Required && !matches && !value.IsNull():
		resp.Diagnostics.AddAttributeError(path.Root(v.Attribute), "Attribute not allowed here",
			fmt.Sprintf("%s may only be set when %s is %s, and %s is %q. Remove %s from the configuration, or change %s.",
				v.Attribute, v.On, quotedList(v.Values), v.On, on, v.Attribute, v.On))
	}
}

// durationRange is a config validator checking duration against the range its pricing_cycle
// allows: 1 to 9 months or 1 to 3 years.
type durationRange struct{}

var _ resource.ConfigValidator = durationRange{}

// Description implements resource.ConfigValidator.
func (durationRange) Description(context.Context) string {
	return fmt.Sprintf("duration is 1 to %d when pricing_cycle is %s, 1 to %d when it is %s",
		DurationMonthMax, PricingCycleMonth, DurationYearMax, PricingCycleYear)
}

// MarkdownDescription implements resource.ConfigValidator.
func (d durationRange) MarkdownDescription(ctx context.Context) string { return d.Description(ctx) }

// ValidateResource implements resource.ConfigValidator.
func (durationRange) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	cycle, known := stringOrDefault(ctx, req.Config, "pricing_cycle", PricingCycleMonth, &resp.Diagnostics)
	if !known {
		return
	}
	var duration types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("duration"), &duration)...)
	if resp.Diagnostics.HasError() || duration.IsNull() || duration.IsUnknown() {
		return
	}
	limit := int64(DurationMonthMax)
	if cycle == PricingCycleYear {
		limit = DurationYearMax
	}
	if d := duration.ValueInt64(); d < 1 || d > limit {
		resp.Diagnostics.AddAttributeError(path.Root("duration"), "Invalid subscription duration",
			fmt.Sprintf("duration must be 1 to %d when pricing_cycle is %q, got %d.", limit, cycle, d))
	}
}

// stringOrDefault reads a string attribute of the configuration; null gives def. known is
// false when the value is unknown or cannot be read.
func stringOrDefault(ctx context.Context, config tfsdk.Config, name, def string, diags *diag.Diagnostics) (string, bool) {
	var v types.String
	diags.Append(config.GetAttribute(ctx, path.Root(name), &v)...)
	switch {
	case diags.HasError() || v.IsUnknown():
		return "", false
	case v.IsNull():
		return def, true
	default:
		return v.ValueString(), true
	}
}

// quotedList renders values as "a", "b" or "c".
func quotedList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = fmt.Sprintf("%q", v)
	}
	if len(quoted) == 1 {
		return quoted[0]
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
}
