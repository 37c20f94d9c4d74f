package rpc_test

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"testing"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	"github.com/alibabacloud-go/tea/dara"

	"terraform-provider-alibabacloud/internal/mockcloud/mocktest"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// The darabonba OpenAPI client (the core of Alibaba Cloud's current SDKs) signs with V3 by
// default; it is an independent client here: the mock's code is not used to sign.

// darabonbaClient returns a V3 client for the test server, which never retries.
func darabonbaClient(t *testing.T, ts *testServer, keyID, secret, token string) *openapi.Client {
	t.Helper()
	cfg := &openapi.Config{
		AccessKeyId:     dara.String(keyID),
		AccessKeySecret: dara.String(secret),
		Endpoint:        dara.String(ts.host),
		Protocol:        dara.String("HTTP"),
		RegionId:        dara.String("cn-hangzhou"),
	}
	if token != "" {
		cfg.SecurityToken = dara.String(token)
	}
	client, err := openapi.NewClient(cfg)
	if err != nil {
		t.Fatal(err)
	}
	client.DisableSDKError = dara.Bool(true)
	return client
}

// v3Call calls action through the darabonba client's generic CallApi, RPC style, with the
// query parameters, form parameters (POST) and extra headers.
func v3Call(client *openapi.Client, method, action string, query, form, headers map[string]string) (map[string]any, error) {
	req := &openapi.OpenApiRequest{Query: map[string]*string{}, Headers: map[string]*string{}}
	for k, v := range query {
		req.Query[k] = dara.String(v)
	}
	for k, v := range headers {
		req.Headers[k] = dara.String(v)
	}
	if len(form) > 0 {
		body := map[string]any{}
		for k, v := range form {
			body[k] = v
		}
		req.Body = body
	}
	params := &openapi.Params{
		Action: dara.String(action), Version: dara.String(fakeVersion), Protocol: dara.String("HTTP"),
		Pathname: dara.String("/"), Method: dara.String(method), AuthType: dara.String("AK"),
		Style: dara.String("RPC"), ReqBodyType: dara.String("formData"), BodyType: dara.String("json"),
	}
	return client.CallApi(params, req, &dara.RuntimeOptions{Autoretry: dara.Bool(false)})
}

// apiError is what the darabonba client's errors (ClientError, ServerError, ThrottlingError)
// tell.
type apiError interface {
	GetCode() *string
	GetStatusCode() *int
	GetMessage() *string
}

// wantV3Error asserts a darabonba error with the code and status and returns its message.
func wantV3Error(t *testing.T, err error, code string, status int) string {
	t.Helper()
	var e apiError
	if !errors.As(err, &e) {
		t.Fatalf("want %d %s, got %T: %v", status, code, err, err)
	}
	if dara.StringValue(e.GetCode()) != code || dara.IntValue(e.GetStatusCode()) != status {
		t.Fatalf("want %d %s, got %d %s: %s", status, code, dara.IntValue(e.GetStatusCode()), dara.StringValue(e.GetCode()),
			dara.StringValue(e.GetMessage()))
	}
	return dara.StringValue(e.GetMessage())
}

func TestSignatureV3_darabonba(t *testing.T) {
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		t.Run(method, func(t *testing.T) {
			ts := newTestServer(t)
			var form map[string]string
			if method == http.MethodPost {
				form = map[string]string{"Name": "a b*c~d/é&=+"}
			}
			resp, err := v3Call(darabonbaClient(t, ts, testKeyID, testSecret, ""), method, "DescribeThings",
				map[string]string{"ThingId": "t 1+2", "Empty": ""}, form, nil)
			if err != nil {
				t.Fatalf("V3 call refused: %v", err)
			}
			body, _ := resp["body"].(map[string]any)
			// The client's answer map holds the status as a json.Number.
			if fmt.Sprint(resp["statusCode"]) != "200" || body["TotalCount"] == nil ||
				!requestIDPattern.MatchString(fmt.Sprint(body["RequestId"])) {
				t.Errorf("answer %v", resp)
			}
			call := ts.product.lastCall.Load()
			if call.Action != "DescribeThings" || call.Params.Get("ThingId") != "t 1+2" || !call.Params.Has("Empty") {
				t.Errorf("product saw %s %v", call.Action, call.Params)
			}
			if method == http.MethodPost && call.Params.Get("Name") != "a b*c~d/é&=+" {
				t.Errorf("form parameter arrived as %q", call.Params.Get("Name"))
			}
			records := ts.Calls()
			last := records[len(records)-1]
			if last.Action != "DescribeThings" || last.Version != fakeVersion || last.Params["AccessKeyId"] != testKeyID || last.Status != 200 {
				t.Errorf("call log %+v", last)
			}
		})
	}
}

func TestSignatureV3_refusals(t *testing.T) {
	ts := newTestServer(t)
	good := darabonbaClient(t, ts, testKeyID, testSecret, "")

	_, err := v3Call(darabonbaClient(t, ts, testKeyID, "not-the-secret", ""), http.MethodPost, "CreateThing", nil,
		map[string]string{"Name": "x"}, nil)
	msg := wantV3Error(t, err, "SignatureDoesNotMatch", http.StatusBadRequest)
	if !strings.Contains(msg, "ACS3-HMAC-SHA256\n") || strings.Contains(msg, testSecret) {
		t.Errorf("message %q", msg)
	}
	_, err = v3Call(darabonbaClient(t, ts, "LTAI5tUnknown", testSecret, ""), http.MethodGet, "DescribeThings", nil, nil, nil)
	wantV3Error(t, err, "InvalidAccessKeyId.NotFound", http.StatusNotFound)

	nonce := map[string]string{"x-acs-signature-nonce": "v3-nonce-reused"}
	if _, err := v3Call(good, http.MethodGet, "DescribeThings", nil, nil, nonce); err != nil {
		t.Fatalf("first use of the nonce: %v", err)
	}
	_, err = v3Call(good, http.MethodGet, "DescribeThings", nil, nil, nonce)
	wantV3Error(t, err, "SignatureNonceUsed", http.StatusBadRequest)

	for _, date := range []time.Time{time.Now().Add(-16 * time.Minute), time.Now().Add(16 * time.Minute)} {
		_, err = v3Call(good, http.MethodGet, "DescribeThings", nil, nil,
			map[string]string{"x-acs-date": date.UTC().Format("2006-01-02T15:04:05Z")})
		wantV3Error(t, err, "InvalidTimeStamp.Expired", http.StatusBadRequest)
	}
	_, err = v3Call(good, http.MethodGet, "DescribeThings", nil, nil, map[string]string{"x-acs-date": "yesterday"})
	wantV3Error(t, err, "InvalidTimeStamp.Format", http.StatusBadRequest)

	_, err = v3Call(good, http.MethodGet, "NoSuchAction", nil, nil, nil)
	wantV3Error(t, err, "InvalidAction.NotFound", http.StatusNotFound)

	if n := ts.product.created.Load(); n != 0 {
		t.Errorf("CreateThing ran %d times despite the refusals", n)
	}
}

// TestSignatureV3_securityToken: STS credentials send x-acs-security-token, signed; the token
// is neither shown to the product nor logged nor echoed.
func TestSignatureV3_securityToken(t *testing.T) {
	ts := newTestServer(t)
	const token = "v3-sts-token-value"
	if _, err := v3Call(darabonbaClient(t, ts, testKeyID, testSecret, token), http.MethodPost, "DescribeThings", nil,
		map[string]string{"Name": "x"}, nil); err != nil {
		t.Fatalf("V3 STS call refused: %v", err)
	}
	_, err := v3Call(darabonbaClient(t, ts, testKeyID, "wrong", token), http.MethodPost, "DescribeThings", nil, nil, nil)
	if msg := wantV3Error(t, err, "SignatureDoesNotMatch", http.StatusBadRequest); strings.Contains(msg, token) {
		t.Error("the message echoes the security token")
	}
	for _, c := range ts.Calls() {
		for k, v := range c.Params {
			if strings.Contains(k+v, token) {
				t.Errorf("the call log holds the token: %s=%s", k, v)
			}
		}
	}
	if p := ts.product.lastCall.Load().Params; strings.Contains(fmt.Sprint(p), token) {
		t.Errorf("the product saw the token: %v", p)
	}
}

// TestSignatureV3_throttling: the darabonba client reads the mock's flow-control answer as
// its ThrottlingError.
func TestSignatureV3_throttling(t *testing.T) {
	ts := newTestServer(t)
	if err := ts.SetFaults(rpc.Faults{RateLimits: map[string]float64{"DescribeThings": 1}}); err != nil {
		t.Fatal(err)
	}
	client := darabonbaClient(t, ts, testKeyID, testSecret, "")
	_, err := v3Call(client, http.MethodGet, "DescribeThings", nil, nil, nil)
	if err == nil {
		_, err = v3Call(client, http.MethodGet, "DescribeThings", nil, nil, nil)
	}
	var throttled *openapi.ThrottlingError
	if !errors.As(err, &throttled) || dara.StringValue(throttled.Code) != "Throttling.User" {
		t.Errorf("want a ThrottlingError Throttling.User, got %T %v", err, err)
	}
}

// handV3 is a V3 request signed by this test's own signer, written from the documentation
// ("Request syntax and signature method V3"), for the cases the SDK cannot produce.
type handV3 struct {
	method        string
	query         url.Values
	body          string // form-encoded
	headers       map[string]string
	signed        []string // SignedHeaders; nil signs host and every x-acs-* header
	secret        string
	algorithm     string
	payloadHashOf *string    // the body whose hash x-acs-content-sha256 claims; nil: the body
	sentQuery     url.Values // the query sent, when not the one signed
}

func newHandV3() *handV3 {
	return &handV3{
		method: http.MethodPost,
		query:  url.Values{"ThingId": {"t-1"}},
		body:   "Name=" + url.QueryEscape("hand signed"),
		headers: map[string]string{
			"x-acs-action":          "DescribeThings",
			"x-acs-version":         fakeVersion,
			"x-acs-date":            time.Now().UTC().Format("2006-01-02T15:04:05Z"),
			"x-acs-signature-nonce": fmt.Sprintf("hand-v3-%d", time.Now().UnixNano()),
			"content-type":          "application/x-www-form-urlencoded",
		},
		secret:    testSecret,
		algorithm: "ACS3-HMAC-SHA256",
	}
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// do signs and sends the request and returns status and decoded JSON body.
func (h *handV3) do(t *testing.T, ts *testServer) (int, map[string]any) {
	t.Helper()
	claimed := h.body
	if h.payloadHashOf != nil {
		claimed = *h.payloadHashOf
	}
	headers := map[string]string{"host": ts.host}
	for k, v := range h.headers {
		headers[k] = v
	}
	if _, ok := headers["x-acs-content-sha256"]; !ok {
		headers["x-acs-content-sha256"] = sha256Hex(claimed)
	}
	signed := h.signed
	if signed == nil {
		for k := range headers {
			if k == "host" || strings.HasPrefix(k, "x-acs-") {
				signed = append(signed, k)
			}
		}
		sort.Strings(signed)
	}
	var canonHeaders strings.Builder
	for _, k := range signed {
		canonHeaders.WriteString(k + ":" + strings.TrimSpace(headers[k]) + "\n")
	}
	canonical := strings.Join([]string{h.method, "/", handCanonical(h.query), canonHeaders.String(),
		strings.Join(signed, ";"), sha256Hex(claimed)}, "\n")
	mac := hmac.New(sha256.New, []byte(h.secret))
	mac.Write([]byte(h.algorithm + "\n" + sha256Hex(canonical)))
	headers["Authorization"] = h.algorithm + " Credential=" + testKeyID + ",SignedHeaders=" + strings.Join(signed, ";") +
		",Signature=" + hex.EncodeToString(mac.Sum(nil))

	sent := h.query
	if h.sentQuery != nil {
		sent = h.sentQuery
	}
	req, err := http.NewRequestWithContext(t.Context(), h.method, ts.url+"/?"+sent.Encode(), strings.NewReader(h.body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range headers {
		if k != "host" {
			req.Header.Set(k, v)
		}
	}
	var body map[string]any
	status := mocktest.DoJSON(t, req, &body)
	return status, body
}

func TestSignatureV3_handSigned(t *testing.T) {
	ts := newTestServer(t)
	if status, body := newHandV3().do(t, ts); status != http.StatusOK {
		t.Fatalf("hand-signed V3 request refused: %d %v", status, body)
	}
	if p := ts.product.lastCall.Load().Params; p.Get("ThingId") != "t-1" || p.Get("Name") != "hand signed" {
		t.Errorf("product saw %v", p)
	}

	cases := map[string]struct {
		edit   func(h *handV3)
		status int
		code   string
	}{
		"no action":       {func(h *handV3) { delete(h.headers, "x-acs-action") }, 400, "MissingHeader"},
		"no version":      {func(h *handV3) { delete(h.headers, "x-acs-version") }, 400, "MissingHeader"},
		"no date":         {func(h *handV3) { delete(h.headers, "x-acs-date") }, 400, "MissingHeader"},
		"no nonce":        {func(h *handV3) { delete(h.headers, "x-acs-signature-nonce") }, 400, "MissingHeader"},
		"unknown version": {func(h *handV3) { h.headers["x-acs-version"] = "2000-01-01" }, 400, "InvalidVersion"},
		"other algorithm": {func(h *handV3) { h.algorithm = "ACS3-HMAC-SM3" }, 400, "IncompleteSignature"},
		"x-acs header not signed": {func(h *handV3) {
			h.headers["x-acs-extra"] = "1"
			h.signed = []string{"host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"}
		}, 400, "IncompleteSignature"},
		"host not signed": {func(h *handV3) {
			h.signed = []string{"x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"}
		}, 400, "IncompleteSignature"},
		"signed headers unsorted": {func(h *handV3) {
			h.signed = []string{"x-acs-action", "host", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version"}
		}, 400, "IncompleteSignature"},
		"body not the one hashed": {func(h *handV3) {
			other := "Name=other"
			h.payloadHashOf = &other
		}, 400, "SignatureDoesNotMatch"},
		"query changed after signing": {func(h *handV3) { h.sentQuery = url.Values{"ThingId": {"t-2"}} }, 400, "SignatureDoesNotMatch"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			h := newHandV3()
			tc.edit(h)
			status, body := h.do(t, ts)
			wantCode(t, status, body, tc.status, tc.code)
		})
	}
	if ts.product.created.Load() != 0 {
		t.Error("CreateThing ran")
	}
}
