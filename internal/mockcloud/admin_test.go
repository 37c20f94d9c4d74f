package mockcloud_test

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/mockcloud/ga"
	"terraform-provider-alibabacloud/internal/mockcloud/mocktest"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

func TestAdmin_calls(t *testing.T) {
	_, base := startCloud(t, mockcloud.Options{Seed: demoSeed(t)})
	var calls []rpc.CallRecord
	if status := admin(t, http.MethodGet, base+"/_mock/calls", "", &calls); status != 200 || len(calls) != 0 {
		t.Fatalf("fresh call log: %d %+v", status, calls)
	}
	if _, err := sdkCall(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, http.MethodGet,
		"DescribeCenBandwidthPackages", map[string]string{"PageSize": "10"}); err != nil {
		t.Fatal(err)
	}
	admin(t, http.MethodGet, base+"/_mock/calls", "", &calls)
	if len(calls) != 1 {
		t.Fatalf("call log %+v", calls)
	}
	c := calls[0]
	if c.Action != "DescribeCenBandwidthPackages" || c.Version != "2017-09-12" || c.Status != 200 || c.Code != "" ||
		c.Params["PageSize"] != "10" || c.RequestId == "" {
		t.Errorf("record %+v", c)
	}
	if _, ok := c.Params["Signature"]; ok {
		t.Error("the call log shows the signature")
	}
}

// TestAdmin_callsPage: since and limit pick a page of the log; X-Mock-Calls-Last-Seq names the
// newest record whatever the page; bad values are refused.
func TestAdmin_callsPage(t *testing.T) {
	_, base := startCloud(t, mockcloud.Options{Seed: demoSeed(t)})
	for range 4 {
		if _, err := sdkCall(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, http.MethodGet,
			"DescribeCenBandwidthPackages", nil); err != nil {
			t.Fatal(err)
		}
	}
	page := func(query string) ([]rpc.CallRecord, string) {
		t.Helper()
		req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, base+"/_mock/calls"+query, nil)
		if err != nil {
			t.Fatal(err)
		}
		status, header, data := mocktest.Do(t, req)
		var calls []rpc.CallRecord
		if err := json.Unmarshal(data, &calls); err != nil || status != 200 {
			t.Fatalf("%s: %d %v", query, status, err)
		}
		return calls, header.Get(mockcloud.CallsLastSeqHeader)
	}
	seqs := func(calls []rpc.CallRecord) string {
		var out []string
		for _, c := range calls {
			out = append(out, strconv.FormatUint(c.Seq, 10))
		}
		return strings.Join(out, ",")
	}
	for query, want := range map[string]string{
		"":                 "1,2,3,4",
		"?limit=2":         "1,2",
		"?since=2":         "3,4",
		"?since=1&limit=2": "2,3",
		"?since=4":         "",
	} {
		calls, last := page(query)
		if got := seqs(calls); got != want || last != "4" {
			t.Errorf("%q: records %q (last seq %s), want %q (4)", query, got, last, want)
		}
	}
	for _, bad := range []string{"?since=-1", "?since=x", "?limit=0", "?limit=-3", "?limit=1.5"} {
		var e struct{ Error string }
		if status := admin(t, http.MethodGet, base+"/_mock/calls"+bad, "", &e); status != 400 || e.Error == "" {
			t.Errorf("%q: %d %q", bad, status, e.Error)
		}
	}
}

func TestAdmin_clock(t *testing.T) {
	cloud, base := startCloud(t, mockcloud.Options{})
	var answer mockcloud.ClockResponse
	if status := admin(t, http.MethodPost, base+"/_mock/clock?advance=90m", "", &answer); status != 200 {
		t.Fatalf("status %d", status)
	}
	if answer.Offset != "1h30m0s" || cloud.Clock.Offset() != 90*time.Minute {
		t.Errorf("answer %+v, offset %s", answer, cloud.Clock.Offset())
	}
	now, err := time.Parse(time.RFC3339, answer.Now)
	if err != nil || now.Before(time.Now().Add(89*time.Minute)) {
		t.Errorf("Now %q (%v)", answer.Now, err)
	}
	for _, bad := range []string{"", "?advance=soon", "?advance=-1h"} {
		var e struct{ Error string }
		if status := admin(t, http.MethodPost, base+"/_mock/clock"+bad, "", &e); status != 400 || !strings.Contains(e.Error, "advance") {
			t.Errorf("%q: %d %q", bad, status, e.Error)
		}
	}
	if cloud.Clock.Offset() != 90*time.Minute {
		t.Error("a rejected advance moved the clock")
	}
}

// TestAdmin_clockOverflow: advances that would overflow the clock (or run it more than a
// century ahead) are refused with a 400 that says why; the clock stays where it was and can
// still be advanced.
func TestAdmin_clockOverflow(t *testing.T) {
	cloud, base := startCloud(t, mockcloud.Options{})
	for range 2 {
		var e struct{ Error string }
		if status := admin(t, http.MethodPost, base+"/_mock/clock?advance=2562047h", "", &e); status != 400 ||
			!strings.Contains(e.Error, "ahead of real time") {
			t.Errorf("advance=2562047h: %d %q", status, e.Error)
		}
		if cloud.Clock.Offset() != 0 {
			t.Fatalf("a refused advance moved the clock by %s", cloud.Clock.Offset())
		}
	}
	var answer mockcloud.ClockResponse
	if status := admin(t, http.MethodPost, base+"/_mock/clock?advance=876000h", "", &answer); status != 200 {
		t.Fatalf("advance to the limit: %d", status)
	}
	var e struct{ Error string }
	if status := admin(t, http.MethodPost, base+"/_mock/clock?advance=1h", "", &e); status != 400 ||
		!strings.Contains(e.Error, "at most 0h more") {
		t.Errorf("advance past the limit: %d %q", status, e.Error)
	}
	if now := cloud.Clock.Now(); now.Before(time.Now().Add(876000*time.Hour - time.Hour)) {
		t.Errorf("the clock went back: %s", now)
	}
}

func TestAdmin_faults(t *testing.T) {
	_, base := startCloud(t, mockcloud.Options{Seed: demoSeed(t)})
	var set rpc.Faults
	status := admin(t, http.MethodPost, base+"/_mock/faults",
		`{"Scripted":[{"Action":"DescribeCenBandwidthPackages","Count":1,"Code":"Throttling.User","Message":"slow down"}]}`, &set)
	if status != 200 || len(set.Scripted) != 1 || set.Scripted[0].Status != 400 {
		t.Fatalf("%d %+v", status, set)
	}
	_, err := sdkCall(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, http.MethodGet, "DescribeCenBandwidthPackages", nil)
	wantErrorCode(t, err, "Throttling.User")
	if _, err := sdkCall(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, http.MethodGet, "DescribeCenBandwidthPackages", nil); err != nil {
		t.Errorf("second call still faulted: %v", err)
	}
	var current rpc.Faults
	if admin(t, http.MethodGet, base+"/_mock/faults", "", &current); len(current.Scripted) != 0 {
		t.Errorf("scripted fault not used up: %+v", current)
	}

	for body, want := range map[string]string{
		`{"ThrottleRate": "high"}`:                       "JSON fault setting",
		`{"Throtle": 1}`:                                 "unknown field",
		`not json`:                                       "must start with {",
		`{"ThrottleRate": 2}`:                            "between 0 and 1",
		`{"ThrottleRate": 0.5} trailing`:                 "after the JSON object",
		`{"ThrottleRate": 0.5}{"ThrottleRate": 0.6}`:     "after the JSON object",
		"{\"ThrottleRate\": 0.5}\n{\"Latency\": \"1s\"}": "after the JSON object",
		`null`:                    "must start with {",
		`[{"ThrottleRate": 0.5}]`: "must start with {",
		`0.5`:                     "must start with {",
		``:                        "empty",
		`{"ThrottleRate": 0.5`:    "JSON fault setting",
	} {
		var e struct{ Error string }
		if status := admin(t, http.MethodPost, base+"/_mock/faults", body, &e); status != 400 || !strings.Contains(e.Error, want) {
			t.Errorf("%s: %d %q, want 400 mentioning %q", body, status, e.Error, want)
		}
	}
	// None of the refused bodies changed the setting.
	if admin(t, http.MethodGet, base+"/_mock/faults", "", &current); current.ThrottleRate != 0 || current.Latency != "" {
		t.Errorf("a refused body changed the faults: %+v", current)
	}
}

// TestAdmin_rateLimits: POST /_mock/faults takes RateLimits and ApiRateLimits in exactly the
// documented shape and GET echoes them back; the limits apply per key and action.
func TestAdmin_rateLimits(t *testing.T) {
	_, base := startCloud(t, mockcloud.Options{Seed: demoSeed(t)})
	body := `{"RateLimits":{"DescribeBandwidthPackage":10,"*":20},"ApiRateLimits":{"DescribeCenBandwidthPackages":1}}`
	var set map[string]any
	if status := admin(t, http.MethodPost, base+"/_mock/faults", body, &set); status != 200 {
		t.Fatalf("POST: %d %v", status, set)
	}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, base+"/_mock/faults", nil)
	if err != nil {
		t.Fatal(err)
	}
	var echoed struct {
		RateLimits, ApiRateLimits map[string]float64 //nolint:revive // the admin API's field names
	}
	mocktest.DoJSON(t, req, &echoed)
	if len(echoed.RateLimits) != 2 || echoed.RateLimits["DescribeBandwidthPackage"] != 10 || echoed.RateLimits["*"] != 20 ||
		len(echoed.ApiRateLimits) != 1 || echoed.ApiRateLimits["DescribeCenBandwidthPackages"] != 1 {
		t.Errorf("GET /_mock/faults = %+v", echoed)
	}
	call := func() error {
		_, err := sdkCall(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, http.MethodGet,
			"DescribeCenBandwidthPackages", nil)
		return err
	}
	if err := call(); err != nil {
		t.Fatal(err)
	}
	// A second call within the same second is over the action's total of 1 a second (unless
	// the second has turned, which a busy machine may take: then the next one is over).
	err = call()
	if err == nil {
		err = call()
	}
	wantErrorCode(t, err, "Throttling.Api")

	var e struct{ Error string }
	if status := admin(t, http.MethodPost, base+"/_mock/faults", `{"RateLimits":{"X":0}}`, &e); status != 400 ||
		!strings.Contains(e.Error, `RateLimits["X"]`) {
		t.Errorf("a zero rate: %d %q", status, e.Error)
	}
	if _, err := mockcloud.New(mockcloud.Options{RateLimits: map[string]float64{"*": -1}}); err == nil {
		t.Error("New accepted a negative rate")
	}
}

func TestAdmin_stateAndDelay(t *testing.T) {
	seed := demoSeed(t)
	seed.AccessKeys = append(seed.AccessKeys, rpc.AccessKey{AccessKeyId: "LTAI5tExtra", AccessKeySecret: "extra-secret"})
	cloud, base := startCloud(t, mockcloud.Options{Seed: seed})
	var s mockcloud.State
	if status := admin(t, http.MethodGet, base+"/_mock/state", "", &s); status != 200 {
		t.Fatalf("status %d", status)
	}
	if len(s.CenBandwidthPackages) != 1 || len(s.Accelerators) != 1 || s.Accelerators[0].State != "active" {
		t.Errorf("state %+v", s)
	}
	if len(s.AccessKeys) != 1 || s.AccessKeys[0].AccessKeyId != "LTAI5tExtra" || s.AccessKeys[0].AccessKeySecret == "extra-secret" {
		t.Errorf("state keys %+v (secrets must be masked)", s.AccessKeys)
	}

	var d mockcloud.DelayResponse
	if status := admin(t, http.MethodPost, base+"/_mock/delay?value=45s", "", &d); status != 200 || d.Delay != "45s" || cloud.Delay() != 45*time.Second {
		t.Errorf("delay: %d %+v %s", status, d, cloud.Delay())
	}
	var e struct{ Error string }
	if status := admin(t, http.MethodPost, base+"/_mock/delay?value=x", "", &e); status != 400 {
		t.Errorf("bad delay: %d", status)
	}
	if status := admin(t, http.MethodGet, base+"/_mock/nothing", "", &e); status != 404 || !strings.Contains(e.Error, "/_mock/calls") {
		t.Errorf("unknown admin path: %d %q", status, e.Error)
	}
}

func TestAdmin_pay(t *testing.T) {
	const upgraded, ordered, paid, busy = "gbwp-upgradeordered", "gbwp-createordered", "gbwp-paid", "gbwp-busy"
	stateFile := filepath.Join(t.TempDir(), "state.json")
	_, base := startCloud(t, mockcloud.Options{Delay: time.Hour, StateFile: stateFile, Seed: &mockcloud.State{
		BandwidthPackages: []ga.BandwidthPackage{
			{BandwidthPackageId: upgraded, Bandwidth: 10},
			{BandwidthPackageId: ordered, Bandwidth: 10, State: ga.StateInit, MockOrderUnpaid: true},
			{BandwidthPackageId: paid, Bandwidth: 10},
			{BandwidthPackageId: busy, Bandwidth: 10, State: ga.StateUpdating, MockUnpaidUpgrade: &ga.UpgradeOrder{Bandwidth: 50}},
		},
	}})
	// An upgrade ordered without AutoPay is an unpaid order, kept in the state file.
	if _, err := sdkCallVersion(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, http.MethodPost,
		gaVersion, "UpdateBandwidthPackage", map[string]string{"RegionId": ga.Region, "BandwidthPackageId": upgraded, "Bandwidth": "30"}); err != nil {
		t.Fatal(err)
	}
	if saved := savedPackage(t, stateFile, upgraded); saved.MockUnpaidUpgrade == nil || saved.MockUnpaidUpgrade.Bandwidth != 30 {
		t.Fatalf("state file: the upgrade order is not saved: %+v", saved.MockUnpaidUpgrade)
	}

	for id, state := range map[string]string{upgraded: ga.StateUpdating, ordered: ga.StateInit} {
		var bp ga.BandwidthPackage
		if status := admin(t, http.MethodPost, base+"/_mock/pay?bandwidth_package_id="+id, "", &bp); status != 200 {
			t.Fatalf("pay %s: status %d", id, status)
		}
		if bp.BandwidthPackageId != id || bp.State != state || bp.MockOrderUnpaid || bp.MockUnpaidUpgrade != nil || bp.MockPending == nil {
			t.Errorf("pay %s: answered %+v, want it paid and %s", id, bp, state)
		}
		if saved := savedPackage(t, stateFile, id); saved.MockOrderUnpaid || saved.MockUnpaidUpgrade != nil {
			t.Errorf("state file: %s still unpaid after paying", id)
		}
	}

	for query, want := range map[string]struct {
		status  int
		mention string
	}{
		"":                                  {400, "bandwidth_package_id"},
		"?bandwidth_package_id=gbwp-nope":   {404, "gbwp-nope"},
		"?bandwidth_package_id=" + paid:     {404, "no unpaid order"},
		"?bandwidth_package_id=" + upgraded: {404, "no unpaid order"},
		"?bandwidth_package_id=" + busy:     {409, "updating"},
	} {
		var e struct{ Error string }
		if status := admin(t, http.MethodPost, base+"/_mock/pay"+query, "", &e); status != want.status || !strings.Contains(e.Error, want.mention) {
			t.Errorf("pay%s: %d %q, want %d mentioning %q", query, status, e.Error, want.status, want.mention)
		}
	}
}

// savedPackage returns a GA plan as the state file holds it.
func savedPackage(t *testing.T, stateFile, id string) ga.BandwidthPackage {
	t.Helper()
	s, err := mockcloud.LoadStateFile(stateFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, bp := range s.BandwidthPackages {
		if bp.BandwidthPackageId == id {
			return bp
		}
	}
	t.Fatalf("state file holds no plan %s", id)
	return ga.BandwidthPackage{}
}
