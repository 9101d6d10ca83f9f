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

std::string sentence_start(std::string s) {
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  // UTF-8 C3 A0..C3 BE (à..þ, except ÷ C3 B7) -> C3 80..C3 9E (À..Þ).
  else if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC3) {
    unsigned char c = static_cast<unsigned char>(s[1]);
    if (c >= 0xA0 && c <= 0xBE && c != 0xB7) s[1] = static_cast<char>(c - 0x20);
  }
  return s;
}

namespace {
// The one printf of TF and TN.
std::string vformat(const char* pattern, va_list args) {
  char buf[1024];
  std::vsnprintf(buf, sizeof buf, pattern, args);
  return buf;
}

// The pattern of `key` for a count n: "key.one" where n takes the singular, in the language shown
// (a language without it keeps its plural, never the other language's singular). No allocation:
// the summary bar asks on every frame it draws.
const char* count_pattern(const char* key, long long n) {
  const bool singular = current == Lang::En ? n == 1 : (n == 0 || n == 1);
  char one[128];
  if (singular && std::snprintf(one, sizeof one, "%s.one", key) < static_cast<int>(sizeof one)) {
    if (const Entry* e = find(one)) {
      if (current == Lang::Fr) return e->fr;
      if (e->en) return e->en;
    }
  }
  return T(key);
}
}  // namespace

std::string TF(const char* key, ...) {
  va_list args;
  va_start(args, key);
  std::string out = vformat(T(key), args);
  va_end(args);
  return out;
}

std::string TN(const char* key, long long n, ...) {
  va_list args;
  va_start(args, n);
  std::string out = vformat(count_pattern(key, n), args);
  va_end(args);
  return out;
}

}  // namespace cpts::ui
