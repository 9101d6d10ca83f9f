# Shared helpers for the project's scripts (sourced, not run).
CPTS_DEPS=${CPTS_DEPS:-$HOME/.cache/cpts-planner/deps}
export CPTS_DEPS
if [ -t 2 ]; then log() { printf '\033[1m[cpts]\033[0m %s\n' "$*" >&2; }
else log() { printf '[cpts] %s\n' "$*" >&2; }; fi   # plain text in CI logs
die() { printf '[cpts] error: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
# quietly LOG cmd...: runs cmd with its output appended to LOG; on failure shows the log's tail and exits.
quietly() {
  local logfile=$1; shift
  mkdir -p "$(dirname "$logfile")"
  printf '\n$ %s\n' "$*" >>"$logfile"
  "$@" >>"$logfile" 2>&1 || { tail -40 "$logfile" >&2; die "failed: $* (full log: $logfile)"; }
}
