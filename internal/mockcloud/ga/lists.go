package ga

import (
	"math"
	"net/url"
	"slices"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// Page sizes of the List actions (their API pages: at most 100 plans, 50 accelerators).
const (
	maxPackagePageSize     = 100
	maxAcceleratorPageSize = 50
)

// region is one region DescribeRegions lists: where acceleration regions (IP sets) can be.
type region struct {
	RegionId  string `json:"RegionId"` //nolint:revive // API field name
	LocalName string `json:"LocalName"`
}

// regions are the regions the mock offers for acceleration (a subset of the real list).
var regions = []region{
	{"cn-hangzhou", "华东1（杭州）"},
	{"cn-shanghai", "华东2（上海）"},
	{"cn-qingdao", "华北1（青岛）"},
	{"cn-beijing", "华北2（北京）"},
	{"cn-zhangjiakou", "华北3（张家口）"},
	{"cn-shenzhen", "华南1（深圳）"},
	{"cn-chengdu", "西南1（成都）"},
	{"cn-hongkong", "中国（香港）"},
	{"ap-southeast-1", "新加坡"},
	{"ap-northeast-1", "日本（东京）"},
	{"us-west-1", "美国（硅谷）"},
	{"us-east-1", "美国（弗吉尼亚）"},
	{"eu-central-1", "德国（法兰克福）"},
	{"eu-west-1", "英国（伦敦）"},
}

// describeRegionsResponse is what DescribeRegions answers.
type describeRegionsResponse struct {
	Regions []region `json:"Regions"`
}

// describeRegions serves DescribeRegions.
func (p *Product) describeRegions(url.Values, time.Time) (any, error) {
	return describeRegionsResponse{Regions: slices.Clone(regions)}, nil
}

// listResponse is what ListBandwidthPackages answers.
type listResponse struct {
	pageHeader
	BandwidthPackages []BandwidthPackage `json:"BandwidthPackages"`
}

// listPackages serves ListBandwidthPackages: the plans in creation order that match
// BandwidthPackageId, State, Type, ResourceGroupId and every Tag.N, one page at a time.
func (p *Product) listPackages(params url.Values, _ time.Time) (any, error) {
	req, err := paging(params, maxPackagePageSize)
	if err != nil {
		return nil, err
	}
	tags, err := tagFilters(params)
	if err != nil {
		return nil, err
	}
	match := fieldFilter(params, "BandwidthPackageId", "State", "Type", "ResourceGroupId")
	matched := []BandwidthPackage{}
	for _, bp := range p.packages {
		if match(bp.BandwidthPackageId, bp.State, bp.Type, bp.ResourceGroupId) && hasTags(bp.Tags, tags) {
			matched = append(matched, publicPackage(bp))
		}
	}
	header, items := pageOf(matched, req)
	return listResponse{pageHeader: header, BandwidthPackages: items}, nil
}

// listAcceleratorsResponse is what ListAccelerators answers.
type listAcceleratorsResponse struct {
	pageHeader
	Accelerators []Accelerator `json:"Accelerators"`
}

// listAccelerators serves ListAccelerators: the accelerators in creation order that match
// AcceleratorId, State, ResourceGroupId and every Tag.N, one page at a time, each as
// DescribeAccelerator shows it.
func (p *Product) listAccelerators(params url.Values, _ time.Time) (any, error) {
	req, err := paging(params, maxAcceleratorPageSize)
	if err != nil {
		return nil, err
	}
	tags, err := tagFilters(params)
	if err != nil {
		return nil, err
	}
	match := fieldFilter(params, "AcceleratorId", "State", "ResourceGroupId")
	matched := []Accelerator{}
	for _, acc := range p.accelerators {
		if match(acc.AcceleratorId, acc.State, acc.ResourceGroupId) && hasTags(acc.Tags, tags) {
			matched = append(matched, p.publicAccelerator(acc))
		}
	}
	header, items := pageOf(matched, req)
	return listAcceleratorsResponse{pageHeader: header, Accelerators: items}, nil
}

// fieldFilter returns a predicate over values (in the order of names) that is true when each
// parameter of names is absent or equals its value.
func fieldFilter(params url.Values, names ...string) func(values ...string) bool {
	want := make([]string, len(names))
	for i, n := range names {
		want[i] = params.Get(n)
	}
	return func(values ...string) bool {
		for i, w := range want {
			if w != "" && values[i] != w {
				return false
			}
		}
		return true
	}
}

// pageRequest is the page a List action asks for.
type pageRequest struct {
	number int // PageNumber, from 1
	size   int // PageSize
}

// pageHeader is what the paged List actions answer beside their page of items.
type pageHeader struct {
	TotalCount int `json:"TotalCount"`
	PageNumber int `json:"PageNumber"`
	PageSize   int `json:"PageSize"`
}

// paging reads PageNumber (default 1) and PageSize (default 10, at most maxSize).
func paging(params url.Values, maxSize int) (pageRequest, error) {
	number, err := rpc.IntParam(params, "PageNumber", 1, 1, math.MaxInt32)
	if err != nil {
		return pageRequest{}, err
	}
	size, err := rpc.IntParam(params, "PageSize", 10, 1, maxSize)
	if err != nil {
		return pageRequest{}, err
	}
	return pageRequest{number: number, size: size}, nil
}

// pageOf returns the header of the page req of items and the page's items (never nil).
func pageOf[T any](items []T, req pageRequest) (pageHeader, []T) {
	header := pageHeader{TotalCount: len(items), PageNumber: req.number, PageSize: req.size}
	start := (req.number - 1) * req.size
	if start >= len(items) {
		return header, []T{}
	}
	return header, items[start:min(start+req.size, len(items))]
}
