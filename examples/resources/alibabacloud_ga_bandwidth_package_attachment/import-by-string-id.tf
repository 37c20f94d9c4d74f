# Terraform 1.5 and later: import an attachment by <bandwidth_package_id>:<accelerator_id>.
import {
  to = alibabacloud_ga_bandwidth_package_attachment.example
  id = "gbwp-bp1sgzldyj6b4q7cx:ga-bp1odcab8tmno0hdq"
}
