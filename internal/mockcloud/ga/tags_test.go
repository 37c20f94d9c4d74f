package ga

import (
	"fmt"
	"net/http"
	"strconv"
	"testing"
)

// tagRows returns the rows of a ListTagResources answer as "id key=value".
func tagRows(t *testing.T, resp map[string]any) []string {
	t.Helper()
	var out listTagsResponse
	decode(t, resp, &out)
	rows := []string{}
	for _, r := range out.TagResources.TagResource {
		rows = append(rows, fmt.Sprintf("%s %s %s=%s", r.ResourceId, r.ResourceType, r.TagKey, r.TagValue))
	}
	return rows
}

func TestTagResourcesLifecycle(t *testing.T) {
	e := newEnv(t)
	a, b := e.createPostpay(), e.createPostpay()
	e.ok(actionTagResources, "ResourceType", ResourceTypeBandwidthPackage, "ResourceId.1", a, "ResourceId.2", b,
		"Tag.1.Key", "env", "Tag.1.Value", "prod", "Tag.2.Key", "team", "Tag.2.Value", "")
	e.ok(actionTagResources, "ResourceType", ResourceTypeBandwidthPackage, "ResourceId.1", b, "Tag.1.Key", "env", "Tag.1.Value", "test")

	got := tagRows(t, e.ok(actionListTagResources, "ResourceType", ResourceTypeBandwidthPackage, "ResourceId.1", a, "ResourceId.2", b))
	want := []string{a + " bandwidthpackage env=prod", a + " bandwidthpackage team=", b + " bandwidthpackage env=test", b + " bandwidthpackage team="}
	if !jsonEqual(got, want) {
		t.Errorf("tags = %v, want %v", got, want)
	}
	// By tag alone: a key with a value, a key with any value.
	if got := tagRows(t, e.ok(actionListTagResources, "ResourceType", ResourceTypeBandwidthPackage, "Tag.1.Key", "env", "Tag.1.Value", "prod")); len(got) != 2 || got[0] != a+" bandwidthpackage env=prod" {
		t.Errorf("by env=prod: %v", got)
	}
	if got := tagRows(t, e.ok(actionListTagResources, "ResourceType", ResourceTypeBandwidthPackage, "Tag.1.Key", "team")); len(got) != 4 {
		t.Errorf("by key team: %v", got)
	}
	expect(t, "DescribeBandwidthPackage", e.describe(a), map[string]any{
		"Tags": []map[string]string{{"Key": "env", "Value": "prod"}, {"Key": "team", "Value": ""}},
	})

	e.ok(actionUntagResources, "ResourceType", ResourceTypeBandwidthPackage, "ResourceId.1", a, "TagKey.1", "team")
	e.ok(actionUntagResources, "ResourceType", ResourceTypeBandwidthPackage, "ResourceId.1", b, "All", "true")
	got = tagRows(t, e.ok(actionListTagResources, "ResourceType", ResourceTypeBandwidthPackage, "ResourceId.1", a, "ResourceId.2", b))
	if !jsonEqual(got, []string{a + " bandwidthpackage env=prod"}) {
		t.Errorf("after untagging: %v", got)
	}
	// A plan without tags answers an empty list, not null.
	expect(t, "DescribeBandwidthPackage", e.describe(e.createPostpay()), map[string]any{"Tags": []map[string]string{}})

	// Accelerators are taggable too.
	e.ok(actionTagResources, "ResourceType", ResourceTypeAccelerator, "ResourceId.1", "ga-1", "Tag.1.Key", "k", "Tag.1.Value", "v")
	expect(t, "DescribeAccelerator", e.accelerator("ga-1"), map[string]any{"Tags": []map[string]string{{"Key": "k", "Value": "v"}}})
}

func TestTagResourcesRefusals(t *testing.T) {
	e := newEnv(t)
	id := e.createPostpay()
	tag := func(kv ...string) []string {
		return append([]string{"ResourceType", ResourceTypeBandwidthPackage, "ResourceId.1", id}, kv...)
	}
	tests := []struct {
		name   string
		status int
		code   string
		action string
		kv     []string
	}{
		{"no type", http.StatusBadRequest, CodeMissingParameter, actionTagResources, []string{"ResourceId.1", id, "Tag.1.Key", "k"}},
		{"acl type", http.StatusBadRequest, CodeInvalidParameter, actionTagResources, []string{"ResourceType", "acl", "ResourceId.1", "acl-1", "Tag.1.Key", "k"}},
		{"no resource", http.StatusBadRequest, CodeMissingParameter, actionTagResources, []string{"ResourceType", ResourceTypeBandwidthPackage, "Tag.1.Key", "k"}},
		{"unknown plan", http.StatusBadRequest, CodeNotExistBandwidthPackage, actionTagResources, []string{"ResourceType", ResourceTypeBandwidthPackage, "ResourceId.1", "gbwp-nope", "Tag.1.Key", "k"}},
		{"unknown accelerator", http.StatusBadRequest, CodeNotExistAccelerator, actionTagResources, []string{"ResourceType", ResourceTypeAccelerator, "ResourceId.1", "ga-nope", "Tag.1.Key", "k"}},
		{"no tag", http.StatusBadRequest, CodeMissingParameter, actionTagResources, tag()},
		{"empty key", http.StatusBadRequest, CodeInvalidParameter, actionTagResources, tag("Tag.1.Value", "v")},
		{"aliyun key", http.StatusBadRequest, CodeInvalidParameter, actionTagResources, tag("Tag.1.Key", "aliyun-x")},
		{"url value", http.StatusBadRequest, CodeInvalidParameter, actionTagResources, tag("Tag.1.Key", "k", "Tag.1.Value", "see https://x")},
		{"tag 21", http.StatusBadRequest, CodeInvalidParameter, actionTagResources, tag("Tag.21.Key", "k")},
		{"list needs ids or tags", http.StatusBadRequest, CodeMissingParameter, actionListTagResources, []string{"ResourceType", ResourceTypeBandwidthPackage}},
		{"list value without key", http.StatusBadRequest, CodeInvalidParameter, actionListTagResources, []string{"ResourceType", ResourceTypeBandwidthPackage, "Tag.1.Value", "v"}},
		{"bad token", http.StatusBadRequest, CodeInvalidParameter, actionListTagResources, tag("NextToken", "x")},
		{"group not rg", http.StatusBadRequest, CodeInvalidParameter, actionChangeRG, []string{"ResourceType", ResourceTypeBandwidthPackage, "ResourceId", id, "NewResourceGroupId", "group"}},
		{"group missing", http.StatusBadRequest, CodeMissingParameter, actionChangeRG, []string{"ResourceType", ResourceTypeBandwidthPackage, "ResourceId", id}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.fails(tt.status, tt.code, tt.action, tt.kv...)
		})
	}

	// 20 tags fit; a 21st is refused and changes nothing.
	kv := []string{}
	for i := 1; i <= 20; i++ {
		kv = append(kv, fmt.Sprintf("Tag.%d.Key", i), "k"+strconv.Itoa(i))
	}
	e.ok(actionTagResources, tag(kv...)...)
	e.ok(actionTagResources, tag("Tag.1.Key", "k1", "Tag.1.Value", "new")...) // an existing key changes its value
	e.fails(http.StatusBadRequest, CodeTagQuotaExceeded, actionTagResources, tag("Tag.1.Key", "k21")...)
	if got := tagRows(t, e.ok(actionListTagResources, tag()...)); len(got) != 20 || got[0] != id+" bandwidthpackage k1=new" {
		t.Errorf("after the refused 21st tag: %v", got)
	}
}

func TestListTagResourcesPages(t *testing.T) {
	e := newEnv(t)
	var ids []string
	for range 3 {
		id := e.createPostpay()
		ids = append(ids, id)
		kv := []string{"ResourceType", ResourceTypeBandwidthPackage, "ResourceId.1", id}
		for i := 1; i <= 20; i++ {
			kv = append(kv, fmt.Sprintf("Tag.%d.Key", i), "k"+strconv.Itoa(i), fmt.Sprintf("Tag.%d.Value", i), id)
		}
		e.ok(actionTagResources, kv...)
	}
	params := []string{"ResourceType", ResourceTypeBandwidthPackage, "ResourceId.1", ids[0], "ResourceId.2", ids[1], "ResourceId.3", ids[2]}
	seen := 0
	token := ""
	for page := 1; ; page++ {
		resp := e.ok(actionListTagResources, append(params, "NextToken", token)...)
		seen += len(tagRows(t, resp))
		token, _ = resp["NextToken"].(string)
		if token == "" {
			break
		}
		if page > 3 {
			t.Fatal("more pages than 60 rows need")
		}
	}
	if seen != 60 {
		t.Errorf("%d rows over all pages, want 60", seen)
	}
}

func TestChangeResourceGroup(t *testing.T) {
	e := newEnv(t)
	id := e.createPostpay("ResourceGroupId", "rg-first")
	expect(t, "created", e.describe(id), map[string]any{"ResourceGroupId": "rg-first"})
	e.ok(actionChangeRG, "ResourceType", ResourceTypeBandwidthPackage, "ResourceId", id, "NewResourceGroupId", "rg-second")
	expect(t, "moved", e.describe(id), map[string]any{"ResourceGroupId": "rg-second"})
	expect(t, "accelerator default", e.accelerator("ga-1"), map[string]any{"ResourceGroupId": DefaultResourceGroupID})
	e.ok(actionChangeRG, "ResourceType", ResourceTypeAccelerator, "ResourceId", "ga-1", "NewResourceGroupId", "rg-second")
	expect(t, "accelerator moved", e.accelerator("ga-1"), map[string]any{"ResourceGroupId": "rg-second"})
	plain := e.createPostpay()
	expect(t, "default group", e.describe(plain), map[string]any{"ResourceGroupId": DefaultResourceGroupID, "Tags": []any{}})
}
