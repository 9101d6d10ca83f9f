#!/usr/bin/env bash
# Benchmark report (not part of the tests): sizes raw and gzip of everything the web page loads,
# and time to first frame (median of 5 fresh browser profiles), for the app and for an empty
# SDL2 + ImGui shell, with the ratios; and the core engine benchmark (bench/engine_bench.cpp)
# natively and in wasm under node; frames drawn during 5 s of idle; the autosave of the stress
# project (where its time goes, and the longest main-thread stall during it); the CPU time of a frame per panel with the stress project, natively (headless
# ImGui, tests/ui/ui_bench.cpp) and in the page; the peak wasm memory. Ends with every figure next
# to its budget (OK or MISSED). Prints tables; writes build/wasm-release/bench.json.
#   scripts/bench.sh [--runs N]
#   scripts/bench.sh --only sizes [--runs N]   # just the first load of the app and the empty shell:
#                                              # bytes, ratios, first frame, where the bytes go (≈ 1 min)
#   scripts/bench.sh --only autosave           # just the stress project's autosave
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/lib/common.sh"
cd "$here"

bash scripts/setup.sh
source "$here/emsdk.env"
log "building the app, the empty shell and engine_bench (build/wasm-release, build/native-release)"
quietly build/logs/bench-build.log cmake --preset wasm-release
if [[ " $* " == *" --only sizes "* ]]; then
  quietly build/logs/bench-build.log cmake --build --preset wasm-release --target cpts-planner empty_shell
  log "measuring the first load (about a minute)"
  exec node tests/browser/bench.mjs --root build/wasm-release "$@"
fi
quietly build/logs/bench-build.log cmake --build --preset wasm-release --target cpts-planner cpts-tools empty_shell engine_bench
quietly build/logs/bench-build.log cmake --preset native-release
quietly build/logs/bench-build.log cmake --build --preset native-release --target engine_bench ui_bench
log "measuring (about three minutes)"
node tests/browser/bench.mjs --root build/wasm-release --ui-native build/native-release/tests/ui/ui_bench "$@"
