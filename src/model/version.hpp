// Version and build information shown by "À propos" and `cpts-cli --version`.
#pragma once

namespace cpts {

const char* version();     // "0.1.0"
const char* build_info();  // compiler, platform, build type, e.g. "g++ 12.2.0 · Linux x86_64 · Release"

}  // namespace cpts
