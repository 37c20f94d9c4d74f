package framework

import (
	"context"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"
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
	if d, ok := w.CreateDeadline(context.Background(), timeoutsValue("90s"), &diags); !ok || d.Timeout() != 90*time.Second {
		t.Errorf("configured create timeout: %s, %t", d.Timeout(), ok)
	}
	if d, ok := w.DeleteDeadline(context.Background(), timeoutsValue("90s"), &diags); !ok || d.Timeout() != 5*time.Minute {
		t.Errorf("default delete timeout: %s, %t", d.Timeout(), ok)
	}
	if d, ok := w.UpdateDeadline(context.Background(), timeoutsValue(""), &diags); !ok || d.Timeout() != 0 {
		t.Errorf("update without a default: %s, %t", d.Timeout(), ok)
	}
	if diags.HasError() {
		t.Fatal(diags)
	}
	if _, ok := w.CreateDeadline(context.Background(), timeoutsValue("soon"), &diags); ok || !diags.HasError() {
		t.Errorf("an unreadable timeout: ok %t, diags %v", ok, diags)
	}
}
