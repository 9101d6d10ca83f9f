# The sample projects (shared/samples, issue #18 item 4 and #15): not embedded in the binaries, so
# that the web page's first load does not carry three projects nobody may open. They are copied to
# build/<preset>/data/samples/ (natively the CLI, the desktop app and the tests read them there, as
# they read data/communes.tsv) and, on the web, next to index.html (web/samples/), fetched when the
# user opens one. Only their ids and CPTS names stay in the binary (the welcome screen lists them on
# its first frame): cmake/samples_gen.cmake writes that table.
file(GLOB CPTS_SAMPLE_FILES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/shared/samples/*.json)
set(CPTS_DATA_DIR ${CMAKE_BINARY_DIR}/data)
set(CPTS_SAMPLES_DIR ${CPTS_DATA_DIR}/samples)
# The library of fiches-actions, likewise not embedded (src/CMakeLists.txt copies it there).
set(CPTS_LIBRARY_FILE ${CPTS_DATA_DIR}/library-fiches-actions.json)

# cpts_samples(TARGET): adds the generated table of samples to the target (cpts_core) and makes the
# copies in data/samples/ part of its build.
function(cpts_samples target)
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${target}_sample_list.cpp)
  set(copies "")
  foreach(f IN LISTS CPTS_SAMPLE_FILES)
    get_filename_component(name ${f} NAME)
    list(APPEND copies ${CPTS_SAMPLES_DIR}/${name})
  endforeach()
  string(REPLACE ";" "|" files_arg "${CPTS_SAMPLE_FILES}")  # a ';' list would split the command line
  add_custom_command(
    OUTPUT ${out} ${copies}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DDEST=${CPTS_SAMPLES_DIR} "-DFILES=${files_arg}"
            -P ${PROJECT_SOURCE_DIR}/cmake/samples_gen.cmake
    DEPENDS ${CPTS_SAMPLE_FILES} ${PROJECT_SOURCE_DIR}/cmake/samples_gen.cmake
    COMMENT "Sample projects: list of names, copies in data/samples/"
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()
