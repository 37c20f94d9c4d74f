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
# The key pair the mock accepts and the provider signs with (the mock's documented default).
key_id=LTAI5tMockAccessKeyId
key_secret=MockAccessKeySecret0123456789
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

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
mock_pid=""
cleanup() {
  if [[ -n "$mock_pid" ]] && kill -0 "$mock_pid" 2>/dev/null; then
    kill "$mock_pid" && wait "$mock_pid" 2>/dev/null || true
    echo "mock cloud stopped"
  fi
}
trap cleanup EXIT
"$mockcloud" -addr 127.0.0.1:0 -seed examples/demo/seed.json -delay 2s \
  -access-key-id "$key_id" -access-key-secret "$key_secret" >"$work/mock.log" 2>&1 &
mock_pid=$!
url=""
for _ in $(seq 1 100); do
  url=$(sed -n 's/^listening on \(http:\/\/[^ ]*\).*/\1/p' "$work/mock.log" | head -n 1)
  [[ -n "$url" ]] && break
  kill -0 "$mock_pid" 2>/dev/null || { cat "$work/mock.log"; echo "mock cloud did not start" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$url" ]] || { echo "mock cloud did not report its address" >&2; exit 1; }
echo "mock cloud at $url (log: $work/mock.log)"

# A CLI config that loads the provider just built, and the provider's settings from the
# environment, as a user of the real cloud would set them.
cat >"$work/terraformrc" <<RC
provider_installation {
  dev_overrides {
    "registry.terraform.io/alibabacloud/alibabacloud" = "$provider_dir"
  }
  direct {}
}
RC
export TF_CLI_CONFIG_FILE=$work/terraformrc
export ALIBABA_CLOUD_ACCESS_KEY_ID=$key_id ALIBABA_CLOUD_ACCESS_KEY_SECRET=$key_secret
export ALIBABA_CLOUD_ENDPOINT_CBN=$url ALIBABA_CLOUD_ENDPOINT_GA=$url
export ALIBABA_CLOUD_ECS_METADATA_DISABLED=true
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
curl -fsS "$url/_mock/calls" | grep -o '"Action": *"[A-Za-z]*"' | cut -d'"' -f4 | sort | uniq -c
