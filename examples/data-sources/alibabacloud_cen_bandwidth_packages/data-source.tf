# The CEN bandwidth packages attached to a CEN instance, with their temporary upgrade windows.
data "alibabacloud_cen_bandwidth_packages" "backbone" {
  instance_id = "cen-7qthudw0ll6jmc"
}

# Each open window: the bandwidth it runs at, the one it returns to, and when.
output "temporary_upgrades" {
  value = {
    for p in data.alibabacloud_cen_bandwidth_packages.backbone.packages : p.id => {
      bandwidth  = p.bandwidth
      returns_to = p.reservation_bandwidth
      returns_at = p.reservation_active_time
    } if p.reservation_order_type == "TEMP_UPGRADE"
  }
}
