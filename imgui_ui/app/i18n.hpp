// UI text in French (default) and English, from shared/i18n/fr.json and en.json (compiled into a
// sorted table by scripts/i18n_table.py). Keys are dotted names grouped by where the text appears ("menu.file", "panel.territory").
// A key missing from the active language falls back to French, then to the key itself, so a
// forgotten translation is visible instead of empty (tests check both files have every key used).
#pragma once
#include <string>
#include <vector>

namespace cpts::ui {

enum class Lang { Fr, En };
void set_language(Lang lang);
Lang language();
const char* language_code();  // "fr" / "en": the saved setting, the ?lang= option

const char* T(const char* key);

// The one way to show a text the core gives in both languages (catalogue labels, findings, table
// fields): the core keeps French and English side by side, the UI picks here. An empty English
// text falls back to French, as a missing key does.
inline const std::string& in_language(const std::string& fr, const std::string& en) {
  return language() == Lang::En && !en.empty() ? en : fr;
}
inline const char* in_language(const char* fr, const char* en) { return language() == Lang::En && en && *en ? en : fr; }
inline const std::vector<std::string>& in_language(const std::vector<std::string>& fr, const std::vector<std::string>& en) {
  return language() == Lang::En && !en.empty() ? en : fr;  // a list the core gives in both languages
}
template <class Labelled>
const std::string& label_of(const Labelled& x) {  // anything with label_fr / label_en
  return in_language(x.label_fr, x.label_en);
}
template <class Message>
const std::string& message_of(const Message& x) {  // anything with message_fr / message_en (Finding)
  return in_language(x.message_fr, x.message_en);
}
// printf-style formatting of a translated pattern: TF("status.saved", name.c_str()).
std::string TF(const char* key, ...);
// The same for a count `n`, in the number it takes: the pattern "key.one" where n is singular —
// French: 0 and 1 (« 0 bloquant », « 1 bloquant », « 2 bloquants »), English: 1 — else "key", the
// plural. `n` only chooses; the arguments are formatted as TF does: TN("lib.imported", n, n, name).
std::string TN(const char* key, long long n, ...);

// A message shown as a sentence starts with a capital (issue #14 item 8): "code INSEE…" ->
// "Code INSEE…", "écrit…" -> "Écrit…" (ASCII and the Latin-1 lower-case letters à–þ).
std::string sentence_start(std::string text);

}  // namespace cpts::ui
