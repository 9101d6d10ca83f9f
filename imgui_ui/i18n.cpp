#include "i18n.hpp"

#include <cstdarg>
#include <cstdio>
#include <string_view>
#include <unordered_map>

#include "embedded_data.hpp"
#include "json_reader.hpp"

namespace cpts::ui {

namespace {

using Table = std::unordered_map<std::string, std::string>;

Table load(std::string_view file) {
  Table t;
  JsonError err;
  auto j = parse_json_limited(embedded_file(file), err);
  if (!j || !j->is_object()) return t;
  for (auto it = j->begin(); it != j->end(); ++it)
    if (it.value().is_string()) t.emplace(it.key(), it.value().get<std::string>());
  return t;
}

const Table& french() {
  static const Table t = load("fr.json");
  return t;
}
const Table& english() {
  static const Table t = load("en.json");
  return t;
}

Lang current = Lang::Fr;

}  // namespace

void set_language(Lang lang) { current = lang; }
Lang language() { return current; }

const char* T(const char* key) {
  if (current == Lang::En) {
    auto it = english().find(key);
    if (it != english().end()) return it->second.c_str();
  }
  auto it = french().find(key);
  return it != french().end() ? it->second.c_str() : key;
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
