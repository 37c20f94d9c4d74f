package validators

import (
	"context"
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Regexp returns a validator that accepts a Go regular expression (RE2 syntax), such as a
// name_regex filter.
func Regexp() validator.String { return regexpValidator{} }

// regexpValidator is the validator Regexp returns.
type regexpValidator struct{}

// Description implements validator.String.
func (regexpValidator) Description(context.Context) string {
	return "value must be a regular expression (RE2 syntax)"
}

// MarkdownDescription implements validator.String.
func (v regexpValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

// ValidateString implements validator.String.
func (regexpValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := regexp.Compile(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid regular expression",
			req.Path.String()+" = "+Shorten(req.ConfigValue.ValueString())+" is not a regular expression (RE2 syntax, as Go "+
				"reads it): "+err.Error()+". For a literal name, escape the characters that have a meaning, such as . and (.")
	}
}
