package cen

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"terraform-provider-alibabacloud/internal/framework/resourcetest"
)

// runTempUpgradeList runs the list resource on api (nil: not configured) and returns every
// result.
func runTempUpgradeList(t *testing.T, api cbnAPI, includeResource bool, limit int64) []list.ListResult {
	t.Helper()
	ctx := context.Background()
	l, ok := NewBandwidthTempUpgradeListResource().(*bandwidthTempUpgradeListResource)
	if !ok {
		t.Fatal("NewBandwidthTempUpgradeListResource returned another type")
	}
	if api != nil {
		l.SetAPI(api, "cn-hangzhou")
	}
	var schemaResp list.ListResourceSchemaResponse
	l.ListResourceConfigSchema(ctx, list.ListResourceSchemaRequest{}, &schemaResp)
	var identityResp resource.IdentitySchemaResponse
	testResource(nil).IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &identityResp)
	req := list.ListRequest{
		Config:                 tfsdk.Config{Schema: schemaResp.Schema, Raw: tftypes.NewValue(schemaResp.Schema.Type().TerraformType(ctx), nil)},
		IncludeResource:        includeResource,
		Limit:                  limit,
		ResourceSchema:         testSchema(t),
		ResourceIdentitySchema: identityResp.IdentitySchema,
	}
	var stream list.ListResultsStream
	l.List(ctx, req, &stream)
	return slices.Collect(stream.Results)
}

// numberedPackages returns n packages cenbwp-unit0001... at 100 Mbps, those numbered by a
// multiple of every with a window at 500 Mbps for a day.
func numberedPackages(n, every int) []cbn.CenBandwidthPackage {
	var out []cbn.CenBandwidthPackage
	for i := 1; i <= n; i++ {
		p := testPackage(100)
		p.CenBandwidthPackageId, p.Name = fmt.Sprintf("cenbwp-unit%04d", i), fmt.Sprintf("pkg-%04d", i)
		if i%every == 0 {
			p = withWindow(p, 500, testNow.Add(24*time.Hour))
		}
		out = append(out, p)
	}
	return out
}

// TestTempUpgradeListEveryPage lists 120 packages (three pages of 50), 40 with a window: those
// 40 are listed, by package id, named by their package and window; Terraform's limit stops
// the reading of pages.
func TestTempUpgradeListEveryPage(t *testing.T) {
	fake := newFakeCBN(numberedPackages(120, 3)...)
	results := runTempUpgradeList(t, fake, false, 0)
	var ids []string
	for _, r := range results {
		resourcetest.ExpectNoDiagnostics(t, r.Diagnostics)
		var id types.String
		if diags := r.Identity.GetAttribute(context.Background(), path.Root("id"), &id); diags.HasError() {
			t.Fatal(diags)
		}
		ids = append(ids, id.ValueString())
	}
	if len(ids) != 40 || ids[0] != "cenbwp-unit0003" || ids[39] != "cenbwp-unit0120" {
		t.Errorf("listed %d: %v", len(ids), ids)
	}
	if want := "pkg-0003: 500 Mbps until " + testNow.Add(24*time.Hour).Format(endTimeLayout) + ", then 100 Mbps"; results[0].DisplayName != want {
		t.Errorf("display name %q, want %q", results[0].DisplayName, want)
	}
	if calls := fake.CallCount(describeAct); calls != 3 {
		t.Errorf("%d describe calls, want 3 pages", calls)
	}

	fake = newFakeCBN(numberedPackages(120, 3)...)
	if results := runTempUpgradeList(t, fake, false, 10); len(results) != 10 {
		t.Errorf("limit 10: %d results", len(results))
	}
	if calls := fake.CallCount(describeAct); calls != 1 {
		t.Errorf("limit 10: %d pages read, want 1", calls)
	}
}

// TestTempUpgradeListResourceIsWhatReadReads: with include_resource, a listed window's
// resource is the state a read after an import holds.
func TestTempUpgradeListResourceIsWhatReadReads(t *testing.T) {
	ctx := context.Background()
	fake := newFakeCBN(numberedPackages(4, 2)...)
	r := testResource(fake)
	s := testSchema(t)
	results := runTempUpgradeList(t, fake, true, 0)
	if len(results) != 2 {
		t.Fatalf("%d results, want 2", len(results))
	}
	for _, listed := range results {
		resourcetest.ExpectNoDiagnostics(t, listed.Diagnostics)
		var id types.String
		listed.Identity.GetAttribute(ctx, path.Root("id"), &id)
		var importResp resource.ImportStateResponse
		importResp.State = tfsdk.State{Schema: s, Raw: resourcetest.Null(s)}
		r.ImportState(ctx, resource.ImportStateRequest{ID: id.ValueString()}, &importResp)
		resourcetest.ExpectNoDiagnostics(t, importResp.Diagnostics)
		readResp := resource.ReadResponse{State: importResp.State}
		r.Read(ctx, resource.ReadRequest{State: importResp.State}, &readResp)
		resourcetest.ExpectNoDiagnostics(t, readResp.Diagnostics)
		if !listed.Resource.Raw.Equal(readResp.State.Raw) {
			t.Errorf("%s: listed\n%v\nread after import\n%v", id, listed.Resource.Raw, readResp.State.Raw)
		}
	}
}

func TestTempUpgradeListErrors(t *testing.T) {
	fake := newFakeCBN(numberedPackages(60, 1)...)
	fake.FailNext(describeAct, resourcetest.APIError("Throttling.User"))
	results := runTempUpgradeList(t, fake, false, 0)
	if len(results) != 1 {
		t.Fatalf("%d results, want one error", len(results))
	}
	resourcetest.ExpectError(t, results[0].Diagnostics, "Listing CEN bandwidth packages failed", "Throttling.User")

	results = runTempUpgradeList(t, nil, false, 0)
	if len(results) != 1 {
		t.Fatalf("unconfigured: %d results, want one error", len(results))
	}
	resourcetest.ExpectError(t, results[0].Diagnostics, "Provider not configured")
}
