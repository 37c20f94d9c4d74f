package ga

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// Resource types of the tag and resource-group actions (the TagResources page lists also
// basicaccelerator and acl, which the mock does not serve).
const (
	ResourceTypeAccelerator      = "accelerator"
	ResourceTypeBandwidthPackage = "bandwidthpackage"
)

// Limits of the tag actions (TagResources, UntagResources, ListTagResources pages).
const (
	maxTagsPerResource = 20
	maxTagResources    = 50 // ResourceId.N
	maxTagKeyLen       = 64
	maxTagValueLen     = 128
	tagPageSize        = 50 // ListTagResources answers at most this many rows, then a NextToken
)

// taggable is what the tag actions need of a plan or an accelerator.
type taggable struct {
	id   string
	tags *[]Tag
	rg   *string
}

// resources returns the taggable resources of a type, in creation order. The caller holds p.mu.
func (p *Product) resources(typ string) []taggable {
	var out []taggable
	switch typ {
	case ResourceTypeBandwidthPackage:
		for _, bp := range p.packages {
			out = append(out, taggable{id: bp.BandwidthPackageId, tags: &bp.Tags, rg: &bp.ResourceGroupId})
		}
	case ResourceTypeAccelerator:
		for _, acc := range p.accelerators {
			out = append(out, taggable{id: acc.AcceleratorId, tags: &acc.Tags, rg: &acc.ResourceGroupId})
		}
	}
	return out
}

// resourceType reads ResourceType: one of the types the mock serves.
func resourceType(params url.Values) (string, error) {
	typ, err := required(params, "ResourceType")
	if err != nil {
		return "", err
	}
	if typ != ResourceTypeAccelerator && typ != ResourceTypeBandwidthPackage {
		return "", errInvalidParam("ResourceType", "must be accelerator or bandwidthpackage (the mock serves no "+strconv.Quote(typ)+" resources)")
	}
	return typ, nil
}

// findResources returns the resources named by ids, or the NotExist error of the first unknown one.
func (p *Product) findResources(typ string, ids []string) ([]taggable, error) {
	all := p.resources(typ)
	out := make([]taggable, 0, len(ids))
	for _, id := range ids {
		i := slices.IndexFunc(all, func(r taggable) bool { return r.id == id })
		if i < 0 {
			if typ == ResourceTypeAccelerator {
				return nil, errAcceleratorNotExist()
			}
			return nil, errPackageNotExist()
		}
		out = append(out, all[i])
	}
	return out, nil
}

// resourceIDs reads ResourceId.N (1 to 50 values); required says whether at least one is needed.
func resourceIDs(params url.Values, required bool) ([]string, error) {
	ids, err := rpc.RepeatedParam(params, "ResourceId", maxTagResources)
	if err != nil {
		return nil, err
	}
	if required && len(ids) == 0 {
		return nil, errMissingParam("ResourceId.N")
	}
	return ids, nil
}

// parseTags reads Tag.N.Key and Tag.N.Value (N from 1 to 20). A key is required and checked
// (at most 64 characters, not starting with aliyun or acs:, no http:// or https://); a value
// may be empty or left out (at most 128 characters, same rules).
func parseTags(params url.Values) ([]Tag, error) {
	sent, err := rpc.TagParams(params, maxTagsPerResource)
	if err != nil {
		return nil, err
	}
	tags := make([]Tag, 0, len(sent))
	for _, t := range sent {
		tag := Tag{Key: t.Key, Value: t.Value}
		if err := checkTag(fmt.Sprintf("Tag.%d", t.N), tag); err != nil {
			return nil, err
		}
		tags = append(tags, tag)
	}
	return tags, nil
}

// checkTag applies the documented rules to one tag; name is Tag.N.
func checkTag(name string, tag Tag) *rpc.Error {
	if tag.Key == "" {
		return errInvalidParam(name+".Key", "cannot be empty")
	}
	if err := checkTagText(name+".Key", tag.Key, maxTagKeyLen); err != nil {
		return err
	}
	return checkTagText(name+".Value", tag.Value, maxTagValueLen)
}

// checkTagText refuses a tag key or value that is too long, starts with aliyun or acs:, or
// contains http:// or https://.
func checkTagText(name, s string, maxLen int) *rpc.Error {
	switch {
	case utf8.RuneCountInString(s) > maxLen:
		return errInvalidParam(name, fmt.Sprintf("can be up to %d characters long", maxLen))
	case strings.HasPrefix(s, "aliyun") || strings.HasPrefix(s, "acs:"):
		return errInvalidParam(name, "cannot start with aliyun or acs:")
	case strings.Contains(s, "http://") || strings.Contains(s, "https://"):
		return errInvalidParam(name, "cannot contain http:// or https://")
	}
	return nil
}

// tagTargets reads what TagResources and UntagResources both take first: ResourceType,
// ClientToken and ResourceId.N (at least one).
func tagTargets(params url.Values) (typ string, ids []string, err error) {
	if typ, err = resourceType(params); err != nil {
		return "", nil, err
	}
	if _, err = clientToken(params); err != nil {
		return "", nil, err
	}
	if ids, err = resourceIDs(params, true); err != nil {
		return "", nil, err
	}
	return typ, ids, nil
}

// setTags adds tags to a resource's list, replacing the value of a key it has, and refuses
// (changing nothing) more than 20 tags in all.
func setTags(id string, have []Tag, add []Tag) ([]Tag, *rpc.Error) {
	out := slices.Clone(have)
	for _, t := range add {
		if i := slices.IndexFunc(out, func(o Tag) bool { return o.Key == t.Key }); i >= 0 {
			out[i].Value = t.Value
			continue
		}
		out = append(out, t)
	}
	if len(out) > maxTagsPerResource {
		return nil, apiError(http.StatusBadRequest, CodeTagQuotaExceeded,
			"The number of tags of resource %s would be %d; a resource can have at most %d tags.", id, len(out), maxTagsPerResource)
	}
	return out, nil
}

// tagResources serves TagResources: every tag on every resource, or nothing when one
// resource would exceed the quota.
func (p *Product) tagResources(params url.Values, _ time.Time) (any, error) {
	typ, ids, err := tagTargets(params)
	if err != nil {
		return nil, err
	}
	tags, err := parseTags(params)
	if err != nil {
		return nil, err
	}
	if len(tags) == 0 {
		return nil, errMissingParam("Tag.N.Key")
	}
	targets, err := p.findResources(typ, ids)
	if err != nil {
		return nil, err
	}
	updated := make([][]Tag, len(targets))
	for i, r := range targets {
		out, apiErr := setTags(r.id, *r.tags, tags)
		if apiErr != nil {
			return nil, apiErr
		}
		updated[i] = out
	}
	for i, r := range targets {
		*r.tags = updated[i]
	}
	return struct{}{}, nil
}

// untagResources serves UntagResources: the tags with the keys TagKey.N, or every tag with
// All=true and no key.
func (p *Product) untagResources(params url.Values, _ time.Time) (any, error) {
	typ, ids, err := tagTargets(params)
	if err != nil {
		return nil, err
	}
	keys, err := rpc.RepeatedParam(params, "TagKey", maxTagsPerResource)
	if err != nil {
		return nil, err
	}
	all, err := rpc.OptionalBool(params, "All")
	if err != nil {
		return nil, err
	}
	targets, err := p.findResources(typ, ids)
	if err != nil {
		return nil, err
	}
	for _, r := range targets {
		switch {
		case len(keys) > 0:
			*r.tags = slices.DeleteFunc(slices.Clone(*r.tags), func(t Tag) bool { return slices.Contains(keys, t.Key) })
		case all:
			*r.tags = []Tag{}
		}
	}
	return struct{}{}, nil
}

// TagResource is one row of ListTagResources: one tag of one resource.
type TagResource struct {
	ResourceId   string `json:"ResourceId"` //nolint:revive // API field name
	ResourceType string `json:"ResourceType"`
	TagKey       string `json:"TagKey"`
	TagValue     string `json:"TagValue"`
}

// listTagsResponse is what ListTagResources answers.
type listTagsResponse struct {
	NextToken    string `json:"NextToken"`
	TotalCount   int    `json:"TotalCount"`
	TagResources struct {
		TagResource []TagResource `json:"TagResource"`
	} `json:"TagResources"`
}

// listTagResources serves ListTagResources: the tags of the resources named by ResourceId.N
// and/or carrying every tag of Tag.N (a tag without a value matches any value of its key),
// 50 rows a page, NextToken naming the next.
func (p *Product) listTagResources(params url.Values, _ time.Time) (any, error) {
	typ, err := resourceType(params)
	if err != nil {
		return nil, err
	}
	ids, err := resourceIDs(params, false)
	if err != nil {
		return nil, err
	}
	filters, err := tagFilters(params)
	if err != nil {
		return nil, err
	}
	if len(ids) == 0 && len(filters) == 0 {
		return nil, errMissingParam("ResourceId.N")
	}
	start := 0
	if tok := params.Get("NextToken"); tok != "" {
		if start, err = strconv.Atoi(tok); err != nil || start < 0 {
			return nil, errInvalidParam("NextToken", "is not a token ListTagResources returned")
		}
	}
	var rows []TagResource
	for _, r := range p.resources(typ) {
		if (len(ids) > 0 && !slices.Contains(ids, r.id)) || !hasTags(*r.tags, filters) {
			continue
		}
		for _, t := range *r.tags {
			rows = append(rows, TagResource{ResourceId: r.id, ResourceType: typ, TagKey: t.Key, TagValue: t.Value})
		}
	}
	resp := listTagsResponse{TotalCount: len(rows)}
	resp.TagResources.TagResource = []TagResource{}
	if start < len(rows) {
		end := min(start+tagPageSize, len(rows))
		resp.TagResources.TagResource = rows[start:end]
		if end < len(rows) {
			resp.NextToken = strconv.Itoa(end)
		}
	}
	return resp, nil
}

// tagFilter is a Tag.N of a List action: Value nil matches any value of Key.
type tagFilter struct {
	Key   string
	Value *string
}

// tagFilters reads Tag.N.Key and Tag.N.Value of a List action (up to 20): a key is required, a
// value may be left out (any value of the key matches).
func tagFilters(params url.Values) ([]tagFilter, error) {
	sent, err := rpc.TagParams(params, maxTagsPerResource)
	if err != nil {
		return nil, err
	}
	out := make([]tagFilter, 0, len(sent))
	for _, t := range sent {
		if t.Key == "" {
			return nil, errInvalidParam(fmt.Sprintf("Tag.%d.Key", t.N), "cannot be empty (a value needs its key)")
		}
		f := tagFilter{Key: t.Key}
		if t.HasValue {
			f.Value = &t.Value
		}
		out = append(out, f)
	}
	return out, nil
}

// hasTags reports whether tags match every filter.
func hasTags(tags []Tag, filters []tagFilter) bool {
	for _, f := range filters {
		if !slices.ContainsFunc(tags, func(t Tag) bool { return t.Key == f.Key && (f.Value == nil || t.Value == *f.Value) }) {
			return false
		}
	}
	return true
}

// changeResourceGroup serves ChangeResourceGroup: the resource moves to NewResourceGroupId.
func (p *Product) changeResourceGroup(params url.Values, _ time.Time) (any, error) {
	typ, err := resourceType(params)
	if err != nil {
		return nil, err
	}
	id, err := required(params, "ResourceId")
	if err != nil {
		return nil, err
	}
	group, err := required(params, "NewResourceGroupId")
	if err != nil {
		return nil, err
	}
	if _, err := clientToken(params); err != nil {
		return nil, err
	}
	if !strings.HasPrefix(group, "rg-") {
		return nil, errInvalidParam("NewResourceGroupId", "must be a resource group id (rg-...)")
	}
	targets, err := p.findResources(typ, []string{id})
	if err != nil {
		return nil, err
	}
	*targets[0].rg = group
	return struct{}{}, nil
}
