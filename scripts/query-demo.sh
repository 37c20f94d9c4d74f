#!/usr/bin/env bash
# make query-demo: bring existing bandwidth plans under Terraform with terraform query, end to
# end, as the guide "Bring existing bandwidth plans under Terraform" describes: the standalone
# mock cloud seeded with PLANS (default 120) GA bandwidth plans, more than a page of
# ListBandwidthPackages, a third of them Subscriptions and three bound to accelerators;
#   1. terraform query lists every plan and every binding;
#   2. terraform query -generate-config-out writes their configuration;
#   3. terraform plan only imports, terraform apply imports, and the next plan is empty;
#   4. the mock's call log shows that nothing was changed.
# It needs Terraform 1.14 or later: QUERY_TERRAFORM, else TF_ACC_TERRAFORM_LATEST, else TERRAFORM.
# The mock is stopped on every exit path.
set -euo pipefail
cd "$(dirname "$0")/.."

terraform=${QUERY_TERRAFORM:-${TF_ACC_TERRAFORM_LATEST:-${TERRAFORM:-terraform}}}
plans=${PLANS:-120}
root=$PWD
bin=$root/bin
work=$root/.query-demo
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

version=$(terraform_version "$terraform")
if ! version_at_least "$version" 1.14; then
  echo "terraform query needs Terraform 1.14 or later; $terraform is ${version:-unknown}." \
    "Set QUERY_TERRAFORM (or TF_ACC_TERRAFORM_LATEST) to one." >&2
  exit 1
fi

mkdir -p "$bin"
step "Building the provider and the mock cloud (Terraform $version)"
go build -o "$bin/terraform-provider-alibabacloud" .
go build -o "$bin/mockcloud" ./internal/cmd/mockcloud

rm -rf "$work" && mkdir -p "$work/config"

# The seed: PLANS plans gbwp-demo0001..., 10 to 50 Mbps, every third a Subscription, every
# fourth Enhanced; plans 1 to 3 bound to accelerators ga-demo1 to ga-demo3.
{
  printf '{\n  "Account": {"GaPostpayEnabled": true},\n  "BandwidthPackages": [\n'
  for i in $(seq 1 "$plans"); do
    charge=POSTPAY; billing='"BillingType": "PayByTraffic", '
    if (( i % 3 == 0 )); then charge=PREPAY; billing=''; fi
    bwtype=Basic; if (( i % 4 == 0 )); then bwtype=Enhanced; fi
    accelerators='[]'; if (( i <= 3 )); then accelerators="[\"ga-demo$i\"]"; fi
    printf '    {"BandwidthPackageId": "gbwp-demo%04d", "Name": "plan-%04d", "Bandwidth": %d, "Type": "Basic", "BandwidthType": "%s", "ChargeType": "%s", %s"Accelerators": %s}%s\n' \
      "$i" "$i" $(( 10 * (1 + i % 5) )) "$bwtype" "$charge" "$billing" "$accelerators" "$([[ $i -lt $plans ]] && echo ,)"
  done
  printf '  ],\n  "Accelerators": [\n'
  for i in 1 2 3; do
    printf '    {"AcceleratorId": "ga-demo%d", "Name": "web-%d", "State": "active"}%s\n' "$i" "$i" "$([[ $i -lt 3 ]] && echo ,)"
  done
  printf '  ]\n}\n'
} >"$work/seed.json"

step "Starting the mock cloud with $plans GA bandwidth plans"
trap mock_stop EXIT
mock_start "$bin/mockcloud" "$work/seed.json" "$work/mock.log" -delay 2s
echo "mock cloud at $mock_url (log: $work/mock.log)"
write_dev_overrides "$work/terraformrc" "$bin"
mock_env
cat >"$work/config/main.tf" <<'TF'
terraform {
  required_providers {
    alibabacloud = {
      source = "alibabacloud/alibabacloud"
    }
  }
}

provider "alibabacloud" {}
TF
cat >"$work/config/existing.tfquery.hcl" <<'TF'
list "alibabacloud_ga_bandwidth_package" "existing" {
  provider = alibabacloud
  limit    = 1000
}

list "alibabacloud_ga_bandwidth_package_attachment" "existing" {
  provider = alibabacloud
  limit    = 1000
}
TF
tf() { "$terraform" -chdir="$work/config" "$@"; }

step "terraform query"
tf query -no-color >"$work/query.txt"
grep '^list\.' "$work/query.txt" | sed -n '1,4p;/attachment/p'
listed=$(grep -c 'list.alibabacloud_ga_bandwidth_package.existing' "$work/query.txt" || true)
bindings=$(grep -c 'list.alibabacloud_ga_bandwidth_package_attachment.existing' "$work/query.txt" || true)
echo "... listed $listed bandwidth plans and $bindings bindings"

step "terraform query -generate-config-out=generated.tf"
tf query -no-color -generate-config-out=generated.tf >/dev/null
sed -n '1,30p' "$work/config/generated.tf"
echo "... $(grep -c '^import {' "$work/config/generated.tf") import blocks"

step "terraform plan: imports only"
tf plan -no-color -input=false | grep -E '^Plan:'
step "terraform apply"
tf apply -no-color -auto-approve -input=false | grep -E '^Apply complete'
step "terraform plan -detailed-exitcode: nothing to do"
tf plan -no-color -input=false -detailed-exitcode | grep -E 'No changes'

step "What the mock cloud was asked (reads only: nothing was changed)"
mock_call_counts | tee "$work/calls.txt"
if grep -vE ' (Describe|List)[A-Za-z]*$' "$work/calls.txt"; then
  echo "the import changed something in the cloud" >&2
  exit 1
fi
if [[ "$listed" != "$plans" || "$bindings" != 3 ]]; then
  echo "terraform query listed $listed plans and $bindings bindings, want $plans and 3" >&2
  exit 1
fi
