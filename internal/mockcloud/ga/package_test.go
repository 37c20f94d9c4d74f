package ga

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

func TestRegionIsRequiredAndOnlyHangzhou(t *testing.T) {
	for action := range handlers {
		t.Run(action, func(t *testing.T) {
			e := newEnv(t)
			e.fails(http.StatusBadRequest, CodeMissingParameter, action, "RegionId", "")
			msg := e.fails(http.StatusNotFound, CodeInvalidRegionID, action, "RegionId", "cn-beijing")
			if !strings.Contains(msg, "cn-beijing") {
				t.Errorf("message does not name the region: %s", msg)
			}
		})
	}
}

func TestUnknownAction(t *testing.T) {
	e := newEnv(t)
	_, err := e.handle("DescribeCenBandwidthPackages")
	if !errors.Is(err, rpc.ErrUnknownAction) {
		t.Fatalf("error = %v, want ErrUnknownAction", err)
	}
}

func TestCreateValidation(t *testing.T) {
	postpay := []string{"Type", TypeBasic, "BandwidthType", BandwidthBasic, "ChargeType", ChargePostpay}
	prepay := []string{"Type", TypeBasic, "BandwidthType", BandwidthBasic, "ChargeType", ChargePrepay, "PricingCycle", "Month", "Duration", "1"}
	with := func(base []string, kv ...string) []string { return append(append([]string{}, base...), kv...) }
	tests := []struct {
		name  string
		kv    []string
		code  string // "" = accepted
		param string // named in the message
	}{
		{"postpay minimum", with(postpay, "Bandwidth", "2"), "", ""},
		{"postpay maximum", with(postpay, "Bandwidth", "2000"), "", ""},
		{"bandwidth below range", with(postpay, "Bandwidth", "1"), CodeInvalidParameter, "Bandwidth"},
		{"bandwidth above range", with(postpay, "Bandwidth", "2001"), CodeInvalidParameter, "Bandwidth"},
		{"bandwidth not a number", with(postpay, "Bandwidth", "ten"), CodeInvalidParameter, "Bandwidth"},
		{"bandwidth missing", postpay, CodeMissingParameter, "Bandwidth"},
		{"type missing", []string{"Bandwidth", "10", "BandwidthType", BandwidthBasic, "ChargeType", ChargePostpay}, CodeMissingParameter, "Type"},
		{"type unknown", with(postpay, "Bandwidth", "10", "Type", "Premium"), CodeInvalidParameter, "Type"},
		{"basic needs a bandwidth type", []string{"Bandwidth", "10", "Type", TypeBasic, "ChargeType", ChargePostpay}, CodeMissingParameter, "BandwidthType"},
		{"bandwidth type unknown", with(postpay, "Bandwidth", "10", "BandwidthType", "Gold"), CodeInvalidParameter, "BandwidthType"},
		{"enhanced", with(postpay, "Bandwidth", "10", "BandwidthType", BandwidthEnhanced), "", ""},
		{"advanced", with(postpay, "Bandwidth", "10", "BandwidthType", BandwidthAdvanced), "", ""},
		{"charge type unknown", with(postpay, "Bandwidth", "10", "ChargeType", "MONTHLY"), CodeInvalidParameter, "ChargeType"},
		{"billing type unknown", with(postpay, "Bandwidth", "10", "BillingType", "PayByBandwidth"), CodeInvalidParameter, "BillingType"},
		{"pay by 95 with ratio 30", with(postpay, "Bandwidth", "10", "BillingType", BillingPayBY95, "Ratio", "30"), "", ""},
		{"pay by 95 with ratio 100", with(postpay, "Bandwidth", "10", "BillingType", BillingPayBY95, "Ratio", "100"), "", ""},
		{"pay by 95 with ratio 29", with(postpay, "Bandwidth", "10", "BillingType", BillingPayBY95, "Ratio", "29"), CodeInvalidParameter, "Ratio"},
		{"pay by 95 with ratio 101", with(postpay, "Bandwidth", "10", "BillingType", BillingPayBY95, "Ratio", "101"), CodeInvalidParameter, "Ratio"},
		{"pay by 95 without ratio", with(postpay, "Bandwidth", "10", "BillingType", BillingPayBY95), CodeInvalidParameter, "Ratio"},
		{"ratio with pay by traffic", with(postpay, "Bandwidth", "10", "BillingType", BillingPayByTraffic, "Ratio", "30"), CodeInvalidParameter, "Ratio"},
		{"billing type with prepay", with(prepay, "Bandwidth", "10", "BillingType", BillingPayByTraffic), CodeInvalidParameter, "BillingType"},
		{"prepay 9 months", with(prepay, "Bandwidth", "10", "Duration", "9"), "", ""},
		{"prepay 10 months", with(prepay, "Bandwidth", "10", "Duration", "10"), CodeInvalidParameter, "Duration"},
		{"prepay 3 years", with(prepay, "Bandwidth", "10", "PricingCycle", "Year", "Duration", "3"), "", ""},
		{"prepay 4 years", with(prepay, "Bandwidth", "10", "PricingCycle", "Year", "Duration", "4"), CodeInvalidParameter, "Duration"},
		{"prepay 0 months", with(prepay, "Bandwidth", "10", "Duration", "0"), CodeInvalidParameter, "Duration"},
		{"prepay without duration", []string{"Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic, "PricingCycle", "Month"}, CodeInvalidParameter, "Duration"},
		{"prepay without cycle", []string{"Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic, "Duration", "1"}, CodeMissingParameter, "PricingCycle"},
		{"prepay cycle unknown", with(prepay, "Bandwidth", "10", "PricingCycle", "Week"), CodeInvalidParameter, "PricingCycle"},
		{"duration with postpay", with(postpay, "Bandwidth", "10", "Duration", "1"), CodeInvalidParameter, "Duration"},
		{"cycle with postpay", with(postpay, "Bandwidth", "10", "PricingCycle", "Month"), CodeInvalidParameter, "Duration"},
		{"cross-domain defaults its regions", []string{"Bandwidth", "10", "Type", TypeCrossDomain, "ChargeType", ChargePostpay}, "", ""},
		{"cross-domain region A wrong", []string{"Bandwidth", "10", "Type", TypeCrossDomain, "ChargeType", ChargePostpay, "CbnGeographicRegionIdA", "Europe"}, CodeInvalidParameter, "CbnGeographicRegionIdA"},
		{"cross-domain region B wrong", []string{"Bandwidth", "10", "Type", TypeCrossDomain, "ChargeType", ChargePostpay, "CbnGeographicRegionIdB", "Europe"}, CodeInvalidParameter, "CbnGeographicRegionIdB"},
		{"regions on a basic plan", with(postpay, "Bandwidth", "10", "CbnGeographicRegionIdA", RegionChinaMainland), CodeInvalidParameter, "CbnGeographicRegionIdA"},
		{"auto pay not boolean", with(prepay, "Bandwidth", "10", "AutoPay", "yes"), CodeInvalidParameter, "AutoPay"},
		{"client token too long", with(postpay, "Bandwidth", "10", "ClientToken", strings.Repeat("t", 65)), CodeInvalidParameter, "ClientToken"},
		{"client token not ascii", with(postpay, "Bandwidth", "10", "ClientToken", "tökén"), CodeInvalidParameter, "ClientToken"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newEnv(t)
			if tt.code == "" {
				out := e.ok(actionCreate, tt.kv...)
				if id, _ := out["BandwidthPackageId"].(string); !strings.HasPrefix(id, "gbwp-") {
					t.Fatalf("BandwidthPackageId = %v", out["BandwidthPackageId"])
				}
				return
			}
			msg := e.fails(http.StatusBadRequest, tt.code, actionCreate, tt.kv...)
			if !strings.Contains(msg, tt.param) {
				t.Errorf("message does not name %s: %s", tt.param, msg)
			}
			if pkgs, _ := e.p.Snapshot(); len(pkgs) != 0 {
				t.Errorf("a refused create left %d plans", len(pkgs))
			}
		})
	}
}

func TestCreatePostpayBecomesActiveAfterDelay(t *testing.T) {
	e := newEnv(t)
	start := e.clk.Now()
	out := e.ok(actionCreate, "Bandwidth", "20", "Type", TypeBasic, "BandwidthType", BandwidthEnhanced,
		"ChargeType", ChargePostpay, "BillingType", BillingPayBY95, "Ratio", "40")
	if _, has := out["OrderId"]; has {
		t.Errorf("a pay-as-you-go create answered an OrderId: %v", out)
	}
	id := str(t, out, "BandwidthPackageId")
	got := e.describe(id)
	expect(t, "while creating", got, map[string]any{
		"BandwidthPackageId": id, "State": StateInit, "Bandwidth": 20, "Type": TypeBasic,
		"BandwidthType": BandwidthEnhanced, "ChargeType": ChargePostpay, "BillingType": BillingPayBY95,
		"Ratio": 40, "RegionId": Region, "Accelerators": []string{}, "ExpiredTime": "",
		"CreateTime": strconv.FormatInt(start.UnixMilli(), 10),
	})
	noMockFields(t, "DescribeBandwidthPackage", got)
	e.fails(http.StatusBadRequest, CodeStateErrorBandwidthPackage, actionUpdate, "BandwidthPackageId", id, "Name", "early")
	e.settle()
	expect(t, "after the delay", e.describe(id), map[string]any{"State": StateActive})
}

func TestCreatePrepay(t *testing.T) {
	e := newEnv(t)
	now := e.clk.Now()
	out := e.ok(actionCreate, "Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic,
		"PricingCycle", "Year", "Duration", "2", "AutoPay", "true")
	if order, _ := out["OrderId"].(string); len(order) != 15 {
		t.Errorf("OrderId = %v, want 15 digits", out["OrderId"])
	}
	id := str(t, out, "BandwidthPackageId")
	got := e.describe(id)
	wantExpiry := now.AddDate(2, 0, 0).UnixMilli()
	if exp, _ := strconv.ParseInt(str(t, got, "ExpiredTime"), 10, 64); exp < wantExpiry || exp > wantExpiry+int64(time.Minute/time.Millisecond) {
		t.Errorf("ExpiredTime = %v, want two years after the create (%d)", got["ExpiredTime"], wantExpiry)
	}
	expect(t, "prepay", got, map[string]any{"ChargeType": ChargePrepay, "BillingType": "", "State": StateInit})
	e.settle()
	expect(t, "prepay paid automatically", e.describe(id), map[string]any{"State": StateActive})
}

func TestUnpaidSubscriptionStaysInit(t *testing.T) {
	e := newEnv(t)
	id := e.create("Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic,
		"PricingCycle", "Month", "Duration", "1", "AutoPay", "false")
	for range 3 {
		e.settle()
	}
	expect(t, "unpaid", e.describe(id), map[string]any{"State": StateInit})
	msg := e.fails(http.StatusBadRequest, CodeStateErrorBandwidthPackage, actionAddAccelerator, "BandwidthPackageId", id, "AcceleratorId", "ga-1")
	if !strings.Contains(msg, "not paid") {
		t.Errorf("message does not say the order is unpaid: %s", msg)
	}
	if _, err := e.p.PayOrder("gbwp-nope"); err == nil {
		t.Error("PayOrder of an unknown plan succeeded")
	}
	if _, err := e.p.PayOrder(id); err != nil {
		t.Fatal(err)
	}
	if _, err := e.p.PayOrder(id); err == nil {
		t.Error("paying twice succeeded")
	}
	expect(t, "paid, activating", e.describe(id), map[string]any{"State": StateInit})
	e.settle()
	expect(t, "paid", e.describe(id), map[string]any{"State": StateActive})
}

func TestUnpaidSubscriptionCanBeDeleted(t *testing.T) {
	e := newEnv(t)
	id := e.create("Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic,
		"PricingCycle", "Month", "Duration", "1")
	e.ok(actionDelete, "BandwidthPackageId", id)
	e.settle()
	e.fails(http.StatusBadRequest, CodeNotExistBandwidthPackage, actionDescribe, "BandwidthPackageId", id)
}

func TestCreateClientTokenIsIdempotent(t *testing.T) {
	e := newEnv(t)
	args := []string{"Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic,
		"PricingCycle", "Month", "Duration", "1", "AutoPay", "true", "ClientToken", "tok-1"}
	first := e.ok(actionCreate, args...)
	second := e.ok(actionCreate, args...)
	if !jsonEqual(first, second) {
		t.Fatalf("repeated create answered %v, then %v", first, second)
	}
	// A retry after the plan settled still names the same plan.
	e.settle()
	if third := e.ok(actionCreate, args...); !jsonEqual(first, third) {
		t.Fatalf("retry after settling answered %v, want %v", third, first)
	}
	other := e.ok(actionCreate, append(args[:len(args)-1:len(args)-1], "tok-2")...)
	if other["BandwidthPackageId"] == first["BandwidthPackageId"] {
		t.Fatal("a different ClientToken answered the same plan")
	}
	if pkgs, _ := e.p.Snapshot(); len(pkgs) != 2 {
		t.Fatalf("%d plans exist, want 2", len(pkgs))
	}
}

func TestCreateClientTokenAfterDeletion(t *testing.T) {
	e := newEnv(t)
	id := e.createPostpay("ClientToken", "tok")
	e.ok(actionDelete, "BandwidthPackageId", id)
	e.settle()
	again := e.ok(actionCreate, "Bandwidth", "10", "Type", TypeBasic, "BandwidthType", BandwidthBasic, "ChargeType", ChargePostpay, "ClientToken", "tok")
	if again["BandwidthPackageId"] != id {
		t.Fatalf("create with a used token answered %v, want %s", again["BandwidthPackageId"], id)
	}
	if pkgs, _ := e.p.Snapshot(); len(pkgs) != 0 {
		t.Fatalf("a repeated create of a deleted plan bought a new one: %+v", pkgs)
	}
}

func TestDescribeUnknown(t *testing.T) {
	e := newEnv(t)
	e.fails(http.StatusBadRequest, CodeNotExistBandwidthPackage, actionDescribe, "BandwidthPackageId", "gbwp-nope")
	e.fails(http.StatusBadRequest, CodeMissingParameter, actionDescribe)
}

func TestListPagingAndFilters(t *testing.T) {
	e := newEnv(t)
	var ids []string
	for range 7 {
		ids = append(ids, e.createPostpay())
	}
	cross := e.createCrossDomain()
	creating := e.create("Bandwidth", "5", "Type", TypeBasic, "BandwidthType", BandwidthBasic, "ChargeType", ChargePostpay,
		"ResourceGroupId", "rg-other", "Tag.1.Key", "env", "Tag.1.Value", "prod")
	e.ok(actionTagResources, "ResourceType", ResourceTypeBandwidthPackage, "ResourceId.1", ids[0], "Tag.1.Key", "env", "Tag.1.Value", "test")

	listIDs := func(kv ...string) (int, []string) {
		out := e.ok(actionList, kv...)
		noMockFields(t, "ListBandwidthPackages", out)
		var list listResponse
		decode(t, out, &list)
		var got []string
		for _, bp := range list.BandwidthPackages {
			got = append(got, bp.BandwidthPackageId)
		}
		return list.TotalCount, got
	}
	tests := []struct {
		name  string
		kv    []string
		total int
		want  []string
	}{
		{"defaults: first 10", nil, 9, append(append(append([]string{}, ids...), cross), creating)},
		{"page 2 of 4", []string{"PageSize", "4", "PageNumber", "2"}, 9, []string{ids[4], ids[5], ids[6], cross}},
		{"last partial page", []string{"PageSize", "4", "PageNumber", "3"}, 9, []string{creating}},
		{"past the end", []string{"PageSize", "4", "PageNumber", "4"}, 9, nil},
		{"by state", []string{"State", StateInit}, 1, []string{creating}},
		{"by type", []string{"Type", TypeCrossDomain}, 1, []string{cross}},
		{"by id", []string{"BandwidthPackageId", ids[3]}, 1, []string{ids[3]}},
		{"by unknown id", []string{"BandwidthPackageId", "gbwp-nope"}, 0, nil},
		{"by resource group", []string{"ResourceGroupId", "rg-other"}, 1, []string{creating}},
		{"by tag", []string{"Tag.1.Key", "env", "Tag.1.Value", "prod"}, 1, []string{creating}},
		{"by tag key", []string{"Tag.1.Key", "env"}, 2, []string{ids[0], creating}},
		{"largest page", []string{"PageSize", "100"}, 9, append(append(append([]string{}, ids...), cross), creating)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			total, got := listIDs(tt.kv...)
			if total != tt.total || !jsonEqual(got, tt.want) {
				t.Errorf("TotalCount %d, ids %v; want %d, %v", total, got, tt.total, tt.want)
			}
		})
	}
	out := e.ok(actionList, "PageSize", "100")
	expect(t, "list", out, map[string]any{"PageSize": 100, "PageNumber": 1})
	for _, bad := range [][]string{{"PageSize", "101"}, {"PageSize", "0"}, {"PageNumber", "0"}, {"PageNumber", "x"}} {
		e.fails(http.StatusBadRequest, CodeInvalidParameter, actionList, bad...)
	}
}
