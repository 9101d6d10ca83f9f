# Compression, zip, XML and workbook libraries, as four imported targets that every part of the
# project links by these names (issue #16):
#
#   cpts_zlib        zlib (deflate, inflate, crc32)                  <zlib.h>
#   cpts_minizip     minizip, zip/unzip on top of zlib               <minizip/unzip.h> or <unzip.h>
#   cpts_expat       expat, stream XML parser                         <expat.h>
#   cpts_xlsxwriter  libxlsxwriter, XLSX workbooks (needs the three above)   <xlsxwriter.h>
#
# Natively they are Debian's packages (zlib1g-dev, libminizip-dev, libexpat1-dev,
# libxlsxwriter-dev); for WebAssembly, scripts/setup.sh builds the same libraries from their Debian
# source packages into $CPTS_DEPS/third-party-wasm. Both include forms of minizip work, as with
# Debian's minizip.pc (which adds include/minizip to the path).
set(CPTS_THIRD_PARTY_WASM "$ENV{HOME}/.cache/cpts-planner/deps/third-party-wasm" CACHE PATH
    "Prefix of the wasm builds of zlib, minizip, expat and libxlsxwriter (scripts/setup.sh makes it)")
if(DEFINED ENV{CPTS_DEPS})
  set(CPTS_THIRD_PARTY_WASM "$ENV{CPTS_DEPS}/third-party-wasm" CACHE PATH "" FORCE)
endif()

# cpts_third_party(NAME LIBRARY INCLUDE_DIRS... ): an imported static/shared library target.
function(cpts_third_party name library)
  if(NOT EXISTS "${library}")
    message(FATAL_ERROR "${name}: ${library} is missing — run scripts/setup.sh")
  endif()
  add_library(${name} UNKNOWN IMPORTED GLOBAL)
  set_target_properties(${name} PROPERTIES IMPORTED_LOCATION "${library}"
                                           INTERFACE_INCLUDE_DIRECTORIES "${ARGN}")
endfunction()

if(EMSCRIPTEN)
  set(_tp ${CPTS_THIRD_PARTY_WASM})
  cpts_third_party(cpts_zlib ${_tp}/lib/libz.a ${_tp}/include)
  cpts_third_party(cpts_minizip ${_tp}/lib/libminizip.a ${_tp}/include ${_tp}/include/minizip)
  cpts_third_party(cpts_expat ${_tp}/lib/libexpat.a ${_tp}/include)
  cpts_third_party(cpts_xlsxwriter ${_tp}/lib/libxlsxwriter.a ${_tp}/include)
else()
  find_package(ZLIB REQUIRED)
  find_package(EXPAT REQUIRED)
  find_path(CPTS_MINIZIP_INCLUDE minizip/unzip.h)
  find_library(CPTS_MINIZIP_LIB minizip)
  find_path(CPTS_XLSXWRITER_INCLUDE xlsxwriter.h)
  find_library(CPTS_XLSXWRITER_LIB xlsxwriter)
  foreach(v CPTS_MINIZIP_INCLUDE CPTS_MINIZIP_LIB CPTS_XLSXWRITER_INCLUDE CPTS_XLSXWRITER_LIB)
    if(NOT ${v})
      message(FATAL_ERROR "${v} not found: run scripts/setup.sh (Debian's libminizip-dev, libxlsxwriter-dev)")
    endif()
  endforeach()
  cpts_third_party(cpts_zlib ${ZLIB_LIBRARIES} ${ZLIB_INCLUDE_DIRS})
  cpts_third_party(cpts_minizip ${CPTS_MINIZIP_LIB} ${CPTS_MINIZIP_INCLUDE} ${CPTS_MINIZIP_INCLUDE}/minizip)
  cpts_third_party(cpts_expat ${EXPAT_LIBRARIES} ${EXPAT_INCLUDE_DIRS})
  cpts_third_party(cpts_xlsxwriter ${CPTS_XLSXWRITER_LIB} ${CPTS_XLSXWRITER_INCLUDE})
endif()
set_property(TARGET cpts_minizip APPEND PROPERTY INTERFACE_LINK_LIBRARIES cpts_zlib)
set_property(TARGET cpts_xlsxwriter APPEND PROPERTY INTERFACE_LINK_LIBRARIES cpts_minizip cpts_zlib)
