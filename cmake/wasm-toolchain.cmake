# Toolchain of the wasm-release preset: finds Emscripten instead of naming a path, so that the
# presets hold no absolute path (issue #14: an emsdk, Debian's package, or another prefix all work).
#   1. an activated emsdk ($EMSDK) or an emcc on PATH (Debian: /usr/bin/emcc -> share/emscripten/)
#   2. its cmake/Modules/Platform/Emscripten.cmake is the real toolchain, included here.
# Also: node runs the wasm tests (the cross-compiling emulator), and Debian's emscripten needs
# Debian's node modules (acorn) when it links, whichever node is first on PATH (build-notes.md).
if(DEFINED ENV{EMSDK} AND EXISTS "$ENV{EMSDK}/upstream/emscripten/emcc")
  set(_cpts_emcc "$ENV{EMSDK}/upstream/emscripten/emcc")
else()
  find_program(_cpts_emcc NAMES emcc REQUIRED)
endif()
get_filename_component(_cpts_emcc_real "${_cpts_emcc}" REALPATH)
get_filename_component(_cpts_emscripten_root "${_cpts_emcc_real}" DIRECTORY)
set(_cpts_platform "${_cpts_emscripten_root}/cmake/Modules/Platform/Emscripten.cmake")
if(NOT EXISTS "${_cpts_platform}")
  message(FATAL_ERROR "Emscripten's CMake toolchain not found next to ${_cpts_emcc_real}: run scripts/setup.sh, then `source emsdk.env`")
endif()
# Before Emscripten.cmake, which would otherwise pick `nodejs` first (an alternative, maybe another node).
find_program(CPTS_NODE_EXE NAMES node nodejs REQUIRED)
set(CMAKE_CROSSCOMPILING_EMULATOR "${CPTS_NODE_EXE}" CACHE FILEPATH "Runs the wasm tests")
include("${_cpts_platform}")

# Debian's node module directory, when there is one (an emsdk brings its own node modules).
foreach(_dir IN ITEMS /usr/share/nodejs /usr/lib/nodejs)
  if(EXISTS "${_dir}/acorn" AND NOT DEFINED ENV{EMSDK})
    set(ENV{NODE_PATH} "${_dir}")  # for the configure step's own runs of emcc
    set(CMAKE_C_LINKER_LAUNCHER "${CMAKE_COMMAND};-E;env;NODE_PATH=${_dir}" CACHE STRING "")
    set(CMAKE_CXX_LINKER_LAUNCHER "${CMAKE_COMMAND};-E;env;NODE_PATH=${_dir}" CACHE STRING "")
    break()
  endif()
endforeach()

# SDL2 built for wasm by scripts/setup.sh (build-notes pitfall 4), under $CPTS_DEPS: the lean build
# (no renderer, audio, joystick, software blitters: setup.sh says why). FORCE: a build folder
# configured before still names the older full build (sdl2-wasm) in its cache.
if(DEFINED ENV{CPTS_DEPS})
  set(_cpts_deps "$ENV{CPTS_DEPS}")
else()
  set(_cpts_deps "$ENV{HOME}/.cache/cpts-planner/deps")
endif()
set(SDL2_DIR "${_cpts_deps}/sdl2-wasm-lean/lib/cmake/SDL2" CACHE PATH "SDL2 built for wasm by scripts/setup.sh" FORCE)
