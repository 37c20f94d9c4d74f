#!/usr/bin/env bash
# make test: every unit and acceptance test with the Terraform given (TERRAFORM), then the
# acceptance tests that Terraform is too old for (tfversion.SkipBelow) again with the newest
# Terraform at hand (TF_ACC_TERRAFORM_LATEST; the Makefile points it at
# ../shared/bin/terraform-1.14.9 when that exists). Each run ends with how many acceptance tests
# ran and which were skipped, and why. Without a newer Terraform the skipped tests are named,
# and the run still passes: the lowest supported Terraform (1.5.7) must pass everything it can.
set -euo pipefail
cd "$(dirname "$0")/.."

terraform=${TERRAFORM:?TERRAFORM must name the Terraform CLI to test with}
latest=${TF_ACC_TERRAFORM_LATEST:-}
export CHECKPOINT_DISABLE=1

mkdir -p bin
go build -o bin/testreport ./internal/cmd/testreport
skipped=$(mktemp)
trap 'rm -f "$skipped"' EXIT

# shellcheck source=scripts/lib.sh
source scripts/lib.sh

# version prints "Terraform <version> (<path>)" for a Terraform binary.
version() {
  local v
  v=$(terraform_version "$1")
  printf 'Terraform %s (%s)' "${v:-unknown}" "$(realpath "$1")"
}

# run_tests LABEL GO_TEST_ARGS...: go test with TF_ACC and TF_ACC_TERRAFORM_PATH, reported.
run_tests() {
  local binary=$1; shift
  local label; label=$(version "$binary")
  printf '\n== go test %s, acceptance tests with %s\n' "$*" "$label"
  TF_ACC=1 TF_ACC_TERRAFORM_PATH="$binary" go test -race -count=1 -timeout 30m -json "$@" |
    bin/testreport -terraform "$label" -version-skips "$skipped"
}

status=0
run_tests "$terraform" ./... || status=$?

if [[ -s "$skipped" ]]; then
  if [[ -n "$latest" && -x "$latest" ]]; then
    tests=$(paste -sd '|' "$skipped")
    run_tests "$latest" -run "^(${tests})\$" ./internal/... || status=$?
  else
    printf '\nThe tests above that need a newer Terraform did not run: set TF_ACC_TERRAFORM_LATEST to a Terraform of that version or later to run them too.\n'
  fi
fi
exit "$status"
