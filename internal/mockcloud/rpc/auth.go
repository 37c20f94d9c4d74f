package rpc

import (
	"net/http"
	"net/url"
	"time"
)

// Answers of the signature checks both signature versions share.
var (
	errInvalidVersion = NewError(http.StatusBadRequest, "InvalidVersion", "Specified parameter Version is not valid.")
	errBadTimestamp   = NewError(http.StatusBadRequest, "InvalidTimeStamp.Format",
		"Specified time stamp or date value is not well formatted.")
	errExpiredTimestamp = NewError(http.StatusBadRequest, "InvalidTimeStamp.Expired",
		"Specified time stamp or date value is expired.")
	errUnknownKey = NewError(http.StatusNotFound, "InvalidAccessKeyId.NotFound", "Specified access key is not found.")
	errNonceUsed  = NewError(http.StatusBadRequest, "SignatureNonceUsed", "Specified signature nonce was used already.")
)

// signatureMismatchMessage starts the SignatureDoesNotMatch message; the server's string to
// sign follows it where that reveals nothing secret.
const signatureMismatchMessage = "Specified signature is not matched with our calculation."

// incompleteSignature is the answer to a signature that does not follow the rules.
func incompleteSignature(detail string) *Error {
	return NewError(http.StatusBadRequest, "IncompleteSignature",
		"The request signature does not conform to Aliyun standards. "+detail)
}

// authenticate verifies the request's signature, version 1.0 (HMAC-SHA1, in the parameters)
// or V3 (ACS3-HMAC-SHA256, in the Authorization header), and returns the product to call and
// the verified AccessKeyId.
func (s *Server) authenticate(ex *exchange, params url.Values) (Product, string, *Error) {
	if isSignatureV3(ex.r) {
		return s.authenticateV3(ex)
	}
	return s.authenticateV1(ex.r.Method, params)
}

// authenticateV1 checks the common parameters and the signature version 1.0.
func (s *Server) authenticateV1(method string, params url.Values) (Product, string, *Error) {
	for _, name := range []string{"Action", "Version"} {
		if params.Get(name) == "" {
			return nil, "", MissingParameter(name)
		}
	}
	product, ok := s.products[params.Get("Version")]
	if !ok {
		return nil, "", errInvalidVersion
	}
	for _, name := range requiredSignatureParams {
		if params.Get(name) == "" {
			return product, "", MissingParameter(name)
		}
	}
	if params.Get("SignatureMethod") != "HMAC-SHA1" || params.Get("SignatureVersion") != "1.0" {
		return product, "", incompleteSignature(
			"Only SignatureMethod HMAC-SHA1 with SignatureVersion 1.0 is supported (or signature V3, ACS3-HMAC-SHA256).")
	}
	now, apiErr := s.checkTimestamp(params.Get("Timestamp"))
	if apiErr != nil {
		return product, "", apiErr
	}
	keyID := params.Get("AccessKeyId")
	secret, apiErr := s.secret(keyID)
	if apiErr != nil {
		return product, "", apiErr
	}
	stringToSign := StringToSign(method, params)
	if !signatureMatches(params.Get("Signature"), Sign(stringToSign, secret)) {
		msg := signatureMismatchMessage
		// The real service shows its string to sign; it holds no secret unless the request
		// carries a security or bearer token, which must not be echoed.
		if params.Get("SecurityToken") == "" && params.Get("BearerToken") == "" {
			msg += " server string to sign is:" + stringToSign
		}
		return product, "", NewError(http.StatusBadRequest, "SignatureDoesNotMatch", msg)
	}
	if !s.useNonce(keyID+"\x00"+params.Get("SignatureNonce"), now) {
		return product, "", errNonceUsed
	}
	return product, keyID, nil
}

// checkTimestamp parses a request's time (RFC 3339 in UTC) and refuses one more than
// signatureWindow away from the wall clock; it returns the wall clock's time.
func (s *Server) checkTimestamp(text string) (time.Time, *Error) {
	ts, err := time.Parse(time.RFC3339, text)
	if err != nil {
		return time.Time{}, errBadTimestamp
	}
	now := s.wall()
	if d := now.Sub(ts); d > signatureWindow || d < -signatureWindow {
		return time.Time{}, errExpiredTimestamp
	}
	return now, nil
}

// secret returns the secret of an accepted AccessKeyId.
func (s *Server) secret(keyID string) (string, *Error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	secret, known := s.keys[keyID]
	if !known {
		return "", errUnknownKey
	}
	return secret, nil
}
