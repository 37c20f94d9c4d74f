package rpc_test

import (
	"encoding/xml"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"terraform-provider-alibabacloud/internal/mockcloud/mocktest"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// rawCall sends a request as built and returns its status, Content-Type and body.
func rawCall(t *testing.T, method, target, contentType, body string, header http.Header) (int, string, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, target, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	status, header, data := mocktest.Do(t, req)
	return status, header.Get("Content-Type"), string(data)
}

// xmlError is the API's error document in XML.
type xmlError struct {
	XMLName                                     xml.Name `xml:"Error"`
	RequestId, HostId, Code, Message, Recommend string   //nolint:revive // API field names
}

// TestServeHTTP_methods: the gateway serves GET and POST only; any other method, signed or
// not, is refused with its documented UnsupportedHTTPMethod, in the API's error shape, and the
// action never runs.
func TestServeHTTP_methods(t *testing.T) {
	ts := newTestServer(t)
	for _, method := range []string{http.MethodPut, http.MethodDelete, http.MethodPatch, http.MethodOptions} {
		h := newHandSigned()
		h.method = method
		h.params["Action"] = "CreateThing"
		status, body := doRaw(t, method, ts.url+"/?"+h.query())
		wantCode(t, status, body, http.StatusForbidden, "UnsupportedHTTPMethod")
	}
	status, _, _ := rawCall(t, http.MethodHead, ts.url+"/?Action=CreateThing", "", "", nil)
	if status != http.StatusForbidden {
		t.Errorf("HEAD answered %d", status)
	}
	h := newHandSigned()
	h.method = http.MethodPut
	h.params["Format"] = "XML"
	status, contentType, text := rawCall(t, http.MethodPut, ts.url+"/?"+h.query(), "", "", nil)
	var doc xmlError
	if err := xml.Unmarshal([]byte(text), &doc); err != nil || status != http.StatusForbidden ||
		doc.Code != "UnsupportedHTTPMethod" || doc.RequestId == "" || !strings.HasPrefix(contentType, "text/xml") {
		t.Errorf("PUT with Format=XML: %d %s %s (%v)", status, contentType, text, err)
	}
	if n := ts.product.created.Load(); n != 0 {
		t.Errorf("CreateThing ran %d times", n)
	}
	calls := ts.Calls()
	if len(calls) != 6 || calls[0].Code != "UnsupportedHTTPMethod" || calls[0].Status != http.StatusForbidden {
		t.Errorf("call log %+v", calls)
	}
}

// doRaw sends a request without a body and decodes its JSON answer.
func doRaw(t *testing.T, method, target string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, target, nil)
	if err != nil {
		t.Fatal(err)
	}
	var body map[string]any
	return mocktest.DoJSON(t, req, &body), body
}

// TestServeHTTP_repeatedParameter: a parameter given twice in the query, or twice in the
// body, is refused with InvalidParameter naming it, before anything else; one given once in
// the query and once in the body is not a repeat (the SDKs send RegionId so, and sign the
// body's value).
func TestServeHTTP_repeatedParameter(t *testing.T) {
	ts := newTestServer(t)
	h := newHandSigned()
	status, body := doRaw(t, http.MethodGet, ts.url+"/?"+h.query()+"&ThingId=a&ThingId=b")
	wantCode(t, status, body, http.StatusBadRequest, rpc.CodeInvalidParameter)
	if msg, _ := body["Message"].(string); !strings.Contains(msg, "parameter ThingId ") || !strings.Contains(msg, "more than once") {
		t.Errorf("message %q", msg)
	}

	h = newHandSigned()
	h.method = http.MethodPost
	status, _, text := rawCall(t, http.MethodPost, ts.url+"/", "application/x-www-form-urlencoded",
		h.query()+"&Name=x&Name=y", nil)
	if status != http.StatusBadRequest || !strings.Contains(text, `"Code":"InvalidParameter"`) || !strings.Contains(text, "parameter Name ") {
		t.Errorf("repeated in the body: %d %s", status, text)
	}

	// The signature parameters themselves, repeated.
	h = newHandSigned()
	status, body = doRaw(t, http.MethodGet, ts.url+"/?"+h.query()+"&Signature=again")
	wantCode(t, status, body, http.StatusBadRequest, rpc.CodeInvalidParameter)

	long := strings.Repeat("N", 100_000)
	status, _, text = rawCall(t, http.MethodGet, ts.url+"/?"+long+"=1&"+long+"=2", "", "", nil)
	if status != http.StatusBadRequest || len(text) > 2*rpc.MaxLoggedStringBytes+1000 {
		t.Errorf("a repeated 100 kB name: %d, %d bytes of answer", status, len(text))
	}
}

// TestServeHTTP_sizeLimits: a body or headers over the limits are answered in the API's error
// document (JSON or XML as Format asks), 413 and 431, never as plain text, and logged.
func TestServeHTTP_sizeLimits(t *testing.T) {
	ts := newTestServerWith(t, func(cfg *rpc.Config) {
		cfg.MaxBodyBytes = 1000
		cfg.MaxHeaderBytes = 2000
	})
	form := url.Values{"Action": {"DescribeThings"}, "Version": {fakeVersion}, "Name": {strings.Repeat("x", 2000)}}
	status, contentType, text := rawCall(t, http.MethodPost, ts.url+"/", "application/x-www-form-urlencoded", form.Encode(), nil)
	if status != http.StatusRequestEntityTooLarge || !strings.HasPrefix(contentType, "application/json") ||
		!strings.Contains(text, `"Code":"RequestEntityTooLarge"`) || !strings.Contains(text, `"RequestId":`) ||
		!strings.Contains(text, "1000 bytes") {
		t.Errorf("large body: %d %s %s", status, contentType, text)
	}

	status, contentType, text = rawCall(t, http.MethodGet, ts.url+"/?Format=XML&Action=DescribeThings&ThingId="+strings.Repeat("i", 3000), "", "", nil)
	var doc xmlError
	if err := xml.Unmarshal([]byte(text), &doc); err != nil || status != http.StatusRequestHeaderFieldsTooLarge ||
		doc.Code != "RequestHeaderFieldsTooLarge" || doc.RequestId == "" || doc.HostId == "" || doc.Recommend == "" ||
		!strings.HasPrefix(contentType, "text/xml") {
		t.Errorf("long query: %d %s %s (%v)", status, contentType, text, err)
	}

	status, _, text = rawCall(t, http.MethodGet, ts.url+"/?Action=DescribeThings", "", "",
		http.Header{"X-Padding": {strings.Repeat("p", 3000)}})
	if status != http.StatusRequestHeaderFieldsTooLarge || !strings.Contains(text, `"Code":"RequestHeaderFieldsTooLarge"`) {
		t.Errorf("long header: %d %s", status, text)
	}

	calls := ts.Calls()
	if len(calls) != 3 || calls[0].Code != "RequestEntityTooLarge" || calls[1].Action != "DescribeThings" ||
		!calls[1].Truncated || calls[1].Status != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("call log %+v", calls)
	}
}
