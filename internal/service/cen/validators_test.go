package cen

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestEndTimeFormat(t *testing.T) {
	cases := []struct {
		value types.String
		want  string // "" means valid
	}{
		{types.StringValue("2026-12-01T10:00:00Z"), ""},
		{types.StringValue("2026-12-01T23:59:59Z"), ""},
		{types.StringNull(), ""},
		{types.StringUnknown(), ""},
		{types.StringValue("2026-12-01T10:00Z"), "with seconds and a trailing Z"},
		{types.StringValue("2026-12-01T10:00:00+08:00"), "no offset"},
		{types.StringValue("2026-12-01T10:00:00.5Z"), "YYYY-MM-DDThh:mm:ssZ"},
		{types.StringValue("2026-12-01 10:00:00"), "YYYY-MM-DDThh:mm:ssZ"},
		{types.StringValue("2026-12-01t10:00:00z"), "YYYY-MM-DDThh:mm:ssZ"},
		{types.StringValue("2026-02-30T10:00:00Z"), "not a real date"},
		{types.StringValue("2026-12-01T24:00:00Z"), "not a real date"},
	}
	for _, c := range cases {
		t.Run(c.value.String(), func(t *testing.T) {
			req := validator.StringRequest{Path: path.Root("end_time"), ConfigValue: c.value}
			var resp validator.StringResponse
			endTimeFormat{}.ValidateString(context.Background(), req, &resp)
			if c.want == "" {
				if resp.Diagnostics.HasError() {
					t.Fatalf("unexpected error: %v", resp.Diagnostics)
				}
				return
			}
			if resp.Diagnostics.ErrorsCount() != 1 {
				t.Fatalf("want one error, got %v", resp.Diagnostics)
			}
			d := resp.Diagnostics.Errors()[0]
			if !strings.Contains(d.Detail(), c.want) || !strings.Contains(d.Detail(), "end_time = ") {
				t.Errorf("detail %q should name end_time and contain %q", d.Detail(), c.want)
			}
		})
	}
}
