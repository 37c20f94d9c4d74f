package cen

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"

	"terraform-provider-alibabacloud/internal/conns"
	"terraform-provider-alibabacloud/internal/waiter"
)

// window is what a package shows of a temporary upgrade.
type window struct {
	// Open is true while the API shows a TEMP_UPGRADE reservation.
	Open bool
	// Bandwidth is the package's current bandwidth (the upgraded value while Open).
	Bandwidth int64
	// EndTime is when the upgrade ends, in the configuration's layout; "" when not Open.
	EndTime string
	// BaseBandwidth is what the package returns to (or is at, when not Open).
	BaseBandwidth int64
}

// windowOf reads the temporary-upgrade fields of p.
func windowOf(p *cbn.CenBandwidthPackage) (window, error) {
	w := window{Bandwidth: p.Bandwidth, BaseBandwidth: p.Bandwidth}
	if !strings.EqualFold(p.HasReservationData, "true") || p.ReservationOrderType != reservationOrderTypeTempUpgrade {
		return w, nil
	}
	base, err := strconv.ParseInt(strings.TrimSpace(p.ReservationBandwidth), 10, 64)
	if err != nil {
		return w, fmt.Errorf("CEN bandwidth package %s shows a temporary upgrade with an unreadable ReservationBandwidth %q",
			p.CenBandwidthPackageId, p.ReservationBandwidth)
	}
	w.Open = true
	w.BaseBandwidth = base
	w.EndTime = normalizeAPITime(p.ReservationActiveTime)
	return w, nil
}

// shows reports whether w is the upgrade to bandwidth until endTime.
func (w window) shows(bandwidth int64, endTime string) bool {
	return w.Open && w.Bandwidth == bandwidth && sameEndTime(w.EndTime, endTime)
}

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
