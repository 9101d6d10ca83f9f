#!/usr/bin/env bash
# One-time (idempotent) set-up of everything the build and the tests need, from Debian packages,
# Debian source packages and the npm registry only. A second run takes seconds: each step checks
# whether its result is already there.
#
#   scripts/setup.sh            # installs packages, fetches ImGui + SDL2 sources, builds SDL2 for wasm,
#                               # builds zlib, minizip, expat and libxlsxwriter for wasm from their Debian
#                               # sources, installs playwright-core for the browser tests
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
      libreoffice-calc                   # workbooks: XLSX -> CSV with formulas recomputed (tests/xlsx)
      zlib1g-dev libminizip-dev libexpat1-dev libxlsxwriter-dev   # cmake/third_party.cmake (native)
      nginx libnginx-mod-http-brotli-static)  # serves dist/ in the browser tests (deploy/nginx/), .br files
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
# srcfetch_pinned SUITE PACKAGE VERSION DIR: the Debian source PACKAGE extracted into $CPTS_DEPS/DIR.
# When the pinned VERSION has left the mirror (a point release replaced it), the suite's current
# version is taken and the log says so: a point release must not break the set-up of a fresh
# machine. DIR/.debian-version records what was extracted.
srcfetch_pinned() {
  local suite=$1 pkg=$2 ver=$3 dir=$4 dsc
  if [ -f "$CPTS_DEPS/$dir/.debian-version" ]; then return 0; fi
  if ! (srcfetch "$suite" "$pkg=$ver") 2>/dev/null; then
    log "WARNING: $pkg $ver is no longer on the $suite mirror: taking $suite's current $pkg source instead"
    srcfetch "$suite" "$pkg"
  fi
  dsc=$(cd "$CPTS_DEPS" && ls -t "${pkg}"_*.dsc | head -1)
  [ "$dsc" = "${pkg}_${ver#*:}.dsc" ] || log "$pkg: using $dsc (pinned: $ver)"
  rm -rf "${CPTS_DEPS:?}/$dir"
  (cd "$CPTS_DEPS" && dpkg-source -x "$dsc" "$dir" >/dev/null 2>&1)
  echo "$dsc" > "$CPTS_DEPS/$dir/.debian-version"
}
if [ ! -f "$CPTS_DEPS/imgui/imgui.cpp" ]; then
  log "fetching Dear ImGui $IMGUI_VER source"
  srcfetch_pinned trixie imgui "$IMGUI_VER" imgui
else
  log "Dear ImGui source: present"
fi
# The page's SDL2 is built lean (issue #18 item 4: the first load): no renderer (ImGui draws with
# its own OpenGL3 backend), no audio, joystick, haptic, sensor, power or HIDAPI (dummy drivers
# answer instead), and SDL_LEAN_AND_MEAN (SDL_internal.h) drops the software blitters and RLE,
# which only surface blits need (we never blit). The same objects linked against it: index.wasm
# 39 183 B gzip smaller and index.js 1 866 B (the joystick's controller database and the renderers
# go too). Its own prefix and build folder, so a machine that has the older full build (sdl2-wasm)
# builds this one beside it; cmake/wasm-toolchain.cmake points at it.
SDL_LEAN_OPTIONS=(-DSDL_RENDER=OFF -DSDL_AUDIO=OFF -DSDL_JOYSTICK=OFF -DSDL_HAPTIC=OFF -DSDL_HIDAPI=OFF
  -DSDL_SENSOR=OFF -DSDL_POWER=OFF "-DCMAKE_C_FLAGS=-DSDL_LEAN_AND_MEAN=1")
if [ ! -f "$CPTS_DEPS/sdl2-wasm-lean/lib/libSDL2.a" ]; then
  if [ ! -f "$CPTS_DEPS/SDL2-src/CMakeLists.txt" ]; then
    log "fetching SDL2 $SDL_VER source"
    srcfetch_pinned bookworm libsdl2 "$SDL_VER" SDL2-src
  fi
  log "building SDL2 for WebAssembly (first time only: about 4 minutes)"
  source "$here/emsdk.env"
  quietly "$CPTS_DEPS/logs/sdl2-configure.log" emcmake cmake -S "$CPTS_DEPS/SDL2-src" -B "$CPTS_DEPS/sdl2-lean-build" -G Ninja \
    -DCMAKE_BUILD_TYPE=MinSizeRel -DCMAKE_INSTALL_PREFIX="$CPTS_DEPS/sdl2-wasm-lean" \
    -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL2_DISABLE_SDL2MAIN=ON "${SDL_LEAN_OPTIONS[@]}"
  quietly "$CPTS_DEPS/logs/sdl2-build.log" cmake --build "$CPTS_DEPS/sdl2-lean-build" -j"$(nproc)"
  cmake --install "$CPTS_DEPS/sdl2-lean-build" >/dev/null
else
  log "SDL2 for wasm: present"
fi

# ---- 2b. zlib, minizip, expat, libxlsxwriter for wasm, from their Debian (bookworm) sources --------
# Natively these are Debian's -dev packages (section 1); cmake/third_party.cmake turns either into the
# targets cpts_zlib, cpts_minizip, cpts_expat, cpts_xlsxwriter. One prefix holds the four wasm builds.
# minizip: Debian's libminizip-dev comes from the separate `minizip` source package (minizip 1.1);
# zlib's own source carries the same library, updated, in contrib/minizip: the wasm build uses it
# (one download fewer). libxlsxwriter is built the way debian/rules builds it (USE_SYSTEM_MINIZIP=ON)
# except for MD5: Debian links OpenSSL's, which has no wasm build here, so the wasm build uses the
# MD5 code shipped in the same Debian source (third_party/md5; it only de-duplicates images).
ZLIB_VER=1:1.2.13.dfsg-1
EXPAT_VER=2.5.0-1+deb12u2
XLSXWRITER_VER=1.1.4-2
TP_WASM="$CPTS_DEPS/third-party-wasm"
if [ ! -f "$TP_WASM/lib/libxlsxwriter.a" ] || [ ! -f "$TP_WASM/lib/libexpat.a" ]; then
  tp_start=$(date +%s)
  log "building zlib, minizip, expat and libxlsxwriter for WebAssembly (first time only: about 2 minutes)"
  source "$here/emsdk.env"
  mkdir -p "$TP_WASM/lib" "$TP_WASM/include/minizip" "$TP_WASM/lib/pkgconfig"
  if [ ! -f "$TP_WASM/lib/libz.a" ]; then
    srcfetch_pinned bookworm zlib "$ZLIB_VER" zlib-src
    # zlib's configure writes into its source folder: build in a copy.
    rm -rf "$CPTS_DEPS/zlib-build" && cp -r "$CPTS_DEPS/zlib-src" "$CPTS_DEPS/zlib-build"
    (cd "$CPTS_DEPS/zlib-build" &&
      quietly "$CPTS_DEPS/logs/zlib-wasm.log" env CFLAGS=-Os emconfigure ./configure --static --prefix="$TP_WASM" &&
      quietly "$CPTS_DEPS/logs/zlib-wasm.log" emmake make -j"$(nproc)" libz.a &&
      quietly "$CPTS_DEPS/logs/zlib-wasm.log" emmake make install)
  fi
  if [ ! -f "$TP_WASM/lib/libminizip.a" ]; then
    # The library part of contrib/minizip/Makefile.am (libminizip_la_SOURCES, minus Windows' iowin32).
    mz="$CPTS_DEPS/zlib-src/contrib/minizip" mzb="$CPTS_DEPS/minizip-build"
    rm -rf "$mzb" && mkdir -p "$mzb"
    for f in ioapi mztools unzip zip; do
      quietly "$CPTS_DEPS/logs/minizip-wasm.log" emcc -Os -DHAVE_UNISTD_H -I"$TP_WASM/include" -c "$mz/$f.c" -o "$mzb/$f.o"
    done
    quietly "$CPTS_DEPS/logs/minizip-wasm.log" emar rcs "$TP_WASM/lib/libminizip.a" "$mzb"/*.o
    cp "$mz"/{crypt.h,ioapi.h,mztools.h,unzip.h,zip.h} "$TP_WASM/include/minizip/"
  fi
  if [ ! -f "$TP_WASM/lib/libexpat.a" ]; then
    srcfetch_pinned bookworm expat "$EXPAT_VER" expat-src
    quietly "$CPTS_DEPS/logs/expat-wasm.log" emcmake cmake -S "$CPTS_DEPS/expat-src/expat" -B "$CPTS_DEPS/expat-build" -G Ninja \
      -DCMAKE_BUILD_TYPE=MinSizeRel -DCMAKE_INSTALL_PREFIX="$TP_WASM" -DEXPAT_SHARED_LIBS=OFF \
      -DEXPAT_BUILD_TOOLS=OFF -DEXPAT_BUILD_EXAMPLES=OFF -DEXPAT_BUILD_TESTS=OFF -DEXPAT_BUILD_DOCS=OFF \
      -DEXPAT_BUILD_FUZZERS=OFF -DEXPAT_BUILD_PKGCONFIG=ON
    # Debian's security patches test `#if XML_DTD == 1`, which autotools' config.h satisfies
    # (#define XML_DTD 1, Debian's own build) but CMake's leaves empty (#define XML_DTD): give it its 1.
    sed -i 's/^#define XML_DTD$/#define XML_DTD 1/' "$CPTS_DEPS/expat-build/expat_config.h"
    quietly "$CPTS_DEPS/logs/expat-wasm.log" cmake --build "$CPTS_DEPS/expat-build" -j"$(nproc)"
    quietly "$CPTS_DEPS/logs/expat-wasm.log" cmake --install "$CPTS_DEPS/expat-build"
  fi
  if [ ! -f "$TP_WASM/lib/libxlsxwriter.a" ]; then
    srcfetch_pinned bookworm libxlsxwriter "$XLSXWRITER_VER" xlsxwriter-src
    quietly "$CPTS_DEPS/logs/xlsxwriter-wasm.log" emcmake cmake -S "$CPTS_DEPS/xlsxwriter-src" -B "$CPTS_DEPS/xlsxwriter-build" -G Ninja \
      -DCMAKE_BUILD_TYPE=MinSizeRel -DCMAKE_INSTALL_PREFIX="$TP_WASM" -DCMAKE_FIND_ROOT_PATH="$TP_WASM" \
      -DBUILD_SHARED_LIBS=OFF -DUSE_SYSTEM_MINIZIP=ON -DUSE_OPENSSL_MD5=OFF -DBUILD_TESTS=OFF -DBUILD_EXAMPLES=OFF \
      -DZLIB_INCLUDE_DIR="$TP_WASM/include" -DZLIB_LIBRARY="$TP_WASM/lib/libz.a" \
      -DMINIZIP_INCLUDE_DIR="$TP_WASM/include" -DMINIZIP_LIBRARY="$TP_WASM/lib/libminizip.a"
    quietly "$CPTS_DEPS/logs/xlsxwriter-wasm.log" cmake --build "$CPTS_DEPS/xlsxwriter-build" -j"$(nproc)"
    quietly "$CPTS_DEPS/logs/xlsxwriter-wasm.log" cmake --install "$CPTS_DEPS/xlsxwriter-build"
  fi
  log "zlib, minizip, expat, libxlsxwriter for wasm: built in $(( $(date +%s) - tp_start )) s"
else
  log "zlib, minizip, expat, libxlsxwriter for wasm: present"
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
