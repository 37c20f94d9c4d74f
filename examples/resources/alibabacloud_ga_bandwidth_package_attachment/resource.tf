variable "accelerator_id" {
  description = "ID of an existing Global Accelerator instance."
  type        = string
}

resource "alibabacloud_ga_bandwidth_package" "example" {
  bandwidth      = 100
  type           = "Basic"
  bandwidth_type = "Basic"
  payment_type   = "PayAsYouGo"
}

# Binds the plan to the accelerator and waits until the accelerator is active again.
resource "alibabacloud_ga_bandwidth_package_attachment" "example" {
  bandwidth_package_id = alibabacloud_ga_bandwidth_package.example.id
  accelerator_id       = var.accelerator_id
}
