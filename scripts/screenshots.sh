#!/usr/bin/env bash
# Screenshots of every panel (1366×768, 100 % and 150 %, and in English) and every presentation
# slide (1920×1080 and 3840×2160, light and dark, and 1080p at 300 % after Alt+Z) into
# build/screenshots/, with the text height of each slide (tests/browser/screenshots.mjs).
# SHOTS_ONLY=panels or SHOTS_ONLY=slides: one half only. 4–10 min on a loaded 2-core machine.
# Needs a wasm build: source emsdk.env && cmake --build --preset wasm-release
set -euo pipefail
cd "$(dirname "$0")/.."
web=${1:-build/wasm-release/web}
[ -f "$web/index.wasm" ] || { echo "screenshots.sh : pas de build web dans $web (cmake --build --preset wasm-release)" >&2; exit 1; }
exec node tests/browser/screenshots.mjs "$web" "${2:-build/screenshots}"
