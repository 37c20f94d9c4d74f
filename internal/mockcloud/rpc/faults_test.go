package rpc_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"

	"terraform-provider-alibabacloud/internal/mockcloud/mocktest"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

func TestFaults_rates(t *testing.T) {
	cases := map[string]struct {
		faults rpc.Faults
		status int
		code   string
	}{
		"throttle":     {rpc.Faults{ThrottleRate: 1}, http.StatusBadRequest, "Throttling.User"},
		"server error": {rpc.Faults{ServerErrorRate: 1}, http.StatusServiceUnavailable, "ServiceUnavailable"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			ts := newTestServer(t)
			if err := ts.SetFaults(tc.faults); err != nil {
				t.Fatal(err)
			}
			client := mocktest.SDKClient(t, testKeyID, testSecret)
			for range 3 {
				_, err := client.ProcessCommonRequest(sdkRequest(ts, http.MethodPost, "CreateThing", "JSON", nil))
				serverError(t, err, tc.code, tc.status)
			}
			if n := ts.product.created.Load(); n != 0 {
				t.Errorf("faulted calls reached the product %d times", n)
			}
			// Faults come after the signature checks.
			_, err := mocktest.SDKClient(t, testKeyID, "wrong").ProcessCommonRequest(sdkRequest(ts, http.MethodGet, "DescribeThings", "JSON", nil))
			serverError(t, err, "SignatureDoesNotMatch", http.StatusBadRequest)
		})
	}
}

func TestFaults_partialRateIsSeeded(t *testing.T) {
	// Two engines with the same seed make the same choices.
	outcomes := func() []string {
		ts := newTestServer(t)
		if err := ts.SetFaults(rpc.Faults{ThrottleRate: 0.5}); err != nil {
			t.Fatal(err)
		}
		client := mocktest.SDKClient(t, testKeyID, testSecret)
		var got []string
		for range 20 {
			_, err := client.ProcessCommonRequest(sdkRequest(ts, http.MethodGet, "DescribeThings", "JSON", nil))
			if err != nil {
				got = append(got, "throttled")
			} else {
				got = append(got, "ok")
			}
		}
		return got
	}
	a, b := outcomes(), outcomes()
	throttled := 0
	for i := range a {
		if a[i] != b[i] {
			t.Fatalf("same seed, different outcomes: %v vs %v", a, b)
		}
		if a[i] == "throttled" {
			throttled++
		}
	}
	if throttled == 0 || throttled == len(a) {
		t.Errorf("rate 0.5 throttled %d of %d calls", throttled, len(a))
	}
}

func TestFaults_scriptedThenSuccess(t *testing.T) {
	ts := newTestServer(t)
	err := ts.SetFaults(rpc.Faults{Scripted: []rpc.ScriptedFault{
		{Action: "CreateThing", Count: 2, Status: 503, Code: "ServiceUnavailable", Message: "try later"},
		{Action: "CreateThing", Count: 1, Code: "Throttling.Api"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	client := mocktest.SDKClient(t, testKeyID, testSecret)
	// Another action is not affected.
	if _, err := client.ProcessCommonRequest(sdkRequest(ts, http.MethodGet, "DescribeThings", "JSON", nil)); err != nil {
		t.Fatalf("unscripted action failed: %v", err)
	}
	for i, want := range []struct {
		code   string
		status int
	}{{"ServiceUnavailable", 503}, {"ServiceUnavailable", 503}, {"Throttling.Api", 400}} {
		_, err := client.ProcessCommonRequest(sdkRequest(ts, http.MethodPost, "CreateThing", "JSON", nil))
		if err == nil {
			t.Fatalf("call %d succeeded, want %s", i+1, want.code)
		}
		serverError(t, err, want.code, want.status)
	}
	if _, err := client.ProcessCommonRequest(sdkRequest(ts, http.MethodPost, "CreateThing", "JSON", nil)); err != nil {
		t.Fatalf("call after the scripted faults failed: %v", err)
	}
	if n := ts.product.created.Load(); n != 1 {
		t.Errorf("created %d things, want 1", n)
	}
	if left := ts.Faults().Scripted; len(left) != 0 {
		t.Errorf("scripted faults left: %+v", left)
	}
}

func TestFaults_dropResponse(t *testing.T) {
	ts := newTestServer(t)
	if err := ts.SetFaults(rpc.Faults{Scripted: []rpc.ScriptedFault{{Action: "CreateThing", DropResponse: true}}}); err != nil {
		t.Fatal(err)
	}
	client := mocktest.SDKClient(t, testKeyID, testSecret)
	_, err := client.ProcessCommonRequest(sdkRequest(ts, http.MethodPost, "CreateThing", "JSON", nil))
	if err == nil {
		t.Fatal("dropped response reached the client")
	}
	if _, isServer := err.(interface{ HttpStatus() int }); isServer {
		t.Fatalf("want a client (connection) error, got a server error: %v", err)
	}
	if n := ts.product.created.Load(); n != 1 {
		t.Errorf("the action ran %d times, want 1", n)
	}
	calls := ts.Calls()
	if last := calls[len(calls)-1]; last.Action != "CreateThing" || last.Status != 0 || last.Code != "" {
		t.Errorf("dropped call logged as %+v", last)
	}
	if _, err := client.ProcessCommonRequest(sdkRequest(ts, http.MethodPost, "CreateThing", "JSON", nil)); err != nil {
		t.Fatalf("next call failed: %v", err)
	}
}

func TestSetFaults_rejects(t *testing.T) {
	ts := newTestServer(t)
	for name, f := range map[string]rpc.Faults{
		"rate above 1":   {ThrottleRate: 1.5},
		"negative rate":  {ServerErrorRate: -0.1},
		"bad latency":    {Latency: "soon"},
		"bad spike":      {LatencySpikeRate: 0.1, LatencySpike: "-1s"},
		"spike rate":     {LatencySpikeRate: 2},
		"drop rate":      {DropResponseRate: -1},
		"negative count": {Scripted: []rpc.ScriptedFault{{Action: "X", Count: -1}}},
		"status 200":     {Scripted: []rpc.ScriptedFault{{Action: "X", Status: 200, Code: "Fine"}}},
	} {
		if err := ts.SetFaults(f); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// impatientClient returns an SDK client for the test key that never retries and gives up on a
// call after 50 ms.
func impatientClient(t *testing.T) *sdk.Client {
	t.Helper()
	client, err := sdk.NewClientWithOptions("cn-hangzhou",
		sdk.NewConfig().WithAutoRetry(false).WithTimeout(50*time.Millisecond),
		credentials.NewAccessKeyCredential(testKeyID, testSecret))
	if err != nil {
		t.Fatal(err)
	}
	return client
}

func TestFaults_latency(t *testing.T) {
	ts := newTestServer(t)
	if err := ts.SetFaults(rpc.Faults{Latency: "1h"}); err != nil {
		t.Fatal(err)
	}
	if got := ts.Faults().Latency; got != "1h" {
		t.Errorf("Faults().Latency = %q", got)
	}
	client := impatientClient(t)
	// The client gives up long before an hour has passed: the latency is there.
	if _, err := client.ProcessCommonRequest(sdkRequest(ts, http.MethodGet, "DescribeThings", "JSON", nil)); err == nil {
		t.Fatal("the call returned despite an hour of latency")
	}
}

// TestFaults_dropResponseRate: at DropResponseRate 1 every call runs and loses its answer.
func TestFaults_dropResponseRate(t *testing.T) {
	ts := newTestServer(t)
	if err := ts.SetFaults(rpc.Faults{DropResponseRate: 1}); err != nil {
		t.Fatal(err)
	}
	client := mocktest.SDKClient(t, testKeyID, testSecret)
	for range 3 {
		_, err := client.ProcessCommonRequest(sdkRequest(ts, http.MethodPost, "CreateThing", "JSON", nil))
		if _, isServer := err.(interface{ HttpStatus() int }); err == nil || isServer {
			t.Fatalf("err = %v, want a connection error", err)
		}
	}
	if n := ts.product.created.Load(); n != 3 {
		t.Errorf("the action ran %d times, want 3: a dropped answer comes after the action", n)
	}
	if got := ts.Faults().DropResponseRate; got != 1 {
		t.Errorf("Faults().DropResponseRate = %v", got)
	}
}

// TestFaults_latencySpike: at LatencySpikeRate 1 every call waits the spike.
func TestFaults_latencySpike(t *testing.T) {
	ts := newTestServer(t)
	if err := ts.SetFaults(rpc.Faults{LatencySpikeRate: 1, LatencySpike: "1h"}); err != nil {
		t.Fatal(err)
	}
	client := impatientClient(t)
	if _, err := client.ProcessCommonRequest(sdkRequest(ts, http.MethodGet, "DescribeThings", "JSON", nil)); err == nil {
		t.Fatal("the call returned despite an hour-long spike")
	}
	if err := ts.SetFaults(rpc.Faults{LatencySpikeRate: 0, LatencySpike: "1h"}); err != nil {
		t.Fatal(err)
	}
	if _, err := client.ProcessCommonRequest(sdkRequest(ts, http.MethodGet, "DescribeThings", "JSON", nil)); err != nil {
		t.Fatalf("a spike at rate 0 delayed the call: %v", err)
	}
}
