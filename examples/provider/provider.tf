# Credentials come from the usual places: these attributes, the ALICLOUD_* / ALIBABA_CLOUD_*
# environment variables, an aliyun CLI profile, or the ECS instance RAM role.
provider "alibabacloud" {
  region = "cn-hangzhou"

  # Optional: assume a RAM role for every call.
  # assume_role {
  #   role_arn     = "acs:ram::1234567890123456:role/terraform"
  #   session_name = "terraform"
  # }
}
