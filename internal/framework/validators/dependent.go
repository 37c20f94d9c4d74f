package validators

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
)

// Dependent is a config validator for a rule between two attributes: Attribute is required
// (Required) or only allowed (!Required) when the string attribute On has one of Values. A null
// On counts as OnDefault (the schema default). Unknown values are not judged: Terraform
// validates again once they are known. It serves resources and data sources alike.
type Dependent struct {
	Attribute string
	On        string
	OnDefault string
	Values    []string
	Required  bool
}

var (
	_ resource.ConfigValidator   = Dependent{}
	_ datasource.ConfigValidator = Dependent{}
)

// RequiredWhen returns a rule making attribute required when on (onDefault when null) has one
// of values.
func RequiredWhen(attribute, on, onDefault string, values ...string) Dependent {
	return Dependent{Attribute: attribute, On: on, OnDefault: onDefault, Values: values, Required: true}
}

// AllowedOnlyWhen returns a rule allowing attribute only when on (onDefault when null) has one
// of values.
func AllowedOnlyWhen(attribute, on, onDefault string, values ...string) Dependent {
	return Dependent{Attribute: attribute, On: on, OnDefault: onDefault, Values: values}
}

// Description implements resource.ConfigValidator.
func (v Dependent) Description(context.Context) string {
	verb := "may only be set"
	if v.Required {
		verb = "is required"
	}
	return fmt.Sprintf("%s %s when %s is %s", v.Attribute, verb, v.On, QuotedList(v.Values))
}

// MarkdownDescription implements resource.ConfigValidator.
func (v Dependent) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

// ValidateResource implements resource.ConfigValidator.
func (v Dependent) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	v.validate(ctx, req.Config, &resp.Diagnostics)
}

// ValidateDataSource implements datasource.ConfigValidator.
func (v Dependent) ValidateDataSource(ctx context.Context, req datasource.ValidateConfigRequest, resp *datasource.ValidateConfigResponse) {
	v.validate(ctx, req.Config, &resp.Diagnostics)
}

// validate applies the rule to config.
func (v Dependent) validate(ctx context.Context, config tfsdk.Config, diags *diag.Diagnostics) {
	on, known := StringOrDefault(ctx, config, v.On, v.OnDefault, diags)
	if !known {
		return
	}
	var value attr.Value
	diags.Append(config.GetAttribute(ctx, path.Root(v.Attribute), &value)...)
	if diags.HasError() || value.IsUnknown() {
		return
	}
	matches := slices.Contains(v.Values, on)
	switch {
	case v.Required && matches && value.IsNull():
		diags.AddAttributeError(path.Root(v.Attribute), "Missing required attribute",
			fmt.Sprintf("%s is required when %s is %q. Set %s, or change %s.", v.Attribute, v.On, on, v.Attribute, v.On))
	case !v.Required && !matches && !value.IsNull():
		fix := "change " + v.On
		if on == "" {
			fix = fmt.Sprintf("set %s to %s", v.On, QuotedList(v.Values))
		}
		diags.AddAttributeError(path.Root(v.Attribute), "Attribute not allowed here",
			fmt.Sprintf("%s may only be set when %s is %s, and %s %s. Remove %s from the configuration, or %s.",
				v.Attribute, v.On, QuotedList(v.Values), v.On, isOrUnset(on), v.Attribute, fix))
	}
}

// isOrUnset describes the value an attribute has in a message: `is "PayAsYouGo"`, or `is not
// set` for the empty value a null attribute without a default reads as.
func isOrUnset(value string) string {
	if value == "" {
		return "is not set"
	}
	return "is " + Shorten(value)
}

// StringOrDefault reads a string attribute of the configuration; null gives def. known is
// false when the value is unknown or cannot be read.
func StringOrDefault(ctx context.Context, config tfsdk.Config, name, def string, diags *diag.Diagnostics) (string, bool) {
	var raw attr.Value
	diags.Append(config.GetAttribute(ctx, path.Root(name), &raw)...)
	if diags.HasError() {
		return "", false
	}
	// Custom string types (semantic equality) are strings too.
	valuable, ok := raw.(basetypes.StringValuable)
	if !ok {
		diags.AddAttributeError(path.Root(name), "Not a string attribute",
			fmt.Sprintf("%s is a %T, not a string; please report this to the provider developers.", name, raw))
		return "", false
	}
	v, d := valuable.ToStringValue(ctx)
	diags.Append(d...)
	switch {
	case diags.HasError() || v.IsUnknown():
		return "", false
	case v.IsNull():
		return def, true
	default:
		return v.ValueString(), true
	}
}

// QuotedList renders values as "a", "b" or "c".
func QuotedList(values []string) string {
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = fmt.Sprintf("%q", v)
	}
	if len(quoted) == 1 {
		return quoted[0]
	}
	return strings.Join(quoted[:len(quoted)-1], ", ") + " or " + quoted[len(quoted)-1]
}
