package cbn

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/mocktest"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// FuzzHandle calls DescribeCenBandwidthPackages or TempUpgradeCenBandwidthPackageSpec with any
// parameters on a product holding cenbwp-a (100 Mbps) and cenbwp-b (attached to cen-1); in
// the parameters {end} stands for a time a day ahead. Every answer must be well-formed
// (mocktest.CheckProductAnswer: bad input is a 4xx API error, never a panic or a 500), and
// after hours have passed every package must still be described.
func FuzzHandle(f *testing.F) {
	for _, seed := range []struct {
		upgrade bool
		params  string
	}{
		{false, "PageNumber=1&PageSize=50&IncludeReservationData=true"},
		{false, "Filter.1.Key=CenBandwidthPackageId&Filter.1.Value.1=cenbwp-a&Filter.1.Value.2=cenbwp-b"},
		{false, "Filter.1.Key=Status&Filter.1.Value.1=Idle&Filter.2.Key=CenId&Filter.2.Value.1=cen-1&Tag.1.Key=k"},
		{false, "Filter.1.Key=Nope&Filter.01.Value.1=x&Filter.1.Value.0=y"},
		{false, "PageNumber=0&PageSize=51&IsOrKey=maybe&ResourceGroupId=rg-1"},
		{true, "CenBandwidthPackageId=cenbwp-a&Bandwidth=500&EndTime={end}"},
		{true, "CenBandwidthPackageId=cenbwp-b&Bandwidth=200&EndTime={end}"},
		{true, "CenBandwidthPackageId=cenbwp-a&Bandwidth=50&EndTime=2000-01-01T00:00:00Z"},
		{true, "CenBandwidthPackageId=cenbwp-a&Bandwidth=-1&EndTime=tomorrow"},
		{true, "CenBandwidthPackageId=cenbwp-none&Bandwidth=500&EndTime={end}"},
		{true, "%zz&Bandwidth=99999999999999999999"},
	} {
		f.Add(seed.upgrade, seed.params, uint8(25))
	}
	f.Fuzz(func(t *testing.T, upgrade bool, rawParams string, hoursLater uint8) {
		fx := newFixture(t, time.Minute,
			prepay("cenbwp-a", 100),
			Package{CenBandwidthPackageId: "cenbwp-b", Bandwidth: 100, CenIds: CenIds{CenId: []string{"cen-1"}}})
		end := fx.at(24 * time.Hour).UTC().Format("2006-01-02T15:04:05Z")
		raw := strings.ReplaceAll(rawParams, "{end}", end)
		params, _ := url.ParseQuery(raw) // what could be read
		action := describeAction
		if upgrade {
			action = upgradeAction
		}
		result, err := fx.p.Handle(&rpc.Call{Action: action, Params: params, Now: fx.clock.Now(), RequestID: "fuzz"})
		if problem := mocktest.CheckProductAnswer(result, err); problem != nil {
			t.Fatalf("%s %s: %v", action, raw, problem)
		}

		fx.clock.Advance(time.Duration(hoursLater) * time.Hour)
		if got := fx.describe("IncludeReservationData", "true").CenBandwidthPackages.CenBandwidthPackage; len(got) != 2 {
			t.Fatalf("after %s %s and %d hours: %d packages described, want 2", action, raw, hoursLater, len(got))
		}
	})
}
