package cen

import (
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
	"github.com/hashicorp/terraform-plugin-framework/types"

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

// TestSetPending: an upgrade ordered but not shown is Pending, with the base bandwidth when the
// package shows it and nothing unknown left (a state after an apply holds no unknown value),
// also when the package's answer is unreadable or was not read.
func TestSetPending(t *testing.T) {
	unknowns := func() bandwidthTempUpgradeModel {
		return bandwidthTempUpgradeModel{OriginalBandwidth: types.Int64Unknown(), WindowEndTime: types.StringUnknown()}
	}
	readable := testPackage(100)
	unreadable := withWindow(testPackage(100), 500, time.Now())
	unreadable.ReservationBandwidth = "lots"
	for _, tc := range []struct {
		name     string
		p        *cbn.CenBandwidthPackage
		original types.Int64
	}{
		{"package read", &readable, types.Int64Value(100)},
		{"unreadable answer", &unreadable, types.Int64Null()},
		{"package not read", nil, types.Int64Null()},
	} {
		m := unknowns()
		m.setPending(tc.p)
		if m.Status.ValueString() != statusPending || !m.OriginalBandwidth.Equal(tc.original) || !m.WindowEndTime.IsNull() {
			t.Errorf("%s: status %s, original_bandwidth %s, window_end_time %s", tc.name, m.Status, m.OriginalBandwidth, m.WindowEndTime)
		}
	}
}
