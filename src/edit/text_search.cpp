#include "edit/text_search.hpp"

#include <cstring>

namespace cpts {

std::string fold_for_search(const std::string& s) {
  static const struct {
    const char* from;
    char to;
  } kMap[] = {{"é", 'e'}, {"è", 'e'}, {"ê", 'e'}, {"ë", 'e'}, {"É", 'e'}, {"È", 'e'}, {"Ê", 'e'}, {"à", 'a'},
              {"â", 'a'}, {"À", 'a'}, {"Â", 'a'}, {"î", 'i'}, {"ï", 'i'}, {"Î", 'i'}, {"ô", 'o'}, {"Ô", 'o'},
              {"û", 'u'}, {"ù", 'u'}, {"ü", 'u'}, {"Û", 'u'}, {"ç", 'c'}, {"Ç", 'c'}, {"œ", 'o'}, {"Œ", 'o'}};
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    bool mapped = false;
    if (static_cast<unsigned char>(s[i]) >= 0x80) {
      for (const auto& m : kMap) {
        std::size_t len = std::strlen(m.from);
        if (s.compare(i, len, m.from) == 0) {
          out += m.to;
          if (m.to == 'o' && (std::strcmp(m.from, "œ") == 0 || std::strcmp(m.from, "Œ") == 0)) out += 'e';  // œ -> oe
          i += len;
          mapped = true;
          break;
        }
      }
    }
    if (mapped) continue;
    char c = s[i++];
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

bool contains_folded(const std::string& text, const std::string& needle) {
  if (needle.empty()) return true;
  return fold_for_search(text).find(fold_for_search(needle)) != std::string::npos;
}

}  // namespace cpts
