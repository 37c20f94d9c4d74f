package rpc_test

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"

	"terraform-provider-alibabacloud/internal/mockcloud/mocktest"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

var requestIDPattern = regexp.MustCompile(`^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$`)

func TestServeHTTP_sdkSignedJSON(t *testing.T) {
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		t.Run(method, func(t *testing.T) {
			ts := newTestServer(t)
			client := mocktest.SDKClient(t, testKeyID, testSecret)
			resp, err := client.ProcessCommonRequest(sdkRequest(ts, method, "DescribeThings", "JSON",
				map[string]string{"Name": "a b*c~d/é"}))
			if err != nil {
				t.Fatalf("SDK call failed: %v", err)
			}
			var body struct {
				RequestId  string //nolint:revive // API field name
				TotalCount int
				Things     struct {
					Thing []struct{ ThingId, Name string }
				}
			}
			if err := json.Unmarshal(resp.GetHttpContentBytes(), &body); err != nil {
				t.Fatal(err)
			}
			if !requestIDPattern.MatchString(body.RequestId) {
				t.Errorf("RequestId %q is not an upper-case UUID", body.RequestId)
			}
			if body.TotalCount != 2 || len(body.Things.Thing) != 2 || body.Things.Thing[0].Name != "a<b&c" {
				t.Errorf("unexpected body %s", resp.GetHttpContentString())
			}
			if !strings.HasPrefix(resp.GetHttpContentString(), `{"RequestId":`) {
				t.Errorf("RequestId is not the first field: %s", resp.GetHttpContentString())
			}
			if got := resp.GetHttpHeaders()["Content-Type"]; len(got) == 0 || !strings.HasPrefix(got[0], "application/json") {
				t.Errorf("Content-Type %v", got)
			}

			call := ts.product.lastCall.Load()
			if call.Params.Get("Name") != "a b*c~d/é" || call.Params.Get("RegionId") != "cn-hangzhou" {
				t.Errorf("product params %v", call.Params)
			}
			for _, common := range []string{"Signature", "SignatureNonce", "AccessKeyId", "Timestamp", "Format", "Version", "Action", "SignatureMethod"} {
				if call.Params.Has(common) {
					t.Errorf("product saw common parameter %s", common)
				}
			}
			if call.RequestID != body.RequestId {
				t.Errorf("call RequestID %q, response %q", call.RequestID, body.RequestId)
			}
		})
	}
}

func TestServeHTTP_sameKeyInQueryAndBody(t *testing.T) {
	ts := newTestServer(t)
	req := sdkRequest(ts, http.MethodPost, "DescribeThings", "JSON", map[string]string{"RegionId": "cn-shanghai"})
	// The SDK adds its own RegionId to the query too; it signs the form's value.
	if _, err := mocktest.SDKClient(t, testKeyID, testSecret).ProcessCommonRequest(req); err != nil {
		t.Fatalf("SDK call failed: %v", err)
	}
	if got := ts.product.lastCall.Load().Params["RegionId"]; len(got) != 1 || got[0] != "cn-shanghai" {
		t.Errorf("product saw RegionId %v", got)
	}
}

func TestServeHTTP_sdkSignedXML(t *testing.T) {
	for _, method := range []string{http.MethodGet, http.MethodPost} {
		t.Run(method, func(t *testing.T) {
			ts := newTestServer(t)
			resp, err := mocktest.SDKClient(t, testKeyID, testSecret).ProcessCommonRequest(sdkRequest(ts, method, "DescribeThings", "XML", nil))
			if err != nil {
				t.Fatalf("SDK call failed: %v", err)
			}
			text := resp.GetHttpContentString()
			if !strings.HasPrefix(text, `<?xml version="1.0" encoding="UTF-8"?><DescribeThingsResponse><RequestId>`) {
				t.Fatalf("unexpected XML start: %s", text)
			}
			var body struct {
				XMLName    xml.Name `xml:"DescribeThingsResponse"`
				RequestId  string   //nolint:revive // API field name
				TotalCount int
				Things     struct {
					Thing []struct{ ThingId, Name string }
				}
			}
			if err := xml.Unmarshal(resp.GetHttpContentBytes(), &body); err != nil {
				t.Fatalf("%v: %s", err, text)
			}
			if !requestIDPattern.MatchString(body.RequestId) || body.TotalCount != 2 ||
				len(body.Things.Thing) != 2 || body.Things.Thing[0].Name != "a<b&c" || body.Things.Thing[1].ThingId != "t-2" {
				t.Errorf("unexpected XML body %s", text)
			}
		})
	}
}

func TestServeHTTP_xmlShapes(t *testing.T) {
	ts := newTestServer(t)
	resp, err := mocktest.SDKClient(t, testKeyID, testSecret).ProcessCommonRequest(sdkRequest(ts, http.MethodGet, "DescribeShapes", "XML", nil))
	if err != nil {
		t.Fatal(err)
	}
	text := resp.GetHttpContentString()
	// Fields in encoding/json's (sorted map) order; a list repeats its element; an empty list vanishes.
	want := "</RequestId><Flag>true</Flag><Ids>a</Ids><Ids>b</Ids><Nothing></Nothing><Ratio>0.5</Ratio></DescribeShapesResponse>"
	if !strings.HasSuffix(text, want) {
		t.Errorf("XML %s\nwant suffix %s", text, want)
	}
}

func TestServeHTTP_xmlError(t *testing.T) {
	ts := newTestServer(t)
	_, err := mocktest.SDKClient(t, testKeyID, "wrong").ProcessCommonRequest(sdkRequest(ts, http.MethodGet, "DescribeThings", "XML", nil))
	se := serverError(t, err, "", http.StatusBadRequest) // the SDK reads error fields from JSON only
	var body struct {
		XMLName                            xml.Name `xml:"Error"`
		RequestId, HostId, Code, Recommend string   //nolint:revive // API field names
	}
	if xerr := xml.Unmarshal([]byte(se.message), &body); xerr != nil {
		t.Fatalf("%v: %s", xerr, se.message)
	}
	if body.Code != "SignatureDoesNotMatch" || body.RequestId == "" || body.HostId != ts.host {
		t.Errorf("unexpected XML error %+v", body)
	}
}

func TestServeHTTP_wrongSecret(t *testing.T) {
	ts := newTestServer(t)
	_, err := mocktest.SDKClient(t, testKeyID, "not-the-secret").ProcessCommonRequest(sdkRequest(ts, http.MethodPost, "CreateThing", "JSON", nil))
	se := serverError(t, err, "SignatureDoesNotMatch", http.StatusBadRequest)
	if !strings.Contains(se.message, "server string to sign is:POST&%2F&") {
		t.Errorf("message should show the server's string to sign: %s", se.message)
	}
	// The SDK compares the strings to sign and concludes the secret is wrong.
	if !strings.Contains(se.recommend, "InvalidAccessKeySecret") {
		t.Errorf("recommend %q", se.recommend)
	}
	if strings.Contains(se.message, testSecret) {
		t.Error("the message reveals the secret")
	}
	if ts.product.created.Load() != 0 {
		t.Error("the action ran despite the bad signature")
	}
}

func TestServeHTTP_unknownKey(t *testing.T) {
	ts := newTestServer(t)
	_, err := mocktest.SDKClient(t, "LTAI5tUnknown", testSecret).ProcessCommonRequest(sdkRequest(ts, http.MethodGet, "DescribeThings", "JSON", nil))
	serverError(t, err, "InvalidAccessKeyId.NotFound", http.StatusNotFound)
}

func TestServeHTTP_securityToken(t *testing.T) {
	ts := newTestServer(t)
	stsClient, err := sdk.NewClientWithOptions("cn-hangzhou", sdk.NewConfig().WithAutoRetry(false),
		credentials.NewStsTokenCredential(testKeyID, testSecret, "sdk-sts-token"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := stsClient.ProcessCommonRequest(sdkRequest(ts, http.MethodPost, "DescribeThings", "JSON", nil)); err != nil {
		t.Fatalf("SDK STS request rejected: %v", err)
	}

	h := newHandSigned()
	h.params["SecurityToken"] = "sts-token-value"
	status, body := h.do(t, ts)
	if status != http.StatusOK {
		t.Fatalf("STS request rejected: %d %v", status, body)
	}
	if ts.product.lastCall.Load().Params.Has("SecurityToken") {
		t.Error("the product saw the security token")
	}

	h = newHandSigned()
	h.params["SecurityToken"] = "sts-token-value"
	h.secret = "wrong"
	status, body = h.do(t, ts)
	wantCode(t, status, body, http.StatusBadRequest, "SignatureDoesNotMatch")
	if strings.Contains(body["Message"].(string), "sts-token-value") { //nolint:forcetypeassert // checked by wantCode
		t.Error("the message echoes the security token")
	}
	for _, c := range ts.Calls() {
		if _, ok := c.Params["SecurityToken"]; ok {
			t.Error("the call log holds the security token")
		}
	}
}

func TestServeHTTP_nonceReuse(t *testing.T) {
	ts := newTestServer(t)
	h := newHandSigned()
	h.params["SignatureNonce"] = "same-nonce"
	if status, body := h.do(t, ts); status != http.StatusOK {
		t.Fatalf("first use rejected: %d %v", status, body)
	}
	status, body := h.do(t, ts)
	wantCode(t, status, body, http.StatusBadRequest, "SignatureNonceUsed")
}

func TestServeHTTP_nonceWindow(t *testing.T) {
	var now atomic.Pointer[time.Time]
	start := time.Now()
	now.Store(&start)
	ts := newTestServerWithWallClock(t, func() time.Time { return *now.Load() })
	send := func() (int, map[string]any) {
		h := newHandSigned()
		h.params["SignatureNonce"] = "window-nonce"
		h.params["Timestamp"] = now.Load().UTC().Format(time.RFC3339)
		return h.do(t, ts)
	}
	if status, body := send(); status != http.StatusOK {
		t.Fatalf("first use: %d %v", status, body)
	}
	later := start.Add(14 * time.Minute)
	now.Store(&later)
	status, body := send()
	wantCode(t, status, body, http.StatusBadRequest, "SignatureNonceUsed")
	// The window counts from the first use: after 15 minutes the nonce is free again.
	muchLater := start.Add(16 * time.Minute)
	now.Store(&muchLater)
	if status, body := send(); status != http.StatusOK {
		t.Fatalf("nonce still refused after the window: %d %v", status, body)
	}
}

func TestServeHTTP_timestamp(t *testing.T) {
	cases := map[string]struct {
		timestamp, code string
	}{
		"stale":     {time.Now().Add(-16 * time.Minute).UTC().Format(time.RFC3339), "InvalidTimeStamp.Expired"},
		"future":    {time.Now().Add(16 * time.Minute).UTC().Format(time.RFC3339), "InvalidTimeStamp.Expired"},
		"malformed": {"24/11/2026 10:00", "InvalidTimeStamp.Format"},
		"missing":   {"", "MissingTimestamp"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			ts := newTestServer(t)
			h := newHandSigned()
			if tc.timestamp == "" {
				delete(h.params, "Timestamp")
			} else {
				h.params["Timestamp"] = tc.timestamp
			}
			status, body := h.do(t, ts)
			wantCode(t, status, body, http.StatusBadRequest, tc.code)
		})
	}
	t.Run("within window", func(t *testing.T) {
		ts := newTestServer(t)
		h := newHandSigned()
		h.params["Timestamp"] = time.Now().Add(-10 * time.Minute).UTC().Format(time.RFC3339)
		if status, body := h.do(t, ts); status != http.StatusOK {
			t.Fatalf("10 minutes old rejected: %d %v", status, body)
		}
	})
}

func TestServeHTTP_commonParameterErrors(t *testing.T) {
	cases := map[string]struct {
		edit   func(h *handSigned)
		status int
		code   string
	}{
		"no access key":     {func(h *handSigned) { delete(h.params, "AccessKeyId") }, 400, "MissingAccessKeyId"},
		"no nonce":          {func(h *handSigned) { delete(h.params, "SignatureNonce") }, 400, "MissingSignatureNonce"},
		"no action":         {func(h *handSigned) { delete(h.params, "Action") }, 400, "MissingAction"},
		"no version":        {func(h *handSigned) { delete(h.params, "Version") }, 400, "MissingVersion"},
		"unknown version":   {func(h *handSigned) { h.params["Version"] = "2099-01-01" }, 400, "InvalidVersion"},
		"unknown action":    {func(h *handSigned) { h.params["Action"] = "DoMagic" }, 404, "InvalidAction.NotFound"},
		"sha256":            {func(h *handSigned) { h.params["SignatureMethod"] = "HMAC-SHA256" }, 400, "IncompleteSignature"},
		"product error":     {func(h *handSigned) { h.params["ThingId"] = "missing" }, 404, "NotExist.Thing"},
		"plain error":       {func(h *handSigned) { h.params["Action"] = "Explode" }, 500, "InternalError"},
		"panic":             {func(h *handSigned) { h.params["Action"] = "Panic" }, 500, "InternalError"},
		"post form, no key": {func(h *handSigned) { h.method = http.MethodPost; delete(h.params, "AccessKeyId") }, 400, "MissingAccessKeyId"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			ts := newTestServer(t)
			h := newHandSigned()
			tc.edit(h)
			status, body := h.do(t, ts)
			wantCode(t, status, body, tc.status, tc.code)
			if tc.code == "InvalidVersion" && body["Message"] != "Specified parameter Version is not valid." {
				t.Errorf("message %v", body["Message"])
			}
		})
	}
	// Without Signature the request cannot be hand-signed; send it bare.
	t.Run("no signature", func(t *testing.T) {
		ts := newTestServer(t)
		h := newHandSigned()
		q := h.query()
		h.method = http.MethodGet
		resp, err := http.Get(ts.url + "/?" + strings.Replace(q, "Signature=", "X=", 1)) //nolint:noctx // test
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var body map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			t.Fatal(err)
		}
		// X= replaced the first "Signature=", which url.Values.Encode sorts before SignatureMethod.
		wantCode(t, resp.StatusCode, body, http.StatusBadRequest, "MissingSignature")
	})
}

func TestServeHTTP_callLog(t *testing.T) {
	ts := newTestServer(t)
	client := mocktest.SDKClient(t, testKeyID, testSecret)
	if _, err := client.ProcessCommonRequest(sdkRequest(ts, http.MethodPost, "CreateThing", "JSON", map[string]string{"Name": "x"})); err != nil {
		t.Fatal(err)
	}
	_, err := mocktest.SDKClient(t, testKeyID, "wrong").ProcessCommonRequest(sdkRequest(ts, http.MethodGet, "DescribeThings", "JSON", nil))
	serverError(t, err, "SignatureDoesNotMatch", http.StatusBadRequest)

	calls := ts.Calls()
	if len(calls) != 2 {
		t.Fatalf("want 2 calls, got %+v", calls)
	}
	first, second := calls[0], calls[1]
	if first.Action != "CreateThing" || first.Version != fakeVersion || first.Code != "" || first.Status != 200 ||
		first.Params["Name"] != "x" || first.Params["AccessKeyId"] != testKeyID || !requestIDPattern.MatchString(first.RequestId) {
		t.Errorf("first record %+v", first)
	}
	if second.Action != "DescribeThings" || second.Code != "SignatureDoesNotMatch" || second.Status != 400 {
		t.Errorf("second record %+v", second)
	}
	for _, c := range calls {
		for _, secretField := range []string{"Signature", "SignatureNonce", "SecurityToken", "Timestamp"} {
			if _, ok := c.Params[secretField]; ok {
				t.Errorf("call log keeps %s: %v", secretField, c.Params)
			}
		}
	}
}

func TestKeys(t *testing.T) {
	ts := newTestServer(t)
	ts.AddKey(rpc.AccessKey{AccessKeyId: "LTAI5tSecond", AccessKeySecret: "second-secret"})
	keys := ts.Keys()
	if len(keys) != 2 || keys[0].AccessKeyId != "LTAI5tSecond" || keys[1].AccessKeyId != testKeyID {
		t.Fatalf("keys %+v", keys)
	}
	if _, err := mocktest.SDKClient(t, "LTAI5tSecond", "second-secret").ProcessCommonRequest(sdkRequest(ts, http.MethodGet, "DescribeThings", "JSON", nil)); err != nil {
		t.Fatalf("added key rejected: %v", err)
	}
}

func TestServeHTTP_bodyValuesWinOverQuery(t *testing.T) {
	ts := newTestServer(t)
	h := newHandSigned()
	h.method = http.MethodPost
	h.params["Name"] = "from-body"
	h.params["Extra"] = "q" // signed, but sent in the query
	body, err := url.ParseQuery(h.query())
	if err != nil {
		t.Fatal(err)
	}
	body.Del("Extra")
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, ts.url+"/?Name=from-query&Extra=q",
		strings.NewReader(body.Encode()))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if status, _, _ := mocktest.Do(t, req); status != http.StatusOK {
		t.Fatalf("status %d", status)
	}
	call := ts.product.lastCall.Load()
	if got := call.Params["Name"]; len(got) != 1 || got[0] != "from-body" {
		t.Errorf("Name = %q, want the body's value alone", got)
	}
	if got := call.Params.Get("Extra"); got != "q" {
		t.Errorf("Extra = %q, want the query's value", got)
	}
}
