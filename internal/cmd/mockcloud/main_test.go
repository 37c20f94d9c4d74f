package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"

	"terraform-provider-alibabacloud/internal/mockcloud"
)

func TestRun_servesUntilCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	stdoutR, stdoutW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-seed", "../../../examples/demo/seed.json", "-delay", "1s"}, stdoutW)
		_ = stdoutW.Close()
	}()

	line, err := bufio.NewReader(stdoutR).ReadString('\n')
	if err != nil {
		t.Fatalf("reading the first line: %v (run: %v)", err, <-done)
	}
	base := strings.TrimPrefix(strings.TrimSpace(line), "listening on ")
	u, err := url.Parse(base)
	if err != nil || u.Scheme != "http" || strings.HasSuffix(u.Host, ":0") || !strings.HasPrefix(line, "listening on http://127.0.0.1:") {
		t.Fatalf("first line %q", line)
	}

	client, err := sdk.NewClientWithOptions("cn-hangzhou", sdk.NewConfig().WithAutoRetry(false),
		credentials.NewAccessKeyCredential(mockcloud.DefaultAccessKeyID, mockcloud.DefaultAccessKeySecret))
	if err != nil {
		t.Fatal(err)
	}
	req := requests.NewCommonRequest()
	req.Scheme, req.Domain, req.Version, req.ApiName = "http", u.Host, "2017-09-12", "DescribeCenBandwidthPackages"
	resp, err := client.ProcessCommonRequest(req)
	if err != nil {
		t.Fatalf("SDK call to the standalone mock: %v", err)
	}
	if !strings.Contains(resp.GetHttpContentString(), "cenbwp-demo4xrxupouolw5ou") {
		t.Errorf("the seed's package is missing: %s", resp.GetHttpContentString())
	}

	cancel()
	if err := <-done; err != nil {
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

func TestRun_rejectsBadInput(t *testing.T) {
	cases := map[string]struct {
		args []string
		want string
	}{
		"missing seed":  {[]string{"-addr", "127.0.0.1:0", "-seed", "does-not-exist.json"}, "does-not-exist.json"},
		"half key pair": {[]string{"-addr", "127.0.0.1:0", "-access-key-secret", ""}, "set together"},
		"stray arg":     {[]string{"extra"}, "unexpected arguments"},
		"bad address":   {[]string{"-addr", "127.0.0.1:99999"}, "99999"},
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
