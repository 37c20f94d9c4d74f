# Terraform 1.5 and later: import a temporary upgrade by the ID of its CEN bandwidth package.
import {
  to = alibabacloud_cen_bandwidth_temp_upgrade.example
  id = "cenbwp-4c2zaavbvh5fx"
}
