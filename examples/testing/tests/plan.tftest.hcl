# Plan-only runs: what `terraform plan` refuses, and what it shows before anything is bought.
# The provider reaches the mock through its `endpoints`; the credentials (the mock's key pair)
# come from the environment, ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET,
# as they would for the real cloud.

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

  name           = "tf-test-plan"
  accelerator_id = "ga-testing0mock0accel01"
}

run "bandwidth_out_of_range_is_refused" {
  command = plan

  variables {
    bandwidth = 1
  }

  expect_failures = [var.bandwidth]
}

run "plans_the_plan_and_its_binding" {
  command = plan

  assert {
    condition     = alibabacloud_ga_bandwidth_package.this.bandwidth == 10 && alibabacloud_ga_bandwidth_package.this.payment_type == "PayAsYouGo"
    error_message = "the plan is not a 10 Mbps pay-as-you-go plan"
  }

  assert {
    condition     = alibabacloud_ga_bandwidth_package_attachment.this.accelerator_id == var.accelerator_id
    error_message = "the binding is not to the given accelerator"
  }
}

run "peak_upgrade_shows_what_the_package_returns_to" {
  command = plan

  variables {
    cen_bandwidth_package_id = "cenbwp-testing0mock0pkg1"
  }

  # Read from the package at plan: a reviewer sees it before the apply.
  assert {
    condition     = alibabacloud_cen_bandwidth_temp_upgrade.peak[0].original_bandwidth == 100
    error_message = "the plan does not show the package's base bandwidth of 100 Mbps"
  }
}
