package validators

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestID(t *testing.T) {
	cases := []struct {
		value string
		want  string // "" for valid
	}{
		{"gbwp-bp1sgzldyj6b4q7cx", ""},
		{"gbwp-1", ""},
		{"cenbwp-bp1x", "is the id of a CEN bandwidth package, not of a GA bandwidth plan"},
		{"ga-bp1x", "is the id of a GA accelerator, not of a GA bandwidth plan"},
		{" gbwp-bp1x", "has white space around it"},
		{"gbwp-bp1x\n", "has white space around it"},
		{"GBWP-BP1X", "has upper-case letters"},
		{"gbwp-BP1x", "has upper-case letters"},
		{"gbwp-", "has nothing after gbwp-"},
		{"gbwp-a:b", `has the character ':'`},
		{"bp1x", "does not start with gbwp-"},
		{"", "is empty"},
		{"gbwp-" + strings.Repeat("a", 2<<20), "is 2097157 characters long, and no id is longer than 64"},
	}
	for _, tc := range cases {
		var resp validator.StringResponse
		ID(IDKindGABandwidthPlan).ValidateString(context.Background(), validator.StringRequest{
			Path: path.Root("bandwidth_package_id"), ConfigValue: types.StringValue(tc.value),
		}, &resp)
		errs := resp.Diagnostics.Errors()
		switch {
		case tc.want == "" && len(errs) > 0:
			t.Errorf("%q: want valid, got %v", tc.value, errs)
		case tc.want != "" && len(errs) != 1:
			t.Errorf("%q: want one error, got %v", tc.value, errs)
		case tc.want != "":
			detail := errs[0].Detail()
			if len(detail) > 600 {
				t.Errorf("%d bytes of message for a value of %d", len(detail), len(tc.value))
			}
			for _, w := range []string{tc.want, "bandwidth_package_id = ", `"gbwp-bp1sgzldyj6b4q7cx"`} {
				if !strings.Contains(detail, w) {
					t.Errorf("%q: %q lacks %q", tc.value, detail, w)
				}
			}
		}
	}
	// The CEN kind is told from the CEN instance's prefix, which it starts with.
	if p := IDKindGAAccelerator.problem("cen-x1"); !strings.Contains(p, "CEN instance") {
		t.Errorf("cen-x1 as an accelerator: %q", p)
	}
	if p := IDKindGAAccelerator.problem("cenbwp-x1"); !strings.Contains(p, "CEN bandwidth package") {
		t.Errorf("cenbwp-x1 as an accelerator: %q", p)
	}
}

func TestShorten(t *testing.T) {
	if got := Shorten("gbwp-1"); got != `"gbwp-1"` {
		t.Errorf("a short value: %s", got)
	}
	long := strings.Repeat("é", 2<<20)
	got := Shorten(long)
	if len(got) > 200 || !strings.HasSuffix(got, "... (2097152 characters)") {
		t.Errorf("a 2M-character value is shown as %d bytes ending %q", len(got), got[max(0, len(got)-40):])
	}
	if got := Shorten("a\x00b"); got != `"a\x00b"` {
		t.Errorf("control characters are not escaped: %s", got)
	}
}

// TestShortened: the framework's validators show a value whole; wrapped, a long one is cut.
func TestShortened(t *testing.T) {
	long := strings.Repeat("x", 2<<20)
	for _, v := range []validator.String{
		Shortened(stringvalidator.OneOf("Basic", "CrossDomain")),
		Shortened(stringvalidator.RegexMatches(regexp.MustCompile(`^[a-z]{1,3}$`), "must be short")),
	} {
		var resp validator.StringResponse
		v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("type"), ConfigValue: types.StringValue(long)}, &resp)
		if resp.Diagnostics.ErrorsCount() != 1 {
			t.Fatalf("%s: %d errors", v.Description(context.Background()), resp.Diagnostics.ErrorsCount())
		}
		d := resp.Diagnostics.Errors()[0]
		if len(d.Detail()) > 500 || !strings.Contains(d.Detail(), "... (2097152 characters)") {
			t.Errorf("%s: a %d-byte message", v.Description(context.Background()), len(d.Detail()))
		}
		if p, ok := d.(interface{ Path() path.Path }); !ok || !p.Path().Equal(path.Root("type")) {
			t.Errorf("the error left its attribute: %v", d)
		}
		// A short value reads as the framework wrote it.
		var short validator.StringResponse
		v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root("type"), ConfigValue: types.StringValue("Odd1")}, &short)
		if short.Diagnostics.ErrorsCount() != 1 || !strings.Contains(short.Diagnostics.Errors()[0].Detail(), "Odd1") {
			t.Errorf("a short value: %v", short.Diagnostics)
		}
	}
}
