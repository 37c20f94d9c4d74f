package cen

import (
	"context"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/waiter"
)

// statusTempUpgrade reports statusActive once the package shows the upgrade to
// bandwidth until endTime, statusPending before, and "" while the package is not
// found.
func statusTempUpgrade(api cbnAPI, id string, bandwidth int64, endTime string) waiter.StatusFunc[*cbn.CenBandwidthPackage] {
	return func(ctx context.Context) (*cbn.CenBandwidthPackage, string, error) {
		p, err := findBandwidthPackageByID(ctx, api, id)
		if conns.IsNotFound(err) {
			return nil, "", nil
		}
		if err != nil {
			return nil, "", err
		}
		w, err := windowOf(p)
		if err != nil {
			return p, "", err
		}
		if w.shows(bandwidth, endTime) {
			return p, statusActive, nil
		}
		return p, statusPending, nil
	}
}

// reportPending wraps refresh to call onPoll with every package it shows while the upgrade is
// still pending.
func reportPending(refresh waiter.StatusFunc[*cbn.CenBandwidthPackage], onPoll func(*cbn.CenBandwidthPackage)) waiter.StatusFunc[*cbn.CenBandwidthPackage] {
	return func(ctx context.Context) (*cbn.CenBandwidthPackage, string, error) {
		p, state, err := refresh(ctx)
		if err == nil && state == statusPending {
			onPoll(p)
		}
		return p, state, err
	}
}
