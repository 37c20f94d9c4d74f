package cen

import (
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	fwtypes "terraform-provider-alibabacloud/internal/framework/types"
)

// endTimeMinute is the semantic equality of end_time: the API answers without seconds, so
// "2026-12-01T10:00:30Z" and "2026-12-01T10:00Z" are the same end time (sameEndTime).
type endTimeMinute struct{}

// Name implements fwtypes.StringSemantics.
func (endTimeMinute) Name() string { return "cen.EndTime" }

// Same implements fwtypes.StringSemantics.
func (endTimeMinute) Same(a, b string) bool { return sameEndTime(a, b) }

// EndTimeType is the type of end_time: a UTC time written YYYY-MM-DDThh:mm:ssZ, compared with
// the API's minute-precision times by semantic equality.
type EndTimeType = fwtypes.SemanticStringType[endTimeMinute]

// EndTime is a value of EndTimeType.
type EndTime = fwtypes.SemanticString[endTimeMinute]

// NewEndTimeValue returns a known EndTime holding s as written.
func NewEndTimeValue(s string) EndTime {
	return EndTime{StringValue: basetypes.NewStringValue(s)}
}

// parseTime reads a time in the configuration's or the API's layout.
func parseTime(s string) (time.Time, error) {
	if t, err := time.Parse(endTimeLayout, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(apiTimeLayout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a UTC time written YYYY-MM-DDThh:mm:ssZ", s)
	}
	return t, nil
}

// sameEndTime reports whether a and b denote end times less than a minute apart, which is how
// precisely the API reports them. Unparsable values are equal only when identical.
func sameEndTime(a, b string) bool {
	return endTimesMatch(a, b, func(ta, tb time.Time) bool {
		d := ta.Sub(tb)
		return d < time.Minute && d > -time.Minute
	})
}

// sameMinute reports whether a and b fall in the same minute, which makes them the same order
// for the API: it keeps end times to the minute. Unlike sameEndTime it is an equivalence, so
// that an end_time moved across a minute boundary, even by a few seconds, is a change to order.
// Unparsable values are the same only when identical.
func sameMinute(a, b string) bool {
	return endTimesMatch(a, b, func(ta, tb time.Time) bool {
		return ta.Truncate(time.Minute).Equal(tb.Truncate(time.Minute))
	})
}

// windowRounding is how much later than the EndTime ordered a window may end: Alibaba Cloud
// bills CEN bandwidth by the hour, and the API pages do not say whether a window ends at
// EndTime or at the next whole hour (the mock's strict reading rounds up to the hour).
const windowRounding = time.Hour

// windowEndFor reports whether a window the API shows ending at shown can be the one ordered to
// end at requested, whichever reading the cloud takes: shown is requested cut to the minute (the
// API keeps end times to the minute), or later, up to requested rounded up to the next whole
// hour. Unparsable values match only when identical.
func windowEndFor(shown, requested string) bool {
	return endTimesMatch(shown, requested, func(ts, tr time.Time) bool {
		first := tr.Truncate(time.Minute)
		last := tr.Truncate(windowRounding)
		if last.Before(tr) {
			last = last.Add(windowRounding)
		}
		return !ts.Before(first) && !ts.After(last)
	})
}

// endTimesMatch reports whether a and b are identical or, both parsed, satisfy match.
func endTimesMatch(a, b string, match func(ta, tb time.Time) bool) bool {
	if a == b {
		return true
	}
	ta, errA := parseTime(a)
	tb, errB := parseTime(b)
	return errA == nil && errB == nil && match(ta, tb)
}

// normalizeAPITime rewrites an API time (minutes only) in the configuration's layout, so that
// an imported end_time reads like a written one. Unparsable input is returned unchanged.
func normalizeAPITime(s string) string {
	t, err := parseTime(s)
	if err != nil {
		return s
	}
	return t.UTC().Format(endTimeLayout)
}
