package framework

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/framework/resourcetest"
	"terraform-provider-alibabacloud/internal/waiter"
)

// timeoutsValue is a timeouts block with create set to create ("" for null).
func timeoutsValue(create string) timeouts.Value {
	value := types.StringNull()
	if create != "" {
		value = types.StringValue(create)
	}
	return timeouts.Value{Object: types.ObjectValueMust(
		map[string]attr.Type{"create": types.StringType, "update": types.StringType, "delete": types.StringType},
		map[string]attr.Value{"create": value, "update": types.StringNull(), "delete": types.StringNull()},
	)}
}

func TestDeadline(t *testing.T) {
	d := StartDeadline(time.Hour)
	if d.Timeout() != time.Hour || d.Remaining() <= 59*time.Minute || d.Remaining() > time.Hour {
		t.Errorf("a fresh one-hour deadline: timeout %s, remaining %s", d.Timeout(), d.Remaining())
	}
	if spent := StartDeadline(-time.Minute); spent.Remaining() != MinRemaining {
		t.Errorf("a spent deadline leaves %s, want MinRemaining (%s) for one last look", spent.Remaining(), MinRemaining)
	}
}

func TestWithTimeouts(t *testing.T) {
	var w WithTimeouts
	w.SetDefaultCreateTimeout(10 * time.Minute)
	w.SetDefaultDeleteTimeout(5 * time.Minute)

	block, ok := w.TimeoutsBlock(context.Background()).(schema.SingleNestedBlock)
	if !ok {
		t.Fatalf("timeouts block is %T", w.TimeoutsBlock(context.Background()))
	}
	for name, want := range map[string]bool{"create": true, "update": false, "delete": true} {
		if _, has := block.Attributes[name]; has != want {
			t.Errorf("timeouts block has %s: %t, want %t", name, has, want)
		}
	}

	var diags diag.Diagnostics
	if d, ok := w.CreateDeadline(context.Background(), timeoutsValue("90s"), &diags); !ok || d.Timeout() != 90*time.Second || d.Attribute() != "timeouts.create" {
		t.Errorf("configured create timeout: %s of %q, %t", d.Timeout(), d.Attribute(), ok)
	}
	if d, ok := w.DeleteDeadline(context.Background(), timeoutsValue("90s"), &diags); !ok || d.Timeout() != 5*time.Minute || d.Attribute() != "timeouts.delete" {
		t.Errorf("default delete timeout: %s of %q, %t", d.Timeout(), d.Attribute(), ok)
	}
	if diags.HasError() {
		t.Fatal(diags)
	}
	for name, start := range map[string]func() (Deadline, bool){
		"unreadable":         func() (Deadline, bool) { return w.CreateDeadline(context.Background(), timeoutsValue("soon"), &diags) },
		"zero":               func() (Deadline, bool) { return w.CreateDeadline(context.Background(), timeoutsValue("0s"), &diags) },
		"negative":           func() (Deadline, bool) { return w.CreateDeadline(context.Background(), timeoutsValue("-5m"), &diags) },
		"update, no default": func() (Deadline, bool) { return w.UpdateDeadline(context.Background(), timeoutsValue(""), &diags) },
	} {
		// Nothing may start that would give up at once, possibly after changing something.
		diags = nil
		if _, ok := start(); ok || !diags.HasError() {
			t.Errorf("%s timeout: ok %t, diags %v", name, ok, diags)
		}
	}
	diags = nil
	w.CreateDeadline(context.Background(), timeoutsValue("-5m"), &diags)
	if detail := diags.Errors()[0].Detail(); !strings.Contains(detail, `timeouts.create = "-5m" is not a positive duration`) || !strings.Contains(detail, "the default, 10m.") {
		t.Errorf("the refusal of a negative timeout: %q", detail)
	}
}

// TestTimeoutsBlock_validators: the timeouts block refuses at plan a duration that is not
// positive, naming the attribute and its default; its descriptions give the default.
func TestTimeoutsBlock_validators(t *testing.T) {
	var w WithTimeouts
	w.SetDefaultCreateTimeout(10 * time.Minute)
	w.SetDefaultUpdateTimeout(90 * time.Minute)
	block, _ := w.TimeoutsBlock(context.Background()).(schema.SingleNestedBlock)
	for name, def := range map[string]string{"create": "10m", "update": "1h30m"} {
		a, _ := block.Attributes[name].(schema.StringAttribute)
		if !strings.Contains(a.MarkdownDescription, "Default `"+def+"`") {
			t.Errorf("%s: description %q lacks its default %s", name, a.MarkdownDescription, def)
		}
		for value, valid := range map[string]bool{"30s": true, "1h30m": true, "0s": false, "0": false, "-5m": false, "soon": false, "": false} {
			var resp validator.StringResponse
			for _, v := range a.Validators {
				v.ValidateString(context.Background(), validator.StringRequest{
					Path: path.Root("timeouts").AtName(name), ConfigValue: types.StringValue(value),
				}, &resp)
			}
			switch {
			case valid && resp.Diagnostics.HasError():
				t.Errorf("%s = %q refused: %v", name, value, resp.Diagnostics)
			case !valid && (resp.Diagnostics.ErrorsCount() != 1 ||
				!strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "timeouts."+name+" = ") ||
				!strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "the default, "+def)):
				t.Errorf("%s = %q: want one error naming timeouts.%s and the default, got %v", name, value, name, resp.Diagnostics)
			}
		}
	}
}

func TestDeadlineExplain(t *testing.T) {
	refused := &waiter.RefusedUntilTimeoutError{Action: "UpdateBandwidthPackage", Timeout: 15 * time.Minute, Attempts: 9,
		Last: resourcetest.APIError("StateError.BandwidthPackage")}
	advice := conns.Advice{"StateError.BandwidthPackage": "Busy; raise " + conns.TimeoutSetting + " if it takes longer."}
	if got := StartDeadlineFor("timeouts.update", 15*time.Minute).Explain(refused, advice); !strings.Contains(got, "raise timeouts.update (now 15m) if it takes longer") {
		t.Errorf("explained as %q", got)
	}
	if got := StartDeadline(time.Minute).Explain(refused, advice); !strings.Contains(got, "raise the resource's timeouts block if") {
		t.Errorf("without an attribute, explained as %q", got)
	}
	if StartDeadline(time.Minute).Explain(nil, advice) != "" {
		t.Error("no error explained as something")
	}
}
