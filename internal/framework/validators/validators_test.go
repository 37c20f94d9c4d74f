package validators

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// config is a configuration of two string attributes, kind and extra (nil: null).
func config(kind, extra any) tfsdk.Config {
	s := schema.Schema{Attributes: map[string]schema.Attribute{
		"kind":  schema.StringAttribute{Optional: true},
		"extra": schema.StringAttribute{Optional: true},
	}}
	typ := s.Type().TerraformType(context.Background())
	return tfsdk.Config{Schema: s, Raw: tftypes.NewValue(typ, map[string]tftypes.Value{
		"kind": tftypes.NewValue(tftypes.String, kind), "extra": tftypes.NewValue(tftypes.String, extra),
	})}
}

func TestDependent(t *testing.T) {
	required := RequiredWhen("extra", "kind", "plain", "fancy", "grand")
	allowed := AllowedOnlyWhen("extra", "kind", "plain", "fancy")
	cases := []struct {
		name        string
		rule        Dependent
		kind, extra any
		want        string // "" for valid
	}{
		{"required and set", required, "fancy", "x", ""},
		{"required and missing", required, "grand", nil, `extra is required when kind is "grand"`},
		{"not required", required, "plain", nil, ""},
		{"default condition", required, nil, nil, ""},
		{"allowed", allowed, "fancy", "x", ""},
		{"not allowed", allowed, "plain", "x", `extra may only be set when kind is "fancy", and kind is "plain"`},
		{"not allowed under the default", allowed, nil, "x", `and kind is "plain"`},
		// With no default, a null condition is "not set", never `kind is ""`.
		{"not allowed, condition not set", AllowedOnlyWhen("extra", "kind", "", "fancy"), nil, "x",
			`extra may only be set when kind is "fancy", and kind is not set. Remove extra from the configuration, or set kind to "fancy".`},
		{"unknown condition", allowed, tftypes.UnknownValue, "x", ""},
		{"unknown value", required, "fancy", tftypes.UnknownValue, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var resp resource.ValidateConfigResponse
			tc.rule.ValidateResource(context.Background(), resource.ValidateConfigRequest{Config: config(tc.kind, tc.extra)}, &resp)
			// Data sources get the same rule.
			var dresp datasource.ValidateConfigResponse
			tc.rule.ValidateDataSource(context.Background(), datasource.ValidateConfigRequest{Config: config(tc.kind, tc.extra)}, &dresp)
			for _, diags := range [][]string{details(resp.Diagnostics.Errors()), details(dresp.Diagnostics.Errors())} {
				switch {
				case tc.want == "" && len(diags) > 0:
					t.Errorf("want valid, got %v", diags)
				case tc.want != "" && (len(diags) != 1 || !strings.Contains(diags[0], tc.want)):
					t.Errorf("want one error containing %q, got %v", tc.want, diags)
				}
			}
		})
	}
	if got := required.Description(context.Background()); got != `extra is required when kind is "fancy" or "grand"` {
		t.Errorf("description %q", got)
	}
	if got := QuotedList([]string{"a", "b", "c"}); got != `"a", "b" or "c"` {
		t.Errorf("QuotedList = %s", got)
	}
}

func details[D interface{ Detail() string }](diags []D) []string {
	out := make([]string, len(diags))
	for i, d := range diags {
		out[i] = d.Detail()
	}
	return out
}

func TestStringValidators(t *testing.T) {
	cases := []struct {
		v           validator.String
		value       types.String
		wantSummary string // "" for valid
	}{
		{Region(), types.StringValue("cn-hangzhou"), ""},
		{Region(), types.StringNull(), ""},
		{Region(), types.StringUnknown(), ""},
		{Region(), types.StringValue("mars-north-1"), "Unknown Alibaba Cloud region"},
		{PositiveDuration(), types.StringValue("30s"), ""},
		{PositiveDuration(), types.StringValue("0s"), "Invalid request_timeout"},
		{PositiveDuration(), types.StringValue("soon"), "Invalid request_timeout"},
	}
	for _, tc := range cases {
		var resp validator.StringResponse
		tc.v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("request_timeout"), ConfigValue: tc.value}, &resp)
		switch errs := resp.Diagnostics.Errors(); {
		case tc.wantSummary == "" && len(errs) > 0:
			t.Errorf("%s %s: want valid, got %v", tc.v.Description(context.Background()), tc.value, errs)
		case tc.wantSummary != "" && (len(errs) != 1 || errs[0].Summary() != tc.wantSummary):
			t.Errorf("%s %s: want %q, got %v", tc.v.Description(context.Background()), tc.value, tc.wantSummary, errs)
		}
	}
	if d := UnknownRegionDetail("mars-north-1", "environment variable ALICLOUD_REGION"); !strings.Contains(d, "environment variable ALICLOUD_REGION") || !strings.Contains(d, "cn-hangzhou") {
		t.Errorf("detail %q should name the source and the known regions", d)
	}
}

func TestRegexp(t *testing.T) {
	for value, valid := range map[string]bool{`^plan-\d+$`: true, `(unclosed`: false, `a{2,1}`: false} {
		var resp validator.StringResponse
		Regexp().ValidateString(context.Background(), validator.StringRequest{Path: path.Root("name_regex"), ConfigValue: types.StringValue(value)}, &resp)
		if resp.Diagnostics.HasError() == valid {
			t.Errorf("%q: %v, want valid %t", value, resp.Diagnostics, valid)
		}
	}
}
