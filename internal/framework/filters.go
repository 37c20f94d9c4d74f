package framework

import (
	"regexp"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// NameRegex compiles v, the name_regex filter of a data source or list resource (which
// validators.Regexp has checked at validation): nil when it is null or unknown; an error on
// name_regex in diags when it does not compile.
func NameRegex(v types.String, diags *diag.Diagnostics) *regexp.Regexp {
	if v.IsNull() || v.IsUnknown() {
		return nil
	}
	r, err := regexp.Compile(v.ValueString())
	if err != nil {
		diags.AddAttributeError(path.Root("name_regex"), "Invalid regular expression", err.Error())
	}
	return r
}
