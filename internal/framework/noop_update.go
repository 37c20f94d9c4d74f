package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// WithNoOpUpdate is embedded by a resource whose arguments all replace it except some that need
// no call to change (its timeouts block): Update saves the plan, with every value still unknown
// in it (computed attributes without UseStateForUnknown) taken from the prior state.
type WithNoOpUpdate struct{}

// Update implements resource.Resource. The identity is the state's (SetIdentityFromState).
func (WithNoOpUpdate) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	raw, err := tftypes.Transform(req.Plan.Raw, func(p *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if v.IsKnown() {
			return v, nil
		}
		prior, _, err := tftypes.WalkAttributePath(req.State.Raw, p)
		if priorValue, ok := prior.(tftypes.Value); err == nil && ok {
			return priorValue, nil
		}
		return v, nil
	})
	if err != nil {
		resp.Diagnostics.AddError("Cannot save the planned values",
			"Taking the unknown values of the plan from the state failed: "+err.Error()+". This is a bug in the provider; please report it.")
		return
	}
	resp.State.Raw = raw
	SetIdentityFromState(ctx, resp.State, resp.Identity, &resp.Diagnostics)
}
