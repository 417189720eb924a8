#!/usr/bin/env bash
# Builds the wheel of sdk/python with pip (setuptools, no build isolation: the tools come from the
# virtualenv that scripts/sdk-toolchains.sh prepares). The build runs on a copy, so the committed
# SDK stays exactly as generated and nothing (build/, *.egg-info) is written into the repository.
#
#   scripts/python-sdk-wheel.sh <virtualenv dir>
#       builds the wheel into dist/python, installs it into that virtualenv and prints the
#       wheel's path as the last line of stdout;
#   scripts/python-sdk-wheel.sh <virtualenv dir> --release <dir>
#       builds the wheel and the sdist into <dir> (what a release publishes to PyPI), installs
#       nothing and prints both paths.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="${1:?usage: python-sdk-wheel.sh <virtualenv dir> [--release <dir>]}"
release=""
case "${2:-}" in
  "") ;;
  --release) release="${3:?--release needs a directory}" ;;
  *) echo "[python-sdk-wheel] error: unknown argument '$2'" >&2; exit 1 ;;
esac
out="${release:-$repo/dist/python}"

die() { echo "[python-sdk-wheel] error: $*" >&2; exit 1; }
[ -x "$venv/bin/python" ] || die "no virtualenv at $venv: run scripts/sdk-toolchains.sh first"

work="$(mktemp -d "${TMPDIR:-/tmp}/ververica-wheel.XXXXXX")"
trap 'rm -rf "$work"' EXIT
cp -R "$repo/sdk/python" "$work/src"
if [ -n "$release" ]; then
  mkdir -p "$out"
  out="$(cd "$out" && pwd)"   # the sdist is built from inside the copy
  rm -f "$out"/pulumi_ververica-*
else
  rm -rf "$out" && mkdir -p "$out"
fi
"$venv/bin/python" -m pip wheel --quiet --disable-pip-version-check --no-deps --no-build-isolation \
  --wheel-dir "$out" "$work/src" >&2 || die "pip wheel failed for sdk/python"
wheel="$(ls "$out"/pulumi_ververica-*.whl)"

if [ -n "$release" ]; then
  # setuptools' own sdist command, run in the copy: the generated SDK has a setup.py only.
  (cd "$work/src" && "$venv/bin/python" setup.py --quiet sdist --dist-dir "$out") >&2 2>&1 ||
    die "setup.py sdist failed for sdk/python"
  ls "$out"/pulumi_ververica-*.tar.gz "$wheel"
  exit 0
fi

# First the wheel's dependencies (from PyPI when missing), then this build over any earlier one of
# the same version.
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "$wheel" >&2 &&
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-deps --force-reinstall "$wheel" >&2 ||
  die "could not install $wheel into $venv"
echo "$wheel"
