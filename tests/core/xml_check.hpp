// A small XML 1.0 well-formedness checker for the document tests: tags balanced and properly
// nested, attributes quoted and unique, entity references known, no raw '<' or '&' in text, only
// XML characters. It also records every element name and attribute name, so that a test can assert
// that a document holds no <script> element and no event-handler attribute (on…).
#pragma once
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace xmlcheck {

struct Result {
  bool ok = true;
  std::string error;                 // first problem, with its byte offset
  std::set<std::string> elements;    // local names seen (lower case)
  std::set<std::string> attributes;  // attribute names seen (lower case)
  std::vector<std::string> texts;    // text nodes (entities left as written)
};

inline bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.' || c == ':' ||
         static_cast<unsigned char>(c) >= 0x80;
}

inline std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

// `&…;` at s[i]: a predefined entity or a character reference.
inline bool entity_at(std::string_view s, std::size_t i, std::size_t& len) {
  std::size_t semi = s.find(';', i);
  if (semi == std::string_view::npos || semi - i > 10) return false;
  std::string_view e = s.substr(i + 1, semi - i - 1);
  len = semi - i + 1;
  if (e == "amp" || e == "lt" || e == "gt" || e == "quot" || e == "apos") return true;
  if (e.size() >= 2 && e[0] == '#') {
    bool hex = e[1] == 'x';
    std::string_view d = e.substr(hex ? 2 : 1);
    if (d.empty()) return false;
    for (char c : d)
      if (!((c >= '0' && c <= '9') || (hex && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))))) return false;
    return true;
  }
  return false;
}

inline Result check(std::string_view s) {
  Result r;
  auto fail = [&](std::size_t at, const std::string& msg) {
    if (r.ok) r.error = msg + " (octet " + std::to_string(at) + ")";
    r.ok = false;
    return r;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') return fail(i, "caractère de contrôle");
  }
  std::vector<std::string> stack;
  bool root_seen = false;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '<') {
      std::size_t next = s.find('<', i);
      std::string_view text = s.substr(i, next == std::string_view::npos ? std::string_view::npos : next - i);
      for (std::size_t k = 0; k < text.size(); ++k) {
        if (text[k] == '&') {
          std::size_t len = 0;
          if (!entity_at(text, k, len)) return fail(i + k, "& hors d’une entité");
        } else if (text[k] == '>' && k >= 2 && text.substr(k - 2, 3) == "]]>") {
          return fail(i + k, "]]> dans le texte");
        }
      }
      if (stack.empty() && text.find_first_not_of(" \t\r\n") != std::string_view::npos) return fail(i, "texte hors de l’élément racine");
      r.texts.emplace_back(text);
      if (next == std::string_view::npos) break;
      i = next;
      continue;
    }
    if (s.substr(i, 4) == "<!--") {
      std::size_t end = s.find("-->", i + 4);
      if (end == std::string_view::npos) return fail(i, "commentaire non fermé");
      i = end + 3;
      continue;
    }
    if (s.substr(i, 2) == "<?") {
      std::size_t end = s.find("?>", i + 2);
      if (end == std::string_view::npos) return fail(i, "instruction non fermée");
      i = end + 2;
      continue;
    }
    if (s.substr(i, 9) == "<!DOCTYPE") {
      if (root_seen) return fail(i, "DOCTYPE après la racine");
      std::size_t end = s.find('>', i);
      if (end == std::string_view::npos) return fail(i, "DOCTYPE non fermé");
      i = end + 1;
      continue;
    }
    if (s.substr(i, 2) == "</") {
      std::size_t j = i + 2, start = j;
      while (j < s.size() && name_char(s[j])) ++j;
      std::string name(s.substr(start, j - start));
      while (j < s.size() && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r')) ++j;
      if (j >= s.size() || s[j] != '>') return fail(i, "balise fermante mal formée");
      if (stack.empty() || stack.back() != name) return fail(i, "</" + name + "> ne ferme pas " + (stack.empty() ? "rien" : "<" + stack.back() + ">"));
      stack.pop_back();
      i = j + 1;
      continue;
    }
    // Start tag.
    std::size_t j = i + 1, start = j;
    while (j < s.size() && name_char(s[j])) ++j;
    if (j == start) return fail(i, "'<' brut dans le texte");
    std::string name(s.substr(start, j - start));
    if (stack.empty() && root_seen) return fail(i, "deuxième élément racine");
    root_seen = true;
    std::string local = name.substr(name.find(':') == std::string::npos ? 0 : name.find(':') + 1);
    r.elements.insert(lower(local));
    std::set<std::string> attrs;
    bool self_closing = false;
    while (true) {
      while (j < s.size() && (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r')) ++j;
      if (j >= s.size()) return fail(i, "balise non fermée");
      if (s[j] == '>') { ++j; break; }
      if (s.substr(j, 2) == "/>") { j += 2; self_closing = true; break; }
      std::size_t an = j;
      while (j < s.size() && name_char(s[j])) ++j;
      if (j == an) return fail(j, "nom d’attribut attendu dans <" + name + ">");
      std::string attr(s.substr(an, j - an));
      if (!attrs.insert(attr).second) return fail(an, "attribut répété " + attr);
      r.attributes.insert(lower(attr));
      while (j < s.size() && s[j] == ' ') ++j;
      if (j >= s.size() || s[j] != '=') return fail(j, "'=' attendu après " + attr);
      ++j;
      while (j < s.size() && s[j] == ' ') ++j;
      if (j >= s.size() || (s[j] != '"' && s[j] != '\'')) return fail(j, "valeur d'attribut sans guillemets");
      char q = s[j++];
      std::size_t end = s.find(q, j);
      if (end == std::string_view::npos) return fail(j, "valeur d’attribut non fermée");
      std::string_view v = s.substr(j, end - j);
      for (std::size_t k = 0; k < v.size(); ++k) {
        if (v[k] == '<') return fail(j + k, "'<' dans une valeur d’attribut");
        std::size_t len = 0;
        if (v[k] == '&' && !entity_at(v, k, len)) return fail(j + k, "& hors d’une entité (attribut)");
      }
      j = end + 1;
    }
    if (!self_closing) stack.push_back(name);
    i = j;
  }
  if (!stack.empty()) return fail(s.size(), "<" + stack.back() + "> non fermé");
  if (!root_seen) return fail(0, "pas d’élément racine");
  return r;
}

}  // namespace xmlcheck
