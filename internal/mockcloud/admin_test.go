package mockcloud_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud"
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
		`{"ThrottleRate": "high"}`: "JSON fault setting",
		`{"Throtle": 1}`:           "unknown field",
		`not json`:                 "JSON fault setting",
		`{"ThrottleRate": 2}`:      "between 0 and 1",
	} {
		var e struct{ Error string }
		if status := admin(t, http.MethodPost, base+"/_mock/faults", body, &e); status != 400 || !strings.Contains(e.Error, want) {
			t.Errorf("%s: %d %q, want 400 mentioning %q", body, status, e.Error, want)
		}
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
