package ga

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// billingTypePayBy95Official is how the official alicloud provider spells PayBY95. Both
// spellings are accepted and mean the same; the API is always sent its own.
const billingTypePayBy95Official = "PayBy95"

// canonicalBillingType returns the API's spelling of a billing type: PayBY95 for either
// spelling of the 95th-percentile billing, anything else unchanged.
func canonicalBillingType(s string) string {
	if strings.EqualFold(s, billingTypePayBY95) {
		return billingTypePayBY95
	}
	return s
}

// billingTypeType is the type of billing_type: a string compared by semantic equality, so
// that PayBy95 (the official provider's spelling) and PayBY95 (the API's) are the same value
// and the state keeps the configuration's spelling whatever the API answers.
type billingTypeType struct {
	basetypes.StringType
}

var _ basetypes.StringTypable = billingTypeType{}

// String implements attr.Type.
func (t billingTypeType) String() string { return "ga.billingTypeType" }

// ValueType implements attr.Type.
func (t billingTypeType) ValueType(context.Context) attr.Value { return billingTypeValue{} }

// Equal implements attr.Type.
func (t billingTypeType) Equal(o attr.Type) bool {
	other, ok := o.(billingTypeType)
	return ok && t.StringType.Equal(other.StringType)
}

// ValueFromString implements basetypes.StringTypable.
func (t billingTypeType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return billingTypeValue{StringValue: in}, nil
}

// ValueFromTerraform implements attr.Type.
func (t billingTypeType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return billingTypeValue{StringValue: s}, nil
}

// billingTypeValue is a value of billingTypeType.
type billingTypeValue struct {
	basetypes.StringValue
}

var _ basetypes.StringValuableWithSemanticEquals = billingTypeValue{}

// billingTypeOrNull returns the billing type s, null for "".
func billingTypeOrNull(s string) billingTypeValue {
	return billingTypeValue{StringValue: stringOrNull(s)}
}

// Type implements attr.Value.
func (v billingTypeValue) Type(context.Context) attr.Type { return billingTypeType{} }

// Equal implements attr.Value (exact comparison; StringSemanticEquals is the lenient one).
func (v billingTypeValue) Equal(o attr.Value) bool {
	other, ok := o.(billingTypeValue)
	return ok && v.StringValue.Equal(other.StringValue)
}

// canonical returns the value in the API's spelling (null and unknown unchanged).
func (v billingTypeValue) canonical() basetypes.StringValue {
	if v.IsNull() || v.IsUnknown() {
		return v.StringValue
	}
	return basetypes.NewStringValue(canonicalBillingType(v.ValueString()))
}

// StringSemanticEquals reports whether both values name the same billing: PayBy95 and PayBY95
// do.
func (v billingTypeValue) StringSemanticEquals(_ context.Context, newValuable basetypes.StringValuable) (bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	other, ok := newValuable.(billingTypeValue)
	if !ok {
		diags.AddError("Semantic equality check error",
			fmt.Sprintf("expected a ga.billingTypeValue, got %T; please report this to the provider developers", newValuable))
		return false, diags
	}
	return v.canonical().Equal(other.canonical()), diags
}

// requiresReplaceUnlessRespelled replaces the plan when billing_type changes, but not when
// only its spelling does (PayBy95 to PayBY95 or back): that is an update that sends nothing.
var requiresReplaceUnlessRespelled = stringplanmodifier.RequiresReplaceIf(
	func(ctx context.Context, req planmodifier.StringRequest, resp *stringplanmodifier.RequiresReplaceIfFuncResponse) {
		resp.RequiresReplace = canonicalBillingType(req.StateValue.ValueString()) != canonicalBillingType(req.PlanValue.ValueString())
	},
	"Changing billing_type replaces the plan; writing PayBY95 as PayBy95 or back does not.",
	"Changing `billing_type` replaces the plan; writing `PayBY95` as `PayBy95` or back does not.",
)
