package ga

import "time"

// Bandwidth plan types (attribute type, API field Type).
const (
	PackageTypeBasic       = "Basic"
	PackageTypeCrossDomain = "CrossDomain"
)

// Bandwidth types (attribute bandwidth_type, API field BandwidthType).
const (
	BandwidthTypeBasic    = "Basic"
	BandwidthTypeEnhanced = "Enhanced"
	BandwidthTypeAdvanced = "Advanced"
)

// Payment types as the configuration names them, and the API's ChargeType values they map to.
const (
	PaymentTypeSubscription = "Subscription"
	PaymentTypePayAsYouGo   = "PayAsYouGo"

	chargeTypePrepay  = "PREPAY"
	chargeTypePostpay = "POSTPAY"
)

// Billing types of pay-as-you-go plans (attribute billing_type, API field BillingType).
const (
	BillingTypePayByTraffic = "PayByTraffic"
	BillingTypePayBY95      = "PayBY95"
)

// Pricing cycles of subscriptions (attribute pricing_cycle, API field PricingCycle).
const (
	PricingCycleMonth = "Month"
	PricingCycleYear  = "Year"
)

// Areas of a CrossDomain plan (API fields CbnGeographicRegionIdA and CbnGeographicRegionIdB).
const (
	GeographicRegionChinaMainland = "China-mainland"
	GeographicRegionGlobal        = "Global"
)

// Ranges and formats the API enforces.
const (
	BandwidthMin          = 2
	BandwidthMax          = 2000
	RatioMin              = 30
	RatioMax              = 100
	DurationMonthMax      = 9
	DurationYearMax       = 3
	NameMinLength         = 2
	NameMaxLength         = 128
	DescriptionMaxLength  = 256
	namePatternText       = `^[A-Za-z][A-Za-z0-9._-]*$`
	nameFormatDescription = "2 to 128 characters: letters, digits, periods (.), underscores (_) and hyphens (-), starting with a letter"
)

// States of a bandwidth plan as DescribeBandwidthPackage reports them.
const (
	PackageStateInit      = "init"
	PackageStateActive    = "active"
	PackageStateBinded    = "binded" //nolint:misspell // the API's own spelling
	PackageStateBinding   = "binding"
	PackageStateUnbinding = "unbinding"
	PackageStateUpdating  = "updating"
	PackageStateDeleting  = "deleting"
)

// States of an accelerator as DescribeAccelerator reports them.
const (
	AcceleratorStateInit        = "init"
	AcceleratorStateBinding     = "binding"
	AcceleratorStateConfiguring = "configuring"
	AcceleratorStateActive      = "active"
	AcceleratorStateUnbinding   = "unbinding"
	AcceleratorStateDeleting    = "deleting"
)

// API error codes this package reacts to.
const (
	ErrCodeNotExistBandwidthPackage = "NotExist.BandwidthPackage"
	ErrCodeNotExistAccelerator      = "NotExist.Accelerator"
	// ErrCodeNotExistBasicBandwidthPackage refuses binding a CrossDomain plan to an
	// accelerator that has no Basic plan.
	ErrCodeNotExistBasicBandwidthPackage = "NotExist.BasicBandwidthPackage"
	ErrCodeStateErrorBandwidthPackage    = "StateError.BandwidthPackage"
	ErrCodeStateErrorAccelerator         = "StateError.Accelerator"
	ErrCodeUpgradeErrorBandwidthPackage  = "UpgradeError.BandwidthPackage"
	ErrCodeGreaterThanGaIPSetBandwidth   = "GreaterThanGa.IpSetBandwidth"
	ErrCodeBandwidthIllegal              = "BandwidthIllegal.BandwidthPackage"
	ErrCodeBindExistBandwidthPackage     = "BindExist.BandwidthPackage"
	// ErrCodeOperationConflict is Alibaba Cloud's refusal of a call while an earlier one on
	// the same object is being processed. (Ga answers its cool-down after an update, "cannot
	// be called repeatedly within a specific period", with StateError.BandwidthPackage.)
	ErrCodeOperationConflict = "OperationConflict"
	// ErrCodeForbiddenRelease refuses deleting a Subscription before it expires.
	ErrCodeForbiddenRelease = "Forbidden.Release"
	// ErrCodeOrderUnpaid refuses a change of a Subscription's bandwidth while an upgrade
	// ordered without automatic payment is unpaid. The Ga reference documents no code for
	// it; this is the one Alibaba Cloud's order APIs answer for an unpaid order.
	ErrCodeOrderUnpaid = "Order.Unpaid"
)

// orderCenterURL is where a person pays or cancels an order placed without automatic payment.
const orderCenterURL = "https://usercenter2-intl.aliyun.com/order/list"

// Default timeouts of the resources' timeouts blocks.
const (
	defaultCreateTimeout = 10 * time.Minute
	defaultUpdateTimeout = 15 * time.Minute
	defaultDeleteTimeout = 10 * time.Minute
)
