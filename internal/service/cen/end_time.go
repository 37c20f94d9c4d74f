package cen

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// EndTimeType is the type of end_time: a UTC time written YYYY-MM-DDThh:mm:ssZ, compared with
// the API's minute-precision times by semantic equality.
type EndTimeType struct {
	basetypes.StringType
}

var _ basetypes.StringTypable = EndTimeType{}

// String implements attr.Type.
func (t EndTimeType) String() string { return "cen.EndTimeType" }

// ValueType implements attr.Type.
func (t EndTimeType) ValueType(context.Context) attr.Value { return EndTime{} }

// Equal implements attr.Type.
func (t EndTimeType) Equal(o attr.Type) bool {
	other, ok := o.(EndTimeType)
	return ok && t.StringType.Equal(other.StringType)
}

// ValueFromString implements basetypes.StringTypable.
func (t EndTimeType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return EndTime{StringValue: in}, nil
}

// ValueFromTerraform implements attr.Type.
func (t EndTimeType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return EndTime{StringValue: s}, nil
}

// EndTime is a value of EndTimeType.
type EndTime struct {
	basetypes.StringValue
}

var _ basetypes.StringValuableWithSemanticEquals = EndTime{}

// NewEndTimeValue returns a known EndTime holding s as written.
func NewEndTimeValue(s string) EndTime {
	return EndTime{StringValue: basetypes.NewStringValue(s)}
}

// Type implements attr.Value.
func (v EndTime) Type(context.Context) attr.Type { return EndTimeType{} }

// Equal implements attr.Value (exact comparison; see StringSemanticEquals for the lenient one).
func (v EndTime) Equal(o attr.Value) bool {
	other, ok := o.(EndTime)
	return ok && v.StringValue.Equal(other.StringValue)
}

// Time parses the value. It accepts the configuration's layout (with seconds) and the API's
// (minutes only).
func (v EndTime) Time() (time.Time, error) {
	return parseTime(v.ValueString())
}

// StringSemanticEquals reports whether both values name the same minute: the API answers
// without seconds, so "2026-12-01T10:00:30Z" and "2026-12-01T10:00Z" are the same end time.
func (v EndTime) StringSemanticEquals(_ context.Context, newValuable basetypes.StringValuable) (bool, diag.Diagnostics) {
	var diags diag.Diagnostics
	other, ok := newValuable.(EndTime)
	if !ok {
		diags.AddError("Semantic equality check error",
			fmt.Sprintf("expected a cen.EndTime value, got %T; please report this to the provider developers", newValuable))
		return false, diags
	}
	return sameEndTime(v.ValueString(), other.ValueString()), diags
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
