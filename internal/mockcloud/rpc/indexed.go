package rpc

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// ParamGroup is the parameters Prefix.N.* of one index N, by what follows "Prefix.N." (for
// Tag.2.Key, N is 2 and the field is "Key").
type ParamGroup struct {
	// N is the index.
	N int
	// Fields holds the values of each field.
	Fields map[string][]string
}

// IndexedParams groups the parameters named prefix.N.<field>, N from 1 to maxN, by N in
// ascending order. An N that is not such an integer, written plainly (not 01 or +1, which
// would name the same N twice), is InvalidParameter.
func IndexedParams(params url.Values, prefix string, maxN int) ([]ParamGroup, error) {
	byIndex := map[int]map[string][]string{}
	for name, values := range params {
		rest, ok := strings.CutPrefix(name, prefix+".")
		if !ok {
			continue
		}
		indexText, field, _ := strings.Cut(rest, ".")
		n, err := strconv.Atoi(indexText)
		if err != nil || n < 1 || n > maxN || strconv.Itoa(n) != indexText {
			return nil, InvalidParameter(name, fmt.Sprintf("N in %s.N must be an integer from 1 to %d", prefix, maxN))
		}
		if byIndex[n] == nil {
			byIndex[n] = map[string][]string{}
		}
		byIndex[n][field] = append(byIndex[n][field], values...)
	}
	groups := make([]ParamGroup, 0, len(byIndex))
	for n, fields := range byIndex {
		groups = append(groups, ParamGroup{N: n, Fields: fields})
	}
	slices.SortFunc(groups, func(a, b ParamGroup) int { return a.N - b.N })
	return groups, nil
}

// RepeatedParam reads a list parameter sent as name.1, name.2, ... (N from 1 to maxN), in index
// order, leaving out empty values.
func RepeatedParam(params url.Values, name string, maxN int) ([]string, error) {
	groups, err := IndexedParams(params, name, maxN)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, g := range groups {
		for field, values := range g.Fields {
			if field != "" {
				return nil, InvalidParameter(fmt.Sprintf("%s.%d.%s", name, g.N, field), "use "+name+".N")
			}
			for _, v := range values {
				if v != "" {
					out = append(out, v)
				}
			}
		}
	}
	return out, nil
}

// TagParam is one Tag.N of a request: its key, and its value when one was sent.
type TagParam struct {
	// N is the index.
	N int
	// Key is Tag.N.Key ("" when left out).
	Key string
	// Value is Tag.N.Value ("" when left out or sent empty).
	Value string
	// HasValue says whether Tag.N.Value was sent.
	HasValue bool
}

// TagParams reads Tag.N.Key and Tag.N.Value (N from 1 to maxN) in index order; any other
// Tag.N field is InvalidParameter. The keys and values are not checked: each action has its
// own rules.
func TagParams(params url.Values, maxN int) ([]TagParam, error) {
	groups, err := IndexedParams(params, "Tag", maxN)
	if err != nil {
		return nil, err
	}
	tags := make([]TagParam, 0, len(groups))
	for _, g := range groups {
		tag := TagParam{N: g.N}
		for field, values := range g.Fields {
			switch field {
			case "Key":
				tag.Key = values[0]
			case "Value":
				tag.Value, tag.HasValue = values[0], true
			default:
				return nil, InvalidParameter(fmt.Sprintf("Tag.%d.%s", g.N, field), "it is not a tag field: use Tag.N.Key and Tag.N.Value")
			}
		}
		tags = append(tags, tag)
	}
	return tags, nil
}
