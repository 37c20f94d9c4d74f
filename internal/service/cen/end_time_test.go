package cen

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

func TestEndTimeStringSemanticEquals(t *testing.T) {
	cases := []struct {
		name     string
		old, new string
		want     bool
	}{
		{"identical", "2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z", true},
		{"API minute for whole minute", "2026-12-01T10:00:00Z", "2026-12-01T10:00Z", true},
		{"API minute for seconds (truncated)", "2026-12-01T10:00:52Z", "2026-12-01T10:00Z", true},
		{"API minute for seconds (rounded up)", "2026-12-01T10:00:52Z", "2026-12-01T10:01Z", true},
		{"normalized API time", "2026-12-01T10:00:30Z", "2026-12-01T10:00:00Z", true},
		{"other minute", "2026-12-01T10:00:00Z", "2026-12-01T10:02Z", false},
		{"exactly one minute apart", "2026-12-01T10:00:00Z", "2026-12-01T10:01:00Z", false},
		{"other day", "2026-12-01T10:00:00Z", "2026-12-02T10:00Z", false},
		{"unparsable and different", "tomorrow", "2026-12-01T10:00Z", false},
		{"unparsable but identical", "tomorrow", "tomorrow", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, diags := NewEndTimeValue(c.old).StringSemanticEquals(context.Background(), NewEndTimeValue(c.new))
			if diags.HasError() {
				t.Fatalf("unexpected diagnostics: %v", diags)
			}
			if got != c.want {
				t.Errorf("StringSemanticEquals(%q, %q) = %v, want %v", c.old, c.new, got, c.want)
			}
			back, _ := NewEndTimeValue(c.new).StringSemanticEquals(context.Background(), NewEndTimeValue(c.old))
			if back != got {
				t.Errorf("not symmetric: (%q, %q) = %v but reversed %v", c.old, c.new, got, back)
			}
		})
	}
}

func TestEndTimeStringSemanticEqualsWrongType(t *testing.T) {
	_, diags := NewEndTimeValue("2026-12-01T10:00:00Z").StringSemanticEquals(context.Background(),
		basetypes.NewStringValue("2026-12-01T10:00:00Z"))
	if !diags.HasError() {
		t.Fatal("comparing with a plain string: want an error diagnostic")
	}
}

func TestEndTimeTypeValueFromTerraform(t *testing.T) {
	ctx := context.Background()
	typ := EndTimeType{}
	v, err := typ.ValueFromTerraform(ctx, tftypes.NewValue(tftypes.String, "2026-12-01T10:00:00Z"))
	if err != nil {
		t.Fatal(err)
	}
	et, ok := v.(EndTime)
	if !ok {
		t.Fatalf("got %T, want EndTime", v)
	}
	if et.ValueString() != "2026-12-01T10:00:00Z" {
		t.Errorf("value %q", et.ValueString())
	}
	if !et.Type(ctx).Equal(typ) || typ.Equal(basetypes.StringType{}) {
		t.Error("type equality is wrong")
	}
	null, err := typ.ValueFromTerraform(ctx, tftypes.NewValue(tftypes.String, nil))
	if err != nil {
		t.Fatal(err)
	}
	if !null.IsNull() {
		t.Error("null terraform value should give a null EndTime")
	}
	unknown, err := typ.ValueFromTerraform(ctx, tftypes.NewValue(tftypes.String, tftypes.UnknownValue))
	if err != nil {
		t.Fatal(err)
	}
	if !unknown.IsUnknown() {
		t.Error("unknown terraform value should give an unknown EndTime")
	}
	if NewEndTimeValue("a").Equal(NewEndTimeValue("b")) || !NewEndTimeValue("a").Equal(NewEndTimeValue("a")) {
		t.Error("Equal must compare exactly")
	}
}

func TestEndTimeTime(t *testing.T) {
	want := time.Date(2026, 12, 1, 10, 0, 52, 0, time.UTC)
	got, err := NewEndTimeValue("2026-12-01T10:00:52Z").Time()
	if err != nil || !got.Equal(want) {
		t.Errorf("Time() = %v, %v; want %v", got, err, want)
	}
	got, err = NewEndTimeValue("2026-12-01T10:00Z").Time()
	if err != nil || !got.Equal(want.Truncate(time.Minute)) {
		t.Errorf("Time() of API layout = %v, %v", got, err)
	}
	if _, err := NewEndTimeValue("2026-12-01 10:00:00").Time(); err == nil {
		t.Error("want an error for a malformed time")
	}
}

func TestSameMinute(t *testing.T) {
	cases := []struct {
		a, b string
		want bool
	}{
		{"2026-12-01T10:00:00Z", "2026-12-01T10:00:59Z", true},
		{"2026-12-01T10:00:52Z", "2026-12-01T10:00Z", true},
		{"2026-12-01T10:00:52Z", "2026-12-01T10:01:10Z", false},
		{"2026-12-01T10:00:59Z", "2026-12-01T10:01:00Z", false},
		{"tomorrow", "tomorrow", true},
		{"tomorrow", "2026-12-01T10:00:00Z", false},
	}
	for _, c := range cases {
		if got, back := sameMinute(c.a, c.b), sameMinute(c.b, c.a); got != c.want || back != c.want {
			t.Errorf("sameMinute(%q, %q) = %v (reversed %v), want %v", c.a, c.b, got, back, c.want)
		}
	}
}

func TestNormalizeAPITime(t *testing.T) {
	for in, want := range map[string]string{
		"2026-12-01T10:00Z":    "2026-12-01T10:00:00Z",
		"2026-12-01T10:00:00Z": "2026-12-01T10:00:00Z",
		"":                     "",
		"garbage":              "garbage",
	} {
		if got := normalizeAPITime(in); got != want {
			t.Errorf("normalizeAPITime(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestWindowEndFor: a window ordered to end at an EndTime shows that time to the minute, or a
// later one up to the next whole hour (the cloud may round up); never earlier, never later.
func TestWindowEndFor(t *testing.T) {
	cases := []struct {
		shown, requested string
		want             bool
	}{
		{"2026-12-01T10:37:00Z", "2026-12-01T10:37:42Z", true},  // echoed to the minute
		{"2026-12-01T10:37Z", "2026-12-01T10:37:00Z", true},     // the API's layout
		{"2026-12-01T11:00:00Z", "2026-12-01T10:37:42Z", true},  // rounded up to the hour
		{"2026-12-01T10:45:00Z", "2026-12-01T10:37:00Z", true},  // rounded to some step in between
		{"2026-12-01T10:36:00Z", "2026-12-01T10:37:00Z", false}, // earlier than ordered
		{"2026-12-01T11:01:00Z", "2026-12-01T10:37:00Z", false}, // past the next hour
		{"2026-12-01T11:00:00Z", "2026-12-01T11:00:00Z", true},  // a whole hour stays
		{"2026-12-01T12:00:00Z", "2026-12-01T11:00:00Z", false}, // ... and is not rounded further
		{"2026-12-02T00:00:00Z", "2026-12-01T23:30:00Z", true},  // across midnight
		{"soon", "soon", true},
		{"soon", "2026-12-01T10:37:00Z", false},
		{"", "2026-12-01T10:37:00Z", false},
	}
	for _, c := range cases {
		if got := windowEndFor(c.shown, c.requested); got != c.want {
			t.Errorf("windowEndFor(%q, %q) = %t, want %t", c.shown, c.requested, got, c.want)
		}
	}
}
