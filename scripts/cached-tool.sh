# Sourced by the scripts that keep a tool in the cache outside the repository (set `tool` to the
# script's name first): the cache root and progress and error lines prefixed with that name.
# Environment: PULUMI_VERVERICA_CACHE overrides the cache root.
cache_root="${PULUMI_VERVERICA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-ververica}"
say() { echo "[$tool] $*" >&2; }
die() { echo "[$tool] error: $*" >&2; exit 1; }
