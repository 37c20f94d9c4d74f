package ga

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestDeletePostpay(t *testing.T) {
	e := newEnv(t)
	id := e.createPostpay()
	out := e.ok(actionDelete, "BandwidthPackageId", id, "ClientToken", "del-1")
	expect(t, "response", out, map[string]any{"BandwidthPackageId": id})
	expect(t, "while deleting", e.describe(id), map[string]any{"State": StateDeleting})
	e.fails(http.StatusBadRequest, CodeStateErrorBandwidthPackage, actionUpdate, "BandwidthPackageId", id, "Bandwidth", "20")
	e.fails(http.StatusBadRequest, CodeStateErrorBandwidthPackage, actionDelete, "BandwidthPackageId", id, "ClientToken", "del-other")
	e.ok(actionDelete, "BandwidthPackageId", id, "ClientToken", "del-1") // the same request again
	e.settle()
	e.fails(http.StatusBadRequest, CodeNotExistBandwidthPackage, actionDescribe, "BandwidthPackageId", id)
	e.ok(actionDelete, "BandwidthPackageId", id, "ClientToken", "del-1") // a retry of the finished request
	e.fails(http.StatusBadRequest, CodeNotExistBandwidthPackage, actionDelete, "BandwidthPackageId", id)
	e.fails(http.StatusBadRequest, CodeNotExistBandwidthPackage, actionDelete, "BandwidthPackageId", id, "ClientToken", "del-2")
}

func TestDeleteRefusals(t *testing.T) {
	e := newEnv(t)
	e.fails(http.StatusBadRequest, CodeMissingParameter, actionDelete)
	e.fails(http.StatusBadRequest, CodeNotExistBandwidthPackage, actionDelete, "BandwidthPackageId", "gbwp-nope")

	creating := e.create("Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic, "ChargeType", ChargePostpay)
	e.fails(http.StatusBadRequest, CodeStateErrorBandwidthPackage, actionDelete, "BandwidthPackageId", creating)

	bound := e.createPostpay()
	e.bind(bound, "ga-2")
	msg := e.fails(http.StatusBadRequest, CodeBindExistBandwidthPackage, actionDelete, "BandwidthPackageId", bound)
	if !strings.Contains(msg, "ga-2") {
		t.Errorf("message does not name the accelerator: %s", msg)
	}
	e.ok(actionRemoveAccelerator, "BandwidthPackageId", bound, "AcceleratorId", "ga-2")
	e.fails(http.StatusBadRequest, CodeBindExistBandwidthPackage, actionDelete, "BandwidthPackageId", bound) // unbinding settles
	e.settle()
	e.ok(actionDelete, "BandwidthPackageId", bound)
}

func TestDeleteSubscriptionOnlyAfterExpiry(t *testing.T) {
	e := newEnv(t)
	id := e.create("Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic,
		"PricingCycle", "Month", "Duration", "1", "AutoPay", "true")
	e.settle()
	msg := e.fails(http.StatusForbidden, CodeForbiddenRelease, actionDelete, "BandwidthPackageId", id)
	if !strings.Contains(msg, "expires at") {
		t.Errorf("message does not give the expiry: %s", msg)
	}
	e.clk.Advance(32 * 24 * time.Hour)
	e.ok(actionDelete, "BandwidthPackageId", id)
	e.settle()
	e.fails(http.StatusBadRequest, CodeNotExistBandwidthPackage, actionDescribe, "BandwidthPackageId", id)
}

func TestAddAcceleratorLifecycle(t *testing.T) {
	e := newEnv(t)
	basic := e.createPostpay()
	out := e.ok(actionAddAccelerator, "BandwidthPackageId", basic, "AcceleratorId", "ga-1")
	expect(t, "response", out, map[string]any{"BandwidthPackageId": basic, "Accelerators": []string{"ga-1"}})
	expect(t, "plan while binding", e.describe(basic), map[string]any{"State": StateBinding, "Accelerators": []string{}})
	acc := e.accelerator("ga-1")
	expect(t, "accelerator while binding", acc, map[string]any{"State": AcceleratorBinding})
	if _, has := acc["BasicBandwidthPackage"]; has {
		t.Errorf("the plan shows on the accelerator before the binding is done: %v", acc)
	}
	e.settle()
	expect(t, "plan bound", e.describe(basic), map[string]any{"State": StateBinded, "Accelerators": []string{"ga-1"}})
	expect(t, "accelerator bound", e.accelerator("ga-1"), map[string]any{
		"State":                 AcceleratorActive,
		"BasicBandwidthPackage": map[string]any{"InstanceId": basic, "Bandwidth": 10, "BandwidthType": BandwidthBasic},
	})

	cross := e.createCrossDomain()
	e.bind(cross, "ga-1")
	expect(t, "both plans", e.accelerator("ga-1"), map[string]any{
		"BasicBandwidthPackage":       map[string]any{"InstanceId": basic, "Bandwidth": 10, "BandwidthType": BandwidthBasic},
		"CrossDomainBandwidthPackage": map[string]any{"InstanceId": cross, "Bandwidth": 10},
	})
}

func TestAddAcceleratorRefusals(t *testing.T) {
	e := newEnv(t)
	bound := e.createPostpay()
	e.bind(bound, "ga-1")
	idle := e.createPostpay()
	cross := e.createCrossDomain()
	creating := e.create("Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic, "ChargeType", ChargePostpay)
	tests := []struct {
		name, pkg, acc, code string
	}{
		{"unknown plan", "gbwp-nope", "ga-2", CodeNotExistBandwidthPackage},
		{"unknown accelerator", idle, "ga-nope", CodeNotExistAccelerator},
		{"plan still creating", creating, "ga-2", CodeStateErrorBandwidthPackage},
		{"already bound here", bound, "ga-1", CodeBindExistBandwidthPackage},
		{"bound to another accelerator", bound, "ga-2", CodeBindExistBandwidthPackage},
		{"second basic plan", idle, "ga-1", CodeBindExistBandwidthPackage},
		{"cross-border without a basic plan", cross, "ga-2", CodeNotExistBasicBandwidthPackage},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e.fails(http.StatusBadRequest, tt.code, actionAddAccelerator, "BandwidthPackageId", tt.pkg, "AcceleratorId", tt.acc)
		})
	}
	e.fails(http.StatusBadRequest, CodeMissingParameter, actionAddAccelerator, "BandwidthPackageId", idle)
	e.fails(http.StatusBadRequest, CodeMissingParameter, actionAddAccelerator, "AcceleratorId", "ga-2")

	// An accelerator busy with one binding refuses another.
	e.ok(actionAddAccelerator, "BandwidthPackageId", idle, "AcceleratorId", "ga-2")
	e.fails(http.StatusBadRequest, CodeStateErrorAccelerator, actionAddAccelerator, "BandwidthPackageId", cross, "AcceleratorId", "ga-2")
	if pkgs, _ := e.p.Snapshot(); len(pkgs) != 4 {
		t.Fatalf("refusals changed the plans: %+v", pkgs)
	}
}

func TestRemoveAccelerator(t *testing.T) {
	e := newEnv(t)
	basic := e.createPostpay()
	cross := e.createCrossDomain()
	e.bind(basic, "ga-1")
	e.bind(cross, "ga-1")

	e.fails(http.StatusBadRequest, CodeStateErrorBandwidthPackage, actionRemoveAccelerator, "BandwidthPackageId", basic, "AcceleratorId", "ga-2")
	e.fails(http.StatusBadRequest, CodeNotExistAccelerator, actionRemoveAccelerator, "BandwidthPackageId", basic, "AcceleratorId", "ga-nope")
	e.fails(http.StatusBadRequest, CodeNotExistBandwidthPackage, actionRemoveAccelerator, "BandwidthPackageId", "gbwp-nope", "AcceleratorId", "ga-1")
	e.fails(http.StatusBadRequest, CodeNotExistBasicBandwidthPackage, actionRemoveAccelerator, "BandwidthPackageId", basic, "AcceleratorId", "ga-1")

	out := e.ok(actionRemoveAccelerator, "BandwidthPackageId", cross, "AcceleratorId", "ga-1")
	expect(t, "response", out, map[string]any{"BandwidthPackageId": cross, "Accelerators": []string{"ga-1"}})
	expect(t, "plan while unbinding", e.describe(cross), map[string]any{"State": StateUnbinding, "Accelerators": []string{"ga-1"}})
	expect(t, "accelerator while unbinding", e.accelerator("ga-1"), map[string]any{"State": AcceleratorUnbinding})
	e.fails(http.StatusBadRequest, CodeStateErrorAccelerator, actionRemoveAccelerator, "BandwidthPackageId", basic, "AcceleratorId", "ga-1")
	e.settle()
	expect(t, "plan unbound", e.describe(cross), map[string]any{"State": StateActive, "Accelerators": []string{}})
	if acc := e.accelerator("ga-1"); acc["CrossDomainBandwidthPackage"] != nil || acc["State"] != AcceleratorActive {
		t.Errorf("accelerator after unbinding: %v", acc)
	}

	e.ok(actionRemoveAccelerator, "BandwidthPackageId", basic, "AcceleratorId", "ga-1")
	e.settle()
	if acc := e.accelerator("ga-1"); acc["BasicBandwidthPackage"] != nil {
		t.Errorf("accelerator still shows the basic plan: %v", acc)
	}
	expect(t, "basic unbound", e.describe(basic), map[string]any{"State": StateActive})
}

func TestDescribeAccelerator(t *testing.T) {
	e := newEnv(t)
	acc := e.accelerator("ga-1")
	expect(t, "seeded accelerator", acc, map[string]any{
		"AcceleratorId": "ga-1", "State": AcceleratorActive, "RegionId": Region, "Spec": "1",
		"InstanceChargeType": ChargePrepay, "DnsName": "ga-1.aliyunga0019.com",
	})
	if _, isNumber := acc["CreateTime"].(float64); !isNumber {
		t.Errorf("CreateTime is not a number: %v", acc["CreateTime"])
	}
	e.fails(http.StatusBadRequest, CodeNotExistAccelerator, actionDescribeAcc, "AcceleratorId", "ga-nope")
	e.fails(http.StatusBadRequest, CodeMissingParameter, actionDescribeAcc)
}

func TestSnapshotRestoreMidOperation(t *testing.T) {
	e := newEnv(t)
	id := e.createPostpay("ClientToken", "tok")
	e.bind(id, "ga-1")
	e.ok(actionUpdate, "BandwidthPackageId", id, "Bandwidth", "40")

	pkgs, accs := e.p.Snapshot()
	q := New(e.clk, testDelay)
	if err := q.Restore(pkgs, accs); err != nil {
		t.Fatal(err)
	}
	if err := q.SetAccount(e.p.Account()); err != nil {
		t.Fatal(err)
	}
	e.p = q
	expect(t, "restored plan", e.describe(id), map[string]any{"State": StateUpdating, "Bandwidth": 10})
	expect(t, "restored accelerator", e.accelerator("ga-1"), map[string]any{"State": AcceleratorConfiguring})
	again := e.ok(actionCreate, "Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic, "ChargeType", ChargePostpay, "ClientToken", "tok")
	if again["BandwidthPackageId"] != id {
		t.Errorf("the ClientToken did not survive the round trip: %v", again)
	}
	e.settle()
	expect(t, "finished after restore", e.describe(id), map[string]any{"State": StateBinded, "Bandwidth": 40})
	expect(t, "accelerator after restore", e.accelerator("ga-1"), map[string]any{"State": AcceleratorActive})
	e.fails(http.StatusBadRequest, CodeStateErrorBandwidthPackage, actionUpdate, "BandwidthPackageId", id, "Bandwidth", "50") // cool-down survived
}
