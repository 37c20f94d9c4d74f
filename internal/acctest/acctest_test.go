package acctest

import (
	"os"
	"slices"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"

	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
	"terraform-provider-alibabacloud/internal/provider"
)

// TestNewMock_clearsProviderEnvironment: a role ARN, a security token or retry settings in the
// developer's environment would send acceptance tests to the real STS or change their retries.
func TestNewMock_clearsProviderEnvironment(t *testing.T) {
	for _, env := range provider.EnvironmentVariables() {
		t.Setenv(env, "set-by-the-developer")
	}
	m := NewMock(t, mockcloud.Options{})
	for _, env := range provider.EnvironmentVariables() {
		if v, set := os.LookupEnv(env); set {
			t.Errorf("%s = %q after NewMock, want it unset", env, v)
		}
	}
	if m.URL == "" {
		t.Error("NewMock returned no URL")
	}
}

func TestCallLogAnswers(t *testing.T) {
	log := CallLog{
		{Action: "CreateBandwidthPackage", Status: 0, Params: map[string]string{"ClientToken": "tok"}},
		{Action: "CreateBandwidthPackage", Status: 200, Params: map[string]string{"ClientToken": "tok"}},
		{Action: "DescribeBandwidthPackage", Status: 400, Code: "Throttling.User"},
	}
	if got := log.Of("CreateBandwidthPackage").Answers(); !slices.Equal(got, []string{"dropped", "200"}) {
		t.Errorf("answers %q", got)
	}
	if got := log.Answers()[2]; got != "400 Throttling.User" {
		t.Errorf("a refusal renders as %q", got)
	}
	if got := log.Of("CreateBandwidthPackage").Params("ClientToken"); !slices.Equal(got, []string{"tok", "tok"}) {
		t.Errorf("params %q", got)
	}
	if last, ok := log.Last(); !ok || last.Code != "Throttling.User" {
		t.Errorf("last %+v", last)
	}
	if _, ok := log.Of("DeleteBandwidthPackage").Last(); ok {
		t.Error("an empty log has a last call")
	}
	if n := len(log.Mutating()); n != 2 {
		t.Errorf("%d mutating calls, want the two creates", n)
	}
}

func TestExpectError(t *testing.T) {
	re := ExpectError(`bandwidth_type can only change from "Basic" to "Enhanced"`)
	if !re.MatchString("Error: bandwidth_type can only change from \"Basic\" to\n\"Enhanced\" in place") {
		t.Errorf("%s does not match a wrapped line", re)
	}
	if !ExpectError(`ratio.*PayBY95`).MatchString("ratio\nis required when billing_type is \"PayBY95\"") {
		t.Error(". does not match across lines")
	}
}

// TestMockClientReachesTheMock: checks through the provider's finders use Client, which talks to
// the mock as the provider does, and whose calls show in the call log.
func TestMockClientReachesTheMock(t *testing.T) {
	m := NewMock(t, mockcloud.Options{})
	req := cbn.CreateDescribeCenBandwidthPackagesRequest()
	if err := m.Client(t).CBN.Do(t.Context(), req, cbn.CreateDescribeCenBandwidthPackagesResponse()); err != nil {
		t.Fatal(err)
	}
	m.Checkpoint()
	if got := m.Log().Of("DescribeCenBandwidthPackages").Answers(); !slices.Equal(got, []string{"200"}) {
		t.Errorf("the mock answered %q", got)
	}
	if len(m.LogSinceCheckpoint()) != 0 {
		t.Error("calls since a fresh checkpoint")
	}
	if err := m.CheckNoMutationSinceCheckpoint()(nil); err != nil {
		t.Error(err)
	}
	if err := m.CheckCallCount("DescribeCenBandwidthPackages", 2)(nil); err == nil {
		t.Error("a wrong call count passed")
	}
}

// TestTimePasses: the clock advances once the awaited answer comes, and the check fails when it
// never came; on the real cloud (a nil *Mock) nothing is watched.
func TestTimePasses(t *testing.T) {
	m := NewMock(t, mockcloud.Options{})
	if err := m.SetFaults(rpc.Faults{Scripted: []rpc.ScriptedFault{
		{Action: "DescribeCenBandwidthPackages", Count: 1, Status: 400, Code: "StateError.Test"},
	}}); err != nil {
		t.Fatal(err)
	}
	w := m.TimePassesWhen("DescribeCenBandwidthPackages", "StateError.Test", time.Hour)
	w.Start()
	before := m.Clock.Now()
	req := cbn.CreateDescribeCenBandwidthPackagesRequest()
	_ = m.Client(t).CBN.Do(t.Context(), req, cbn.CreateDescribeCenBandwidthPackagesResponse())
	if err := w.Check()(nil); err != nil {
		t.Fatal(err)
	}
	if moved := m.Clock.Now().Sub(before); moved < time.Hour {
		t.Errorf("the clock moved %s, want an hour", moved)
	}

	never := m.TimePassesWhen("DescribeCenBandwidthPackages", "NoSuchCode", time.Hour)
	never.Start()
	if err := never.Check()(nil); err == nil {
		t.Error("a watch whose answer never came passed")
	}
	var cloud *Mock
	cloudWatch := cloud.TimePassesWhen("X", "Y", time.Hour)
	cloudWatch.Start()
	if err := cloudWatch.Check()(nil); err != nil {
		t.Errorf("on the real cloud: %v", err)
	}
}
