package rpc

import (
	"crypto/hmac"
	"crypto/sha1" //nolint:gosec // signature version 1.0 is HMAC-SHA1 by definition
	"encoding/base64"
	"net/url"
	"slices"
	"sort"
	"strings"
)

// percentEncode encodes s as the RPC signature requires: RFC 3986, every byte except the
// unreserved characters A-Z a-z 0-9 - _ . ~ becomes %XX with upper-case hex digits.
func percentEncode(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if isUnreserved(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&0x0f])
	}
	return b.String()
}

func isUnreserved(c byte) bool {
	return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' ||
		c == '-' || c == '_' || c == '.' || c == '~'
}

// canonicalQuery sorts the parameters by name and joins them as name=value pairs with &, names
// and values RFC 3986 encoded (percentEncode), leaving out the parameters named in omit. Both
// signature versions sign their parameters in this form.
func canonicalQuery(params url.Values, omit ...string) string {
	names := make([]string, 0, len(params))
	for name := range params {
		if !slices.Contains(omit, name) {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	pairs := make([]string, 0, len(names))
	for _, name := range names {
		for _, v := range params[name] {
			pairs = append(pairs, percentEncode(name)+"="+percentEncode(v))
		}
	}
	return strings.Join(pairs, "&")
}

// StringToSign returns the signature version 1.0 string to sign for a request with the given
// HTTP method and parameters (query and form merged). The Signature parameter is left out.
func StringToSign(method string, params url.Values) string {
	return method + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(params, "Signature"))
}

// Sign returns the base64 HMAC-SHA1 signature of stringToSign under secret, keyed with
// secret + "&" as signature version 1.0 prescribes.
func Sign(stringToSign, secret string) string {
	mac := hmac.New(sha1.New, []byte(secret+"&"))
	mac.Write([]byte(stringToSign))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// signatureMatches compares two base64 signatures in constant time.
func signatureMatches(got, want string) bool {
	return hmac.Equal([]byte(got), []byte(want))
}
