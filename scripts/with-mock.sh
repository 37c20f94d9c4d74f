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

# The key pair the mock accepts (its documented default).
key_id=LTAI5tMockAccessKeyId
key_secret=MockAccessKeySecret0123456789

work=$(mktemp -d)
mock_pid=""
cleanup() {
  if [[ -n "$mock_pid" ]] && kill -0 "$mock_pid" 2>/dev/null; then
    kill "$mock_pid" && wait "$mock_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

mockcloud=${MOCKCLOUD:-}
if [[ -z "$mockcloud" ]]; then
  mockcloud=$work/mockcloud
  (cd "$root" && go build -o "$mockcloud" ./internal/cmd/mockcloud)
fi
"$mockcloud" -addr "${MOCK_ADDR:-127.0.0.1:0}" -seed "$seed" -access-key-id "$key_id" -access-key-secret "$key_secret" \
  ${mock_flags[@]+"${mock_flags[@]}"} >"$work/mock.log" 2>&1 &
mock_pid=$!
url=""
for _ in $(seq 1 200); do
  url=$(sed -n 's/^listening on \(http:\/\/[^ ]*\).*/\1/p' "$work/mock.log" | head -n 1)
  [[ -n "$url" ]] && break
  kill -0 "$mock_pid" 2>/dev/null || { cat "$work/mock.log" >&2; echo "$0: the mock cloud did not start" >&2; exit 1; }
  sleep 0.1
done
[[ -n "$url" ]] || { echo "$0: the mock cloud did not report its address" >&2; exit 1; }
echo "mock cloud at $url, seeded with $seed" >&2

# Whatever Alibaba Cloud settings the shell has (ALICLOUD_* come first in the provider's lookup)
# must not point the command anywhere else.
while read -r name; do unset "$name"; done < <(env | sed -n 's/^\(ALICLOUD_[A-Z0-9_]*\|ALIBABA_CLOUD_[A-Z0-9_]*\)=.*/\1/p')
export MOCKCLOUD_URL=$url
export ALIBABA_CLOUD_ENDPOINT_CBN=$url ALIBABA_CLOUD_ENDPOINT_GA=$url
export ALIBABA_CLOUD_ACCESS_KEY_ID=$key_id ALIBABA_CLOUD_ACCESS_KEY_SECRET=$key_secret
export ALIBABA_CLOUD_REGION=cn-hangzhou ALIBABA_CLOUD_ECS_METADATA_DISABLED=true
status=0
"$@" || status=$?
exit "$status"
