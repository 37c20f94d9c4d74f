package cen

import (
	"testing"
	"time"

	"terraform-provider-alibabacloud/internal/framework/resourcetest"
)

func TestWindowOf(t *testing.T) {
	p := withWindow(testPackage(100), 500, time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC))
	w, err := windowOf(&p)
	if err != nil {
		t.Fatal(err)
	}
	if !w.Open || w.Bandwidth != 500 || w.BaseBandwidth != 100 || w.EndTime != "2026-12-01T10:00:00Z" {
		t.Errorf("window %+v", w)
	}
	if !w.shows(500, "2026-12-01T10:00:30Z") || w.shows(600, "2026-12-01T10:00:00Z") || w.shows(500, "2026-12-01T11:00:00Z") {
		t.Error("shows() compares bandwidth and end time to the minute")
	}

	p.ReservationOrderType = "UPGRADE" // a renewal change, not a temporary upgrade
	if w, _ := windowOf(&p); w.Open || w.BaseBandwidth != 500 {
		t.Errorf("non-temporary reservation read as a window: %+v", w)
	}

	p = withWindow(testPackage(100), 500, time.Now())
	p.ReservationBandwidth = "lots"
	if _, err := windowOf(&p); err == nil {
		t.Error("want an error for an unreadable ReservationBandwidth")
	}
}

// TestModelMatchesSchema: every attribute of the schema has a model field of its type, and
// every field an attribute.
func TestModelMatchesSchema(t *testing.T) {
	resourcetest.ExpectModelMatchesSchema(t, testSchema(t), bandwidthTempUpgradeModel{})
}
