package ga

import (
	"context"
	"time"

	gasdk "github.com/aliyun/alibaba-cloud-sdk-go/services/ga"
	"github.com/hashicorp/terraform-plugin-framework/diag"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/waiter"
)

// Transitional states of the objects the waits below watch.
var (
	acceleratorPendingStates = []string{
		AcceleratorStateInit, AcceleratorStateBinding, AcceleratorStateConfiguring, AcceleratorStateUnbinding,
	}
	packageTransitionalStates = []string{
		PackageStateInit, PackageStateBinding, PackageStateUnbinding, PackageStateUpdating,
	}
)

// minRemaining is the least time a step is given even when the operation's budget is spent,
// so that one last look can still report what it saw.
const minRemaining = time.Second

// remaining is the time left until deadline, at least minRemaining.
func remaining(deadline time.Time) time.Duration {
	return max(time.Until(deadline), minRemaining)
}

// timeoutFunc reads one operation's timeout from a timeouts block, with a default
// (timeouts.Value's Create, Update and Delete methods).
type timeoutFunc func(ctx context.Context, def time.Duration) (time.Duration, diag.Diagnostics)

// operationDeadline is when an operation starting now must be over: the timeouts block's value
// for it, or def. ok is false when the value cannot be read (diags then say why).
func operationDeadline(ctx context.Context, timeout timeoutFunc, def time.Duration, diags *diag.Diagnostics) (deadline time.Time, ok bool) {
	d, readDiags := timeout(ctx, def)
	diags.Append(readDiags...)
	return time.Now().Add(d), !readDiags.HasError()
}

// waitBandwidthPackageActive waits for a new bandwidth plan to leave "init".
func waitBandwidthPackageActive(ctx context.Context, client *conns.Client, id string, timeout time.Duration) (*gasdk.DescribeBandwidthPackageResponse, error) {
	return waiter.Wait(ctx, waiter.Conf[*gasdk.DescribeBandwidthPackageResponse]{
		Pending: []string{PackageStateInit},
		Target:  []string{PackageStateActive, PackageStateBinded},
		Refresh: statusBandwidthPackage(client, id, ""),
		Timeout: timeout,
	})
}

// waitBandwidthPackageStable waits for a bandwidth plan to leave any transitional state
// (binding, unbinding, updating, init).
func waitBandwidthPackageStable(ctx context.Context, client *conns.Client, id string, timeout time.Duration) (*gasdk.DescribeBandwidthPackageResponse, error) {
	return waiter.Wait(ctx, waiter.Conf[*gasdk.DescribeBandwidthPackageResponse]{
		Pending: packageTransitionalStates,
		Target:  []string{PackageStateActive, PackageStateBinded},
		Refresh: statusBandwidthPackage(client, id, ""),
		Timeout: timeout,
	})
}

// waitBandwidthPackageUpdated waits until an asynchronous update is over: for a bound plan,
// every accelerator it is bound to is active again; then the plan shows want.
func waitBandwidthPackageUpdated(ctx context.Context, client *conns.Client, id string, accelerators []string, want packageValues, timeout time.Duration) (*gasdk.DescribeBandwidthPackageResponse, error) {
	return waiter.Wait(ctx, waiter.Conf[*gasdk.DescribeBandwidthPackageResponse]{
		Pending: append([]string{stateSettling}, acceleratorPendingStates...),
		Target:  []string{stateDone},
		Refresh: statusBandwidthPackageUpdated(client, id, accelerators, want),
		Timeout: timeout,
	})
}

// waitBandwidthPackageDeleted waits until the bandwidth plan cannot be found.
func waitBandwidthPackageDeleted(ctx context.Context, client *conns.Client, id string, timeout time.Duration) error {
	_, err := waiter.Wait(ctx, waiter.Conf[*gasdk.DescribeBandwidthPackageResponse]{
		Pending: append([]string{PackageStateDeleting, PackageStateActive}, packageTransitionalStates...),
		Target:  []string{stateGone},
		Refresh: statusBandwidthPackage(client, id, stateGone),
		Timeout: timeout,
	})
	return err
}

// waitAttachment waits until the plan lists the accelerator (attached) or no longer does
// (!attached), out of any transitional state, with the accelerator active.
func waitAttachment(ctx context.Context, client *conns.Client, packageID, acceleratorID string, attached bool, timeout time.Duration) (*gasdk.DescribeBandwidthPackageResponse, error) {
	return waiter.Wait(ctx, waiter.Conf[*gasdk.DescribeBandwidthPackageResponse]{
		Pending: append([]string{stateSettling}, acceleratorPendingStates...),
		Target:  []string{stateDone},
		Refresh: statusAttachment(client, packageID, acceleratorID, attached),
		Timeout: timeout,
	})
}

// retryWhenRefused calls call until it succeeds, fails with an error code not in codes, or
// timeout runs out (then a *waiter.RefusedUntilTimeoutError carries the last error).
// Throttling, 5xx and network errors are retried below, by conns; this retries the API's
// refusals that mean "not now" (transitional states, cool-down periods).
func retryWhenRefused(ctx context.Context, action string, timeout time.Duration, codes []string, call func(context.Context) error) error {
	return waiter.RetryWhen(ctx, waiter.RetryConf{Action: action, Timeout: timeout, Retryable: conns.ErrorCodeIn(codes...)}, call)
}
