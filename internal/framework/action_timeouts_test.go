package framework

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/action/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// invokeTimeout is an action's timeouts block with invoke set to d ("" for null).
func invokeTimeout(d string) timeouts.Value {
	value := types.StringNull()
	if d != "" {
		value = types.StringValue(d)
	}
	return timeouts.Value{Object: types.ObjectValueMust(map[string]attr.Type{"invoke": types.StringType}, map[string]attr.Value{"invoke": value})}
}

func TestWithInvokeTimeout(t *testing.T) {
	var w WithInvokeTimeout
	w.SetDefaultInvokeTimeout(10 * time.Minute)
	ctx := context.Background()

	block, ok := w.TimeoutsBlock(ctx).(schema.SingleNestedBlock)
	if !ok {
		t.Fatalf("timeouts block is %T", w.TimeoutsBlock(ctx))
	}
	invoke, ok := block.Attributes["invoke"].(schema.StringAttribute)
	if !ok || len(block.Attributes) != 1 || !strings.Contains(invoke.MarkdownDescription, "Default `10m`") {
		t.Fatalf("timeouts block attributes %v", block.Attributes)
	}
	for value, valid := range map[string]bool{"90s": true, "0s": false, "-5m": false, "soon": false} {
		var resp validator.StringResponse
		for _, v := range invoke.Validators {
			v.ValidateString(ctx, validator.StringRequest{Path: path.Root("timeouts").AtName("invoke"), ConfigValue: types.StringValue(value)}, &resp)
		}
		if resp.Diagnostics.HasError() == valid {
			t.Errorf("invoke = %q: diagnostics %v, want valid %t", value, resp.Diagnostics, valid)
		}
	}

	var diags diag.Diagnostics
	if d, ok := w.InvokeDeadline(ctx, invokeTimeout("90s"), &diags); !ok || d.Timeout() != 90*time.Second || d.Attribute() != "timeouts.invoke" {
		t.Errorf("configured invoke timeout: %s, %t", d.Timeout(), ok)
	}
	if d, ok := w.InvokeDeadline(ctx, invokeTimeout(""), &diags); !ok || d.Timeout() != 10*time.Minute {
		t.Errorf("default invoke timeout: %s, %t", d.Timeout(), ok)
	}
	if diags.HasError() {
		t.Fatal(diags)
	}
}
