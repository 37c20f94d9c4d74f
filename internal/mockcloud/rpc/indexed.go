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
// ascending order. An N that is not such an integer is InvalidParameter.
func IndexedParams(params url.Values, prefix string, maxN int) ([]ParamGroup, error) {
	byIndex := map[int]map[string][]string{}
	for name, values := range params {
		rest, ok := strings.CutPrefix(name, prefix+".")
		if !ok {
			continue
		}
		indexText, field, _ := strings.Cut(rest, ".")
		n, err := strconv.Atoi(indexText)
		if err != nil || n < 1 || n > maxN {
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
