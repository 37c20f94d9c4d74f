# The `make demo` configuration: it runs against the local mock cloud (scripts/demo.sh starts it
# with seed.json and points the provider at it through ALIBABA_CLOUD_ENDPOINT_CBN/GA and the
# ALIBABA_CLOUD_ACCESS_KEY_* variables), so the provider block names nothing but the region.
terraform {
  required_providers {
    alibabacloud = {
      source = "alibabacloud/alibabacloud"
    }
  }
}

provider "alibabacloud" {
  region = "cn-hangzhou"
}

variable "cen_bandwidth_package_id" {
  description = "The seeded subscription CEN bandwidth package (base 100 Mbps)."
  type        = string
  default     = "cenbwp-demo4xrxupouolw5ou"
}

variable "cen_end_time" {
  description = "When the temporary CEN upgrade ends (UTC, YYYY-MM-DDThh:mm:ssZ, at least 3 hours ahead)."
  type        = string
}

variable "accelerator_id" {
  description = "The seeded Global Accelerator instance."
  type        = string
  default     = "ga-bp1demo7b2w4cxtzjo2vj"
}

variable "ga_bandwidth" {
  description = "Bandwidth of the GA bandwidth plan, in Mbps."
  type        = number
  default     = 50
}

variable "ga_bandwidth_type" {
  description = "Bandwidth type of the GA bandwidth plan: Basic, later upgraded to Enhanced."
  type        = string
  default     = "Basic"
}

# 100 Mbps -> 500 Mbps until cen_end_time; the package returns to 100 Mbps on its own.
resource "alibabacloud_cen_bandwidth_temp_upgrade" "peak" {
  cen_bandwidth_package_id = var.cen_bandwidth_package_id
  bandwidth                = 500
  end_time                 = var.cen_end_time
}

resource "alibabacloud_ga_bandwidth_package" "web" {
  bandwidth              = var.ga_bandwidth
  type                   = "Basic"
  bandwidth_type         = var.ga_bandwidth_type
  payment_type           = "PayAsYouGo"
  billing_type           = "PayByTraffic"
  bandwidth_package_name = "demo-web"
  description            = "Created by make demo"
}

resource "alibabacloud_ga_bandwidth_package_attachment" "web" {
  bandwidth_package_id = alibabacloud_ga_bandwidth_package.web.id
  accelerator_id       = var.accelerator_id
}

output "cen_bandwidth" {
  value = "${alibabacloud_cen_bandwidth_temp_upgrade.peak.bandwidth} Mbps until ${alibabacloud_cen_bandwidth_temp_upgrade.peak.end_time}, then ${alibabacloud_cen_bandwidth_temp_upgrade.peak.original_bandwidth} Mbps"
}

output "ga_bandwidth_package" {
  value = "${alibabacloud_ga_bandwidth_package.web.id}: ${alibabacloud_ga_bandwidth_package.web.bandwidth} Mbps ${alibabacloud_ga_bandwidth_package.web.bandwidth_type}, bound to ${join(",", alibabacloud_ga_bandwidth_package.web.accelerators)}"
}
