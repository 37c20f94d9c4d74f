package ga

import (
	"testing"
	"time"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestBilling(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	future, past := "1893456000000", "1767225600000" // 2030-01-01, 2026-01-01 (milliseconds)
	cases := []struct {
		name                    string
		bp                      gasdk.DescribeBandwidthPackageResponse
		want                    billing
		inForce, purchaseAwaits bool
	}{
		{"paid subscription", gasdk.DescribeBandwidthPackageResponse{ChargeType: "PREPAY", State: "active", ExpiredTime: future},
			billing{subscription: true}, true, true},
		{"unpaid order", gasdk.DescribeBandwidthPackageResponse{ChargeType: "PREPAY", State: "init"},
			billing{subscription: true, unpaid: true}, false, true},
		{"expired subscription", gasdk.DescribeBandwidthPackageResponse{ChargeType: "PREPAY", State: "active", ExpiredTime: past},
			billing{subscription: true, expired: true}, false, true},
		{"pay-as-you-go", gasdk.DescribeBandwidthPackageResponse{ChargeType: "POSTPAY", State: "init", ExpiredTime: past},
			billing{}, false, false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fromAPI := billingOf(&tc.bp, now)
			var m bandwidthPackageModel
			m.PaymentType = types.StringValue(paymentTypeOf(tc.bp.ChargeType))
			m.Status = types.StringValue(tc.bp.State)
			m.ExpiredTime = types.StringValue(tc.bp.ExpiredTime)
			// The API's answer and the state say the same in the same words.
			if fromAPI != tc.want || m.billing(now) != tc.want {
				t.Errorf("billing from the API %+v, from the state %+v; want %+v", fromAPI, m.billing(now), tc.want)
			}
			if fromAPI.inForce() != tc.inForce || fromAPI.purchaseAwaitsPayment(types.BoolValue(false)) != tc.purchaseAwaits {
				t.Errorf("inForce %t, purchase awaits payment %t", fromAPI.inForce(), fromAPI.purchaseAwaitsPayment(types.BoolValue(false)))
			}
			if fromAPI.purchaseAwaitsPayment(types.BoolValue(true)) || fromAPI.purchaseAwaitsPayment(types.BoolUnknown()) {
				t.Error("a purchase paid automatically, or with auto_pay unknown, awaits no payment")
			}
		})
	}

	paid := billing{subscription: true}
	up, down := settings(20, "Basic"), settings(5, "Basic")
	for _, tc := range []struct {
		name    string
		b       billing
		planned updateSettings
		autoPay types.Bool
		want    bool
	}{
		{"paid subscription, upgrade", paid, up, types.BoolNull(), true},
		{"auto_pay", paid, up, types.BoolValue(true), false},
		{"auto_pay unknown", paid, up, types.BoolUnknown(), false},
		{"downgrade", paid, down, types.BoolValue(false), false},
		{"unpaid order", billing{subscription: true, unpaid: true}, up, types.BoolNull(), false},
		{"pay-as-you-go", billing{}, up, types.BoolNull(), false},
	} {
		if got := tc.b.upgradeAwaitsPayment(settings(10, "Basic"), tc.planned, tc.autoPay); got != tc.want {
			t.Errorf("%s: upgradeAwaitsPayment = %t, want %t", tc.name, got, tc.want)
		}
	}
}
