#!/usr/bin/env bash
# Builds the wheel of sdk/python with pip (setuptools, no build isolation: the tools come from the
# virtualenv that scripts/sdk-toolchains.sh prepares), installs it into that virtualenv and
# prints the wheel's path as the last line of stdout. The build runs on a copy, so the committed
# SDK stays exactly as generated.
#
#   scripts/python-sdk-wheel.sh <virtualenv dir>
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${1:?usage: python-sdk-wheel.sh <virtualenv dir>}"
out="$repo/dist/python"

die() { echo "[python-sdk-wheel] error: $*" >&2; exit 1; }
[ -x "$venv/bin/python" ] || die "no virtualenv at $venv: run scripts/sdk-toolchains.sh first"

work="$(mktemp -d "${TMPDIR:-/tmp}/ververica-wheel.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp -R "$repo/sdk/python" "$work/src"
rm -rf "$out" && mkdir -p "$out"
"$venv/bin/python" -m pip wheel --quiet --disable-pip-version-check --no-deps --no-build-isolation \
  --wheel-dir "$out" "$work/src" >&2 || die "pip wheel failed for sdk/python"
wheel="$(ls "$out"/pulumi_ververica-*.whl)"
# First the wheel's dependencies (from PyPI when missing), then this build over any earlier one of
# the same version.
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$wheel" >&2 &&
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall "$wheel" >&2 ||
  die "could not install $wheel into $venv"
echo "$wheel"
