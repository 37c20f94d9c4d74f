package cen

import (
	"context"
	"fmt"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// endTimePattern is the exact shape TempUpgradeCenBandwidthPackageSpec takes for EndTime.
var endTimePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$`)

// endTimeFormat validates that a string is a real UTC time written exactly YYYY-MM-DDThh:mm:ssZ.
type endTimeFormat struct{}

var _ validator.String = endTimeFormat{}

// Description implements validator.Describer.
func (endTimeFormat) Description(context.Context) string {
	return "value must be a UTC time written YYYY-MM-DDThh:mm:ssZ"
}

// MarkdownDescription implements validator.Describer.
func (v endTimeFormat) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

// ValidateString implements validator.String.
func (endTimeFormat) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	if msg := checkEndTimeFormat(s); msg != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid end_time format",
			fmt.Sprintf("%s = %q: %s", req.Path, s, msg))
	}
}

// checkEndTimeFormat returns what is wrong with s as an EndTime, or "" when nothing is.
func checkEndTimeFormat(s string) string {
	example := time.Now().UTC().Add(24 * time.Hour).Truncate(time.Hour).Format(endTimeLayout)
	if !endTimePattern.MatchString(s) {
		return fmt.Sprintf("write the end of the window in UTC exactly as YYYY-MM-DDThh:mm:ssZ, "+
			"with seconds and a trailing Z and no offset or fraction, for example %q.", example)
	}
	if _, err := time.Parse(endTimeLayout, s); err != nil {
		return fmt.Sprintf("this is not a real date and time (%v); give an existing UTC time "+
			"such as %q.", err, example)
	}
	return ""
}
