# Raise a subscription CEN bandwidth package from its base bandwidth to 500 Mbps for a
# traffic peak, until Friday 18:00 UTC. At end_time the package returns to its base
# bandwidth on its own; destroying this resource does not end the window early.
resource "alibabacloud_cen_bandwidth_temp_upgrade" "example" {
  cen_bandwidth_package_id = "cenbwp-4c2zaavbvh5fx"
  bandwidth                = 500
  end_time                 = "2026-12-04T18:00:00Z"

  timeouts {
    create = "15m"
    update = "15m"
  }
}

output "bandwidth_after_window" {
  description = "The bandwidth the package returns to at end_time."
  value       = alibabacloud_cen_bandwidth_temp_upgrade.example.original_bandwidth
}
