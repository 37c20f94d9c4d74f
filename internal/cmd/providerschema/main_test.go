package main

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
	tfjson "github.com/hashicorp/terraform-json"

	"terraform-provider-alibabacloud/internal/acctest"
	"terraform-provider-alibabacloud/internal/provider"
)

func TestProviderSchemas(t *testing.T) {
	schemas, err := providerSchemas(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	ps := schemas.Schemas[provider.TypeName]
	for _, name := range []string{"alibabacloud_ga_bandwidth_package", "alibabacloud_ga_bandwidth_package_attachment", "alibabacloud_cen_bandwidth_temp_upgrade"} {
		if ps.ResourceSchemas[name] == nil || ps.ListResourceSchemas[name] == nil || ps.ResourceIdentitySchemas[name] == nil {
			t.Errorf("%s: resource %t, list resource %t, identity %t", name,
				ps.ResourceSchemas[name] != nil, ps.ListResourceSchemas[name] != nil, ps.ResourceIdentitySchemas[name] != nil)
		}
	}
	if ps.ActionSchemas["alibabacloud_cen_temp_upgrade_bandwidth_package"] == nil {
		t.Error("no action schema")
	}
	if a := ps.ResourceSchemas["alibabacloud_cen_bandwidth_temp_upgrade"].Block.Attributes["bandwidth"]; a == nil || !a.Required || a.DescriptionKind != tfjson.SchemaDescriptionKindMarkdown {
		t.Errorf("bandwidth attribute %+v", a)
	}
}

// TestAccProviderSchemasAsTerraformShowsThem compares the schemas with what Terraform itself
// prints (terraform providers schema -json), which has list resources and actions from 1.14.
func TestAccProviderSchemasAsTerraformShowsThem(t *testing.T) {
	t.Parallel()
	cli := acctest.NewCLI(t, acctest.ListResources)
	cli.WriteFile("main.tf", acctest.RequiredProviders)
	cli.MustRun("init", "-input=false")
	out, err := cli.StdoutOf("providers", "schema", "-json")
	if err != nil {
		t.Fatal(err)
	}
	var fromTerraform tfjson.ProviderSchemas
	if err := json.Unmarshal([]byte(out), &fromTerraform); err != nil {
		t.Fatal(err)
	}
	ours, err := providerSchemas(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(asJSON(t, fromTerraform.Schemas[provider.Address]), asJSON(t, ours.Schemas[provider.TypeName])); diff != "" {
		t.Errorf("the schemas differ from Terraform's (-Terraform +ours):\n%s", diff)
	}
}

// asJSON is v as generic JSON values, to compare.
func asJSON(t *testing.T, v any) any {
	t.Helper()
	encoded, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var out any
	if err := json.Unmarshal(encoded, &out); err != nil {
		t.Fatal(err)
	}
	return out
}
