package rpc_test

import (
	"encoding/json"
	"errors"
	"maps"
	"net/http"
	"strings"
	"testing"
	"time"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"

	"terraform-provider-alibabacloud/internal/mockcloud/clock"
	"terraform-provider-alibabacloud/internal/mockcloud/mocktest"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

const (
	otherKeyID  = "LTAI5tOtherKey"
	otherSecret = "other-secret-0123456789"
)

// rateLimitedServer serves the fake product on a stopped clock, with two keys and the faults.
func rateLimitedServer(t *testing.T, faults rpc.Faults) (*testServer, *clock.Clock) {
	t.Helper()
	clk := clock.NewStopped(time.Date(2026, 11, 24, 10, 0, 0, 0, time.UTC))
	ts := newTestServerWith(t, func(cfg *rpc.Config) {
		cfg.Clock = clk
		cfg.Keys = map[string]string{testKeyID: testSecret, otherKeyID: otherSecret}
	})
	if err := ts.SetFaults(faults); err != nil {
		t.Fatal(err)
	}
	return ts, clk
}

// callAs makes one SDK call of action with the key and returns the error code ("" on
// success), failing the test on anything but success or a 400 throttling answer.
func callAs(t *testing.T, ts *testServer, keyID, secret, action string) string {
	t.Helper()
	_, err := mocktest.SDKClient(t, keyID, secret).ProcessCommonRequest(sdkRequest(ts, http.MethodGet, action, "JSON", nil))
	if err == nil {
		return ""
	}
	var se *sdkerrors.ServerError
	if !errors.As(err, &se) || se.HttpStatus() != http.StatusBadRequest || !strings.HasPrefix(se.ErrorCode(), "Throttling.") ||
		!strings.HasPrefix(se.Message(), "Request was denied due to") {
		t.Fatalf("%s as %s: %v, want success or a 400 throttling answer", action, keyID, err)
	}
	return se.ErrorCode()
}

// calls makes n calls of action with the key and returns their codes.
func calls(t *testing.T, ts *testServer, keyID, secret, action string, n int) []string {
	t.Helper()
	var codes []string
	for range n {
		codes = append(codes, callAs(t, ts, keyID, secret, action))
	}
	return codes
}

func TestRateLimits_perKeyAndAction(t *testing.T) {
	ts, clk := rateLimitedServer(t, rpc.Faults{RateLimits: map[string]float64{"DescribeThings": 2, "*": 1}})

	// A burst of one second's worth, then Throttling.User.
	if got := calls(t, ts, testKeyID, testSecret, "DescribeThings", 3); !equal(got, "", "", "Throttling.User") {
		t.Errorf("key 1, DescribeThings: %q", got)
	}
	// Every key has its own bucket.
	if got := calls(t, ts, otherKeyID, otherSecret, "DescribeThings", 3); !equal(got, "", "", "Throttling.User") {
		t.Errorf("key 2, DescribeThings: %q", got)
	}
	// "*" sets each other action's rate, in a bucket of its own.
	if got := calls(t, ts, testKeyID, testSecret, "CreateThing", 2); !equal(got, "", "Throttling.User") {
		t.Errorf("key 1, CreateThing: %q", got)
	}
	if got := calls(t, ts, testKeyID, testSecret, "DescribeShapes", 2); !equal(got, "", "Throttling.User") {
		t.Errorf("key 1, DescribeShapes: %q", got)
	}
	if ts.product.created.Load() != 1 {
		t.Errorf("CreateThing ran %d times, want 1", ts.product.created.Load())
	}

	// Nothing refills while the clock stands still; half a second refills one call at 2/s.
	if got := callAs(t, ts, testKeyID, testSecret, "DescribeThings"); got != "Throttling.User" {
		t.Errorf("on a stopped clock: %q", got)
	}
	clk.Advance(500 * time.Millisecond)
	if got := calls(t, ts, testKeyID, testSecret, "DescribeThings", 2); !equal(got, "", "Throttling.User") {
		t.Errorf("after 0.5 s: %q", got)
	}
	// A long pause refills the bucket to one second's worth, no more.
	clk.Advance(time.Hour)
	if got := calls(t, ts, testKeyID, testSecret, "DescribeThings", 3); !equal(got, "", "", "Throttling.User") {
		t.Errorf("after an hour: %q", got)
	}

	var throttled int
	for _, c := range ts.Calls() {
		if c.Code == "Throttling.User" {
			throttled++
			if c.Status != http.StatusBadRequest || c.Action == "" {
				t.Errorf("throttled record %+v", c)
			}
		}
	}
	if throttled != 7 {
		t.Errorf("the call log shows %d throttled calls, want 7", throttled)
	}
}

func TestRateLimits_api(t *testing.T) {
	ts, clk := rateLimitedServer(t, rpc.Faults{
		RateLimits:    map[string]float64{"DescribeThings": 2},
		APIRateLimits: map[string]float64{"DescribeThings": 3},
	})
	if got := calls(t, ts, testKeyID, testSecret, "DescribeThings", 2); !equal(got, "", "") {
		t.Errorf("key 1: %q", got)
	}
	// The action's total is 3 a second across keys: key 2's second call is over it.
	if got := calls(t, ts, otherKeyID, otherSecret, "DescribeThings", 2); !equal(got, "", "Throttling.Api") {
		t.Errorf("key 2: %q", got)
	}
	// A key over its own limit gets Throttling.User, whatever the total.
	if got := callAs(t, ts, testKeyID, testSecret, "DescribeThings"); got != "Throttling.User" {
		t.Errorf("key 1 over its limit: %q", got)
	}
	// Actions without a limit are not limited.
	if got := calls(t, ts, testKeyID, testSecret, "CreateThing", 5); !equal(got, "", "", "", "", "") {
		t.Errorf("CreateThing: %q", got)
	}
	clk.Advance(time.Second)
	if got := calls(t, ts, otherKeyID, otherSecret, "DescribeThings", 2); !equal(got, "", "") {
		t.Errorf("key 2 a second later: %q", got)
	}
}

// TestRateLimits_fractional: a rate below one a second allows one call, then one every 1/rate
// seconds.
func TestRateLimits_fractional(t *testing.T) {
	ts, clk := rateLimitedServer(t, rpc.Faults{RateLimits: map[string]float64{"*": 0.5}})
	if got := calls(t, ts, testKeyID, testSecret, "DescribeThings", 2); !equal(got, "", "Throttling.User") {
		t.Errorf("first: %q", got)
	}
	clk.Advance(time.Second)
	if got := callAs(t, ts, testKeyID, testSecret, "DescribeThings"); got != "Throttling.User" {
		t.Errorf("after 1 s at 0.5/s: %q", got)
	}
	clk.Advance(time.Second)
	if got := callAs(t, ts, testKeyID, testSecret, "DescribeThings"); got != "" {
		t.Errorf("after 2 s at 0.5/s: %q", got)
	}
}

// TestRateLimits_setting: the limits are echoed as set and validated; a refused setting
// changes nothing.
func TestRateLimits_setting(t *testing.T) {
	set := rpc.Faults{RateLimits: map[string]float64{"DescribeBandwidthPackage": 10, "*": 20}}
	ts, _ := rateLimitedServer(t, set)
	got := ts.Faults()
	data, err := json.Marshal(got)
	if err != nil || !maps.Equal(got.RateLimits, set.RateLimits) ||
		!strings.Contains(string(data), `"RateLimits":{"*":20,"DescribeBandwidthPackage":10}`) || strings.Contains(string(data), "ApiRateLimits") {
		t.Errorf("Faults() = %s (%v)", data, err)
	}
	got.RateLimits["*"] = 1
	if ts.Faults().RateLimits["*"] != 20 {
		t.Error("Faults() shares its map with the engine")
	}
	for _, bad := range []map[string]float64{{"X": 0}, {"X": -1}, {"": 1}, {"X": 2e6}} {
		if err := ts.SetFaults(rpc.Faults{RateLimits: bad}); err == nil {
			t.Errorf("RateLimits %v accepted", bad)
		}
		if err := ts.SetFaults(rpc.Faults{APIRateLimits: bad}); err == nil {
			t.Errorf("ApiRateLimits %v accepted", bad)
		}
	}
	if !maps.Equal(ts.Faults().RateLimits, set.RateLimits) {
		t.Error("a refused setting changed the limits")
	}
}

func TestParseRateLimits(t *testing.T) {
	got, err := rpc.ParseRateLimits(" *=20, DescribeBandwidthPackage = 10 ,ListIpSets=0.5")
	if err != nil || !maps.Equal(got, map[string]float64{"*": 20, "DescribeBandwidthPackage": 10, "ListIpSets": 0.5}) {
		t.Errorf("%v %v", got, err)
	}
	if got, err := rpc.ParseRateLimits(""); err != nil || got != nil {
		t.Errorf("empty: %v %v", got, err)
	}
	for _, bad := range []string{"*", "=5", "X=", "X=fast", "X=0", "X=-2", "X=1,X=2", "X=1,,Y=2", "X=NaN", "X=Inf"} {
		if got, err := rpc.ParseRateLimits(bad); err == nil {
			t.Errorf("%q accepted as %v", bad, got)
		}
	}
}

func equal(got []string, want ...string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if got[i] != want[i] {
			return false
		}
	}
	return true
}
