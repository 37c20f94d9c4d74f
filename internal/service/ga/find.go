package ga

import (
	"context"
	"slices"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"

	"terraform-provider-alibabacloud/internal/conns"
)

// This file is the only place that decides that something is gone: the API's NotExist codes
// (notFoundOr) and empty answers become a *conns.NotFoundError, tested with conns.IsNotFound.

// Kinds of objects, as not-found errors name them.
const (
	kindBandwidthPlan = "GA bandwidth plan"
	kindAccelerator   = "GA accelerator"
)

// notFoundOr returns err as a *conns.NotFoundError of the object kind and id when it is one of
// codes, the API's answers that the object does not exist; any other error as it is.
func notFoundOr(err error, kind, id string, codes ...string) error {
	if conns.IsErrorCode(err, codes...) {
		return &conns.NotFoundError{Kind: kind, ID: id, Cause: err}
	}
	return err
}

// findBandwidthPackageByID reads a bandwidth plan with DescribeBandwidthPackage.
func findBandwidthPackageByID(ctx context.Context, api gaAPI, id string) (*gasdk.DescribeBandwidthPackageResponse, error) {
	req := gasdk.CreateDescribeBandwidthPackageRequest()
	req.BandwidthPackageId = id
	resp := gasdk.CreateDescribeBandwidthPackageResponse()
	if err := api.Do(ctx, req, resp); err != nil {
		return nil, notFoundOr(err, kindBandwidthPlan, id, errCodeNotExistBandwidthPackage)
	}
	if resp.BandwidthPackageId == "" {
		return nil, &conns.NotFoundError{Kind: kindBandwidthPlan, ID: id}
	}
	return resp, nil
}

// findAcceleratorByID reads an accelerator with DescribeAccelerator.
func findAcceleratorByID(ctx context.Context, api gaAPI, id string) (*gasdk.DescribeAcceleratorResponse, error) {
	req := gasdk.CreateDescribeAcceleratorRequest()
	req.AcceleratorId = id
	resp := gasdk.CreateDescribeAcceleratorResponse()
	if err := api.Do(ctx, req, resp); err != nil {
		return nil, notFoundOr(err, kindAccelerator, id, errCodeNotExistAccelerator)
	}
	if resp.AcceleratorId == "" {
		return nil, &conns.NotFoundError{Kind: kindAccelerator, ID: id}
	}
	return resp, nil
}

// findAttachment reads the bandwidth plan of an attachment; the attachment is not found when
// the plan is gone, or does not list the accelerator and is not binding (a plan lists the
// accelerator it is binding only once the binding is done).
func findAttachment(ctx context.Context, api gaAPI, packageID, acceleratorID string) (*gasdk.DescribeBandwidthPackageResponse, error) {
	bp, err := findBandwidthPackageByID(ctx, api, packageID)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(bp.Accelerators, acceleratorID) && bp.State != packageStateBinding {
		return nil, &conns.NotFoundError{Kind: attachmentKind(packageID), ID: acceleratorID}
	}
	return bp, nil
}

// attachmentKind names the binding of a bandwidth plan to an accelerator, for not-found errors.
func attachmentKind(packageID string) string {
	return "binding of bandwidth plan " + packageID + " to accelerator"
}
