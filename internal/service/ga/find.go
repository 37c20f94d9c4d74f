package ga

import (
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"maps"
	"regexp"
	"slices"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
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

// Page sizes of the List calls: the most each API returns per page.
const (
	listPageSize        = 100 // ListBandwidthPackages
	acceleratorPageSize = 50  // ListAccelerators
)

// bandwidthPackageFilter selects bandwidth plans: ListBandwidthPackages filters by state, type,
// tags and a single id itself; the other criteria are applied to what it answers.
type bandwidthPackageFilter struct {
	// IDs keeps the plans with one of these ids (all when empty).
	IDs []string
	// NameRegex keeps the plans whose name it matches (all when nil).
	NameRegex *regexp.Regexp
	// Status, Type, BandwidthType keep the plans with that value ("" for any).
	Status, Type, BandwidthType string
	// PaymentType keeps the Subscription or the PayAsYouGo plans ("" for both).
	PaymentType string
	// Tags keeps the plans that have every one of these tags.
	Tags map[string]string
}

// request sets the filters ListBandwidthPackages applies itself on req.
func (f bandwidthPackageFilter) request(req *gasdk.ListBandwidthPackagesRequest) {
	req.State, req.Type = f.Status, f.Type
	if len(f.IDs) == 1 {
		req.BandwidthPackageId = f.IDs[0]
	}
	// The SDK's request has no Tag field; the API takes Tag.N.Key and Tag.N.Value, in a stable
	// order.
	keys := slices.Sorted(maps.Keys(f.Tags))
	for i, key := range keys {
		req.QueryParams[fmt.Sprintf("Tag.%d.Key", i+1)] = key
		req.QueryParams[fmt.Sprintf("Tag.%d.Value", i+1)] = f.Tags[key]
	}
}

// matches applies the criteria ListBandwidthPackages does not.
func (f bandwidthPackageFilter) matches(bp *gasdk.BandwidthPackage) bool {
	return (len(f.IDs) == 0 || slices.Contains(f.IDs, bp.BandwidthPackageId)) &&
		(f.NameRegex == nil || f.NameRegex.MatchString(bp.Name)) &&
		(f.BandwidthType == "" || f.BandwidthType == bp.BandwidthType) &&
		(f.PaymentType == "" || f.PaymentType == paymentTypeOf(bp.ChargeType))
}

// listedPackage is a bandwidth plan as ListBandwidthPackages answers it: the SDK's fields, and
// the resource group and tags, which the API answers but the SDK's type does not decode.
type listedPackage struct {
	gasdk.BandwidthPackage
	ResourceGroupID string
	Tags            map[string]string
}

// listedExtras are the fields of ListBandwidthPackages' answer the SDK's type does not decode.
type listedExtras struct {
	BandwidthPackages []struct {
		BandwidthPackageID string `json:"BandwidthPackageId"`
		ResourceGroupID    string `json:"ResourceGroupId"`
		Tags               []struct {
			Key   string `json:"Key"`
			Value string `json:"Value"`
		} `json:"Tags"`
	} `json:"BandwidthPackages"`
}

// listedPackages returns the plans of one page of ListBandwidthPackages with the fields the
// SDK's type leaves out, decoded from the answer's body (none when it holds none).
func listedPackages(resp *gasdk.ListBandwidthPackagesResponse) []listedPackage {
	var extras listedExtras
	if resp.BaseResponse != nil {
		_ = json.Unmarshal(resp.GetHttpContentBytes(), &extras)
	}
	out := make([]listedPackage, len(resp.BandwidthPackages))
	for i, bp := range resp.BandwidthPackages {
		out[i] = listedPackage{BandwidthPackage: bp, Tags: map[string]string{}}
		for _, e := range extras.BandwidthPackages {
			if e.BandwidthPackageID != bp.BandwidthPackageId {
				continue
			}
			out[i].ResourceGroupID = e.ResourceGroupID
			for _, tag := range e.Tags {
				out[i].Tags[tag.Key] = tag.Value
			}
		}
	}
	return out
}

// listBandwidthPackages yields every bandwidth plan filter selects, reading ListBandwidthPackages
// page by page as the caller goes on; it stops at the first error, which it yields.
func listBandwidthPackages(ctx context.Context, api gaAPI, filter bandwidthPackageFilter) iter.Seq2[*listedPackage, error] {
	return func(yield func(*listedPackage, error) bool) {
		seen := 0
		for page := 1; ; page++ {
			req := gasdk.CreateListBandwidthPackagesRequest()
			req.PageNumber, req.PageSize = requests.NewInteger(page), requests.NewInteger(listPageSize)
			filter.request(req)
			resp := gasdk.CreateListBandwidthPackagesResponse()
			if err := api.Do(ctx, req, resp); err != nil {
				yield(nil, fmt.Errorf("listing GA bandwidth plans (page %d): %w", page, err))
				return
			}
			packages := listedPackages(resp)
			for i := range packages {
				if bp := &packages[i]; filter.matches(&bp.BandwidthPackage) && !yield(bp, nil) {
					return
				}
			}
			if seen += len(resp.BandwidthPackages); len(resp.BandwidthPackages) == 0 || seen >= resp.TotalCount {
				return
			}
		}
	}
}

// acceleratorFilter selects accelerators: ListAccelerators filters by state and a single id
// itself; the other criteria are applied to what it answers.
type acceleratorFilter struct {
	// IDs keeps the accelerators with one of these ids (all when empty).
	IDs []string
	// NameRegex keeps the accelerators whose name it matches (all when nil).
	NameRegex *regexp.Regexp
	// Status keeps the accelerators in this state ("" for any).
	Status string
	// BandwidthBillingType keeps the accelerators billed this way: BandwidthPackage or CDT
	// ("" for any).
	BandwidthBillingType string
}

// request sets the filters ListAccelerators applies itself on req (the SDK's request lacks
// State, which the API takes).
func (f acceleratorFilter) request(req *gasdk.ListAcceleratorsRequest) {
	if f.Status != "" {
		req.QueryParams["State"] = f.Status
	}
	if len(f.IDs) == 1 {
		req.AcceleratorId = f.IDs[0]
	}
}

// matches applies the criteria ListAccelerators does not.
func (f acceleratorFilter) matches(acc *listedAccelerator) bool {
	return (len(f.IDs) == 0 || slices.Contains(f.IDs, acc.AcceleratorId)) &&
		(f.NameRegex == nil || f.NameRegex.MatchString(acc.Name)) &&
		(f.BandwidthBillingType == "" || f.BandwidthBillingType == acc.BandwidthBillingType)
}

// listedAccelerator is an accelerator as ListAccelerators answers it: the SDK's fields, and
// those the API answers but the SDK's type does not decode.
type listedAccelerator struct {
	gasdk.AcceleratorsItem
	BandwidthBillingType string
	ResourceGroupID      string
}

// listedAcceleratorExtras are the fields of ListAccelerators' answer the SDK's type does not
// decode.
type listedAcceleratorExtras struct {
	Accelerators []struct {
		AcceleratorID        string `json:"AcceleratorId"`
		BandwidthBillingType string `json:"BandwidthBillingType"`
		ResourceGroupID      string `json:"ResourceGroupId"`
	} `json:"Accelerators"`
}

// listedAccelerators returns the accelerators of one page of ListAccelerators with the fields
// the SDK's type leaves out, decoded from the answer's body (none when it holds none).
func listedAccelerators(resp *gasdk.ListAcceleratorsResponse) []listedAccelerator {
	var extras listedAcceleratorExtras
	if resp.BaseResponse != nil {
		_ = json.Unmarshal(resp.GetHttpContentBytes(), &extras)
	}
	out := make([]listedAccelerator, len(resp.Accelerators))
	for i, acc := range resp.Accelerators {
		out[i] = listedAccelerator{AcceleratorsItem: acc}
		for _, e := range extras.Accelerators {
			if e.AcceleratorID == acc.AcceleratorId {
				out[i].BandwidthBillingType, out[i].ResourceGroupID = e.BandwidthBillingType, e.ResourceGroupID
			}
		}
	}
	return out
}

// listAccelerators yields every accelerator filter selects, reading ListAccelerators page by
// page as the caller goes on; it stops at the first error, which it yields.
func listAccelerators(ctx context.Context, api gaAPI, filter acceleratorFilter) iter.Seq2[*listedAccelerator, error] {
	return func(yield func(*listedAccelerator, error) bool) {
		seen := 0
		for page := 1; ; page++ {
			req := gasdk.CreateListAcceleratorsRequest()
			req.PageNumber, req.PageSize = requests.NewInteger(page), requests.NewInteger(acceleratorPageSize)
			filter.request(req)
			resp := gasdk.CreateListAcceleratorsResponse()
			if err := api.Do(ctx, req, resp); err != nil {
				yield(nil, fmt.Errorf("listing GA accelerators (page %d): %w", page, err))
				return
			}
			accelerators := listedAccelerators(resp)
			for i := range accelerators {
				if acc := &accelerators[i]; filter.matches(acc) && !yield(acc, nil) {
					return
				}
			}
			if seen += len(resp.Accelerators); len(resp.Accelerators) == 0 || seen >= resp.TotalCount {
				return
			}
		}
	}
}

// findAcceleratorNames returns the name of every accelerator, by id, reading every page of
// ListAccelerators.
func findAcceleratorNames(ctx context.Context, api gaAPI) (map[string]string, error) {
	names := map[string]string{}
	for acc, err := range listAccelerators(ctx, api, acceleratorFilter{}) {
		if err != nil {
			return nil, err
		}
		names[acc.AcceleratorId] = acc.Name
	}
	return names, nil
}

// findBandwidthPackageTags reads the tags of a bandwidth plan with ListTagResources, every page.
func findBandwidthPackageTags(ctx context.Context, api gaAPI, id string) (map[string]string, error) {
	tags := map[string]string{}
	next := ""
	for {
		req := &listTagResourcesRequest{RpcRequest: newGaRequest(actionListTagResources),
			ResourceType: resourceTypeBandwidthPackage, ResourceID: &[]string{id}, NextToken: next}
		resp := &listTagResourcesResponse{BaseResponse: &responses.BaseResponse{}}
		if err := api.Do(ctx, req, resp); err != nil {
			return nil, notFoundOr(err, kindBandwidthPlan, id, errCodeNotExistBandwidthPackage)
		}
		for _, row := range resp.TagResources.TagResource {
			if row.ResourceID == id {
				tags[row.TagKey] = row.TagValue
			}
		}
		if resp.NextToken == "" || resp.NextToken == next {
			return tags, nil
		}
		next = resp.NextToken
	}
}

// findAutoRenewal reads how a Subscription plan renews, with
// DescribeBandwidthPackageAutoRenewAttribute.
func findAutoRenewal(ctx context.Context, api gaAPI, id string) (*describeAutoRenewResponse, error) {
	req := &describeAutoRenewRequest{RpcRequest: newGaRequest(actionDescribeAutoRenew), InstanceID: id}
	resp := &describeAutoRenewResponse{BaseResponse: &responses.BaseResponse{}}
	if err := api.Do(ctx, req, resp); err != nil {
		return nil, notFoundOr(err, kindBandwidthPlan, id, errCodeNotExistBandwidthPackage)
	}
	return resp, nil
}

// ipSetPageSize is how many acceleration regions a ListIpSets call asks for: the most it
// returns per page.
const ipSetPageSize = 50

// findIpSets returns the acceleration regions (IP sets) of accelerator acceleratorID, reading
// every page of ListIpSets.
func findIpSets(ctx context.Context, api gaAPI, acceleratorID string) ([]gasdk.IpSetsItem, error) {
	var sets []gasdk.IpSetsItem
	for page := 1; ; page++ {
		req := gasdk.CreateListIpSetsRequest()
		req.AcceleratorId = acceleratorID
		req.PageNumber, req.PageSize = requests.NewInteger(page), requests.NewInteger(ipSetPageSize)
		resp := gasdk.CreateListIpSetsResponse()
		if err := api.Do(ctx, req, resp); err != nil {
			return nil, notFoundOr(err, kindAccelerator, acceleratorID, errCodeNotExistAccelerator)
		}
		sets = append(sets, resp.IpSets...)
		if len(resp.IpSets) == 0 || len(sets) >= resp.TotalCount {
			return sets, nil
		}
	}
}
