// Package mocktest holds the test helpers the mock cloud's packages share: an official-SDK
// client that does not retry on its own, one product served through the protocol engine, and
// a plain HTTP call, and one with a JSON answer.
// Only tests import it.
package mocktest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"

	"terraform-provider-alibabacloud/internal/mockcloud/clock"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// SDKClient returns an official-SDK client for the key pair that never retries on its own,
// so that a test sees every answer.
func SDKClient(t testing.TB, keyID, secret string) *sdk.Client {
	t.Helper()
	client, err := sdk.NewClientWithOptions("cn-hangzhou", sdk.NewConfig().WithAutoRetry(false),
		credentials.NewAccessKeyCredential(keyID, secret))
	if err != nil {
		t.Fatal(err)
	}
	return client
}

// ServeProduct serves product through a protocol engine on clk, accepting the one key pair,
// on an httptest server for the test's duration, and returns the server's host:port.
func ServeProduct(t testing.TB, clk *clock.Clock, product rpc.Product, keyID, secret string) string {
	t.Helper()
	srv := httptest.NewServer(rpc.NewServer(rpc.Config{
		Products: []rpc.Product{product},
		Clock:    clk,
		Keys:     map[string]string{keyID: secret},
	}))
	t.Cleanup(srv.Close)
	return Host(t, srv.URL)
}

// Host returns the host:port of a server's base URL.
func Host(t testing.TB, baseURL string) string {
	t.Helper()
	u, err := url.Parse(baseURL)
	if err != nil {
		t.Fatal(err)
	}
	return u.Host
}

// Do sends req and returns the answer's HTTP status, headers and body; it fails the test when
// the request cannot be sent or the body not read.
func Do(t testing.TB, req *http.Request) (status int, header http.Header, body []byte) {
	t.Helper()
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, resp.Header, data
}

// DoJSON sends req and decodes its JSON answer into out (when out is not nil); it returns the
// HTTP status and fails the test when the request cannot be sent or the answer is not JSON.
func DoJSON(t testing.TB, req *http.Request, out any) int {
	t.Helper()
	status, _, data := Do(t, req)
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatalf("%s %s: answer is not JSON: %v: %s", req.Method, req.URL, err, data)
		}
	}
	return status
}
