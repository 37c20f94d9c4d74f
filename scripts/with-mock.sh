#!/usr/bin/env bash
# with-mock.sh SEED [MOCK FLAGS...] -- COMMAND [ARGS...]
#
# Starts the standalone mock cloud on a free port with the seed file SEED, runs COMMAND with the
# provider's settings pointing at it, as a pipeline would set them for the real cloud
# (ALIBABA_CLOUD_ENDPOINT_CBN, ALIBABA_CLOUD_ENDPOINT_GA and the key pair in
# ALIBABA_CLOUD_ACCESS_KEY_ID / ALIBABA_CLOUD_ACCESS_KEY_SECRET; MOCKCLOUD_URL is the mock's base
# URL), and stops the mock on every exit path. It exits with COMMAND's status.
#
# MOCKCLOUD names a mock cloud binary to use (the released alibabacloud-mockcloud, for
# example); otherwise it is built from this repository. MOCK_ADDR is the address it listens on
# (default 127.0.0.1:0, a free port).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

[[ $# -ge 3 ]] || { echo "usage: $0 SEED [MOCK FLAGS...] -- COMMAND [ARGS...]" >&2; exit 2; }
seed=$1
shift
mock_flags=()
while [[ $# -gt 0 && $1 != "--" ]]; do mock_flags+=("$1"); shift; done
[[ ${1:-} == "--" ]] || { echo "$0: missing -- before the command" >&2; exit 2; }
shift

# shellcheck source=scripts/lib.sh
source "$root/scripts/lib.sh"

work=$(mktemp -d)
trap 'mock_stop; rm -rf "$work"' EXIT

mockcloud=${MOCKCLOUD:-}
if [[ -z "$mockcloud" ]]; then
  mockcloud=$work/mockcloud
  (cd "$root" && go build -o "$mockcloud" ./internal/cmd/mockcloud)
fi
mock_start "$mockcloud" "$seed" "$work/mock.log" ${mock_flags[@]+"${mock_flags[@]}"}
echo "mock cloud at $mock_url, seeded with $seed" >&2
mock_env
status=0
"$@" || status=$?
exit "$status"
