package ga

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestBandwidthChange(t *testing.T) {
	for _, tc := range []struct {
		from, to int64
		want     direction
	}{
		{10, 20, upgrade},
		{20, 10, downgrade},
		{10, 10, unchanged},
		{2, 2000, upgrade},
	} {
		if got := bandwidthChange(tc.from, tc.to).Direction; got != tc.want {
			t.Errorf("bandwidthChange(%d, %d) = %s, want %s", tc.from, tc.to, got, tc.want)
		}
	}
}

func TestBandwidthTypeChange(t *testing.T) {
	for _, tc := range []struct {
		from, to string
		want     direction
		allowed  bool
	}{
		{"Basic", "Enhanced", upgrade, true},
		{"Basic", "Basic", unchanged, true},
		{"Enhanced", "Enhanced", unchanged, true},
		{"Basic", "Advanced", unchanged, false},
		{"Enhanced", "Basic", unchanged, false},
		{"Enhanced", "Advanced", unchanged, false},
		{"Advanced", "Basic", unchanged, false},
		{"Advanced", "Enhanced", unchanged, false},
	} {
		c, allowed := bandwidthTypeChange(tc.from, tc.to)
		if c.Direction != tc.want || allowed != tc.allowed {
			t.Errorf("bandwidthTypeChange(%s, %s) = %s, %t; want %s, %t", tc.from, tc.to, c.Direction, allowed, tc.want, tc.allowed)
		}
	}
}

func TestMixedDirections(t *testing.T) {
	up := change{Direction: upgrade}
	down := change{Direction: downgrade}
	same := change{}
	for _, tc := range []struct {
		changes []change
		want    bool
	}{
		{nil, false},
		{[]change{up, same}, false},
		{[]change{down, same}, false},
		{[]change{up, up}, false},
		{[]change{up, down}, true},
		{[]change{same, down, up}, true},
	} {
		if got := mixedDirections(tc.changes); got != tc.want {
			t.Errorf("mixedDirections(%v) = %t, want %t", tc.changes, got, tc.want)
		}
	}
}

func settings(bandwidth int64, bandwidthType string) updateSettings {
	return updateSettings{Bandwidth: types.Int64Value(bandwidth), BandwidthType: types.StringValue(bandwidthType)}
}

func TestCheckUpdate(t *testing.T) {
	for name, tc := range map[string]struct {
		prior, planned updateSettings
		wantErrors     []string // substrings, one per expected error, in order
	}{
		"bandwidth up":                {settings(10, "Basic"), settings(20, "Basic"), nil},
		"bandwidth down":              {settings(20, "Basic"), settings(10, "Basic"), nil},
		"Basic to Enhanced and up":    {settings(10, "Basic"), settings(20, "Enhanced"), nil},
		"Basic to Enhanced alone":     {settings(10, "Basic"), settings(10, "Enhanced"), nil},
		"Basic to Enhanced and down":  {settings(20, "Basic"), settings(10, "Enhanced"), []string{"two steps"}},
		"Basic to Advanced":           {settings(10, "Basic"), settings(10, "Advanced"), []string{`from "Basic" to "Advanced"`}},
		"Enhanced to Basic":           {settings(10, "Enhanced"), settings(10, "Basic"), []string{`from "Enhanced" to "Basic"`}},
		"Advanced to Enhanced and up": {settings(10, "Advanced"), settings(20, "Enhanced"), []string{"only change from"}},
		"unknown bandwidth": {
			settings(20, "Basic"),
			updateSettings{Bandwidth: types.Int64Unknown(), BandwidthType: types.StringValue("Enhanced")},
			nil,
		},
		"unknown bandwidth type": {
			settings(20, "Enhanced"),
			updateSettings{Bandwidth: types.Int64Value(10), BandwidthType: types.StringUnknown()},
			nil,
		},
	} {
		t.Run(name, func(t *testing.T) {
			diags := checkUpdate(tc.prior, tc.planned)
			errs := diags.Errors()
			if len(errs) != len(tc.wantErrors) {
				t.Fatalf("got %d errors (%v), want %d", len(errs), diags, len(tc.wantErrors))
			}
			for i, want := range tc.wantErrors {
				if !strings.Contains(errs[i].Detail(), want) {
					t.Errorf("error %d = %q, want it to contain %q", i, errs[i].Detail(), want)
				}
			}
		})
	}
}

func TestDescribeChanges(t *testing.T) {
	got := describeChanges([]change{bandwidthChange(100, 50), {Attribute: "bandwidth_type", From: "Basic", To: "Enhanced", Direction: upgrade}, bandwidthChange(5, 5)})
	want := "bandwidth 100 -> 50 (downgrade), bandwidth_type Basic -> Enhanced (upgrade)"
	if got != want {
		t.Errorf("describeChanges = %q, want %q", got, want)
	}
}
