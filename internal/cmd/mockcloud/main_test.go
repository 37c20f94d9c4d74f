package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"path/filepath"
	"strings"
	"testing"
	"time"

	openapi "github.com/alibabacloud-go/darabonba-openapi/v2/client"
	"github.com/alibabacloud-go/tea/dara"
	sdkerrors "github.com/aliyun/alibaba-cloud-sdk-go/sdk/errors"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"

	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/mockcloud/mocktest"
	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// startRun runs the command with args until the test ends (or stop is called) and returns the
// base URL its first line announces.
func startRun(t *testing.T, args ...string) (base string, stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	stdoutR, stdoutW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, args, stdoutW)
		_ = stdoutW.Close()
	}()
	stopped := false
	stop = func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		return <-done
	}
	t.Cleanup(func() { _ = stop() })

	line, err := bufio.NewReader(stdoutR).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the first line: %v (run: %v)", err, stop())
	}
	base = strings.TrimPrefix(strings.TrimSpace(line), "listening on ")
	u, err := url.Parse(base)
	if err != nil || u.Scheme != "http" || strings.HasSuffix(u.Host, ":0") || !strings.HasPrefix(line, "listening on http://127.0.0.1:") {
		t.Fatalf("first line %q", line)
	}
	return base, stop
}

// describe calls Cbn DescribeCenBandwidthPackages on the mock at base with the SDK.
func describe(t *testing.T, base, keyID, secret string) (string, error) {
	t.Helper()
	client := mocktest.SDKClient(t, keyID, secret)
	req := requests.NewCommonRequest()
	req.Scheme, req.Domain, req.Version, req.ApiName = "http", strings.TrimPrefix(base, "http://"), "2017-09-12", "DescribeCenBandwidthPackages"
	resp, err := client.ProcessCommonRequest(req)
	if err != nil {
		return "", err
	}
	return resp.GetHttpContentString(), nil
}

func TestRun_servesUntilCancelled(t *testing.T) {
	base, stop := startRun(t, "-addr", "127.0.0.1:0", "-seed", "../../../examples/demo/seed.json", "-delay", "1s")
	body, err := describe(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret)
	if err != nil {
		t.Fatalf("SDK call to the standalone mock: %v", err)
	}
	if !strings.Contains(body, "cenbwp-demo4xrxupouolw5ou") {
		t.Errorf("the seed's package is missing: %s", body)
	}

	if err := stop(); err != nil {
		t.Fatalf("run after cancel: %v", err)
	}
	httpClient := &http.Client{Timeout: 2 * time.Second}
	hreq, err := http.NewRequestWithContext(t.Context(), http.MethodGet, base+"/_mock/calls", nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp, err := httpClient.Do(hreq); err == nil {
		_ = resp.Body.Close()
		t.Error("the server still answers after run returned")
	}
}

// TestRun_keyPairAndStateFile: -access-key-id/-access-key-secret name the pair the mock accepts
// (a wrong secret gets SignatureDoesNotMatch) and -state is written as the state changes.
func TestRun_keyPairAndStateFile(t *testing.T) {
	stateFile := filepath.Join(t.TempDir(), "state.json")
	base, _ := startRun(t, "-addr", "127.0.0.1:0", "-access-key-id", "LTAIflagKey", "-access-key-secret", "flag-secret",
		"-state", stateFile)

	if _, err := describe(t, base, "LTAIflagKey", "flag-secret"); err != nil {
		t.Fatalf("the -access-key-id pair was refused: %v", err)
	}
	for _, c := range []struct{ keyID, secret, code string }{
		{"LTAIflagKey", "not-the-secret", "SignatureDoesNotMatch"},
		{mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret, "InvalidAccessKeyId.NotFound"},
	} {
		_, err := describe(t, base, c.keyID, c.secret)
		var se *sdkerrors.ServerError
		if !errors.As(err, &se) || se.ErrorCode() != c.code {
			t.Errorf("key %s with secret %q: %v, want %s", c.keyID, c.secret, err, c.code)
		}
	}

	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, base+"/_mock/clock?advance=1m", nil)
	if err != nil {
		t.Fatal(err)
	}
	mocktest.DoJSON(t, req, nil)
	state, err := mockcloud.LoadStateFile(stateFile)
	if err != nil {
		t.Fatalf("the -state file after a clock advance: %v", err)
	}
	if state.CenBandwidthPackages == nil || state.AccessKeys == nil {
		t.Errorf("state file %+v lacks its lists", state)
	}
}

// TestRun_callLogLimit: -call-log-limit bounds what GET /_mock/calls returns to the most
// recent calls.
func TestRun_callLogLimit(t *testing.T) {
	base, _ := startRun(t, "-addr", "127.0.0.1:0", "-call-log-limit", "1")
	for range 3 {
		if _, err := describe(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret); err != nil {
			t.Fatal(err)
		}
	}
	_, err := describe(t, base, mockcloud.DefaultAccessKeyID, "wrong")
	var se *sdkerrors.ServerError
	if !errors.As(err, &se) || se.ErrorCode() != "SignatureDoesNotMatch" {
		t.Fatalf("wrong secret: %v", err)
	}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, base+"/_mock/calls", nil)
	if err != nil {
		t.Fatal(err)
	}
	var calls []rpc.CallRecord
	mocktest.DoJSON(t, req, &calls)
	if len(calls) != 1 || calls[0].Code != "SignatureDoesNotMatch" {
		t.Errorf("GET /_mock/calls = %+v, want only the last call (SignatureDoesNotMatch)", calls)
	}
}

// TestRun_callLogBytes: -call-log-bytes bounds the call log in bytes: of calls with long
// parameters, only the most recent fit.
func TestRun_callLogBytes(t *testing.T) {
	base, _ := startRun(t, "-addr", "127.0.0.1:0", "-call-log-bytes", "4KiB")
	long := strings.Repeat("x", 5000)
	for range 10 {
		form := url.Values{"Action": {"DescribeCenBandwidthPackages"}, "Version": {"2017-09-12"}, "Long": {long}}
		req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, base+"/", strings.NewReader(form.Encode()))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if status := mocktest.DoJSON(t, req, nil); status != http.StatusBadRequest {
			t.Fatalf("unsigned call answered %d", status)
		}
	}
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, base+"/_mock/calls", nil)
	if err != nil {
		t.Fatal(err)
	}
	var calls []rpc.CallRecord
	mocktest.DoJSON(t, req, &calls)
	// A record here is about 1.4 kB (the value cut to 1 kB, plus overhead): 2 fit in 4 KiB.
	if len(calls) == 0 || len(calls) > 3 || calls[len(calls)-1].Seq != 10 || !calls[0].Truncated {
		t.Errorf("GET /_mock/calls = %d records %+v, want the last two or three, truncated", len(calls), calls)
	}
}

// TestRun_rateLimit: -rate-limit sets the flow control, which GET /_mock/faults shows and
// the mock applies.
func TestRun_rateLimit(t *testing.T) {
	base, _ := startRun(t, "-addr", "127.0.0.1:0", "-rate-limit", "*=20,DescribeCenBandwidthPackages=1", "-api-rate-limit", "DescribeBandwidthPackage=5")
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, base+"/_mock/faults", nil)
	if err != nil {
		t.Fatal(err)
	}
	var faults rpc.Faults
	mocktest.DoJSON(t, req, &faults)
	if len(faults.RateLimits) != 2 || faults.RateLimits["*"] != 20 || faults.RateLimits["DescribeCenBandwidthPackages"] != 1 ||
		len(faults.APIRateLimits) != 1 || faults.APIRateLimits["DescribeBandwidthPackage"] != 5 {
		t.Fatalf("GET /_mock/faults = %+v", faults)
	}
	var throttled error
	for range 3 {
		if _, err := describe(t, base, mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret); err != nil {
			throttled = err
			break
		}
	}
	var se *sdkerrors.ServerError
	if !errors.As(throttled, &se) || se.ErrorCode() != "Throttling.User" || se.HttpStatus() != http.StatusBadRequest {
		t.Errorf("three calls at 1 a second: %v, want Throttling.User", throttled)
	}
}

// TestRun_signatureV3: the standalone mock answers a client of Alibaba Cloud's current SDKs,
// which signs with V3 by default (darabonba's generic CallApi, RPC style).
func TestRun_signatureV3(t *testing.T) {
	base, _ := startRun(t, "-addr", "127.0.0.1:0", "-seed", "../../../examples/demo/seed.json")
	client, err := openapi.NewClient(&openapi.Config{
		AccessKeyId:     dara.String(mockcloud.DefaultAccessKeyID),
		AccessKeySecret: dara.String(mockcloud.DefaultAccessKeySecret),
		Endpoint:        dara.String(strings.TrimPrefix(base, "http://")),
		Protocol:        dara.String("HTTP"),
	})
	if err != nil {
		t.Fatal(err)
	}
	resp, err := client.CallApi(&openapi.Params{
		Action: dara.String("DescribeCenBandwidthPackages"), Version: dara.String("2017-09-12"), Protocol: dara.String("HTTP"),
		Pathname: dara.String("/"), Method: dara.String("POST"), AuthType: dara.String("AK"), Style: dara.String("RPC"),
		ReqBodyType: dara.String("formData"), BodyType: dara.String("json"),
	}, &openapi.OpenApiRequest{Query: map[string]*string{"PageSize": dara.String("10")}}, &dara.RuntimeOptions{Autoretry: dara.Bool(false)})
	if err != nil {
		t.Fatalf("V3 call to the standalone mock: %v", err)
	}
	if body := fmt.Sprint(resp["body"]); !strings.Contains(body, "cenbwp-demo4xrxupouolw5ou") {
		t.Errorf("the seed's package is missing: %s", body)
	}
}

func TestByteSize(t *testing.T) {
	for text, want := range map[string]int64{"0": 0, "1000": 1000, "4KiB": 4096, "32MiB": 32 << 20, "2GiB": 2 << 30} {
		var b byteSize
		if err := b.Set(text); err != nil || int64(b) != want {
			t.Errorf("%q: %d %v, want %d", text, b, err, want)
		}
		if again := b.String(); again != text && text != "1000" {
			t.Errorf("%q prints as %q", text, again)
		}
	}
	for _, bad := range []string{"", "-1", "1.5MiB", "32MB", "KiB", "9223372036854775807GiB"} {
		var b byteSize
		if err := b.Set(bad); err == nil {
			t.Errorf("%q accepted as %d", bad, b)
		}
	}
}

func TestRun_rejectsBadInput(t *testing.T) {
	cases := map[string]struct {
		args []string
		want string
	}{
		"missing seed":            {[]string{"-addr", "127.0.0.1:0", "-seed", "does-not-exist.json"}, "does-not-exist.json"},
		"half key pair":           {[]string{"-addr", "127.0.0.1:0", "-access-key-secret", ""}, "set together"},
		"stray arg":               {[]string{"extra"}, "unexpected arguments"},
		"bad address":             {[]string{"-addr", "127.0.0.1:99999"}, "99999"},
		"negative call log limit": {[]string{"-addr", "127.0.0.1:0", "-call-log-limit", "-1"}, "call log limit"},
		"device as seed":          {[]string{"-addr", "127.0.0.1:0", "-seed", "/dev/zero"}, "/dev/zero"},
		"state in missing dir":    {[]string{"-addr", "127.0.0.1:0", "-state", "no-such-dir/state.json"}, "does not exist"},
		"bad rate limit":          {[]string{"-addr", "127.0.0.1:0", "-rate-limit", "DescribeBandwidthPackage:10"}, "-rate-limit"},
		"zero api rate limit":     {[]string{"-addr", "127.0.0.1:0", "-api-rate-limit", "*=0"}, "-api-rate-limit"},
		"bad call log budget":     {[]string{"-addr", "127.0.0.1:0", "-call-log-bytes", "12MB"}, "32MiB"},
		"negative call log bytes": {[]string{"-addr", "127.0.0.1:0", "-call-log-bytes", "-1"}, "32MiB"},
	}
	for name, tc := range cases {
		err := run(t.Context(), tc.args, io.Discard)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one mentioning %q", name, err, tc.want)
		}
	}
	if err := run(t.Context(), []string{"-h"}, io.Discard); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("-h: %v", err)
	}
}
