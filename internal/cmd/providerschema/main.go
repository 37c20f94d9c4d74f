// Command providerschema prints the provider's schemas as `terraform providers schema -json`
// prints them, read from the provider in-process: its configuration, resources with their
// identities, list resources and actions. `make docs` gives it to tfplugindocs
// (--providers-schema), so that the documentation is the same whichever Terraform is installed
// (list resources and actions appear in Terraform's output only from 1.14, identities from 1.12).
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	tfjson "github.com/hashicorp/terraform-json"
	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/zclconf/go-cty/cty"

	"terraform-provider-alibabacloud/internal/provider"
)

func main() {
	schemas, err := providerSchemas(context.Background())
	if err != nil {
		fmt.Fprintln(os.Stderr, "providerschema:", err)
		os.Exit(1)
	}
	out := json.NewEncoder(os.Stdout)
	out.SetIndent("", "  ")
	if err := out.Encode(schemas); err != nil {
		fmt.Fprintln(os.Stderr, "providerschema:", err)
		os.Exit(1)
	}
}

// providerSchemas asks the provider for its schemas over protocol 6 and returns them as
// Terraform's JSON shows them, under the provider's type name (the key tfplugindocs looks for).
func providerSchemas(ctx context.Context) (*tfjson.ProviderSchemas, error) {
	server := providerserver.NewProtocol6(provider.New("docs")())()
	resp, err := server.GetProviderSchema(ctx, &tfprotov6.GetProviderSchemaRequest{})
	if err != nil {
		return nil, err
	}
	identities, err := server.GetResourceIdentitySchemas(ctx, &tfprotov6.GetResourceIdentitySchemasRequest{})
	if err != nil {
		return nil, err
	}
	for _, d := range append(resp.Diagnostics, identities.Diagnostics...) {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return nil, fmt.Errorf("%s: %s", d.Summary, d.Detail)
		}
	}

	var c converter
	ps := &tfjson.ProviderSchema{
		ConfigSchema:            c.schema(resp.Provider),
		ResourceSchemas:         map[string]*tfjson.Schema{},
		ListResourceSchemas:     map[string]*tfjson.Schema{},
		ActionSchemas:           map[string]*tfjson.ActionSchema{},
		ResourceIdentitySchemas: map[string]*tfjson.IdentitySchema{},
	}
	for name, s := range resp.ResourceSchemas {
		ps.ResourceSchemas[name] = c.schema(s)
	}
	for name, s := range resp.DataSourceSchemas {
		if ps.DataSourceSchemas == nil {
			ps.DataSourceSchemas = map[string]*tfjson.Schema{}
		}
		ps.DataSourceSchemas[name] = c.schema(s)
	}
	for name, s := range resp.ListResourceSchemas {
		ps.ListResourceSchemas[name] = c.schema(s)
	}
	for name, s := range resp.ActionSchemas {
		ps.ActionSchemas[name] = &tfjson.ActionSchema{Block: c.block(s.Schema.Block)}
	}
	for name, s := range identities.IdentitySchemas {
		identity := &tfjson.IdentitySchema{Version: uint64(s.Version), Attributes: map[string]*tfjson.IdentityAttribute{}}
		for _, a := range s.IdentityAttributes {
			identity.Attributes[a.Name] = &tfjson.IdentityAttribute{
				IdentityType: c.ctyType(a.Type), Description: a.Description,
				RequiredForImport: a.RequiredForImport, OptionalForImport: a.OptionalForImport,
			}
		}
		ps.ResourceIdentitySchemas[name] = identity
	}
	if c.err != nil {
		return nil, c.err
	}
	return &tfjson.ProviderSchemas{
		FormatVersion: "1.0",
		Schemas:       map[string]*tfjson.ProviderSchema{provider.TypeName: ps},
	}, nil
}

// converter turns protocol schemas into their JSON form; err holds the first failure.
type converter struct{ err error }

func (c *converter) schema(s *tfprotov6.Schema) *tfjson.Schema {
	return &tfjson.Schema{Version: uint64(s.Version), Block: c.block(s.Block)}
}

func (c *converter) block(b *tfprotov6.SchemaBlock) *tfjson.SchemaBlock {
	out := &tfjson.SchemaBlock{
		Attributes:      c.attributes(b.Attributes),
		Description:     b.Description,
		DescriptionKind: descriptionKind(b.DescriptionKind),
		Deprecated:      b.Deprecated,
	}
	for _, nested := range b.BlockTypes {
		if out.NestedBlocks == nil {
			out.NestedBlocks = map[string]*tfjson.SchemaBlockType{}
		}
		out.NestedBlocks[nested.TypeName] = &tfjson.SchemaBlockType{
			NestingMode: blockNesting[nested.Nesting],
			Block:       c.block(nested.Block),
			MinItems:    uint64(nested.MinItems),
			MaxItems:    uint64(nested.MaxItems),
		}
	}
	return out
}

func (c *converter) attributes(attributes []*tfprotov6.SchemaAttribute) map[string]*tfjson.SchemaAttribute {
	if len(attributes) == 0 {
		return nil
	}
	out := map[string]*tfjson.SchemaAttribute{}
	for _, a := range attributes {
		attribute := &tfjson.SchemaAttribute{
			Description: a.Description, DescriptionKind: descriptionKind(a.DescriptionKind), Deprecated: a.Deprecated,
			Required: a.Required, Optional: a.Optional, Computed: a.Computed, Sensitive: a.Sensitive, WriteOnly: a.WriteOnly,
		}
		if a.NestedType != nil {
			attribute.AttributeNestedType = &tfjson.SchemaNestedAttributeType{
				Attributes:  c.attributes(a.NestedType.Attributes),
				NestingMode: objectNesting[a.NestedType.Nesting],
			}
		} else {
			attribute.AttributeType = c.ctyType(a.Type)
		}
		out[a.Name] = attribute
	}
	return out
}

// ctyType converts a protocol type through the JSON form both share.
func (c *converter) ctyType(t tftypes.Type) cty.Type {
	encoded, err := t.MarshalJSON() //nolint:staticcheck // the JSON type form Terraform uses
	if err != nil {
		c.err = err
		return cty.NilType
	}
	var out cty.Type
	if err := out.UnmarshalJSON(encoded); err != nil && c.err == nil {
		c.err = err
	}
	return out
}

func descriptionKind(k tfprotov6.StringKind) tfjson.SchemaDescriptionKind {
	if k == tfprotov6.StringKindMarkdown {
		return tfjson.SchemaDescriptionKindMarkdown
	}
	return tfjson.SchemaDescriptionKindPlain
}

// blockNesting and objectNesting name the protocol's nesting modes as the JSON form does.
var (
	blockNesting = map[tfprotov6.SchemaNestedBlockNestingMode]tfjson.SchemaNestingMode{
		tfprotov6.SchemaNestedBlockNestingModeSingle: tfjson.SchemaNestingModeSingle,
		tfprotov6.SchemaNestedBlockNestingModeList:   tfjson.SchemaNestingModeList,
		tfprotov6.SchemaNestedBlockNestingModeSet:    tfjson.SchemaNestingModeSet,
		tfprotov6.SchemaNestedBlockNestingModeMap:    tfjson.SchemaNestingModeMap,
		tfprotov6.SchemaNestedBlockNestingModeGroup:  tfjson.SchemaNestingModeGroup,
	}
	objectNesting = map[tfprotov6.SchemaObjectNestingMode]tfjson.SchemaNestingMode{
		tfprotov6.SchemaObjectNestingModeSingle: tfjson.SchemaNestingModeSingle,
		tfprotov6.SchemaObjectNestingModeList:   tfjson.SchemaNestingModeList,
		tfprotov6.SchemaObjectNestingModeSet:    tfjson.SchemaNestingModeSet,
		tfprotov6.SchemaObjectNestingModeMap:    tfjson.SchemaNestingModeMap,
	}
)
