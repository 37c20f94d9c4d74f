# Every binding of every bandwidth plan of the account.
list "alibabacloud_ga_bandwidth_package_attachment" "all" {
  provider = alibabacloud
  limit    = 1000
}

# The bindings of one accelerator.
list "alibabacloud_ga_bandwidth_package_attachment" "web" {
  provider = alibabacloud

  config {
    accelerator_id = "ga-bp1odcab8tmno0hdq"
  }
}
