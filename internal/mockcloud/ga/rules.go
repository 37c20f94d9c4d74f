package ga

import (
	"net/http"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"terraform-provider-alibabacloud/internal/mockcloud/rpc"
)

// Region is the only RegionId the Ga API accepts: it is a global service run from Hangzhou.
const Region = "cn-hangzhou"

// Enumerations of the bandwidth plan API.
const (
	TypeBasic       = "Basic"       // basic bandwidth plan
	TypeCrossDomain = "CrossDomain" // cross-region (cross-border) bandwidth plan

	BandwidthBasic    = "Basic"    // standard acceleration bandwidth
	BandwidthEnhanced = "Enhanced" // enhanced acceleration bandwidth
	BandwidthAdvanced = "Advanced" // premium acceleration bandwidth

	ChargePrepay  = "PREPAY"  // subscription
	ChargePostpay = "POSTPAY" // pay-as-you-go

	BillingPayByTraffic = "PayByTraffic" // pay by data transfer
	BillingPayBY95      = "PayBY95"      // pay by the 95th percentile (the API's spelling)

	RegionChinaMainland = "China-mainland" // CbnGeographicRegionIdA of a CrossDomain plan
	RegionGlobal        = "Global"         // CbnGeographicRegionIdB of a CrossDomain plan
)

// Ranges of the bandwidth plan API.
const (
	MinBandwidth = 2    // Mbit/s
	MaxBandwidth = 2000 // Mbit/s
	MinRatio     = 30   // percent, PayBY95 only
	MaxRatio     = 100
	MaxNameLen   = 128
	MinNameLen   = 2
	MaxDescLen   = 256
)

// The actions the product serves.
const (
	actionCreate            = "CreateBandwidthPackage"
	actionDescribe          = "DescribeBandwidthPackage"
	actionList              = "ListBandwidthPackages"
	actionUpdate            = "UpdateBandwidthPackage"
	actionDelete            = "DeleteBandwidthPackage"
	actionAddAccelerator    = "BandwidthPackageAddAccelerator"
	actionRemoveAccelerator = "BandwidthPackageRemoveAccelerator"
	actionDescribeAcc       = "DescribeAccelerator"
	actionListAccelerators  = "ListAccelerators"
	actionDescribeRegions   = "DescribeRegions"
	actionDescribeAutoRenew = "DescribeBandwidthPackageAutoRenewAttribute"
	actionUpdateAutoRenew   = "UpdateBandwidthPackagaAutoRenewAttribute" // the API's spelling
	actionListTagResources  = "ListTagResources"
	actionTagResources      = "TagResources"
	actionUntagResources    = "UntagResources"
	actionChangeRG          = "ChangeResourceGroup"
	actionListIpSets        = "ListIpSets"
)

// pendingActions are the actions that leave an operation pending on a plan.
var pendingActions = []string{actionCreate, actionUpdate, actionDelete, actionAddAccelerator, actionRemoveAccelerator}

// plan is the set of purchase values a bandwidth plan is created with.
type plan struct {
	Bandwidth      int
	Type           string
	BandwidthType  string
	ChargeType     string
	BillingType    string
	Ratio          int
	RegionA        string
	RegionB        string
	Duration       int // PREPAY only; 0 when not given
	PricingCycle   string
	checkPurchase  bool // Duration and PricingCycle are checked (create, not seeds)
	ratioSupplied  bool
	regionSupplied bool
}

// planOf is the purchase values of an existing (seeded) plan, without Duration and
// PricingCycle, which only a create carries.
func planOf(bp *BandwidthPackage) plan {
	return plan{
		Bandwidth: bp.Bandwidth, Type: bp.Type, BandwidthType: bp.BandwidthType,
		ChargeType: bp.ChargeType, BillingType: bp.BillingType, Ratio: bp.Ratio,
		RegionA: bp.CbnGeographicRegionIdA, RegionB: bp.CbnGeographicRegionIdB,
		ratioSupplied: bp.Ratio != 0, regionSupplied: bp.Type != TypeCrossDomain && (bp.CbnGeographicRegionIdA != "" || bp.CbnGeographicRegionIdB != ""),
	}
}

// checkPlan enforces the CreateBandwidthPackage rules on purchase values.
func checkPlan(pl plan) *rpc.Error {
	if pl.Bandwidth < MinBandwidth || pl.Bandwidth > MaxBandwidth {
		return errInvalidParam("Bandwidth", "must be from 2 to 2000 Mbit/s")
	}
	if err := oneOf("Type", pl.Type, TypeBasic, TypeCrossDomain); err != nil {
		return err
	}
	if pl.BandwidthType != "" || pl.Type == TypeBasic {
		if err := oneOf("BandwidthType", pl.BandwidthType, BandwidthBasic, BandwidthEnhanced, BandwidthAdvanced); err != nil {
			return err
		}
	}
	if err := oneOf("ChargeType", pl.ChargeType, ChargePrepay, ChargePostpay); err != nil {
		return err
	}
	if pl.BillingType != "" {
		if err := oneOf("BillingType", pl.BillingType, BillingPayByTraffic, BillingPayBY95); err != nil {
			return err
		}
		if pl.ChargeType != ChargePostpay {
			return errInvalidParam("BillingType", "applies only to ChargeType POSTPAY")
		}
	}
	if pl.BillingType == BillingPayBY95 {
		if pl.Ratio < MinRatio || pl.Ratio > MaxRatio {
			return errInvalidParam("Ratio", "must be from 30 to 100 with BillingType PayBY95")
		}
	} else if pl.ratioSupplied {
		return errInvalidParam("Ratio", "applies only to BillingType PayBY95")
	}
	if pl.Type == TypeCrossDomain {
		if err := oneOf("CbnGeographicRegionIdA", pl.RegionA, RegionChinaMainland); err != nil {
			return err
		}
		if err := oneOf("CbnGeographicRegionIdB", pl.RegionB, RegionGlobal); err != nil {
			return err
		}
	} else if pl.regionSupplied {
		return errInvalidParam("CbnGeographicRegionIdA", "CbnGeographicRegionIdA and CbnGeographicRegionIdB apply only to Type CrossDomain")
	}
	if !pl.checkPurchase {
		return nil
	}
	if pl.ChargeType != ChargePrepay {
		if pl.Duration != 0 || pl.PricingCycle != "" {
			return errInvalidParam("Duration", "Duration and PricingCycle apply only to ChargeType PREPAY")
		}
		return nil
	}
	if err := oneOf("PricingCycle", pl.PricingCycle, "Month", "Year"); err != nil {
		return err
	}
	maxDuration := 9
	if pl.PricingCycle == "Year" {
		maxDuration = 3
	}
	if pl.Duration < 1 || pl.Duration > maxDuration {
		return errInvalidParam("Duration", "must be from 1 to 9 months, or from 1 to 3 years")
	}
	return nil
}

var namePattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9._-]*$`)

// checkName enforces the UpdateBandwidthPackage rules on Name and Description ("" = unset).
func checkName(name, description string) *rpc.Error {
	if name != "" {
		n := utf8.RuneCountInString(name)
		if n < MinNameLen || n > MaxNameLen || !namePattern.MatchString(name) {
			return errInvalidParam("Name", "must be 2 to 128 characters, start with a letter and contain only letters, digits, periods (.), underscores (_) and hyphens (-)")
		}
	}
	if utf8.RuneCountInString(description) > MaxDescLen {
		return errInvalidParam("Description", "can be up to 256 characters long")
	}
	return nil
}

// oneOf refuses value unless it is one of allowed.
func oneOf(param, value string, allowed ...string) *rpc.Error {
	if slices.Contains(allowed, value) {
		return nil
	}
	if value == "" {
		return errMissingParam(param)
	}
	return errInvalidParam(param, "must be one of "+strings.Join(allowed, ", "))
}

// regionOptional are the actions whose RegionId may be left out (their metadata marks it
// optional); every other Ga action requires it.
var regionOptional = []string{actionUpdateAutoRenew}

// checkRegion refuses a call whose RegionId is not cn-hangzhou.
func checkRegion(call *rpc.Call) *rpc.Error {
	switch r := call.Params.Get("RegionId"); r {
	case Region:
		return nil
	case "":
		if slices.Contains(regionOptional, call.Action) {
			return nil
		}
		return errMissingParam("RegionId")
	default:
		return apiError(http.StatusNotFound, CodeInvalidRegionID,
			"The specified region does not exist: Global Accelerator answers only RegionId %s, not %q.", Region, r)
	}
}
