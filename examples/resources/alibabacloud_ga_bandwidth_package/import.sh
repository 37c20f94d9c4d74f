# A bandwidth plan is imported by its ID.
terraform import alibabacloud_ga_bandwidth_package.example gbwp-bp1sgzldyj6b4q7cx
