package cen

import "time"

// Values of the status attribute.
const (
	// statusActive means the API shows the upgrade's window as open.
	statusActive = "Active"
	// statusExpired means the window has ended and the package is back at its
	// original bandwidth.
	statusExpired = "Expired"
	// statusPending means an upgrade was requested but the API did not show it before
	// the timeout; it only appears in the state of a create or update that timed out.
	statusPending = "Pending"
)

// Values DescribeCenBandwidthPackages shows.
const (
	chargeTypePrepay  = "PREPAY"
	chargeTypePostpay = "POSTPAY"

	reservationOrderTypeTempUpgrade = "TEMP_UPGRADE"

	businessStatusNormal = "Normal"
)

// Limits of TempUpgradeCenBandwidthPackageSpec.
const (
	minBandwidth = 2
	maxBandwidth = 10000
	// minUpgradeInterval is the shortest window the API accepts.
	minUpgradeInterval = 3 * time.Hour
)

// Time layouts: EndTime is sent with seconds, responses carry minutes only.
const (
	endTimeLayout = "2006-01-02T15:04:05Z"
	apiTimeLayout = "2006-01-02T15:04Z"
)

// Default timeouts of the resource.
const (
	defaultCreateTimeout = 10 * time.Minute
	defaultUpdateTimeout = 10 * time.Minute
)

// API error codes this package reacts to.
const (
	errCodeQosPolicy             = "Forbidden.AssociatedUnsupportedInterRegionTrafficQosPolicy"
	errCodeOrderParameterIllegal = "InvalidOperation.OrderParameterIllegal"
	errCodeInvalidParameter      = "InvalidParameter"
	errCodeUnauthorized          = "Unauthorized"
	errCodeUpgradeBwpBandwidth   = "InvalidOperation.UpgradeBwpBandwidth"
	// Codes beyond the API page: an order still in process, a locked package, an unknown id.
	errCodeOrderIsProcessing = "OperationFailed.OrderIsProcessing"
	errCodeBwpBusinessStatus = "InvalidOperation.BwpBusinessStatus"
	errCodeBwpNotFound       = "ParameterBwpInstanceId"
	// errCodeTempUpgradeNotEnabled refuses an account that does not have the feature: the page
	// says it is "not enabled by default", but names no code for it; this one is assumed.
	errCodeTempUpgradeNotEnabled = "Forbidden.TempUpgradeNotEnabled"
)
