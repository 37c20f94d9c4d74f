package ga

import (
	"math"
	"net/url"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// The readers below return nil or an *rpc.Error as an error, like the engine's shared parsers,
// so that one err variable serves them all and a nil one is a nil interface.

// required returns a parameter that must be present and non-empty.
func required(params url.Values, name string) (string, error) {
	v := params.Get(name)
	if v == "" {
		return "", errMissingParam(name)
	}
	return v, nil
}

// anyInt reads an optional integer parameter; ok is false when it is absent. Its range is
// checked with the rule that names it (see rules.go), not here.
func anyInt(params url.Values, name string) (n int, ok bool, err error) {
	return rpc.OptionalInt(params, name, math.MinInt32, math.MaxInt32)
}

// purchaseOptions reads AutoPay and AutoUseCoupon (booleans, false when absent) and returns
// AutoPay; the mock has no coupons, so AutoUseCoupon is only checked.
func purchaseOptions(params url.Values) (autoPay bool, err error) {
	if autoPay, err = rpc.OptionalBool(params, "AutoPay"); err != nil {
		return false, err
	}
	if _, err = rpc.OptionalBool(params, "AutoUseCoupon"); err != nil {
		return false, err
	}
	return autoPay, nil
}

// clientToken returns the optional ClientToken: at most 64 ASCII characters.
func clientToken(params url.Values) (string, error) {
	t := params.Get("ClientToken")
	if len(t) > 64 {
		return "", errInvalidParam("ClientToken", "can be up to 64 characters long")
	}
	for _, c := range []byte(t) {
		if c < 0x20 || c > 0x7e {
			return "", errInvalidParam("ClientToken", "can contain only printable ASCII characters")
		}
	}
	return t, nil
}
