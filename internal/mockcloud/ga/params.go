package ga

import (
	"net/url"
	"strconv"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// required returns a parameter that must be present and non-empty.
func required(params url.Values, name string) (string, *rpc.Error) {
	v := params.Get(name)
	if v == "" {
		return "", errMissingParam(name)
	}
	return v, nil
}

// optionalInt parses an integer parameter; ok is false when it is absent.
func optionalInt(params url.Values, name string) (n int, ok bool, err *rpc.Error) {
	v := params.Get(name)
	if v == "" {
		return 0, false, nil
	}
	n, convErr := strconv.Atoi(v)
	if convErr != nil {
		return 0, false, errInvalidParam(name, "must be an integer, not "+strconv.Quote(v))
	}
	return n, true, nil
}

// optionalBool parses a boolean parameter ("true" or "false"); absent means false.
func optionalBool(params url.Values, name string) (bool, *rpc.Error) {
	switch v := params.Get(name); v {
	case "", "false", "False":
		return false, nil
	case "true", "True":
		return true, nil
	default:
		return false, errInvalidParam(name, "must be true or false, not "+strconv.Quote(v))
	}
}

// clientToken returns the optional ClientToken: at most 64 ASCII characters.
func clientToken(params url.Values) (string, *rpc.Error) {
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
