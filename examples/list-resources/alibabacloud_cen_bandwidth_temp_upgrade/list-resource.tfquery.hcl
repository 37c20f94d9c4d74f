# Every temporary upgrade window open in the provider's region.
list "alibabacloud_cen_bandwidth_temp_upgrade" "open" {
  provider         = alibabacloud
  include_resource = true
}
