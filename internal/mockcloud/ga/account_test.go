package ga

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/clock"
)

// newStrictEnv is newEnv with the account of a new Alibaba Cloud account: every gate off.
func newStrictEnv(t *testing.T) *env {
	t.Helper()
	e := newEnv(t)
	if err := e.p.SetAccount(AccountSettings{}); err != nil {
		t.Fatal(err)
	}
	return e
}

func TestAccountGatesOffByDefault(t *testing.T) {
	e := newStrictEnv(t)
	msg := e.fails(http.StatusForbidden, CodePostpayNotEnabled, actionCreate,
		"Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic, "ChargeType", ChargePostpay)
	if !strings.Contains(msg, "account manager") {
		t.Errorf("message does not say how to get the feature: %s", msg)
	}
	// A subscription needs no gate.
	e.create("Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic, "Duration", "1", "PricingCycle", "Month", "AutoPay", "true")

	if err := e.p.SetAccount(AccountSettings{GaPostpayEnabled: true}); err != nil {
		t.Fatal(err)
	}
	e.fails(http.StatusForbidden, CodePayBY95NotEnabled, actionCreate,
		"Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic, "ChargeType", ChargePostpay,
		"BillingType", BillingPayBY95, "Ratio", "30")
	e.createPostpay() // PayByTraffic needs only the pay-as-you-go gate
	if err := e.p.SetAccount(AccountSettings{GaPostpayEnabled: true, GaPayBY95Enabled: true}); err != nil {
		t.Fatal(err)
	}
	e.createPostpay("BillingType", BillingPayBY95, "Ratio", "30")
	if n := len(e.p.packages); n != 3 {
		t.Errorf("%d plans, want the 3 the gates let through", n)
	}
}

func TestDowngradeQuota(t *testing.T) {
	e := newEnv(t)
	id := e.createPostpay("Bandwidth", "50")
	if err := e.p.SetAccount(AccountSettings{GaPostpayEnabled: true, GaDowngradeQuota: 1, GaUpdateCooldown: "0s"}); err != nil {
		t.Fatal(err)
	}
	e.ok(actionUpdate, "BandwidthPackageId", id, "Bandwidth", "40")
	e.settle()
	if q := e.p.Account().GaDowngradeQuota; q != 0 {
		t.Fatalf("quota after one downgrade = %d, want 0", q)
	}
	e.fails(http.StatusBadRequest, CodeDowngradeQuotaExceeded, actionUpdate, "BandwidthPackageId", id, "Bandwidth", "30")
	e.ok(actionUpdate, "BandwidthPackageId", id, "Bandwidth", "60") // upgrades need no quota
	e.settle()
	expect(t, "after the refused downgrade and an upgrade", e.describe(id), map[string]any{"Bandwidth": 60})
}

func TestUpdateCooldownDefaultsToFiveMinutes(t *testing.T) {
	clk := clock.NewStopped(time.Now())
	p := New(clk, 0)
	if err := p.SetAccount(AccountSettings{GaPostpayEnabled: true}); err != nil {
		t.Fatal(err)
	}
	e := &env{t: t, clk: clk, p: p}
	id := e.create("Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic, "ChargeType", ChargePostpay)
	e.ok(actionUpdate, "BandwidthPackageId", id, "Bandwidth", "20")
	clk.Advance(DefaultUpdateCooldown - time.Second)
	e.fails(http.StatusBadRequest, CodeStateErrorBandwidthPackage, actionUpdate, "BandwidthPackageId", id, "Bandwidth", "30")
	clk.Advance(time.Second)
	e.ok(actionUpdate, "BandwidthPackageId", id, "Bandwidth", "30")

	if err := p.SetAccount(AccountSettings{GaPostpayEnabled: true, GaUpdateCooldown: "10s"}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(10 * time.Second)
	e.ok(actionUpdate, "BandwidthPackageId", id, "Bandwidth", "40")
}

func TestSetAccountRefusesBadValues(t *testing.T) {
	p := New(clock.NewStopped(time.Now()), 0)
	for _, s := range []AccountSettings{{GaUpdateCooldown: "soon"}, {GaUpdateCooldown: "-1s"}, {GaDowngradeQuota: -1}} {
		if err := p.SetAccount(s); err == nil {
			t.Errorf("SetAccount(%+v) succeeded", s)
		}
	}
	if p.Account() != (AccountSettings{}) {
		t.Errorf("a refused SetAccount changed the account: %+v", p.Account())
	}
}
