// Markdown (CommonMark + GitHub tables) for those who edit as text. User text is escaped
// (md_escape): Markdown punctuation cannot restructure the document and < > & are entities, so a
// viewer that renders raw HTML shows "<script>" as text. Figures are SVG data URIs.
#include "io/documents/documents.hpp"
#include "io/documents/escape.hpp"
#include "io/documents/typography.hpp"

namespace cpts {

using namespace doc;

namespace {

std::string base64(std::string_view data) {
  static const char* k = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < data.size(); i += 3) {
    std::uint32_t v = static_cast<unsigned char>(data[i]) << 16;
    if (i + 1 < data.size()) v |= static_cast<unsigned char>(data[i + 1]) << 8;
    if (i + 2 < data.size()) v |= static_cast<unsigned char>(data[i + 2]);
    out += k[(v >> 18) & 63];
    out += k[(v >> 12) & 63];
    out += i + 1 < data.size() ? k[(v >> 6) & 63] : '=';
    out += i + 2 < data.size() ? k[v & 63] : '=';
  }
  return out;
}

std::string spans_md(const std::vector<Span>& spans) {
  std::string o;
  for (const Span& s : spans) {
    std::string t = md_escape(s.text);
    if (t.empty()) continue;
    if (s.bold) t = "**" + t + "**";
    if (s.italic) t = "*" + t + "*";
    o += t;
  }
  return o;
}

void table_md(std::string& o, const Table& t) {
  if (!t.caption.empty()) o += "**" + md_escape(t.caption) + "**\n\n";
  std::size_t cols = t.header.size();
  for (const auto& r : t.rows) cols = std::max(cols, r.cells.size());
  std::vector<std::string> header = t.key_value ? std::vector<std::string>{"Rubrique", "Contenu"} : t.header;
  header.resize(cols);
  o += "|";
  for (const std::string& h : header) o += " " + md_cell(h) + " |";
  o += "\n|";
  for (std::size_t c = 0; c < cols; ++c) {
    Align a = c < t.align.size() ? t.align[c] : Align::Left;
    o += a == Align::Right ? " ---: |" : a == Align::Center ? " :---: |" : " --- |";
  }
  o += "\n";
  for (const auto& r : t.rows) {
    o += "|";
    for (std::size_t c = 0; c < cols; ++c) {
      std::string cell = c < r.cells.size() ? md_cell(r.cells[c]) : std::string();
      if ((r.total || r.group || (t.key_value && c == 0)) && !cell.empty()) cell = "**" + cell + "**";
      o += " " + cell + " |";
    }
    o += "\n";
  }
  o += "\n";
}

}  // namespace

std::string write_markdown(const Document& in) {
  const Document d = typeset(in);  // French spacing before : ; ? ! and inside « » (typography.hpp)
  std::string o;
  o += "# " + md_escape(d.cover.kicker.empty() ? d.title : d.cover.kicker + " — " + d.cover.title) + "\n\n";
  if (!d.cover.subtitle.empty()) o += "*" + md_escape(d.cover.subtitle) + "*\n\n";
  for (const auto& [k, v] : d.cover.facts) o += "- **" + md_escape(k) + "**\u202F: " + md_escape(v) + "\n";
  if (!d.cover.facts.empty()) o += "\n";
  if (!d.cover.footnote.empty()) o += "*" + md_escape(d.cover.footnote) + "*\n\n";
  for (const Block& b : d.blocks) {
    switch (b.kind) {
      case Block::Toc:
        o += "## Sommaire\n\n";
        for (const Block* h : d.headings()) o += std::string(static_cast<std::size_t>(2 * (h->level - 1)), ' ') + "- " + md_escape(h->heading_text()) + "\n";
        o += "\n";
        break;
      case Block::Heading:  // the number is ours, and "2." cannot open a list inside an ATX heading
        o += std::string(static_cast<std::size_t>(b.level + 1), '#') + " " + (b.number.empty() ? "" : b.number + (b.level == 1 ? ". " : " ")) +
             md_escape(b.spans.empty() ? std::string() : b.spans[0].text) + "\n\n";
        break;
      case Block::Paragraph: {
        std::string t = spans_md(b.spans);
        o += (b.style == ParagraphStyle::Note ? "> " + t : t) + "\n\n";
        break;
      }
      case Block::Bullets:
        for (const auto& item : b.items) o += "- " + spans_md(item) + "\n";
        o += "\n";
        break;
      case Block::TableBlock: table_md(o, b.table); break;
      case Block::FigureBlock:
        o += "![" + md_escape(b.figure.caption) + "](data:image/svg+xml;base64," + base64(to_svg(b.figure.drawing)) + ")\n\n*" +
             md_escape(b.figure.caption) + "*\n\n";
        break;
      case Block::PageBreak: break;
    }
  }
  return o;
}

}  // namespace cpts
