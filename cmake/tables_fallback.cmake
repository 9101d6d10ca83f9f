# Until the xlsx branch (cmake/third_party.cmake: zlib, minizip, expat built from Debian sources,
# also for wasm) is merged, the .xlsx reader uses Debian's native libminizip-dev and libexpat1-dev
# through targets of the same names. The lead deletes this file at merge. In the wasm build these
# targets do not exist yet: the reader is compiled out (CPTS_HAVE_XLSX_READER unset) and the UI
# says .xlsx is unavailable.
if(NOT EMSCRIPTEN)
  find_package(PkgConfig QUIET)
  if(NOT TARGET cpts_minizip AND PkgConfig_FOUND)
    pkg_check_modules(CPTS_FALLBACK_MINIZIP QUIET IMPORTED_TARGET minizip)
    if(CPTS_FALLBACK_MINIZIP_FOUND)
      add_library(cpts_minizip INTERFACE)
      target_link_libraries(cpts_minizip INTERFACE PkgConfig::CPTS_FALLBACK_MINIZIP)
    endif()
  endif()
  if(NOT TARGET cpts_expat)
    find_package(EXPAT QUIET)
    if(EXPAT_FOUND)
      add_library(cpts_expat INTERFACE)
      target_link_libraries(cpts_expat INTERFACE EXPAT::EXPAT)
    endif()
  endif()
endif()
