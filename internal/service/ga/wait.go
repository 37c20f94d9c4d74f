package ga

import (
	"context"
	"time"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/waiter"
)

// Transitional states of the objects the waits below watch.
var (
	acceleratorPendingStates = []string{
		acceleratorStateInit, acceleratorStateBinding, acceleratorStateConfiguring, acceleratorStateUnbinding,
	}
	packageTransitionalStates = []string{
		packageStateInit, packageStateBinding, packageStateUnbinding, packageStateUpdating,
	}
)

// waitBandwidthPackageActive waits for a new bandwidth plan to leave "init".
func waitBandwidthPackageActive(ctx context.Context, api gaAPI, id string, timeout time.Duration) (*gasdk.DescribeBandwidthPackageResponse, error) {
	return waiter.Wait(ctx, waiter.Conf[*gasdk.DescribeBandwidthPackageResponse]{
		Pending: []string{packageStateInit},
		Target:  []string{packageStateActive, packageStateBinded},
		Refresh: statusBandwidthPackage(api, id, ""),
		Timeout: timeout,
		// A failed poll is no news: the next poll tries again, within the timeout.
		IsTransient: conns.IsRetryable,
	})
}

// waitBandwidthPackageStable waits for a bandwidth plan to leave any transitional state
// (binding, unbinding, updating, init).
func waitBandwidthPackageStable(ctx context.Context, api gaAPI, id string, timeout time.Duration) (*gasdk.DescribeBandwidthPackageResponse, error) {
	return waiter.Wait(ctx, waiter.Conf[*gasdk.DescribeBandwidthPackageResponse]{
		Pending: packageTransitionalStates,
		Target:  []string{packageStateActive, packageStateBinded},
		Refresh: statusBandwidthPackage(api, id, ""),
		Timeout: timeout,
		// A failed poll is no news: the next poll tries again, within the timeout.
		IsTransient: conns.IsRetryable,
	})
}

// waitBandwidthPackageUpdated waits until an asynchronous update is over: for a bound plan,
// every accelerator it is bound to is active again; then the plan shows want.
func waitBandwidthPackageUpdated(ctx context.Context, api gaAPI, id string, accelerators []string, want packageValues, timeout time.Duration) (*gasdk.DescribeBandwidthPackageResponse, error) {
	return waiter.Wait(ctx, waiter.Conf[*gasdk.DescribeBandwidthPackageResponse]{
		Pending: append([]string{stateSettling}, acceleratorPendingStates...),
		Target:  []string{stateDone},
		Refresh: statusBandwidthPackageUpdated(api, id, accelerators, want),
		Timeout: timeout,
		// A failed poll is no news: the next poll tries again, within the timeout.
		IsTransient: conns.IsRetryable,
	})
}

// waitBandwidthPackageDeleted waits until the bandwidth plan cannot be found.
func waitBandwidthPackageDeleted(ctx context.Context, api gaAPI, id string, timeout time.Duration) error {
	_, err := waiter.Wait(ctx, waiter.Conf[*gasdk.DescribeBandwidthPackageResponse]{
		Pending: append([]string{packageStateDeleting, packageStateActive}, packageTransitionalStates...),
		Target:  []string{stateGone},
		Refresh: statusBandwidthPackage(api, id, stateGone),
		Timeout: timeout,
		// A failed poll is no news: the next poll tries again, within the timeout.
		IsTransient: conns.IsRetryable,
	})
	return err
}

// waitAttachment waits until the plan lists the accelerator (attached) or no longer does
// (!attached), out of any transitional state, with the accelerator active.
func waitAttachment(ctx context.Context, api gaAPI, packageID, acceleratorID string, attached bool, timeout time.Duration) (*gasdk.DescribeBandwidthPackageResponse, error) {
	return waiter.Wait(ctx, waiter.Conf[*gasdk.DescribeBandwidthPackageResponse]{
		Pending: append([]string{stateSettling}, acceleratorPendingStates...),
		Target:  []string{stateDone},
		Refresh: statusAttachment(api, packageID, acceleratorID, attached),
		Timeout: timeout,
		// A failed poll is no news: the next poll tries again, within the timeout.
		IsTransient: conns.IsRetryable,
	})
}

// retryWhenRefused calls call until it succeeds, fails with an error code not in codes, or
// timeout runs out (then a *waiter.RefusedUntilTimeoutError carries the last error).
// Throttling, 5xx and network errors are retried below, by conns, until the operation's
// deadline; this retries the API's refusals that mean "not now" (transitional states,
// cool-down periods), and ends in the same error when a transient failure outlasted the time.
func retryWhenRefused(ctx context.Context, action string, timeout time.Duration, codes []string, call func(context.Context) error) error {
	return waiter.RetryWhen(ctx, waiter.RetryConf{Action: action, Timeout: timeout, Retryable: conns.RetryableOrCode(codes...)}, call)
}
