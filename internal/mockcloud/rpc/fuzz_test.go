package rpc_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/mocktest"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// The fuzz tests below run on their seeds in every `go test`; `go test -fuzz=FuzzX` explores
// further. Whatever a request holds, the gateway must not panic, and must answer it in the
// API's shape (mocktest.CheckAnswer): a client error for bad input, never a server error.

// fuzzMethods are the HTTP methods the fuzz tests pick from.
var fuzzMethods = []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodHead}

// serveRecorded sends req to the test server's engine directly and fails the test unless the
// answer is well-formed.
func serveRecorded(t *testing.T, ts *testServer, req *http.Request) {
	t.Helper()
	rec := httptest.NewRecorder()
	ts.ServeHTTP(rec, req)
	if err := mocktest.CheckAnswer(rec.Code, rec.Header(), rec.Body.Bytes()); err != nil {
		t.Fatalf("%s ?%.200s: %v", req.Method, req.URL.RawQuery, err)
	}
}

// wantAccepted fails the fuzz test unless a fresh engine answers req with 200: the seeds start
// from a request the gateway accepts.
func wantAccepted(f *testing.F, req *http.Request) {
	f.Helper()
	rec := httptest.NewRecorder()
	newTestServer(f).ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		f.Fatalf("the valid seed was answered %d: %s", rec.Code, rec.Body)
	}
}

// FuzzServeHTTP_signatureV1 sends requests of any method, query, Content-Type and body:
// signature version 1.0 (or none) in the parameters.
func FuzzServeHTTP_signatureV1(f *testing.F) {
	ts := newTestServer(f)
	get := newHandSigned()
	post := newHandSigned()
	post.method = http.MethodPost
	xmlGet := newHandSigned()
	xmlGet.params["Format"] = "XML"
	form := "application/x-www-form-urlencoded"
	wantAccepted(f, httptest.NewRequestWithContext(f.Context(), http.MethodGet, "http://mock/?"+newHandSigned().query(), nil))
	f.Add(uint8(0), get.query(), "", "")
	f.Add(uint8(1), "", form, post.query())
	f.Add(uint8(0), xmlGet.query(), "", "")
	f.Add(uint8(0), "Action=DescribeThings&Version="+fakeVersion, "", "")
	f.Add(uint8(0), "Action=DescribeThings&Version="+fakeVersion+"&SignatureMethod=HMAC-SHA256&Format=xml", "", "")
	f.Add(uint8(0), "%zz&Action", "", "")
	f.Add(uint8(1), "Format=XML", form, "Action=CreateThing&Action=CreateThing")
	f.Add(uint8(1), "", form, "Action=%ZZ")
	f.Add(uint8(1), "", "multipart/form-data; boundary=x", "--x\r\n")
	f.Add(uint8(2), "Action=CreateThing", "", "")
	f.Add(uint8(3), "", "", "")
	f.Fuzz(func(t *testing.T, method uint8, rawQuery, contentType, body string) {
		req := httptest.NewRequestWithContext(t.Context(), fuzzMethods[int(method)%len(fuzzMethods)], "http://mock/", strings.NewReader(body))
		req.URL.RawQuery = rawQuery
		if contentType != "" {
			req.Header.Set("Content-Type", contentType)
		}
		serveRecorded(t, ts, req)
	})
}

// v3FuzzNonce is the x-acs-signature-nonce of FuzzServeHTTP_signatureV3's requests.
const v3FuzzNonce = "fuzz-v3-nonce"

// v3FuzzRequest is a signature V3 POST of DescribeThings with the given Authorization,
// x-acs-date, x-acs-content-sha256 and form body.
func v3FuzzRequest(ctx context.Context, authorization, date, contentSHA256, body string) *http.Request {
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, "http://mock/?ThingId=t-1", strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for name, value := range map[string]string{
		"Authorization": authorization, "x-acs-action": "DescribeThings", "x-acs-version": fakeVersion,
		"x-acs-date": date, "x-acs-signature-nonce": v3FuzzNonce, "x-acs-content-sha256": contentSHA256,
	} {
		if value != "" {
			req.Header.Set(name, value)
		}
	}
	return req
}

// FuzzServeHTTP_signatureV3 sends signature V3 requests with any Authorization header,
// x-acs-date, x-acs-content-sha256 and body.
func FuzzServeHTTP_signatureV3(f *testing.F) {
	ts := newTestServer(f)
	body := "Name=fuzz"
	sum := sha256.Sum256([]byte(body))
	contentSHA := hex.EncodeToString(sum[:])
	date := time.Now().UTC().Format("2006-01-02T15:04:05Z")
	signed := []string{"host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"}
	unsigned := v3FuzzRequest(f.Context(), "", date, contentSHA, body)
	signature := rpc.SignV3(rpc.StringToSignV3(rpc.CanonicalRequestV3(unsigned, signed, []byte(body))), testSecret)
	valid := fmt.Sprintf("%s Credential=%s,SignedHeaders=%s,Signature=%s", rpc.AlgorithmV3, testKeyID, strings.Join(signed, ";"), signature)
	wantAccepted(f, v3FuzzRequest(f.Context(), valid, date, contentSHA, body))

	f.Add(valid, date, contentSHA, body)
	f.Add(strings.ToUpper(valid), date, contentSHA, body)
	f.Add(valid, "2001-01-01T00:00:00Z", contentSHA, body)
	f.Add(valid, date, "", body)
	f.Add(valid, "yesterday", contentSHA, "Name=%zz")
	f.Add("ACS3-HMAC-SHA256", date, contentSHA, body)
	f.Add("ACS3-HMAC-SHA256 Credential=LTAI5tTestKey,SignedHeaders=host,Signature=00", date, contentSHA, body)
	f.Add("ACS3-HMAC-SHA256 Credential=nobody,SignedHeaders="+strings.Join(signed, ";")+",Signature=00", date, contentSHA, body)
	f.Add("ACS3-HMAC-SHA1 Credential=a,SignedHeaders=b,Signature=c", date, contentSHA, body)
	f.Add("ACS3-HMAC-SHA256 Credential=a,Credential=b,Signature=c", date, contentSHA, body)
	f.Add("ACS3-HMAC-SHA256 Credential=a,SignedHeaders=;;host,Signature=c,Extra=d", date, contentSHA, body)
	f.Add("ACS3-HMAC-SHA256 Credential=a,SignedHeaders=z;a,Signature=c", date, contentSHA, body)
	f.Add("ACS3-HMAC-SHA256 ,,=,", date, contentSHA, body)
	f.Add("HMAC-SHA1 Credential=a", date, contentSHA, body)
	f.Fuzz(func(t *testing.T, authorization, date, contentSHA256, body string) {
		serveRecorded(t, ts, v3FuzzRequest(t.Context(), authorization, date, contentSHA256, body))
	})
}

// FuzzTagParams reads Tag.N.Key and Tag.N.Value (and so IndexedParams) from any query: an
// error is InvalidParameter, and what it reads is exactly what the canonical names Tag.N.Key
// and Tag.N.Value hold, in ascending N from 1 to the maximum.
func FuzzTagParams(f *testing.F) {
	f.Add("Tag.1.Key=env&Tag.1.Value=prod&Tag.2.Key=team", uint8(20))
	f.Add("Tag.1.Key=a&Tag.01.Key=b", uint8(20))
	f.Add("Tag.+1.Key=a", uint8(20))
	f.Add("Tag.21.Key=a", uint8(20))
	f.Add("Tag.1.Name=a&Tag.x.Key=b", uint8(20))
	f.Add("Tag.1=a&Tag.2.Key.More=b&Tag..Key=c", uint8(3))
	f.Fuzz(func(t *testing.T, rawQuery string, maxN uint8) {
		params, _ := url.ParseQuery(rawQuery) // what could be read
		limit := 1 + int(maxN)%30
		tags, err := rpc.TagParams(params, limit)
		if err != nil {
			var apiErr *rpc.Error
			if !errors.As(err, &apiErr) || apiErr.Status != http.StatusBadRequest || apiErr.Code != rpc.CodeInvalidParameter {
				t.Fatalf("TagParams(%q): %v, want a 400 InvalidParameter", rawQuery, err)
			}
			return
		}
		last := 0
		for _, tag := range tags {
			key, value := fmt.Sprintf("Tag.%d.Key", tag.N), fmt.Sprintf("Tag.%d.Value", tag.N)
			if tag.N <= last || tag.N > limit {
				t.Fatalf("TagParams(%q): N %d after %d (limit %d)", rawQuery, tag.N, last, limit)
			}
			if tag.Key != params.Get(key) || tag.Value != params.Get(value) || tag.HasValue != params.Has(value) {
				t.Fatalf("TagParams(%q): %+v, but %s=%q and %s=%q", rawQuery, tag, key, params.Get(key), value, params.Get(value))
			}
			last = tag.N
		}
	})
}
