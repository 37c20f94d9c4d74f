#!/usr/bin/env bash
# make test-examples: the `terraform test` suite of examples/testing, the one a user copies to
# test their own module, run the way its README tells a pipeline to: the standalone mock cloud
# started with the suite's seed at the address its test files name, the provider built from this
# repository (dev_overrides), the mock's key pair in the environment.
#
# It needs Terraform 1.6 or later (terraform test): TERRAFORM_TEST names one; otherwise the
# newest Terraform at hand, TF_ACC_TERRAFORM_LATEST (which the Makefile and .ci/run find), else
# TERRAFORM (the Makefile's) when it is recent enough. MOCKCLOUD runs a released mock binary
# instead of building it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# shellcheck source=scripts/lib.sh
source scripts/lib.sh

terraform=${TERRAFORM_TEST:-${TF_ACC_TERRAFORM_LATEST:-${TERRAFORM:-terraform}}}
if ! version_at_least "$(terraform_version "$terraform")" 1.6; then
  echo "make test-examples runs terraform test, which needs Terraform 1.6 or later; $terraform is $(terraform_version "$terraform" | grep . || echo 'not found')." >&2
  echo "Name one with TERRAFORM_TEST=/path/to/terraform." >&2
  exit 1
fi
echo "terraform test with $terraform ($(terraform_version "$terraform"))"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/bin/terraform-provider-alibabacloud" .
write_dev_overrides "$work/terraformrc" "$work/bin"
cp -R examples/testing "$work/suite"
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
# A peak window a day ahead, on the hour (GNU date, else BSD date).
peak_end=$(date -u -d '+1 day' +%Y-%m-%dT%H:00:00Z 2>/dev/null || date -u -v+1d +%Y-%m-%dT%H:00:00Z)
cd "$work/suite"
MOCK_ADDR=127.0.0.1:18686 "$root/scripts/with-mock.sh" seed.json -- \
  env TF_VAR_peak_end_time="$peak_end" "$terraform" test -no-color
