# cpts_embed(TARGET name FILES f1 f2 ...): compiles the given data files into the target, reachable
# at run time through cpts::embedded_file("basename"). The catalogues and samples are small (tens of
# KB); embedding them keeps the CLI and the web page self-contained (no fetch, no install path).
function(cpts_embed target)
  cmake_parse_arguments(E "" "" "FILES" ${ARGN})
  set(out ${CMAKE_CURRENT_BINARY_DIR}/${target}_embedded.cpp)
  string(REPLACE ";" "|" files_arg "${E_FILES}")  # a ';' list would split the command line
  add_custom_command(
    OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} "-DFILES=${files_arg}" -P ${PROJECT_SOURCE_DIR}/cmake/embed_gen.cmake
    DEPENDS ${E_FILES} ${PROJECT_SOURCE_DIR}/cmake/embed_gen.cmake
    COMMENT "Embedding data files into ${target}"
    VERBATIM)
  target_sources(${target} PRIVATE ${out})
endfunction()
