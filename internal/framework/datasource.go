package framework

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// ComputedString is a data source's computed string attribute described by description, the
// most common attribute of what a data source finds.
func ComputedString(description string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, MarkdownDescription: description}
}

// SetFoundIDs sets a data source's ids and names to those of the objects it found (ids, a
// filter too, then holds the ids found of those asked for, as the official provider's data
// sources do).
func SetFoundIDs(ctx context.Context, ids, names *types.List, foundIDs, foundNames []string) diag.Diagnostics {
	var diags, d diag.Diagnostics
	*ids, d = types.ListValueFrom(ctx, types.StringType, foundIDs)
	diags.Append(d...)
	*names, d = types.ListValueFrom(ctx, types.StringType, foundNames)
	diags.Append(d...)
	return diags
}
