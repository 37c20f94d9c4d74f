package ga

import (
	"context"
	"fmt"

	"terraform-provider-alibabacloud/internal/framework/validators"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// durationRange is a config validator checking duration against the range its pricing_cycle
// allows: 1 to 9 months or 1 to 3 years.
type durationRange struct{}

var _ resource.ConfigValidator = durationRange{}

// Description implements resource.ConfigValidator.
func (durationRange) Description(context.Context) string {
	return fmt.Sprintf("duration is 1 to %d when pricing_cycle is %s, 1 to %d when it is %s",
		durationMonthMax, pricingCycleMonth, durationYearMax, pricingCycleYear)
}

// MarkdownDescription implements resource.ConfigValidator.
func (d durationRange) MarkdownDescription(ctx context.Context) string { return d.Description(ctx) }

// ValidateResource implements resource.ConfigValidator.
func (durationRange) ValidateResource(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	cycle, known := validators.StringOrDefault(ctx, req.Config, "pricing_cycle", pricingCycleMonth, &resp.Diagnostics)
	if !known {
		return
	}
	var duration types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("duration"), &duration)...)
	if resp.Diagnostics.HasError() || duration.IsNull() || duration.IsUnknown() {
		return
	}
	limit := int64(durationMonthMax)
	if cycle == pricingCycleYear {
		limit = durationYearMax
	}
	if d := duration.ValueInt64(); d < 1 || d > limit {
		resp.Diagnostics.AddAttributeError(path.Root("duration"), "Invalid subscription duration",
			fmt.Sprintf("duration must be 1 to %d when pricing_cycle is %q, got %d.", limit, cycle, d))
	}
}
