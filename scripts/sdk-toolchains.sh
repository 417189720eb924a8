#!/usr/bin/env bash
# Sets up what the Python and Go SDKs are built and tested with, cached outside the repository,
# and prints the Python virtualenv's directory as the last line of stdout:
#
#   - a virtualenv with pulumi==<CLI version> from PyPI, pytest, the wheel tooling and
#     pulumi-alicloud (~/.cache/pulumi-ververica/python-<version>), created once, topped up when
#     a requirement is added, and reused;
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

# The tools the SDK tests need, pinned: pulumi at the CLI's version, pytest and the wheel tooling,
# and alicloud's Python SDK at the version of @pulumi/alicloud in package.json, for the
# feed-deployment example (examples/python-feed-deployment), which runs under Pulumi's mocks.
alicloud_version="$(node -p "require('$repo/package.json').devDependencies['@pulumi/alicloud']")"
requirements=("pulumi==$version" "pytest==9.2.0" "setuptools==80.9.0" "wheel==0.45.1" "pulumi-alicloud==$alicloud_version")
# The stamp lists what the venv holds. It is reused while it holds every requirement (another
# checkout may have added more), topped up when it lacks some, and created when it is missing.
stamp="$venv/.requirements"
installed=" $(cat "$stamp" 2>/dev/null || true) "
missing=()
for requirement in "${requirements[@]}"; do
  [[ "$installed" == *" $requirement "* ]] || missing+=("$requirement")
done
if [ ! -x "$venv/bin/python" ]; then
  say "creating $venv (pip from PyPI)"
  rm -rf "$venv"
  mkdir -p "$cache_root"
  "$python" -m venv "$venv"
  installed=" "
fi
if [ "${#missing[@]}" -gt 0 ]; then
  say "installing ${missing[*]} into $venv (pip from PyPI)"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${requirements[@]}" >&2 ||
    die "pip could not install ${requirements[*]} into $venv"
  # Keep what the venv held of other packages; these requirements replace their own entries.
  kept=()
  for entry in $installed; do
    [[ " ${requirements[*]} " == *" ${entry%%==*}=="* ]] || kept+=("$entry")
  done
  echo "${requirements[*]} ${kept[*]}" | xargs > "$stamp"
else
  say "using $venv"
fi

say "downloading the Go modules of sdk/go.mod"
(cd "$repo/sdk" && go mod download) >&2 || die "go mod download failed in sdk/"

echo "$venv"
