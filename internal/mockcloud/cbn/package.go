package cbn

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// API values of the package fields the mock interprets.
const (
	// ChargeTypePrepay is a subscription package: it has an ExpiredTime and can be upgraded temporarily.
	ChargeTypePrepay = "PREPAY"
	// ChargeTypePostpay is a pay-as-you-go package.
	ChargeTypePostpay = "POSTPAY"

	// StatusInUse is the Status of a package attached to at least one CEN instance.
	StatusInUse = "InUse"
	// StatusIdle is the Status of a package attached to no CEN instance.
	StatusIdle = "Idle"

	// BusinessStatusNormal is the BusinessStatus of a package in good standing.
	BusinessStatusNormal = "Normal"
	// BusinessStatusFinancialLocked is the BusinessStatus of a package locked for an overdue payment.
	BusinessStatusFinancialLocked = "FinancialLocked"
	// BusinessStatusSecurityLocked is the BusinessStatus of a package locked for security reasons.
	BusinessStatusSecurityLocked = "SecurityLocked"

	// ReservationTempUpgrade is the ReservationOrderType of an open temporary upgrade window.
	ReservationTempUpgrade = "TEMP_UPGRADE"

	// DefaultResourceGroupID is the ResourceGroupId a seed that leaves it out gets.
	DefaultResourceGroupID = "rg-acfmmockdefault"
	// DefaultGeographicRegionID is the GeographicRegionAId and GeographicRegionBId a seed that
	// leaves them out gets. The API answers area ids in lower case (its page's example:
	// "GeographicRegionAId": "china").
	DefaultGeographicRegionID = "china"
)

// Time layouts: the API shows times to the minute; EndTime is sent (and the mock-only fields are
// kept) to the second.
const (
	// APITimeLayout is how DescribeCenBandwidthPackages shows times: 2026-12-01T10:00Z.
	APITimeLayout = "2006-01-02T15:04Z"
	// SecondTimeLayout is how TempUpgradeCenBandwidthPackageSpec takes EndTime and how the
	// mock-only time fields are kept: 2026-12-01T10:00:00Z.
	SecondTimeLayout = "2006-01-02T15:04:05Z"
)

// Package is a CEN bandwidth package: the fields of DescribeCenBandwidthPackages' CenBandwidthPackage
// under their API names, plus a few mock-only fields (prefixed Mock, omitted when empty and never
// shown by the API).
//
// In seed and state files the reservation fields are those DescribeCenBandwidthPackages shows with
// IncludeReservationData=true: while a temporary upgrade window is open, Bandwidth is the upgraded
// value, ReservationOrderType is TEMP_UPGRADE, ReservationBandwidth the bandwidth restored at
// ReservationActiveTime and HasReservationData "true".
type Package struct {
	CenBandwidthPackageId           string                          `json:"CenBandwidthPackageId"` //nolint:revive // API field name
	Name                            string                          `json:"Name"`
	Description                     string                          `json:"Description"`
	Bandwidth                       int64                           `json:"Bandwidth"`
	BandwidthPackageChargeType      string                          `json:"BandwidthPackageChargeType"`
	Status                          string                          `json:"Status"`
	BusinessStatus                  string                          `json:"BusinessStatus"`
	CreationTime                    string                          `json:"CreationTime"`
	ExpiredTime                     string                          `json:"ExpiredTime"`
	GeographicRegionAId             string                          `json:"GeographicRegionAId"` //nolint:revive // API field name
	GeographicRegionBId             string                          `json:"GeographicRegionBId"` //nolint:revive // API field name
	GeographicSpanId                string                          `json:"GeographicSpanId"`    //nolint:revive // API field name
	IsCrossBorder                   bool                            `json:"IsCrossBorder"`
	ResourceGroupId                 string                          `json:"ResourceGroupId"` //nolint:revive // API field name
	ServiceType                     string                          `json:"ServiceType"`
	Ratio                           string                          `json:"Ratio"`
	TypeFor95                       string                          `json:"TypeFor95"`
	HasReservationData              string                          `json:"HasReservationData"`
	ReservationActiveTime           string                          `json:"ReservationActiveTime"`
	ReservationBandwidth            string                          `json:"ReservationBandwidth"`
	ReservationInternetChargeType   string                          `json:"ReservationInternetChargeType"`
	ReservationOrderType            string                          `json:"ReservationOrderType"`
	CenIds                          CenIds                          `json:"CenIds"`
	Tags                            Tags                            `json:"Tags"`
	OrginInterRegionBandwidthLimits OrginInterRegionBandwidthLimits `json:"OrginInterRegionBandwidthLimits"` //nolint:misspell // API field name

	// MockAbsoluteInterRegionQosPolicy (mock only) marks a package whose transit router has an
	// inter-region traffic QoS policy that allocates bandwidth by absolute values: the real service
	// then refuses temporary upgrades with Forbidden.AssociatedUnsupportedInterRegionTrafficQosPolicy.
	MockAbsoluteInterRegionQosPolicy bool `json:"MockAbsoluteInterRegionQosPolicy,omitempty"`
	// MockUpgradeEndTime (mock only) is the exact end (SecondTimeLayout) of the open temporary
	// upgrade window; ReservationActiveTime shows it without seconds. A seed may leave it out: it
	// then defaults to ReservationActiveTime.
	MockUpgradeEndTime string `json:"MockUpgradeEndTime,omitempty"`
	// MockPendingUpgrade (mock only) is an accepted TempUpgradeCenBandwidthPackageSpec call that
	// has not taken effect yet.
	MockPendingUpgrade *PendingUpgrade `json:"MockPendingUpgrade,omitempty"`
}

// PendingUpgrade is a temporary upgrade accepted but not yet visible (mock only).
type PendingUpgrade struct {
	// Bandwidth is the requested temporary bandwidth, in Mbps.
	Bandwidth int64 `json:"Bandwidth"`
	// EndTime is the requested end of the window (SecondTimeLayout).
	EndTime string `json:"EndTime"`
	// DueTime is the virtual time (SecondTimeLayout) at which the upgrade takes effect.
	DueTime string `json:"DueTime"`
}

// CenIds lists the CEN instances a package is attached to, nested as the API nests it.
type CenIds struct {
	CenId []string `json:"CenId"` //nolint:revive // API field name
}

// Tags lists a package's tags, nested as the API nests them.
type Tags struct {
	Tag []Tag `json:"Tag"`
}

// Tag is one tag of a package.
type Tag struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

// OrginInterRegionBandwidthLimits lists the inter-region bandwidth limits before an upgrade,
// nested (and spelled) as the API does.
type OrginInterRegionBandwidthLimits struct {
	OrginInterRegionBandwidthLimit []OrginInterRegionBandwidthLimit `json:"OrginInterRegionBandwidthLimit"` //nolint:misspell // API field name
}

// OrginInterRegionBandwidthLimit is one inter-region bandwidth limit.
type OrginInterRegionBandwidthLimit struct {
	LocalRegionId    string `json:"LocalRegionId"`    //nolint:revive // API field name
	OppositeRegionId string `json:"OppositeRegionId"` //nolint:revive // API field name
	GeographicSpanId string `json:"GeographicSpanId"` //nolint:revive // API field name
	BandwidthLimit   string `json:"BandwidthLimit"`
}

// pkg is the product's working copy of one package: the API view plus parsed times.
type pkg struct {
	Package
	expires time.Time  // zero for POSTPAY
	base    int64      // bandwidth outside any temporary upgrade window
	window  *window    // open temporary upgrade, nil if none
	pending *pendingOp // accepted upgrade not yet visible, nil if none
}

// window is an open temporary upgrade: bandwidth until end.
type window struct {
	bandwidth int64
	end       time.Time
}

// pendingOp is an accepted temporary upgrade that takes effect at due.
type pendingOp struct {
	bandwidth int64
	end       time.Time
	due       time.Time
}

// parseTime accepts the API's minute layout and RFC 3339 (with seconds, any offset).
func parseTime(s string) (time.Time, error) {
	if t, err := time.Parse(APITimeLayout, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is neither %s nor RFC 3339", s, APITimeLayout)
	}
	return t.UTC(), nil
}

// apiTime writes t as DescribeCenBandwidthPackages shows times; secondTime with seconds.
func apiTime(t time.Time) string    { return t.UTC().Format(APITimeLayout) }
func secondTime(t time.Time) string { return t.UTC().Format(SecondTimeLayout) }

// oneOf returns an error naming field unless value is one of allowed.
func oneOf(field, value string, allowed ...string) error {
	if slices.Contains(allowed, value) {
		return nil
	}
	return fmt.Errorf("%s %q is not one of %q", field, value, allowed)
}

// fromSeed validates a seed or state-file package and fills the fields it leaves out with what
// the real service would show, now being the virtual time of the restore.
func fromSeed(in Package, now time.Time) (*pkg, error) {
	p := &pkg{Package: in}
	if p.CenBandwidthPackageId == "" {
		return nil, errors.New("CenBandwidthPackageId is required")
	}
	if p.Bandwidth < 1 {
		return nil, fmt.Errorf("field Bandwidth is %d: it must be at least 1 Mbps", p.Bandwidth)
	}
	if p.BandwidthPackageChargeType == "" {
		p.BandwidthPackageChargeType = ChargeTypePrepay
	}
	if err := oneOf("BandwidthPackageChargeType", p.BandwidthPackageChargeType, ChargeTypePrepay, ChargeTypePostpay); err != nil {
		return nil, err
	}
	if p.Status == "" {
		p.Status = StatusIdle
		if len(p.CenIds.CenId) > 0 {
			p.Status = StatusInUse
		}
	}
	if err := oneOf("Status", p.Status, StatusIdle, StatusInUse); err != nil {
		return nil, err
	}
	if p.BusinessStatus == "" {
		p.BusinessStatus = BusinessStatusNormal
	}
	if err := oneOf("BusinessStatus", p.BusinessStatus, BusinessStatusNormal, BusinessStatusFinancialLocked, BusinessStatusSecurityLocked); err != nil {
		return nil, err
	}
	if err := p.fillTimes(now); err != nil {
		return nil, err
	}
	for _, area := range []*string{&p.GeographicRegionAId, &p.GeographicRegionBId} {
		if *area == "" {
			*area = DefaultGeographicRegionID
		}
		*area = strings.ToLower(*area) // a seed may write China, as the console does
		if err := oneOf("GeographicRegionAId/GeographicRegionBId", *area, geographicRegions...); err != nil {
			return nil, err
		}
	}
	if p.GeographicSpanId == "" {
		p.GeographicSpanId = p.GeographicRegionAId + "_" + p.GeographicRegionBId
	}
	if p.ResourceGroupId == "" {
		p.ResourceGroupId = DefaultResourceGroupID
	}
	if p.CenIds.CenId == nil {
		p.CenIds.CenId = []string{}
	}
	if p.Tags.Tag == nil {
		p.Tags.Tag = []Tag{}
	}
	if p.OrginInterRegionBandwidthLimits.OrginInterRegionBandwidthLimit == nil {
		p.OrginInterRegionBandwidthLimits.OrginInterRegionBandwidthLimit = []OrginInterRegionBandwidthLimit{}
	}
	if err := p.fillReservation(); err != nil {
		return nil, err
	}
	if err := p.fillPending(); err != nil {
		return nil, err
	}
	p.sync()
	return p, nil
}

// geographicRegions are the areas a CEN bandwidth package connects, as the API names them;
// GeographicSpanId joins two with an underscore (china_china, china_asia-pacific, ...).
var geographicRegions = []string{"china", "north-america", "asia-pacific", "europe", "australia"}

// fillTimes parses CreationTime and ExpiredTime, defaulting them from now and the charge type,
// and rewrites them in the API's minute layout.
func (p *pkg) fillTimes(now time.Time) error {
	created := now
	if p.CreationTime != "" {
		t, err := parseTime(p.CreationTime)
		if err != nil {
			return fmt.Errorf("CreationTime: %w", err)
		}
		created = t
	}
	p.CreationTime = apiTime(created)
	switch {
	case p.ExpiredTime != "":
		t, err := parseTime(p.ExpiredTime)
		if err != nil {
			return fmt.Errorf("ExpiredTime: %w", err)
		}
		p.expires = t
		p.ExpiredTime = apiTime(t)
	case p.BandwidthPackageChargeType == ChargeTypePrepay:
		p.expires = created.AddDate(1, 0, 0).Truncate(time.Minute)
		p.ExpiredTime = apiTime(p.expires)
	}
	return nil
}

// fillReservation reads an open temporary upgrade window from the reservation fields.
func (p *pkg) fillReservation() error {
	p.base = p.Bandwidth
	switch p.ReservationOrderType {
	case "":
		if p.ReservationBandwidth != "" || p.ReservationActiveTime != "" || p.MockUpgradeEndTime != "" {
			return errors.New("ReservationBandwidth, ReservationActiveTime and MockUpgradeEndTime need ReservationOrderType " + ReservationTempUpgrade)
		}
		if p.HasReservationData == "" {
			p.HasReservationData = "false"
		}
		if p.HasReservationData != "false" {
			return fmt.Errorf("HasReservationData %q without a ReservationOrderType", p.HasReservationData)
		}
		return nil
	case ReservationTempUpgrade:
	default:
		return fmt.Errorf("ReservationOrderType %q is not supported by the mock (only %s)", p.ReservationOrderType, ReservationTempUpgrade)
	}
	base, err := strconv.ParseInt(p.ReservationBandwidth, 10, 64)
	if err != nil {
		return fmt.Errorf("ReservationBandwidth %q must be the bandwidth restored after the upgrade, an integer string", p.ReservationBandwidth)
	}
	if base < 1 || base >= p.Bandwidth {
		return fmt.Errorf("ReservationBandwidth %d must be at least 1 and below the upgraded Bandwidth %d", base, p.Bandwidth)
	}
	endText := p.MockUpgradeEndTime
	if endText == "" {
		endText = p.ReservationActiveTime
	}
	if endText == "" {
		return errors.New("ReservationActiveTime is required with ReservationOrderType " + ReservationTempUpgrade)
	}
	end, err := parseTime(endText)
	if err != nil {
		return fmt.Errorf("ReservationActiveTime/MockUpgradeEndTime: %w", err)
	}
	if p.ReservationActiveTime != "" {
		shown, err := parseTime(p.ReservationActiveTime)
		if err != nil {
			return fmt.Errorf("ReservationActiveTime: %w", err)
		}
		if !shown.Equal(end.Truncate(time.Minute)) {
			return fmt.Errorf("ReservationActiveTime %s and MockUpgradeEndTime %s disagree", p.ReservationActiveTime, p.MockUpgradeEndTime)
		}
	}
	if p.HasReservationData != "" && p.HasReservationData != "true" {
		return fmt.Errorf("HasReservationData %q with an open %s window", p.HasReservationData, ReservationTempUpgrade)
	}
	p.base = base
	p.window = &window{bandwidth: p.Bandwidth, end: end}
	return nil
}

// fillPending reads the accepted, not yet visible upgrade of a state file.
func (p *pkg) fillPending() error {
	in := p.MockPendingUpgrade
	if in == nil {
		return nil
	}
	if in.Bandwidth < minUpgradeBandwidth || in.Bandwidth > maxUpgradeBandwidth {
		return fmt.Errorf("MockPendingUpgrade.Bandwidth %d is outside %d to %d", in.Bandwidth, minUpgradeBandwidth, maxUpgradeBandwidth)
	}
	end, err := parseTime(in.EndTime)
	if err != nil {
		return fmt.Errorf("MockPendingUpgrade.EndTime: %w", err)
	}
	due, err := parseTime(in.DueTime)
	if err != nil {
		return fmt.Errorf("MockPendingUpgrade.DueTime: %w", err)
	}
	p.pending = &pendingOp{bandwidth: in.Bandwidth, end: end, due: due}
	return nil
}

// settle applies, in time order, every transition due at or before now: pending upgrades taking
// effect and windows ending.
func (p *pkg) settle(now time.Time) {
	for {
		switch {
		case p.window != nil && !p.window.end.After(now) &&
			(p.pending == nil || !p.pending.due.Before(p.window.end)):
			p.window = nil
		case p.pending != nil && !p.pending.due.After(now):
			p.window = &window{bandwidth: p.pending.bandwidth, end: p.pending.end}
			p.pending = nil
		default:
			p.sync()
			return
		}
	}
}

// sync writes the parsed state back into the API fields.
func (p *pkg) sync() {
	p.MockPendingUpgrade = nil
	if p.pending != nil {
		p.MockPendingUpgrade = &PendingUpgrade{
			Bandwidth: p.pending.bandwidth,
			EndTime:   secondTime(p.pending.end),
			DueTime:   secondTime(p.pending.due),
		}
	}
	if p.window == nil {
		p.Bandwidth = p.base
		p.ReservationOrderType = ""
		p.ReservationBandwidth = ""
		p.ReservationActiveTime = ""
		p.MockUpgradeEndTime = ""
		p.HasReservationData = "false"
		return
	}
	p.Bandwidth = p.window.bandwidth
	p.ReservationOrderType = ReservationTempUpgrade
	p.ReservationBandwidth = strconv.FormatInt(p.base, 10)
	p.ReservationActiveTime = apiTime(p.window.end)
	p.MockUpgradeEndTime = secondTime(p.window.end)
	p.HasReservationData = "true"
}

// snapshot returns a deep copy of the package as a state file keeps it.
func (p *pkg) snapshot() Package {
	out := p.Package
	out.CenIds.CenId = append([]string{}, p.CenIds.CenId...)
	out.Tags.Tag = append([]Tag{}, p.Tags.Tag...)
	out.OrginInterRegionBandwidthLimits.OrginInterRegionBandwidthLimit = append(
		[]OrginInterRegionBandwidthLimit{}, p.OrginInterRegionBandwidthLimits.OrginInterRegionBandwidthLimit...)
	if p.MockPendingUpgrade != nil {
		pending := *p.MockPendingUpgrade
		out.MockPendingUpgrade = &pending
	}
	return out
}
