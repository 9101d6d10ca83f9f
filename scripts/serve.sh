#!/usr/bin/env bash
# README command 1: set up, build the web app (wasm-release preset, dist/) and serve it with nginx on
# http://127.0.0.1:8080/ (port: first argument or $PORT). Ctrl+C stops the server.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/lib/common.sh"
cd "$here"
port=${1:-${PORT:-8080}}

bash scripts/setup.sh
source "$here/emsdk.env"
log "building the web app (build/wasm-release, then its dist/ folder)"
quietly build/logs/serve-configure.log cmake --preset wasm-release
cmake --build --preset wasm-release --target cpts_dist
log "open http://127.0.0.1:$port/ in a browser"
# nginx with the repo's configuration (deploy/nginx/), as deployed: headers, compression, service worker.
exec node scripts/lib/nginx.mjs build/wasm-release/dist "$port"
