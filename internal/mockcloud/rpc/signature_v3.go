package rpc

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strings"
)

// Signature V3 ("Request syntax and signature method V3" in Alibaba Cloud's SDK
// documentation): the action, version, time and nonce travel in x-acs-* headers, and the
// Authorization header carries
//
//	ACS3-HMAC-SHA256 Credential=AccessKeyId,SignedHeaders=host;x-acs-action;...,Signature=hex
//
// where the signature is the hex HMAC-SHA256, keyed with the AccessKeySecret, of
//
//	ACS3-HMAC-SHA256 \n hex(SHA-256(canonical request))
//
// and the canonical request is
//
//	method \n path \n canonical query \n canonical headers \n signed headers \n hex(SHA-256(body))
//
// with the query's parameters sorted and RFC 3986 encoded, and each signed header as
// "name:value\n" (lower-case name, trimmed value) in the SignedHeaders order.
const (
	// AlgorithmV3 is the only V3 signature algorithm the mock verifies.
	AlgorithmV3 = "ACS3-HMAC-SHA256"

	headerAction        = "x-acs-action"
	headerVersion       = "x-acs-version"
	headerDate          = "x-acs-date"
	headerNonce         = "x-acs-signature-nonce"
	headerContentSHA256 = "x-acs-content-sha256"
)

// requiredHeadersV3 must be present on a V3 request, in the order they are checked after the
// action and the version.
var requiredHeadersV3 = []string{headerDate, headerNonce, headerContentSHA256}

// isSignatureV3 reports whether a request is signed with signature V3 (any ACS3 algorithm).
func isSignatureV3(r *http.Request) bool {
	return strings.HasPrefix(r.Header.Get("Authorization"), "ACS3-")
}

// missingHeader is the gateway's answer to a required header left out, as observed:
// MissingHeader, "Specified header {name} is mandatory for this action.".
func missingHeader(name string) *Error {
	return NewError(http.StatusBadRequest, "MissingHeader", "Specified header "+name+" is mandatory for this action.")
}

// authorizationV3 is a parsed V3 Authorization header.
type authorizationV3 struct {
	algorithm     string
	keyID         string
	signedHeaders []string
	signature     string
}

// parseAuthorizationV3 reads "ALGORITHM Credential=...,SignedHeaders=...,Signature=...".
func parseAuthorizationV3(header string) (authorizationV3, error) {
	var a authorizationV3
	algorithm, rest, ok := strings.Cut(strings.TrimSpace(header), " ")
	if !ok {
		return a, fmt.Errorf("the Authorization header must be %q followed by Credential, SignedHeaders and Signature", AlgorithmV3)
	}
	a.algorithm = algorithm
	fields := map[string]string{}
	for part := range strings.SplitSeq(rest, ",") {
		name, value, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return a, fmt.Errorf("the Authorization header's part %.40q is not NAME=VALUE", strings.TrimSpace(part))
		}
		if _, dup := fields[name]; dup {
			return a, fmt.Errorf("the Authorization header names %.40q twice", name)
		}
		fields[name] = value
	}
	for _, name := range []string{"Credential", "SignedHeaders", "Signature"} {
		if fields[name] == "" {
			return a, fmt.Errorf("the Authorization header lacks %s", name)
		}
	}
	if len(fields) != 3 {
		return a, fmt.Errorf("the Authorization header must hold Credential, SignedHeaders and Signature only")
	}
	a.keyID, a.signature = fields["Credential"], fields["Signature"]
	a.signedHeaders = strings.Split(fields["SignedHeaders"], ";")
	return a, nil
}

// authenticateV3 checks a V3 request's headers and signature.
func (s *Server) authenticateV3(ex *exchange) (Product, string, *Error) {
	r := ex.r
	for _, name := range []string{headerAction, headerVersion} {
		if r.Header.Get(name) == "" {
			return nil, "", missingHeader(name)
		}
	}
	product, ok := s.products[r.Header.Get(headerVersion)]
	if !ok {
		return nil, "", errInvalidVersion
	}
	for _, name := range requiredHeadersV3 {
		if r.Header.Get(name) == "" {
			return product, "", missingHeader(name)
		}
	}
	auth, err := parseAuthorizationV3(r.Header.Get("Authorization"))
	if err != nil {
		return product, "", incompleteSignature(err.Error() + ".")
	}
	if auth.algorithm != AlgorithmV3 {
		return product, "", incompleteSignature(fmt.Sprintf("Only %s is supported, got %.40q.", AlgorithmV3, auth.algorithm))
	}
	if apiErr := checkSignedHeaders(r, auth.signedHeaders); apiErr != nil {
		return product, "", apiErr
	}
	now, apiErr := s.checkTimestamp(r.Header.Get(headerDate))
	if apiErr != nil {
		return product, "", apiErr
	}
	short, _ := shorten(auth.keyID)
	ex.record.Params["AccessKeyId"] = short
	secret, apiErr := s.secret(auth.keyID)
	if apiErr != nil {
		return product, "", apiErr
	}
	stringToSign := StringToSignV3(CanonicalRequestV3(r, auth.signedHeaders, ex.body))
	if !signatureMatches(strings.ToLower(auth.signature), SignV3(stringToSign, secret)) {
		// The string to sign holds only a hash of the canonical request: safe to show.
		return product, "", NewError(http.StatusBadRequest, "SignatureDoesNotMatch",
			signatureMismatchMessage+" server string to sign is:"+stringToSign)
	}
	if !s.useNonce(auth.keyID+"\x00"+r.Header.Get(headerNonce), now) {
		return product, "", errNonceUsed
	}
	return product, auth.keyID, nil
}

// checkSignedHeaders refuses a SignedHeaders list that is not lower case, sorted and without
// repeats, names a header the request lacks, or leaves out host or an x-acs-* header the
// request carries (the documentation: every common request header present, except
// Authorization, must be signed).
func checkSignedHeaders(r *http.Request, signed []string) *Error {
	if !slices.IsSorted(signed) || slices.Contains(signed, "") || len(slices.Compact(slices.Clone(signed))) != len(signed) {
		return incompleteSignature("SignedHeaders must list lower-case header names, sorted, each once.")
	}
	for _, name := range signed {
		if name != strings.ToLower(name) {
			return incompleteSignature("SignedHeaders must list lower-case header names, sorted, each once.")
		}
		if name != "host" && len(r.Header.Values(name)) == 0 {
			short, _ := shorten(name)
			return incompleteSignature("SignedHeaders names " + short + ", which the request does not carry.")
		}
	}
	mustSign := []string{"host"}
	for name := range r.Header {
		if lower := strings.ToLower(name); strings.HasPrefix(lower, "x-acs-") {
			mustSign = append(mustSign, lower)
		}
	}
	sort.Strings(mustSign)
	for _, name := range mustSign {
		if !slices.Contains(signed, name) {
			return incompleteSignature("Header " + name + " must be signed: add it to SignedHeaders.")
		}
	}
	return nil
}

// CanonicalRequestV3 returns the V3 canonical request of r with the signed headers (as
// listed in the Authorization header) and the body.
func CanonicalRequestV3(r *http.Request, signedHeaders []string, body []byte) string {
	path := r.URL.EscapedPath()
	if path == "" {
		path = "/"
	}
	var b strings.Builder
	b.WriteString(r.Method + "\n" + path + "\n" + canonicalQuery(r.URL.Query()) + "\n")
	for _, name := range signedHeaders {
		b.WriteString(name + ":" + headerValueV3(r, name) + "\n")
	}
	sum := sha256.Sum256(body)
	b.WriteString("\n" + strings.Join(signedHeaders, ";") + "\n" + hex.EncodeToString(sum[:]))
	return b.String()
}

// headerValueV3 is a signed header's canonical value: its values trimmed, sorted and joined
// with commas (host from the request's Host).
func headerValueV3(r *http.Request, name string) string {
	if name == "host" {
		return strings.TrimSpace(r.Host)
	}
	values := r.Header.Values(name)
	trimmed := make([]string, len(values))
	for i, v := range values {
		trimmed[i] = strings.TrimSpace(v)
	}
	sort.Strings(trimmed)
	return strings.Join(trimmed, ",")
}

// StringToSignV3 returns the V3 string to sign of a canonical request.
func StringToSignV3(canonicalRequest string) string {
	sum := sha256.Sum256([]byte(canonicalRequest))
	return AlgorithmV3 + "\n" + hex.EncodeToString(sum[:])
}

// SignV3 returns the hex HMAC-SHA256 of stringToSign keyed with the secret.
func SignV3(stringToSign, secret string) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write([]byte(stringToSign))
	return hex.EncodeToString(mac.Sum(nil))
}
