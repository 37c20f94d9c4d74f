package cbn

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	sdkcbn "github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"

	"terraform-provider-alibabacloud/internal/mockcloud/clock"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

const (
	describeAction = "DescribeCenBandwidthPackages"
	upgradeAction  = "TempUpgradeCenBandwidthPackageSpec"
)

// lenientAccount has the temporary upgrade enabled and the lenient readings the tests below
// were written for; the strict defaults have tests of their own (account_test.go).
var lenientAccount = AccountSettings{CenTempUpgradeEnabled: true, CenAllowOrderDuringWindow: true, CenReservationTimeExact: true}

// fixture is a product on its own clock.
type fixture struct {
	t     *testing.T
	clock *clock.Clock
	p     *Product
}

// newFixture returns a product seeded with seeds whose upgrades take delay.
func newFixture(t *testing.T, delay time.Duration, seeds ...Package) *fixture {
	t.Helper()
	clk := clock.NewStopped(time.Now())
	p := New(clk, delay)
	if err := p.Restore(seeds); err != nil {
		t.Fatalf("Restore: %v", err)
	}
	p.SetAccount(lenientAccount)
	return &fixture{t: t, clock: clk, p: p}
}

// handle runs one call; params alternate name and value.
func (f *fixture) handle(action string, params ...string) (any, error) {
	f.t.Helper()
	values := url.Values{}
	for i := 0; i+1 < len(params); i += 2 {
		values.Add(params[i], params[i+1])
	}
	return f.p.Handle(&rpc.Call{Action: action, Params: values, Now: f.clock.Now(), RequestID: "req-1"})
}

// describe runs DescribeCenBandwidthPackages and fails the test on an error.
func (f *fixture) describe(params ...string) DescribeResponse {
	f.t.Helper()
	out, err := f.handle(describeAction, params...)
	if err != nil {
		f.t.Fatalf("Describe %v: %v", params, err)
	}
	resp, ok := out.(DescribeResponse)
	if !ok {
		f.t.Fatalf("Describe returned %T", out)
	}
	return resp
}

// one describes a single package by id, with or without reservation data.
func (f *fixture) one(id string, includeReservation bool) Package {
	f.t.Helper()
	resp := f.describe("Filter.1.Key", "CenBandwidthPackageId", "Filter.1.Value.1", id,
		"IncludeReservationData", strconv.FormatBool(includeReservation))
	if len(resp.CenBandwidthPackages.CenBandwidthPackage) != 1 {
		f.t.Fatalf("Describe %s: got %d packages, want 1", id, len(resp.CenBandwidthPackages.CenBandwidthPackage))
	}
	return resp.CenBandwidthPackages.CenBandwidthPackage[0]
}

// upgrade calls TempUpgradeCenBandwidthPackageSpec.
func (f *fixture) upgrade(id string, bandwidth int64, end time.Time) error {
	f.t.Helper()
	_, err := f.handle(upgradeAction, "CenBandwidthPackageId", id,
		"Bandwidth", strconv.FormatInt(bandwidth, 10), "EndTime", secondTime(end))
	return err
}

// at returns a time d from the virtual now, to the second.
func (f *fixture) at(d time.Duration) time.Time {
	return f.clock.Now().Add(d).Truncate(time.Second)
}

// wantCode asserts that err is an *rpc.Error with HTTP 400 and the given code.
func wantCode(t *testing.T, err error, code string) {
	t.Helper()
	var apiErr *rpc.Error
	if !errors.As(err, &apiErr) {
		t.Fatalf("got error %v, want API error %s", err, code)
	}
	if apiErr.Code != code || apiErr.Status != http.StatusBadRequest {
		t.Fatalf("got %d %s (%s), want 400 %s", apiErr.Status, apiErr.Code, apiErr.Message, code)
	}
	if apiErr.Message == "" {
		t.Fatalf("error %s has no message", code)
	}
}

// wantWindow asserts the bandwidth and reservation fields Describe shows with reservation data.
func wantWindow(t *testing.T, got Package, bandwidth int64, restored string, end time.Time) {
	t.Helper()
	want := [5]string{strconv.FormatInt(bandwidth, 10), "false", "", "", ""}
	if restored != "" {
		want = [5]string{strconv.FormatInt(bandwidth, 10), "true", ReservationTempUpgrade, restored, apiTime(end)}
	}
	have := [5]string{strconv.FormatInt(got.Bandwidth, 10), got.HasReservationData, got.ReservationOrderType,
		got.ReservationBandwidth, got.ReservationActiveTime}
	if have != want {
		t.Fatalf("Bandwidth, HasReservationData, ReservationOrderType, ReservationBandwidth, ReservationActiveTime = %q, want %q", have, want)
	}
}

// prepay is a seed of a subscription package; Restore fills in the rest.
func prepay(id string, bandwidth int64) Package {
	return Package{CenBandwidthPackageId: id, Bandwidth: bandwidth}
}

func TestNameVersionAndUnknownAction(t *testing.T) {
	f := newFixture(t, 0)
	if f.p.Name() != "Cbn" || f.p.Version() != "2017-09-12" {
		t.Fatalf("Name, Version = %s, %s", f.p.Name(), f.p.Version())
	}
	if _, err := f.handle("DescribeCens"); !errors.Is(err, rpc.ErrUnknownAction) {
		t.Fatalf("unknown action: got %v, want rpc.ErrUnknownAction", err)
	}
}

func TestRestoreDefaults(t *testing.T) {
	f := newFixture(t, 0,
		prepay("cenbwp-idle", 10),
		Package{CenBandwidthPackageId: "cenbwp-used", Bandwidth: 20, CenIds: CenIds{CenId: []string{"cen-1"}}},
		Package{CenBandwidthPackageId: "cenbwp-post", Bandwidth: 30, BandwidthPackageChargeType: ChargeTypePostpay},
		Package{CenBandwidthPackageId: "cenbwp-given", Bandwidth: 40, CreationTime: "2026-01-02T03:04:05Z",
			ExpiredTime: "2027-06-01T00:00Z", GeographicRegionAId: "China", GeographicRegionBId: "North-America",
			Status: StatusIdle, BusinessStatus: BusinessStatusFinancialLocked, ResourceGroupId: "rg-own"},
	)
	snap := f.p.Snapshot()
	byID := map[string]Package{}
	for _, s := range snap {
		byID[s.CenBandwidthPackageId] = s
	}
	now := f.clock.Now()
	idle := byID["cenbwp-idle"]
	created, err := time.Parse(APITimeLayout, idle.CreationTime)
	if err != nil || now.Sub(created) < 0 || now.Sub(created) > 2*time.Minute {
		t.Fatalf("CreationTime %q should be the virtual now %s to the minute (%v)", idle.CreationTime, now, err)
	}
	if want := apiTime(created.AddDate(1, 0, 0)); idle.ExpiredTime != want {
		t.Fatalf("ExpiredTime %q, want a year after creation %q", idle.ExpiredTime, want)
	}

	tests := []struct {
		id, field, got, want string
	}{
		{"cenbwp-idle", "Status", idle.Status, StatusIdle},
		{"cenbwp-idle", "BusinessStatus", idle.BusinessStatus, BusinessStatusNormal},
		{"cenbwp-idle", "BandwidthPackageChargeType", idle.BandwidthPackageChargeType, ChargeTypePrepay},
		{"cenbwp-idle", "HasReservationData", idle.HasReservationData, "false"},
		{"cenbwp-idle", "ResourceGroupId", idle.ResourceGroupId, DefaultResourceGroupID},
		{"cenbwp-idle", "GeographicRegionAId", idle.GeographicRegionAId, "china"},
		{"cenbwp-given", "GeographicRegionBId", byID["cenbwp-given"].GeographicRegionBId, "north-america"},
		{"cenbwp-idle", "GeographicSpanId", idle.GeographicSpanId, "china_china"},
		{"cenbwp-idle", "ReservationOrderType", idle.ReservationOrderType, ""},
		{"cenbwp-used", "Status", byID["cenbwp-used"].Status, StatusInUse},
		{"cenbwp-post", "ExpiredTime", byID["cenbwp-post"].ExpiredTime, ""},
		{"cenbwp-given", "CreationTime", byID["cenbwp-given"].CreationTime, "2026-01-02T03:04Z"},
		{"cenbwp-given", "ExpiredTime", byID["cenbwp-given"].ExpiredTime, "2027-06-01T00:00Z"},
		{"cenbwp-given", "GeographicSpanId", byID["cenbwp-given"].GeographicSpanId, "china_north-america"},
		{"cenbwp-given", "BusinessStatus", byID["cenbwp-given"].BusinessStatus, BusinessStatusFinancialLocked},
		{"cenbwp-given", "ResourceGroupId", byID["cenbwp-given"].ResourceGroupId, "rg-own"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s %s = %q, want %q", tt.id, tt.field, tt.got, tt.want)
		}
	}

	// Lists left out are empty lists, not null, as the API shows them.
	raw, err := json.Marshal(idle)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"CenIds":{"CenId":[]}`, `"Tags":{"Tag":[]}`,
		`"OrginInterRegionBandwidthLimits":{"OrginInterRegionBandwidthLimit":[]}`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("snapshot JSON %s lacks %s", raw, want)
		}
	}
	if strings.Contains(string(raw), "Mock") {
		t.Errorf("a package without mock-only data should not carry Mock fields: %s", raw)
	}
}

func TestRestoreRejectsInvalidSeeds(t *testing.T) {
	window := func(mod func(*Package)) Package {
		p := Package{CenBandwidthPackageId: "cenbwp-w", Bandwidth: 50, ReservationOrderType: ReservationTempUpgrade,
			ReservationBandwidth: "10", ReservationActiveTime: "2099-01-01T00:00Z"}
		mod(&p)
		return p
	}
	tests := []struct {
		name  string
		seeds []Package
		want  string
	}{
		{"no id", []Package{{Bandwidth: 10}}, "CenBandwidthPackageId is required"},
		{"duplicate id", []Package{prepay("cenbwp-a", 10), prepay("cenbwp-a", 20)}, "appears twice"},
		{"no bandwidth", []Package{{CenBandwidthPackageId: "cenbwp-a"}}, "Bandwidth is 0"},
		{"charge type", []Package{{CenBandwidthPackageId: "cenbwp-a", Bandwidth: 10, BandwidthPackageChargeType: "PrePaid"}}, "BandwidthPackageChargeType"},
		{"status", []Package{{CenBandwidthPackageId: "cenbwp-a", Bandwidth: 10, Status: "Active"}}, "Status"},
		{"business status", []Package{{CenBandwidthPackageId: "cenbwp-a", Bandwidth: 10, BusinessStatus: "Expired"}}, "BusinessStatus"},
		{"creation time", []Package{{CenBandwidthPackageId: "cenbwp-a", Bandwidth: 10, CreationTime: "yesterday"}}, "CreationTime"},
		{"geographic region", []Package{{CenBandwidthPackageId: "cenbwp-a", Bandwidth: 10, GeographicRegionBId: "Mars"}}, "GeographicRegion"},
		{"expired time", []Package{{CenBandwidthPackageId: "cenbwp-a", Bandwidth: 10, ExpiredTime: "2026-13-01T00:00Z"}}, "ExpiredTime"},
		{"reservation without type", []Package{{CenBandwidthPackageId: "cenbwp-a", Bandwidth: 10, ReservationBandwidth: "5"}}, "need ReservationOrderType"},
		{"has reservation without type", []Package{{CenBandwidthPackageId: "cenbwp-a", Bandwidth: 10, HasReservationData: "true"}}, "HasReservationData"},
		{"unsupported order type", []Package{window(func(p *Package) { p.ReservationOrderType = "UPGRADE" })}, "not supported"},
		{"reservation bandwidth text", []Package{window(func(p *Package) { p.ReservationBandwidth = "ten" })}, "ReservationBandwidth"},
		{"reservation bandwidth not below", []Package{window(func(p *Package) { p.ReservationBandwidth = "50" })}, "below the upgraded Bandwidth"},
		{"window without end", []Package{window(func(p *Package) { p.ReservationActiveTime = "" })}, "ReservationActiveTime is required"},
		{"window end disagrees", []Package{window(func(p *Package) { p.MockUpgradeEndTime = "2099-01-01T05:00:00Z" })}, "disagree"},
		{"window has no data", []Package{window(func(p *Package) { p.HasReservationData = "false" })}, "HasReservationData"},
		{"pending bandwidth", []Package{{CenBandwidthPackageId: "cenbwp-a", Bandwidth: 10,
			MockPendingUpgrade: &PendingUpgrade{Bandwidth: 1, EndTime: "2099-01-01T00:00:00Z", DueTime: "2099-01-01T00:00:00Z"}}}, "MockPendingUpgrade.Bandwidth"},
		{"pending due", []Package{{CenBandwidthPackageId: "cenbwp-a", Bandwidth: 10,
			MockPendingUpgrade: &PendingUpgrade{Bandwidth: 20, EndTime: "2099-01-01T00:00:00Z", DueTime: "soon"}}}, "MockPendingUpgrade.DueTime"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, 0, prepay("cenbwp-kept", 10))
			err := f.p.Restore(tt.seeds)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Restore: got %v, want an error containing %q", err, tt.want)
			}
			if snap := f.p.Snapshot(); len(snap) != 1 || snap[0].CenBandwidthPackageId != "cenbwp-kept" {
				t.Fatalf("a rejected Restore changed the state: %+v", snap)
			}
		})
	}
}

func TestRestoreOpenWindowFromSeed(t *testing.T) {
	f := newFixture(t, 0)
	end := f.at(2 * time.Hour)
	err := f.p.Restore([]Package{{CenBandwidthPackageId: "cenbwp-w", Bandwidth: 80, ReservationOrderType: ReservationTempUpgrade,
		ReservationBandwidth: "20", MockUpgradeEndTime: secondTime(end)}})
	if err != nil {
		t.Fatal(err)
	}
	wantWindow(t, f.one("cenbwp-w", true), 80, "20", end)
	if err := f.upgrade("cenbwp-w", 20, f.at(4*time.Hour)); err == nil {
		t.Fatal("the original bandwidth of a seeded window must come from ReservationBandwidth")
	} else {
		wantCode(t, err, CodeUpgradeBwpBandwidth)
	}
	f.clock.Advance(2*time.Hour + time.Second)
	wantWindow(t, f.one("cenbwp-w", true), 20, "", time.Time{})
}

func TestSnapshotRoundTrip(t *testing.T) {
	f := newFixture(t, 10*time.Minute, prepay("cenbwp-open", 10), prepay("cenbwp-pending", 5),
		Package{CenBandwidthPackageId: "cenbwp-qos", Bandwidth: 10, MockAbsoluteInterRegionQosPolicy: true,
			Tags: Tags{Tag: []Tag{{Key: "env", Value: "prod"}}}})
	openEnd := f.at(5*time.Hour + 17*time.Second)
	if err := f.upgrade("cenbwp-open", 100, openEnd); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(10 * time.Minute)
	pendingEnd := f.at(6 * time.Hour)
	if err := f.upgrade("cenbwp-pending", 50, pendingEnd); err != nil {
		t.Fatal(err)
	}

	snap := f.p.Snapshot()
	raw, err := json.Marshal(snap)
	if err != nil {
		t.Fatal(err)
	}
	var loaded []Package
	if err := json.Unmarshal(raw, &loaded); err != nil {
		t.Fatal(err)
	}
	restored := New(f.clock, 10*time.Minute)
	if err := restored.Restore(loaded); err != nil {
		t.Fatalf("Restore of a snapshot: %v", err)
	}
	restored.SetAccount(f.p.Account())
	again := restored.Snapshot()
	if !reflect.DeepEqual(again, snap) {
		t.Fatalf("round trip changed the state:\n got %+v\nwant %+v", again, snap)
	}
	g := &fixture{t: t, clock: f.clock, p: restored}

	// The pending upgrade survived: invisible now, visible after its delay.
	wantWindow(t, g.one("cenbwp-pending", true), 5, "", time.Time{})
	// The exact end (with seconds) survived.
	for _, p := range again {
		if p.CenBandwidthPackageId == "cenbwp-open" && p.MockUpgradeEndTime != secondTime(openEnd) {
			t.Fatalf("MockUpgradeEndTime %q, want %q", p.MockUpgradeEndTime, secondTime(openEnd))
		}
	}
	f.clock.Advance(openEnd.Sub(f.clock.Now()) - time.Minute)
	wantWindow(t, g.one("cenbwp-pending", true), 50, "5", pendingEnd)
	wantWindow(t, g.one("cenbwp-open", true), 100, "10", openEnd)
	f.clock.Advance(time.Minute)
	wantWindow(t, g.one("cenbwp-open", true), 10, "", time.Time{})
	// The mock-only QoS flag survived.
	wantCode(t, g.upgrade("cenbwp-qos", 20, f.at(4*time.Hour)), CodeUnsupportedQosPolicy)
}

// seedList returns n PREPAY packages cenbwp-01..; odd ones are InUse in cen-odd, named "odd".
func seedList(n int) []Package {
	out := make([]Package, n)
	for i := range out {
		out[i] = prepay(fmt.Sprintf("cenbwp-%02d", i+1), 10)
		out[i].Name = "even"
		if (i+1)%2 == 1 {
			out[i].Name = "odd"
			out[i].CenIds.CenId = []string{"cen-odd", fmt.Sprintf("cen-%02d", i+1)}
		}
	}
	return out
}

// ids lists the listed package ids without their cenbwp- prefix, comma-separated.
func ids(resp DescribeResponse) string {
	var out []string
	for _, p := range resp.CenBandwidthPackages.CenBandwidthPackage {
		out = append(out, strings.TrimPrefix(p.CenBandwidthPackageId, "cenbwp-"))
	}
	return strings.Join(out, ",")
}

func TestDescribePaging(t *testing.T) {
	f := newFixture(t, 0, seedList(12)...)
	tests := []struct {
		params              []string
		number, size, total int
		ids                 string
	}{
		{nil, 1, 10, 12, "01,02,03,04,05,06,07,08,09,10"},
		{[]string{"PageNumber", "2"}, 2, 10, 12, "11,12"},
		{[]string{"PageNumber", "3"}, 3, 10, 12, ""},
		{[]string{"PageSize", "5", "PageNumber", "2"}, 2, 5, 12, "06,07,08,09,10"},
		{[]string{"PageSize", "50"}, 1, 50, 12, "01,02,03,04,05,06,07,08,09,10,11,12"},
		{[]string{"PageSize", "1", "PageNumber", "12"}, 12, 1, 12, "12"},
	}
	for _, tt := range tests {
		resp := f.describe(tt.params...)
		if resp.PageNumber != tt.number || resp.PageSize != tt.size || resp.TotalCount != tt.total || ids(resp) != tt.ids {
			t.Errorf("%v: got page %d size %d total %d ids %q, want %d %d %d %q", tt.params,
				resp.PageNumber, resp.PageSize, resp.TotalCount, ids(resp), tt.number, tt.size, tt.total, tt.ids)
		}
	}
	for _, bad := range [][]string{
		{"PageSize", "0"}, {"PageSize", "51"}, {"PageSize", "ten"}, {"PageSize", "-1"},
		{"PageNumber", "0"}, {"PageNumber", "-2"}, {"PageNumber", "1.5"},
		{"IncludeReservationData", "yes"}, {"IsOrKey", "1"},
	} {
		_, err := f.handle(describeAction, bad...)
		wantCode(t, err, CodeInvalidParameter)
		if !strings.Contains(err.Error(), bad[0]) {
			t.Errorf("%v: the message %q should name the parameter", bad, err)
		}
	}
}

func TestDescribeFilters(t *testing.T) {
	seeds := seedList(6)
	seeds[1].Name = "special"
	seeds[2].ResourceGroupId = "rg-team"
	seeds[3].Tags.Tag = []Tag{{Key: "env", Value: "prod"}, {Key: "team", Value: "net"}}
	seeds[4].Tags.Tag = []Tag{{Key: "env", Value: "dev"}}
	f := newFixture(t, 0, seeds...)
	tests := []struct {
		name   string
		params []string
		ids    string
	}{
		{"none", nil, "01,02,03,04,05,06"},
		{"id", []string{"Filter.1.Key", "CenBandwidthPackageId", "Filter.1.Value.1", "cenbwp-04"}, "04"},
		{"ids are or'ed", []string{"Filter.1.Key", "CenBandwidthPackageId", "Filter.1.Value.1", "cenbwp-04",
			"Filter.1.Value.2", "cenbwp-02"}, "02,04"},
		{"unknown id", []string{"Filter.1.Key", "CenBandwidthPackageId", "Filter.1.Value.1", "cenbwp-99"}, ""},
		{"name", []string{"Filter.1.Key", "Name", "Filter.1.Value.1", "special"}, "02"},
		{"status idle", []string{"Filter.1.Key", "Status", "Filter.1.Value.1", "Idle"}, "02,04,06"},
		{"status in use", []string{"Filter.1.Key", "Status", "Filter.1.Value.1", "InUse"}, "01,03,05"},
		{"cen id shared", []string{"Filter.1.Key", "CenId", "Filter.1.Value.1", "cen-odd"}, "01,03,05"},
		{"cen id own", []string{"Filter.1.Key", "CenId", "Filter.1.Value.1", "cen-03"}, "03"},
		{"and by default", []string{"Filter.1.Key", "CenId", "Filter.1.Value.1", "cen-odd",
			"Filter.2.Key", "CenBandwidthPackageId", "Filter.2.Value.1", "cenbwp-03", "Filter.2.Value.2", "cenbwp-04"}, "03"},
		{"and explicitly", []string{"IsOrKey", "false", "Filter.1.Key", "Name", "Filter.1.Value.1", "special",
			"Filter.2.Key", "Status", "Filter.2.Value.1", "InUse"}, ""},
		{"or", []string{"IsOrKey", "true", "Filter.1.Key", "Name", "Filter.1.Value.1", "special",
			"Filter.2.Key", "Status", "Filter.2.Value.1", "InUse"}, "01,02,03,05"},
		{"filter without values constrains nothing", []string{"Filter.1.Key", "Name"}, "01,02,03,04,05,06"},
		{"fifth filter", []string{"Filter.5.Key", "Name", "Filter.5.Value.1", "even"}, "04,06"},
		{"resource group", []string{"ResourceGroupId", "rg-team"}, "03"},
		{"default resource group", []string{"ResourceGroupId", DefaultResourceGroupID}, "01,02,04,05,06"},
		{"tag key and value", []string{"Tag.1.Key", "env", "Tag.1.Value", "prod"}, "04"},
		{"tag key, any value", []string{"Tag.1.Key", "env"}, "04,05"},
		{"tags are and'ed", []string{"Tag.1.Key", "env", "Tag.2.Key", "team", "Tag.2.Value", "net"}, "04"},
		{"tags and'ed with or'ed filters", []string{"IsOrKey", "true", "Filter.1.Key", "Name", "Filter.1.Value.1", "even",
			"Filter.2.Key", "Status", "Filter.2.Value.1", "InUse", "Tag.1.Key", "env"}, "04,05"},
		{"twentieth tag", []string{"Tag.20.Key", "team"}, "04"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := f.describe(tt.params...)
			if got := ids(resp); got != tt.ids || resp.TotalCount != len(resp.CenBandwidthPackages.CenBandwidthPackage) {
				t.Fatalf("got %q (TotalCount %d), want %q", got, resp.TotalCount, tt.ids)
			}
		})
	}
	for _, bad := range [][]string{
		{"Filter.1.Key", "Bandwidth", "Filter.1.Value.1", "10"},
		{"Filter.1.Value.1", "cenbwp-01"},
		{"Filter.6.Key", "Name", "Filter.6.Value.1", "odd"},
		{"Filter.x.Key", "Name"},
		{"Filter.1.Key", "Name", "Filter.1.Value.y", "odd"},
		{"Filter.1.Values", "odd"},
		{"Tag.1.Value", "prod"},
		{"Tag.21.Key", "env"},
		{"Tag.1.Name", "env"},
	} {
		_, err := f.handle(describeAction, bad...)
		wantCode(t, err, CodeInvalidParameter)
	}
}

func TestDescribeResponseShape(t *testing.T) {
	f := newFixture(t, 0, Package{CenBandwidthPackageId: "cenbwp-a", Bandwidth: 10, Name: "peak",
		CenIds: CenIds{CenId: []string{"cen-1"}},
		Tags:   Tags{Tag: []Tag{{Key: "env", Value: "prod"}}},
		OrginInterRegionBandwidthLimits: OrginInterRegionBandwidthLimits{OrginInterRegionBandwidthLimit: []OrginInterRegionBandwidthLimit{
			{LocalRegionId: "cn-hangzhou", OppositeRegionId: "cn-beijing", BandwidthLimit: "5"}}},
	})
	end := f.at(4 * time.Hour)
	if err := f.upgrade("cenbwp-a", 30, end); err != nil {
		t.Fatal(err)
	}
	// A second package carries every other mock-only field.
	snap := f.p.Snapshot()
	snap = append(snap, Package{CenBandwidthPackageId: "cenbwp-b", Bandwidth: 10, MockAbsoluteInterRegionQosPolicy: true,
		MockPendingUpgrade: &PendingUpgrade{Bandwidth: 20, EndTime: secondTime(end), DueTime: secondTime(f.at(time.Hour))}})
	if err := f.p.Restore(snap); err != nil {
		t.Fatal(err)
	}
	all, err := f.handle(describeAction, "IncludeReservationData", "true")
	if err != nil {
		t.Fatal(err)
	}
	if raw, _ := json.Marshal(all); strings.Contains(string(raw), "Mock") {
		t.Fatalf("the API response shows mock-only fields: %s", raw)
	}
	out, err := f.handle(describeAction, "IncludeReservationData", "true",
		"Filter.1.Key", "CenBandwidthPackageId", "Filter.1.Value.1", "cenbwp-a")
	if err != nil {
		t.Fatal(err)
	}
	raw, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	var sdk sdkcbn.DescribeCenBandwidthPackagesResponse
	if err := json.Unmarshal(raw, &sdk); err != nil {
		t.Fatalf("the SDK cannot read the response: %v\n%s", err, raw)
	}
	if sdk.TotalCount != 1 || sdk.PageNumber != 1 || sdk.PageSize != 10 || len(sdk.CenBandwidthPackages.CenBandwidthPackage) != 1 {
		t.Fatalf("paging as the SDK reads it: %+v", sdk)
	}
	got := sdk.CenBandwidthPackages.CenBandwidthPackage[0]
	checks := []struct{ field, got, want string }{
		{"CenBandwidthPackageId", got.CenBandwidthPackageId, "cenbwp-a"},
		{"Name", got.Name, "peak"},
		{"Bandwidth", strconv.FormatInt(got.Bandwidth, 10), "30"},
		{"CenIds.CenId", strings.Join(got.CenIds.CenId, ","), "cen-1"},
		{"Tags.Tag", fmt.Sprint(got.Tags.Tag), "[{env prod}]"},
		{"OrginInterRegionBandwidthLimit.LocalRegionId", got.OrginInterRegionBandwidthLimits.OrginInterRegionBandwidthLimit[0].LocalRegionId, "cn-hangzhou"},
		{"ReservationOrderType", got.ReservationOrderType, ReservationTempUpgrade},
		{"ReservationBandwidth", got.ReservationBandwidth, "10"},
		{"ReservationActiveTime", got.ReservationActiveTime, end.Format("2006-01-02T15:04Z")},
		{"HasReservationData", got.HasReservationData, "true"},
		{"BandwidthPackageChargeType", got.BandwidthPackageChargeType, "PREPAY"},
		{"Status", got.Status, "InUse"},
		{"BusinessStatus", got.BusinessStatus, "Normal"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.field, c.got, c.want)
		}
	}
	for _, ts := range []string{got.CreationTime, got.ExpiredTime, got.ReservationActiveTime} {
		if _, err := time.Parse("2006-01-02T15:04Z", ts); err != nil {
			t.Errorf("time %q is not shown as YYYY-MM-DDThh:mmZ", ts)
		}
	}
}

// upgradeSeeds are the packages the validation table works on.
func upgradeSeeds(now time.Time) []Package {
	return []Package{
		prepay("cenbwp-ok", 10),
		{CenBandwidthPackageId: "cenbwp-post", Bandwidth: 10, BandwidthPackageChargeType: ChargeTypePostpay},
		{CenBandwidthPackageId: "cenbwp-expired", Bandwidth: 10, CreationTime: apiTime(now.AddDate(-1, 0, -1)),
			ExpiredTime: apiTime(now.Add(-time.Hour))},
		{CenBandwidthPackageId: "cenbwp-locked", Bandwidth: 10, BusinessStatus: BusinessStatusFinancialLocked},
		{CenBandwidthPackageId: "cenbwp-qos", Bandwidth: 10, MockAbsoluteInterRegionQosPolicy: true},
		{CenBandwidthPackageId: "cenbwp-soon", Bandwidth: 10, ExpiredTime: apiTime(now.Add(10 * time.Hour))},
		{CenBandwidthPackageId: "cenbwp-open", Bandwidth: 100, ReservationOrderType: ReservationTempUpgrade,
			ReservationBandwidth: "10", MockUpgradeEndTime: secondTime(now.Add(5 * time.Hour))},
		{CenBandwidthPackageId: "cenbwp-pending", Bandwidth: 10, MockPendingUpgrade: &PendingUpgrade{Bandwidth: 20,
			EndTime: secondTime(now.Add(5 * time.Hour)), DueTime: secondTime(now.Add(time.Hour))}},
	}
}

func TestTempUpgradeValidation(t *testing.T) {
	later := func(d time.Duration) func(time.Time) string {
		return func(now time.Time) string { return secondTime(now.Add(d)) }
	}
	fixed := func(s string) func(time.Time) string { return func(time.Time) string { return s } }
	ok := later(4 * time.Hour)
	tests := []struct {
		name      string
		id        string
		bandwidth string
		end       func(time.Time) string
		code      string // "" = accepted
	}{
		{"accepted", "cenbwp-ok", "11", ok, ""},
		{"maximum bandwidth", "cenbwp-ok", "10000", ok, ""},
		{"end exactly at expiry", "cenbwp-soon", "20", func(now time.Time) string {
			return secondTime(now.Add(10 * time.Hour).Truncate(time.Minute))
		}, ""},
		{"equal to the open window moves the end", "cenbwp-open", "100", later(8 * time.Hour), ""},
		{"above the open window", "cenbwp-open", "150", ok, ""},
		{"missing id", "", "20", ok, "MissingCenBandwidthPackageId"},
		{"missing bandwidth", "cenbwp-ok", "", ok, "MissingBandwidth"},
		{"missing end", "cenbwp-ok", "20", fixed(""), "MissingEndTime"},
		{"bandwidth below 2", "cenbwp-ok", "1", ok, CodeInvalidParameter},
		{"bandwidth above 10000", "cenbwp-ok", "10001", ok, CodeInvalidParameter},
		{"bandwidth not an integer", "cenbwp-ok", "20.5", ok, CodeInvalidParameter},
		{"bandwidth text", "cenbwp-ok", "twenty", ok, CodeInvalidParameter},
		{"end without seconds", "cenbwp-ok", "20", func(now time.Time) string { return apiTime(now.Add(4 * time.Hour)) }, CodeInvalidParameter},
		{"end with offset", "cenbwp-ok", "20", func(now time.Time) string { return now.Add(4 * time.Hour).Format("2006-01-02T15:04:05+00:00") }, CodeInvalidParameter},
		{"end with fraction", "cenbwp-ok", "20", func(now time.Time) string { return now.Add(4 * time.Hour).Format("2006-01-02T15:04:05.000Z") }, CodeInvalidParameter},
		{"end with a space", "cenbwp-ok", "20", func(now time.Time) string { return now.Add(4 * time.Hour).Format("2006-01-02 15:04:05Z") }, CodeInvalidParameter},
		{"end impossible date", "cenbwp-ok", "20", fixed("2099-02-30T10:00:00Z"), CodeInvalidParameter},
		{"unknown package", "cenbwp-nope", "20", ok, CodeBandwidthPackageNotFound},
		{"pay-as-you-go", "cenbwp-post", "20", ok, CodeOrderParameterIllegal},
		{"expired", "cenbwp-expired", "20", ok, CodeOrderParameterIllegal},
		{"financially locked", "cenbwp-locked", "20", ok, CodeBwpBusinessStatus},
		{"absolute QoS policy", "cenbwp-qos", "20", ok, CodeUnsupportedQosPolicy},
		{"equal to the original", "cenbwp-ok", "10", ok, CodeUpgradeBwpBandwidth},
		{"below the original", "cenbwp-ok", "5", ok, CodeUpgradeBwpBandwidth},
		{"below the open window", "cenbwp-open", "99", ok, CodeUpgradeBwpBandwidth},
		{"equal to the original while open", "cenbwp-open", "10", ok, CodeUpgradeBwpBandwidth},
		{"end under 3 hours", "cenbwp-ok", "20", later(3*time.Hour - time.Minute), CodeOrderParameterIllegal},
		{"end in the past", "cenbwp-ok", "20", later(-time.Hour), CodeOrderParameterIllegal},
		{"end after expiry", "cenbwp-soon", "20", later(10*time.Hour + 2*time.Minute), CodeOrderParameterIllegal},
		{"earlier order pending", "cenbwp-pending", "30", ok, CodeOrderIsProcessing},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t, time.Minute)
			now := f.clock.Now()
			if err := f.p.Restore(upgradeSeeds(now)); err != nil {
				t.Fatal(err)
			}
			before := f.p.Snapshot()
			params := []string{"CenBandwidthPackageId", tt.id, "Bandwidth", tt.bandwidth, "EndTime", tt.end(now)}
			var sent []string
			for i := 0; i < len(params); i += 2 {
				if params[i+1] != "" {
					sent = append(sent, params[i], params[i+1])
				}
			}
			out, err := f.handle(upgradeAction, sent...)
			after := f.p.Snapshot()
			if tt.code != "" {
				wantCode(t, err, tt.code)
				if !reflect.DeepEqual(before, after) {
					t.Fatalf("a refused call changed the state:\nbefore %+v\nafter  %+v", before, after)
				}
				return
			}
			if err != nil {
				t.Fatalf("got %v, want success", err)
			}
			if raw, _ := json.Marshal(out); string(raw) != "{}" {
				t.Fatalf("success response %s, want only the RequestId the engine adds", raw)
			}
			for i := range after {
				if after[i].CenBandwidthPackageId == tt.id && after[i].MockPendingUpgrade == nil {
					t.Fatalf("accepted call left no pending upgrade: %+v", after[i])
				}
			}
		})
	}
}

func TestTempUpgradeBecomesVisibleAfterDelayAndEnds(t *testing.T) {
	f := newFixture(t, 5*time.Minute, prepay("cenbwp-a", 10))
	end := f.at(4*time.Hour + 30*time.Second)
	if err := f.upgrade("cenbwp-a", 50, end); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		advance   time.Duration
		bandwidth int64
		restored  string
	}{
		{0, 10, ""},               // accepted, not visible yet
		{4 * time.Minute, 10, ""}, // a minute before the delay ends
		{time.Minute, 50, "10"},   // the delay has passed
		{time.Hour, 50, "10"},
	}
	for i, s := range steps {
		f.clock.Advance(s.advance)
		wantWindow(t, f.one("cenbwp-a", true), s.bandwidth, s.restored, end)
		if got := f.one("cenbwp-a", false); got.Bandwidth != s.bandwidth || got.ReservationOrderType != "" ||
			got.ReservationBandwidth != "" || got.ReservationActiveTime != "" || got.HasReservationData != "false" {
			t.Fatalf("step %d without IncludeReservationData: %+v", i, got)
		}
	}
	f.clock.Advance(end.Sub(f.clock.Now()) - time.Minute)
	wantWindow(t, f.one("cenbwp-a", true), 50, "10", end)
	f.clock.Advance(time.Minute)
	wantWindow(t, f.one("cenbwp-a", true), 10, "", time.Time{})

	// After the window a new one starts from the original bandwidth.
	wantCode(t, f.upgrade("cenbwp-a", 10, f.at(4*time.Hour)), CodeUpgradeBwpBandwidth)
	end2 := f.at(5 * time.Hour)
	if err := f.upgrade("cenbwp-a", 20, end2); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(5 * time.Minute)
	wantWindow(t, f.one("cenbwp-a", true), 20, "10", end2)
}

func TestTempUpgradeWhileWindowOpen(t *testing.T) {
	f := newFixture(t, time.Minute, prepay("cenbwp-a", 10))
	end := f.at(4 * time.Hour)
	if err := f.upgrade("cenbwp-a", 50, end); err != nil {
		t.Fatal(err)
	}
	// A second order while the first is pending is refused, then accepted once it completed.
	wantCode(t, f.upgrade("cenbwp-a", 60, end), CodeOrderIsProcessing)
	f.clock.Advance(time.Minute)

	moved := f.at(6 * time.Hour)
	if err := f.upgrade("cenbwp-a", 50, moved); err != nil {
		t.Fatalf("equal bandwidth with a new end: %v", err)
	}
	wantWindow(t, f.one("cenbwp-a", true), 50, "10", end) // not yet applied
	f.clock.Advance(time.Minute)
	wantWindow(t, f.one("cenbwp-a", true), 50, "10", moved)

	if err := f.upgrade("cenbwp-a", 80, moved); err != nil {
		t.Fatalf("raise: %v", err)
	}
	f.clock.Advance(time.Minute)
	wantWindow(t, f.one("cenbwp-a", true), 80, "10", moved)
	wantCode(t, f.upgrade("cenbwp-a", 70, moved), CodeUpgradeBwpBandwidth)

	// Past the moved end the original bandwidth is back.
	f.clock.Advance(6 * time.Hour)
	wantWindow(t, f.one("cenbwp-a", true), 10, "", time.Time{})
}

func TestSettlementInTimeOrder(t *testing.T) {
	// A window ends before a slow order takes effect: the original bandwidth shows in between.
	f := newFixture(t, time.Hour)
	now := f.clock.Now()
	firstEnd := now.Add(10 * time.Minute).Truncate(time.Second)
	if err := f.p.Restore([]Package{{CenBandwidthPackageId: "cenbwp-a", Bandwidth: 40, ReservationOrderType: ReservationTempUpgrade,
		ReservationBandwidth: "10", MockUpgradeEndTime: secondTime(firstEnd)}}); err != nil {
		t.Fatal(err)
	}
	end := f.at(5 * time.Hour)
	if err := f.upgrade("cenbwp-a", 40, end); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(30 * time.Minute)
	wantWindow(t, f.one("cenbwp-a", true), 10, "", time.Time{})
	f.clock.Advance(30 * time.Minute)
	wantWindow(t, f.one("cenbwp-a", true), 40, "10", end)

	// Jumping past everything at once applies the order, then ends its window.
	g := newFixture(t, time.Hour, prepay("cenbwp-b", 10))
	if err := g.upgrade("cenbwp-b", 30, g.at(4*time.Hour)); err != nil {
		t.Fatal(err)
	}
	g.clock.Advance(48 * time.Hour)
	snap := g.p.Snapshot()
	if snap[0].Bandwidth != 10 || snap[0].MockPendingUpgrade != nil || snap[0].ReservationOrderType != "" {
		t.Fatalf("after everything ended: %+v", snap[0])
	}
}

func TestZeroDelayAndSetDelay(t *testing.T) {
	f := newFixture(t, 0, prepay("cenbwp-a", 10), prepay("cenbwp-b", 10))
	end := f.at(4 * time.Hour)
	if err := f.upgrade("cenbwp-a", 20, end); err != nil {
		t.Fatal(err)
	}
	wantWindow(t, f.one("cenbwp-a", true), 20, "10", end)

	f.p.SetDelay(time.Hour)
	if err := f.upgrade("cenbwp-b", 20, end); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(59 * time.Minute)
	wantWindow(t, f.one("cenbwp-b", true), 10, "", time.Time{})
	f.clock.Advance(time.Minute)
	wantWindow(t, f.one("cenbwp-b", true), 20, "10", end)
}

func TestConcurrentUpgradesAcceptOne(t *testing.T) {
	f := newFixture(t, time.Hour, prepay("cenbwp-a", 10))
	end := secondTime(f.at(4 * time.Hour))
	const callers = 16
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		accepted int
	)
	for i := range callers {
		wg.Add(2)
		go func() {
			defer wg.Done()
			_, err := f.p.Handle(&rpc.Call{Action: upgradeAction, Params: url.Values{
				"CenBandwidthPackageId": {"cenbwp-a"}, "Bandwidth": {strconv.Itoa(20 + i)}, "EndTime": {end}}})
			mu.Lock()
			defer mu.Unlock()
			if err == nil {
				accepted++
				return
			}
			var apiErr *rpc.Error
			if !errors.As(err, &apiErr) || apiErr.Code != CodeOrderIsProcessing {
				t.Errorf("concurrent upgrade: %v", err)
			}
		}()
		go func() {
			defer wg.Done()
			if _, err := f.p.Handle(&rpc.Call{Action: describeAction, Params: url.Values{}}); err != nil {
				t.Errorf("concurrent describe: %v", err)
			}
			_ = f.p.Snapshot()
		}()
	}
	wg.Wait()
	if accepted != 1 {
		t.Fatalf("%d concurrent upgrades accepted, want exactly 1", accepted)
	}
}
