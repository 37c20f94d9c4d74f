package rpc

import (
	"strings"
	"testing"
)

// maxAuthorizationEcho bounds an error about a malformed Authorization header, however long
// the header: it quotes at most 40 characters of it (%.40q), each at most 10 bytes quoted
// (\U0010ffff), beside a sentence.
const maxAuthorizationEcho = 512

// FuzzParseAuthorizationV3 parses any Authorization header: it never panics; an error names
// the problem without echoing more than a short piece of the header; a header it accepts has
// an algorithm (one word: the header starts with it and a space), a key id, a signature and
// at least one signed header.
func FuzzParseAuthorizationV3(f *testing.F) {
	for _, seed := range []string{
		"ACS3-HMAC-SHA256 Credential=LTAI5tTestKey,SignedHeaders=host;x-acs-action;x-acs-date,Signature=0a1b",
		"ACS3-HMAC-SHA256  Credential=a , SignedHeaders=b , Signature=c ",
		"ACS3-HMAC-SHA256",
		"ACS3-HMAC-SHA256 ",
		"ACS3-HMAC-SHA256 Credential=a",
		"ACS3-HMAC-SHA256 Credential=a,Credential=b,Signature=c",
		"ACS3-HMAC-SHA256 Credential=a,SignedHeaders=b,Signature=c,Extra=d",
		"ACS3-HMAC-SHA256 Credential=a,SignedHeaders=,Signature=c",
		"ACS3-HMAC-SHA256 Credential,SignedHeaders=b,Signature=c",
		"ACS3-HMAC-SHA256 " + strings.Repeat("X", 500) + "=1," + strings.Repeat("X", 500) + "=2",
		"ACS3-HMAC-SHA256 =,=,=",
		"",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, header string) {
		auth, err := parseAuthorizationV3(header)
		if err != nil {
			if len(err.Error()) > maxAuthorizationEcho {
				t.Fatalf("error of %d bytes: %.300s", len(err.Error()), err)
			}
			return
		}
		if auth.algorithm == "" || strings.Contains(auth.algorithm, " ") || auth.keyID == "" || auth.signature == "" || len(auth.signedHeaders) == 0 {
			t.Fatalf("parseAuthorizationV3(%q) = %+v, want every part", header, auth)
		}
	})
}
