package types

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// StringSemantics says when two strings of a SemanticStringType mean the same, for a string
// attribute whose configuration and API may write one value in more than one way. Implement it
// on an empty struct type: the type parameter, not a value, carries it.
type StringSemantics interface {
	// Name names the type, in attr.Type's String and in error messages ("ga.billingType").
	Name() string
	// Same reports whether the known values a (the prior one) and b (the new one) mean the same.
	Same(a, b string) bool
}

// SemanticStringType is a string type (schema.StringAttribute's CustomType) whose values compare
// by S's semantic equality, so that a value the API writes another way than the configuration
// plans no change and the state keeps the configuration's writing. The schema type is a plain
// string: states and plans are unchanged, and the string validators and plan modifiers apply.
type SemanticStringType[S StringSemantics] struct {
	basetypes.StringType
}

var _ basetypes.StringTypable = SemanticStringType[StringSemantics]{}

// String implements attr.Type.
func (t SemanticStringType[S]) String() string {
	var s S
	return s.Name() + "Type"
}

// ValueType implements attr.Type.
func (t SemanticStringType[S]) ValueType(context.Context) attr.Value { return SemanticString[S]{} }

// Equal implements attr.Type.
func (t SemanticStringType[S]) Equal(o attr.Type) bool {
	other, ok := o.(SemanticStringType[S])
	return ok && t.StringType.Equal(other.StringType)
}

// ValueFromString implements basetypes.StringTypable.
func (t SemanticStringType[S]) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return SemanticString[S]{StringValue: in}, nil
}

// ValueFromTerraform implements attr.Type.
func (t SemanticStringType[S]) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return SemanticString[S]{StringValue: s}, nil
}

// SemanticString is a value of SemanticStringType.
type SemanticString[S StringSemantics] struct {
	basetypes.StringValue
}

var _ basetypes.StringValuableWithSemanticEquals = SemanticString[StringSemantics]{}

// Type implements attr.Value.
func (v SemanticString[S]) Type(context.Context) attr.Type { return SemanticStringType[S]{} }

// Equal implements attr.Value: the exact comparison; StringSemanticEquals is the lenient one.
func (v SemanticString[S]) Equal(o attr.Value) bool {
	other, ok := o.(SemanticString[S])
	return ok && v.StringValue.Equal(other.StringValue)
}

// StringSemanticEquals implements basetypes.StringValuableWithSemanticEquals: S.Same for known
// values, the exact comparison for null or unknown ones.
func (v SemanticString[S]) StringSemanticEquals(_ context.Context, newValuable basetypes.StringValuable) (bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	var s S
	other, ok := newValuable.(SemanticString[S])
	if !ok {
		diags.AddError("Semantic equality check error",
			fmt.Sprintf("expected a %s value, got %T; please report this to the provider developers", s.Name(), newValuable))
		return false, diags
	}
	if v.IsNull() || v.IsUnknown() || other.IsNull() || other.IsUnknown() {
		return v.StringValue.Equal(other.StringValue), diags
	}
	return s.Same(v.ValueString(), other.ValueString()), diags
}
