package ga

import (
	"context"
	"maps"
	"slices"
	"testing"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"terraform-provider-alibabacloud/internal/framework/resourcetest"
	fwtypes "terraform-provider-alibabacloud/internal/framework/types"
)

// Tags, resource group, renewal and the billing_type spellings, against fakeGA.

func TestTagChanges(t *testing.T) {
	remove, set := tagChanges(map[string]string{"a": "1", "b": "2", "c": "3"}, map[string]string{"b": "2", "c": "30", "d": "4"})
	if !slices.Equal(remove, []string{"a"}) || !slices.Equal(set, []apiTag{{"c", "30"}, {"d", "4"}}) {
		t.Errorf("remove %v, set %v", remove, set)
	}
	if remove, set := tagChanges(map[string]string{"a": "1"}, map[string]string{"a": "1"}); remove != nil || set != nil {
		t.Errorf("no change: remove %v, set %v", remove, set)
	}
}

func TestBillingTypeSemanticEquality(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"PayBy95", "PayBY95", true},
		{"PayBY95", "PayBy95", true},
		{"PayBY95", "PayBY95", true},
		{"PayByTraffic", "PayBY95", false},
		{"PayByTraffic", "PayByTraffic", true},
	} {
		equal, diags := billingTypeOrNull(tc.a).StringSemanticEquals(context.Background(), billingTypeOrNull(tc.b))
		if diags.HasError() || equal != tc.want {
			t.Errorf("%s ~ %s: %t %v, want %t", tc.a, tc.b, equal, diags, tc.want)
		}
	}
	if canonicalBillingType("PayBy95") != "PayBY95" || canonicalBillingType("PayByTraffic") != "PayByTraffic" {
		t.Error("canonicalBillingType")
	}
	_, diags := billingTypeOrNull("PayBY95").StringSemanticEquals(context.Background(), basetypes.NewStringValue("PayBY95"))
	if !diags.HasError() {
		t.Error("comparing with a plain string value: want an error")
	}
}

func TestCreate_settings(t *testing.T) {
	t.Run("PayBy95 sent as the API spells it, kept as written", func(t *testing.T) {
		f := newFakeGA()
		resp := create(t, f, with(paygValues, "billing_type", "PayBy95", "ratio", 40, "tags", map[string]any{"env": "test"},
			"resource_group_id", "rg-unit"))
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		req, _ := f.Requests(createPackageAct)[0].(*gasdk.CreateBandwidthPackageRequest)
		if req.BillingType != "PayBY95" || req.QueryParams["ResourceGroupId"] != "rg-unit" ||
			req.QueryParams["Tag.1.Key"] != "env" || req.QueryParams["Tag.1.Value"] != "test" {
			t.Errorf("create request: BillingType %q, query %v", req.BillingType, req.QueryParams)
		}
		got := resourcetest.Get[bandwidthPackageModel](t, resp.State)
		if got.BillingType.ValueString() != "PayBY95" || got.ResourceGroupID.ValueString() != "rg-unit" ||
			!maps.Equal(got.tagMap(), map[string]string{"env": "test"}) || got.AutoUseCoupon.ValueBool() {
			// Create's own flatten writes the API's spelling; the framework's semantic equality
			// keeps the planned one when it saves the state.
			t.Errorf("state %+v", got)
		}
	})

	t.Run("subscription: auto-renewal ordered, no renewal call", func(t *testing.T) {
		f := newFakeGA()
		resp := create(t, f, with(subscriptionValues, "renewal_status", renewalAuto, "auto_renew_duration", 4))
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		req, _ := f.Requests(createPackageAct)[0].(*gasdk.CreateBandwidthPackageRequest)
		if req.QueryParams["AutoRenew"] != "true" || req.QueryParams["AutoRenewDuration"] != "4" || f.CallCount(actionUpdateAutoRenew) != 0 {
			t.Errorf("create query %v, %d renewal updates", req.QueryParams, f.CallCount(actionUpdateAutoRenew))
		}
		got := resourcetest.Get[bandwidthPackageModel](t, resp.State)
		if got.RenewalStatus.ValueString() != renewalAuto || got.AutoRenewDuration.ValueInt64() != 4 {
			t.Errorf("renewal %s for %s", got.RenewalStatus, got.AutoRenewDuration)
		}
		// The renewal in effect was read once: nothing was sent after that read.
		if n := f.CallCount(actionDescribeAutoRenew); n != 1 {
			t.Errorf("%d reads of the renewal, want 1", n)
		}
	})

	t.Run("subscription: NotRenewal set once active", func(t *testing.T) {
		f := newFakeGA()
		resp := create(t, f, with(subscriptionValues, "renewal_status", renewalNone))
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		reqs := f.Requests(actionUpdateAutoRenew)
		if len(reqs) != 1 {
			t.Fatalf("%d renewal updates, want 1", len(reqs))
		}
		if req, _ := reqs[0].(*updateAutoRenewRequest); req.RenewalStatus != renewalNone || req.ClientToken == "" {
			t.Errorf("renewal update %+v", req)
		}
		if got := resourcetest.Get[bandwidthPackageModel](t, resp.State); got.RenewalStatus.ValueString() != renewalNone {
			t.Errorf("renewal_status %s", got.RenewalStatus)
		}
		// Read before the change, and again after it for the state.
		if n := f.CallCount(actionDescribeAutoRenew); n != 2 {
			t.Errorf("%d reads of the renewal, want 2", n)
		}
	})

	t.Run("a failed renewal call is a warning, not a second purchase", func(t *testing.T) {
		f := newFakeGA()
		f.FailNext(actionUpdateAutoRenew, resourcetest.APIError("InvalidParameter"))
		resp := create(t, f, with(subscriptionValues, "renewal_status", renewalNone))
		if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
			t.Fatalf("want one warning, got %v", resp.Diagnostics)
		}
		if got := resourcetest.Get[bandwidthPackageModel](t, resp.State); got.ID.IsNull() || got.RenewalStatus.ValueString() != renewalManual {
			t.Errorf("state %+v: want the plan saved with the renewal in effect", got)
		}
	})
}

func TestUpdate_settings(t *testing.T) {
	t.Run("tags and group: their own calls, no UpdateBandwidthPackage", func(t *testing.T) {
		p := testPackage()
		f := newFakeGA(p)
		f.tags[p.BandwidthPackageId] = map[string]string{"a": "1", "b": "2"}
		resp := update(t, f, p, with(paygValues, "tags", map[string]any{"a": "1", "b": "2"}), func(m *bandwidthPackageModel) {
			m.Tags = types.MapValueMust(types.StringType, map[string]attr.Value{"b": types.StringValue("3")})
			m.ResourceGroupID = types.StringValue("rg-new")
		})
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		want := []string{describePackageAct, actionUntagResources, actionTagResources, actionChangeResourceGroup, describePackageAct, actionListTagResources}
		if !slices.Equal(f.Calls(), want) {
			t.Errorf("calls %v, want %v", f.Calls(), want)
		}
		got := resourcetest.Get[bandwidthPackageModel](t, resp.State)
		if !maps.Equal(got.tagMap(), map[string]string{"b": "3"}) || got.ResourceGroupID.ValueString() != "rg-new" {
			t.Errorf("tags %s, group %s", got.Tags, got.ResourceGroupID)
		}
	})

	t.Run("billing_type respelled: nothing sent", func(t *testing.T) {
		p := testPackage()
		p.BillingType, p.Ratio = billingTypePayBY95, 40
		f := newFakeGA(p)
		resp := update(t, f, p, with(paygValues, "billing_type", "PayBY95", "ratio", 40), func(m *bandwidthPackageModel) {
			m.BillingType = billingTypeOrNull("PayBy95")
		})
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		for _, call := range f.Calls() {
			if call != describePackageAct && call != actionListTagResources {
				t.Errorf("sent %s", call)
			}
		}
	})

	t.Run("renewal of a subscription", func(t *testing.T) {
		p := subscriptionPackage()
		f := newFakeGA(p)
		resp := update(t, f, p, with(subscriptionValues, "renewal_status", renewalManual), func(m *bandwidthPackageModel) {
			m.RenewalStatus = types.StringValue(renewalAuto)
			m.AutoRenewDuration = fwtypes.Int64Value(2)
		})
		resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
		reqs := f.Requests(actionUpdateAutoRenew)
		if len(reqs) != 1 {
			t.Fatalf("%d renewal updates, want 1", len(reqs))
		}
		if req, _ := reqs[0].(*updateAutoRenewRequest); req.RenewalStatus != renewalAuto || req.AutoRenewDuration != "2" {
			t.Errorf("renewal update %+v", req)
		}
		if f.CallCount(updatePackageAct) != 0 {
			t.Error("UpdateBandwidthPackage sent for a renewal change")
		}
	})
}

// TestRead_settings reads the tags from DescribeBandwidthPackage's answer when it lists them (a
// refresh of a plan then costs no ListTagResources call), from ListTagResources when it does not,
// and the renewal of a Subscription from DescribeBandwidthPackageAutoRenewAttribute.
func TestRead_settings(t *testing.T) {
	for _, tc := range []struct {
		name         string
		describeTags bool
		wantCalls    []string
	}{
		{"tags in the describe answer", true, []string{describePackageAct, actionDescribeAutoRenew}},
		{"no tags in the describe answer", false, []string{describePackageAct, actionListTagResources, actionDescribeAutoRenew}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := subscriptionPackage()
			f := newFakeGA(p)
			f.describeTags = tc.describeTags
			f.tags[p.BandwidthPackageId] = map[string]string{"added": "outside"}
			f.groups[p.BandwidthPackageId] = "rg-x"
			f.renewals[p.BandwidthPackageId] = describeAutoRenewResponse{RenewalStatus: renewalNone}
			s := packageSchema(t)
			state := stateOf(t, s, p, subscriptionValues)
			resp := resource.ReadResponse{State: state}
			configured[*bandwidthPackageResource](t, NewBandwidthPackageResource, f).Read(context.Background(), resource.ReadRequest{State: state}, &resp)
			resourcetest.ExpectNoDiagnostics(t, resp.Diagnostics)
			got := resourcetest.Get[bandwidthPackageModel](t, resp.State)
			if !maps.Equal(got.tagMap(), map[string]string{"added": "outside"}) || got.ResourceGroupID.ValueString() != "rg-x" ||
				got.RenewalStatus.ValueString() != renewalNone || !got.AutoRenewDuration.IsNull() {
				t.Errorf("state %+v", got)
			}
			if !slices.Equal(f.Calls(), tc.wantCalls) {
				t.Errorf("calls %v, want %v", f.Calls(), tc.wantCalls)
			}
		})
	}
}

func TestListedPackages_extras(t *testing.T) {
	resp := gasdk.CreateListBandwidthPackagesResponse()
	err := answerJSON(resp, map[string]any{"TotalCount": 2, "BandwidthPackages": []map[string]any{
		{"BandwidthPackageId": "gbwp-1", "Name": "a", "ResourceGroupId": "rg-1", "Tags": []map[string]string{{"Key": "env", "Value": "prod"}}},
		{"BandwidthPackageId": "gbwp-2", "Name": "b"},
	}})
	if err != nil {
		t.Fatal(err)
	}
	got := listedPackages(resp)
	if len(got) != 2 || got[0].Name != "a" || got[0].ResourceGroupID != "rg-1" || !maps.Equal(got[0].Tags, map[string]string{"env": "prod"}) ||
		got[1].ResourceGroupID != "" || len(got[1].Tags) != 0 {
		t.Errorf("listed %+v", got)
	}
}
