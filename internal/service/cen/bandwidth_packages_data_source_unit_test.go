package cen

import (
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
)

func TestGeographicRegionName(t *testing.T) {
	for in, want := range map[string]string{"china": "China", "asia-pacific": "Asia-Pacific", "north-america": "North-America", "": ""} {
		if got := geographicRegionName(in); got != want {
			t.Errorf("%q: %q, want %q", in, got, want)
		}
	}
}

func TestPackageFilterRequest(t *testing.T) {
	req := cbn.CreateDescribeCenBandwidthPackagesRequest()
	packageFilter{CenID: "cen-1", Status: "InUse"}.request(req)
	if req.IncludeReservationData != "true" || req.Filter == nil || len(*req.Filter) != 2 ||
		(*req.Filter)[0].Key != "CenId" || (*(*req.Filter)[0].Value)[0] != "cen-1" || (*req.Filter)[1].Key != "Status" {
		t.Errorf("request %+v filters %+v", req, req.Filter)
	}
	req = cbn.CreateDescribeCenBandwidthPackagesRequest()
	packageFilter{WithoutReservationData: true}.request(req)
	if req.IncludeReservationData != "false" || req.Filter != nil {
		t.Errorf("request %+v", req)
	}
}
