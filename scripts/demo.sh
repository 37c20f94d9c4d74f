#!/usr/bin/env bash
# make demo: build the provider and the mock cloud, start the mock on a free port with
# examples/demo/seed.json, and drive a real Terraform through the whole life of the resources:
#   1. apply: a temporary CEN upgrade 100 -> 500 Mbps, a GA bandwidth plan (50 Mbps, Basic)
#      bound to the seeded accelerator;
#   2. apply: the GA plan upgraded in place to 100 Mbps Enhanced (the bound-update wait);
#   3. destroy. The mock is stopped on every exit path.
# PROVIDER_DIR (a directory holding a terraform-provider-alibabacloud* binary) and MOCKCLOUD (a
# mock cloud binary) use binaries built elsewhere instead of building them, as `make
# release-check` does with the release archives.
set -euo pipefail
cd "$(dirname "$0")/.."

TERRAFORM=${TERRAFORM:-terraform}
root=$PWD
bin=$root/bin
work=$root/.demo
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
# shellcheck source=scripts/lib.sh
source scripts/lib.sh

provider_dir=${PROVIDER_DIR:-}
mockcloud=${MOCKCLOUD:-}
mkdir -p "$bin"
if [[ -z "$provider_dir" ]]; then
  step "Building the provider"
  provider_dir=$bin
  go build -o "$provider_dir/terraform-provider-alibabacloud" .
fi
if [[ -z "$mockcloud" ]]; then
  step "Building the mock cloud"
  mockcloud=$bin/mockcloud
  go build -o "$mockcloud" ./internal/cmd/mockcloud
fi
echo "provider: $provider_dir; mock cloud: $mockcloud"

rm -rf "$work" && mkdir -p "$work/config"
cp examples/demo/main.tf "$work/config/"

step "Starting the mock cloud"
trap mock_stop EXIT
mock_start "$mockcloud" examples/demo/seed.json "$work/mock.log" -delay 2s
echo "mock cloud at $mock_url (log: $work/mock.log)"

# A CLI config that loads the provider just built, and the provider's settings from the
# environment, as a user of the real cloud would set them.
write_dev_overrides "$work/terraformrc" "$provider_dir"
mock_env
end_time=$(date -u -d '+1 day' +%Y-%m-%dT%H:00:00Z)
window=(-var "cen_end_time=$end_time")
upgraded=("${window[@]}" -var ga_bandwidth=100 -var ga_bandwidth_type=Enhanced)
tf() { "$TERRAFORM" -chdir="$work/config" "$@"; }

step "terraform apply: CEN 100 -> 500 Mbps until $end_time; GA plan 50 Mbps Basic, bound"
tf apply -auto-approve -input=false "${window[@]}"
tf show -no-color

step "terraform apply: GA plan upgraded in place to 100 Mbps Enhanced (waits for the accelerator)"
tf apply -auto-approve -input=false "${upgraded[@]}"
tf output

step "terraform destroy"
tf destroy -auto-approve -input=false "${upgraded[@]}"

step "What the mock cloud was asked"
mock_call_counts
