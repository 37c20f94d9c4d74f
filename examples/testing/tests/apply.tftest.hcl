# Apply runs against the mock: the module buys, binds and upgrades, and an in-place change keeps
# the plan (no second purchase). `terraform test` destroys everything at the end.

provider "alibabacloud" {
  region = "cn-hangzhou"

  endpoints {
    cbn = var.mock_url
    ga  = var.mock_url
  }
}

variables {
  # The mock's address: where the pipeline starts it (alibabacloud-mockcloud -addr
  # 127.0.0.1:18686). A provider block of a test file sees the file's own variables only.
  mock_url = "http://127.0.0.1:18686"

  name                     = "tf-test-apply"
  accelerator_id           = "ga-testing0mock0accel01"
  cen_bandwidth_package_id = "cenbwp-testing0mock0pkg1"
}

run "create" {
  assert {
    condition     = alibabacloud_ga_bandwidth_package_attachment.this.status == "binded"
    error_message = "the plan is not bound: status ${alibabacloud_ga_bandwidth_package_attachment.this.status}"
  }

  assert {
    condition     = alibabacloud_cen_bandwidth_temp_upgrade.peak[0].status == "Active"
    error_message = "the peak upgrade is not active"
  }

  assert {
    condition     = output.peak_returns_to == 100
    error_message = "the package does not return to 100 Mbps after the peak"
  }
}

run "upgrade_in_place" {
  variables {
    bandwidth = 20
  }

  assert {
    condition     = alibabacloud_ga_bandwidth_package.this.bandwidth == 20
    error_message = "the plan was not upgraded to 20 Mbps"
  }

  assert {
    condition     = output.bandwidth_package_id == run.create.bandwidth_package_id
    error_message = "the plan was replaced (bought again) instead of changed in place"
  }
}

run "peak_raise_planned" {
  # terraform test keeps one provider instance for the runs of a file: planning a higher window
  # in a later run is the one upgrade changed, not a second upgrade of the same package. (The
  # strict mock, like the cloud may, refuses a new order while the window is open: plan only.)
  command = plan

  variables {
    bandwidth      = 20
    peak_bandwidth = 600
  }

  assert {
    condition     = alibabacloud_cen_bandwidth_temp_upgrade.peak[0].bandwidth == 600
    error_message = "the plan does not raise the peak upgrade to 600 Mbps"
  }
}
