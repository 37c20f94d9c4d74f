package rpc_test

import (
	"crypto/hmac"
	"crypto/sha1" //nolint:gosec // the protocol's algorithm
	"encoding/base64"
	"errors"
	"fmt"
	mathrand "math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"

	"terraform-provider-alibabacloud/internal/mockcloud/mocktest"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

const (
	testKeyID     = "LTAI5tTestKey"
	testSecret    = "test-secret-0123456789"
	fakeVersion   = "2020-01-01"
	fakeProductID = "Fake"
)

// fakeProduct is a tiny Product: DescribeThings reads, CreateThing counts what it created,
// Explode returns a plain Go error, Panic panics.
type fakeProduct struct {
	created  atomic.Int32
	lastCall atomic.Pointer[rpc.Call]
}

func (p *fakeProduct) Name() string    { return fakeProductID }
func (p *fakeProduct) Version() string { return fakeVersion }

func (p *fakeProduct) Handle(call *rpc.Call) (any, error) {
	p.lastCall.Store(call)
	switch call.Action {
	case "DescribeThings":
		if call.Params.Get("ThingId") == "missing" {
			return nil, rpc.NewError(http.StatusNotFound, "NotExist.Thing", "The thing does not exist.")
		}
		return map[string]any{
			"TotalCount": 2,
			"Things": map[string]any{"Thing": []map[string]any{
				{"ThingId": "t-1", "Name": "a<b&c"},
				{"ThingId": "t-2", "Name": "second"},
			}},
		}, nil
	case "DescribeShapes":
		return map[string]any{"Ids": []string{"a", "b"}, "Empty": []int{}, "Nothing": nil, "Flag": true, "Ratio": 0.5}, nil
	case "CreateThing":
		n := p.created.Add(1)
		return struct {
			ThingId string `json:"ThingId"` //nolint:revive // API field name
		}{fmt.Sprintf("t-%d", n)}, nil
	case "Explode":
		return nil, errors.New("disk on fire")
	case "Panic":
		panic("not implemented yet")
	}
	return nil, rpc.ErrUnknownAction
}

// testServer is an engine with the fake product on an httptest server.
type testServer struct {
	*rpc.Server
	product *fakeProduct
	url     string
	host    string
}

func newTestServer(t testing.TB) *testServer {
	t.Helper()
	return newTestServerWithWallClock(t, nil)
}

// newTestServerWithWallClock is newTestServer with the engine's real-time source replaced.
func newTestServerWithWallClock(t testing.TB, wall func() time.Time) *testServer {
	t.Helper()
	return newTestServerWith(t, func(cfg *rpc.Config) { cfg.WallClock = wall })
}

// newTestServerWith is newTestServer with the engine's Config changed by edit.
func newTestServerWith(t testing.TB, edit func(*rpc.Config)) *testServer {
	t.Helper()
	product := &fakeProduct{}
	cfg := rpc.Config{
		Products: []rpc.Product{product},
		Keys:     map[string]string{testKeyID: testSecret},
		Rand:     mathrand.New(mathrand.NewPCG(1, 2)),
	}
	edit(&cfg)
	srv := rpc.NewServer(cfg)
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	return &testServer{Server: srv, product: product, url: hs.URL, host: mocktest.Host(t, hs.URL)}
}

// sdkRequest builds an RPC CommonRequest for the fake product on ts.
func sdkRequest(ts *testServer, method, action, format string, params map[string]string) *requests.CommonRequest {
	req := requests.NewCommonRequest()
	req.Method = method
	req.Scheme = "http"
	req.Domain = ts.host
	req.Version = fakeVersion
	req.ApiName = action
	req.AcceptFormat = format
	for k, v := range params {
		if method == http.MethodPost {
			req.FormParams[k] = v
		} else {
			req.QueryParams[k] = v
		}
	}
	return req
}

// errInfo is what the tests read from an SDK server error beyond code and status.
type errInfo struct{ message, recommend string }

// serverError asserts that err is an SDK server error with the code and status.
func serverError(t *testing.T, err error, code string, status int) errInfo {
	t.Helper()
	var se *sdkerrors.ServerError
	if !errors.As(err, &se) {
		t.Fatalf("want an SDK ServerError %s, got %T: %v", code, err, err)
	}
	if se.ErrorCode() != code || se.HttpStatus() != status {
		t.Fatalf("want %d %s, got %d %s (%s)", status, code, se.HttpStatus(), se.ErrorCode(), se.Message())
	}
	if code != "" && (se.RequestId() == "" || se.HostId() == "") { // only JSON errors are parsed by the SDK
		t.Errorf("error lacks RequestId or HostId: %q %q", se.RequestId(), se.HostId())
	}
	return errInfo{message: se.Message(), recommend: se.Recommend()}
}

// handSigned builds request parameters signed by this test's own signer (not the engine's
// code): url.QueryEscape with the RFC 3986 fix-ups, as Alibaba Cloud's documentation shows.
type handSigned struct {
	method string
	params map[string]string
	secret string
}

// newHandSigned returns a DescribeThings call signed with the test key; tests edit it.
func newHandSigned() *handSigned {
	return &handSigned{
		method: http.MethodGet,
		secret: testSecret,
		params: map[string]string{
			"Action":           "DescribeThings",
			"Version":          fakeVersion,
			"Format":           "JSON",
			"AccessKeyId":      testKeyID,
			"SignatureMethod":  "HMAC-SHA1",
			"SignatureVersion": "1.0",
			"SignatureNonce":   fmt.Sprintf("nonce-%d", time.Now().UnixNano()),
			"Timestamp":        time.Now().UTC().Format("2006-01-02T15:04:05Z"),
		},
	}
}

func rfc3986(s string) string {
	s = url.QueryEscape(s)
	s = strings.ReplaceAll(s, "+", "%20")
	s = strings.ReplaceAll(s, "*", "%2A")
	return strings.ReplaceAll(s, "%7E", "~")
}

// handCanonical sorts params by name and joins their name=value pairs (the first value of
// each) with &, names and values rfc3986-encoded: the query both signature versions sign.
func handCanonical(params url.Values) string {
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	pairs := make([]string, 0, len(keys))
	for _, k := range keys {
		pairs = append(pairs, rfc3986(k)+"="+rfc3986(params.Get(k)))
	}
	return strings.Join(pairs, "&")
}

// query returns the signed query string.
func (h *handSigned) query() string {
	v := url.Values{}
	for k, val := range h.params {
		v.Set(k, val)
	}
	toSign := h.method + "&" + rfc3986("/") + "&" + rfc3986(handCanonical(v))
	mac := hmac.New(sha1.New, []byte(h.secret+"&"))
	mac.Write([]byte(toSign))
	v.Set("Signature", base64.StdEncoding.EncodeToString(mac.Sum(nil)))
	return v.Encode()
}

// do sends the hand-signed request and returns status and decoded JSON body.
func (h *handSigned) do(t *testing.T, ts *testServer) (int, map[string]any) {
	t.Helper()
	var req *http.Request
	var err error
	if h.method == http.MethodPost {
		req, err = http.NewRequestWithContext(t.Context(), h.method, ts.url+"/", strings.NewReader(h.query()))
		if err == nil {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
	} else {
		req, err = http.NewRequestWithContext(t.Context(), h.method, ts.url+"/?"+h.query(), nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	var body map[string]any
	status := mocktest.DoJSON(t, req, &body)
	return status, body
}

// wantCode asserts a hand-signed request's status and Code.
func wantCode(t *testing.T, status int, body map[string]any, wantStatus int, wantCode string) {
	t.Helper()
	if status != wantStatus || body["Code"] != wantCode {
		t.Fatalf("want %d %s, got %d %v", wantStatus, wantCode, status, body)
	}
	for _, field := range []string{"RequestId", "HostId", "Message", "Recommend"} {
		if s, _ := body[field].(string); s == "" {
			t.Errorf("error body lacks %s: %v", field, body)
		}
	}
}
