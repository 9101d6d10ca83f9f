// DOCX (Office Open XML, ISO/IEC 29500 transitional) written by hand: a ZIP (archive.hpp) of
// [Content_Types].xml, _rels/.rels, word/document.xml, styles.xml (Heading 1–3 with outline levels,
// so Word's navigation pane and LibreOffice's navigator list the outline), settings.xml (Word 2013+
// mode, no compatibility banner), numbering.xml (bullets), header/footer (running header, page
// X / Y), docProps/core.xml and app.xml, and the figures.
//
// Figures: each chart is stored twice, as Word itself does when one inserts an SVG picture
// (MS-ODRAWXML §2.3.1.2, asvg:svgBlip): the <a:blip> points at a PNG rendered by the core
// (drawing.hpp, 2 device px per CSS px ≈ 200 dpi at full text width) and its extension list at the
// SVG. Word 2016+ shows the vector SVG; LibreOffice (7.4 reads only the main blip) and older Word
// show the PNG. Both open the file without any warning.
//
// Element order inside pPr, rPr, tblPr, trPr, tcPr and sectPr follows the schema: Word refuses a
// file ("unreadable content") when it does not.
#include <algorithm>

#include "io/documents/archive.hpp"
#include "io/documents/documents.hpp"
#include "io/documents/escape.hpp"
#include "io/documents/typography.hpp"
#include "model/version.hpp"

namespace cpts {

using namespace doc;

namespace {

constexpr int kTextWidthTwips = 11906 - 2 * 1134;  // A4 width minus 2 cm margins
constexpr long long kEmuPerTwip = 635;
constexpr double kFigureScale = 2.0;               // PNG device pixels per CSS px

const char* const kNs =
    " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
    " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
const char* const kXmlDecl = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

// A run of text: line breaks become <w:br/>, tabs <w:tab/>.
std::string run(const std::string& text, bool bold = false, bool italic = false) {
  std::string props;
  if (bold) props += "<w:b/><w:bCs/>";
  if (italic) props += "<w:i/><w:iCs/>";
  std::string o = "<w:r>" + (props.empty() ? std::string() : "<w:rPr>" + props + "</w:rPr>");
  std::string clean = xml_clean(text), seg;
  auto flush = [&] {
    if (!seg.empty()) o += "<w:t xml:space=\"preserve\">" + xml_escape(seg) + "</w:t>";
    seg.clear();
  };
  for (char ch : clean) {
    if (ch == '\n') flush(), o += "<w:br/>";
    else if (ch == '\t') flush(), o += "<w:tab/>";
    else if (ch != '\r') seg += ch;
  }
  flush();
  return o + "</w:r>";
}

std::string para(const std::string& style, const std::string& runs, const std::string& extra_ppr = "") {
  return "<w:p><w:pPr><w:pStyle w:val=\"" + style + "\"/>" + extra_ppr + "</w:pPr>" + runs + "</w:p>\n";
}

// Word's bookmark names: a letter or "_" then letters, digits and "_" only ("_Toc_s2_1").
std::string bookmark(const std::string& anchor) {
  std::string b = "_Toc_" + anchor;
  for (char& ch : b)
    if (ch == '-') ch = '_';
  return b;
}

std::string spans_runs(const std::vector<Span>& spans) {
  std::string o;
  for (const Span& s : spans) o += run(s.text, s.bold, s.italic);
  return o;
}

struct Media {
  std::string png, svg;
};

// Code points of the longest word of a header ("Département": 11); words end at spaces and breaks.
std::size_t longest_word(std::string_view s) {
  std::size_t best = 0, n = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\n') {
      n = 0;
      continue;
    }
    if ((c & 0xC0) != 0x80) best = std::max(best, ++n);
  }
  return best;
}

// A header word never breaks inside ("Départemen/t" in LibreOffice, issue #14 item 8): the table
// layout is fixed, so a column narrower than a header word cuts it. Each column gets at least its
// longest header word in bold — 0,75 em a character: where Arial is missing LibreOffice sets the
// text in DejaVu Sans Bold, whose "Département" is 7,46 em wide (0,68 em a character) — plus the
// cell margins (2 × 108 twips) and a little slack; the width is taken from the columns that have
// room to spare, in proportion to it.
void keep_header_words(const Table& t, std::vector<int>& tw, int size_half_points) {
  const std::size_t cols = tw.size();
  std::vector<int> need(cols, 0);
  for (std::size_t c = 0; c < cols && c < t.header.size(); ++c)
    need[c] = static_cast<int>(longest_word(t.header[c])) * size_half_points * 75 / 10 + 2 * 108 + 60;
  int deficit = 0, spare = 0;
  for (std::size_t c = 0; c < cols; ++c) {
    if (tw[c] < need[c]) deficit += need[c] - tw[c];
    else spare += tw[c] - need[c];
  }
  if (deficit == 0 || spare < deficit) return;  // nothing to do, or no way to fit: keep the builder's widths
  const int before = spare;
  for (std::size_t c = 0; c < cols; ++c) {
    if (tw[c] < need[c]) tw[c] = need[c];
    else tw[c] -= static_cast<int>(static_cast<long long>(deficit) * (tw[c] - need[c]) / before);
  }
}

class DocxBuilder {
 public:
  explicit DocxBuilder(const Document& d) : d_(d) {}

  std::string body() {
    std::string o;
    cover(o);
    for (const Block& b : d_.blocks) block(o, b);
    o += "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader\"/><w:footerReference w:type=\"default\" r:id=\"rIdFooter\"/>"
         "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1304\" w:right=\"1134\" w:bottom=\"1304\" w:left=\"1134\" w:header=\"624\" w:footer=\"624\" w:gutter=\"0\"/>"
         "<w:titlePg/></w:sectPr>";
    return o;
  }
  const std::vector<Media>& media() const { return media_; }

 private:
  void cover(std::string& o) {
    const Cover& c = d_.cover;
    if (!d_.sheet) o += para("CoverSpacer", "");
    if (!c.kicker.empty()) o += para("Subtitle", run(c.kicker));
    // A one-page sheet: a heading-sized title and a plain subtitle, so that the page keeps its room.
    o += para(d_.sheet ? "Heading1" : "Title", run(c.title));
    if (!c.subtitle.empty()) o += para(d_.sheet ? "Normal" : "CoverSubtitle", run(c.subtitle));
    if (!c.facts.empty()) {
      Table t;
      t.key_value = true;
      t.widths = {30, 70};
      for (const auto& [k, v] : c.facts) t.row({k, v});
      table(o, t);
    }
    if (!c.footnote.empty()) o += para("Note", run(c.footnote));
    if (!d_.sheet) o += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n";
  }

  void block(std::string& o, const Block& b) {
    if (b.kind == Block::PageBreak) {
      pending_break_ = true;
      return;
    }
    // A heading right after a page break gets pageBreakBefore (no empty paragraph left at the top
    // of the new page); anything else gets an explicit page break first.
    const bool brk = pending_break_;
    pending_break_ = false;
    if (brk && b.kind != Block::Heading) o += "<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>\n";
    switch (b.kind) {
      case Block::Heading: {
        int id = ++bookmark_;
        o += "<w:p><w:pPr><w:pStyle w:val=\"Heading" + std::to_string(b.level) + "\"/>" + (brk ? "<w:pageBreakBefore/>" : "") +
             "</w:pPr><w:bookmarkStart w:id=\"" + std::to_string(id) + "\" w:name=\"" + bookmark(b.anchor) + "\"/>" + run(b.heading_text()) +
             "<w:bookmarkEnd w:id=\"" + std::to_string(id) + "\"/></w:p>\n";
        break;
      }
      case Block::Paragraph:
        o += para(b.style == ParagraphStyle::Note ? "Note" : b.style == ParagraphStyle::Lead ? "Lead" : "BodyText", spans_runs(b.spans));
        break;
      case Block::Bullets:
        for (const auto& item : b.items) o += para("ListBullet", spans_runs(item));
        break;
      case Block::TableBlock: table(o, b.table); break;
      case Block::FigureBlock: figure(o, b.figure); break;
      case Block::Toc: toc(o); break;
      case Block::PageBreak: break;
    }
  }

  void toc(std::string& o) {
    o += para("TOCHeading", run("Sommaire"));
    std::vector<const Block*> hs = d_.headings();
    // A real TOC field (Word: "Mettre à jour la table"), with its current result written out so
    // that it reads correctly before any update: one hyperlink per heading, to its bookmark.
    for (std::size_t i = 0; i < hs.size(); ++i) {
      std::string runs;
      if (i == 0)
        runs += "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-3\" \\h \\z \\u </w:instrText></w:r>"
                "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>";
      runs += "<w:hyperlink w:anchor=\"" + bookmark(hs[i]->anchor) + "\" w:history=\"1\">" + run(hs[i]->heading_text()) + "</w:hyperlink>";
      if (i + 1 == hs.size()) runs += "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>";
      o += para("TOC" + std::to_string(hs[i]->level), runs);
    }
    if (hs.empty()) o += para("Note", run("(aucune section)"));
  }

  void table(std::string& o, const Table& t) {
    if (!t.caption.empty()) o += para("Caption", run(t.caption));
    std::size_t cols = t.header.size();
    for (const auto& r : t.rows) cols = std::max(cols, r.cells.size());
    if (cols == 0) return;
    std::vector<int> tw(cols, kTextWidthTwips / static_cast<int>(cols));
    if (t.widths.size() == cols) {
      int sum = 0;
      for (int w : t.widths) sum += w;
      for (std::size_t c = 0; c < cols; ++c) tw[c] = sum > 0 ? kTextWidthTwips * t.widths[c] / sum : tw[c];
    }
    const std::string text_style = t.compact ? "TableTextSmall" : "TableText";
    if (!t.key_value) keep_header_words(t, tw, t.compact ? 16 : 18);
    o += "<w:tbl><w:tblPr><w:tblStyle w:val=\"CptsTable\"/><w:tblW w:w=\"" + std::to_string(kTextWidthTwips) +
         "\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"0420\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" "
         "w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>";
    for (int w : tw) o += "<w:gridCol w:w=\"" + std::to_string(w) + "\"/>";
    o += "</w:tblGrid>\n";
    // A short sheet (fiche-action, cover facts) stays on one page: keepNext on all rows but the last.
    bool keep = false;
    auto cell = [&](std::size_t c, const std::string& text, const std::string& style, bool bold, const char* fill, int span = 1) {
      int width = 0;
      for (int k = 0; k < span && c + k < cols; ++k) width += tw[c + k];
      std::string tcpr = "<w:tcW w:w=\"" + std::to_string(width) + "\" w:type=\"dxa\"/>";
      if (span > 1) tcpr += "<w:gridSpan w:val=\"" + std::to_string(span) + "\"/>";
      if (fill) tcpr += std::string("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"") + fill + "\"/>";
      Align a = c < t.align.size() && span == 1 ? t.align[c] : Align::Left;
      std::string jc = a == Align::Right ? "<w:jc w:val=\"right\"/>" : a == Align::Center ? "<w:jc w:val=\"center\"/>" : "";
      return "<w:tc><w:tcPr>" + tcpr + "</w:tcPr>" + para(style, run(text, bold), (keep ? "<w:keepNext/>" : "") + jc) + "</w:tc>";
    };
    if (!t.header.empty() && !t.key_value) {
      o += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>";
      for (std::size_t c = 0; c < cols; ++c) o += cell(c, c < t.header.size() ? t.header[c] : "", text_style, true, "E8EEF4");
      o += "</w:tr>\n";
    }
    for (std::size_t ri = 0; ri < t.rows.size(); ++ri) {
      const auto& r = t.rows[ri];
      keep = t.key_value && ri + 1 < t.rows.size();
      o += "<w:tr><w:trPr><w:cantSplit/></w:trPr>";
      if (r.group) {
        o += cell(0, r.cells.empty() ? "" : r.cells[0], text_style, true, "F0F0F0", static_cast<int>(cols));
      } else {
        for (std::size_t c = 0; c < cols; ++c) {
          bool label = t.key_value && c == 0;
          o += cell(c, c < r.cells.size() ? r.cells[c] : "", text_style, r.total || label, r.total || label ? "F5F7FA" : nullptr);
        }
      }
      o += "</w:tr>\n";
    }
    o += "</w:tbl>\n";
    o += para("AfterTable", "");  // keeps two tables apart (Word joins adjacent tables)
  }

  void figure(std::string& o, const Figure& f) {
    const Drawing& dr = f.drawing;
    Media m;
    m.png = to_png(rasterise(dr, kFigureScale));
    m.svg = to_svg(dr);
    media_.push_back(std::move(m));
    const int n = static_cast<int>(media_.size());
    const long long cx = kTextWidthTwips * kEmuPerTwip;
    const long long cy = dr.width > 0 ? static_cast<long long>(static_cast<double>(cx) * dr.height / dr.width) : cx / 2;
    const std::string png_id = "rIdImg" + std::to_string(n) + "p", svg_id = "rIdImg" + std::to_string(n) + "s";
    const std::string name = "Figure " + std::to_string(n);
    std::string drawing =
        "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"" + std::to_string(cx) + "\" cy=\"" + std::to_string(cy) +
        "\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"" + std::to_string(n) + "\" name=\"" + name + "\" descr=\"" + xml_escape(f.caption) +
        "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" noChangeAspect=\"1\"/></wp:cNvGraphicFramePr>"
        "<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">"
        "<pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:nvPicPr><pic:cNvPr id=\"" + std::to_string(n) + "\" name=\"figure" +
        std::to_string(n) + ".png\" descr=\"" + xml_escape(f.caption) + "\"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"" + png_id +
        "\"><a:extLst><a:ext uri=\"{96DAC541-7B7A-43D3-8B79-37D633B846F1}\"><asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"" +
        svg_id + "\"/></a:ext></a:extLst></a:blip><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"" +
        std::to_string(cx) + "\" cy=\"" + std::to_string(cy) + "\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>"
        "</wp:inline></w:drawing></w:r>";
    o += para("Figure", drawing, "<w:keepNext/>");
    o += para("Caption", run(f.caption));
  }

  const Document& d_;
  std::vector<Media> media_;
  int bookmark_ = 0;
  bool pending_break_ = false;
};

std::string styles_xml() {
  auto pstyle = [](const std::string& id, const std::string& name, const std::string& ppr, const std::string& rpr, const std::string& extra = "") {
    return "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name +
           "\"/><w:basedOn w:val=\"Normal\"/>" + extra + "<w:qFormat/>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") +
           (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") + "</w:style>\n";
  };
  auto builtin = [](const std::string& id, const std::string& name, const std::string& ppr, const std::string& rpr, const std::string& extra = "") {
    return "<w:style w:type=\"paragraph\" w:styleId=\"" + id + "\"><w:name w:val=\"" + name + "\"/><w:basedOn w:val=\"Normal\"/>" + extra +
           "<w:qFormat/>" + (ppr.empty() ? "" : "<w:pPr>" + ppr + "</w:pPr>") + (rpr.empty() ? "" : "<w:rPr>" + rpr + "</w:rPr>") + "</w:style>\n";
  };
  const std::string accent = "<w:color w:val=\"0B4F8A\"/>";
  std::string s = kXmlDecl;
  s += "<w:styles" + std::string(kNs) + ">\n";
  s += "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>"
       "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/><w:lang w:val=\"fr-FR\" w:eastAsia=\"fr-FR\" w:bidi=\"he-IL\"/></w:rPr></w:rPrDefault>"
       "<w:pPrDefault><w:pPr><w:spacing w:after=\"100\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\n";
  s += "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/><w:pPr><w:widowControl/></w:pPr></w:style>\n";
  s += "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/><w:unhideWhenUsed/></w:style>\n";
  s += "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>"
       "<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/>"
       "<w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\n";
  s += builtin("Title", "Title", "<w:spacing w:before=\"120\" w:after=\"240\"/>", "<w:b/><w:bCs/><w:sz w:val=\"56\"/><w:szCs w:val=\"56\"/>", "<w:next w:val=\"Normal\"/>");
  s += builtin("Subtitle", "Subtitle", "<w:spacing w:after=\"120\"/>", "<w:caps/>" + accent + "<w:spacing w:val=\"20\"/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/>", "<w:next w:val=\"Normal\"/>");
  for (int l = 1; l <= 3; ++l) {
    const char* sz = l == 1 ? "36" : l == 2 ? "27" : "23";
    std::string ppr = "<w:keepNext/><w:keepLines/>";
    if (l == 1) ppr += "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"1\" w:color=\"0B4F8A\"/></w:pBdr>";
    ppr += "<w:spacing w:before=\"" + std::string(l == 1 ? "240" : "200") + "\" w:after=\"120\"/>";
    ppr += "<w:outlineLvl w:val=\"" + std::to_string(l - 1) + "\"/>";
    s += builtin("Heading" + std::to_string(l), "heading " + std::to_string(l), ppr,
                 "<w:b/><w:bCs/>" + accent + "<w:sz w:val=\"" + sz + "\"/><w:szCs w:val=\"" + sz + "\"/>", "<w:next w:val=\"BodyText\"/>");
  }
  s += builtin("BodyText", "Body Text", "<w:spacing w:after=\"120\"/>", "");
  s += builtin("Caption", "caption", "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/>", "<w:b/><w:bCs/><w:color w:val=\"5B5B60\"/><w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>");
  s += builtin("TOCHeading", "TOC Heading", "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"200\"/>", "<w:b/><w:bCs/>" + accent + "<w:sz w:val=\"36\"/><w:szCs w:val=\"36\"/>");
  for (int l = 1; l <= 3; ++l)
    s += builtin("TOC" + std::to_string(l), "toc " + std::to_string(l), "<w:spacing w:after=\"40\"/><w:ind w:left=\"" + std::to_string((l - 1) * 360) + "\"/>",
                 l == 1 ? "<w:b/><w:bCs/>" : "<w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>");
  s += builtin("Header", "header", "<w:jc w:val=\"center\"/>", "<w:color w:val=\"5B5B60\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>");
  s += builtin("Footer", "footer", "<w:jc w:val=\"right\"/>", "<w:color w:val=\"5B5B60\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>");
  s += builtin("ListBullet", "List Bullet", "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr><w:spacing w:after=\"60\"/>", "");
  s += pstyle("Note", "Note", "<w:spacing w:after=\"120\"/>", "<w:i/><w:iCs/><w:color w:val=\"5B5B60\"/><w:sz w:val=\"19\"/><w:szCs w:val=\"19\"/>");
  s += pstyle("Lead", "Chapeau", "", "<w:sz w:val=\"23\"/><w:szCs w:val=\"23\"/>");
  s += pstyle("CoverSpacer", "Couverture – espace", "<w:spacing w:before=\"3600\" w:after=\"0\"/>", "");
  s += pstyle("CoverSubtitle", "Couverture – sous-titre", "<w:spacing w:after=\"480\"/>", "<w:color w:val=\"5B5B60\"/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/>");
  s += pstyle("TableText", "Tableau – texte", "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/>", "<w:sz w:val=\"18\"/><w:szCs w:val=\"18\"/>");
  s += pstyle("TableTextSmall", "Tableau – texte serré", "<w:spacing w:before=\"10\" w:after=\"10\" w:line=\"240\" w:lineRule=\"auto\"/>", "<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>");
  s += pstyle("AfterTable", "Après tableau", "<w:spacing w:after=\"60\" w:line=\"120\" w:lineRule=\"auto\"/>", "<w:sz w:val=\"8\"/><w:szCs w:val=\"8\"/>");
  s += pstyle("Figure", "Figure", "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"0\"/><w:jc w:val=\"center\"/>", "");
  s += "<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:basedOn w:val=\"DefaultParagraphFont\"/><w:uiPriority w:val=\"99\"/>"
       "<w:unhideWhenUsed/><w:rPr><w:color w:val=\"0B4F8A\"/></w:rPr></w:style>\n";
  s += "<w:style w:type=\"table\" w:customStyle=\"1\" w:styleId=\"CptsTable\"><w:name w:val=\"Tableau CPTS\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/>"
       "<w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"B9BEC7\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"B9BEC7\"/>"
       "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"B9BEC7\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"B9BEC7\"/>"
       "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"B9BEC7\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"B9BEC7\"/></w:tblBorders>"
       "<w:tblCellMar><w:top w:w=\"28\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"28\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>"
       "</w:tblPr></w:style>\n";
  s += "</w:styles>\n";
  return s;
}

std::string numbering_xml() {
  return std::string(kXmlDecl) + "<w:numbering" + kNs +
         "><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
         "<w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\xE2\x80\xA2\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"360\"/></w:pPr>"
         "</w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>\n";
}

std::string w3cdtf(const Date& d) { return to_iso(d) + "T00:00:00Z"; }

}  // namespace

std::string write_docx(const Document& in) {
  const Document d = typeset(in);  // French spacing before : ; ? ! and inside « » (typography.hpp)
  DocxBuilder b(d);
  std::string body = b.body();
  const auto& media = b.media();

  std::string document = std::string(kXmlDecl) + "<w:document" + kNs +
                         " xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"><w:body>\n" + body + "</w:body></w:document>\n";

  std::string types = std::string(kXmlDecl) +
                      "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                      "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                      "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                      "<Default Extension=\"png\" ContentType=\"image/png\"/>"
                      "<Default Extension=\"svg\" ContentType=\"image/svg+xml\"/>"
                      "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
                      "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
                      "<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>"
                      "<Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml\"/>"
                      "<Override PartName=\"/word/header1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml\"/>"
                      "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
                      "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
                      "<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>"
                      "</Types>\n";

  std::string rels = std::string(kXmlDecl) +
                     "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                     "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
                     "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
                     "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>"
                     "</Relationships>\n";

  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  std::string doc_rels = std::string(kXmlDecl) + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                         "<Relationship Id=\"rIdStyles\" Type=\"" + rel + "styles\" Target=\"styles.xml\"/>" +
                         "<Relationship Id=\"rIdSettings\" Type=\"" + rel + "settings\" Target=\"settings.xml\"/>" +
                         "<Relationship Id=\"rIdNumbering\" Type=\"" + rel + "numbering\" Target=\"numbering.xml\"/>" +
                         "<Relationship Id=\"rIdHeader\" Type=\"" + rel + "header\" Target=\"header1.xml\"/>" +
                         "<Relationship Id=\"rIdFooter\" Type=\"" + rel + "footer\" Target=\"footer1.xml\"/>";
  for (std::size_t i = 0; i < media.size(); ++i) {
    std::string n = std::to_string(i + 1);
    doc_rels += "<Relationship Id=\"rIdImg" + n + "p\" Type=\"" + rel + "image\" Target=\"media/figure" + n + ".png\"/>";
    doc_rels += "<Relationship Id=\"rIdImg" + n + "s\" Type=\"" + rel + "image\" Target=\"media/figure" + n + ".svg\"/>";
  }
  doc_rels += "</Relationships>\n";

  std::string settings = std::string(kXmlDecl) + "<w:settings" + kNs +
                         "><w:zoom w:percent=\"100\"/><w:defaultTabStop w:val=\"708\"/><w:hyphenationZone w:val=\"425\"/>"
                         "<w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" "
                         "w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat><w:themeFontLang w:val=\"fr-FR\"/>"
                         "<w:decimalSymbol w:val=\",\"/><w:listSeparator w:val=\";\"/></w:settings>\n";

  std::string header = std::string(kXmlDecl) + "<w:hdr" + kNs + ">" + para("Header", run(d.running_header)) + "</w:hdr>\n";
  std::string footer = std::string(kXmlDecl) + "<w:ftr" + kNs + ">" +
                       para("Footer", run("Page ") + "<w:fldSimple w:instr=\" PAGE \"><w:r><w:t>1</w:t></w:r></w:fldSimple>" + run(" / ") +
                                          "<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:t>1</w:t></w:r></w:fldSimple>") +
                       "</w:ftr>\n";

  std::string core = std::string(kXmlDecl) +
                     "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
                     "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
                     "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                     "<dc:title>" + xml_escape(d.title) + "</dc:title><dc:subject>" + xml_escape(d.subject) + "</dc:subject><dc:creator>" +
                     xml_escape(d.author) + "</dc:creator><dc:language>" + xml_escape(d.lang) + "</dc:language>";
  if (d.date.valid())
    core += "<dcterms:created xsi:type=\"dcterms:W3CDTF\">" + w3cdtf(d.date) + "</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">" +
            w3cdtf(d.date) + "</dcterms:modified>";
  core += "</cp:coreProperties>\n";
  std::string app = std::string(kXmlDecl) +
                    "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Planificateur CPTS " +
                    xml_escape(version()) + "</Application></Properties>\n";

  std::vector<ZipEntry> entries = {
      {"[Content_Types].xml", types},  {"_rels/.rels", rels},          {"word/document.xml", document},
      {"word/styles.xml", styles_xml()}, {"word/settings.xml", settings}, {"word/numbering.xml", numbering_xml()},
      {"word/header1.xml", header},    {"word/footer1.xml", footer},   {"word/_rels/document.xml.rels", doc_rels},
      {"docProps/core.xml", core},     {"docProps/app.xml", app},
  };
  for (std::size_t i = 0; i < media.size(); ++i) {
    std::string n = std::to_string(i + 1);
    entries.push_back({"word/media/figure" + n + ".png", media[i].png, false});
    entries.push_back({"word/media/figure" + n + ".svg", media[i].svg, true});
  }
  return zip_archive(entries, d.date);
}

}  // namespace cpts
