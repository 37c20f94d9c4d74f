package cen

import (
	"context"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/waiter"
)

// waitTempUpgradeApplied waits until DescribeCenBandwidthPackages shows u's package at its
// bandwidth with a TEMP_UPGRADE reservation ending at its end time, calling onPoll (unless nil)
// with the package each poll shows before then. It returns the last package seen (nil if
// none), also on error.
func waitTempUpgradeApplied(ctx context.Context, api cbnAPI, u tempUpgrade, timeout time.Duration, onPoll func(*cbn.CenBandwidthPackage)) (*cbn.CenBandwidthPackage, error) {
	refresh := statusTempUpgrade(api, u.packageID, u.bandwidth, u.endTime)
	if onPoll != nil {
		refresh = reportPending(refresh, onPoll)
	}
	return waiter.Wait(ctx, waiter.Conf[*cbn.CenBandwidthPackage]{
		Pending: []string{statusPending},
		Target:  []string{statusActive},
		Refresh: refresh,
		Timeout: timeout,
		// What Do gives up retrying (throttling, HTTP 5xx, network errors) does not end the
		// wait: the next poll tries again, within the timeout.
		IsTransient: conns.IsRetryable,
	})
}
