# The accelerators a bandwidth plan can be bound to: billed by bandwidth plans, and active.
data "alibabacloud_ga_accelerators" "for_plans" {
  bandwidth_billing_type = "BandwidthPackage"
  status                 = "active"
}

# Those without a Basic plan yet.
output "without_basic_plan" {
  value = [for a in data.alibabacloud_ga_accelerators.for_plans.accelerators : a.id if length(a.basic_bandwidth_package) == 0]
}
