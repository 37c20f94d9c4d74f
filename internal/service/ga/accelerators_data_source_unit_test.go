package ga

import (
	"regexp"
	"testing"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
)

func TestAcceleratorFilter(t *testing.T) {
	acc := &listedAccelerator{AcceleratorsItem: gasdk.AcceleratorsItem{AcceleratorId: "ga-1", Name: "edge-1"}, BandwidthBillingType: "CDT"}
	for _, tc := range []struct {
		name   string
		filter acceleratorFilter
		want   bool
	}{
		{"no filter", acceleratorFilter{}, true},
		{"its id among others", acceleratorFilter{IDs: []string{"ga-0", "ga-1"}}, true},
		{"other ids", acceleratorFilter{IDs: []string{"ga-0"}}, false},
		{"name matches", acceleratorFilter{NameRegex: regexp.MustCompile(`^edge-`)}, true},
		{"name does not match", acceleratorFilter{NameRegex: regexp.MustCompile(`^core-`)}, false},
		{"billing", acceleratorFilter{BandwidthBillingType: "CDT"}, true},
		{"other billing", acceleratorFilter{BandwidthBillingType: "BandwidthPackage"}, false},
	} {
		if got := tc.filter.matches(acc); got != tc.want {
			t.Errorf("%s: %t, want %t", tc.name, got, tc.want)
		}
	}
	req := gasdk.CreateListAcceleratorsRequest()
	acceleratorFilter{IDs: []string{"ga-1"}, Status: "active"}.request(req)
	if req.AcceleratorId != "ga-1" || req.QueryParams["State"] != "active" {
		t.Errorf("request %+v %v", req, req.QueryParams)
	}
}

func TestListedAccelerators_extras(t *testing.T) {
	resp := gasdk.CreateListAcceleratorsResponse()
	err := answerJSON(resp, map[string]any{"TotalCount": 1, "Accelerators": []map[string]any{
		{"AcceleratorId": "ga-1", "Name": "edge-1", "BandwidthBillingType": "CDT", "ResourceGroupId": "rg-1"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	got := listedAccelerators(resp)
	if len(got) != 1 || got[0].Name != "edge-1" || got[0].BandwidthBillingType != "CDT" || got[0].ResourceGroupID != "rg-1" {
		t.Errorf("listed %+v", got)
	}
}
