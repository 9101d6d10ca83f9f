// The intermediate document model: what the projet de santé, the indicator annex and the annual
// report say, independent of the output format. Builders (documents.hpp) fill it from the project
// and the engine's results; writers turn it into HTML, Markdown or DOCX. Text here is plain UTF-8,
// never escaped: each writer escapes for its own format.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "model/civil_date.hpp"
#include "io/documents/drawing.hpp"

namespace cpts::doc {

enum class Align { Left, Right, Center };

struct Span {
  std::string text;
  bool bold = false, italic = false;
};

struct Table {
  struct Row {
    std::vector<std::string> cells;   // "\n" in a cell is a line break
    bool total = false;               // emphasised (totals, sub-totals)
    bool group = false;               // a sub-heading row: cells[0] spans the whole width
  };
  std::vector<std::string> header;    // one header row, repeated on each printed page
  std::vector<Align> align;           // per column; missing = left
  std::vector<int> widths;            // relative column widths (sum ≈ 100); empty = even
  std::vector<Row> rows;
  std::string caption;                // "Tableau 4 — Financement ACI par année de contrat"
  bool key_value = false;             // a 2-column sheet (label | value) without a header row
  bool compact = false;               // smaller type (wide tables)

  Table& row(std::vector<std::string> cells, bool total = false) {
    rows.push_back({std::move(cells), total, false});
    return *this;
  }
  Table& group_row(std::string label) {
    rows.push_back({{std::move(label)}, false, true});
    return *this;
  }
};

struct Figure {
  Drawing drawing;
  std::string caption;                // "Figure 1 — …"
};

enum class ParagraphStyle { Normal, Note, Lead };

struct Block {
  enum Kind { Heading, Paragraph, Bullets, TableBlock, FigureBlock, PageBreak, Toc } kind = Paragraph;
  int level = 1;                      // Heading: 1..3
  std::string number;                 // Heading: "2.1" (written before the text)
  std::string anchor;                 // Heading: "s2-1" (HTML id, DOCX bookmark)
  std::vector<Span> spans;            // Heading (plain text in spans[0]), Paragraph
  ParagraphStyle style = ParagraphStyle::Normal;
  std::vector<std::vector<Span>> items;  // Bullets
  Table table;
  Figure figure;

  std::string heading_text() const;   // "2.1 Territoire"
  std::string plain_text() const;     // spans joined
};

struct Cover {
  std::string kicker;                 // "Projet de santé"
  std::string title;                  // "CPTS Centre Saône-et-Loire"
  std::string subtitle;               // "Communauté professionnelle territoriale de santé — …"
  std::vector<std::pair<std::string, std::string>> facts;  // label, value
  std::string footnote;               // generator, date
};

struct Document {
  std::string title;                  // document metadata and <title>
  std::string running_header;         // printed at the top of every page but the cover
  std::string author;                 // the CPTS
  std::string subject;
  std::string lang = "fr-FR";
  Date date;                          // generation date (may be empty)
  Cover cover;
  // A one-page sheet (the board summary): the cover is a title block at the top of the page, not a
  // page of its own.
  bool sheet = false;
  std::vector<Block> blocks;

  // Builders' helpers. Heading numbers are assigned here ("1", "1.1", "1.1.1").
  Block& heading(int level, std::string text, bool page_break_before = false);
  Block& paragraph(std::string text, ParagraphStyle style = ParagraphStyle::Normal);
  Block& paragraph(std::vector<Span> spans, ParagraphStyle style = ParagraphStyle::Normal);
  Block& bullets(std::vector<std::vector<Span>> items);
  Block& table(Table t);              // numbers the caption: "Tableau N — …"
  Block& figure(Drawing d, std::string caption);  // "Figure N — …"
  void page_break();
  void toc();

  std::vector<const Block*> headings() const;

 private:
  int counters_[3] = {0, 0, 0};
  int tables_ = 0, figures_ = 0;
};

}  // namespace cpts::doc
