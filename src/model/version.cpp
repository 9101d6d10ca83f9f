#include "model/version.hpp"

#ifndef CPTS_VERSION
#define CPTS_VERSION "0.0.0"
#endif
#ifndef CPTS_BUILD_TYPE
#define CPTS_BUILD_TYPE "?"
#endif

namespace cpts {

const char* version() { return CPTS_VERSION; }

const char* build_info() {
#if defined(__EMSCRIPTEN__)
#define CPTS_PLATFORM "WebAssembly (Emscripten " __VERSION__ ")"
#elif defined(__clang__)
#define CPTS_PLATFORM "clang " __clang_version__ " · Linux"
#elif defined(__GNUC__)
#define CPTS_PLATFORM "g++ " __VERSION__ " · Linux"
#else
#define CPTS_PLATFORM "native"
#endif
  return CPTS_PLATFORM " · " CPTS_BUILD_TYPE " · " __DATE__;
}

}  // namespace cpts
