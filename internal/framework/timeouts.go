package framework

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"terraform-provider-alibabacloud/internal/conns"
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
}

// StartDeadline starts an operation now that may last timeout.
func StartDeadline(timeout time.Duration) Deadline {
	return Deadline{at: time.Now().Add(timeout), timeout: timeout}
}

// Timeout is the operation's whole timeout, for messages.
func (d Deadline) Timeout() time.Duration { return d.timeout }

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
// a default timeout.
func (w *WithTimeouts) TimeoutsBlock(ctx context.Context) schema.Block {
	return timeouts.Block(ctx, timeouts.Opts{
		Create: w.defaultCreate > 0,
		Update: w.defaultUpdate > 0,
		Delete: w.defaultDelete > 0,
	})
}

// CreateDeadline starts a create now, with the timeouts block's create value or the default.
// ok is false when the value cannot be read (diags then say why).
func (w *WithTimeouts) CreateDeadline(ctx context.Context, value timeouts.Value, diags *diag.Diagnostics) (Deadline, bool) {
	return startDeadline(ctx, value.Create, w.defaultCreate, diags)
}

// UpdateDeadline starts an update now, as CreateDeadline starts a create.
func (w *WithTimeouts) UpdateDeadline(ctx context.Context, value timeouts.Value, diags *diag.Diagnostics) (Deadline, bool) {
	return startDeadline(ctx, value.Update, w.defaultUpdate, diags)
}

// DeleteDeadline starts a delete now, as CreateDeadline starts a create.
func (w *WithTimeouts) DeleteDeadline(ctx context.Context, value timeouts.Value, diags *diag.Diagnostics) (Deadline, bool) {
	return startDeadline(ctx, value.Delete, w.defaultDelete, diags)
}

// startDeadline reads one operation's timeout with read (a method of timeouts.Value) and
// starts its deadline.
func startDeadline(ctx context.Context, read func(context.Context, time.Duration) (time.Duration, diag.Diagnostics), def time.Duration, diags *diag.Diagnostics) (Deadline, bool) {
	timeout, readDiags := read(ctx, def)
	diags.Append(readDiags...)
	return StartDeadline(timeout), !readDiags.HasError()
}
