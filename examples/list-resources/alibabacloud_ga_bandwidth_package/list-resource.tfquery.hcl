# Every bandwidth plan of the account, up to 1000 (Terraform stops at 100 unless told).
list "alibabacloud_ga_bandwidth_package" "all" {
  provider = alibabacloud
  limit    = 1000
}

# The Subscription plans of team "net" whose name starts with "prod-", with their attributes.
list "alibabacloud_ga_bandwidth_package" "prod" {
  provider         = alibabacloud
  include_resource = true

  config {
    payment_type = "Subscription"
    name_regex   = "^prod-"
    tags = {
      team = "net"
    }
  }
}
