# The official list of communes (issue #15): scripts/communes_table.py turns the npm package
# @etalab/decoupage-administratif (installed by scripts/setup.sh into $CPTS_DEPS, never into the
# tree) into build/<preset>/data/communes.tsv. It is not embedded: the CLI and the desktop app read
# it from there, the web page fetches it next to index.wasm on first use of the picker, so that
# the first page load does not grow by 1.7 MB.
set(_cpts_deps "$ENV{CPTS_DEPS}")
if(NOT _cpts_deps)
  set(_cpts_deps "$ENV{HOME}/.cache/cpts-planner/deps")
endif()
set(CPTS_DECOUPAGE_DIR "${_cpts_deps}/communes/node_modules/@etalab/decoupage-administratif"
    CACHE PATH "@etalab/decoupage-administratif 6.0.0 (scripts/setup.sh installs it)")
if(NOT EXISTS "${CPTS_DECOUPAGE_DIR}/data/communes.json")
  message(FATAL_ERROR "communes: ${CPTS_DECOUPAGE_DIR}/data/communes.json is missing; run scripts/setup.sh "
                      "(it installs @etalab/decoupage-administratif 6.0.0 from npm)")
endif()
find_program(CPTS_PYTHON3 python3 REQUIRED)
set(CPTS_COMMUNES_TABLE ${CMAKE_BINARY_DIR}/data/communes.tsv)
add_custom_command(
  OUTPUT ${CPTS_COMMUNES_TABLE} ${CPTS_COMMUNES_TABLE}.gz
  COMMAND ${CPTS_PYTHON3} ${PROJECT_SOURCE_DIR}/scripts/communes_table.py ${CPTS_DECOUPAGE_DIR} ${CPTS_COMMUNES_TABLE}
  DEPENDS ${PROJECT_SOURCE_DIR}/scripts/communes_table.py ${CPTS_DECOUPAGE_DIR}/package.json
          ${CPTS_DECOUPAGE_DIR}/data/communes.json ${CPTS_DECOUPAGE_DIR}/data/epci.json
  COMMENT "Table of communes from @etalab/decoupage-administratif"
  VERBATIM)
add_custom_target(cpts_communes_table ALL DEPENDS ${CPTS_COMMUNES_TABLE})
