#!/usr/bin/env bash
# One-time (idempotent) set-up of everything the build and the tests need, from Debian packages,
# Debian source packages and the npm registry only. A second run takes seconds: each step checks
# whether its result is already there.
#
#   scripts/setup.sh            # installs packages, fetches ImGui + SDL2 sources, builds SDL2 for wasm,
#                               # installs playwright-core for the browser tests
#
# Where things go (outside the git tree): $CPTS_DEPS, default ~/.cache/cpts-planner/deps
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/lib/common.sh"

# ---- 1. Debian packages -------------------------------------------------------------------------
# What the build and tests use. googletest/ninja/clang are on the image already but are named here
# so that a plainer Debian 12 machine gets them too.
PKGS=(emscripten libsdl2-dev nlohmann-json3-dev googletest libgtest-dev ninja-build cmake
      clang-14 lld-14 libclang-rt-14-dev chromium xvfb python3-fonttools python3-jsonschema fonts-dejavu-core
      dpkg-dev debian-archive-keyring xauth
      libreoffice-writer poppler-utils   # documents: DOCX -> PDF (soffice --headless), pdftotext/pdftoppm
      nginx libnginx-mod-http-brotli-static  # serves dist/ in the browser tests (deploy/nginx/), .br files
      libminizip-dev libexpat1-dev)  # .xlsx reading, natively (cmake/tables_fallback.cmake)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# Node.js (18+) runs emscripten's JS tools and the browser tests; the image ships nodesource's
# node 20. Debian's own (18) is installed only when there is none.
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
mkdir -p "$CPTS_DEPS/logs"
if ((${#missing[@]})); then
  # apt and dpkg are chatty even with -qq: their output goes to a log, shown only on failure.
  log "installing Debian packages (about 1-2 min the first time): ${missing[*]}"
  quietly "$CPTS_DEPS/logs/apt.log" as_root apt-get update -qq
  quietly "$CPTS_DEPS/logs/apt.log" as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  log "Debian packages: all present"
fi

# ---- 2. Sources of Dear ImGui (trixie) and SDL2 (bookworm), pinned -------------------------------
# Fetched with private apt source lists: /etc/apt is never edited.
IMGUI_VER=1.90.1+ds-1
SDL_VER=2.26.5+dfsg-1
mkdir -p "$CPTS_DEPS"
srcfetch() { # suite package=version
  local suite=$1 spec=$2 d="$CPTS_DEPS/apt-$1"
  mkdir -p "$d/lists/partial" "$d/cache/archives/partial"
  printf 'Types: deb-src\nURIs: http://deb.debian.org/debian\nSuites: %s\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' "$suite" > "$d/src.sources"
  local o=(-o Dir::Etc::sourcelist="$d/src.sources" -o Dir::Etc::sourceparts=- -o Dir::State::Lists="$d/lists" -o Dir::Cache="$d/cache")
  # As root, apt's download sandbox user (_apt) cannot write into root's home: download as root.
  [ "$(id -u)" = 0 ] && o+=(-o APT::Sandbox::User=root)
  quietly "$CPTS_DEPS/logs/apt-source.log" apt-get "${o[@]}" update -qq
  (cd "$CPTS_DEPS" && quietly "$CPTS_DEPS/logs/apt-source.log" apt-get "${o[@]}" source --download-only -qq "$spec")
}
if [ ! -f "$CPTS_DEPS/imgui/imgui.cpp" ]; then
  log "fetching Dear ImGui $IMGUI_VER source"
  srcfetch trixie "imgui=$IMGUI_VER"
  rm -rf "$CPTS_DEPS/imgui"
  (cd "$CPTS_DEPS" && dpkg-source -x "imgui_${IMGUI_VER}.dsc" imgui >/dev/null 2>&1)
else
  log "Dear ImGui source: present"
fi
if [ ! -f "$CPTS_DEPS/sdl2-wasm/lib/libSDL2.a" ]; then
  if [ ! -f "$CPTS_DEPS/SDL2-src/CMakeLists.txt" ]; then
    log "fetching SDL2 $SDL_VER source"
    srcfetch bookworm "libsdl2=$SDL_VER"
    rm -rf "$CPTS_DEPS/SDL2-src"
    (cd "$CPTS_DEPS" && dpkg-source -x "libsdl2_${SDL_VER}.dsc" SDL2-src >/dev/null 2>&1)
  fi
  log "building SDL2 for WebAssembly (first time only: about 4 minutes)"
  source "$here/emsdk.env"
  quietly "$CPTS_DEPS/logs/sdl2-configure.log" emcmake cmake -S "$CPTS_DEPS/SDL2-src" -B "$CPTS_DEPS/sdl2-build" -G Ninja \
    -DCMAKE_BUILD_TYPE=MinSizeRel -DCMAKE_INSTALL_PREFIX="$CPTS_DEPS/sdl2-wasm" \
    -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL2_DISABLE_SDL2MAIN=ON
  quietly "$CPTS_DEPS/logs/sdl2-build.log" cmake --build "$CPTS_DEPS/sdl2-build" -j"$(nproc)"
  cmake --install "$CPTS_DEPS/sdl2-build" >/dev/null
else
  log "SDL2 for wasm: present"
fi

# ---- 3. playwright-core (drives Debian's /usr/bin/chromium; never downloads a browser) ----------
if [ ! -f "$here/tests/browser/node_modules/playwright-core/package.json" ]; then
  log "installing playwright-core from npm"
  (cd "$here/tests/browser" && quietly "$CPTS_DEPS/logs/npm.log" env PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm install --no-audit --no-fund --silent)
else
  log "playwright-core: present"
fi
# ---- 4. The official list of communes (issue #15), pinned ---------------------------------------
# @etalab/decoupage-administratif: code MIT, data under the Licence Ouverte 2.0 (INSEE populations,
# découpage administratif). scripts/communes_table.py turns its communes.json + epci.json into the
# app's table at build time; nothing of it enters the git tree.
DECOUPAGE_VER=6.0.0
if [ ! -f "$CPTS_DEPS/communes/node_modules/@etalab/decoupage-administratif/package.json" ] ||
   ! grep -q "\"version\": \"$DECOUPAGE_VER\"" "$CPTS_DEPS/communes/node_modules/@etalab/decoupage-administratif/package.json"; then
  log "installing @etalab/decoupage-administratif $DECOUPAGE_VER from npm"
  mkdir -p "$CPTS_DEPS/communes"
  [ -f "$CPTS_DEPS/communes/package.json" ] || printf '{"private":true}\n' > "$CPTS_DEPS/communes/package.json"
  (cd "$CPTS_DEPS/communes" && quietly "$CPTS_DEPS/logs/npm.log" npm install --no-audit --no-fund --silent \
    --save-exact "@etalab/decoupage-administratif@$DECOUPAGE_VER")
else
  log "@etalab/decoupage-administratif $DECOUPAGE_VER: present"
fi
log "set-up done (deps in $CPTS_DEPS)"
