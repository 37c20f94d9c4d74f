package mockcloud

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"

	"terraform-provider-alibabacloud/internal/mockcloud/cbn"
	"terraform-provider-alibabacloud/internal/mockcloud/ga"
)

// Account holds the account-level switches of seed and state files (the "Account" object):
// the features Alibaba Cloud enables per account on request (gates), the quotas, and the mock's
// choice between the strict and the lenient reading where the documentation leaves the
// behavior open. The zero value is a new account under the strict readings. In JSON the
// switches of both products sit side by side in one object (their names start with Cen or
// Ga); an unknown name is an error, so that a misspelled switch does not go unnoticed.
type Account struct {
	// CBN holds the Cen* switches.
	CBN cbn.AccountSettings
	// GA holds the Ga* switches.
	GA ga.AccountSettings
}

// parts are the product settings of a, in JSON order.
func (a *Account) parts() []any { return []any{&a.CBN, &a.GA} }

// MarshalJSON writes the switches of both products as one object.
func (a Account) MarshalJSON() ([]byte, error) {
	merged := map[string]json.RawMessage{}
	for _, part := range a.parts() {
		data, err := json.Marshal(part)
		if err != nil {
			return nil, err
		}
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(data, &fields); err != nil {
			return nil, err
		}
		for k, v := range fields {
			merged[k] = v
		}
	}
	return json.Marshal(merged)
}

// UnmarshalJSON reads one object of switches, refusing names no product knows.
func (a *Account) UnmarshalJSON(data []byte) error {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return err
	}
	parts := a.parts()
	split := make([]map[string]json.RawMessage, len(parts))
	var unknown []string
	for name, value := range fields {
		i := slices.IndexFunc(parts, func(part any) bool { return slices.Contains(jsonNames(part), name) })
		if i < 0 {
			unknown = append(unknown, fmt.Sprintf("%q", name))
			continue
		}
		if split[i] == nil {
			split[i] = map[string]json.RawMessage{}
		}
		split[i][name] = value
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		var known []string
		for _, part := range parts {
			known = append(known, jsonNames(part)...)
		}
		return fmt.Errorf("Account: unknown switch(es) %s; the known ones are %s", strings.Join(unknown, ", "), strings.Join(known, ", "))
	}
	for i, part := range parts {
		if split[i] == nil {
			continue
		}
		raw, err := json.Marshal(split[i])
		if err == nil {
			err = json.Unmarshal(raw, part)
		}
		if err != nil {
			return fmt.Errorf("Account: %w", err)
		}
	}
	return nil
}

// jsonNames lists the JSON names of the fields of the struct ptr points to.
func jsonNames(ptr any) []string {
	t := reflect.TypeOf(ptr).Elem()
	names := make([]string, 0, t.NumField())
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name == "" {
			name = t.Field(i).Name
		}
		names = append(names, name)
	}
	return names
}
