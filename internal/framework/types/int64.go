// Package types holds the provider's custom attribute types (imported as fwtypes, beside the
// framework's own types package).
package types

import (
	"context"
	"fmt"
	"math/big"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/attr/xattr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// Int64Type is the type of a whole-number attribute (schema.Int64Attribute's CustomType).
// Terraform's numbers may have a fraction (bandwidth = 150.5); the framework's Int64 type then
// fails to convert the configuration and reports "This is always an error in the provider ...
// Value %!s(*big.Float=150.5) is not an integer". This type reads such a number as an Int64 that
// remembers it, and validation refuses it with a message that names the attribute and says to
// write a whole number. Whole numbers behave exactly as the framework's Int64: the schema type
// is the same number, so states and plans are unchanged, and the int64 validators and plan
// modifiers apply.
type Int64Type struct {
	basetypes.Int64Type
}

var (
	_ basetypes.Int64Typable      = Int64Type{}
	_ basetypes.Int64Valuable     = Int64{}
	_ xattr.ValidateableAttribute = Int64{}
)

// Equal implements attr.Type.
func (t Int64Type) Equal(o attr.Type) bool {
	_, ok := o.(Int64Type)
	return ok
}

// String implements attr.Type.
func (t Int64Type) String() string { return "fwtypes.Int64Type" }

// ValueType implements attr.Type.
func (t Int64Type) ValueType(context.Context) attr.Value { return Int64{} }

// ValueFromInt64 implements basetypes.Int64Typable.
func (t Int64Type) ValueFromInt64(_ context.Context, v basetypes.Int64Value) (basetypes.Int64Valuable, diag.Diagnostics) {
	return Int64{Int64Value: v}, nil
}

// ValueFromTerraform implements attr.Type: a number that is not a whole int64 becomes a value
// that validation refuses, instead of a conversion error.
func (t Int64Type) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	if in.IsKnown() && !in.IsNull() && in.Type().Equal(tftypes.Number) {
		var f *big.Float
		if err := in.As(&f); err == nil && f != nil {
			if _, accuracy := f.Int64(); !f.IsInt() || accuracy != big.Exact {
				return Int64{Int64Value: basetypes.NewInt64Unknown(), notWhole: f}, nil
			}
		}
	}
	v, err := t.Int64Type.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	i, ok := v.(basetypes.Int64Value)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return Int64{Int64Value: i}, nil
}

// Int64 is a value of Int64Type: the framework's Int64 (ValueInt64, IsNull, IsUnknown...), or a
// configured number that is not a whole int64, which ValidateAttribute refuses (until then it
// reads as unknown, so that no validator judges it).
type Int64 struct {
	basetypes.Int64Value
	// notWhole is the configured number when it is not a whole int64.
	notWhole *big.Float
}

// Int64Value returns a known Int64 of v.
func Int64Value(v int64) Int64 { return Int64{Int64Value: basetypes.NewInt64Value(v)} }

// Int64Null returns a null Int64.
func Int64Null() Int64 { return Int64{Int64Value: basetypes.NewInt64Null()} }

// Int64Unknown returns an unknown Int64.
func Int64Unknown() Int64 { return Int64{Int64Value: basetypes.NewInt64Unknown()} }

// Type implements attr.Value.
func (v Int64) Type(context.Context) attr.Type { return Int64Type{} }

// Equal implements attr.Value.
func (v Int64) Equal(o attr.Value) bool {
	other, ok := o.(Int64)
	if !ok {
		return false
	}
	if v.notWhole != nil || other.notWhole != nil {
		return v.notWhole != nil && other.notWhole != nil && v.notWhole.Cmp(other.notWhole) == 0
	}
	return v.Int64Value.Equal(other.Int64Value)
}

// ToTerraformValue implements attr.Value: a number that is not whole stays the number given.
func (v Int64) ToTerraformValue(ctx context.Context) (tftypes.Value, error) {
	if v.notWhole != nil {
		return tftypes.NewValue(tftypes.Number, v.notWhole), nil
	}
	return v.Int64Value.ToTerraformValue(ctx)
}

// ToInt64Value implements basetypes.Int64Valuable.
func (v Int64) ToInt64Value(context.Context) (basetypes.Int64Value, diag.Diagnostics) {
	return v.Int64Value, nil
}

// String implements attr.Value.
func (v Int64) String() string {
	if v.notWhole != nil {
		return v.notWhole.Text('g', -1)
	}
	return v.Int64Value.String()
}

// ValidateAttribute implements xattr.ValidateableAttribute: a number that is not a whole int64
// is refused, naming the attribute.
func (v Int64) ValidateAttribute(_ context.Context, req xattr.ValidateAttributeRequest, resp *xattr.ValidateAttributeResponse) {
	if v.notWhole == nil {
		return
	}
	if !v.notWhole.IsInt() {
		below, _ := v.notWhole.Int(nil) // toward zero
		if v.notWhole.Sign() < 0 {
			below.Sub(below, big.NewInt(1))
		}
		resp.Diagnostics.AddAttributeError(req.Path, "Not a whole number",
			fmt.Sprintf("%s = %s is not a whole number, and %s takes whole numbers only. Write a whole number, such as %s or %s.",
				req.Path, v.String(), req.Path, below, new(big.Int).Add(below, big.NewInt(1))))
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Number too large",
		fmt.Sprintf("%s = %s is too large for a whole number of 64 bits; see the attribute's documentation for its range.",
			req.Path, v.String()))
}
