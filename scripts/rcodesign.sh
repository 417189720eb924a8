#!/usr/bin/env bash
# Makes rcodesign (the `apple-codesign` crate: signs and verifies Mach-O binaries on any OS)
# available and prints its path as the last line of stdout. It signs the darwin plugin binaries
# ad hoc after the blob is injected (scripts/pluginBinaries.ts).
#
# Order: RCODESIGN (a path) when set; else an `rcodesign` on PATH reporting the pinned version;
# else a build cached in ~/.cache/pulumi-ververica/rcodesign-<version>/bin; else `cargo install`
# from crates.io into that cache (no registry reachable here ships a prebuilt Linux binary; the
# build takes about 8 minutes on 2 cores, once). The notarization feature is left out: ad-hoc signing
# needs no Apple account and no network.
#
# Environment: PULUMI_VERVERICA_CACHE overrides the cache root.
set -euo pipefail

tool=rcodesign
. "$(dirname "${BASH_SOURCE[0]}")/cached-tool.sh"

version="0.29.0"
prefix="$cache_root/rcodesign-$version"

reports_version() { # $1 = executable
  [ -x "$1" ] && [ "$("$1" --version 2>/dev/null | awk '{print $2}')" = "$version" ]
}

if [ -n "${RCODESIGN:-}" ]; then
  reports_version "$RCODESIGN" || die "RCODESIGN=$RCODESIGN is not rcodesign $version"
  echo "$RCODESIGN"
  exit 0
fi
exit_if_present "$prefix/bin"

command -v cargo >/dev/null 2>&1 || die "no rcodesign $version and no cargo to build it (https://rustup.rs)"
say "building rcodesign $version from crates.io into $prefix (first time only; several minutes)"
start=$(date +%s)
target="$(mktemp -d "${TMPDIR:-/tmp}/rcodesign-build.XXXXXX")"
trap 'rm -rf "$target"' EXIT
# Optimisation level 1 without LTO: 8 min instead of 29 on 2 cores; signing a 95 MB binary still
# takes under a second.
CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 CARGO_PROFILE_RELEASE_LTO=off \
CARGO_PROFILE_RELEASE_DEBUG=false CARGO_TARGET_DIR="$target" cargo install apple-codesign --version "$version" --locked --no-default-features \
  --root "$prefix" --quiet >&2 || die "cargo install apple-codesign $version failed"
reports_version "$prefix/bin/rcodesign" || die "the built rcodesign does not report $version"
say "built rcodesign $version in $(( $(date +%s) - start ))s"
echo "$prefix/bin/rcodesign"
