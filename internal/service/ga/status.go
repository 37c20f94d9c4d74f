package ga

import (
	"context"
	"slices"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/waiter"
)

// Synthetic states that status functions report when a wait looks at more than one field.
const (
	stateSettling = "settling"
	stateDone     = "done"
	stateGone     = "gone"
)

// statusBandwidthPackage reports a bandwidth plan's state, and notFound once it cannot be
// found: "" (no state yet) while waiting for a plan to appear or settle, stateGone while
// waiting for it to be deleted.
func statusBandwidthPackage(api gaAPI, id, notFound string) waiter.StatusFunc[*gasdk.DescribeBandwidthPackageResponse] {
	return func(ctx context.Context) (*gasdk.DescribeBandwidthPackageResponse, string, error) {
		bp, err := findBandwidthPackageByID(ctx, api, id)
		if conns.IsNotFound(err) {
			return nil, notFound, nil
		}
		if err != nil {
			return nil, "", err
		}
		return bp, bp.State, nil
	}
}

// packageValues are the asynchronous settings of a bandwidth plan an update waits for.
type packageValues struct {
	Bandwidth     int64
	BandwidthType string
}

// matches reports whether the plan shows the values (an empty BandwidthType is not checked,
// as CrossDomain plans do not report one).
func (v packageValues) matches(bp *gasdk.DescribeBandwidthPackageResponse) bool {
	return int64(bp.Bandwidth) == v.Bandwidth && (v.BandwidthType == "" || bp.BandwidthType == v.BandwidthType)
}

// statusBandwidthPackageUpdated reports stateDone when every accelerator in accelerators is
// active again and the bandwidth plan, out of any transitional state, shows want. Accelerators
// are looked at first, as the API page says a bound plan's update is over when its
// accelerators leave "configuring"; the plan's values then confirm it.
func statusBandwidthPackageUpdated(api gaAPI, id string, accelerators []string, want packageValues) waiter.StatusFunc[*gasdk.DescribeBandwidthPackageResponse] {
	return func(ctx context.Context) (*gasdk.DescribeBandwidthPackageResponse, string, error) {
		for _, accID := range accelerators {
			acc, err := findAcceleratorByID(ctx, api, accID)
			if err != nil {
				return nil, "", err
			}
			if acc.State != acceleratorStateActive {
				return nil, acc.State, nil
			}
		}
		bp, err := findBandwidthPackageByID(ctx, api, id)
		if err != nil {
			return nil, "", err
		}
		if !stablePackageState(bp.State) || !want.matches(bp) {
			return bp, stateSettling, nil
		}
		return bp, stateDone, nil
	}
}

// statusAttachment reports stateDone when the bandwidth plan, out of any transitional state,
// lists the accelerator (attached) or no longer does (!attached), and the accelerator is
// active.
func statusAttachment(api gaAPI, packageID, acceleratorID string, attached bool) waiter.StatusFunc[*gasdk.DescribeBandwidthPackageResponse] {
	return func(ctx context.Context) (*gasdk.DescribeBandwidthPackageResponse, string, error) {
		bp, err := findBandwidthPackageByID(ctx, api, packageID)
		if err != nil {
			return nil, "", err
		}
		if !stablePackageState(bp.State) || slices.Contains(bp.Accelerators, acceleratorID) != attached {
			return bp, stateSettling, nil
		}
		acc, err := findAcceleratorByID(ctx, api, acceleratorID)
		if err != nil {
			return nil, "", err
		}
		if acc.State != acceleratorStateActive {
			return bp, acc.State, nil
		}
		return bp, stateDone, nil
	}
}

// stablePackageState reports whether a bandwidth plan's state accepts changes.
func stablePackageState(state string) bool {
	return state == packageStateActive || state == packageStateBinded
}
