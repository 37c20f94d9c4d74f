package ga

import (
	"testing"
	"time"
)

func TestExpired(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	for in, want := range map[string]bool{
		"1767225600000":     true,  // 2026-01-01, milliseconds
		"1893456000000":     false, // 2030-01-01
		"2026-05-31T23:59Z": true,
		"2026-06-02T00:00Z": false,
		"":                  false,
		"soon":              false,
	} {
		if got := expired(in, now); got != want {
			t.Errorf("expired(%q) = %t, want %t", in, got, want)
		}
	}
}

func TestFormatAPITime(t *testing.T) {
	for in, want := range map[string]string{
		"1795525943297":        "2026-11-24T13:12:23Z", // DescribeBandwidthPackage: milliseconds
		"2026-11-24T13:12:23Z": "2026-11-24T13:12:23Z", // already in the state's form
		"2026-11-24T13:12Z":    "2026-11-24T13:12:00Z",
		"":                     "",
		"soon":                 "soon",
	} {
		if got := formatAPITime(in); got != want {
			t.Errorf("formatAPITime(%q) = %q, want %q", in, got, want)
		}
	}
	if got := describeTime(""); got != `""` {
		t.Errorf("describeTime(\"\") = %s, want it quoted", got)
	}
}
