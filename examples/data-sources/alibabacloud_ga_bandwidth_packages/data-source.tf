# Every pay-as-you-go Basic plan of the team, whatever the number of pages.
data "alibabacloud_ga_bandwidth_packages" "team" {
  type         = "Basic"
  payment_type = "PayAsYouGo"
  name_regex   = "^web-"

  tags = {
    team = "web"
  }
}

output "team_plan_ids" {
  value = data.alibabacloud_ga_bandwidth_packages.team.ids
}

# The plans not bound to any accelerator yet.
output "unbound_plans" {
  value = [for p in data.alibabacloud_ga_bandwidth_packages.team.packages : p.id if length(p.accelerators) == 0]
}
