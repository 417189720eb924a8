# Sourced by the scripts that keep a tool in the cache outside the repository (set `tool` to the
# script's name first): the cache root and progress and error lines prefixed with that name.
# Environment: PULUMI_VERVERICA_CACHE overrides the cache root.
cache_root="${PULUMI_VERVERICA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-ververica}"
say() { echo "[$tool] $*" >&2; }
die() { echo "[$tool] error: $*" >&2; exit 1; }
# Ends the script, printing its path, when a `$tool` on PATH, else one in the cache's bin directory
# $1, passes the caller's `reports_version`.
exit_if_present() { # $1 = the cache's bin directory
  local candidate
  for candidate in "$(command -v "$tool" 2>/dev/null || true)" "$1/$tool"; do
    if [ -n "$candidate" ] && reports_version "$candidate"; then
      echo "$candidate"
      exit 0
    fi
  done
}
