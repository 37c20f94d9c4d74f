package ga

import (
	"errors"
	"fmt"
	"net/http"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

func errMissingParam(param string) *rpc.Error {
	return rpc.NewError(http.StatusBadRequest, "MissingParam."+param, "The parameter "+param+" is required.")
}

func errInvalidParam(param, rule string) *rpc.Error {
	return rpc.NewError(http.StatusBadRequest, "IllegalParameter."+param, "The parameter "+param+" is invalid: it "+rule+".")
}

func errPackageNotExist() *rpc.Error {
	return rpc.NewError(http.StatusBadRequest, "NotExist.BandwidthPackage", "The bandwidth package does not exist.")
}

// checkSeedRegion refuses a seeded object placed outside the Ga region.
func checkSeedRegion(r string) error {
	if r != "" && r != Region {
		return errors.New("RegionId must be " + Region + " (or left out), not " + fmt.Sprintf("%q", r))
	}
	return nil
}
