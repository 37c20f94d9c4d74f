package cen_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/mockcloud"
	"terraform-provider-alibabacloud/internal/mockcloud/cbn"
)

// testAccResourceType is the resource's type name.
const testAccResourceType = "alibabacloud_cen_bandwidth_temp_upgrade"

// TestProtocolDestroyWarning destroys an open upgrade the way Terraform does, over protocol 6
// against the mock, since terraform-plugin-testing does not show warnings: the
// destroy succeeds with one warning that names the bandwidth the package keeps, until when, and
// what it returns to; no mutating call is made and the mock still shows the window.
func TestProtocolDestroyWarning(t *testing.T) {
	const id = "cenbwp-destroy0001"
	end := testAccEndIn(24 * time.Hour)
	open := testAccUpgradedPackage(id, end)
	m := acctest.NewSeededMock(t, testAccDelay, mockcloud.State{CenBandwidthPackages: []cbn.Package{open}})
	ctx := context.Background()

	server, err := acctest.ProtoV6ProviderFactories[acctest.ProviderName]()
	if err != nil {
		t.Fatal(err)
	}
	schemas, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil || len(schemas.Diagnostics) > 0 {
		t.Fatalf("GetProviderSchema: %v %v", err, schemas.Diagnostics)
	}
	providerType := testAccObjectType(t, schemas.Provider.ValueType())
	endpoint := tftypes.NewValue(tftypes.String, m.URL)
	config := testAccDynamicValue(t, providerType, map[string]tftypes.Value{
		"region":     tftypes.NewValue(tftypes.String, "cn-hangzhou"),
		"access_key": tftypes.NewValue(tftypes.String, mockcloud.DefaultAccessKeyID),
		"secret_key": tftypes.NewValue(tftypes.String, mockcloud.DefaultAccessKeySecret),
		"endpoints": testAccObject(t, providerType.AttributeTypes["endpoints"],
			map[string]tftypes.Value{"cbn": endpoint, "ga": endpoint}),
	})
	configured, err := server.ConfigureProvider(ctx, &tfprotov6.ConfigureProviderRequest{TerraformVersion: "1.11.0", Config: config})
	if err != nil || len(configured.Diagnostics) > 0 {
		t.Fatalf("ConfigureProvider: %v %v", err, configured.Diagnostics)
	}

	resourceType := testAccObjectType(t, schemas.ResourceSchemas[testAccResourceType].ValueType())
	prior := testAccDynamicValue(t, resourceType, map[string]tftypes.Value{
		"id":                       tftypes.NewValue(tftypes.String, id),
		"cen_bandwidth_package_id": tftypes.NewValue(tftypes.String, id),
		"bandwidth":                tftypes.NewValue(tftypes.Number, 500),
		"end_time":                 tftypes.NewValue(tftypes.String, end),
		"original_bandwidth":       tftypes.NewValue(tftypes.Number, 100),
		"status":                   tftypes.NewValue(tftypes.String, "Active"),
	})
	destroyed, err := tfprotov6.NewDynamicValue(resourceType, tftypes.NewValue(resourceType, nil))
	if err != nil {
		t.Fatal(err)
	}
	m.Checkpoint()
	resp, err := server.ApplyResourceChange(ctx, &tfprotov6.ApplyResourceChangeRequest{
		TypeName:     testAccResourceType,
		PriorState:   prior,
		PlannedState: &destroyed,
		Config:       &destroyed,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(resp.Diagnostics) != 1 || resp.Diagnostics[0].Severity != tfprotov6.DiagnosticSeverityWarning {
		t.Fatalf("want exactly one warning, got %v", resp.Diagnostics)
	}
	detail := resp.Diagnostics[0].Detail
	for _, want := range []string{id, "keeps 500 Mbps", "until " + end, "returns to 100 Mbps", "cannot cancel"} {
		if !strings.Contains(detail, want) {
			t.Errorf("warning %q lacks %q", detail, want)
		}
	}
	if state, err := resp.NewState.Unmarshal(resourceType); err != nil || !state.IsNull() {
		t.Errorf("state after destroy: %v, %v; want null", state, err)
	}
	acctest.Check(t, m.CheckNoMutationSinceCheckpoint())
	acctest.Check(t, testAccCheckPackage(t, m, testAccReading{}, id, 500, 100, end))
}

// testAccObjectType asserts that typ is an object type.
func testAccObjectType(t *testing.T, typ tftypes.Type) tftypes.Object {
	t.Helper()
	obj, ok := typ.(tftypes.Object)
	if !ok {
		t.Fatalf("%v is not an object type", typ)
	}
	return obj
}

// testAccObject builds a value of the object type typ from vals, every other attribute null.
func testAccObject(t *testing.T, typ tftypes.Type, vals map[string]tftypes.Value) tftypes.Value {
	t.Helper()
	obj := testAccObjectType(t, typ)
	all := map[string]tftypes.Value{}
	for name, attrType := range obj.AttributeTypes {
		all[name] = tftypes.NewValue(attrType, nil)
	}
	for name, v := range vals {
		if _, ok := obj.AttributeTypes[name]; !ok {
			t.Fatalf("the schema has no attribute %q", name)
		}
		all[name] = v
	}
	return tftypes.NewValue(obj, all)
}

// testAccDynamicValue is testAccObject encoded for the protocol.
func testAccDynamicValue(t *testing.T, typ tftypes.Object, vals map[string]tftypes.Value) *tfprotov6.DynamicValue {
	t.Helper()
	dv, err := tfprotov6.NewDynamicValue(typ, testAccObject(t, typ, vals))
	if err != nil {
		t.Fatal(err)
	}
	return &dv
}
