#!/usr/bin/env bash
# make release-check: the smoke check of what `make release-snapshot` left in dist/.
#   1. every platform's provider zip and mock cloud archive is there, and every file SHA256SUMS
#      lists (the provider zips and the manifest) matches it; when the snapshot was signed
#      (GPG_FINGERPRINT), the signature verifies;
#   2. this platform's provider zip holds the registry's binary name
#      (terraform-provider-alibabacloud_v<version>) and nothing but LICENSE, README.md and
#      CHANGELOG.md beside it;
#   3. the binary unpacked from that zip, loaded through a CLI config's dev_overrides, and the
#      mock cloud unpacked from its own archive run the whole demo (scripts/demo.sh: apply,
#      in-place upgrade, destroy); demo.sh stops the mock on every exit path.
# The archives checked are this machine's platform's (linux_amd64 here and in CI). DIST names
# another directory than dist/.
set -euo pipefail
cd "$(dirname "$0")/.."

dist=${DIST:-dist}
platform=$(go env GOOS)_$(go env GOARCH)
project=terraform-provider-alibabacloud
mock=alibabacloud-mockcloud

fail() { echo "release-check: $*" >&2; exit 1; }

[[ -f "$dist/metadata.json" ]] || fail "no $dist/metadata.json: run 'make release-snapshot' first"
version=$(sed -n 's/.*"version":"\([^"]*\)".*/\1/p' "$dist/metadata.json")
[[ -n "$version" ]] || fail "no version in $dist/metadata.json"
echo "checking release $version in $dist/ on $platform"

sums=${project}_${version}_SHA256SUMS
[[ -f "$dist/$sums" ]] || fail "missing $dist/$sums"
grep -q " ${project}_${version}_manifest.json\$" "$dist/$sums" || fail "$sums does not list the manifest"
# Terraform records every line of it in users' lock files: 8 provider zips and the manifest only.
[[ $(wc -l <"$dist/$sums") -eq 9 ]] || fail "$sums lists more than the 8 provider zips and the manifest"
for os in linux darwin windows freebsd; do
  for arch in amd64 arm64; do
    grep -q " ${project}_${version}_${os}_${arch}.zip\$" "$dist/$sums" || fail "$sums does not list the ${os}_${arch} zip"
    ext=tar.gz; [[ $os == windows ]] && ext=zip
    [[ -f "$dist/${mock}_${version}_${os}_${arch}.$ext" ]] || fail "missing the ${os}_${arch} mock cloud archive"
  done
done
(cd "$dist" && sha256sum --check --strict "$sums")
if [[ -f "$dist/$sums.sig" ]]; then
  gpg --verify "$dist/$sums.sig" "$dist/$sums" || fail "$sums.sig does not verify (is the public key in your keyring?)"
fi

zip=$dist/${project}_${version}_${platform}.zip
[[ -f "$zip" ]] || fail "missing $zip"
binary=${project}_v${version}
contents=$(unzip -Z1 "$zip" | LC_ALL=C sort | tr '\n' ' ')
[[ "$contents" == "CHANGELOG.md LICENSE README.md $binary " ]] ||
  fail "$zip holds: $contents (want $binary, LICENSE, README.md and CHANGELOG.md)"

mock_archive=$dist/${mock}_${version}_${platform}.tar.gz
[[ -f "$mock_archive" ]] || fail "missing $mock_archive"

unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
mkdir "$unpacked/provider" "$unpacked/mock"
unzip -q "$zip" "$binary" -d "$unpacked/provider"
tar -xzf "$mock_archive" -C "$unpacked/mock"
mock_binary=$unpacked/mock/$mock
[[ -x "$mock_binary" ]] || fail "$mock_archive holds no $mock binary"

echo "running the demo with the provider from $(basename "$zip") and the mock from $(basename "$mock_archive")"
PROVIDER_DIR=$unpacked/provider MOCKCLOUD=$mock_binary ./scripts/demo.sh
echo "release-check: $version passed"
