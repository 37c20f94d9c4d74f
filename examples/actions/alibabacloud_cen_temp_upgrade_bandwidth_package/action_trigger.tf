# Upgrade the package whenever a new event is declared: the action runs after terraform_data.event
# is created or its input changes.
action "alibabacloud_cen_temp_upgrade_bandwidth_package" "event" {
  config {
    cen_bandwidth_package_id = "cenbwp-4c2zaavbvh5fx"
    bandwidth                = 500
    end_time                 = terraform_data.event.output.end_time
  }
}

resource "terraform_data" "event" {
  input = {
    name     = "launch"
    end_time = "2026-12-04T18:00:00Z"
  }

  lifecycle {
    action_trigger {
      events  = [after_create, after_update]
      actions = [action.alibabacloud_cen_temp_upgrade_bandwidth_package.event]
    }
  }
}
