package cbn_test

import (
	"errors"
	"testing"
	"time"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	sdkcbn "github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"

	"terraform-provider-alibabacloud/internal/mockcloud/cbn"
	"terraform-provider-alibabacloud/internal/mockcloud/clock"
	"terraform-provider-alibabacloud/internal/mockcloud/mocktest"
)

const (
	testKeyID     = "LTAI5tCbnTestKey"
	testKeySecret = "CbnTestSecret"
)

// sdkFixture serves a Cbn product through the protocol engine and talks to it with the official SDK.
type sdkFixture struct {
	clock   *clock.Clock
	product *cbn.Product
	client  *sdkcbn.Client
	host    string
}

// newSDKFixture serves a product seeded with seeds behind the protocol engine.
func newSDKFixture(t *testing.T, delay time.Duration, seeds ...cbn.Package) *sdkFixture {
	t.Helper()
	clk := clock.NewStopped(time.Now())
	product := cbn.New(clk, delay)
	if err := product.Restore(seeds); err != nil {
		t.Fatal(err)
	}
	product.SetAccount(cbn.AccountSettings{CenTempUpgradeEnabled: true})
	host := mocktest.ServeProduct(t, clk, product, testKeyID, testKeySecret)
	client, err := sdkcbn.NewClientWithAccessKey("cn-hangzhou", testKeyID, testKeySecret)
	if err != nil {
		t.Fatal(err)
	}
	return &sdkFixture{clock: clk, product: product, client: client, host: host}
}

// describe reads package id with the SDK, reservation data included.
func (f *sdkFixture) describe(t *testing.T, id string) sdkcbn.CenBandwidthPackage {
	t.Helper()
	req := sdkcbn.CreateDescribeCenBandwidthPackagesRequest()
	req.Domain, req.Scheme = f.host, "http"
	req.IncludeReservationData = requests.NewBoolean(true)
	req.Filter = &[]sdkcbn.DescribeCenBandwidthPackagesFilter{{Key: "CenBandwidthPackageId", Value: &[]string{id}}}
	resp, err := f.client.DescribeCenBandwidthPackages(req)
	if err != nil {
		t.Fatalf("DescribeCenBandwidthPackages through the SDK: %v", err)
	}
	if resp.TotalCount != 1 || len(resp.CenBandwidthPackages.CenBandwidthPackage) != 1 {
		t.Fatalf("DescribeCenBandwidthPackages %s: TotalCount %d, %d packages", id, resp.TotalCount,
			len(resp.CenBandwidthPackages.CenBandwidthPackage))
	}
	return resp.CenBandwidthPackages.CenBandwidthPackage[0]
}

// upgrade calls TempUpgradeCenBandwidthPackageSpec with the SDK.
func (f *sdkFixture) upgrade(id string, bandwidth int, end string) error {
	req := sdkcbn.CreateTempUpgradeCenBandwidthPackageSpecRequest()
	req.Domain, req.Scheme = f.host, "http"
	req.CenBandwidthPackageId = id
	req.Bandwidth = requests.NewInteger(bandwidth)
	req.EndTime = end
	_, err := f.client.TempUpgradeCenBandwidthPackageSpec(req)
	return err
}

// wholeHourAfter is t rounded up to the whole hour, when a window ordered to end at t ends
// under the strict default.
func wholeHourAfter(t time.Time) time.Time {
	if h := t.Truncate(time.Hour); !h.Equal(t) {
		return h.Add(time.Hour)
	}
	return t
}

// TestThroughSDK runs the life of a temporary upgrade with requests built, signed and decoded
// by the official SDK, in JSON, under the strict defaults but for the enabled feature.
func TestThroughSDK(t *testing.T) {
	f := newSDKFixture(t, 2*time.Minute,
		cbn.Package{CenBandwidthPackageId: "cenbwp-sdk", Bandwidth: 10, CenIds: cbn.CenIds{CenId: []string{"cen-1"}}},
		cbn.Package{CenBandwidthPackageId: "cenbwp-post", Bandwidth: 10, BandwidthPackageChargeType: cbn.ChargeTypePostpay})

	// Half past an hour, at least three hours and a half away: never a whole hour.
	end := f.clock.Now().UTC().Truncate(time.Hour).Add(4*time.Hour + 30*time.Minute + 7*time.Second)
	if err := f.upgrade("cenbwp-sdk", 40, end.Format(cbn.SecondTimeLayout)); err != nil {
		t.Fatalf("TempUpgradeCenBandwidthPackageSpec through the SDK: %v", err)
	}
	if got := f.describe(t, "cenbwp-sdk"); got.Bandwidth != 10 || got.HasReservationData != "false" {
		t.Fatalf("before the delay: %+v", got)
	}
	f.clock.Advance(2 * time.Minute)
	got := f.describe(t, "cenbwp-sdk")
	if got.Bandwidth != 40 || got.ReservationOrderType != "TEMP_UPGRADE" || got.ReservationBandwidth != "10" ||
		got.ReservationActiveTime != wholeHourAfter(end).Format("2006-01-02T15:04Z") || got.HasReservationData != "true" ||
		len(got.CenIds.CenId) != 1 || got.Status != "InUse" {
		t.Fatalf("after the delay: %+v", got)
	}

	tests := []struct {
		name, id  string
		bandwidth int
		end       string
		code      string
	}{
		{"another order while the window is open", "cenbwp-sdk", 60, end.Format(cbn.SecondTimeLayout), cbn.CodeOrderParameterIllegal},
		{"pay-as-you-go", "cenbwp-post", 30, end.Format(cbn.SecondTimeLayout), cbn.CodeOrderParameterIllegal},
		{"unknown", "cenbwp-none", 30, end.Format(cbn.SecondTimeLayout), cbn.CodeBandwidthPackageNotFound},
		{"format", "cenbwp-sdk", 50, end.Format("2006-01-02T15:04Z"), cbn.CodeInvalidParameter},
	}
	for _, tt := range tests {
		err := f.upgrade(tt.id, tt.bandwidth, tt.end)
		var serverErr *sdkerrors.ServerError
		if !errors.As(err, &serverErr) || serverErr.ErrorCode() != tt.code || serverErr.HttpStatus() != 400 {
			t.Errorf("%s: got %v, want a 400 %s ServerError", tt.name, err, tt.code)
		}
	}

	if got := f.describe(t, "cenbwp-post"); got.HasReservationData != "false" || got.Bandwidth != 10 {
		t.Errorf("the refused upgrade changed the pay-as-you-go package: %+v", got)
	}

	f.clock.Advance(end.Sub(f.clock.Now()))
	if got := f.describe(t, "cenbwp-sdk"); got.Bandwidth != 40 {
		t.Fatalf("at EndTime, before the whole hour: %+v", got)
	}
	f.clock.Advance(wholeHourAfter(end).Sub(f.clock.Now()))
	if got := f.describe(t, "cenbwp-sdk"); got.Bandwidth != 10 || got.ReservationOrderType != "" {
		t.Fatalf("at the whole hour after EndTime: %+v", got)
	}
}
