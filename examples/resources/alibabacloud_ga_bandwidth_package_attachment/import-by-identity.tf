# Terraform 1.12 and later: import an attachment by its identity, the two IDs it binds.
import {
  to = alibabacloud_ga_bandwidth_package_attachment.example
  identity = {
    bandwidth_package_id = "gbwp-bp1sgzldyj6b4q7cx"
    accelerator_id       = "ga-bp1odcab8tmno0hdq"
  }
}
