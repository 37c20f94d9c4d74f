package validators

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// StringProblem says what is wrong with value, the configuration's value of the attribute at p:
// the summary and detail of an error on the attribute, or "" when nothing is.
type StringProblem func(p path.Path, value string) (summary, detail string)

// StringCheck returns a validator of an attribute's known value (a null or unknown one passes)
// that reports what problem finds as an error on the attribute; description says what it
// accepts ("value must be ...").
func StringCheck(description string, problem StringProblem) validator.String {
	return stringCheck{description: description, problem: problem}
}

// stringCheck is the validator StringCheck returns.
type stringCheck struct {
	description string
	problem     StringProblem
}

// Description implements validator.String.
func (v stringCheck) Description(context.Context) string { return v.description }

// MarkdownDescription implements validator.String.
func (v stringCheck) MarkdownDescription(context.Context) string { return v.description }

// ValidateString implements validator.String.
func (v stringCheck) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if summary, detail := v.problem(req.Path, req.ConfigValue.ValueString()); summary != "" {
		resp.Diagnostics.AddAttributeError(req.Path, summary, detail)
	}
}
