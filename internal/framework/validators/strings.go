package validators

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"terraform-provider-alibabacloud/internal/conns"
)

// Region returns a validator that accepts only a known Alibaba Cloud region id (conns.Regions).
func Region() validator.String { return region{} }

// region is the validator Region returns.
type region struct{}

// Description implements validator.String.
func (region) Description(context.Context) string {
	return "value must be a known Alibaba Cloud region id"
}

// MarkdownDescription implements validator.String.
func (v region) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

// ValidateString implements validator.String.
func (region) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || conns.IsKnownRegion(req.ConfigValue.ValueString()) {
		return
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Unknown Alibaba Cloud region",
		UnknownRegionDetail(req.ConfigValue.ValueString(), "attribute "+req.Path.String()))
}

// UnknownRegionDetail says that region, read from from ("attribute region", "environment
// variable ALICLOUD_REGION"), is not a known region id, and lists the known ones.
func UnknownRegionDetail(region, from string) string {
	return fmt.Sprintf("The region %q (from the %s) is not an Alibaba Cloud region id. Known regions: %s.",
		region, from, strings.Join(conns.Regions, ", "))
}

// PositiveDuration returns a validator that accepts a positive Go duration such as 30s or 2m.
func PositiveDuration() validator.String { return positiveDuration{} }

// positiveDuration is the validator PositiveDuration returns.
type positiveDuration struct{}

// Description implements validator.String.
func (positiveDuration) Description(context.Context) string {
	return "value must be a positive duration such as 30s or 2m"
}

// MarkdownDescription implements validator.String.
func (v positiveDuration) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

// ValidateString implements validator.String.
func (positiveDuration) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if _, err := ParsePositiveDuration(req.ConfigValue.ValueString()); err != nil {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), err.Error()+".")
	}
}

// ParsePositiveDuration reads a positive Go duration such as 30s or 2m.
func ParsePositiveDuration(s string) (time.Duration, error) {
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q is not a positive duration such as 30s or 2m", s)
	}
	return d, nil
}
