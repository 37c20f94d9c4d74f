package validators

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// Unsupported returns a validator of an argument that the schema declares only to refuse it
// with a message of its own (Terraform's "Unsupported argument" says what is wrong, not what to
// write instead): any value set, known or not, is an error on the argument whose detail is
// detail, which says why it is not taken and what to write instead. It validates attributes of
// every type and blocks (object, list, set).
func Unsupported(detail string) UnsupportedValidator { return UnsupportedValidator{Detail: detail} }

// UnsupportedValidator is the validator Unsupported returns.
type UnsupportedValidator struct {
	// Detail says why the argument is not taken and what to write instead.
	Detail string
}

var (
	_ validator.String = UnsupportedValidator{}
	_ validator.Int64  = UnsupportedValidator{}
	_ validator.Bool   = UnsupportedValidator{}
	_ validator.Object = UnsupportedValidator{}
	_ validator.List   = UnsupportedValidator{}
	_ validator.Set    = UnsupportedValidator{}
	_ validator.Map    = UnsupportedValidator{}
)

// Description implements the validator interfaces.
func (v UnsupportedValidator) Description(context.Context) string {
	return "not supported: " + v.Detail
}

// MarkdownDescription implements the validator interfaces.
func (v UnsupportedValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

// refuse adds the error when value is set.
func (v UnsupportedValidator) refuse(p path.Path, value attr.Value, diags *diag.Diagnostics) {
	if value.IsNull() {
		return
	}
	diags.AddAttributeError(p, "Argument not supported", p.String()+" is not supported by this provider: "+v.Detail)
}

// ValidateString implements validator.String.
func (v UnsupportedValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	v.refuse(req.Path, req.ConfigValue, &resp.Diagnostics)
}

// ValidateInt64 implements validator.Int64.
func (v UnsupportedValidator) ValidateInt64(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	v.refuse(req.Path, req.ConfigValue, &resp.Diagnostics)
}

// ValidateBool implements validator.Bool.
func (v UnsupportedValidator) ValidateBool(_ context.Context, req validator.BoolRequest, resp *validator.BoolResponse) {
	v.refuse(req.Path, req.ConfigValue, &resp.Diagnostics)
}

// ValidateObject implements validator.Object.
func (v UnsupportedValidator) ValidateObject(_ context.Context, req validator.ObjectRequest, resp *validator.ObjectResponse) {
	v.refuse(req.Path, req.ConfigValue, &resp.Diagnostics)
}

// ValidateList implements validator.List.
func (v UnsupportedValidator) ValidateList(_ context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if !req.ConfigValue.IsNull() && !req.ConfigValue.IsUnknown() && len(req.ConfigValue.Elements()) == 0 {
		return // a list block written no times
	}
	v.refuse(req.Path, req.ConfigValue, &resp.Diagnostics)
}

// ValidateSet implements validator.Set.
func (v UnsupportedValidator) ValidateSet(_ context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if !req.ConfigValue.IsNull() && !req.ConfigValue.IsUnknown() && len(req.ConfigValue.Elements()) == 0 {
		return // a set block written no times
	}
	v.refuse(req.Path, req.ConfigValue, &resp.Diagnostics)
}

// ValidateMap implements validator.Map.
func (v UnsupportedValidator) ValidateMap(_ context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	v.refuse(req.Path, req.ConfigValue, &resp.Diagnostics)
}
