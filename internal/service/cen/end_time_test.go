package cen

import (
	"context"
	"testing"
	"time"
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

func TestParseTime(t *testing.T) {
	want := time.Date(2026, 12, 1, 10, 0, 52, 0, time.UTC)
	got, err := parseTime("2026-12-01T10:00:52Z")
	if err != nil || !got.Equal(want) {
		t.Errorf("parseTime = %v, %v; want %v", got, err, want)
	}
	got, err = parseTime("2026-12-01T10:00Z")
	if err != nil || !got.Equal(want.Truncate(time.Minute)) {
		t.Errorf("parseTime of API layout = %v, %v", got, err)
	}
	if _, err := parseTime("2026-12-01 10:00:00"); err == nil {
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
