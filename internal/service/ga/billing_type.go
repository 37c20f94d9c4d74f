package ga

import (
	"context"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	fwtypes "terraform-provider-alibabacloud/internal/framework/types"
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

// billingTypeSpelling is the semantic equality of billing_type: PayBy95 (the official
// provider's spelling) and PayBY95 (the API's) are the same value, so the state keeps the
// configuration's spelling whatever the API answers.
type billingTypeSpelling struct{}

// Name implements fwtypes.StringSemantics.
func (billingTypeSpelling) Name() string { return "ga.billingType" }

// Same implements fwtypes.StringSemantics: both values name the same billing.
func (billingTypeSpelling) Same(a, b string) bool {
	return canonicalBillingType(a) == canonicalBillingType(b)
}

// billingTypeType is the type of billing_type, compared by billingTypeSpelling.
type billingTypeType = fwtypes.SemanticStringType[billingTypeSpelling]

// billingTypeValue is a value of billingTypeType.
type billingTypeValue = fwtypes.SemanticString[billingTypeSpelling]

// billingTypeOrNull returns the billing type s, null for "".
func billingTypeOrNull(s string) billingTypeValue {
	return billingTypeValue{StringValue: stringOrNull(s)}
}

// canonicalBillingTypeValue returns v in the API's spelling (null and unknown unchanged).
func canonicalBillingTypeValue(v billingTypeValue) basetypes.StringValue {
	if v.IsNull() || v.IsUnknown() {
		return v.StringValue
	}
	return basetypes.NewStringValue(canonicalBillingType(v.ValueString()))
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
