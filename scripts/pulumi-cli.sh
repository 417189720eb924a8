#!/usr/bin/env bash
# Makes a version-stamped Pulumi CLI available and prints a directory holding `pulumi`, the
# language hosts that run project directories (`pulumi-language-nodejs`, `-python`, `-go`) and the
# two Node launchers the engine looks up on PATH: `pulumi-resource-pulumi-nodejs` (dynamic
# providers) and `pulumi-analyzer-policy-nodejs` (policy packs without a Node language host).
#
# The Go module proxy does not serve the language hosts' modules, so they are copied from a folder
# of hosts built for the same CLI version: PULUMI_LANGUAGE_HOSTS_DIR, by default
# ../shared/pulumi-language-hosts/v<version> beside the repository. Without that folder, hosts
# already on PATH (an official installation) are used.
#
# Order: a `pulumi` on PATH that is at least the pinned version and has its Node language host
# beside it, else a cached build in ~/.cache/pulumi-ververica/pulumi-<version>/bin, else a build
# from the published Go modules into that cache. Progress goes to stderr; the last line of
# stdout is the bin directory, so callers can do: PATH="$(scripts/pulumi-cli.sh):$PATH".
#
# Environment: PULUMI_CLI_VERSION overrides package.json's config.pulumiCliVersion;
# PULUMI_VERVERICA_CACHE overrides the cache root; PULUMI_CLI_FORCE_BUILD=1 ignores PATH.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v node >/dev/null 2>&1 || { echo "[pulumi-cli] error: node is required" >&2; exit 1; }
version="${PULUMI_CLI_VERSION:-$(node -p "require('$repo/package.json').config.pulumiCliVersion")}"
cache_root="${PULUMI_VERVERICA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-ververica}"
bin="$cache_root/pulumi-$version/bin"

say() { echo "[pulumi-cli] $*" >&2; }
die() { echo "[pulumi-cli] error: $*" >&2; exit 1; }

version_ge() { # $1 >= $2, both x.y.z
  [ "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n1)" = "$2" ]
}

# Writes stdin to $1 only when it differs, via rename so a concurrent reader never sees half a file.
put_executable() { # $1 = destination
  local tmp="$1.tmp.$$"
  cat > "$tmp"
  chmod 755 "$tmp"
  if cmp -s "$tmp" "$1"; then rm -f "$tmp"; else mv -f "$tmp" "$1"; fi
}

install_launchers() { # $1 = bin dir
  local src="$repo/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
  [ -f "$src" ] || die "missing $src: run 'npm ci' first"
  put_executable "$1/pulumi-resource-pulumi-nodejs" < "$src"
  # Without a `nodejs` language plugin the CLI falls back to running the analyzer plugin
  # `pulumi-analyzer-policy-<runtime>` as `<engine address> . [-option=value...]` with the
  # policy pack as working directory. `run-policy-pack` reads the same `<engine address>
  # <program>` positionals (the options become minimist flags) and loads the program relative
  # to the working directory; it is itself resolved from there, i.e. from the pack's
  # node_modules. When that fails, node's "Cannot find module
  # '@pulumi/pulumi/cmd/run-policy-pack'" is what the CLI turns into its "dependencies are not
  # installed" hint.
  put_executable "$1/pulumi-analyzer-policy-nodejs" <<'LAUNCHER'
#!/bin/sh
script=$(node -e "console.log(require.resolve('@pulumi/pulumi/cmd/run-policy-pack'))") || exit 1
exec node "$script" "$@"
LAUNCHER
}

hosts_dir="${PULUMI_LANGUAGE_HOSTS_DIR:-$repo/../shared/pulumi-language-hosts/v$version}"
install_language_hosts() { # $1 = bin dir
  if [ ! -d "$hosts_dir" ]; then
    command -v pulumi-language-nodejs >/dev/null 2>&1 ||
      say "warning: no language hosts in $hosts_dir nor on PATH: project directories cannot run"
    return 0
  fi
  local host
  for host in pulumi-language-nodejs pulumi-language-python pulumi-language-python-exec \
              pulumi-resource-pulumi-python pulumi-language-go; do
    [ -f "$hosts_dir/$host" ] && put_executable "$1/$host" < "$hosts_dir/$host"
  done
  return 0
}

stamped() { # $1 = bin dir; true when its pulumi reports exactly the pinned version
  [ "$(PULUMI_SKIP_UPDATE_CHECK=true "$1/pulumi" version 2>/dev/null || true)" = "v$version" ]
}

# 1. A user's own full installation, when recent enough. Its directory may not be writable
# and may not be named `bin` (the release tarball unpacks to `pulumi/`), so it is exposed
# through a directory of symlinks plus our launchers. Resolving symlinks finds the language
# host of package-manager installs and keeps that directory from linking to itself when it
# is already on PATH.
if [ -z "${PULUMI_CLI_FORCE_BUILD:-}" ] && command -v pulumi >/dev/null 2>&1; then
  own_pulumi="$(readlink -f "$(command -v pulumi)")"
  own_dir="$(dirname "$own_pulumi")"
  own="$(PULUMI_SKIP_UPDATE_CHECK=true "$own_pulumi" version 2>/dev/null | sed 's/^v//' || true)"
  if [ -n "$own" ] && version_ge "${own%%[-+]*}" "$version" && [ -x "$own_dir/pulumi-language-nodejs" ]; then
    links="$cache_root/path-pulumi/bin"
    mkdir -p "$links"
    ln -sfn "$own_pulumi" "$links/pulumi"
    ln -sfn "$own_dir/pulumi-language-nodejs" "$links/pulumi-language-nodejs"
    install_launchers "$links"
    say "using pulumi v$own from $own_dir"
    echo "$links"
    exit 0
  fi
fi

# 2. The cache.
if stamped "$bin"; then
  install_launchers "$bin"
  install_language_hosts "$bin"
  say "using cached pulumi v$version from $bin"
  echo "$bin"
  exit 0
fi

# 3. Build from the Go module proxy.
command -v go >/dev/null 2>&1 || die "no 'pulumi' >= v$version with 'pulumi-language-nodejs' beside it on PATH, no cached build in $bin, and no Go toolchain to build one; install Pulumi (https://www.pulumi.com/docs/install/) or Go (https://go.dev/dl/)"

mkdir -p "$bin"
work="$(mktemp -d "$cache_root/build.XXXXXX")"
start=$(date +%s)
# The ticker kills its own `sleep` when stopped, and its stdout goes to /dev/null: a leftover
# process holding our stdout or stderr would keep a caller's `$(...)` or pipe open.
(
  trap 'kill $nap 2>/dev/null; exit 0' TERM
  while :; do
    sleep 30 & nap=$!
    wait $nap
    say "still building ($(( $(date +%s) - start ))s)"
  done
) >/dev/null &
ticker=$!
trap 'kill $ticker 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$work"

say "building pulumi v$version from Go modules into $bin (first time only; takes many minutes)"

# `go install pkg@v` refuses pkg/v3 because its go.mod has replace directives, so a throwaway
# wrapper module requires it instead. pkg's own go.mod replaces sdk/v3 with `../sdk` (the same
# commit), which a dependency cannot use: pin sdk/v3 to the version pkg requires, and copy
# pkg's module-to-module replaces (e.g. the clipboard fork), which would otherwise be dropped.
pkg_mod="$(go mod download -json "github.com/pulumi/pulumi/pkg/v3@v$version" | node -e '
  let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
    const m = JSON.parse(s);
    if (m.Error || !m.GoMod) { console.error(m.Error || "no go.mod in the answer"); process.exit(1); }
    console.log(m.GoMod);
  })')" || die "the Go module proxy ($(go env GOPROXY)) does not serve github.com/pulumi/pulumi/pkg/v3@v$version"
meta="$(go mod edit -json "$pkg_mod" | node -e '
  let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
    const m = JSON.parse(s);
    const sdk = (m.Require || []).find(r => r.Path === "github.com/pulumi/pulumi/sdk/v3");
    if (!sdk) { console.error("pkg/v3 go.mod does not require sdk/v3"); process.exit(1); }
    console.log(m.Go);
    console.log(sdk.Version);
    for (const r of m.Replace || []) {
      if (r.New.Version) {
        const old = r.Old.Version ? `${r.Old.Path}@${r.Old.Version}` : r.Old.Path;
        console.log(`${old}=${r.New.Path}@${r.New.Version}`);
      }
    }
  })')" || die "could not read pkg/v3@v$version's go.mod ($pkg_mod)"
go_version="$(sed -n 1p <<<"$meta")"
sdk_version="$(sed -n 2p <<<"$meta")"
mapfile -t replaces < <(sed -n '3,$p' <<<"$meta")
say "pkg/v3@v$version requires sdk/v3@$sdk_version and go $go_version"

go mod init pulumiclibuild >/dev/null 2>&1
go mod edit -go="$go_version"
for r in "${replaces[@]}"; do
  say "replace $r"
  go mod edit -replace="$r"
done

export CGO_ENABLED=0
say "resolving modules"
go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@v$version" "github.com/pulumi/pulumi/sdk/v3@$sdk_version" >&2

say "compiling pulumi"
go build -trimpath -tags osusergo,grpcnotrace \
  -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=v$version" \
  -o "$work/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
stamped "$work" || die "the built pulumi does not report v$version: $("$work/pulumi" version 2>&1 || true)"
mv -f "$work/pulumi" "$bin/pulumi"
install_launchers "$bin"
install_language_hosts "$bin"

say "built pulumi v$version in $(( $(date +%s) - start ))s; $(du -sh "$cache_root/pulumi-$version" | cut -f1) in $cache_root/pulumi-$version, Go module cache $(du -sh "$(go env GOMODCACHE)" 2>/dev/null | cut -f1)"
echo "$bin"
