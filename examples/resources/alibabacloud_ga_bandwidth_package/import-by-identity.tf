# Terraform 1.12 and later: import a bandwidth plan by its identity, its ID.
import {
  to = alibabacloud_ga_bandwidth_package.example
  identity = {
    id = "gbwp-bp1sgzldyj6b4q7cx"
  }
}
