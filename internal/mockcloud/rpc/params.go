package rpc

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// CodeInvalidParameter is the gateway's code for a parameter with a malformed or out-of-range
// value.
const CodeInvalidParameter = "InvalidParameter"

// MissingParameter returns the gateway's answer to a required parameter left out:
// Missing{Name}, "{Name} is mandatory for this action.".
func MissingParameter(name string) *Error {
	return NewError(http.StatusBadRequest, "Missing"+name, name+" is mandatory for this action.")
}

// InvalidParameter returns the answer to a parameter whose value breaks a rule:
// InvalidParameter, "The specified parameter {Name} is not valid: {reason}.".
func InvalidParameter(name, reason string) *Error {
	return NewError(http.StatusBadRequest, CodeInvalidParameter,
		"The specified parameter "+name+" is not valid: "+reason+".")
}

// The parsers below return nil or an *Error (as an error, so that a nil one is a nil
// interface).

// Required returns the value of a parameter that must be present and not empty, or
// MissingParameter.
func Required(params url.Values, name string) (string, error) {
	v := params.Get(name)
	if v == "" {
		return "", MissingParameter(name)
	}
	return v, nil
}

// OptionalInt reads an optional integer parameter within [lo, hi]; ok is false when it is
// absent or empty. A value that is not such an integer is InvalidParameter.
func OptionalInt(params url.Values, name string, lo, hi int) (n int, ok bool, err error) {
	text := params.Get(name)
	if text == "" {
		return 0, false, nil
	}
	n, convErr := strconv.Atoi(text)
	if convErr != nil || n < lo || n > hi {
		return 0, false, InvalidParameter(name, fmt.Sprintf("%q is not an integer from %d to %d", text, lo, hi))
	}
	return n, true, nil
}

// IntParam reads an optional integer parameter within [lo, hi], def when it is absent.
func IntParam(params url.Values, name string, def, lo, hi int) (int, error) {
	n, ok, err := OptionalInt(params, name, lo, hi)
	if err != nil || !ok {
		return def, err
	}
	return n, nil
}

// RequiredInt reads an integer parameter within [lo, hi] that must be present.
func RequiredInt(params url.Values, name string, lo, hi int) (int, error) {
	n, ok, err := OptionalInt(params, name, lo, hi)
	if err == nil && !ok {
		err = MissingParameter(name)
	}
	return n, err
}

// OptionalBool reads an optional boolean parameter, false when it is absent. The service takes
// "true" and "false" in any letter case; anything else is InvalidParameter.
func OptionalBool(params url.Values, name string) (bool, error) {
	switch text := params.Get(name); strings.ToLower(text) {
	case "", "false":
		return false, nil
	case "true":
		return true, nil
	default:
		return false, InvalidParameter(name, fmt.Sprintf("%q is neither true nor false", text))
	}
}
