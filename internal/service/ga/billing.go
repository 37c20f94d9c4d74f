package ga

import (
	"slices"
	"time"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// billing is where a bandwidth plan stands in its billing life, derived once, in the vocabulary
// of payment_type, from the API's answer (billingOf, which reads ChargeType) or from the state
// (bandwidthPackageModel.billing). Every rule about payment asks it.
type billing struct {
	// subscription: a Subscription (ChargeType PREPAY); false: pay-as-you-go (POSTPAY).
	subscription bool
	// unpaid: a Subscription whose order is not paid yet (state init). It changes nothing
	// until it is paid, and deleting it cancels the order.
	unpaid bool
	// expired: a Subscription past its expired_time.
	expired bool
}

// newBilling derives the billing of a plan from its payment_type, state and expired time.
func newBilling(paymentType, state, expiredTime string, now time.Time) billing {
	subscription := paymentType == paymentTypeSubscription
	return billing{
		subscription: subscription,
		unpaid:       subscription && state == packageStateInit,
		expired:      subscription && expired(expiredTime, now),
	}
}

// billingOf is the billing of a plan as the API shows it.
func billingOf(bp *gasdk.DescribeBandwidthPackageResponse, now time.Time) billing {
	return newBilling(paymentTypeOf(bp.ChargeType), bp.State, bp.ExpiredTime, now)
}

// billing is the billing of the plan m describes (a state, or a plan to buy).
func (m bandwidthPackageModel) billing(now time.Time) billing {
	return newBilling(m.PaymentType.ValueString(), m.Status.ValueString(), m.ExpiredTime.ValueString(), now)
}

// inForce reports whether the plan is a paid Subscription that has not expired: it cannot be
// deleted before it expires, only removed from the state, and stays billed.
func (b billing) inForce() bool { return b.subscription && !b.unpaid && !b.expired }

// purchaseAwaitsPayment reports whether buying the plan places an unpaid order: a Subscription
// bought without automatic payment, which does not become active on its own. An auto_pay still
// unknown is not judged yet.
func (b billing) purchaseAwaitsPayment(autoPay types.Bool) bool {
	return b.subscription && !autoPay.IsUnknown() && !autoPay.ValueBool()
}

// upgradeAwaitsPayment reports whether an update from prior to planned upgrades a paid
// Subscription (more bandwidth, or Basic to Enhanced) without automatic payment: the API then
// places an order that takes effect only when it is paid in the Order Center. Values still
// unknown are not judged.
func (b billing) upgradeAwaitsPayment(prior, planned updateSettings, autoPay types.Bool) bool {
	if !b.subscription || b.unpaid || autoPay.IsUnknown() || autoPay.ValueBool() {
		return false
	}
	return slices.ContainsFunc(plannedChanges(prior, planned), func(c change) bool { return c.Direction == upgrade })
}
