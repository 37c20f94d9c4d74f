package cen

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"testing"
	"time"

	"terraform-provider-alibabacloud/internal/framework/resourcetest"
	fwtypes "terraform-provider-alibabacloud/internal/framework/types"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// testNow is the fixed clock of the unit tests.
var testNow = time.Date(2026, 11, 24, 12, 0, 0, 0, time.UTC)

// fakeCBN answers DescribeCenBandwidthPackages from packages and records every call (see
// resourcetest.FakeAPI: FailNext queues errors, Calls and CallCount read the log). An upgrade
// answers upgradeErr; it shows at once only with applyUpgrades.
type fakeCBN struct {
	*resourcetest.FakeAPI
	packages map[string]cbn.CenBandwidthPackage
	// upgradeErr answers every upgrade call.
	upgradeErr error
	// applyUpgrades makes an accepted upgrade show at once.
	applyUpgrades bool
	// roundUp makes an applied upgrade end at EndTime rounded up to the whole hour, as the mock's
	// strict reading does (else it ends at EndTime, cut to the minute).
	roundUp bool
}

// newFakeCBN returns a fake that knows packages.
func newFakeCBN(packages ...cbn.CenBandwidthPackage) *fakeCBN {
	f := &fakeCBN{FakeAPI: resourcetest.NewFakeAPI(), packages: map[string]cbn.CenBandwidthPackage{}}
	for _, p := range packages {
		f.packages[p.CenBandwidthPackageId] = p
	}
	f.Handle(describeAct, f.describe)
	f.Handle(upgradeAct, f.upgrade)
	return f
}

// describe answers DescribeCenBandwidthPackages filtered by package id, with reservation data.
func (f *fakeCBN) describe(request requests.AcsRequest, response responses.AcsResponse) error {
	req, _ := request.(*cbn.DescribeCenBandwidthPackagesRequest)
	out, ok := response.(*cbn.DescribeCenBandwidthPackagesResponse)
	if !ok || req == nil {
		return fmt.Errorf("unexpected describe call %#v", request)
	}
	if req.IncludeReservationData != "true" {
		return fmt.Errorf("describe without IncludeReservationData=true")
	}
	if req.Filter == nil {
		return f.describePage(req, out)
	}
	if len(*req.Filter) != 1 || (*req.Filter)[0].Key != "CenBandwidthPackageId" {
		return fmt.Errorf("unexpected describe filter %#v", *req.Filter)
	}
	for _, id := range *(*req.Filter)[0].Value {
		if p, found := f.packages[id]; found {
			out.CenBandwidthPackages.CenBandwidthPackage = append(out.CenBandwidthPackages.CenBandwidthPackage, p)
		}
	}
	return nil
}

// describePage answers a describe without a filter: page PageNumber of every package, by id,
// PageSize (at most 50) a page.
func (f *fakeCBN) describePage(req *cbn.DescribeCenBandwidthPackagesRequest, out *cbn.DescribeCenBandwidthPackagesResponse) error {
	page, err := strconv.Atoi(string(req.PageNumber))
	if err != nil || page < 1 {
		page = 1
	}
	size, err := strconv.Atoi(string(req.PageSize))
	if err != nil || size < 1 || size > 50 {
		return fmt.Errorf("PageSize %q, want 1 to 50", req.PageSize)
	}
	ids := slices.Sorted(maps.Keys(f.packages))
	start := min((page-1)*size, len(ids))
	for _, id := range ids[start:min(start+size, len(ids))] {
		out.CenBandwidthPackages.CenBandwidthPackage = append(out.CenBandwidthPackages.CenBandwidthPackage, f.packages[id])
	}
	out.TotalCount = len(ids)
	return nil
}

// upgrade answers TempUpgradeCenBandwidthPackageSpec with upgradeErr, applying the upgrade at
// once when applyUpgrades is set.
func (f *fakeCBN) upgrade(request requests.AcsRequest, _ responses.AcsResponse) error {
	req, ok := request.(*cbn.TempUpgradeCenBandwidthPackageSpecRequest)
	if f.upgradeErr != nil || !f.applyUpgrades || !ok {
		return f.upgradeErr
	}
	p := f.packages[req.CenBandwidthPackageId]
	bw, err := req.Bandwidth.GetValue64()
	if err != nil {
		return err
	}
	end, err := time.Parse(endTimeLayout, req.EndTime)
	if err != nil {
		return err
	}
	if p.HasReservationData == "true" {
		p.Bandwidth, _ = strconv.ParseInt(p.ReservationBandwidth, 10, 64)
	}
	if hour := end.Truncate(time.Hour); f.roundUp && hour.Before(end) {
		end = hour.Add(time.Hour)
	}
	f.packages[req.CenBandwidthPackageId] = withWindow(p, bw, end)
	return nil
}

// testPackage is the subscription package testID at bandwidth Mbps, expiring a year after testNow.
func testPackage(bandwidth int64) cbn.CenBandwidthPackage {
	return cbn.CenBandwidthPackage{
		CenBandwidthPackageId:      testID,
		Name:                       "pkg",
		Bandwidth:                  bandwidth,
		BandwidthPackageChargeType: chargeTypePrepay,
		BusinessStatus:             businessStatusNormal,
		Status:                     "InUse",
		ExpiredTime:                testNow.AddDate(1, 0, 0).Format(apiTimeLayout),
		HasReservationData:         "false",
	}
}

// withWindow gives p an open temporary upgrade at bandwidth until end (API layout).
func withWindow(p cbn.CenBandwidthPackage, bandwidth int64, end time.Time) cbn.CenBandwidthPackage {
	p.ReservationBandwidth = fmt.Sprint(p.Bandwidth)
	p.Bandwidth = bandwidth
	p.ReservationOrderType = reservationOrderTypeTempUpgrade
	p.ReservationActiveTime = end.Format(apiTimeLayout)
	p.HasReservationData = "true"
	return p
}

// testResource returns the resource on api (nil: the provider is not configured) with the fixed
// clock.
func testResource(api cbnAPI) *bandwidthTempUpgradeResource {
	r, ok := NewBandwidthTempUpgradeResource().(*bandwidthTempUpgradeResource)
	if !ok {
		panic("NewBandwidthTempUpgradeResource returned another type")
	}
	r.now = func() time.Time { return testNow }
	if api != nil {
		r.SetAPI(api, "cn-hangzhou")
	}
	return r
}

// withCreateTimeout returns m with the timeouts block's create set to d.
func withCreateTimeout(m bandwidthTempUpgradeModel, d string) bandwidthTempUpgradeModel {
	m.Timeouts = timeouts.Value{Object: types.ObjectValueMust(
		map[string]attr.Type{"create": types.StringType, "update": types.StringType},
		map[string]attr.Value{"create": types.StringValue(d), "update": types.StringNull()},
	)}
	return m
}

// testSchema returns the resource's schema.
func testSchema(t *testing.T) schema.Schema {
	t.Helper()
	return resourcetest.Schema(t, testResource(nil))
}

// testModel is a model as a plan for a new upgrade shows it: computed attributes unknown.
func testModel(id string, bandwidth int64, end string) bandwidthTempUpgradeModel {
	return bandwidthTempUpgradeModel{
		Bandwidth:             fwtypes.Int64Value(bandwidth),
		BusinessStatus:        types.StringUnknown(),
		CenBandwidthPackageID: types.StringValue(id),
		ChargeType:            types.StringUnknown(),
		EndTime:               NewEndTimeValue(end),
		ExpiredTime:           types.StringUnknown(),
		ID:                    types.StringUnknown(),
		OriginalBandwidth:     types.Int64Unknown(),
		PackageName:           types.StringUnknown(),
		Status:                types.StringUnknown(),
		WindowEndTime:         types.StringUnknown(),
		Timeouts: timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{
			"create": types.StringType, "update": types.StringType,
		})},
	}
}

// testStateModel is a model as state holds it after a successful apply.
func testStateModel(id string, bandwidth, original int64, end, status string) bandwidthTempUpgradeModel {
	m := testModel(id, bandwidth, end)
	m.ID = types.StringValue(id)
	m.BusinessStatus = types.StringValue(businessStatusNormal)
	m.ChargeType = types.StringValue(chargeTypePrepay)
	m.ExpiredTime = types.StringValue(testNow.AddDate(1, 0, 0).Format(endTimeLayout))
	m.PackageName = types.StringValue("pkg")
	m.OriginalBandwidth = types.Int64Value(original)
	m.Status = types.StringValue(status)
	m.WindowEndTime = types.StringValue(end)
	return m
}

// testPlan and testState wrap m (nil: null) for the schema.
func testPlan(t *testing.T, s schema.Schema, m *bandwidthTempUpgradeModel) tfsdk.Plan {
	t.Helper()
	return resourcetest.Plan(t, s, m)
}

func testState(t *testing.T, s schema.Schema, m *bandwidthTempUpgradeModel) tfsdk.State {
	t.Helper()
	return resourcetest.State(t, s, m)
}

// getModel reads a model out of a state.
func getModel(t *testing.T, st tfsdk.State) bandwidthTempUpgradeModel {
	t.Helper()
	return resourcetest.Get[bandwidthTempUpgradeModel](t, st)
}

// endIn is an end_time d after testNow.
func endIn(d time.Duration) string { return testNow.Add(d).Format(endTimeLayout) }

const (
	testID      = "cenbwp-unit0001"
	describeAct = "DescribeCenBandwidthPackages"
	upgradeAct  = "TempUpgradeCenBandwidthPackageSpec"
)
