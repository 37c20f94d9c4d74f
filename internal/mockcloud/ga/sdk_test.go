package ga_test

import (
	"errors"
	"testing"
	"time"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	sdkga "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"

	"terraform-provider-alibabacloud/internal/mockcloud/clock"
	"terraform-provider-alibabacloud/internal/mockcloud/ga"
	"terraform-provider-alibabacloud/internal/mockcloud/mocktest"
)

const (
	testKeyID     = "LTAI5tGaTestKey"
	testKeySecret = "GaTestSecret"
	sdkDelay      = time.Hour
)

// sdkFixture serves a Ga product through the protocol engine and talks to it with the
// official SDK, as the provider does.
type sdkFixture struct {
	t      *testing.T
	clock  *clock.Clock
	client *sdkga.Client
	host   string
}

func newSDKFixture(t *testing.T, region string) *sdkFixture {
	t.Helper()
	clk := clock.NewStopped(time.Now())
	product := ga.New(clk, sdkDelay)
	if err := product.Restore(nil, []ga.Accelerator{{AcceleratorId: "ga-bp1sdk"}}); err != nil {
		t.Fatal(err)
	}
	if err := product.SetAccount(ga.AccountSettings{GaPostpayEnabled: true, GaDowngradeQuota: 10}); err != nil {
		t.Fatal(err)
	}
	host := mocktest.ServeProduct(t, clk, product, testKeyID, testKeySecret)
	client, err := sdkga.NewClientWithAccessKey(region, testKeyID, testKeySecret)
	if err != nil {
		t.Fatal(err)
	}
	return &sdkFixture{t: t, clock: clk, client: client, host: host}
}

// point sends a request to the fixture's server in the given format.
func (f *sdkFixture) point(req *requests.RpcRequest, format string) {
	req.Domain, req.Scheme, req.AcceptFormat = f.host, "http", format
}

func (f *sdkFixture) settle() { f.clock.Advance(sdkDelay + time.Second) }

func (f *sdkFixture) describe(id, format string) *sdkga.DescribeBandwidthPackageResponse {
	f.t.Helper()
	req := sdkga.CreateDescribeBandwidthPackageRequest()
	f.point(req.RpcRequest, format)
	req.BandwidthPackageId = id
	resp, err := f.client.DescribeBandwidthPackage(req)
	if err != nil {
		f.t.Fatalf("DescribeBandwidthPackage (%s): %v", format, err)
	}
	return resp
}

func (f *sdkFixture) describeAccelerator(format string) *sdkga.DescribeAcceleratorResponse {
	f.t.Helper()
	req := sdkga.CreateDescribeAcceleratorRequest()
	f.point(req.RpcRequest, format)
	req.AcceleratorId = "ga-bp1sdk"
	resp, err := f.client.DescribeAccelerator(req)
	if err != nil {
		f.t.Fatalf("DescribeAccelerator (%s): %v", format, err)
	}
	return resp
}

func TestLifecycleThroughTheSDK(t *testing.T) {
	f := newSDKFixture(t, "cn-hangzhou")

	create := sdkga.CreateCreateBandwidthPackageRequest()
	f.point(create.RpcRequest, "JSON")
	create.Bandwidth = requests.NewInteger(10)
	create.Type, create.BandwidthType, create.ChargeType = "Basic", "Basic", "POSTPAY"
	create.ClientToken = "sdk-token"
	created, err := f.client.CreateBandwidthPackage(create)
	if err != nil {
		t.Fatalf("CreateBandwidthPackage: %v", err)
	}
	id := created.BandwidthPackageId
	if got := f.describe(id, "JSON"); got.State != ga.StateInit || got.Bandwidth != 10 || got.ChargeType != "POSTPAY" {
		t.Fatalf("after create: %+v", got)
	}
	f.settle()

	bind := sdkga.CreateBandwidthPackageAddAcceleratorRequest()
	f.point(bind.RpcRequest, "JSON")
	bind.BandwidthPackageId, bind.AcceleratorId = id, "ga-bp1sdk"
	bound, err := f.client.BandwidthPackageAddAccelerator(bind)
	if err != nil || len(bound.Accelerators) != 1 || bound.Accelerators[0] != "ga-bp1sdk" {
		t.Fatalf("BandwidthPackageAddAccelerator: %+v, %v", bound, err)
	}
	if acc := f.describeAccelerator("JSON"); acc.State != ga.AcceleratorBinding {
		t.Fatalf("accelerator while binding: %s", acc.State)
	}
	f.settle()

	for _, format := range []string{"JSON", "XML"} {
		got := f.describe(id, format)
		if got.State != ga.StateBinded || len(got.Accelerators) != 1 || got.Accelerators[0] != "ga-bp1sdk" || got.CreateTime == "" {
			t.Errorf("%s DescribeBandwidthPackage after binding: %+v", format, got)
		}
		acc := f.describeAccelerator(format)
		if acc.State != ga.AcceleratorActive || acc.BasicBandwidthPackage.InstanceId != id ||
			acc.BasicBandwidthPackage.Bandwidth != 10 || acc.CreateTime == 0 {
			t.Errorf("%s DescribeAccelerator after binding: %+v", format, acc)
		}
	}

	update := sdkga.CreateUpdateBandwidthPackageRequest()
	f.point(update.RpcRequest, "JSON")
	update.BandwidthPackageId, update.BandwidthType, update.Name = id, "Enhanced", "grown"
	update.Bandwidth = requests.NewInteger(50)
	if resp, err := f.client.UpdateBandwidthPackage(update); err != nil || resp.BandwidthPackage != id || resp.Name != "grown" {
		t.Fatalf("UpdateBandwidthPackage: %+v, %v", resp, err)
	}
	f.settle()
	list := sdkga.CreateListBandwidthPackagesRequest()
	f.point(list.RpcRequest, "JSON")
	list.BandwidthPackageId = id
	listed, err := f.client.ListBandwidthPackages(list)
	if err != nil || listed.TotalCount != 1 || listed.BandwidthPackages[0].Bandwidth != 50 ||
		listed.BandwidthPackages[0].BandwidthType != "Enhanced" || listed.BandwidthPackages[0].Name != "grown" {
		t.Fatalf("ListBandwidthPackages: %+v, %v", listed, err)
	}

	unbind := sdkga.CreateBandwidthPackageRemoveAcceleratorRequest()
	f.point(unbind.RpcRequest, "JSON")
	unbind.BandwidthPackageId, unbind.AcceleratorId = id, "ga-bp1sdk"
	if _, err := f.client.BandwidthPackageRemoveAccelerator(unbind); err != nil {
		t.Fatalf("BandwidthPackageRemoveAccelerator: %v", err)
	}
	f.settle()

	del := sdkga.CreateDeleteBandwidthPackageRequest()
	f.point(del.RpcRequest, "JSON")
	del.BandwidthPackageId, del.ClientToken = id, "sdk-delete"
	if _, err := f.client.DeleteBandwidthPackage(del); err != nil {
		t.Fatalf("DeleteBandwidthPackage: %v", err)
	}
	f.settle()
	gone := sdkga.CreateDescribeBandwidthPackageRequest()
	f.point(gone.RpcRequest, "JSON")
	gone.BandwidthPackageId = id
	_, err = f.client.DescribeBandwidthPackage(gone)
	assertServerError(t, err, 400, ga.CodeNotExistBandwidthPackage)
}

func TestSDKOutsideHangzhouIsRefused(t *testing.T) {
	f := newSDKFixture(t, "cn-beijing")
	req := sdkga.CreateDescribeAcceleratorRequest()
	f.point(req.RpcRequest, "JSON")
	req.AcceleratorId = "ga-bp1sdk"
	_, err := f.client.DescribeAccelerator(req)
	assertServerError(t, err, 404, ga.CodeInvalidRegionID)
}

func assertServerError(t *testing.T, err error, status int, code string) {
	t.Helper()
	var serverErr *sdkerrors.ServerError
	if !errors.As(err, &serverErr) {
		t.Fatalf("error = %v, want a ServerError %s", err, code)
	}
	if serverErr.ErrorCode() != code || serverErr.HttpStatus() != status {
		t.Fatalf("error = %d %s, want %d %s", serverErr.HttpStatus(), serverErr.ErrorCode(), status, code)
	}
}
