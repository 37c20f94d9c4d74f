# An attachment is imported by <bandwidth_package_id>:<accelerator_id>.
terraform import alibabacloud_ga_bandwidth_package_attachment.example gbwp-bp1sgzldyj6b4q7cx:ga-bp1odcab8tmno0hdq
