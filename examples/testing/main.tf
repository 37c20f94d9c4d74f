# A module of the kind a user tests in a pipeline: a pay-as-you-go GA bandwidth plan bound to an
# accelerator, and, when a CEN bandwidth package is given, a temporary upgrade of it for a
# traffic peak. tests/ holds its `terraform test` suite, which runs against the standalone mock
# cloud (README.md).

terraform {
  required_version = ">= 1.6"

  required_providers {
    alibabacloud = {
      source = "alibabacloud/alibabacloud"
    }
  }
}

variable "name" {
  description = "Name of the bandwidth plan."
  type        = string
}

variable "accelerator_id" {
  description = "The accelerator the plan is bound to (ga-...)."
  type        = string
}

variable "bandwidth" {
  description = "Bandwidth of the plan, in Mbps."
  type        = number
  default     = 10

  validation {
    condition     = var.bandwidth >= 2 && var.bandwidth <= 2000 && floor(var.bandwidth) == var.bandwidth
    error_message = "bandwidth must be a whole number of Mbps from 2 to 2000."
  }
}

variable "cen_bandwidth_package_id" {
  description = "A subscription CEN bandwidth package to upgrade for the peak; null for none."
  type        = string
  default     = null
}

variable "peak_bandwidth" {
  description = "The CEN package's bandwidth during the peak, in Mbps."
  type        = number
  default     = 500
}

variable "peak_end_time" {
  description = "When the peak upgrade ends, in UTC (YYYY-MM-DDThh:mm:ssZ, at least 3 hours ahead)."
  type        = string
  default     = null
}

resource "alibabacloud_ga_bandwidth_package" "this" {
  bandwidth              = var.bandwidth
  type                   = "Basic"
  bandwidth_type         = "Basic"
  payment_type           = "PayAsYouGo"
  billing_type           = "PayByTraffic"
  bandwidth_package_name = var.name
}

resource "alibabacloud_ga_bandwidth_package_attachment" "this" {
  bandwidth_package_id = alibabacloud_ga_bandwidth_package.this.id
  accelerator_id       = var.accelerator_id
}

resource "alibabacloud_cen_bandwidth_temp_upgrade" "peak" {
  count = var.cen_bandwidth_package_id == null ? 0 : 1

  cen_bandwidth_package_id = var.cen_bandwidth_package_id
  bandwidth                = var.peak_bandwidth
  end_time                 = var.peak_end_time
}

output "bandwidth_package_id" {
  value = alibabacloud_ga_bandwidth_package.this.id
}

output "peak_returns_to" {
  description = "The bandwidth the CEN package returns to after the peak."
  value       = one(alibabacloud_cen_bandwidth_temp_upgrade.peak[*].original_bandwidth)
}
