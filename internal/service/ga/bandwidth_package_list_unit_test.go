package ga

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/framework/resourcetest"
)

const (
	listPackagesAct     = "ListBandwidthPackages"
	listAcceleratorsAct = "ListAccelerators"
)

// fakeLists is a fakeGA that also answers ListBandwidthPackages (its plans by id, filtered by
// the parameters the API filters by, at most 100 a page) and ListAccelerators (acceleratorNames,
// at most 50 a page).
type fakeLists struct {
	*fakeGA
	acceleratorNames map[string]string
	// refusePage is a page of ListBandwidthPackages answered with Throttling.User (0: none).
	refusePage int
}

// withLists returns f answering the List calls too.
func (f *fakeGA) withLists(acceleratorNames map[string]string) *fakeLists {
	l := &fakeLists{fakeGA: f, acceleratorNames: acceleratorNames}
	f.Handle(listPackagesAct, l.listPackages)
	f.Handle(listAcceleratorsAct, l.listAccelerators)
	return l
}

func (l *fakeLists) listPackages(request requests.AcsRequest, response responses.AcsResponse) error {
	req, _ := request.(*gasdk.ListBandwidthPackagesRequest)
	out, _ := response.(*gasdk.ListBandwidthPackagesResponse)
	page, size := pageOf(t0(req.PageNumber), t0(req.PageSize), 100)
	if page == l.refusePage {
		return resourcetest.APIError("Throttling.User")
	}
	var all []gasdk.BandwidthPackage
	for _, id := range slices.Sorted(maps.Keys(l.packages)) {
		p := l.packages[id]
		if (req.State == "" || req.State == p.State) && (req.Type == "" || req.Type == p.Type) &&
			(req.BandwidthPackageId == "" || req.BandwidthPackageId == id) {
			all = append(all, listedOf(p))
		}
	}
	out.TotalCount, out.BandwidthPackages = len(all), paged(all, page, size)
	return nil
}

func (l *fakeLists) listAccelerators(request requests.AcsRequest, response responses.AcsResponse) error {
	req, _ := request.(*gasdk.ListAcceleratorsRequest)
	out, _ := response.(*gasdk.ListAcceleratorsResponse)
	var all []gasdk.AcceleratorsItem
	for _, id := range slices.Sorted(maps.Keys(l.acceleratorNames)) {
		all = append(all, gasdk.AcceleratorsItem{AcceleratorId: id, Name: l.acceleratorNames[id]})
	}
	page, size := pageOf(t0(req.PageNumber), t0(req.PageSize), 50)
	out.TotalCount, out.Accelerators = len(all), paged(all, page, size)
	return nil
}

// sentParams are the parameters request sends, as the SDK writes them.
func sentParams(t *testing.T, request requests.AcsRequest) map[string]string {
	t.Helper()
	if err := requests.InitParams(request); err != nil {
		t.Fatal(err)
	}
	return request.GetQueryParams()
}

// t0 reads an integer parameter, 0 when absent.
func t0(v requests.Integer) int {
	n, _ := strconv.Atoi(string(v))
	return n
}

// pageOf is the page and the page size a List call asks for, with the API's defaults and cap.
func pageOf(page, size, maxSize int) (int, int) { return max(page, 1), min(max(size, 10), maxSize) }

// paged is page number page (from 1) of size items.
func paged[T any](items []T, page, size int) []T {
	start := min((page-1)*size, len(items))
	return items[start:min(start+size, len(items))]
}

// listedOf is p as ListBandwidthPackages shows it.
func listedOf(p *gasdk.DescribeBandwidthPackageResponse) gasdk.BandwidthPackage {
	return gasdk.BandwidthPackage{
		BandwidthPackageId: p.BandwidthPackageId, Name: p.Name, Description: p.Description, State: p.State,
		Bandwidth: p.Bandwidth, BandwidthType: p.BandwidthType, Type: p.Type, ChargeType: p.ChargeType,
		BillingType: p.BillingType, Ratio: p.Ratio, CbnGeographicRegionIdA: p.CbnGeographicRegionIdA,
		CbnGeographicRegionIdB: p.CbnGeographicRegionIdB, CreateTime: p.CreateTime, ExpiredTime: p.ExpiredTime,
		RegionId: p.RegionId, Accelerators: slices.Clone(p.Accelerators),
	}
}

// numberedPackages returns n plans gbwp-0001... named plan-0001..., every third a Subscription,
// every fourth Enhanced.
func numberedPackages(n int) []*gasdk.DescribeBandwidthPackageResponse {
	var out []*gasdk.DescribeBandwidthPackageResponse
	for i := 1; i <= n; i++ {
		p := testPackage()
		p.BandwidthPackageId, p.Name = fmt.Sprintf("gbwp-%04d", i), fmt.Sprintf("plan-%04d", i)
		if i%3 == 0 {
			p.ChargeType, p.BillingType = chargeTypePrepay, ""
		}
		if i%4 == 0 {
			p.BandwidthType = bandwidthTypeEnhanced
		}
		out = append(out, p)
	}
	return out
}

// runList runs l's List with config (a model of its list block) and returns every result.
func runList(t *testing.T, l list.ListResource, config any, includeResource bool, limit int64) []list.ListResult {
	t.Helper()
	ctx := context.Background()
	var schemaResp list.ListResourceSchemaResponse
	l.ListResourceConfigSchema(ctx, list.ListResourceSchemaRequest{}, &schemaResp)
	configState := tfsdk.State{Schema: schemaResp.Schema}
	if diags := configState.Set(ctx, config); diags.HasError() {
		t.Fatal(diags)
	}
	r, ok := l.(interface {
		list.ListResource
		SetAPI(gaAPI, string)
	})
	if !ok {
		t.Fatalf("%T has no API", l)
	}
	var metadata resource.MetadataResponse
	r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "alibabacloud"}, &metadata)
	var managed resource.Resource
	for _, newResource := range Resources() {
		res := newResource()
		var m resource.MetadataResponse
		res.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "alibabacloud"}, &m)
		if m.TypeName == metadata.TypeName {
			managed = res
		}
	}
	var identityResp resource.IdentitySchemaResponse
	managed.(resource.ResourceWithIdentity).IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &identityResp) //nolint:forcetypeassert // every resource has an identity
	req := list.ListRequest{
		Config:                 tfsdk.Config{Schema: schemaResp.Schema, Raw: configState.Raw},
		IncludeResource:        includeResource,
		Limit:                  limit,
		ResourceSchema:         resourcetest.Schema(t, managed),
		ResourceIdentitySchema: identityResp.IdentitySchema,
	}
	var stream list.ListResultsStream
	l.List(ctx, req, &stream)
	return slices.Collect(stream.Results)
}

// listModel is a list block of alibabacloud_ga_bandwidth_package with no filter.
func listModel() bandwidthPackageListModel {
	return bandwidthPackageListModel{IDs: types.ListNull(types.StringType), Tags: types.MapNull(types.StringType)}
}

// identityID reads the id of a result's identity.
func identityID(t *testing.T, r list.ListResult) string {
	t.Helper()
	var id types.String
	if diags := r.Identity.GetAttribute(context.Background(), path.Root("id"), &id); diags.HasError() {
		t.Fatal(diags)
	}
	return id.ValueString()
}

func TestBandwidthPackageListModelMatchesSchema(t *testing.T) {
	var resp list.ListResourceSchemaResponse
	NewBandwidthPackageListResource().ListResourceConfigSchema(context.Background(), list.ListResourceSchemaRequest{}, &resp)
	resourcetest.ExpectModelMatchesSchema(t, resp.Schema, bandwidthPackageListModel{})
	NewBandwidthPackageAttachmentListResource().ListResourceConfigSchema(context.Background(), list.ListResourceSchemaRequest{}, &resp)
	resourcetest.ExpectModelMatchesSchema(t, resp.Schema, bandwidthPackageAttachmentListModel{})
}

// testListResource returns the list resource newList builds, on api.
func testListResource[L interface {
	list.ListResource
	SetAPI(gaAPI, string)
}](newList func() list.ListResource, api gaAPI) list.ListResource {
	l, ok := newList().(L)
	if !ok {
		panic(fmt.Sprintf("%T is not the list resource wanted", newList()))
	}
	l.SetAPI(api, "cn-hangzhou")
	return l
}

// TestBandwidthPackageListEveryPage lists 250 plans, three pages: every one, in order, each
// with its identity and a display name; with a limit it stops reading pages once reached.
func TestBandwidthPackageListEveryPage(t *testing.T) {
	fake := newFakeGA(numberedPackages(250)...).withLists(nil)
	l := testListResource[*bandwidthPackageListResource](NewBandwidthPackageListResource, fake)

	results := runList(t, l, listModel(), false, 0)
	if len(results) != 250 {
		t.Fatalf("%d results, want 250", len(results))
	}
	for i, r := range results {
		resourcetest.ExpectNoDiagnostics(t, r.Diagnostics)
		if want := fmt.Sprintf("gbwp-%04d", i+1); identityID(t, r) != want {
			t.Fatalf("result %d is %s, want %s", i, identityID(t, r), want)
		}
		if !r.Resource.Raw.IsNull() {
			t.Fatalf("result %d has a resource, which Terraform did not ask for", i)
		}
	}
	if want := "plan-0004: 10 Mbps Basic Enhanced, PayAsYouGo, active"; results[3].DisplayName != want {
		t.Errorf("display name %q, want %q", results[3].DisplayName, want)
	}
	if calls := fake.Requests(listPackagesAct); len(calls) != 3 {
		t.Errorf("%d ListBandwidthPackages calls, want 3 pages", len(calls))
	} else if size := sentParams(t, calls[0])["PageSize"]; size != "100" {
		t.Errorf("PageSize %s, want 100, the most the API answers", size)
	}

	fake = newFakeGA(numberedPackages(250)...).withLists(nil)
	l = testListResource[*bandwidthPackageListResource](NewBandwidthPackageListResource, fake)
	if results := runList(t, l, listModel(), false, 120); len(results) != 120 {
		t.Errorf("limit 120: %d results", len(results))
	}
	if calls := fake.CallCount(listPackagesAct); calls != 2 {
		t.Errorf("limit 120: %d pages read, want 2", calls)
	}
}

// TestBandwidthPackageListFilters selects plans by every filter: the API's own (state, type,
// tags, a single id) are sent as its parameters, the others applied to its answers.
func TestBandwidthPackageListFilters(t *testing.T) {
	ids := func(results []list.ListResult) []string {
		var out []string
		for _, r := range results {
			resourcetest.ExpectNoDiagnostics(t, r.Diagnostics)
			out = append(out, identityID(t, r))
		}
		return out
	}
	withFilter := func(set func(*bandwidthPackageListModel)) bandwidthPackageListModel {
		m := listModel()
		set(&m)
		return m
	}
	for name, tc := range map[string]struct {
		config bandwidthPackageListModel
		want   []string
		params map[string]string
	}{
		"ids": {config: withFilter(func(m *bandwidthPackageListModel) {
			m.IDs = types.ListValueMust(types.StringType, []attr.Value{types.StringValue("gbwp-0002"), types.StringValue("gbwp-0005")})
		}), want: []string{"gbwp-0002", "gbwp-0005"}},
		"one id, sent": {config: withFilter(func(m *bandwidthPackageListModel) {
			m.IDs = types.ListValueMust(types.StringType, []attr.Value{types.StringValue("gbwp-0003")})
		}), want: []string{"gbwp-0003"}, params: map[string]string{"BandwidthPackageId": "gbwp-0003"}},
		"name_regex": {config: withFilter(func(m *bandwidthPackageListModel) { m.NameRegex = types.StringValue(`-000[12]$`) }),
			want: []string{"gbwp-0001", "gbwp-0002"}},
		"payment_type": {config: withFilter(func(m *bandwidthPackageListModel) { m.PaymentType = types.StringValue(paymentTypeSubscription) }),
			want: []string{"gbwp-0003", "gbwp-0006"}},
		"bandwidth_type": {config: withFilter(func(m *bandwidthPackageListModel) { m.BandwidthType = types.StringValue(bandwidthTypeEnhanced) }),
			want: []string{"gbwp-0004"}},
		"status and type, sent": {config: withFilter(func(m *bandwidthPackageListModel) {
			m.Status, m.Type = types.StringValue(packageStateActive), types.StringValue(packageTypeBasic)
		}), want: []string{"gbwp-0001", "gbwp-0002", "gbwp-0003", "gbwp-0004", "gbwp-0005", "gbwp-0006"},
			params: map[string]string{"State": "active", "Type": "Basic"}},
		"tags, sent": {config: withFilter(func(m *bandwidthPackageListModel) {
			m.Tags = types.MapValueMust(types.StringType, map[string]attr.Value{"team": types.StringValue("net"), "env": types.StringValue("prod")})
		}), want: []string{"gbwp-0001", "gbwp-0002", "gbwp-0003", "gbwp-0004", "gbwp-0005", "gbwp-0006"},
			params: map[string]string{"Tag.1.Key": "env", "Tag.1.Value": "prod", "Tag.2.Key": "team", "Tag.2.Value": "net"}},
	} {
		t.Run(name, func(t *testing.T) {
			fake := newFakeGA(numberedPackages(6)...).withLists(nil)
			l := testListResource[*bandwidthPackageListResource](NewBandwidthPackageListResource, fake)
			if got := ids(runList(t, l, tc.config, false, 0)); !slices.Equal(got, tc.want) {
				t.Errorf("listed %v, want %v", got, tc.want)
			}
			sent := sentParams(t, fake.Requests(listPackagesAct)[0])
			for k, v := range tc.params {
				if sent[k] != v {
					t.Errorf("parameter %s = %q, want %q (sent %v)", k, sent[k], v, sent)
				}
			}
		})
	}
}

// TestBandwidthPackageListResourceIsWhatReadReads: with include_resource, a listed plan's
// resource is the state a read after an import holds, so that the configuration Terraform
// generates from it plans no change.
func TestBandwidthPackageListResourceIsWhatReadReads(t *testing.T) {
	ctx := context.Background()
	bound := boundTestPackage()
	subscription := subscriptionPackage()
	subscription.BandwidthPackageId, subscription.Name = "gbwp-2", ""
	crossDomain := testPackage()
	crossDomain.BandwidthPackageId, crossDomain.Type, crossDomain.BandwidthType = "gbwp-3", packageTypeCrossDomain, ""
	crossDomain.CbnGeographicRegionIdA, crossDomain.CbnGeographicRegionIdB = geographicRegionChinaMainland, geographicRegionGlobal
	unpaid := subscriptionPackage()
	unpaid.BandwidthPackageId, unpaid.State = "gbwp-4", packageStateInit
	fake := newFakeGA(bound, subscription, crossDomain, unpaid).withLists(nil)
	l := testListResource[*bandwidthPackageListResource](NewBandwidthPackageListResource, fake)
	r := configured[*bandwidthPackageResource](t, NewBandwidthPackageResource, fake)
	s := packageSchema(t)

	results := runList(t, l, listModel(), true, 0)
	if len(results) != 4 {
		t.Fatalf("%d results, want 4", len(results))
	}
	for _, listed := range results {
		resourcetest.ExpectNoDiagnostics(t, listed.Diagnostics)
		id := identityID(t, listed)
		imported := tfsdk.State{Schema: s, Raw: resourcetest.Null(s)}
		if diags := imported.SetAttribute(ctx, path.Root("id"), id); diags.HasError() {
			t.Fatal(diags)
		}
		resp := resource.ReadResponse{State: imported}
		r.Read(ctx, resource.ReadRequest{State: imported}, &resp)
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		if !listed.Resource.Raw.Equal(resp.State.Raw) {
			t.Errorf("%s: listed\n%v\nread after import\n%v", id, listed.Resource.Raw, resp.State.Raw)
		}
	}
}

func TestBandwidthPackageListErrors(t *testing.T) {
	// The first page is answered, the second refused: the plans of the first are listed, then
	// the error ends the list.
	fake := newFakeGA(numberedPackages(150)...).withLists(nil)
	fake.refusePage = 2
	l := testListResource[*bandwidthPackageListResource](NewBandwidthPackageListResource, fake)
	results := runList(t, l, listModel(), false, 0)
	if len(results) != 101 {
		t.Fatalf("%d results, want the 100 plans of the first page and the error", len(results))
	}
	resourcetest.ExpectError(t, results[100].Diagnostics, "Listing GA bandwidth plans failed", "Throttling.User")

	unconfigured := runList(t, NewBandwidthPackageListResource(), listModel(), false, 0)
	if len(unconfigured) != 1 {
		t.Fatalf("unconfigured provider: %d results, want one error", len(unconfigured))
	}
	resourcetest.ExpectError(t, unconfigured[0].Diagnostics, "Provider not configured", "nothing can be listed")
}

// TestBandwidthPackageAttachmentList lists every binding of every plan, named by the plan's
// and the accelerator's names; with include_resource each is the attachment as read.
func TestBandwidthPackageAttachmentList(t *testing.T) {
	plans := numberedPackages(120)
	plans[0].Accelerators, plans[0].State = []string{"ga-a", "ga-b"}, packageStateBinded
	plans[119].Accelerators, plans[119].State = []string{"ga-c"}, packageStateBinded
	fake := newFakeGA(plans...).withLists(map[string]string{"ga-a": "web", "ga-b": "", "ga-c": "api"})
	l := testListResource[*bandwidthPackageAttachmentListResource](NewBandwidthPackageAttachmentListResource, fake)

	results := runList(t, l, bandwidthPackageAttachmentListModel{}, true, 0)
	var got []string
	for _, r := range results {
		resourcetest.ExpectNoDiagnostics(t, r.Diagnostics)
		var identity attachmentIdentity
		if diags := r.Identity.Get(context.Background(), &identity); diags.HasError() {
			t.Fatal(diags)
		}
		var m bandwidthPackageAttachmentModel
		if diags := r.Resource.Get(context.Background(), &m); diags.HasError() {
			t.Fatal(diags)
		}
		got = append(got, fmt.Sprintf("%s|%s|%s|%s|%s", identity.BandwidthPackageID.ValueString(), identity.AcceleratorID.ValueString(),
			r.DisplayName, m.ID.ValueString(), m.Status.ValueString()))
	}
	want := []string{
		"gbwp-0001|ga-a|plan-0001 bound to web|gbwp-0001:ga-a|binded",
		"gbwp-0001|ga-b|plan-0001 bound to (unnamed)|gbwp-0001:ga-b|binded",
		"gbwp-0120|ga-c|plan-0120 bound to api|gbwp-0120:ga-c|binded",
	}
	if !slices.Equal(got, want) {
		t.Errorf("listed\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	filtered := runList(t, l, bandwidthPackageAttachmentListModel{AcceleratorID: types.StringValue("ga-b"), BandwidthPackageID: types.StringValue("gbwp-0001")}, false, 0)
	if len(filtered) != 1 || !strings.Contains(filtered[0].DisplayName, "plan-0001") {
		t.Errorf("filtered to gbwp-0001 and ga-b: %v", filtered)
	}
	calls := fake.Requests(listPackagesAct)
	if sent := sentParams(t, calls[len(calls)-1]); sent["BandwidthPackageId"] != "gbwp-0001" {
		t.Errorf("the plan filter was not sent: %v", sent)
	}
}
