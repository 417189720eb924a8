#!/usr/bin/env bash
# Makes the Pulumi YAML language host (`pulumi-language-yaml`) available and prints the directory
# that holds it, so callers can put it on PATH beside the CLI:
#   PATH="$(scripts/pulumi-yaml-host.sh):$(scripts/pulumi-cli.sh):$PATH"
#
# Order: a cached build in ~/.cache/pulumi-ververica/pulumi-language-yaml-v<version>/, else a
# build from the published Go module github.com/pulumi/pulumi-yaml with `go install` into that
# cache (about 8 minutes on two cores the first time). Progress goes to stderr; the last line of
# stdout is the directory.
#
# Environment: PULUMI_YAML_VERSION overrides the pinned version; PULUMI_VERVERICA_CACHE
# overrides the cache root.
set -euo pipefail

tool=pulumi-yaml-host
. "$(dirname "${BASH_SOURCE[0]}")/cached-tool.sh"

version="${PULUMI_YAML_VERSION:-1.25.0}"
dir="$cache_root/pulumi-language-yaml-v$version"

if [ -x "$dir/pulumi-language-yaml" ]; then
  say "using cached pulumi-language-yaml v$version from $dir"
  echo "$dir"
  exit 0
fi

command -v go >/dev/null 2>&1 || die "no cached pulumi-language-yaml in $dir and no Go toolchain to build it; install Go (https://go.dev/dl/)"

# Installed into a scratch directory first and moved into place, so that an interrupted build
# never leaves a half-written binary that a later run would take for a finished one.
mkdir -p "$cache_root"
work="$(mktemp -d "$cache_root/yaml-build.XXXXXX")"
trap 'rm -rf "$work"' EXIT
start=$(date +%s)
say "building pulumi-language-yaml v$version from Go modules into $dir (first time only; takes minutes)"
# Plain flags (only the version stamp, a link-time setting) so that the build shares the Go build
# cache with any other `go install` of the same module.
GOBIN="$work" go install \
  -ldflags "-X github.com/pulumi/pulumi-yaml/pkg/version.Version=v$version" \
  "github.com/pulumi/pulumi-yaml/cmd/pulumi-language-yaml@v$version" >&2
[ -x "$work/pulumi-language-yaml" ] || die "go install did not produce pulumi-language-yaml"
mkdir -p "$dir"
mv -f "$work/pulumi-language-yaml" "$dir/pulumi-language-yaml"
say "built pulumi-language-yaml v$version in $(( $(date +%s) - start ))s"
echo "$dir"
