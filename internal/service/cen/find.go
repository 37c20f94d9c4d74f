package cen

import (
	"context"
	"fmt"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"

	"terraform-provider-alibabacloud/internal/conns"
)

// findBandwidthPackageByID reads one CEN bandwidth package with its reservation data
// (IncludeReservationData=true, filtered by CenBandwidthPackageId). An empty answer, or one
// without that id, is a *conns.NotFoundError.
func findBandwidthPackageByID(ctx context.Context, api cbnAPI, id string) (*cbn.CenBandwidthPackage, error) {
	req := cbn.CreateDescribeCenBandwidthPackagesRequest()
	req.IncludeReservationData = requests.NewBoolean(true)
	req.PageNumber = requests.NewInteger(1)
	req.PageSize = requests.NewInteger(10)
	req.Filter = &[]cbn.DescribeCenBandwidthPackagesFilter{
		{Key: "CenBandwidthPackageId", Value: &[]string{id}},
	}
	resp := cbn.CreateDescribeCenBandwidthPackagesResponse()
	if err := api.Do(ctx, req, resp); err != nil {
		return nil, fmt.Errorf("reading CEN bandwidth package %s: %w", id, err)
	}
	for i := range resp.CenBandwidthPackages.CenBandwidthPackage {
		if p := resp.CenBandwidthPackages.CenBandwidthPackage[i]; p.CenBandwidthPackageId == id {
			return &p, nil
		}
	}
	return nil, &conns.NotFoundError{Kind: "CEN bandwidth package", ID: id}
}
