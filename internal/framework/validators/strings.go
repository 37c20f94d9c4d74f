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
	return fmt.Sprintf("The region %s (from the %s) is not an Alibaba Cloud region id. Known regions: %s.",
		Shorten(region), from, strings.Join(conns.Regions, ", "))
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

// Endpoint returns a validator that accepts an API endpoint as conns.ParseEndpoint reads it: a
// host, or an http(s) URL of a host, with a valid host and port. An empty string is refused: it
// does not mean the default endpoint.
func Endpoint(def string) validator.String { return endpoint{def: def} }

// endpoint is the validator Endpoint returns; def is the default endpoint, for messages.
type endpoint struct{ def string }

// Description implements validator.String.
func (endpoint) Description(context.Context) string {
	return "value must be a host such as cbn.aliyuncs.com or an http(s) URL such as http://127.0.0.1:8686"
}

// MarkdownDescription implements validator.String.
func (v endpoint) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

// ValidateString implements validator.String.
func (v endpoint) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if summary, detail := EndpointProblem(req.ConfigValue.ValueString(), "attribute "+req.Path.String(), req.Path.String(), v.def); summary != "" {
		resp.Diagnostics.AddAttributeError(req.Path, summary, detail)
	}
}

// EndpointProblem says what is wrong with value as an endpoint, read from from ("attribute
// endpoints.ga", "environment variable ALIBABA_CLOUD_ENDPOINT_GA") for setting (endpoints.ga),
// whose default is def: a summary and a detail, or "" when nothing is.
func EndpointProblem(value, from, setting, def string) (summary, detail string) {
	if strings.TrimSpace(value) == "" {
		return "Empty endpoint", fmt.Sprintf("The %s is empty. An empty endpoint does not mean the default: leave %s "+
			"out for the production endpoint %s, or give a host such as %s or an http(s) URL such as "+
			"http://127.0.0.1:8686. (An empty string usually comes from an empty variable, and calls meant for a "+
			"test endpoint would go to the real cloud.)", from, setting, def, def)
	}
	if _, err := conns.ParseEndpoint(value); err != nil {
		return "Malformed endpoint", fmt.Sprintf("The %s, %s, is not an endpoint: %s. Write a host such as %s or an "+
			"http(s) URL of a host and port (1 to 65535) such as http://127.0.0.1:8686.", from, Shorten(value), err, def)
	}
	return "", ""
}
