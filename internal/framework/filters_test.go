package framework

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestNameRegex(t *testing.T) {
	var diags diag.Diagnostics
	if r := NameRegex(types.StringNull(), &diags); r != nil || diags.HasError() {
		t.Errorf("null: %v, %v", r, diags)
	}
	if r := NameRegex(types.StringUnknown(), &diags); r != nil || diags.HasError() {
		t.Errorf("unknown: %v, %v", r, diags)
	}
	if r := NameRegex(types.StringValue("^web-"), &diags); r == nil || !r.MatchString("web-1") || r.MatchString("api-1") || diags.HasError() {
		t.Errorf("^web-: %v, %v", r, diags)
	}
	NameRegex(types.StringValue("web-["), &diags)
	if len(diags) != 1 {
		t.Fatalf("web-[: want one error, got %v", diags)
	}
	if withPath, ok := diags[0].(diag.DiagnosticWithPath); !ok || !withPath.Path().Equal(path.Root("name_regex")) {
		t.Errorf("web-[: want one error on name_regex, got %v", diags)
	}
}
