#!/usr/bin/env bash
# Makes actionlint (static checks of GitHub Actions workflows: syntax, expressions, the inputs of
# known actions, the jobs' `needs`, and the `run:` scripts through shellcheck when it is on PATH)
# available and prints its path as the last line of stdout. The release workflow cannot run
# here (it publishes); npm run lint:workflows checks it with this on every CI run.
#
# Order: an `actionlint` on PATH reporting the pinned version; else a build cached in
# ~/.cache/pulumi-ververica/actionlint-<version>/bin; else `go install` from the Go module proxy
# into that cache (under a minute, once).
#
# Environment: PULUMI_VERVERICA_CACHE overrides the cache root.
set -euo pipefail

tool=actionlint
. "$(dirname "${BASH_SOURCE[0]}")/cached-tool.sh"

version="1.7.12"
prefix="$cache_root/actionlint-$version"

reports_version() { # $1 = executable
  [ -x "$1" ] && [ "$("$1" -version 2>/dev/null | head -n 1)" = "v$version" ]
}

exit_if_present "$prefix/bin"

command -v go >/dev/null 2>&1 || die "no actionlint $version and no go to build it (https://go.dev/dl/)"
say "building actionlint $version from the Go module proxy into $prefix (first time only)"
mkdir -p "$prefix/bin"
GOBIN="$prefix/bin" go install "github.com/rhysd/actionlint/cmd/actionlint@v$version" >&2 || die "go install actionlint $version failed"
reports_version "$prefix/bin/actionlint" || die "the built actionlint does not report $version"
echo "$prefix/bin/actionlint"
