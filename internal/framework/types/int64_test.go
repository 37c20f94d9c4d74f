package types

import (
	"context"
	"math/big"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func number(f float64) tftypes.Value { return tftypes.NewValue(tftypes.Number, big.NewFloat(f)) }

func TestInt64Type_ValueFromTerraform(t *testing.T) {
	ctx := context.Background()
	huge, _ := new(big.Float).SetString("1e30")
	cases := map[string]struct {
		in        tftypes.Value
		want      Int64
		wantError string // "" for a value validation accepts
	}{
		"whole":    {number(150), Int64Value(150), ""},
		"null":     {tftypes.NewValue(tftypes.Number, nil), Int64Null(), ""},
		"unknown":  {tftypes.NewValue(tftypes.Number, tftypes.UnknownValue), Int64Unknown(), ""},
		"fraction": {number(150.5), Int64{Int64Value: basetypes.NewInt64Unknown(), notWhole: big.NewFloat(150.5)}, "bandwidth = 150.5 is not a whole number, and bandwidth takes whole numbers only. Write a whole number, such as 150 or 151."},
		"negative": {number(-0.5), Int64{Int64Value: basetypes.NewInt64Unknown(), notWhole: big.NewFloat(-0.5)}, "such as -1 or 0."},
		"too large": {tftypes.NewValue(tftypes.Number, huge), Int64{Int64Value: basetypes.NewInt64Unknown(), notWhole: huge},
			"bandwidth = 1e+30 is too large for a whole number of 64 bits"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			got, err := Int64Type{}.ValueFromTerraform(ctx, tc.in)
			if err != nil {
				t.Fatalf("a conversion error, which the framework reports as a bug in the provider: %v", err)
			}
			v, ok := got.(Int64)
			if !ok || !v.Equal(tc.want) {
				t.Fatalf("got %#v, want %#v", got, tc.want)
			}
			// The value goes back to Terraform as it came.
			if back, err := v.ToTerraformValue(ctx); err != nil || !back.Equal(tc.in) {
				t.Errorf("ToTerraformValue = %v, %v; want %v", back, err, tc.in)
			}
			var resp xattr.ValidateAttributeResponse
			v.ValidateAttribute(ctx, xattr.ValidateAttributeRequest{Path: path.Root("bandwidth")}, &resp)
			switch {
			case tc.wantError == "" && resp.Diagnostics.HasError():
				t.Errorf("refused: %v", resp.Diagnostics)
			case tc.wantError != "" && (resp.Diagnostics.ErrorsCount() != 1 || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), tc.wantError)):
				t.Errorf("want one error containing %q, got %v", tc.wantError, resp.Diagnostics)
			}
		})
	}
}

// TestInt64_inASchema: read through the framework, a whole number is an Int64 like the
// framework's, and a fraction fails with our message on the attribute, not the framework's
// "This is always an error in the provider ... %!s(*big.Float=150.5)".
func TestInt64_inASchema(t *testing.T) {
	ctx := context.Background()
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"bandwidth": schema.Int64Attribute{Required: true, CustomType: Int64Type{}},
	}}
	config := func(v tftypes.Value) tfsdk.Config {
		return tfsdk.Config{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(ctx), map[string]tftypes.Value{"bandwidth": v})}
	}
	var model struct {
		Bandwidth Int64 `tfsdk:"bandwidth"`
	}
	if diags := config(number(150)).Get(ctx, &model); diags.HasError() || model.Bandwidth.ValueInt64() != 150 {
		t.Errorf("a whole number: %v, %v", model.Bandwidth, diags)
	}
	diags := config(number(150.5)).Get(ctx, &model)
	if diags.ErrorsCount() != 1 || diags.Errors()[0].Summary() != "Not a whole number" {
		t.Fatalf("a fraction: %v", diags)
	}
	if text := diags.Errors()[0].Detail(); strings.Contains(text, "big.Float") || strings.Contains(text, "error in the provider") {
		t.Errorf("a fraction is reported as %q", text)
	}
	typ := Int64Type{}
	if typ.String() != "fwtypes.Int64Type" || !typ.Equal(Int64Type{}) || typ.Equal(basetypes.Int64Type{}) {
		t.Error("Int64Type equality")
	}
	if Int64Value(3).Equal(basetypes.NewInt64Value(3)) || !Int64Value(3).Equal(Int64Value(3)) {
		t.Error("Int64 equality")
	}
}
