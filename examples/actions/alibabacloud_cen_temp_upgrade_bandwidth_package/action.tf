# Upgrade a CEN bandwidth package to 500 Mbps until the end of tonight's event, when asked:
#
#   terraform apply -invoke=action.alibabacloud_cen_temp_upgrade_bandwidth_package.event_night
#
# Terraform shows the action's progress while it waits for the package to show the upgrade.
action "alibabacloud_cen_temp_upgrade_bandwidth_package" "event_night" {
  config {
    cen_bandwidth_package_id = "cenbwp-4c2zaavbvh5fx"
    bandwidth                = 500
    end_time                 = "2026-12-04T18:00:00Z"

    timeouts {
      invoke = "20m"
    }
  }
}
