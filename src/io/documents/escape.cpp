#include "io/documents/escape.hpp"

#include <cstdio>

namespace cpts::doc {

char32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = b(i);
  if (c < 0x80) {
    ++i;
    return c;
  }
  int len = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
  for (int k = 1; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  // Overlong forms, surrogates and values above U+10FFFF are invalid UTF-8.
  if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++i;
    return 0xFFFD;
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

namespace {

// XML 1.0 §2.2 Char production.
bool xml_char(char32_t c) {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
         (c >= 0x10000 && c <= 0x10FFFF);
}

template <class Fn>
void for_each_clean(std::string_view text, Fn&& fn) {
  for (std::size_t i = 0; i < text.size();) {
    char32_t cp = next_code_point(text, i);
    if (xml_char(cp)) fn(cp);
  }
}

std::string escape_markup(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  for_each_clean(text, [&](char32_t cp) {
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\r': break;  // line ends are LF in the documents
      default: append_utf8(out, cp);
    }
  });
  return out;
}

}  // namespace

std::string xml_clean(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for_each_clean(text, [&](char32_t cp) { append_utf8(out, cp); });
  return out;
}

std::string xml_escape(std::string_view text) { return escape_markup(text); }
std::string html_escape(std::string_view text) { return escape_markup(text); }

std::string css_string(std::string_view text) {
  std::string out = "\"";
  for_each_clean(text, [&](char32_t cp) {
    bool plain = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == ' ' || cp >= 0xA0;
    if (plain) {
      append_utf8(out, cp);
    } else if (cp == '\n' || cp == '\r' || cp == '\t') {
      out += ' ';
    } else {
      char buf[16];
      // CSS consumes one white space after a hex escape (CSS Syntax §4.3.7): always write it, so a
      // real space that follows stays.
      std::snprintf(buf, sizeof buf, "\\%06X ", static_cast<unsigned>(cp));
      out += buf;
    }
  });
  out += '"';
  return out;
}

namespace {

std::string md_common(std::string_view text, bool cell) {
  std::string out;
  out.reserve(text.size() + 16);
  bool line_start = true;
  bool digits_only = true;  // only digits since the start of the line: "2." or "2)" would open a list
  for_each_clean(text, [&](char32_t cp) {
    const bool was_digits = digits_only;
    digits_only = false;
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\r': break;
      case '\n':
        out += cell ? "<br>" : "  \n";
        line_start = digits_only = true;
        return;
      case '\\': case '`': case '*': case '_': case '[': case ']': case '{': case '}': case '(': case ')':
      case '#': case '+': case '!': case '|': case '~': case '$':
        out += '\\';
        out += static_cast<char>(cp);
        break;
      case '-': case '.':  // list markers ("- ", "1.") only matter at the start of a line
        if (line_start || (was_digits && cp == '.')) out += '\\';
        out += static_cast<char>(cp);
        break;
      case '\t': out += ' '; break;
      default:
        append_utf8(out, cp);
        if (cp >= '0' && cp <= '9') digits_only = was_digits;
    }
    line_start = false;
  });
  return out;
}

}  // namespace

std::string md_escape(std::string_view text) { return md_common(text, false); }
std::string md_cell(std::string_view text) { return md_common(text, true); }

std::string slug(std::string_view text) {
  std::string out;
  auto add = [&](const char* s) {
    out += s;
  };
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = next_code_point(text, i);
    if (c >= 'A' && c <= 'Z') c = c - 'A' + 'a';
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += static_cast<char>(c);
      continue;
    }
    switch (c) {
      case U'à': case U'â': case U'ä': case U'À': case U'Â': case U'Ä': case U'á': add("a"); continue;
      case U'ç': case U'Ç': add("c"); continue;
      case U'é': case U'è': case U'ê': case U'ë': case U'É': case U'È': case U'Ê': case U'Ë': add("e"); continue;
      case U'î': case U'ï': case U'Î': case U'Ï': case U'í': add("i"); continue;
      case U'ô': case U'ö': case U'Ô': case U'Ö': case U'ó': add("o"); continue;
      case U'ù': case U'û': case U'ü': case U'Ù': case U'Û': case U'Ü': case U'ú': add("u"); continue;
      case U'ÿ': case U'Ÿ': add("y"); continue;
      case U'œ': case U'Œ': add("oe"); continue;
      case U'æ': case U'Æ': add("ae"); continue;
      default:
        if (!out.empty() && out.back() != '-') out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  if (out.size() > 60) out.resize(60);
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "cpts" : out;
}

}  // namespace cpts::doc
