package validators

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestTags(t *testing.T) {
	many := map[string]string{}
	for i := range MaxTags + 1 {
		many[fmt.Sprintf("k%d", i)] = "v"
	}
	cases := []struct {
		name string
		tags map[string]string
		want string // "" for valid
	}{
		{"valid", map[string]string{"env": "prod", "empty": ""}, ""},
		{"at the limits", map[string]string{strings.Repeat("k", MaxTagKeyLength): strings.Repeat("v", MaxTagValueLength)}, ""},
		{"too many", many, "has 21 tags; a resource can have at most 20. Remove 1"},
		{"empty key", map[string]string{"": "v"}, `The tag key "" is empty`},
		{"long key", map[string]string{strings.Repeat("k", MaxTagKeyLength+1): "v"}, "has 65 characters, more than 64"},
		{"long value", map[string]string{"k": strings.Repeat("v", MaxTagValueLength+1)}, "has 129 characters, more than 128"},
		{"reserved key", map[string]string{"aliyun-owner": "v"}, "reserved for the system's tags"},
		{"reserved value", map[string]string{"k": "acs:x"}, "reserved for the system's tags"},
		{"URL", map[string]string{"k": "see http://example.com"}, "contains http:// or https://"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			elements := map[string]attr.Value{}
			for k, v := range tc.tags {
				elements[k] = types.StringValue(v)
			}
			resp := &validator.MapResponse{}
			Tags().ValidateMap(context.Background(), validator.MapRequest{
				Path: path.Root("tags"), ConfigValue: types.MapValueMust(types.StringType, elements),
			}, resp)
			if tc.want == "" {
				if resp.Diagnostics.HasError() {
					t.Errorf("want valid, got %v", resp.Diagnostics)
				}
				return
			}
			if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), tc.want) {
				t.Errorf("want an error containing %q, got %v", tc.want, resp.Diagnostics)
			}
		})
	}
	resp := &validator.MapResponse{}
	Tags().ValidateMap(context.Background(), validator.MapRequest{ConfigValue: types.MapNull(types.StringType)}, resp)
	if resp.Diagnostics.HasError() {
		t.Errorf("null tags: %v", resp.Diagnostics)
	}
}
