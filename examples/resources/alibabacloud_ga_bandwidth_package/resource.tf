# A pay-as-you-go plan, billed by traffic. Grow it in place: raise bandwidth, or change
# bandwidth_type from "Basic" to "Enhanced" (never the other way).
resource "alibabacloud_ga_bandwidth_package" "payg" {
  bandwidth              = 100
  type                   = "Basic"
  bandwidth_type         = "Basic"
  payment_type           = "PayAsYouGo"
  billing_type           = "PayByTraffic"
  bandwidth_package_name = "web-acceleration"
  description            = "Bandwidth for the web accelerator"

  tags = {
    env  = "prod"
    team = "web"
  }
}

# A three-month subscription paid automatically and renewed automatically, a month at a time.
# It cannot be deleted before it expires: terraform destroy only removes it from the state.
resource "alibabacloud_ga_bandwidth_package" "subscription" {
  bandwidth              = 50
  type                   = "Basic"
  bandwidth_type         = "Enhanced"
  duration               = 3
  pricing_cycle          = "Month"
  auto_pay               = true
  renewal_status         = "AutoRenewal"
  auto_renew_duration    = 1
  bandwidth_package_name = "api-acceleration"

  timeouts {
    create = "15m"
    update = "20m"
  }
}
