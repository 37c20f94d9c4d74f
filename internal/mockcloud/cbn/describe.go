package cbn

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// Paging and filter limits of DescribeCenBandwidthPackages.
const (
	defaultPageSize = 10
	maxPageSize     = 50
	maxFilters      = 5
	maxTags         = 20
)

// DescribeResponse is the answer of DescribeCenBandwidthPackages (the engine adds RequestId).
type DescribeResponse struct {
	TotalCount           int                  `json:"TotalCount"`
	PageNumber           int                  `json:"PageNumber"`
	PageSize             int                  `json:"PageSize"`
	CenBandwidthPackages CenBandwidthPackages `json:"CenBandwidthPackages"`
}

// CenBandwidthPackages nests the listed packages as the API does.
type CenBandwidthPackages struct {
	CenBandwidthPackage []Package `json:"CenBandwidthPackage"`
}

// filter is one Filter.N: a package matches when its Key field equals any of Values.
type filter struct {
	key    string
	values []string
}

// filterFields reads, per supported filter key, the values of a package that a filter compares.
var filterFields = map[string]func(p *Package) []string{
	"CenBandwidthPackageId": func(p *Package) []string { return []string{p.CenBandwidthPackageId} },
	"Name":                  func(p *Package) []string { return []string{p.Name} },
	"Status":                func(p *Package) []string { return []string{p.Status} },
	"CenId":                 func(p *Package) []string { return p.CenIds.CenId },
}

// matches reports whether p has a value of f's key among f's values.
func (f filter) matches(p *Package) bool {
	for _, have := range filterFields[f.key](p) {
		if slices.Contains(f.values, have) {
			return true
		}
	}
	return false
}

// describe serves DescribeCenBandwidthPackages: the packages in seed order that pass the
// filters, tags and resource group, one page of them.
func (p *Product) describe(call *rpc.Call) (any, error) {
	params := call.Params
	pageNumber, err := rpc.IntParam(params, "PageNumber", 1, 1, math.MaxInt32)
	if err != nil {
		return nil, err
	}
	pageSize, err := rpc.IntParam(params, "PageSize", defaultPageSize, 1, maxPageSize)
	if err != nil {
		return nil, err
	}
	includeReservation, err := rpc.OptionalBool(params, "IncludeReservationData")
	if err != nil {
		return nil, err
	}
	isOr, err := rpc.OptionalBool(params, "IsOrKey")
	if err != nil {
		return nil, err
	}
	filters, err := parseFilters(call)
	if err != nil {
		return nil, err
	}
	tags, err := parseTags(call)
	if err != nil {
		return nil, err
	}
	resourceGroupID := params.Get("ResourceGroupId")

	var matched []*pkg
	for _, q := range p.packages {
		if matchesAll(&q.Package, filters, isOr) && hasTags(&q.Package, tags) &&
			(resourceGroupID == "" || q.ResourceGroupId == resourceGroupID) {
			matched = append(matched, q)
		}
	}
	resp := DescribeResponse{
		TotalCount: len(matched),
		PageNumber: pageNumber,
		PageSize:   pageSize,
		CenBandwidthPackages: CenBandwidthPackages{
			CenBandwidthPackage: []Package{},
		},
	}
	if start := (pageNumber - 1) * pageSize; start < len(matched) {
		// Only the page is copied out.
		for _, q := range matched[start:min(start+pageSize, len(matched))] {
			resp.CenBandwidthPackages.CenBandwidthPackage = append(resp.CenBandwidthPackages.CenBandwidthPackage, view(q, includeReservation))
		}
	}
	return resp, nil
}

// matchesAll applies the filters, joined by AND, or by OR when isOr. No filter matches everything.
func matchesAll(p *Package, filters []filter, isOr bool) bool {
	if len(filters) == 0 {
		return true
	}
	for _, f := range filters {
		if f.matches(p) == isOr {
			return isOr
		}
	}
	return !isOr
}

// view is a package as DescribeCenBandwidthPackages shows it: without the mock-only fields, and
// without reservation data unless asked for.
func view(q *pkg, includeReservation bool) Package {
	out := q.snapshot()
	out.MockAbsoluteInterRegionQosPolicy = false
	out.MockUpgradeEndTime = ""
	out.MockPendingUpgrade = nil
	if !includeReservation {
		out.ReservationActiveTime = ""
		out.ReservationBandwidth = ""
		out.ReservationOrderType = ""
		out.ReservationInternetChargeType = ""
		out.HasReservationData = "false"
	}
	return out
}

// parseFilters reads Filter.N.Key and Filter.N.Value.M (N from 1 to 5). Filters without a value
// constrain nothing.
func parseFilters(call *rpc.Call) ([]filter, error) {
	groups, err := rpc.IndexedParams(call.Params, "Filter", maxFilters)
	if err != nil {
		return nil, err
	}
	var filters []filter
	for _, g := range groups {
		f := filter{}
		for field, values := range g.Fields {
			switch {
			case field == "Key":
				f.key = values[0]
			case strings.HasPrefix(field, "Value."):
				if _, err := strconv.Atoi(strings.TrimPrefix(field, "Value.")); err != nil {
					return nil, rpc.InvalidParameter(fmt.Sprintf("Filter.%d.%s", g.N, field), "use Filter.N.Value.M with an integer M")
				}
				f.values = append(f.values, values...)
			default:
				return nil, rpc.InvalidParameter(fmt.Sprintf("Filter.%d.%s", g.N, field), "use Filter.N.Key and Filter.N.Value.M")
			}
		}
		if _, ok := filterFields[f.key]; !ok {
			return nil, rpc.InvalidParameter(fmt.Sprintf("Filter.%d.Key", g.N),
				fmt.Sprintf("the filter key %q is not supported: use CenBandwidthPackageId, Name, Status or CenId", f.key))
		}
		if len(f.values) > 0 {
			filters = append(filters, f)
		}
	}
	return filters, nil
}

// parseTags reads Tag.N.Key and Tag.N.Value (N from 1 to 20). Every tag needs a key; a tag
// without a value matches any value of its key.
func parseTags(call *rpc.Call) ([]Tag, error) {
	sent, err := rpc.TagParams(call.Params, maxTags)
	if err != nil {
		return nil, err
	}
	tags := make([]Tag, 0, len(sent))
	for _, t := range sent {
		if t.Key == "" {
			return nil, rpc.InvalidParameter(fmt.Sprintf("Tag.%d.Key", t.N), "a tag key cannot be empty")
		}
		tags = append(tags, Tag{Key: t.Key, Value: t.Value})
	}
	return tags, nil
}

// hasTags reports whether p carries every tag of want (any value where want gives none).
func hasTags(p *Package, want []Tag) bool {
	for _, w := range want {
		if !slices.ContainsFunc(p.Tags.Tag, func(t Tag) bool { return t.Key == w.Key && (w.Value == "" || t.Value == w.Value) }) {
			return false
		}
	}
	return true
}
