package mockcloud_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/mockcloud/cbn"
	"terraform-provider-alibabacloud/internal/mockcloud/ga"
)

func TestAccountJSONIsOneFlatObject(t *testing.T) {
	in := `{"Account": {"CenTempUpgradeEnabled": true, "GaPostpayEnabled": true, "GaDowngradeQuota": 3, "GaUpdateCooldown": "90s"}}`
	s, err := mockcloud.ParseState([]byte(in))
	if err != nil {
		t.Fatal(err)
	}
	want := mockcloud.Account{
		CBN: cbn.AccountSettings{CenTempUpgradeEnabled: true},
		GA:  ga.AccountSettings{GaPostpayEnabled: true, GaDowngradeQuota: 3, GaUpdateCooldown: "90s"},
	}
	if s.Account == nil || *s.Account != want {
		t.Fatalf("parsed %+v, want %+v", s.Account, want)
	}
	out, err := json.Marshal(s.Account)
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]any
	if err := json.Unmarshal(out, &fields); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"CenTempUpgradeEnabled", "CenAllowOrderDuringWindow", "CenReservationTimeExact",
		"GaPostpayEnabled", "GaPayBY95Enabled", "GaDowngradeQuota", "GaUpdateCooldown"} {
		if _, ok := fields[name]; !ok {
			t.Errorf("marshaled account %s lacks %s", out, name)
		}
	}

	_, err = mockcloud.ParseState([]byte(`{"Account": {"CenTempUpgradeEnable": true}}`))
	if err == nil || !strings.Contains(err.Error(), `unknown switch(es) "CenTempUpgradeEnable"`) || !strings.Contains(err.Error(), "CenTempUpgradeEnabled") {
		t.Errorf("a misspelled switch: %v", err)
	}
	_, err = mockcloud.ParseState([]byte(`{"Account": {"GaDowngradeQuota": "many"}}`))
	if err == nil {
		t.Error("a switch of the wrong type was accepted")
	}
}

func TestAccountDefaultsAndReplaceState(t *testing.T) {
	cloud, _ := startCloud(t, mockcloud.Options{})
	if a := cloud.State().Account; a == nil || *a != (mockcloud.Account{}) {
		t.Fatalf("a mock without a seed has account %+v, want the zero (strict, gates off) one", a)
	}
	open := &mockcloud.Account{CBN: cbn.AccountSettings{CenTempUpgradeEnabled: true}, GA: ga.AccountSettings{GaDowngradeQuota: 2}}
	if err := cloud.ReplaceState(mockcloud.State{Account: open}); err != nil {
		t.Fatal(err)
	}
	if err := cloud.ReplaceState(mockcloud.State{}); err != nil { // no Account: the one in force stays
		t.Fatal(err)
	}
	if a := cloud.State().Account; *a != *open {
		t.Errorf("account after ReplaceState without one: %+v, want %+v", a, open)
	}
	bad := mockcloud.State{Account: &mockcloud.Account{GA: ga.AccountSettings{GaUpdateCooldown: "later"}}}
	if err := cloud.ReplaceState(bad); err == nil || !strings.Contains(err.Error(), "GaUpdateCooldown") {
		t.Errorf("a bad cool-down: %v", err)
	}
}

func TestAccountSurvivesTheStateFile(t *testing.T) {
	stateFile := filepath.Join(t.TempDir(), "state.json")
	seed := &mockcloud.State{Account: &mockcloud.Account{GA: ga.AccountSettings{GaPostpayEnabled: true, GaDowngradeQuota: 1}}}
	_, base := startCloud(t, mockcloud.Options{Seed: seed, StateFile: stateFile})
	created, err := sdkCallVersion(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, "POST", gaVersion,
		"CreateBandwidthPackage", map[string]string{"Bandwidth": "10", "Type": "Basic", "BandwidthType": "Basic", "ChargeType": "POSTPAY", "RegionId": "cn-hangzhou"})
	if err != nil {
		t.Fatal(err)
	}
	id, _ := created["BandwidthPackageId"].(string)
	if _, err := sdkCallVersion(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, "POST", gaVersion,
		"UpdateBandwidthPackage", map[string]string{"BandwidthPackageId": id, "Bandwidth": "5", "RegionId": "cn-hangzhou"}); err != nil {
		t.Fatal(err)
	}
	saved, err := mockcloud.LoadStateFile(stateFile)
	if err != nil {
		t.Fatal(err)
	}
	if a := saved.Account; a == nil || !a.GA.GaPostpayEnabled || a.GA.GaDowngradeQuota != 0 {
		t.Errorf("saved account %+v, want the gate on and the quota used up", a)
	}
}
