// UI text in French (default) and English, from shared/i18n/fr.json and en.json (compiled into a
// sorted table by scripts/i18n_table.py). Keys are dotted names grouped by where the text appears ("menu.file", "panel.territory").
// A key missing from the active language falls back to French, then to the key itself, so a
// forgotten translation is visible instead of empty (tests check both files have every key used).
#pragma once
#include <string>

namespace cpts::ui {

enum class Lang { Fr, En };
void set_language(Lang lang);
Lang language();

const char* T(const char* key);
// printf-style formatting of a translated pattern: TF("status.saved", name.c_str()).
std::string TF(const char* key, ...);

// A message shown as a sentence starts with a capital (issue #14 item 8): "code INSEE…" ->
// "Code INSEE…", "écrit…" -> "Écrit…" (ASCII and the Latin-1 lower-case letters à–þ).
std::string sentence_start(std::string text);

}  // namespace cpts::ui
