package ga

import (
	"net/http"
	"strings"
	"testing"
)

// createPrepay buys an active 10 Mbit/s Basic subscription (paid automatically) and returns
// its id.
func (e *env) createPrepay() string {
	e.t.Helper()
	id := e.create("Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic,
		"PricingCycle", "Month", "Duration", "1", "AutoPay", "true")
	e.settle()
	return id
}

// snapshotPackage returns the plan with the id as Snapshot shows it, Mock fields included.
func (e *env) snapshotPackage(id string) BandwidthPackage {
	e.t.Helper()
	pkgs, _ := e.p.Snapshot()
	for _, bp := range pkgs {
		if bp.BandwidthPackageId == id {
			return bp
		}
	}
	e.t.Fatalf("plan %s not in the snapshot", id)
	return BandwidthPackage{}
}

func TestUnpaidUpgradeTakesEffectOncePaid(t *testing.T) {
	e := newEnv(t)
	id := e.createPrepay()
	out := e.ok(actionUpdate, "BandwidthPackageId", id, "Bandwidth", "50", "Name", "grown", "AutoPay", "false")
	expect(t, "response", out, map[string]any{"BandwidthPackage": id, "Name": "grown", "Description": ""})
	noMockFields(t, "UpdateBandwidthPackage", out)

	// Ordered, not paid: the name changed, the bandwidth did not, and time changes nothing.
	for range 3 {
		e.settle()
	}
	got := e.describe(id)
	expect(t, "unpaid", got, map[string]any{"State": StateActive, "Bandwidth": 10, "Name": "grown"})
	noMockFields(t, "DescribeBandwidthPackage", got)
	order := e.snapshotPackage(id).MockUnpaidUpgrade
	if order == nil || order.Bandwidth != 50 || order.BandwidthType != "" || len(order.OrderId) != 15 || order.Time.IsZero() {
		t.Fatalf("MockUnpaidUpgrade = %+v, want an order for 50 Mbit/s", order)
	}

	// A second order is refused, whatever AutoPay says; name and description still change.
	for _, kv := range [][]string{
		{"Bandwidth", "60", "AutoPay", "true"},
		{"Bandwidth", "50"},
		{"BandwidthType", BandwidthEnhanced, "AutoPay", "true"},
		{"Bandwidth", "5"},
		{"Bandwidth", "60", "Name", "not-applied"},
	} {
		msg := e.fails(http.StatusForbidden, CodeOrderUnpaid, actionUpdate, append([]string{"BandwidthPackageId", id}, kv...)...)
		if !strings.Contains(msg, order.OrderId) || !strings.Contains(msg, "Order Center") {
			t.Errorf("%v: message does not name the order and where to pay it: %s", kv, msg)
		}
	}
	e.ok(actionUpdate, "BandwidthPackageId", id, "Description", "meanwhile", "Bandwidth", "10")
	expect(t, "renamed while unpaid", e.describe(id), map[string]any{"State": StateActive, "Bandwidth": 10, "Name": "grown", "Description": "meanwhile"})

	paid, err := e.p.PayOrder(id)
	if err != nil {
		t.Fatal(err)
	}
	if paid.BandwidthPackageId != id || paid.State != StateUpdating || paid.MockUnpaidUpgrade != nil {
		t.Errorf("PayOrder answered %+v, want plan %s updating with nothing left to pay", paid, id)
	}
	if e.snapshotPackage(id).MockUnpaidUpgrade != nil {
		t.Error("the order is still unpaid after PayOrder")
	}
	expect(t, "paid, updating", e.describe(id), map[string]any{"State": StateUpdating, "Bandwidth": 10})
	e.fails(http.StatusBadRequest, CodeStateErrorBandwidthPackage, actionUpdate, "BandwidthPackageId", id, "Bandwidth", "70")
	e.settle()
	expect(t, "upgraded", e.describe(id), map[string]any{"State": StateActive, "Bandwidth": 50})
	// Payment starts the change, and with it the cool-down.
	e.fails(http.StatusBadRequest, CodeStateErrorBandwidthPackage, actionUpdate, "BandwidthPackageId", id, "Bandwidth", "70", "AutoPay", "true")

	assertAPIError(t, e.payErr(id), http.StatusNotFound, CodeNoUnpaidOrder)
	assertAPIError(t, e.payErr("gbwp-nope"), http.StatusBadRequest, CodeNotExistBandwidthPackage)
}

func TestUnpaidUpgradeOfBoundPlan(t *testing.T) {
	e := newEnv(t)
	id := e.createPrepay()
	e.bind(id, "ga-1")
	e.ok(actionUpdate, "BandwidthPackageId", id, "BandwidthType", BandwidthEnhanced, "Bandwidth", "20")
	e.settle()
	expect(t, "plan unpaid", e.describe(id), map[string]any{"State": StateBinded, "Bandwidth": 10, "BandwidthType": BandwidthBasic})
	expect(t, "accelerator untouched", e.accelerator("ga-1"), map[string]any{"State": AcceleratorActive,
		"BasicBandwidthPackage": map[string]any{"InstanceId": id, "Bandwidth": 10, "BandwidthType": BandwidthBasic}})

	if _, err := e.p.PayOrder(id); err != nil {
		t.Fatal(err)
	}
	expect(t, "plan paid", e.describe(id), map[string]any{"State": StateUpdating, "Bandwidth": 10})
	expect(t, "accelerator configuring", e.accelerator("ga-1"), map[string]any{"State": AcceleratorConfiguring})
	e.settle()
	expect(t, "plan upgraded", e.describe(id), map[string]any{"State": StateBinded, "Bandwidth": 20, "BandwidthType": BandwidthEnhanced})
	expect(t, "accelerator upgraded", e.accelerator("ga-1"), map[string]any{"State": AcceleratorActive,
		"BasicBandwidthPackage": map[string]any{"InstanceId": id, "Bandwidth": 20, "BandwidthType": BandwidthEnhanced}})
}

func TestUpdatesThatNeedNoPayment(t *testing.T) {
	tests := []struct {
		name   string
		create func(*env) string
		kv     []string
		want   int // bandwidth afterwards
	}{
		{"pay-as-you-go upgrade", func(e *env) string { return e.createPostpay() }, []string{"Bandwidth", "50"}, 50},
		{"pay-as-you-go upgrade, AutoPay false", func(e *env) string { return e.createPostpay() }, []string{"Bandwidth", "50", "AutoPay", "false"}, 50},
		{"subscription upgrade paid automatically", func(e *env) string { return e.createPrepay() }, []string{"Bandwidth", "50", "AutoPay", "true"}, 50},
		{"subscription downgrade", func(e *env) string { return e.createPrepay() }, []string{"Bandwidth", "5"}, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			id := tt.create(e)
			e.ok(actionUpdate, append([]string{"BandwidthPackageId", id}, tt.kv...)...)
			expect(t, "started", e.describe(id), map[string]any{"State": StateUpdating})
			if bp := e.snapshotPackage(id); bp.MockUnpaidUpgrade != nil {
				t.Errorf("an order was left unpaid: %+v", bp.MockUnpaidUpgrade)
			}
			e.settle()
			expect(t, "done", e.describe(id), map[string]any{"State": StateActive, "Bandwidth": tt.want})
		})
	}
}

func TestPayUpgradeRefusedWhilePlanIsBusy(t *testing.T) {
	e := newEnv(t)
	id := e.createPrepay()
	e.ok(actionUpdate, "BandwidthPackageId", id, "Bandwidth", "30")
	e.ok(actionAddAccelerator, "BandwidthPackageId", id, "AcceleratorId", "ga-1")
	assertAPIError(t, e.payErr(id), http.StatusBadRequest, CodeStateErrorBandwidthPackage)
	if e.snapshotPackage(id).MockUnpaidUpgrade == nil {
		t.Fatal("a refused payment paid the order")
	}
	e.settle()
	if _, err := e.p.PayOrder(id); err != nil {
		t.Fatal(err)
	}
	e.settle()
	expect(t, "upgraded once bound", e.describe(id), map[string]any{"State": StateBinded, "Bandwidth": 30})
}

func TestUnpaidUpgradeSurvivesSnapshotAndRestore(t *testing.T) {
	e := newEnv(t)
	id := e.createPrepay()
	e.ok(actionUpdate, "BandwidthPackageId", id, "Bandwidth", "40")
	pkgs, accs := e.p.Snapshot()

	restored := New(e.clk, testDelay)
	if err := restored.Restore(pkgs, accs); err != nil {
		t.Fatal(err)
	}
	e.p = restored
	e.fails(http.StatusForbidden, CodeOrderUnpaid, actionUpdate, "BandwidthPackageId", id, "Bandwidth", "45")
	if _, err := e.p.PayOrder(id); err != nil {
		t.Fatal(err)
	}
	e.settle()
	expect(t, "paid after restore", e.describe(id), map[string]any{"State": StateActive, "Bandwidth": 40})
}

func TestRestoreChecksUnpaidUpgrades(t *testing.T) {
	tests := []struct {
		name  string
		bp    BandwidthPackage
		want  string // "" = accepted
		order string // OrderId expected after restore, when accepted
	}{
		{"bandwidth up", BandwidthPackage{Bandwidth: 10, MockUnpaidUpgrade: &UpgradeOrder{Bandwidth: 20}}, "", ""},
		{"type up, order id kept", BandwidthPackage{Bandwidth: 10, MockUnpaidUpgrade: &UpgradeOrder{OrderId: "123456789012345", BandwidthType: BandwidthEnhanced}}, "", "123456789012345"},
		{"pay-as-you-go", BandwidthPackage{Bandwidth: 10, ChargeType: ChargePostpay, MockUnpaidUpgrade: &UpgradeOrder{Bandwidth: 20}}, "PREPAY", ""},
		{"order of an unpaid plan", BandwidthPackage{Bandwidth: 10, State: StateInit, MockOrderUnpaid: true, MockUnpaidUpgrade: &UpgradeOrder{Bandwidth: 20}}, "MockOrderUnpaid", ""},
		{"downgrade", BandwidthPackage{Bandwidth: 10, MockUnpaidUpgrade: &UpgradeOrder{Bandwidth: 5}}, "raise", ""},
		{"nothing ordered", BandwidthPackage{Bandwidth: 10, MockUnpaidUpgrade: &UpgradeOrder{}}, "raise", ""},
		{"out of range", BandwidthPackage{Bandwidth: 10, MockUnpaidUpgrade: &UpgradeOrder{Bandwidth: 3000}}, "3000", ""},
		{"Basic to Advanced", BandwidthPackage{Bandwidth: 10, MockUnpaidUpgrade: &UpgradeOrder{BandwidthType: BandwidthAdvanced}}, "BandwidthType", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			tt.bp.BandwidthPackageId = "gbwp-seeded"
			err := e.p.Restore([]BandwidthPackage{tt.bp}, nil)
			if tt.want != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Fatalf("Restore = %v, want an error mentioning %q", err, tt.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			o := e.snapshotPackage("gbwp-seeded").MockUnpaidUpgrade
			if o == nil || len(o.OrderId) != 15 || o.Time.IsZero() || (tt.order != "" && o.OrderId != tt.order) {
				t.Errorf("restored order %+v", o)
			}
			if tt.bp.MockUnpaidUpgrade.OrderId != tt.order {
				t.Error("Restore changed the caller's seed")
			}
		})
	}
}
