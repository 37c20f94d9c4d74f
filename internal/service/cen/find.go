package cen

import (
	"context"
	"fmt"
	"iter"

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

// describePageSize is how many packages a DescribeCenBandwidthPackages call asks for: the most
// it returns per page.
const describePageSize = 50

// packageFilter selects CEN bandwidth packages by what DescribeCenBandwidthPackages filters on
// itself; the zero value selects every package, with its reservation data.
type packageFilter struct {
	// CenID keeps the packages attached to this CEN instance ("" for any).
	CenID string
	// Status keeps the packages in this status, Idle or InUse ("" for any).
	Status string
	// WithoutReservationData leaves IncludeReservationData out: the temporary upgrade windows
	// are not shown.
	WithoutReservationData bool
}

// request sets the filter on req.
func (f packageFilter) request(req *cbn.DescribeCenBandwidthPackagesRequest) {
	req.IncludeReservationData = requests.NewBoolean(!f.WithoutReservationData)
	var filters []cbn.DescribeCenBandwidthPackagesFilter
	add := func(key, value string) {
		if value != "" {
			filters = append(filters, cbn.DescribeCenBandwidthPackagesFilter{Key: key, Value: &[]string{value}})
		}
	}
	add("CenId", f.CenID)
	add("Status", f.Status)
	if len(filters) > 0 {
		req.Filter = &filters
	}
}

// listBandwidthPackages yields every CEN bandwidth package of the region that filter selects
// (with its reservation data unless the filter says otherwise), reading
// DescribeCenBandwidthPackages page by page as the caller goes on; it stops at the first error,
// which it yields.
func listBandwidthPackages(ctx context.Context, api cbnAPI, filter packageFilter) iter.Seq2[*cbn.CenBandwidthPackage, error] {
	return func(yield func(*cbn.CenBandwidthPackage, error) bool) {
		seen := 0
		for page := 1; ; page++ {
			req := cbn.CreateDescribeCenBandwidthPackagesRequest()
			filter.request(req)
			req.PageNumber, req.PageSize = requests.NewInteger(page), requests.NewInteger(describePageSize)
			resp := cbn.CreateDescribeCenBandwidthPackagesResponse()
			if err := api.Do(ctx, req, resp); err != nil {
				yield(nil, fmt.Errorf("listing CEN bandwidth packages (page %d): %w", page, err))
				return
			}
			packages := resp.CenBandwidthPackages.CenBandwidthPackage
			for i := range packages {
				if !yield(&packages[i], nil) {
					return
				}
			}
			if seen += len(packages); len(packages) == 0 || seen >= resp.TotalCount {
				return
			}
		}
	}
}
