package framework

import "github.com/hashicorp/terraform-plugin-framework/datasource/schema"

// ComputedString is a data source's computed string attribute described by description, the
// most common attribute of what a data source finds.
func ComputedString(description string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: description}
}
