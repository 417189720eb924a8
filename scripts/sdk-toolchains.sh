#!/usr/bin/env bash
# Sets up what the Python and Go SDKs are built and tested with, cached outside the repository,
# and prints the Python virtualenv's directory as the last line of stdout:
#
#   - a virtualenv with pulumi==<CLI version> from PyPI, pytest and the wheel tooling
#     (~/.cache/pulumi-ververica/python-<version>), created once and reused, and pulumi-alicloud
#     for the Python feed-deployment example;
#   - the Go modules of sdk/go.mod (github.com/pulumi/pulumi/sdk/v3 at the CLI version) in Go's
#     own module cache.
#
# Progress goes to stderr. Environment: PULUMI_VERVERICA_CACHE overrides the cache root,
# PYTHON overrides the interpreter (python3).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="$(node -p "require('$repo/package.json').config.pulumiCliVersion")"
cache_root="${PULUMI_VERVERICA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-ververica}"
venv="$cache_root/python-$version"
python="${PYTHON:-python3}"

say() { echo "[sdk-toolchains] $*" >&2; }
die() { echo "[sdk-toolchains] error: $*" >&2; exit 1; }

command -v "$python" >/dev/null 2>&1 || die "no '$python': install Python 3.9 or later"
command -v go >/dev/null 2>&1 || die "no 'go': install Go (https://go.dev/dl/)"

# The tools the SDK tests need, pinned so that a cached venv is reused only when it matches.
requirements=("pulumi==$version" "pytest==9.2.0" "setuptools==80.9.0" "wheel==0.45.1")
stamp="$venv/.requirements"
if [ "$(cat "$stamp" 2>/dev/null || true)" != "${requirements[*]}" ]; then
  say "creating $venv (pip from PyPI)"
  rm -rf "$venv"
  mkdir -p "$cache_root"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${requirements[@]}" >&2 ||
    die "pip could not install ${requirements[*]} into $venv"
  echo "${requirements[*]}" > "$stamp"
else
  say "using $venv"
fi

# alicloud's Python SDK, at the version of @pulumi/alicloud in package.json, for the
# feed-deployment example (examples/python-feed-deployment), which the tests run under Pulumi's
# mocks. Added beside the pinned tools rather than among them, so that the venv's stamp (and a
# checkout without the example) is unaffected.
alicloud_version="$(node -p "require('$repo/package.json').devDependencies['@pulumi/alicloud']")"
if ! "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('pulumi-alicloud') != sys.argv[1])" "$alicloud_version" 2>/dev/null; then
  say "installing pulumi-alicloud==$alicloud_version into $venv (pip from PyPI)"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pulumi-alicloud==$alicloud_version" "pulumi==$version" >&2 ||
    die "pip could not install pulumi-alicloud==$alicloud_version into $venv"
fi

say "downloading the Go modules of sdk/go.mod"
(cd "$repo/sdk" && go mod download) >&2 || die "go mod download failed in sdk/"

echo "$venv"
