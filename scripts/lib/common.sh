# Shared helpers for the project's scripts (sourced, not run).
CPTS_DEPS=${CPTS_DEPS:-$HOME/.cache/cpts-planner/deps}
export CPTS_DEPS
log() { printf '\033[1m[cpts]\033[0m %s\n' "$*" >&2; }
die() { printf '[cpts] error: %s\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
