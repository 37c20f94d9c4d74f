package framework

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/action/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/action/schema"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/conns"
)

// WithInvokeTimeout is embedded by an action to give its invocation a default timeout, its
// schema the matching timeouts block (`timeouts { invoke = "..." }`), and each invocation its
// Deadline, the way WithTimeouts does for a resource's operations.
type WithInvokeTimeout struct {
	defaultInvoke time.Duration
}

// SetDefaultInvokeTimeout sets the timeout used when the timeouts block leaves invoke out.
func (w *WithInvokeTimeout) SetDefaultInvokeTimeout(d time.Duration) { w.defaultInvoke = d }

// TimeoutsBlock returns the action schema's timeouts block: invoke, a positive duration.
func (w *WithInvokeTimeout) TimeoutsBlock(context.Context) schema.Block {
	return schema.SingleNestedBlock{
		CustomType: timeouts.Type{ObjectType: types.ObjectType{AttrTypes: map[string]attr.Type{"invoke": types.StringType}}},
		Attributes: map[string]schema.Attribute{
			"invoke": schema.StringAttribute{
				Optional: true,
				MarkdownDescription: fmt.Sprintf("How long the invocation may take, waits included: a positive duration "+
					"such as `30s` or `1h30m` (units `s`, `m`, `h`). Default `%s`.", conns.FormatDuration(w.defaultInvoke)),
				Validators: []validator.String{timeoutValidator{def: w.defaultInvoke}},
			},
		},
	}
}

// InvokeDeadline starts an invocation now, with the timeouts block's invoke value or the
// default; messages name it timeouts.invoke. ok is false when the value cannot be read or is
// not positive (diags then say why); nothing may then be sent.
func (w *WithInvokeTimeout) InvokeDeadline(ctx context.Context, value timeouts.Value, diags *diag.Diagnostics) (Deadline, bool) {
	return startDeadline(ctx, "invoke", value.Invoke, w.defaultInvoke, diags)
}
