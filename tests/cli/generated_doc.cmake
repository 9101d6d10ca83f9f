# Fails when the committed format document differs from what `cpts-cli schema projet --markdown`
# generates today (the description in src/model/schema.hpp changed).
execute_process(COMMAND ${CLI} schema projet --markdown -o ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cpts-cli schema projet --markdown a échoué (${rc})")
endif()
file(READ ${OUT} generated)
file(READ ${DOC} committed)
if(NOT generated STREQUAL committed)
  message(FATAL_ERROR "docs/format-projet.md n'est plus à jour : lancer scripts/gen_docs.sh "
                      "(ou cpts-cli schema projet --markdown -o docs/format-projet.md) et valider le fichier")
endif()
