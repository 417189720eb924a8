#!/usr/bin/env bash
# Generates the Python and Go SDKs (sdk/python, sdk/go) from the plugin's schema with
# `pulumi package gen-sdk`, at package.json's version.
#
#   scripts/gen-sdk.sh           regenerate sdk/python and sdk/go in place
#   scripts/gen-sdk.sh --check   generate into a scratch folder and fail when the committed SDKs differ
#
# gen-sdk asks the language hosts to write the code: the CLI comes from scripts/pulumi-cli.sh,
# which puts the hosts matching it beside it; without them, hosts already on PATH are used.
# Environment: VERVERICA_SCHEMA overrides the schema path.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
schema="${VERVERICA_SCHEMA:-$repo/provider/cmd/pulumi-resource-ververica/schema.json}"
languages=(python go)

die() { echo "[gen-sdk] error: $*" >&2; exit 1; }

check=false
case "${1:-}" in
  "") ;;
  --check) check=true ;;
  *) die "unknown argument '$1' (usage: gen-sdk.sh [--check])" ;;
esac

[ -f "$schema" ] || die "no schema at $schema: build the plugin's schema first"
version="$(node -p "require('$repo/package.json').version")"
bin="$(bash "$repo/scripts/pulumi-cli.sh" | tail -n1)"
export PATH="$bin:$PATH" PULUMI_SKIP_UPDATE_CHECK=true PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true

# sdk/go.mod holds the generated package: its module path is the schema's Go import path less
# /go/<package>, so a change of the repository path reaches it with the next generation.
import_base="$(node -p "require('$schema').language.go.importBasePath")"
go_module="${import_base%/go/*}"

scratch="$(mktemp -d "${TMPDIR:-/tmp}/ververica-gen-sdk.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

for language in "${languages[@]}"; do
  # gen-sdk writes <out>/<language>; its progress would bury the one line that matters.
  if ! log="$(pulumi package gen-sdk "$schema" --language "$language" --version "$version" --out "$scratch" 2>&1)"; then
    die "pulumi package gen-sdk --language $language failed: $(printf '%s' "$log" | grep -v '^\s*$' | tail -n1)"
  fi
  [ -d "$scratch/$language" ] || die "pulumi package gen-sdk --language $language wrote nothing"
done

if $check; then
  stale=()
  # What a local build leaves in sdk/python (ignored by its generated .gitignore) is no difference.
  build_leftovers=(-x __pycache__ -x '*.pyc' -x '*.egg-info' -x build -x dist -x .mypy_cache)
  for language in "${languages[@]}"; do
    if ! diff -rq "${build_leftovers[@]}" "$scratch/$language" "$repo/sdk/$language" >/dev/null 2>&1; then
      stale+=("sdk/$language")
    fi
  done
  [ "$(cd "$repo/sdk" && go mod edit -json | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).Module.Path')" = "$go_module" ] ||
    stale+=("sdk/go.mod (module path)")
  if [ "${#stale[@]}" -gt 0 ]; then
    die "not what $(realpath --relative-to="$repo" "$schema") generates: ${stale[*]}; run 'npm run gen-sdk' and commit the result"
  fi
  echo "[gen-sdk] sdk/${languages[0]} and sdk/${languages[1]} match a fresh generation at v$version"
else
  for language in "${languages[@]}"; do
    rm -rf "${repo:?}/sdk/$language"
    mv "$scratch/$language" "$repo/sdk/$language"
  done
  (cd "$repo/sdk" && go mod edit -module "$go_module")
  echo "[gen-sdk] wrote sdk/${languages[0]} and sdk/${languages[1]} at v$version from $(realpath --relative-to="$repo" "$schema")"
fi
