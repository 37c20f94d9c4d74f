package ga

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestUpdateValidation(t *testing.T) {
	tests := []struct {
		name      string
		bwType    string // the plan's bandwidth type
		kv        []string
		status    int
		code      string // "" = accepted
		mentioned string
	}{
		{"name of 2", BandwidthBasic, []string{"Name", "ab"}, 0, "", ""},
		{"name of 128", BandwidthBasic, []string{"Name", "a" + strings.Repeat("b", 127)}, 0, "", ""},
		{"name with . _ -", BandwidthBasic, []string{"Name", "a.b_c-d9"}, 0, "", ""},
		{"name of 1", BandwidthBasic, []string{"Name", "a"}, 400, CodeInvalidParameter, "Name"},
		{"name of 129", BandwidthBasic, []string{"Name", "a" + strings.Repeat("b", 128)}, 400, CodeInvalidParameter, "Name"},
		{"name starting with a digit", BandwidthBasic, []string{"Name", "1abc"}, 400, CodeInvalidParameter, "Name"},
		{"name starting with _", BandwidthBasic, []string{"Name", "_abc"}, 400, CodeInvalidParameter, "Name"},
		{"name with a space", BandwidthBasic, []string{"Name", "ab c"}, 400, CodeInvalidParameter, "Name"},
		{"description of 256", BandwidthBasic, []string{"Description", strings.Repeat("d", 256)}, 0, "", ""},
		{"description of 257", BandwidthBasic, []string{"Description", strings.Repeat("d", 257)}, 400, CodeInvalidParameter, "Description"},
		{"bandwidth 2", BandwidthBasic, []string{"Bandwidth", "2"}, 0, "", ""},
		{"bandwidth 2000", BandwidthBasic, []string{"Bandwidth", "2000"}, 0, "", ""},
		{"bandwidth 1", BandwidthBasic, []string{"Bandwidth", "1"}, 400, CodeInvalidParameter, "Bandwidth"},
		{"bandwidth 2001", BandwidthBasic, []string{"Bandwidth", "2001"}, 400, CodeInvalidParameter, "Bandwidth"},
		{"bandwidth type unknown", BandwidthBasic, []string{"BandwidthType", "Gold"}, 400, CodeInvalidParameter, "BandwidthType"},
		{"Basic to Enhanced", BandwidthBasic, []string{"BandwidthType", BandwidthEnhanced}, 0, "", ""},
		{"Basic to Advanced", BandwidthBasic, []string{"BandwidthType", BandwidthAdvanced}, 400, CodeInvalidParameter, "BandwidthType"},
		{"Enhanced to Basic", BandwidthEnhanced, []string{"BandwidthType", BandwidthBasic}, 400, CodeInvalidParameter, "BandwidthType"},
		{"Enhanced to Advanced", BandwidthEnhanced, []string{"BandwidthType", BandwidthAdvanced}, 400, CodeInvalidParameter, "BandwidthType"},
		{"Advanced to Enhanced", BandwidthAdvanced, []string{"BandwidthType", BandwidthEnhanced}, 400, CodeInvalidParameter, "BandwidthType"},
		{"Advanced to Basic", BandwidthAdvanced, []string{"BandwidthType", BandwidthBasic}, 400, CodeInvalidParameter, "BandwidthType"},
		{"same type again", BandwidthEnhanced, []string{"BandwidthType", BandwidthEnhanced}, 0, "", ""},
		{"more bandwidth and Enhanced", BandwidthBasic, []string{"Bandwidth", "20", "BandwidthType", BandwidthEnhanced}, 0, "", ""},
		{"less bandwidth and Enhanced", BandwidthBasic, []string{"Bandwidth", "5", "BandwidthType", BandwidthEnhanced}, 400, CodeUpgradeErrorBandwidthPackage, "5"},
		{"less bandwidth alone", BandwidthBasic, []string{"Bandwidth", "5"}, 0, "", ""},
		{"auto pay not boolean", BandwidthBasic, []string{"Bandwidth", "20", "AutoPay", "maybe"}, 400, CodeInvalidParameter, "AutoPay"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			id := e.createPostpay("BandwidthType", tt.bwType) // 10 Mbit/s
			before := e.describe(id)
			args := append([]string{"BandwidthPackageId", id}, tt.kv...)
			if tt.code == "" {
				out := e.ok(actionUpdate, args...)
				expect(t, "response", out, map[string]any{"BandwidthPackage": id})
				return
			}
			msg := e.fails(tt.status, tt.code, actionUpdate, args...)
			if !strings.Contains(msg, tt.mentioned) {
				t.Errorf("message does not mention %q: %s", tt.mentioned, msg)
			}
			if after := e.describe(id); !jsonEqual(before, after) {
				t.Errorf("a refused update changed the plan:\n%v\n%v", before, after)
			}
		})
	}
}

func TestUpdateUnknownPlan(t *testing.T) {
	e := newEnv(t)
	e.fails(http.StatusBadRequest, CodeNotExistBandwidthPackage, actionUpdate, "BandwidthPackageId", "gbwp-nope", "Bandwidth", "20")
	e.fails(http.StatusBadRequest, CodeMissingParameter, actionUpdate, "Bandwidth", "20")
}

func TestUpdateNameAndDescriptionIsSynchronous(t *testing.T) {
	e := newEnv(t)
	id := e.createPostpay()
	out := e.ok(actionUpdate, "BandwidthPackageId", id, "Name", "plan-a", "Description", "first")
	expect(t, "response", out, map[string]any{"BandwidthPackage": id, "Name": "plan-a", "Description": "first"})
	expect(t, "at once", e.describe(id), map[string]any{"Name": "plan-a", "Description": "first", "State": StateActive})
	// No cool-down after a synchronous update; an empty Description clears it.
	e.ok(actionUpdate, "BandwidthPackageId", id, "Description", "")
	expect(t, "cleared", e.describe(id), map[string]any{"Name": "plan-a", "Description": ""})
}

func TestUpdateBandwidthOfUnboundPlan(t *testing.T) {
	e := newEnv(t)
	id := e.createPostpay()
	e.ok(actionUpdate, "BandwidthPackageId", id, "Bandwidth", "50", "BandwidthType", BandwidthEnhanced, "Name", "grown")
	expect(t, "while updating", e.describe(id), map[string]any{
		"State": StateUpdating, "Bandwidth": 10, "BandwidthType": BandwidthBasic, "Name": "grown",
	})
	e.fails(http.StatusBadRequest, CodeStateErrorBandwidthPackage, actionUpdate, "BandwidthPackageId", id, "Bandwidth", "60")
	e.fails(http.StatusBadRequest, CodeStateErrorBandwidthPackage, actionDelete, "BandwidthPackageId", id)
	e.fails(http.StatusBadRequest, CodeStateErrorBandwidthPackage, actionAddAccelerator, "BandwidthPackageId", id, "AcceleratorId", "ga-1")
	e.settle()
	expect(t, "updated", e.describe(id), map[string]any{"State": StateActive, "Bandwidth": 50, "BandwidthType": BandwidthEnhanced})
}

func TestUpdateCooldown(t *testing.T) {
	e := newEnv(t)
	id := e.createPostpay()
	e.ok(actionUpdate, "BandwidthPackageId", id, "Bandwidth", "20")
	e.settle() // done, but within the default cool-down of twice the delay
	msg := e.fails(http.StatusBadRequest, CodeStateErrorBandwidthPackage, actionUpdate, "BandwidthPackageId", id, "Bandwidth", "30")
	if !strings.Contains(msg, "cannot be updated again until") {
		t.Errorf("message does not explain the cool-down: %s", msg)
	}
	e.fails(http.StatusBadRequest, CodeStateErrorBandwidthPackage, actionUpdate, "BandwidthPackageId", id, "Name", "later")
	e.settle() // past two delays
	e.ok(actionUpdate, "BandwidthPackageId", id, "Bandwidth", "30")

	e.p.SetCooldown(0)
	e.settle()
	e.ok(actionUpdate, "BandwidthPackageId", id, "Bandwidth", "40")
	e.p.SetCooldown(3 * testDelay)
	e.settle()
	e.settle()
	e.fails(http.StatusBadRequest, CodeStateErrorBandwidthPackage, actionUpdate, "BandwidthPackageId", id, "Bandwidth", "50")
	e.p.SetCooldown(-1) // back to twice the delay, which has passed
	e.ok(actionUpdate, "BandwidthPackageId", id, "Bandwidth", "50")
}

func TestUpdateBoundPlanConfiguresTheAccelerator(t *testing.T) {
	e := newEnv(t)
	id := e.createPostpay()
	e.bind(id, "ga-1")
	e.ok(actionUpdate, "BandwidthPackageId", id, "Bandwidth", "100", "BandwidthType", BandwidthEnhanced)
	expect(t, "plan while updating", e.describe(id), map[string]any{"State": StateUpdating, "Bandwidth": 10, "Accelerators": []string{"ga-1"}})
	acc := e.accelerator("ga-1")
	expect(t, "accelerator while updating", acc, map[string]any{
		"State":                 AcceleratorConfiguring,
		"BasicBandwidthPackage": map[string]any{"InstanceId": id, "Bandwidth": 10, "BandwidthType": BandwidthBasic},
	})
	noMockFields(t, "DescribeAccelerator", acc)
	expect(t, "other accelerator", e.accelerator("ga-2"), map[string]any{"State": AcceleratorActive})
	e.settle()
	expect(t, "plan updated", e.describe(id), map[string]any{"State": StateBinded, "Bandwidth": 100, "BandwidthType": BandwidthEnhanced})
	expect(t, "accelerator updated", e.accelerator("ga-1"), map[string]any{
		"State":                 AcceleratorActive,
		"BasicBandwidthPackage": map[string]any{"InstanceId": id, "Bandwidth": 100, "BandwidthType": BandwidthEnhanced},
	})
}

func TestUpdateRefusedWhileTheAcceleratorIsBusy(t *testing.T) {
	e := newEnv(t)
	basic := e.createPostpay()
	cross := e.createCrossDomain()
	e.bind(basic, "ga-1")
	e.ok(actionAddAccelerator, "BandwidthPackageId", cross, "AcceleratorId", "ga-1")
	msg := e.fails(http.StatusBadRequest, CodeStateErrorAccelerator, actionUpdate, "BandwidthPackageId", basic, "Bandwidth", "20")
	if !strings.Contains(msg, "binding") {
		t.Errorf("message does not say the accelerator is binding: %s", msg)
	}
	e.settle()
	e.ok(actionUpdate, "BandwidthPackageId", basic, "Bandwidth", "20")
}

func TestSetDelayAppliesToNewOperations(t *testing.T) {
	e := newEnv(t)
	slow := e.create("Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic, "ChargeType", ChargePostpay)
	e.p.SetDelay(0)
	fast := e.create("Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic, "ChargeType", ChargePostpay)
	expect(t, "no delay", e.describe(fast), map[string]any{"State": StateActive})
	expect(t, "started before", e.describe(slow), map[string]any{"State": StateInit})
	e.ok(actionAddAccelerator, "BandwidthPackageId", fast, "AcceleratorId", "ga-1")
	expect(t, "bound at once", e.describe(fast), map[string]any{"State": StateBinded, "Accelerators": []string{"ga-1"}})
	e.clk.Advance(time.Second)
	e.p.SetCooldown(0)
	e.ok(actionUpdate, "BandwidthPackageId", fast, "Bandwidth", "30")
	expect(t, "updated at once", e.accelerator("ga-1"), map[string]any{"State": AcceleratorActive,
		"BasicBandwidthPackage": map[string]any{"InstanceId": fast, "Bandwidth": 30, "BandwidthType": BandwidthBasic}})
}
