package ga

import (
	"context"
	"slices"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"

	"terraform-provider-alibabacloud/internal/conns"
)

// findBandwidthPackageByID reads a bandwidth plan with DescribeBandwidthPackage.
func findBandwidthPackageByID(ctx context.Context, client *conns.Client, id string) (*gasdk.DescribeBandwidthPackageResponse, error) {
	req := gasdk.CreateDescribeBandwidthPackageRequest()
	req.BandwidthPackageId = id
	resp := gasdk.CreateDescribeBandwidthPackageResponse()
	if err := client.GA.Do(ctx, req, resp); err != nil {
		if conns.IsErrorCode(err, ErrCodeNotExistBandwidthPackage) {
			return nil, &conns.NotFoundError{Kind: "GA bandwidth plan", ID: id, Cause: err}
		}
		return nil, err
	}
	if resp.BandwidthPackageId == "" {
		return nil, &conns.NotFoundError{Kind: "GA bandwidth plan", ID: id}
	}
	return resp, nil
}

// findAcceleratorByID reads an accelerator with DescribeAccelerator.
func findAcceleratorByID(ctx context.Context, client *conns.Client, id string) (*gasdk.DescribeAcceleratorResponse, error) {
	req := gasdk.CreateDescribeAcceleratorRequest()
	req.AcceleratorId = id
	resp := gasdk.CreateDescribeAcceleratorResponse()
	if err := client.GA.Do(ctx, req, resp); err != nil {
		if conns.IsErrorCode(err, ErrCodeNotExistAccelerator) {
			return nil, &conns.NotFoundError{Kind: "GA accelerator", ID: id, Cause: err}
		}
		return nil, err
	}
	if resp.AcceleratorId == "" {
		return nil, &conns.NotFoundError{Kind: "GA accelerator", ID: id}
	}
	return resp, nil
}

// findAttachment reads the bandwidth plan of an attachment; the attachment is not found when
// the plan is gone, or does not list the accelerator and is not binding (a plan lists the
// accelerator it is binding only once the binding is done).
func findAttachment(ctx context.Context, client *conns.Client, packageID, acceleratorID string) (*gasdk.DescribeBandwidthPackageResponse, error) {
	bp, err := findBandwidthPackageByID(ctx, client, packageID)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(bp.Accelerators, acceleratorID) && bp.State != PackageStateBinding {
		return nil, &conns.NotFoundError{Kind: "binding of bandwidth plan " + packageID + " to accelerator", ID: acceleratorID}
	}
	return bp, nil
}
