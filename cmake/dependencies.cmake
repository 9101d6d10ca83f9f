# Third-party libraries, all from Debian packages (see scripts/setup.sh).
if(EMSCRIPTEN)
  # Never put /usr/include on the wasm include path: host glibc headers would shadow the wasm
  # sysroot (build-notes pitfall 5). Expose only nlohmann's folder through a symlink.
  set(CPTS_EXT_INC ${CMAKE_BINARY_DIR}/ext-include)
  file(MAKE_DIRECTORY ${CPTS_EXT_INC})
  if(NOT EXISTS ${CPTS_EXT_INC}/nlohmann)
    file(CREATE_LINK /usr/include/nlohmann ${CPTS_EXT_INC}/nlohmann SYMBOLIC)
  endif()
  add_library(nlohmann_json INTERFACE)
  target_include_directories(nlohmann_json SYSTEM INTERFACE ${CPTS_EXT_INC})
  add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)
else()
  find_package(nlohmann_json 3.11 REQUIRED)
endif()
