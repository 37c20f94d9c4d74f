package mockcloud_test

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"

	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/mockcloud/mocktest"
)

const (
	cbnVersion    = "2017-09-12"
	gaVersion     = "2019-11-20"
	demoSeedPath  = "../../examples/demo/seed.json"
	demoPackageID = "cenbwp-demo4xrxupouolw5ou"
	// demoAcceleratorID is the demo seed's GA accelerator.
	demoAcceleratorID = "ga-bp1demo7b2w4cxtzjo2vj"
)

// startCloud serves a new Cloud on an httptest server for the test's duration.
func startCloud(t *testing.T, opts mockcloud.Options) (*mockcloud.Cloud, string) {
	t.Helper()
	cloud, err := mockcloud.New(opts)
	if err != nil {
		t.Fatalf("mockcloud.New: %v", err)
	}
	server := httptest.NewServer(cloud.Handler())
	t.Cleanup(server.Close)
	return cloud, server.URL
}

// demoSeed loads the demo seed file.
func demoSeed(t *testing.T) *mockcloud.State {
	t.Helper()
	seed, err := mockcloud.LoadStateFile(demoSeedPath)
	if err != nil {
		t.Fatal(err)
	}
	return seed
}

// sdkCall sends one SDK-signed Cbn call to the mock at baseURL and returns the decoded JSON
// answer (or the SDK's error).
func sdkCall(t *testing.T, baseURL, keyID, secret, method, action string, params map[string]string) (map[string]any, error) {
	t.Helper()
	return sdkCallVersion(t, baseURL, keyID, secret, method, cbnVersion, action, params)
}

// sdkCallVersion is sdkCall for any API version.
func sdkCallVersion(t *testing.T, baseURL, keyID, secret, method, version, action string, params map[string]string) (map[string]any, error) {
	t.Helper()
	client := mocktest.SDKClient(t, keyID, secret)
	req := requests.NewCommonRequest()
	req.Method = method
	req.Scheme = "http"
	req.Domain = mocktest.Host(t, baseURL)
	req.Version = version
	req.ApiName = action
	for k, v := range params {
		req.QueryParams[k] = v
	}
	resp, err := client.ProcessCommonRequest(req)
	if err != nil {
		return nil, err
	}
	var body map[string]any
	if err := json.Unmarshal(resp.GetHttpContentBytes(), &body); err != nil {
		t.Fatalf("answer is not JSON: %v: %s", err, resp.GetHttpContentString())
	}
	return body, nil
}

// wantErrorCode asserts err is an SDK server error with the code.
func wantErrorCode(t *testing.T, err error, code string) {
	t.Helper()
	var se *sdkerrors.ServerError
	if !errors.As(err, &se) || se.ErrorCode() != code {
		t.Fatalf("want server error %s, got %v", code, err)
	}
}

// packageCount returns how many CEN bandwidth packages a Describe answer lists.
func packageCount(t *testing.T, body map[string]any) int {
	t.Helper()
	wrapper, _ := body["CenBandwidthPackages"].(map[string]any)
	list, ok := wrapper["CenBandwidthPackage"].([]any)
	if !ok {
		t.Fatalf("no CenBandwidthPackages.CenBandwidthPackage in %v", body)
	}
	return len(list)
}

// admin sends an admin request and decodes its JSON answer into out (when not nil).
func admin(t *testing.T, method, u, body string, out any) int {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	return mocktest.DoJSON(t, req, out)
}
