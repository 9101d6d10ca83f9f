#include "io/documents/typography.hpp"

namespace cpts::doc {

namespace {

const std::string_view kNarrowNbsp = "\xE2\x80\xAF";  // U+202F
const std::string_view kNbsp = "\xC2\xA0";            // U+00A0
const std::string_view kOpenQuote = "\xC2\xAB";       // «
const std::string_view kCloseQuote = "\xC2\xBB";      // »

bool is_high_punct(std::string_view s, std::size_t i) {  // at i: ":" ";" "?" "!" or "»"
  if (i >= s.size()) return false;
  char c = s[i];
  return c == ':' || c == ';' || c == '?' || c == '!' || s.substr(i, 2) == kCloseQuote;
}

// Length of the space at i (ASCII space or U+00A0), 0 if none.
std::size_t space_at(std::string_view s, std::size_t i) {
  if (i < s.size() && s[i] == ' ') return 1;
  if (s.substr(i, 2) == kNbsp) return 2;
  return 0;
}

void fix_spans(std::vector<Span>& spans) {
  for (Span& s : spans) s.text = french_spacing(s.text);
  // Across two spans ("Échéance " in bold, then ": 18/10/2022"): the space ending one span before
  // the punctuation opening the next.
  for (std::size_t i = 1; i < spans.size(); ++i) {
    std::string& prev = spans[i - 1].text;
    if (!is_high_punct(spans[i].text, 0)) continue;
    if (!prev.empty() && prev.back() == ' ') prev.replace(prev.size() - 1, 1, kNarrowNbsp);
    else if (prev.size() >= 2 && std::string_view(prev).substr(prev.size() - 2) == kNbsp) prev.replace(prev.size() - 2, 2, kNarrowNbsp);
  }
}

}  // namespace

std::string french_spacing(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (std::size_t i = 0; i < s.size();) {
    if (std::size_t n = space_at(s, i)) {
      // A run of spaces before the punctuation becomes one narrow no-break space.
      std::size_t j = i + n;
      while (std::size_t m = space_at(s, j)) j += m;
      if (is_high_punct(s, j)) {
        out += kNarrowNbsp;
        i = j;
        continue;
      }
      out.append(s.substr(i, n));
      i += n;
      continue;
    }
    if (s.substr(i, 2) == kOpenQuote) {
      out += kOpenQuote;
      i += 2;
      std::size_t j = i;
      while (std::size_t m = space_at(s, j)) j += m;
      if (j > i) {
        out += kNarrowNbsp;
        i = j;
      }
      continue;
    }
    out += s[i++];
  }
  return out;
}

Document typeset(const Document& in) {
  Document d = in;
  if (d.lang.rfind("fr", 0) != 0) return d;
  auto fix = [](std::string& s) { s = french_spacing(s); };
  fix(d.title);
  fix(d.running_header);
  fix(d.subject);
  fix(d.cover.kicker);
  fix(d.cover.title);
  fix(d.cover.subtitle);
  fix(d.cover.footnote);
  for (auto& [k, v] : d.cover.facts) {
    fix(k);
    fix(v);
  }
  for (Block& b : d.blocks) {
    fix_spans(b.spans);
    for (auto& item : b.items) fix_spans(item);
    for (std::string& h : b.table.header) fix(h);
    for (auto& r : b.table.rows)
      for (std::string& c : r.cells) fix(c);
    fix(b.table.caption);
    fix(b.figure.caption);
  }
  return d;
}

}  // namespace cpts::doc
