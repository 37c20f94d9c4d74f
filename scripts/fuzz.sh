#!/usr/bin/env bash
# make fuzz: runs every fuzz test of the mock cloud (func FuzzX in internal/mockcloud/...) for
# FUZZTIME (default 30s) each, one after the other. `go test` runs them on their seeds alone;
# this explores further. An input that fails is kept in the package's testdata/fuzz/FuzzX/:
# commit it with the fix, and it runs as a seed from then on.
set -euo pipefail
cd "$(dirname "$0")/.."

fuzztime=${FUZZTIME:-30s}
for pkg in $(go list ./internal/mockcloud/...); do
  for name in $(go test -list '^Fuzz' "$pkg" | grep '^Fuzz' || true); do
    echo "== $name ($pkg)"
    go test "$pkg" -run '^$' -fuzz "^${name}\$" -fuzztime "$fuzztime"
  done
done
