// Self-contained HTML (XHTML-compatible HTML5: every element closed, attributes quoted, so that an
// XML parser accepts it too) with print styles: A4 pages, one chapter per page, table headers
// repeated, running header and page numbers in @page margin boxes (Chromium ≥ 131; other browsers
// print without them). Figures are inline SVG. A Content-Security-Policy forbids any script.
#include "io/documents/documents.hpp"
#include "io/documents/escape.hpp"
#include "io/documents/typography.hpp"
#include "model/version.hpp"

namespace cpts {

using namespace doc;

namespace {

const char* const kCss = R"CSS(
:root { --ink: #1d1d1f; --muted: #5b5b60; --rule: #b9bec7; --head: #e8eef4; --accent: #0b4f8a; }
html { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: var(--ink); }
body { max-width: 180mm; margin: 0 auto; padding: 10mm 8mm; }
h1, h2, h3 { color: var(--accent); line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 18pt; margin: 1.2em 0 0.6em; border-bottom: 2px solid var(--accent); padding-bottom: 0.15em; }
h2 { font-size: 13.5pt; margin: 1.1em 0 0.4em; }
h3 { font-size: 11.5pt; margin: 1em 0 0.35em; }
p { margin: 0.35em 0 0.6em; orphans: 3; widows: 3; }
p.note { color: var(--muted); font-style: italic; font-size: 9.5pt; }
p.lead { font-size: 11.5pt; }
ul { margin: 0.3em 0 0.8em 1.2em; padding: 0; }
table { width: 100%; border-collapse: collapse; margin: 0.3em 0 1em; font-size: 9.5pt; font-variant-numeric: tabular-nums; }
table.compact { font-size: 8.5pt; }
caption { caption-side: top; text-align: left; font-weight: bold; font-size: 9.5pt; color: var(--muted); padding: 0 0 0.3em; }
th, td { border: 1px solid var(--rule); padding: 0.25em 0.45em; vertical-align: top; text-align: left; }
thead th { background: var(--head); }
table.kv { break-inside: avoid; page-break-inside: avoid; }
table.kv th { width: 30%; background: #f5f7fa; font-weight: bold; }
tr.total td, tr.total th { font-weight: bold; background: #f5f7fa; }
tr.group th { background: #f0f0f0; text-align: left; }
.r { text-align: right; white-space: nowrap; }
.c { text-align: center; white-space: nowrap; }
figure { margin: 0.8em 0 1.2em; break-inside: avoid; page-break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-size: 9.5pt; color: var(--muted); font-weight: bold; margin-top: 0.3em; }
.cover { min-height: 240mm; display: flex; flex-direction: column; justify-content: center; }
.cover .kicker { font-size: 14pt; text-transform: uppercase; letter-spacing: 0.08em; color: var(--accent); margin: 0; }
.cover .title { font-size: 28pt; font-weight: bold; margin: 0.2em 0; line-height: 1.15; }
.cover .subtitle { font-size: 13pt; color: var(--muted); margin: 0 0 2em; }
.cover table { width: 75%; }
.cover .foot { margin-top: 3em; font-size: 9pt; color: var(--muted); }
.cover.sheet { min-height: 0; display: block; }
body.sheet h1 { font-size: 13pt; margin: 0.8em 0 0.3em; }  /* one-page sheet: small section titles */
.cover.sheet .title { font-size: 18pt; }
.cover.sheet .subtitle, .cover.sheet .foot { margin: 0 0 0.6em; }
nav.toc h2 { margin-top: 0; }
nav.toc ol { list-style: none; padding-left: 0; margin: 0; }
nav.toc ol ol { padding-left: 1.4em; }
nav.toc li { margin: 0.15em 0; }
nav.toc a { color: var(--ink); text-decoration: none; }
.page-break { break-before: page; page-break-before: always; height: 0; }
@media screen {
  body { background: #f3f3f3; }
  main, .cover, nav.toc { background: #fff; padding: 12mm 14mm; box-shadow: 0 1px 4px rgba(0,0,0,0.15); margin-bottom: 8mm; }
  .page-break { border-top: 1px dashed #ccc; margin: 1.5em 0; }
}
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  .cover { min-height: 0; height: 240mm; break-after: page; page-break-after: always; }
  .cover.sheet { height: auto; break-after: auto; page-break-after: auto; padding: 0; }
  nav.toc { break-after: page; page-break-after: always; }
  .page-break:first-child { display: none; }
  tr, figure { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
)CSS";

std::string spans_html(const std::vector<Span>& spans) {
  std::string o;
  for (const Span& s : spans) {
    std::string t = html_escape(s.text);
    std::string withbr;
    for (char ch : t) withbr += ch == '\n' ? std::string("<br/>") : std::string(1, ch);
    if (s.bold) withbr = "<strong>" + withbr + "</strong>";
    if (s.italic) withbr = "<em>" + withbr + "</em>";
    o += withbr;
  }
  return o;
}

std::string cell_html(const std::string& text) { return spans_html({{text}}); }

const char* align_class(const Table& t, std::size_t col) {
  if (col >= t.align.size()) return "";
  return t.align[col] == Align::Right ? " class=\"r\"" : t.align[col] == Align::Center ? " class=\"c\"" : "";
}

void table_html(std::string& o, const Table& t) {
  std::string cls = t.key_value ? "kv" : "";
  if (t.compact) cls += cls.empty() ? "compact" : " compact";
  o += "<table" + (cls.empty() ? std::string() : " class=\"" + cls + "\"") + ">\n";
  if (!t.caption.empty()) o += "<caption>" + html_escape(t.caption) + "</caption>\n";
  std::size_t cols = t.header.size();
  for (const auto& r : t.rows) cols = std::max(cols, r.cells.size());
  if (!t.widths.empty()) {
    o += "<colgroup>";
    for (int w : t.widths) o += "<col style=\"width:" + std::to_string(w) + "%\"/>";
    o += "</colgroup>\n";
  }
  if (!t.header.empty() && !t.key_value) {
    o += "<thead><tr>";
    for (std::size_t c = 0; c < t.header.size(); ++c) o += "<th scope=\"col\"" + std::string(align_class(t, c)) + ">" + cell_html(t.header[c]) + "</th>";
    o += "</tr></thead>\n";
  }
  o += "<tbody>\n";
  for (const auto& r : t.rows) {
    if (r.group) {
      o += "<tr class=\"group\"><th colspan=\"" + std::to_string(cols) + "\" scope=\"colgroup\">" + cell_html(r.cells.empty() ? "" : r.cells[0]) + "</th></tr>\n";
      continue;
    }
    o += r.total ? "<tr class=\"total\">" : "<tr>";
    for (std::size_t c = 0; c < r.cells.size(); ++c) {
      if (t.key_value && c == 0) o += "<th scope=\"row\">" + cell_html(r.cells[c]) + "</th>";
      else o += "<td" + std::string(align_class(t, c)) + ">" + cell_html(r.cells[c]) + "</td>";
    }
    o += "</tr>\n";
  }
  o += "</tbody>\n</table>\n";
}

void toc_html(std::string& o, const Document& d) {
  o += "<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">Sommaire</h2>\n<ol>";
  int open = 1;  // depth of the current <ol>
  bool first = true;
  for (const Block* h : d.headings()) {
    int level = h->level;
    if (first) {
      for (; open < level; ++open) o += "<li><ol>";
      first = false;
    } else if (level > open) {
      for (; open < level; ++open) o += "<ol>";  // inside the previous <li>
    } else {
      o += "</li>";
      for (; open > level; --open) o += "</ol></li>";
    }
    o += "\n<li><a href=\"#" + h->anchor + "\">" + html_escape(h->heading_text()) + "</a>";
  }
  if (!first) o += "</li>";
  for (; open > 1; --open) o += "</ol></li>";
  o += "\n</ol>\n</nav>\n";
}

}  // namespace

std::string write_html(const Document& in) {
  const Document d = typeset(in);  // French spacing before : ; ? ! and inside « » (typography.hpp)
  std::string o;
  o.reserve(64 * 1024);
  o += "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"" + html_escape(d.lang) + "\" xml:lang=\"" + html_escape(d.lang) + "\">\n<head>\n";
  o += "<meta charset=\"utf-8\"/>\n";
  o += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"/>\n";
  o += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n";
  o += "<meta name=\"generator\" content=\"Planificateur CPTS " + html_escape(version()) + "\"/>\n";
  o += "<meta name=\"author\" content=\"" + html_escape(d.author) + "\"/>\n";
  if (d.date.valid()) o += "<meta name=\"date\" content=\"" + to_iso(d.date) + "\"/>\n";
  o += "<title>" + html_escape(d.title) + "</title>\n<style>";
  o += kCss;
  // The running header is user text inside CSS: css_string() hex-escapes anything that could end
  // the string or the <style> element.
  o += "@page { size: A4; margin: 20mm 17mm 20mm 17mm;\n  @top-center { content: " + css_string(d.running_header) +
       "; font-size: 8pt; color: #5b5b60; }\n  @bottom-right { content: \"Page \" counter(page) \" / \" counter(pages); font-size: 8pt; color: #5b5b60; } }\n"
       "@page :first { @top-center { content: none; } @bottom-right { content: none; } }\n";
  o += d.sheet ? "</style>\n</head>\n<body class=\"sheet\">\n" : "</style>\n</head>\n<body>\n";
  // Cover.
  o += d.sheet ? "<section class=\"cover sheet\">\n" : "<section class=\"cover\">\n";
  if (!d.cover.kicker.empty()) o += "<p class=\"kicker\">" + html_escape(d.cover.kicker) + "</p>\n";
  o += "<p class=\"title\">" + html_escape(d.cover.title) + "</p>\n";
  if (!d.cover.subtitle.empty()) o += "<p class=\"subtitle\">" + html_escape(d.cover.subtitle) + "</p>\n";
  if (!d.cover.facts.empty()) {
    Table facts;
    facts.key_value = true;
    for (const auto& [k, v] : d.cover.facts) facts.row({k, v});
    table_html(o, facts);
  }
  if (!d.cover.footnote.empty()) o += "<p class=\"foot\">" + html_escape(d.cover.footnote) + "</p>\n";
  o += "</section>\n";
  bool in_main = false;
  for (const Block& b : d.blocks) {
    if (b.kind == Block::Toc) {
      toc_html(o, d);
      continue;
    }
    if (!in_main) {
      o += "<main>\n";
      in_main = true;
    }
    switch (b.kind) {
      case Block::Heading: {
        std::string tag = "h" + std::to_string(b.level);
        o += "<" + tag + " id=\"" + b.anchor + "\">" + html_escape(b.heading_text()) + "</" + tag + ">\n";
        break;
      }
      case Block::Paragraph:
        o += std::string(b.style == ParagraphStyle::Note ? "<p class=\"note\">" : b.style == ParagraphStyle::Lead ? "<p class=\"lead\">" : "<p>") +
             spans_html(b.spans) + "</p>\n";
        break;
      case Block::Bullets:
        o += "<ul>\n";
        for (const auto& item : b.items) o += "<li>" + spans_html(item) + "</li>\n";
        o += "</ul>\n";
        break;
      case Block::TableBlock: table_html(o, b.table); break;
      case Block::FigureBlock:
        o += "<figure>\n" + to_svg(b.figure.drawing) + "\n<figcaption>" + html_escape(b.figure.caption) + "</figcaption>\n</figure>\n";
        break;
      case Block::PageBreak: o += "<div class=\"page-break\"></div>\n"; break;
      case Block::Toc: break;
    }
  }
  if (in_main) o += "</main>\n";
  o += "</body>\n</html>\n";
  return o;
}

}  // namespace cpts
