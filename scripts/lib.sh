# The shell pieces the scripts share, sourced by them: the standalone mock cloud's key pair,
# starting it and waiting for its address, stopping it, counting the calls it was asked,
# pointing the provider at it; a Terraform CLI configuration that loads a provider binary built
# here; a Terraform CLI's version and whether it is recent enough; a step's heading.

# The key pair the mock accepts and the provider signs with (the mock's documented default).
MOCK_KEY_ID=LTAI5tMockAccessKeyId
MOCK_KEY_SECRET=MockAccessKeySecret0123456789

mock_pid=""
mock_url=""

# mock_start BINARY SEED LOG [FLAGS...]: starts the mock cloud BINARY with the seed file SEED and
# FLAGS, listening on MOCK_ADDR (default 127.0.0.1:0, a free port), its output in LOG; waits
# until it reports its address and sets mock_url and mock_pid. A mock that does not start fails
# the script with its log. The caller stops it with mock_stop (an EXIT trap).
mock_start() {
  local binary=$1 seed=$2 log=$3
  shift 3
  "$binary" -addr "${MOCK_ADDR:-127.0.0.1:0}" -seed "$seed" \
    -access-key-id "$MOCK_KEY_ID" -access-key-secret "$MOCK_KEY_SECRET" "$@" >"$log" 2>&1 &
  mock_pid=$!
  for _ in $(seq 1 200); do
    mock_url=$(sed -n 's/^listening on \(http:\/\/[^ ]*\).*/\1/p' "$log" | head -n 1)
    [[ -n "$mock_url" ]] && return 0
    if ! kill -0 "$mock_pid" 2>/dev/null; then
      cat "$log" >&2
      echo "$0: the mock cloud did not start" >&2
      exit 1
    fi
    sleep 0.1
  done
  echo "$0: the mock cloud did not report its address" >&2
  exit 1
}

# mock_stop: stops the mock mock_start started, if it still runs.
mock_stop() {
  if [[ -n "$mock_pid" ]] && kill -0 "$mock_pid" 2>/dev/null; then
    kill "$mock_pid" && wait "$mock_pid" 2>/dev/null || true
    echo "mock cloud stopped" >&2
  fi
}

# mock_env: exports the provider's settings for the mock at mock_url, as a pipeline would set
# them for the real cloud (endpoints, the key pair, the region; MOCKCLOUD_URL is the mock's base
# URL). Whatever Alibaba Cloud settings the shell had are unset first: ALICLOUD_* come first in
# the provider's lookup and must not point Terraform anywhere else.
mock_env() {
  local name
  while read -r name; do unset "$name"; done < <(env | sed -n 's/^\(ALICLOUD_[A-Z0-9_]*\|ALIBABA_CLOUD_[A-Z0-9_]*\)=.*/\1/p')
  export MOCKCLOUD_URL=$mock_url
  export ALIBABA_CLOUD_ENDPOINT_CBN=$mock_url ALIBABA_CLOUD_ENDPOINT_GA=$mock_url
  export ALIBABA_CLOUD_ACCESS_KEY_ID=$MOCK_KEY_ID ALIBABA_CLOUD_ACCESS_KEY_SECRET=$MOCK_KEY_SECRET
  export ALIBABA_CLOUD_REGION=cn-hangzhou ALIBABA_CLOUD_ECS_METADATA_DISABLED=true
}

# mock_call_counts: prints how often the mock at mock_url was asked each action (its call log,
# GET /_mock/calls), one "COUNT ACTION" line per action, sorted by action.
mock_call_counts() {
  curl -fsS "$mock_url/_mock/calls" | grep -o '"Action": *"[A-Za-z]*"' | cut -d'"' -f4 | sort | uniq -c
}

# write_dev_overrides FILE DIR: writes to FILE a Terraform CLI configuration that loads the
# provider binary in DIR (dev_overrides), and exports TF_CLI_CONFIG_FILE to it.
write_dev_overrides() {
  cat >"$1" <<RC
provider_installation {
  dev_overrides {
    "registry.terraform.io/alibabacloud/alibabacloud" = "$2"
  }
  direct {}
}
RC
  export TF_CLI_CONFIG_FILE=$1
}

# terraform_version BINARY: prints the version of a Terraform CLI (1.14.9), nothing when it does
# not run.
terraform_version() {
  { "$1" version -json 2>/dev/null || true; } | sed -n 's/.*"terraform_version": *"\([^"]*\)".*/\1/p'
}

# version_at_least VERSION MAJOR.MINOR: succeeds when the Terraform version VERSION (1.14.9, as
# terraform_version prints it) is MAJOR.MINOR or later; an empty VERSION (no Terraform) is not.
version_at_least() {
  local v=$1 want_major=${2%%.*} want_minor=${2#*.} major minor
  [[ -n "$v" ]] || return 1
  major=${v%%.*}; minor=${v#*.}; minor=${minor%%.*}
  (( major > want_major )) || (( major == want_major && minor >= want_minor ))
}

# step TEXT...: prints TEXT as the bold heading of a script's next step.
step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
