#include "i18n.hpp"

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <iterator>

namespace cpts::ui {

namespace {

struct Entry {
  const char* key;
  const char* fr;
  const char* en;  // nullptr: not translated, French is shown
};
// Sorted by key in byte order (scripts/i18n_table.py), for a binary search with strcmp.
constexpr Entry kTable[] = {
#include "i18n_table.inc"
};

const Entry* find(const char* key) {
  const Entry* end = std::end(kTable);
  const Entry* it = std::lower_bound(std::begin(kTable), end, key, [](const Entry& e, const char* k) { return std::strcmp(e.key, k) < 0; });
  return it != end && std::strcmp(it->key, key) == 0 ? it : nullptr;
}

Lang current = Lang::Fr;

}  // namespace

void set_language(Lang lang) { current = lang; }
Lang language() { return current; }
const char* language_code() { return current == Lang::En ? "en" : "fr"; }

const char* T(const char* key) {
  const Entry* e = find(key);
  if (!e) return key;
  return current == Lang::En && e->en ? e->en : e->fr;
}

std::string TF(const char* key, ...) {
  char buf[1024];
  va_list args;
  va_start(args, key);
  std::vsnprintf(buf, sizeof buf, T(key), args);
  va_end(args);
  return buf;
}

}  // namespace cpts::ui
