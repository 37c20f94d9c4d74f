package framework

import (
	"context"
	"errors"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/auth/credentials"
	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"terraform-provider-alibabacloud/internal/conns"
)

// cbnOf picks the Cbn service, as a product package's ClientOf does.
func cbnOf(c *conns.Client) *conns.Service { return c.CBN }

func testClient(t *testing.T) *conns.Client {
	t.Helper()
	c, err := conns.New(conns.Config{Region: "eu-central-1", Credentials: credentials.NewStaticAKCredentialsProvider("LTAI-test", "secret")})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestResourceWithClient(t *testing.T) {
	client := testClient(t)
	r := NewResourceWithClient(cbnOf)
	var resp resource.ConfigureResponse

	// Not configured yet (validation, unknown provider values): no client, no diagnostic.
	r.Configure(context.Background(), resource.ConfigureRequest{}, &resp)
	if r.Configured() || r.API() != nil || resp.Diagnostics.HasError() {
		t.Fatalf("unconfigured: configured %t, api %v, diags %v", r.Configured(), r.API(), resp.Diagnostics)
	}

	r.Configure(context.Background(), resource.ConfigureRequest{ProviderData: client}, &resp)
	if !r.Configured() || r.API() != client.CBN || r.Region() != "eu-central-1" || resp.Diagnostics.HasError() {
		t.Errorf("configured: %t, api %p (want %p), region %q, diags %v", r.Configured(), r.API(), client.CBN, r.Region(), resp.Diagnostics)
	}

	wrong := NewResourceWithClient(cbnOf)
	wrong.Configure(context.Background(), resource.ConfigureRequest{ProviderData: "not a client"}, &resp)
	if wrong.Configured() || !resp.Diagnostics.HasError() {
		t.Errorf("provider data of another type: configured %t, diags %v", wrong.Configured(), resp.Diagnostics)
	}
}

func TestDataSourceAndActionWithClient(t *testing.T) {
	client := testClient(t)
	d := NewDataSourceWithClient(cbnOf)
	var dresp datasource.ConfigureResponse
	d.Configure(context.Background(), datasource.ConfigureRequest{ProviderData: client}, &dresp)
	if !d.Configured() || d.API() != client.CBN || dresp.Diagnostics.HasError() {
		t.Errorf("data source: configured %t, diags %v", d.Configured(), dresp.Diagnostics)
	}
	a := NewActionWithClient(cbnOf)
	var aresp action.ConfigureResponse
	a.Configure(context.Background(), action.ConfigureRequest{ProviderData: client}, &aresp)
	if !a.Configured() || a.API() != client.CBN || aresp.Diagnostics.HasError() {
		t.Errorf("action: configured %t, diags %v", a.Configured(), aresp.Diagnostics)
	}
}

func TestSetAPI(t *testing.T) {
	r := NewResourceWithClient(func(*conns.Client) string { return "unused" })
	r.SetAPI("fake", "cn-hangzhou")
	if !r.Configured() || r.API() != "fake" || r.Region() != "cn-hangzhou" {
		t.Errorf("SetAPI: %t %q %q", r.Configured(), r.API(), r.Region())
	}
}

// TestUnconfiguredResourceAnswersNotConfigured: a resource Terraform applies without configuring
// the provider (terraform test does, when the provider block's values are not known) gets an
// error from its calls, not a crash.
func TestUnconfiguredResourceAnswersNotConfigured(t *testing.T) {
	r := NewResourceWithClient(cbnOf)
	if r.Configured() {
		t.Fatal("configured before Configure")
	}
	err := r.API().Do(t.Context(), cbn.CreateDescribeCenBandwidthPackagesRequest(), cbn.CreateDescribeCenBandwidthPackagesResponse())
	if !errors.Is(err, conns.ErrNotConfigured) {
		t.Errorf("call of an unconfigured resource: %v, want conns.ErrNotConfigured", err)
	}
}
