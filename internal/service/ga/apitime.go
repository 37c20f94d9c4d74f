package ga

import (
	"strconv"
	"time"
)

// apiTimeLayouts are the textual formats the API has used for times. DescribeBandwidthPackage
// gives millisecond Unix timestamps in strings ("1578966918000"); older answers used text, and
// the state holds RFC 3339.
var apiTimeLayouts = []string{time.RFC3339, "2006-01-02T15:04Z", "2006-01-02 15:04:05"}

// parseAPITime reads a time as the API or the state gives it. ok is false when s is empty or
// cannot be read.
func parseAPITime(s string) (t time.Time, ok bool) {
	if ms, err := strconv.ParseInt(s, 10, 64); err == nil {
		return time.UnixMilli(ms).UTC(), true
	}
	for _, layout := range apiTimeLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), true
		}
	}
	return time.Time{}, false
}

// formatAPITime renders an API time the way create_time and expired_time hold it: RFC 3339 in
// UTC, to the second, so the same API value always gives the same text. An empty value stays
// empty, and one that cannot be read is kept as the API gave it.
func formatAPITime(s string) string {
	if t, ok := parseAPITime(s); ok {
		return t.Format(time.RFC3339)
	}
	return s
}

// describeTime renders an API time for a diagnostic: RFC 3339 when it can be read, otherwise
// quoted as it is.
func describeTime(s string) string {
	if t, ok := parseAPITime(s); ok {
		return t.Format(time.RFC3339)
	}
	return strconv.Quote(s)
}

// expired reports whether an API time lies before now. A time that is empty or cannot be read
// counts as not expired, the safe side: the plan is then left alone.
func expired(apiTime string, now time.Time) bool {
	t, ok := parseAPITime(apiTime)
	return ok && t.Before(now)
}
