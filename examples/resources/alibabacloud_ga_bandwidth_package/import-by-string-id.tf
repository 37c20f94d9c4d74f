# Terraform 1.5 and later: import a bandwidth plan by its ID.
import {
  to = alibabacloud_ga_bandwidth_package.example
  id = "gbwp-bp1sgzldyj6b4q7cx"
}
