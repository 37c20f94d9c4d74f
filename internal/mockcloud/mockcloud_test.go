package mockcloud_test

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/mockcloud/cbn"
	"terraform-provider-alibabacloud/internal/mockcloud/mocktest"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

func TestCloud_sdkCallsOnDemoSeed(t *testing.T) {
	_, base := startCloud(t, mockcloud.Options{Seed: demoSeed(t)})
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		body, err := sdkCall(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, method,
			"DescribeCenBandwidthPackages", nil)
		if err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		if n := packageCount(t, body); n != 1 {
			t.Errorf("%s: %d packages, want the demo's 1", method, n)
		}
	}
	_, err := sdkCall(t, base, mockcloud.DefaultAccessKeyID, "wrong", http.MethodGet, "DescribeCenBandwidthPackages", nil)
	wantErrorCode(t, err, "SignatureDoesNotMatch")

	body, err := sdkCallVersion(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, http.MethodPost,
		gaVersion, "DescribeAccelerator", map[string]string{"AcceleratorId": demoAcceleratorID})
	if err != nil {
		t.Fatalf("Ga DescribeAccelerator: %v", err)
	}
	if body["AcceleratorId"] != demoAcceleratorID || body["State"] != "active" {
		t.Errorf("demo accelerator %v", body)
	}
	_, err = sdkCallVersion(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, http.MethodGet,
		"2099-01-01", "DescribeAccelerator", nil)
	wantErrorCode(t, err, "InvalidVersion")
	_, err = sdkCallVersion(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, http.MethodGet,
		gaVersion, "DescribeCenBandwidthPackages", nil)
	wantErrorCode(t, err, "InvalidAction.NotFound")
}

func TestNew_keys(t *testing.T) {
	seed := &mockcloud.State{AccessKeys: []rpc.AccessKey{{AccessKeyId: "LTAI5tSeedKey", AccessKeySecret: "seed-secret"}}}
	cloud, base := startCloud(t, mockcloud.Options{AccessKeyID: "LTAI5tOption", AccessKeySecret: "option-secret", Seed: seed})
	for _, k := range [][2]string{{"LTAI5tOption", "option-secret"}, {"LTAI5tSeedKey", "seed-secret"}} {
		if _, err := sdkCall(t, base, k[0], k[1], http.MethodGet, "DescribeCenBandwidthPackages", nil); err != nil {
			t.Errorf("key %s rejected: %v", k[0], err)
		}
	}
	// The default pair is only accepted when no pair is given.
	_, err := sdkCall(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, http.MethodGet, "DescribeCenBandwidthPackages", nil)
	wantErrorCode(t, err, "InvalidAccessKeyId.NotFound")
	// State lists the seed's keys, not the option pair.
	if keys := cloud.State().AccessKeys; len(keys) != 1 || keys[0].AccessKeyId != "LTAI5tSeedKey" {
		t.Errorf("State().AccessKeys = %+v", keys)
	}

	for name, opts := range map[string]mockcloud.Options{
		"half a pair":     {AccessKeyID: "LTAI5tOnlyId"},
		"key sans secret": {Seed: &mockcloud.State{AccessKeys: []rpc.AccessKey{{AccessKeyId: "x"}}}},
		"negative delay":  {Delay: -time.Second},
	} {
		if _, err := mockcloud.New(opts); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestIsMutatingAction(t *testing.T) {
	for action, want := range map[string]bool{
		"DescribeCenBandwidthPackages": false, "ListBandwidthPackages": false, "DescribeAccelerator": false,
		"TempUpgradeCenBandwidthPackageSpec": true, "CreateBandwidthPackage": true, "UpdateBandwidthPackage": true,
		"DeleteBandwidthPackage": true, "BandwidthPackageAddAccelerator": true, "BandwidthPackageRemoveAccelerator": true,
	} {
		if got := mockcloud.IsMutatingAction(action); got != want {
			t.Errorf("IsMutatingAction(%s) = %v", action, got)
		}
	}
}

// upgradeParams asks for a temporary upgrade of the demo package to 200 Mbps for a day.
func upgradeParams(now time.Time) map[string]string {
	return map[string]string{
		"CenBandwidthPackageId": demoPackageID,
		"Bandwidth":             "200",
		"EndTime":               now.Add(24 * time.Hour).UTC().Format(cbn.SecondTimeLayout),
	}
}

func demoBandwidth(t *testing.T, s mockcloud.State) int64 {
	t.Helper()
	for _, p := range s.CenBandwidthPackages {
		if p.CenBandwidthPackageId == demoPackageID {
			return p.Bandwidth
		}
	}
	t.Fatalf("demo package missing from state %+v", s)
	return 0
}

func TestStateFile_roundTrip(t *testing.T) {
	dir := t.TempDir()
	stateFile := filepath.Join(dir, "state.json")
	cloud, base := startCloud(t, mockcloud.Options{Seed: demoSeed(t), StateFile: stateFile, Delay: time.Minute})

	// A read does not write the file.
	if _, err := sdkCall(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, http.MethodGet, "DescribeCenBandwidthPackages", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stateFile); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a read created the state file (stat: %v)", err)
	}
	// A failed mutation does not either.
	_, err := sdkCall(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, http.MethodPost,
		"TempUpgradeCenBandwidthPackageSpec", map[string]string{"CenBandwidthPackageId": demoPackageID})
	if err == nil {
		t.Fatal("an upgrade without Bandwidth succeeded")
	}
	if _, err := os.Stat(stateFile); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a failed call created the state file (stat: %v)", err)
	}
	// A successful mutation saves it.
	if _, err := sdkCall(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, http.MethodPost,
		"TempUpgradeCenBandwidthPackageSpec", upgradeParams(cloud.Clock.Now())); err != nil {
		t.Fatal(err)
	}
	saved, err := mockcloud.LoadStateFile(stateFile)
	if err != nil {
		t.Fatal(err)
	}
	if got := saved.CenBandwidthPackages[0].MockPendingUpgrade; got == nil || got.Bandwidth != 200 {
		t.Fatalf("saved state lacks the pending upgrade: %+v", saved.CenBandwidthPackages[0])
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		t.Errorf("temporary files left beside the state file: %v", entries)
	}

	// A Ga mutation is saved too.
	created, err := sdkCallVersion(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, http.MethodPost,
		gaVersion, "CreateBandwidthPackage", map[string]string{
			"Bandwidth": "10", "Type": "Basic", "BandwidthType": "Basic", "ChargeType": "POSTPAY", "ClientToken": "state-file-test",
		})
	if err != nil {
		t.Fatal(err)
	}
	saved, err = mockcloud.LoadStateFile(stateFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(saved.BandwidthPackages) != 1 || saved.BandwidthPackages[0].BandwidthPackageId != created["BandwidthPackageId"] {
		t.Fatalf("saved GA plans %+v, created %v", saved.BandwidthPackages, created)
	}

	// A new Cloud on the same file starts from it, not from its seed.
	reloaded, _ := startCloud(t, mockcloud.Options{Seed: &mockcloud.State{}, StateFile: stateFile, Delay: time.Minute})
	if n := len(reloaded.State().CenBandwidthPackages); n != 1 {
		t.Fatalf("reloaded cloud has %d packages, want the state file's 1", n)
	}
	if bw := demoBandwidth(t, reloaded.State()); bw != 100 {
		t.Errorf("upgrade visible before its delay: %d Mbps", bw)
	}
	reloaded.Advance(2 * time.Minute)
	if bw := demoBandwidth(t, reloaded.State()); bw != 200 {
		t.Errorf("upgrade not applied after the delay: %d Mbps", bw)
	}
	// The advance saved the settled state.
	saved, err = mockcloud.LoadStateFile(stateFile)
	if err != nil {
		t.Fatal(err)
	}
	if bw := demoBandwidth(t, *saved); bw != 200 {
		t.Errorf("state file after the advance shows %d Mbps", bw)
	}
}

func TestReplaceState(t *testing.T) {
	cloud, base := startCloud(t, mockcloud.Options{Seed: demoSeed(t)})
	s := cloud.State()
	s.CenBandwidthPackages = nil
	if err := cloud.ReplaceState(s); err != nil {
		t.Fatal(err)
	}
	body, err := sdkCall(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, http.MethodGet, "DescribeCenBandwidthPackages", nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := packageCount(t, body); n != 0 {
		t.Errorf("%d packages after ReplaceState emptied them", n)
	}
	bad := cloud.State()
	bad.CenBandwidthPackages = []cbn.Package{{CenBandwidthPackageId: "cenbwp-x", Bandwidth: 0}}
	if err := cloud.ReplaceState(bad); err == nil || !strings.Contains(err.Error(), "CenBandwidthPackages") {
		t.Errorf("invalid state accepted or unclear error: %v", err)
	}
}

func TestLoadStateFile_errors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	cases := map[string]struct {
		path string
		want []string
	}{
		"unknown key": {write("unknown.json", `{"CenBandwidthPackages": [], "Acelerators": []}`),
			[]string{`unknown top-level key(s) "Acelerators"`, "Accelerators"}},
		"syntax": {write("syntax.json", "{\n  \"AccessKeys\": [\n  ,]\n}"), []string{"syntax.json", "line 3"}},
		"type":   {write("type.json", `{"CenBandwidthPackages": {"x": 1}}`), []string{"CenBandwidthPackages"}},
		"null":   {write("null.json", `null`), []string{"JSON object"}},
	}
	for name, tc := range cases {
		_, err := mockcloud.LoadStateFile(tc.path)
		if err == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		for _, want := range tc.want {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("%s: error %q does not mention %q", name, err, want)
			}
		}
	}
	if _, err := mockcloud.LoadStateFile(filepath.Join(dir, "absent.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
	// New reports a broken state file instead of starting empty.
	if _, err := mockcloud.New(mockcloud.Options{StateFile: cases["syntax"].path}); err == nil {
		t.Error("New accepted a broken state file")
	}
}

// TestReadStateFile_sizeCap: a file over the cap is refused with its name and the cap.
func TestReadStateFile_sizeCap(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.json")
	content := `{"AccessKeys": [` + strings.Repeat(`{"AccessKeyId": "k", "AccessKeySecret": "s"},`, 40) + `{"AccessKeyId": "k", "AccessKeySecret": "s"}]}`
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := mockcloud.ReadStateFile(path, int64(len(content))); err != nil {
		t.Fatalf("a file of exactly the cap: %v", err)
	}
	_, err := mockcloud.ReadStateFile(path, 1000)
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "larger than 1000 bytes") {
		t.Errorf("a file over the cap: %v", err)
	}
	_, err = mockcloud.New(mockcloud.Options{StateFile: path, MaxStateFileBytes: 1000})
	if err == nil || !strings.Contains(err.Error(), "larger than 1000 bytes") {
		t.Errorf("New with a state file over MaxStateFileBytes: %v", err)
	}
	if _, err := mockcloud.ReadStateFile(t.TempDir(), 1000); err == nil || !strings.Contains(err.Error(), "a directory") {
		t.Errorf("a directory as state file: %v", err)
	}
}

// TestNew_stateFileNotWritable: a state file that could never be saved fails at start, with
// the reason, instead of starting and silently never saving.
func TestNew_stateFileNotWritable(t *testing.T) {
	dir := t.TempDir()
	aFile := filepath.Join(dir, "plain-file")
	if err := os.WriteFile(aFile, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		filepath.Join(dir, "missing", "state.json"): "does not exist",
		filepath.Join(aFile, "state.json"):          "not a directory",
		dir:                                         "a directory",
	} {
		_, err := mockcloud.New(mockcloud.Options{StateFile: path})
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "cannot be saved") {
			t.Errorf("state file %s: %v, want an error saying it cannot be saved (%s)", path, err, want)
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 1 {
		t.Errorf("the checks left files behind: %v %v", entries, err)
	}
	if _, err := mockcloud.New(mockcloud.Options{StateFile: filepath.Join(dir, "state.json")}); err != nil {
		t.Errorf("a state file in a writable directory: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "state.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the start wrote the state file before any change (stat: %v)", err)
	}
}

// TestNew_callLogLimit: Options.CallLogLimit keeps the most recent calls, oldest first, in
// CallLog and in GET /_mock/calls, and counts the dropped ones; a negative limit is refused.
func TestNew_callLogLimit(t *testing.T) {
	cloud, base := startCloud(t, mockcloud.Options{CallLogLimit: 2})
	for _, name := range []string{"cenbwp-1", "cenbwp-2", "cenbwp-3"} {
		_, err := sdkCall(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, http.MethodPost,
			"TempUpgradeCenBandwidthPackageSpec", map[string]string{"CenBandwidthPackageId": name})
		wantErrorCode(t, err, "MissingBandwidth")
	}
	calls, dropped := cloud.CallLog()
	if len(calls) != 2 || dropped != 1 ||
		calls[0].Params["CenBandwidthPackageId"] != "cenbwp-2" || calls[1].Params["CenBandwidthPackageId"] != "cenbwp-3" {
		t.Errorf("CallLog = %+v, %d dropped; want the calls on cenbwp-2 and cenbwp-3, 1 dropped", calls, dropped)
	}
	var served []rpc.CallRecord
	admin(t, http.MethodGet, base+"/_mock/calls", "", &served)
	if len(served) != 2 || served[0].RequestId != calls[0].RequestId || served[1].RequestId != calls[1].RequestId {
		t.Errorf("GET /_mock/calls = %+v, want the two records CallLog keeps, oldest first", served)
	}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, base+"/_mock/calls", nil)
	if err != nil {
		t.Fatal(err)
	}
	_, header, _ := mocktest.Do(t, req)
	if got := header.Get(mockcloud.CallsDroppedHeader); got != "1" {
		t.Errorf("%s = %q, want 1", mockcloud.CallsDroppedHeader, got)
	}

	if _, err := mockcloud.New(mockcloud.Options{CallLogLimit: -1}); err == nil {
		t.Error("a negative CallLogLimit was accepted")
	}
}
