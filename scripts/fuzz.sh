#!/usr/bin/env bash
# Runs the libFuzzer targets (project import, catalogue, library, text parsers, random edits, table/.xlsx import) for a chosen time.
#   scripts/fuzz.sh [SECONDS_PER_TARGET=60] [TARGET...]
# Each target starts from its seed corpus (tests/fuzz/corpus/<target>/, in git) and writes what it
# finds to build/native-fuzz/corpus/<target>/ (not in git). A crash stops with the input saved as
# build/native-fuzz/crash-*: turn it into a file of tests/data/bad/ or a test in tests/core.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/lib/common.sh"
cd "$here"
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(project catalogue library text edits xlsx)
cmake --preset native-fuzz >/dev/null
cmake --build --preset native-fuzz >/dev/null
for t in "${targets[@]}"; do
  work="build/native-fuzz/corpus/$t"
  mkdir -p "$work"
  log "fuzz_$t: ${seconds} s"
  (cd build/native-fuzz && ./tests/fuzz/fuzz_$t -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=200000 -print_final_stats=1 "../../$work" "../../tests/fuzz/corpus/$t" 2>"../../$work.log") \
    || { tail -30 "$work.log" >&2; die "fuzz_$t found a crash (input saved in build/native-fuzz/)"; }
  grep -E '^stat::number_of_executed_units|^Done' "$work.log" | sed "s/^/  fuzz_$t: /" >&2 || true
done
log "no crash"
