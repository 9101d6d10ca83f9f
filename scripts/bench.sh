#!/usr/bin/env bash
# Benchmark report (not part of the tests): sizes raw and gzip of everything the web page loads,
# and time to first frame (median of 5 fresh browser profiles), for the app and for an empty
# SDL2 + ImGui shell, with the ratios; and the core engine benchmark (bench/engine_bench.cpp)
# natively and in wasm under node; frames drawn during 5 s of idle; the autosave write time of the
# stress project. Prints tables; writes build/wasm-release/bench.json.
#   scripts/bench.sh [--runs N]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/lib/common.sh"
cd "$here"

bash scripts/setup.sh
source "$here/emsdk.env"
log "building the app, the empty shell and engine_bench (build/wasm-release, build/native-release)"
quietly build/logs/bench-build.log cmake --preset wasm-release
quietly build/logs/bench-build.log cmake --build --preset wasm-release --target cpts-planner empty_shell engine_bench
quietly build/logs/bench-build.log cmake --preset native-release
quietly build/logs/bench-build.log cmake --build --preset native-release --target engine_bench ui_bench
log "measuring (about a minute and a half)"
node tests/browser/bench.mjs --root build/wasm-release "$@"
# Panels with the stress project, headless ImGui (native): median CPU time of a frame per panel.
ui=$(build/native-release/tests/ui/ui_bench)
echo "$ui" > build/native-release/ui_bench.json
echo
echo "Panels, stress project (500 communes, 1 000 actions, 5 000 indicators), native median ms per frame:"
echo "$ui" | /usr/bin/python3 -c '
import json, sys
d = json.load(sys.stdin)
for k, v in d["panels"].items(): print(f"  {k:16s} {v:8.3f} ms")
b, name = d["busiest_frame_ms"], d["busiest_panel"]
verdict = "OK" if b <= 4 else "MISSED"
print(f"  busiest: {name} {b:.3f} ms (budget 4 ms native: {verdict})")
' 
