# Terraform 1.12 and later: import a temporary upgrade by its identity, the ID of its CEN
# bandwidth package.
import {
  to = alibabacloud_cen_bandwidth_temp_upgrade.example
  identity = {
    id = "cenbwp-4c2zaavbvh5fx"
  }
}
