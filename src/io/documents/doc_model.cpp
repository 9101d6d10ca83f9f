#include "io/documents/doc_model.hpp"

namespace cpts::doc {

std::string Block::heading_text() const {
  std::string t = spans.empty() ? std::string() : spans[0].text;
  return number.empty() ? t : number + (level == 1 ? ". " : " ") + t;
}

std::string Block::plain_text() const {
  std::string s;
  for (const Span& sp : spans) s += sp.text;
  return s;
}

Block& Document::heading(int level, std::string text, bool page_break_before) {
  if (page_break_before) page_break();
  level = level < 1 ? 1 : level > 3 ? 3 : level;
  ++counters_[level - 1];
  for (int l = level; l < 3; ++l) counters_[l] = 0;
  Block b;
  b.kind = Block::Heading;
  b.level = level;
  std::string anchor = "s";
  for (int l = 0; l < level; ++l) {
    b.number += (l ? "." : "") + std::to_string(counters_[l]);
    anchor += (l ? "-" : "") + std::to_string(counters_[l]);
  }
  b.anchor = anchor;
  b.spans.push_back({std::move(text)});
  blocks.push_back(std::move(b));
  return blocks.back();
}

Block& Document::paragraph(std::string text, ParagraphStyle style) { return paragraph(std::vector<Span>{{std::move(text)}}, style); }

Block& Document::paragraph(std::vector<Span> spans, ParagraphStyle style) {
  Block b;
  b.kind = Block::Paragraph;
  b.spans = std::move(spans);
  b.style = style;
  blocks.push_back(std::move(b));
  return blocks.back();
}

Block& Document::bullets(std::vector<std::vector<Span>> items) {
  Block b;
  b.kind = Block::Bullets;
  b.items = std::move(items);
  blocks.push_back(std::move(b));
  return blocks.back();
}

Block& Document::table(Table t) {
  Block b;
  b.kind = Block::TableBlock;
  if (!t.caption.empty()) t.caption = "Tableau " + std::to_string(++tables_) + " \xE2\x80\x94 " + t.caption;
  b.table = std::move(t);
  blocks.push_back(std::move(b));
  return blocks.back();
}

Block& Document::figure(Drawing d, std::string caption) {
  Block b;
  b.kind = Block::FigureBlock;
  b.figure.drawing = std::move(d);
  b.figure.caption = "Figure " + std::to_string(++figures_) + " \xE2\x80\x94 " + caption;
  blocks.push_back(std::move(b));
  return blocks.back();
}

void Document::page_break() {
  Block b;
  b.kind = Block::PageBreak;
  blocks.push_back(std::move(b));
}

void Document::toc() {
  Block b;
  b.kind = Block::Toc;
  blocks.push_back(std::move(b));
}

std::vector<const Block*> Document::headings() const {
  std::vector<const Block*> out;
  for (const Block& b : blocks)
    if (b.kind == Block::Heading) out.push_back(&b);
  return out;
}

}  // namespace cpts::doc
