package cen

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/aliyun/alibaba-cloud-sdk-go/services/cbn"
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	fwtypes "terraform-provider-alibabacloud/internal/framework/types"
)

// bandwidthTempUpgradeModel is the resource's state and plan.
type bandwidthTempUpgradeModel struct {
	Bandwidth             fwtypes.Int64  `tfsdk:"bandwidth"`
	BusinessStatus        types.String   `tfsdk:"business_status"`
	CenBandwidthPackageID types.String   `tfsdk:"cen_bandwidth_package_id"`
	ChargeType            types.String   `tfsdk:"charge_type"`
	EndTime               EndTime        `tfsdk:"end_time"`
	ExpiredTime           types.String   `tfsdk:"expired_time"`
	ID                    types.String   `tfsdk:"id"`
	OriginalBandwidth     types.Int64    `tfsdk:"original_bandwidth"`
	PackageName           types.String   `tfsdk:"package_name"`
	Status                types.String   `tfsdk:"status"`
	Timeouts              timeouts.Value `tfsdk:"timeouts"`
	WindowEndTime         types.String   `tfsdk:"window_end_time"`
}

// tempUpgrade returns the order m describes.
func (m bandwidthTempUpgradeModel) tempUpgrade() tempUpgrade {
	return tempUpgrade{packageID: m.CenBandwidthPackageID.ValueString(), bandwidth: m.Bandwidth.ValueInt64(), endTime: m.EndTime.ValueString()}
}

// upgradeChanged reports whether plan asks the API for something state does not have: another
// bandwidth, or an end_time in another minute.
func upgradeChanged(plan, state bandwidthTempUpgradeModel) bool {
	return !plan.Bandwidth.Equal(state.Bandwidth) || !sameMinute(plan.EndTime.ValueString(), state.EndTime.ValueString())
}

// setPackage copies the package's own attributes from p; with p nil, unknown ones become null.
func (m *bandwidthTempUpgradeModel) setPackage(p *cbn.CenBandwidthPackage) {
	if p == nil {
		for _, v := range []*types.String{&m.BusinessStatus, &m.ChargeType, &m.ExpiredTime, &m.PackageName} {
			if v.IsUnknown() {
				*v = types.StringNull()
			}
		}
		return
	}
	m.BusinessStatus = types.StringValue(p.BusinessStatus)
	m.ChargeType = types.StringValue(p.BandwidthPackageChargeType)
	m.ExpiredTime = types.StringValue(normalizeAPITime(p.ExpiredTime))
	m.PackageName = types.StringValue(p.Name)
}

// refresh sets what package p, which shows window w, says of the upgrade m holds: the package's
// own attributes, and the window's while it is open.
func (m *bandwidthTempUpgradeModel) refresh(p *cbn.CenBandwidthPackage, w window) {
	m.CenBandwidthPackageID = types.StringValue(p.CenBandwidthPackageId)
	m.setPackage(p)
	if w.Open {
		m.Status = types.StringValue(statusActive)
		m.Bandwidth = fwtypes.Int64Value(w.Bandwidth)
		if !windowEndFor(w.EndTime, m.EndTime.ValueString()) {
			// Not the window this end_time orders (moved outside Terraform, or imported):
			// end_time shows where the window ends.
			m.EndTime = NewEndTimeValue(w.EndTime)
		}
		m.WindowEndTime = types.StringValue(w.EndTime)
		m.OriginalBandwidth = types.Int64Value(w.BaseBandwidth)
		return
	}
	// The window has ended as intended, or an order that timed out has not shown yet (it
	// stays Pending: it may still take effect). Keep the requested bandwidth and end_time, and
	// the window's last end, so that an unchanged configuration plans clean.
	if m.WindowEndTime.IsUnknown() {
		m.WindowEndTime = types.StringNull()
	}
	if m.Status.ValueString() != statusPending {
		m.Status = types.StringValue(statusExpired)
	}
	m.OriginalBandwidth = types.Int64Value(w.Bandwidth)
}

// setWindow records what package p shows of the upgrade m ordered: the package's attributes
// and the open window w.
func (m *bandwidthTempUpgradeModel) setWindow(p *cbn.CenBandwidthPackage, w window) {
	m.setPackage(p)
	m.Status = types.StringValue(statusActive)
	m.OriginalBandwidth = types.Int64Value(w.BaseBandwidth)
	m.WindowEndTime = types.StringValue(w.EndTime)
}

// setPending records an upgrade that was ordered but that p, the package as last read (nil
// when unread), does not show as ordered: status Pending, the base bandwidth when p shows it,
// and null for what is not known yet (a state holds no unknown value after an apply).
func (m *bandwidthTempUpgradeModel) setPending(p *cbn.CenBandwidthPackage) {
	m.Status = types.StringValue(statusPending)
	if m.OriginalBandwidth.IsUnknown() {
		m.OriginalBandwidth = types.Int64Null()
	}
	if m.WindowEndTime.IsUnknown() {
		m.WindowEndTime = types.StringNull()
	}
	if p != nil {
		if w, err := windowOf(p); err == nil {
			m.OriginalBandwidth = types.Int64Value(w.BaseBandwidth)
		}
	}
}

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

// shows reports whether w is the upgrade to bandwidth until endTime: that bandwidth, ending at
// endTime or where the cloud may round it up to (windowEndFor), so that neither a wait nor a
// refresh depends on the API echoing the EndTime ordered.
func (w window) shows(bandwidth int64, endTime string) bool {
	return w.Open && w.Bandwidth == bandwidth && windowEndFor(w.EndTime, endTime)
}
