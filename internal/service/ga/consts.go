package ga

import "time"

// Bandwidth plan types (attribute type, API field Type).
const (
	packageTypeBasic       = "Basic"
	packageTypeCrossDomain = "CrossDomain"
)

// Bandwidth types (attribute bandwidth_type, API field BandwidthType).
const (
	bandwidthTypeBasic    = "Basic"
	bandwidthTypeEnhanced = "Enhanced"
	bandwidthTypeAdvanced = "Advanced"
)

// Payment types as the configuration names them, and the API's ChargeType values they map to.
const (
	paymentTypeSubscription = "Subscription"
	paymentTypePayAsYouGo   = "PayAsYouGo"

	chargeTypePrepay  = "PREPAY"
	chargeTypePostpay = "POSTPAY"
)

// Billing types of pay-as-you-go plans (attribute billing_type, API field BillingType).
const (
	billingTypePayByTraffic = "PayByTraffic"
	billingTypePayBY95      = "PayBY95"
)

// Pricing cycles of subscriptions (attribute pricing_cycle, API field PricingCycle).
const (
	pricingCycleMonth = "Month"
	pricingCycleYear  = "Year"
)

// Renewal settings of a Subscription plan (attribute renewal_status, API field RenewalStatus),
// and the range of auto_renew_duration, in months (UpdateBandwidthPackagaAutoRenewAttribute
// page).
const (
	renewalAuto   = "AutoRenewal" // renewed automatically, auto_renew_duration months at a time
	renewalManual = "Normal"      // renewed by hand
	renewalNone   = "NotRenewal"  // not renewed: it expires

	autoRenewMonthsMin = 1
	autoRenewMonthsMax = 12
)

// Areas of a CrossDomain plan (API fields CbnGeographicRegionIdA and CbnGeographicRegionIdB).
const (
	geographicRegionChinaMainland = "China-mainland"
	geographicRegionGlobal        = "Global"
)

// Ranges and formats the API enforces.
const (
	bandwidthMin          = 2
	bandwidthMax          = 2000
	ratioMin              = 30
	ratioMax              = 100
	durationMonthMax      = 9
	durationYearMax       = 3
	nameMinLength         = 2
	nameMaxLength         = 128
	descriptionMaxLength  = 256
	namePatternText       = `^[A-Za-z][A-Za-z0-9._-]*$`
	nameFormatDescription = "2 to 128 characters: letters, digits, periods (.), underscores (_) and hyphens (-), starting with a letter"
)

// States of a bandwidth plan as DescribeBandwidthPackage reports them.
const (
	packageStateInit      = "init"
	packageStateActive    = "active"
	packageStateBinded    = "binded" //nolint:misspell // the API's own spelling
	packageStateBinding   = "binding"
	packageStateUnbinding = "unbinding"
	packageStateUpdating  = "updating"
	packageStateDeleting  = "deleting"
)

// States of an accelerator as DescribeAccelerator reports them.
const (
	acceleratorStateInit        = "init"
	acceleratorStateBinding     = "binding"
	acceleratorStateConfiguring = "configuring"
	acceleratorStateActive      = "active"
	acceleratorStateUnbinding   = "unbinding"
	acceleratorStateDeleting    = "deleting"
)

// API error codes this package reacts to.
const (
	errCodeNotExistBandwidthPackage = "NotExist.BandwidthPackage"
	errCodeNotExistAccelerator      = "NotExist.Accelerator"
	// errCodeNotExistBasicBandwidthPackage refuses binding a CrossDomain plan to an
	// accelerator that has no Basic plan.
	errCodeNotExistBasicBandwidthPackage = "NotExist.BasicBandwidthPackage"
	errCodeStateErrorBandwidthPackage    = "StateError.BandwidthPackage"
	errCodeStateErrorAccelerator         = "StateError.Accelerator"
	errCodeUpgradeErrorBandwidthPackage  = "UpgradeError.BandwidthPackage"
	errCodeGreaterThanGaIPSetBandwidth   = "GreaterThanGa.IpSetBandwidth"
	errCodeBandwidthIllegal              = "BandwidthIllegal.BandwidthPackage"
	errCodeBindExistBandwidthPackage     = "BindExist.BandwidthPackage"
	// errCodeOperationConflict is Alibaba Cloud's refusal of a call while an earlier one on
	// the same object is being processed. (Ga answers its cool-down after an update, "cannot
	// be called repeatedly within a specific period", with StateError.BandwidthPackage.)
	errCodeOperationConflict = "OperationConflict"
	// errCodeForbiddenRelease refuses deleting a Subscription before it expires.
	errCodeForbiddenRelease = "Forbidden.Release"
	// errCodeOrderUnpaid refuses a change of a Subscription's bandwidth while an upgrade
	// ordered without automatic payment is unpaid. The Ga reference documents no code for
	// it; this is the one Alibaba Cloud's order APIs answer for an unpaid order.
	errCodeOrderUnpaid = "Order.Unpaid"
	// Account gates. The pages say that pay-as-you-go plans and PayBY95 billing are unavailable
	// by default, and that downgrades need a quota applied for in Quota Center, but name no
	// codes for the refusals: these are assumed (docs/mock.md lists them as such).
	errCodePostpayNotEnabled      = "Forbidden.PostpayNotEnabled"
	errCodePayBY95NotEnabled      = "Forbidden.PayBY95NotEnabled"
	errCodeDowngradeQuotaExceeded = "QuotaExceeded.Downgrade"
)

// quotaCenterURL is where a person applies for a quota, such as the downgrade quota of Global
// Accelerator.
const quotaCenterURL = "https://quotas.console.aliyun.com"

// orderCenterURL is where a person pays or cancels an order placed without automatic payment.
const orderCenterURL = "https://usercenter2-intl.aliyun.com/order/list"

// Default timeouts of the resources' timeouts blocks.
const (
	defaultCreateTimeout = 10 * time.Minute
	defaultUpdateTimeout = 15 * time.Minute
	defaultDeleteTimeout = 10 * time.Minute
)

// interruptedPurchaseTimeout bounds the one more CreateBandwidthPackage a create interrupted
// while its purchase was in flight sends, to learn the plan's id.
const interruptedPurchaseTimeout = 30 * time.Second
