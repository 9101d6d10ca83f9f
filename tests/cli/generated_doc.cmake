# Fails when a committed format document (docs/format-FORMAT.md) differs from what
# `cpts-cli schema FORMAT --markdown` generates today (its description changed).
execute_process(COMMAND ${CLI} schema ${FORMAT} --markdown -o ${OUT} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "cpts-cli schema ${FORMAT} --markdown a échoué (${rc})")
endif()
file(READ ${OUT} generated)
file(READ ${DOC} committed)
if(NOT generated STREQUAL committed)
  message(FATAL_ERROR "docs/format-${FORMAT}.md n'est plus à jour : lancer scripts/gen_docs.sh "
                      "(ou cpts-cli schema ${FORMAT} --markdown -o docs/format-${FORMAT}.md) et valider le fichier")
endif()
