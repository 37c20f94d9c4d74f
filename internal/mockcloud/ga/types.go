package ga

import "time"

// Bandwidth plan states, as DescribeBandwidthPackage reports them.
const (
	StateInit      = "init"      // being created, or a subscription whose order is not paid yet
	StateActive    = "active"    // ready, bound to no accelerator
	StateBinding   = "binding"   // BandwidthPackageAddAccelerator in progress
	StateBinded    = "binded"    // bound to an accelerator (the API's own spelling)
	StateUnbinding = "unbinding" // BandwidthPackageRemoveAccelerator in progress
	StateUpdating  = "updating"  // UpdateBandwidthPackage changing bandwidth or bandwidth type
	StateDeleting  = "deleting"  // DeleteBandwidthPackage in progress
)

// Accelerator states, as DescribeAccelerator reports them.
const (
	AcceleratorActive      = "active"      // ready
	AcceleratorConfiguring = "configuring" // a bandwidth plan or acceleration region is being changed or replaced
	AcceleratorBinding     = "binding"     // a bandwidth plan is being bound
	AcceleratorUnbinding   = "unbinding"   // a bandwidth plan is being unbound
)

// Acceleration region (IP set) states, as ListIpSets reports them.
const (
	IpSetInit     = "init"     // being created
	IpSetActive   = "active"   // ready
	IpSetUpdating = "updating" // its bandwidth is being changed
	IpSetDeleting = "deleting" // being deleted
)

// Renewal statuses of a subscription plan (DescribeBandwidthPackageAutoRenewAttribute).
const (
	RenewalAuto   = "AutoRenewal" // renewed automatically
	RenewalManual = "Normal"      // renewed by hand (the default)
	RenewalNone   = "NotRenewal"  // not renewed
)

// DefaultResourceGroupID is the resource group of plans and accelerators that name none.
const DefaultResourceGroupID = "rg-acfmmockdefault"

// BandwidthBillingBandwidthPackage is an accelerator's BandwidthBillingType when its
// bandwidth is billed through bandwidth plans (the other value, CDT, is pay by data transfer).
const BandwidthBillingBandwidthPackage = "BandwidthPackage"

// Tag is one tag of a plan or an accelerator.
type Tag struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

// BandwidthPackage is a GA bandwidth plan. Its API fields carry the names and representations
// DescribeBandwidthPackage returns (times are millisecond Unix timestamps in strings).
// The API shows no state of its own while a deletion is under way: the plan keeps its state
// (and refuses other changes) until it is gone.
// Fields whose names start with Mock are the mock's own bookkeeping: they appear in state
// files and in GET /_mock/state, never in an API response.
type BandwidthPackage struct {
	BandwidthPackageId     string   `json:"BandwidthPackageId"` //nolint:revive // API field name
	RegionId               string   `json:"RegionId"`           //nolint:revive // API field name
	Name                   string   `json:"Name"`
	Description            string   `json:"Description"`
	State                  string   `json:"State"`
	Bandwidth              int      `json:"Bandwidth"`
	BandwidthType          string   `json:"BandwidthType"`
	Type                   string   `json:"Type"`
	ChargeType             string   `json:"ChargeType"`
	BillingType            string   `json:"BillingType"`
	Ratio                  int      `json:"Ratio"`
	CbnGeographicRegionIdA string   `json:"CbnGeographicRegionIdA"` //nolint:revive // API field name
	CbnGeographicRegionIdB string   `json:"CbnGeographicRegionIdB"` //nolint:revive // API field name
	CreateTime             string   `json:"CreateTime"`
	ExpiredTime            string   `json:"ExpiredTime"`
	Accelerators           []string `json:"Accelerators"`
	ResourceGroupId        string   `json:"ResourceGroupId"` //nolint:revive // API field name
	Tags                   []Tag    `json:"Tags"`

	// MockRenewalStatus is the RenewalStatus DescribeBandwidthPackageAutoRenewAttribute
	// answers (RenewalAuto, RenewalManual or RenewalNone; mock-only, default RenewalManual).
	MockRenewalStatus string `json:"MockRenewalStatus,omitempty"`
	// MockAutoRenewDuration is the AutoRenewDuration it answers, in months (mock-only).
	MockAutoRenewDuration int `json:"MockAutoRenewDuration,omitempty"`
	// MockPending is the asynchronous operation in progress, if any (mock-only).
	MockPending *Pending `json:"MockPending,omitempty"`
	// MockClientToken is the ClientToken of the CreateBandwidthPackage call that created the
	// plan: a repeated create with it answers this plan again (mock-only).
	MockClientToken string `json:"MockClientToken,omitempty"`
	// MockDeleteClientToken is the ClientToken of the DeleteBandwidthPackage call in
	// progress (mock-only).
	MockDeleteClientToken string `json:"MockDeleteClientToken,omitempty"`
	// MockOrderId is the order id CreateBandwidthPackage answered (mock-only).
	MockOrderId string `json:"MockOrderId,omitempty"` //nolint:revive // API spelling of Id
	// MockOrderUnpaid marks a subscription created with AutoPay=false: it stays in state
	// init until Product.PayOrder is called (mock-only).
	MockOrderUnpaid bool `json:"MockOrderUnpaid,omitempty"`
	// MockUnpaidUpgrade is the upgrade of a subscription ordered with AutoPay=false: the
	// plan keeps its values until Product.PayOrder is called (mock-only).
	MockUnpaidUpgrade *UpgradeOrder `json:"MockUnpaidUpgrade,omitempty"`
	// MockLastUpdateTime is when UpdateBandwidthPackage last changed the plan; another
	// update within the cool-down period after it is refused (mock-only).
	MockLastUpdateTime time.Time `json:"MockLastUpdateTime,omitzero"`
}

// Accelerator is a GA instance, with the field names and representations DescribeAccelerator
// uses (times are millisecond Unix timestamps). The bandwidth plan fields are derived from
// the plans bound to it; a seed may set them to declare a binding instead of listing the
// accelerator in the plan's Accelerators.
type Accelerator struct {
	AcceleratorId               string                       `json:"AcceleratorId"` //nolint:revive // API field name
	RegionId                    string                       `json:"RegionId"`      //nolint:revive // API field name
	Name                        string                       `json:"Name"`
	Description                 string                       `json:"Description"`
	State                       string                       `json:"State"`
	Spec                        string                       `json:"Spec"`
	InstanceChargeType          string                       `json:"InstanceChargeType"`
	DnsName                     string                       `json:"DnsName"`
	SecondDnsName               string                       `json:"SecondDnsName"`
	CenId                       string                       `json:"CenId"`  //nolint:revive // API field name
	DdosId                      string                       `json:"DdosId"` //nolint:revive // API field name
	CreateTime                  int64                        `json:"CreateTime"`
	ExpiredTime                 int64                        `json:"ExpiredTime"`
	ResourceGroupId             string                       `json:"ResourceGroupId"` //nolint:revive // API field name
	BandwidthBillingType        string                       `json:"BandwidthBillingType"`
	CrossBorderStatus           bool                         `json:"CrossBorderStatus"`
	Tags                        []Tag                        `json:"Tags"`
	BasicBandwidthPackage       *BasicBandwidthPackage       `json:"BasicBandwidthPackage,omitempty"`
	CrossDomainBandwidthPackage *CrossDomainBandwidthPackage `json:"CrossDomainBandwidthPackage,omitempty"`
	// IpSets are the accelerator's acceleration regions, as ListIpSets shows them
	// (DescribeAccelerator does not). Their bandwidth comes out of the Basic plan bound to the
	// accelerator.
	IpSets []IpSet `json:"IpSets,omitempty"`

	// MockPending is the configuration in progress, if any (mock-only).
	MockPending *Pending `json:"MockPending,omitempty"`
}

// IpSet is an acceleration region of an accelerator, with the field names ListIpSets uses.
type IpSet struct { //nolint:revive // API spelling
	IpSetId            string   `json:"IpSetId"`            //nolint:revive // API field name
	AccelerateRegionId string   `json:"AccelerateRegionId"` //nolint:revive // API field name
	Bandwidth          int      `json:"Bandwidth"`
	IpVersion          string   `json:"IpVersion"`
	State              string   `json:"State"`
	IpAddressList      []string `json:"IpAddressList"`

	// MockPending is the operation in progress, if any (mock-only).
	MockPending *Pending `json:"MockPending,omitempty"`
}

// BasicBandwidthPackage is the basic bandwidth plan DescribeAccelerator shows.
type BasicBandwidthPackage struct {
	InstanceId    string `json:"InstanceId"` //nolint:revive // API field name
	Bandwidth     int    `json:"Bandwidth"`
	BandwidthType string `json:"BandwidthType"`
}

// CrossDomainBandwidthPackage is the cross-region bandwidth plan DescribeAccelerator shows.
type CrossDomainBandwidthPackage struct {
	InstanceId string `json:"InstanceId"` //nolint:revive // API field name
	Bandwidth  int    `json:"Bandwidth"`
}

// UpgradeOrder is an unpaid order for a subscription's new bandwidth or bandwidth type
// (mock-only). Paying it starts the change as a paid UpdateBandwidthPackage would.
type UpgradeOrder struct {
	// OrderId identifies the order, 15 digits like the real ones.
	OrderId string `json:"OrderId"` //nolint:revive // API spelling of Id
	// Time is when UpdateBandwidthPackage placed the order.
	Time time.Time `json:"Time"`
	// Bandwidth and BandwidthType are the values ordered (0 or "" when unchanged).
	Bandwidth     int    `json:"Bandwidth,omitempty"`
	BandwidthType string `json:"BandwidthType,omitempty"`
}

// Pending is an asynchronous operation in progress (mock-only). When the virtual clock
// reaches Due, the object moves to State and, for a bandwidth plan, takes the values below.
type Pending struct {
	// Action is the API action that started the operation.
	Action string `json:"Action"`
	// Due is the virtual time at which the operation completes.
	Due time.Time `json:"Due"`
	// State is the state afterwards; for DeleteBandwidthPackage the plan is removed instead.
	State string `json:"State"`
	// Bandwidth and BandwidthType are the new values of an UpdateBandwidthPackage (0 or ""
	// when unchanged).
	Bandwidth     int    `json:"Bandwidth,omitempty"`
	BandwidthType string `json:"BandwidthType,omitempty"`
	// AcceleratorId is the accelerator being bound or unbound.
	AcceleratorId string `json:"AcceleratorId,omitempty"` //nolint:revive // API field name
}
