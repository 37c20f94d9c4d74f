package ga

import (
	"context"
	"errors"
	"fmt"
	"slices"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"

	"terraform-provider-alibabacloud/internal/conns"
)

// NotFoundError says that an object does not exist (any more). The API's NotExist codes and
// an empty answer both become a NotFoundError; nothing else decides what "gone" means.
type NotFoundError struct {
	// Kind names the object ("bandwidth plan", "accelerator").
	Kind string
	// ID is the object's id.
	ID string
	// Cause is the API error behind it, if any.
	Cause error
}

// Error implements error.
func (e *NotFoundError) Error() string {
	return fmt.Sprintf("%s %s does not exist", e.Kind, e.ID)
}

// Unwrap returns the API error behind the NotFoundError.
func (e *NotFoundError) Unwrap() error { return e.Cause }

// isNotFound reports whether err is a *NotFoundError.
func isNotFound(err error) bool {
	var nf *NotFoundError
	return errors.As(err, &nf)
}

// findBandwidthPackageByID reads a bandwidth plan with DescribeBandwidthPackage.
func findBandwidthPackageByID(ctx context.Context, client *conns.Client, id string) (*gasdk.DescribeBandwidthPackageResponse, error) {
	req := gasdk.CreateDescribeBandwidthPackageRequest()
	req.BandwidthPackageId = id
	resp := gasdk.CreateDescribeBandwidthPackageResponse()
	if err := client.GA.Do(ctx, req, resp); err != nil {
		if conns.IsErrorCode(err, ErrCodeNotExistBandwidthPackage) {
			return nil, &NotFoundError{Kind: "bandwidth plan", ID: id, Cause: err}
		}
		return nil, err
	}
	if resp.BandwidthPackageId == "" {
		return nil, &NotFoundError{Kind: "bandwidth plan", ID: id}
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
			return nil, &NotFoundError{Kind: "accelerator", ID: id, Cause: err}
		}
		return nil, err
	}
	if resp.AcceleratorId == "" {
		return nil, &NotFoundError{Kind: "accelerator", ID: id}
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
		return nil, &NotFoundError{Kind: "binding of bandwidth plan " + packageID + " to accelerator", ID: acceleratorID}
	}
	return bp, nil
}
