package framework

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework/validators"
)

// MinRemaining is the least time a step of an operation is given even when the operation's
// timeout is spent, so that one last look can still report what it saw (a poll, one call).
const MinRemaining = time.Second

// Deadline is when one operation (a create, update or delete) must be over: its timeout,
// counted from when it started. Every step of the operation (calls, retries, waits) takes what
// is left of it.
type Deadline struct {
	at      time.Time
	timeout time.Duration
	// attribute is the setting the timeout came from, e.g. "timeouts.create"; "" when unknown.
	attribute string
}

// StartDeadline starts an operation now that may last timeout.
func StartDeadline(timeout time.Duration) Deadline {
	return Deadline{at: time.Now().Add(timeout), timeout: timeout}
}

// StartDeadlineFor starts an operation now that may last timeout, the value of the setting
// attribute ("timeouts.create"), which messages then name.
func StartDeadlineFor(attribute string, timeout time.Duration) Deadline {
	d := StartDeadline(timeout)
	d.attribute = attribute
	return d
}

// Timeout is the operation's whole timeout, for messages.
func (d Deadline) Timeout() time.Duration { return d.timeout }

// Attribute is the setting the timeout came from ("timeouts.create"), for messages; "" when
// the deadline was started without one.
func (d Deadline) Attribute() string { return d.attribute }

// Remaining is the time left until the deadline, at least MinRemaining.
func (d Deadline) Remaining() time.Duration {
	return max(time.Until(d.at), MinRemaining)
}

// Context returns ctx for the operation's calls: the API client retries their transient
// failures (throttling, 5xx, lost connections, request timeouts) until the deadline, however
// many attempts that takes, instead of max_retries times (conns.WithRetryDeadline). Every
// operation bounded by its timeouts calls it first:
//
//	deadline, ok := r.CreateDeadline(ctx, plan.Timeouts, &resp.Diagnostics)
//	if !ok {
//		return
//	}
//	ctx = deadline.Context(ctx)
func (d Deadline) Context(ctx context.Context) context.Context {
	return conns.WithRetryDeadline(ctx, d.at)
}

// Explain is conns.Explain for an error of this operation: where the explanation says to raise
// the timeout, it names the setting and its value ("timeouts.create, now 10m").
func (d Deadline) Explain(err error, advice conns.Advice) string {
	if err == nil {
		return ""
	}
	if d.attribute == "" {
		return conns.Explain(err, advice)
	}
	return conns.Explain(&conns.OperationError{Setting: d.attribute, Timeout: d.timeout, Err: err}, advice)
}

// WithTimeouts is embedded by a resource to give its operations default timeouts, its schema
// the matching timeouts block, and each operation its Deadline, computed one way for every
// resource.
type WithTimeouts struct {
	defaultCreate, defaultUpdate, defaultDelete time.Duration
}

// SetDefaultCreateTimeout sets the create timeout used when the timeouts block leaves it out.
func (w *WithTimeouts) SetDefaultCreateTimeout(d time.Duration) { w.defaultCreate = d }

// SetDefaultUpdateTimeout sets the update timeout used when the timeouts block leaves it out.
func (w *WithTimeouts) SetDefaultUpdateTimeout(d time.Duration) { w.defaultUpdate = d }

// SetDefaultDeleteTimeout sets the delete timeout used when the timeouts block leaves it out.
func (w *WithTimeouts) SetDefaultDeleteTimeout(d time.Duration) { w.defaultDelete = d }

// TimeoutsBlock returns the schema's timeouts block: an attribute for each operation that has
// a default timeout, described with its default, and validated at plan as a positive duration
// (the timeouts module's own validator accepts "0s" and "-5m", with which an operation would
// give up at once after changing something).
func (w *WithTimeouts) TimeoutsBlock(ctx context.Context) schema.Block {
	block, _ := timeouts.Block(ctx, timeouts.Opts{
		Create: w.defaultCreate > 0,
		Update: w.defaultUpdate > 0,
		Delete: w.defaultDelete > 0,
	}).(schema.SingleNestedBlock)
	block.MarkdownDescription = "How long each operation may take before Terraform reports it failed: " +
		"positive durations such as `30s`, `10m` or `1h30m`."
	for name, def := range map[string]time.Duration{"create": w.defaultCreate, "update": w.defaultUpdate, "delete": w.defaultDelete} {
		attribute, ok := block.Attributes[name].(schema.StringAttribute)
		if !ok {
			continue
		}
		attribute.Description = ""
		attribute.MarkdownDescription = fmt.Sprintf("How long %s may take: a positive duration such as `30s` or "+
			"`1h30m` (units `s`, `m`, `h`). Default `%s`.", operationNames[name], conns.FormatDuration(def))
		if name == "delete" {
			attribute.MarkdownDescription += " A change of it applies to a destroy only once it is saved in the state " +
				"(by an apply before the destroy)."
		}
		attribute.Validators = []validator.String{timeoutValidator{def: def}}
		block.Attributes[name] = attribute
	}
	return block
}

// operationNames name the operations in the timeouts block's descriptions.
var operationNames = map[string]string{"create": "a create", "update": "an update", "delete": "a delete"}

// CreateDeadline starts a create now, with the timeouts block's create value or the default.
// ok is false when the value cannot be read or is not positive (diags then say why); nothing
// may then be sent.
func (w *WithTimeouts) CreateDeadline(ctx context.Context, value timeouts.Value, diags *diag.Diagnostics) (Deadline, bool) {
	return startDeadline(ctx, "create", value.Create, w.defaultCreate, diags)
}

// UpdateDeadline starts an update now, as CreateDeadline starts a create.
func (w *WithTimeouts) UpdateDeadline(ctx context.Context, value timeouts.Value, diags *diag.Diagnostics) (Deadline, bool) {
	return startDeadline(ctx, "update", value.Update, w.defaultUpdate, diags)
}

// DeleteDeadline starts a delete now, as CreateDeadline starts a create.
func (w *WithTimeouts) DeleteDeadline(ctx context.Context, value timeouts.Value, diags *diag.Diagnostics) (Deadline, bool) {
	return startDeadline(ctx, "delete", value.Delete, w.defaultDelete, diags)
}

// startDeadline reads the timeout of operation with read (a method of timeouts.Value) and
// starts its deadline. A timeout that is not positive is refused here too, not only at plan, so
// that no operation ever starts that would give up at once after changing something.
func startDeadline(ctx context.Context, operation string, read func(context.Context, time.Duration) (time.Duration, diag.Diagnostics), def time.Duration, diags *diag.Diagnostics) (Deadline, bool) {
	timeout, readDiags := read(ctx, def)
	diags.Append(readDiags...)
	if readDiags.HasError() {
		return Deadline{}, false
	}
	attribute := path.Root("timeouts").AtName(operation)
	if timeout <= 0 {
		diags.AddAttributeError(attribute, "Invalid "+attribute.String(),
			timeoutProblem(attribute.String(), conns.FormatDuration(timeout), def))
		return Deadline{}, false
	}
	return StartDeadlineFor(attribute.String(), timeout), true
}

// timeoutValidator accepts a positive duration; its message names the attribute and the
// default.
type timeoutValidator struct{ def time.Duration }

// Description implements validator.String.
func (v timeoutValidator) Description(context.Context) string {
	return fmt.Sprintf("value must be a positive duration such as 30s or 1h30m; default %s", conns.FormatDuration(v.def))
}

// MarkdownDescription implements validator.String.
func (v timeoutValidator) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

// ValidateString implements validator.String.
func (v timeoutValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if d, err := time.ParseDuration(req.ConfigValue.ValueString()); err != nil || d <= 0 {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(),
			timeoutProblem(req.Path.String(), req.ConfigValue.ValueString(), v.def))
	}
}

// timeoutProblem says that value is not a usable timeout for attribute, and what to write.
func timeoutProblem(attribute, value string, def time.Duration) string {
	fix := fmt.Sprintf("Write a duration such as \"30m\" or \"1h30m\" (units s, m, h), or leave %s out for the "+
		"default, %s.", attribute, conns.FormatDuration(def))
	if def <= 0 {
		fix = "Write a duration such as \"30m\" or \"1h30m\" (units s, m, h)."
	}
	return fmt.Sprintf("%s = %s is not a positive duration: an operation with no time would give up at once, "+
		"possibly after changing something. %s", attribute, validators.Shorten(value), fix)
}
