#!/usr/bin/env bash
# README command 2: everything CI checks, from a fresh clone.
#   set-up → native build + ctest → ASan/UBSan build + ctest → wasm build + ctest (core tests under
#   node) → fuzz targets (clang/libFuzzer, seed corpus + a short burst each) → browser smoke test
#   (headless Chromium, against nginx) → browser end-to-end tests (files, autosave, clipboard, French keyboards,
#   pixel ratios, idle frames, context menus, touch) → native smoke test and native files (Xvfb).
# Each step is a suite; a step whose build failed is reported as skipped and counted as failed.
# Full logs: build/logs/<suite>.log. Last line: "N passed, N failed". Exit status 0 only if all pass.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/lib/common.sh"
cd "$here"
logs="$here/build/logs"
mkdir -p "$logs"

names=() statuses=() times=()
declare -A ok=()  # suite -> 1 when it passed (later suites depend on builds)

# suite NAME DEPENDS_ON CMD...   (DEPENDS_ON: a suite name, or "-")
suite() {
  local name=$1 dep=$2; shift 2
  local logfile="$logs/$name.log" t0=$SECONDS status
  if [ "$dep" != - ] && [ -z "${ok[$dep]:-}" ]; then
    status="SKIP"
    log "$name: skipped ($dep failed)"
  else
    log "$name: running (log: build/logs/$name.log)"
    if "$@" >"$logfile" 2>&1; then
      status="PASS"
      ok[$name]=1
    else
      status="FAIL"
      tail -40 "$logfile" | sed 's/^/    /' >&2
    fi
  fi
  names+=("$name") statuses+=("$status") times+=($((SECONDS - t0)))
  log "$name: $status ($((SECONDS - t0)) s)"
}

build() { cmake --preset "$1" && cmake --build --preset "$1"; }  # configure + build everything
run_ctest() { ctest --preset "$1" --timeout 300; }
with_emsdk() { source "$here/emsdk.env" && "$@"; }
# Smoke tests (re)build just the app they drive (a no-op after the full build), so a broken
# unrelated target (say, a core test) does not hide the app's own result.
smoke() {  # smoke PRESET TARGETS TEST_FILE
  cmake --preset "$1" && cmake --build --preset "$1" --target $2 && node --test "$3"
}

suite setup          -              bash scripts/setup.sh
suite native-build   setup          build native-release
suite native-ctest   native-build   run_ctest native-release
suite asan-build     setup          build native-asan
suite asan-ctest     asan-build     run_ctest native-asan
suite wasm-build     setup          with_emsdk build wasm-release
suite wasm-ctest     wasm-build     with_emsdk run_ctest wasm-release
suite fuzz           setup          bash scripts/fuzz.sh "${CPTS_FUZZ_SECONDS:-10}"
# The browser suites use dist/ (target cpts_dist) served by nginx with deploy/nginx/ (tests/browser/lib/server.mjs).
suite browser-deploy setup          with_emsdk smoke wasm-release cpts_dist tests/browser/deploy.test.mjs
suite browser-smoke  setup          with_emsdk smoke wasm-release cpts_dist tests/browser/smoke.test.mjs
suite browser-e2e    setup          with_emsdk smoke wasm-release cpts_dist tests/browser/e2e.test.mjs
suite browser-offline setup         with_emsdk smoke wasm-release cpts_dist tests/browser/offline.test.mjs
suite browser-communes setup        with_emsdk smoke wasm-release cpts_dist tests/browser/communes.test.mjs
suite browser-tables setup          with_emsdk smoke wasm-release cpts_dist tests/browser/tables.test.mjs
suite browser-controls setup        with_emsdk smoke wasm-release cpts_dist tests/browser/controls.test.mjs
suite native-smoke   setup          smoke native-release cpts-planner tests/native/smoke.test.mjs
suite native-files   setup          smoke native-release cpts-planner tests/native/files.test.mjs

# ---- Summary --------------------------------------------------------------------------------------
passed=0 failed=0
echo
echo "Suite            Result   Time"
for i in "${!names[@]}"; do
  printf '%-16s %-8s %4d s\n' "${names[$i]}" "${statuses[$i]}" "${times[$i]}"
  if [ "${statuses[$i]}" = PASS ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "Total: $SECONDS s. Logs: build/logs/. Screenshots: build/wasm-release/screenshots/, build/native-release/screenshots/"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
