// Package mocktest holds the test helpers the mock cloud's packages share: an official-SDK
// client that does not retry on its own, one product served through the protocol engine, and
// a plain HTTP call, and one with a JSON answer.
// Only tests import it.
package mocktest

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
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

// CheckAnswer reports what is wrong with an answer of the mock's API gateway, nil when it is
// well-formed: JSON or XML as its Content-Type says, carrying the RequestId of its
// x-acs-request-id header; an error (any status but 200) also carries a Code and a Message,
// and is never a server error (5xx): the mock answers bad input with a client error.
func CheckAnswer(status int, header http.Header, body []byte) error {
	var answer struct {
		RequestID string `json:"RequestId" xml:"RequestId"`
		Code      string `json:"Code" xml:"Code"`
		Message   string `json:"Message" xml:"Message"`
	}
	var err error
	switch contentType := header.Get("Content-Type"); {
	case strings.HasPrefix(contentType, "application/json"):
		err = json.Unmarshal(body, &answer)
	case strings.HasPrefix(contentType, "text/xml"):
		err = xml.Unmarshal(body, &answer)
	default:
		return fmt.Errorf("status %d, Content-Type %q: %.200s", status, contentType, body)
	}
	switch {
	case err != nil:
		return fmt.Errorf("status %d: the answer does not decode: %w: %.200s", status, err, body)
	case answer.RequestID == "" || answer.RequestID != header.Get("x-acs-request-id"):
		return fmt.Errorf("status %d: RequestId %q, x-acs-request-id %q", status, answer.RequestID, header.Get("x-acs-request-id"))
	case status >= http.StatusInternalServerError:
		return fmt.Errorf("a server error: %d %s: %s", status, answer.Code, answer.Message)
	case status != http.StatusOK && (answer.Code == "" || answer.Message == ""):
		return fmt.Errorf("status %d: an error without Code or Message: %.200s", status, body)
	case status != http.StatusOK && status < http.StatusBadRequest:
		return fmt.Errorf("status %d: neither 200 nor an error status", status)
	}
	return nil
}

// CheckProductAnswer reports what is wrong with what a product's Handle returned, nil when it
// is well-formed: a result that encodes as a JSON object, or an *rpc.Error with a client
// error status (4xx), a Code and a Message. A plain Go error would reach the caller as a 500
// InternalError.
func CheckProductAnswer(result any, err error) error {
	if err != nil {
		var apiErr *rpc.Error
		switch {
		case !errors.As(err, &apiErr):
			return fmt.Errorf("not an API error: %T %w", err, err)
		case apiErr.Status < http.StatusBadRequest || apiErr.Status >= http.StatusInternalServerError:
			return fmt.Errorf("status %d: %w", apiErr.Status, apiErr)
		case apiErr.Code == "" || apiErr.Message == "":
			return fmt.Errorf("an error without Code or Message: %d %q %q", apiErr.Status, apiErr.Code, apiErr.Message)
		}
		return nil
	}
	body, mErr := json.Marshal(result)
	if mErr != nil {
		return fmt.Errorf("the result does not encode: %w", mErr)
	}
	var object map[string]any
	if uErr := json.Unmarshal(body, &object); uErr != nil {
		return fmt.Errorf("the result is not a JSON object: %.200s", body)
	}
	return nil
}
