package cen

import (
	"context"
	"time"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/waiter"
)

// waitTempUpgradeApplied waits until DescribeCenBandwidthPackages shows the package at
// bandwidth with a TEMP_UPGRADE reservation ending at endTime. It returns the last package seen
// (nil if none), also on error.
func waitTempUpgradeApplied(ctx context.Context, api cbnAPI, id string, bandwidth int64, endTime string, timeout time.Duration) (*cbn.CenBandwidthPackage, error) {
	return waiter.Wait(ctx, waiter.Conf[*cbn.CenBandwidthPackage]{
		Pending: []string{statusPending},
		Target:  []string{statusActive},
		Refresh: statusTempUpgrade(api, id, bandwidth, endTime),
		Timeout: timeout,
		// What Do gives up retrying (throttling, HTTP 5xx, network errors) does not end the
		// wait: the next poll tries again, within the timeout.
		IsTransient: conns.IsRetryable,
	})
}
