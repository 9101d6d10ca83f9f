// Documents (src/documents): the projet de santé, the indicator annex and the annual report.
// Figures a person can check: the sample CPTS Centre Saône-et-Loire (taille 3, signed 18/10/2022)
// gets 347 500 € in year 2 (75 000 + 125 000 + 90 000 + 35 000 + 22 500, see samples_test.cpp); the
// documents must print the engine's figures, be well-formed, and stay inert with hostile text.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <map>

#include "io/documents/archive.hpp"
#include "io/documents/documents.hpp"
#include "engine/funding_table.hpp"
#include "io/documents/drawing.hpp"
#include "io/documents/escape.hpp"
#include "io/embedded_data.hpp"
#include "io/documents/figures.hpp"
#include "io/documents/typography.hpp"
#include "io/embedded_data.hpp"
#include "io/project_json.hpp"
#include "io/samples.hpp"
#include "xml_check.hpp"

using namespace cpts;
using namespace cpts::doc;

namespace {

const char* const kSamples[] = {"cpts-21-52", "cpts-centre-saone-et-loire", "cpts-besancon-metropole"};
const Date kDate{2025, 3, 14};

Project sample(const std::string& id) {
  ProjectLoad l = load_project(sample_text(id));
  EXPECT_TRUE(l.project) << id;
  return l.project ? *l.project : Project{};
}

const Table* find_table(const Document& d, std::string_view caption_part) {
  for (const Block& b : d.blocks)
    if (b.kind == Block::TableBlock && b.table.caption.find(caption_part) != std::string::npos) return &b.table;
  return nullptr;
}

const Table::Row* find_row(const Table& t, std::string_view first_cell) {
  for (const auto& r : t.rows)
    if (!r.cells.empty() && r.cells[0] == first_cell) return &r;
  return nullptr;
}

std::vector<std::string> heading_texts(const Document& d, int level) {
  std::vector<std::string> out;
  for (const Block* h : d.headings())
    if (h->level == level) out.push_back(h->heading_text());
  return out;
}

std::string euros_cell(Cents c) {  // what amount_cell prints: "347 500,00" with U+202F
  std::string s = format_eur(c);
  return s.substr(0, s.size() - 5);
}

std::map<std::string, std::string> unzip(const std::string& zip) {
  std::vector<ZipReadEntry> entries;
  std::string error;
  EXPECT_TRUE(zip_read(zip, entries, error)) << error;
  std::map<std::string, std::string> out;
  for (auto& e : entries) out[e.name] = e.data;
  return out;
}

// Every text field of the project replaced by hostile text (markup, entities, quotes, emoji, RTL,
// XML-forbidden controls, invalid UTF-8, CSS and CDATA terminators, Markdown punctuation).
const std::string kHostile = "<script>alert(1)</script> & \" ' \xF0\x9F\x99\x82 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \x01\x0B\xFF </style> ]]> | *x* [l](javascript:alert(1))\n<img src=x onerror=alert(2)>";

Project hostile_project() {
  Project p = sample("cpts-centre-saone-et-loire");
  const std::string& h = kHostile;
  p.identity.name = h;
  p.identity.association = h;
  p.identity.rna = p.identity.finess = h;
  for (Contact& c : p.identity.contacts) c.role = c.name = c.email = c.phone = h;
  for (Commune& c : p.territory.communes) c.name = c.insee = c.department = h;
  p.territory.population_source = h;
  for (Professional& x : p.professionals) x.name = x.profession = x.structure = h + x.id;
  for (College& c : p.colleges) c.name = h;
  for (DiagnosticIndicator& di : p.diagnostic) di.label = di.unit = di.source = di.comment = h;
  for (ProjectMission& m : p.missions) m.notes = h;
  for (Action& a : p.actions) {
    std::string old = a.id;
    a.id = h + old;
    for (Indicator& i : p.indicators)
      if (i.action == old) i.action = a.id;
    a.title = a.objective = a.pilot = a.target_population = a.comments = h;
    a.partners = {h, h};
    for (BudgetLine& b : a.budget) b.label = h;
  }
  for (Indicator& i : p.indicators) {
    i.id = h + i.id;
    i.label = i.unit = i.evidence = i.source = h;
    for (Tier& t : i.tiers) t.label = h;
  }
  for (YearAmount& e : p.expenses) e.label = h;
  p.decisions.push_back({Date{2023, 1, 5}, h, h, h});
  p.notes = h;
  return p;
}

void expect_inert_html(const std::string& html) {
  xmlcheck::Result x = xmlcheck::check(html);
  ASSERT_TRUE(x.ok) << x.error;
  EXPECT_EQ(x.elements.count("script"), 0u);
  EXPECT_EQ(x.elements.count("img"), 0u);
  for (const std::string& a : x.attributes) EXPECT_NE(a.rfind("on", 0), 0u) << "event handler attribute " << a;
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("Content-Security-Policy"), std::string::npos);
}

}  // namespace

// ---- Escaping -----------------------------------------------------------------------------------

TEST(DocumentsEscape, MarkupIsEscapedTextIsKept) {
  EXPECT_EQ(xml_escape("<script>alert(1)</script> & \" '"), "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot; &#39;");
  EXPECT_EQ(html_escape("a<b"), "a&lt;b");
  // Emoji and Hebrew pass unchanged; XML-forbidden controls go; invalid UTF-8 becomes U+FFFD.
  EXPECT_EQ(xml_escape("\xF0\x9F\x99\x82 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"), "\xF0\x9F\x99\x82 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D");
  EXPECT_EQ(xml_escape("a\x01\x0B\x1F" "b\tc\n"), "ab\tc\n");
  EXPECT_EQ(xml_escape("\xFF"), "\xEF\xBF\xBD");
  EXPECT_EQ(xml_escape("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // an encoded surrogate is not UTF-8
  EXPECT_EQ(xml_clean("\xEF\xBF\xBE ok"), " ok");                                   // U+FFFE is not an XML character
  // CSS strings: nothing can close the string or the <style> element.
  EXPECT_EQ(css_string("A \"b\" </style>"), "\"A \\000022 b\\000022  \\00003C \\00002F style\\00003E \"");
  EXPECT_EQ(css_string("Saône 1 234"), "\"Saône 1 234\"");
  // Markdown: punctuation escaped, markup as entities.
  EXPECT_EQ(md_escape("*a* [b](c) <i>"), "\\*a\\* \\[b\\]\\(c\\) &lt;i&gt;");
  EXPECT_EQ(md_escape("- item"), "\\- item");
  EXPECT_EQ(md_cell("a|b\nc"), "a\\|b<br>c");
  EXPECT_EQ(slug("CPTS Centre Saône-et-Loire"), "cpts-centre-saone-et-loire");
  EXPECT_EQ(slug("../../etc/passwd"), "etc-passwd");
  EXPECT_EQ(slug(""), "cpts");
}

// ---- Byte formats -------------------------------------------------------------------------------

TEST(DocumentsArchive, ChecksumsMatchTheirReferenceValues) {
  EXPECT_EQ(crc32("123456789"), 0xCBF43926u);    // the CRC-32 check value (ISO-HDLC)
  // zlib_compress: a zlib stream (RFC 1950) ending with the Adler-32 of the input, RFC 1950's
  // example value for "Wikipedia".
  const std::string z = zlib_compress("Wikipedia");
  ASSERT_GE(z.size(), 6u);
  EXPECT_EQ(static_cast<unsigned char>(z[0]), 0x78);
  EXPECT_EQ(z.substr(z.size() - 4), std::string("\x11\xE6\x03\x98", 4));
}

TEST(DocumentsArchive, InflateRefusesTruncatedStreamsAndStopsAtItsLimit) {
  const std::string in(100000, 'a');
  const std::string z = deflate_raw(in);
  std::string out;
  EXPECT_FALSE(inflate_raw(z.substr(0, z.size() / 2), out));  // truncated
  out.clear();
  EXPECT_FALSE(inflate_raw(z, out, 50000));                  // 100 000 bytes > the 50 000 allowed
  out.clear();
  EXPECT_TRUE(inflate_raw(z, out, 100000));
  EXPECT_EQ(out, in);
}

TEST(DocumentsArchive, DeflateRoundTrips) {
  std::string pattern;
  for (int i = 0; i < 5000; ++i) pattern += static_cast<char>("abcabcabd"[i % 9] + (i % 97 == 0 ? 1 : 0));
  std::string noise;
  std::uint32_t s = 12345;
  for (int i = 0; i < 70000; ++i) noise += static_cast<char>((s = s * 1103515245u + 12345u) >> 24);
  for (const std::string& in : {std::string(), std::string("a"), std::string(100000, '\0'), pattern, noise}) {
    std::string z = deflate_raw(in), back;
    ASSERT_TRUE(inflate_raw(z, back));
    EXPECT_EQ(back, in);
  }
  EXPECT_LT(deflate_raw(std::string(100000, '\0')).size(), 1000u);  // runs compress
}

TEST(DocumentsArchive, ZipEntriesReadBackWithTheirCrc) {
  std::string zip = zip_archive({{"[Content_Types].xml", "<Types/>"}, {"a/b.txt", std::string(3000, 'x')}, {"c.png", "\x89PNG", false}}, Date{2025, 3, 14});
  std::vector<ZipReadEntry> e;
  std::string error;
  ASSERT_TRUE(zip_read(zip, e, error)) << error;
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].name, "[Content_Types].xml");
  EXPECT_EQ(e[1].method, 8);
  EXPECT_EQ(e[1].data, std::string(3000, 'x'));
  EXPECT_EQ(e[2].method, 0);
  EXPECT_EQ(e[2].crc, crc32("\x89PNG"));
  // A damaged byte in a stored entry (30-byte local header + 5-byte name) fails its CRC.
  EXPECT_FALSE(zip_read(zip_archive({{"s.txt", "stored", false}}).replace(35, 1, "X"), e, error));
  EXPECT_NE(error.find("CRC-32"), std::string::npos);
}

TEST(DocumentsDrawing, PngIsValidAndShowsTheShapes) {
  Drawing d;
  d.width = 40, d.height = 20;
  d.rect(0, 0, 10, 20, Rgb{0, 0, 0});
  d.text(15, 15, "Aé€", 12, Rgb{0, 0, 0});
  Image img = rasterise(d, 2);
  ASSERT_EQ(img.width, 80);
  ASSERT_EQ(img.height, 40);
  EXPECT_EQ(img.rgb[(10 * 80 + 5) * 3], 0);       // inside the black rectangle
  EXPECT_EQ(img.rgb[(10 * 80 + 78) * 3], 255);    // right edge: background
  int inked = 0;                                   // the text left ink right of the rectangle
  for (int y = 0; y < 40; ++y)
    for (int x = 25; x < 80; ++x) inked += img.rgb[(y * 80 + x) * 3] < 128;
  EXPECT_GT(inked, 40);
  std::string png = to_png(img);
  ASSERT_EQ(png.substr(0, 8), "\x89PNG\r\n\x1A\n");
  // IHDR: 80 × 40, 8-bit truecolour; IDAT inflates to height × (1 + 3 × width) bytes.
  EXPECT_EQ(png.substr(12, 4), "IHDR");
  EXPECT_EQ(static_cast<unsigned char>(png[19]), 80);
  EXPECT_EQ(static_cast<unsigned char>(png[23]), 40);
  std::size_t idat = png.find("IDAT");
  ASSERT_NE(idat, std::string::npos);
  std::size_t len = (static_cast<unsigned char>(png[idat - 2]) << 8) | static_cast<unsigned char>(png[idat - 1]);
  std::string raw;
  ASSERT_TRUE(inflate_raw(png.substr(idat + 4 + 2, len - 6), raw));
  EXPECT_EQ(raw.size(), 40u * (1 + 3 * 80));
  EXPECT_EQ(crc32(png.substr(idat, 4 + len)), (static_cast<std::uint32_t>(static_cast<unsigned char>(png[idat + 4 + len])) << 24 |
                                                static_cast<unsigned char>(png[idat + 5 + len]) << 16 |
                                                static_cast<unsigned char>(png[idat + 6 + len]) << 8 | static_cast<unsigned char>(png[idat + 7 + len])));
}

TEST(DocumentsDrawing, TextWidthsAreDejaVuSansAdvances) {
  // DejaVu Sans, 2048 units per em; advance widths (its hmtx table): M 1767, i 569, € 1303, œ 2095,
  // ’ 651. At 20 px: (1767 + 569 + 1303 + 2095 + 651) / 2048 × 20 = 6385 / 2048 × 20 = 62.353515625.
  EXPECT_DOUBLE_EQ(text_width("Mi\xE2\x82\xAC\xC5\x93\xE2\x80\x99", 20), 62.353515625);
  // ✓ (1716 units) is one of the UI's symbols: the figures share the UI's font file, so it is
  // measured, not guessed as 0.6 em (12 px): 1716 / 2048 × 20 = 16.7578125.
  EXPECT_DOUBLE_EQ(text_width("\xE2\x9C\x93", 20), 16.7578125);
  EXPECT_FALSE(embedded_file("DejaVuSans-fr.ttf").empty());
}

TEST(DocumentsDrawing, TextIsMeasuredWithTheEmbeddedFont) {
  EXPECT_GT(text_width("M", 10), 5.0);                             // DejaVu Sans "M" ≈ 8.6 px at 10 px
  EXPECT_LT(text_width("i", 10), text_width("M", 10));
  std::string cut = fit_text("Un médecin traitant pour chacun : guichet unique avec la CPAM", 11, 120);
  EXPECT_LE(text_width(cut, 11), 120.0);
  EXPECT_EQ(cut.substr(cut.size() - 3), "\xE2\x80\xA6");
  EXPECT_EQ(axis_label_eur(100000), "100\xC2\xA0k\xE2\x82\xAC");
  EXPECT_EQ(axis_label_eur(1250000), "1,3\xC2\xA0M\xE2\x82\xAC");
  EXPECT_EQ(nice_ticks(347500, 5), (std::vector<double>{0, 100000, 200000, 300000, 400000}));
}

// ---- Figures ------------------------------------------------------------------------------------

TEST(DocumentsFigures, FundingBarsStackToTheEngineTotals) {
  for (const char* id : kSamples) {
    SCOPED_TRACE(id);
    FundingResult r = simulate(sample(id), Scenario::Ceiling);
    FundingBars b = funding_bars(r);
    ASSERT_EQ(b.totals.size(), 5u);
    for (int k = 0; k < 5; ++k) {
      Cents stacked = 0;
      for (const auto& s : b.series) stacked += s.values[k];
      EXPECT_EQ(stacked, r.years[k].total());
      EXPECT_EQ(b.totals[k], r.years[k].total());
    }
    std::string svg = to_svg(draw_funding_bars(b, "t"));
    EXPECT_TRUE(xmlcheck::check(svg).ok);
    EXPECT_NE(svg.find("#0072B2"), std::string::npos);  // Okabe-Ito blue: fonctionnement
  }
  FundingResult csl = simulate(sample("cpts-centre-saone-et-loire"), Scenario::Ceiling);
  EXPECT_EQ(funding_bars(csl).totals[1], euros(347500));
}

TEST(DocumentsFigures, TimelineHasEveryChosenMissionWithItsAciDeadlines) {
  Project p = sample("cpts-centre-saone-et-loire");
  Timeline t = deployment_timeline(p, simulate(p, Scenario::Ceiling));
  int missions = 0;
  for (const TimelineRow& r : t.rows) missions += r.mission;
  EXPECT_EQ(missions, 4);                                  // the four socle missions
  EXPECT_EQ(t.rows.size(), 4u + p.actions.size());
  EXPECT_EQ(t.rows[0].label, "Accès aux soins");
  EXPECT_EQ(t.rows[0].start_by, (Date{2023, 4, 18}));      // signature 18/10/2022 + 6 months
  EXPECT_EQ(t.rows[0].deployed_by, (Date{2024, 4, 18}));   // + 18 months
}

// ---- Projet de santé ----------------------------------------------------------------------------

TEST(DocumentsProjet, HasTheSectionsArsReviewersExpect) {
  for (const char* id : kSamples) {
    SCOPED_TRACE(id);
    Project p = sample(id);
    Document d = build_projet_de_sante(p, {1, kDate});
    EXPECT_EQ(heading_texts(d, 1),
              (std::vector<std::string>{"1. Présentation et gouvernance de la CPTS", "2. Territoire", "3. Diagnostic territorial",
                                        "4. Missions et fiches-actions", "5. Calendrier de déploiement", "6. Budget et financement ACI",
                                        "7. Suivi et évaluation"}));
    EXPECT_EQ(d.blocks.front().kind, Block::Toc);
    // One fiche-action heading per action of a chosen mission, and every indicator in a table.
    std::vector<std::string> h3 = heading_texts(d, 3);
    for (const Action& a : p.actions) {
      const ProjectMission* m = p.find_mission(a.mission);
      if (!m || !m->chosen) continue;
      EXPECT_TRUE(std::any_of(h3.begin(), h3.end(), [&](const std::string& h) { return h.find("Fiche-action " + a.id + " : " + a.title) != std::string::npos; }))
          << a.id;
    }
    int figures = 0;
    for (const Block& b : d.blocks) figures += b.kind == Block::FigureBlock;
    EXPECT_EQ(figures, 2);  // deployment timeline, funding by year
  }
}

TEST(DocumentsProjet, FundingTableIsTheEngines) {
  for (const char* id : kSamples) {
    SCOPED_TRACE(id);
    Project p = sample(id);
    FundingResult r = simulate(p, Scenario::Ceiling);
    FundingTable ft = funding_table(r);  // its one money rule: cents on every amount or on none
    auto euros_cell = [&ft](Cents c) { return ft.cell(c); };
    Document d = build_projet_de_sante(p, {1, kDate});
    const Table* t = find_table(d, "Financement ACI par année de contrat");
    ASSERT_NE(t, nullptr);
    const Table::Row* total = find_row(*t, "TOTAL ACI");
    ASSERT_NE(total, nullptr);
    for (int k = 0; k < 5; ++k) EXPECT_EQ(total->cells[k + 1], euros_cell(r.years[k].total()));
    EXPECT_EQ(total->cells[6], euros_cell(r.total()));
    const Table* communes = find_table(d, "Communes du territoire");
    ASSERT_NE(communes, nullptr);
    EXPECT_EQ(communes->rows.back().cells[3], format_number_fr(static_cast<double>(p.territory.total_population()), 0));
    // The same figures reach the HTML, the Markdown and the DOCX.
    std::string html = write_html(d), md = write_markdown(d);
    std::string docx_xml = unzip(write_docx(d))["word/document.xml"];
    for (int k = 0; k < 5; ++k) {
      EXPECT_NE(html.find("<td class=\"r\">" + euros_cell(r.years[k].total()) + "</td>"), std::string::npos) << k;
      EXPECT_NE(md.find("| **" + euros_cell(r.years[k].total()) + "** |"), std::string::npos) << k;
      EXPECT_NE(docx_xml.find(">" + euros_cell(r.years[k].total()) + "</w:t>"), std::string::npos) << k;
    }
  }
  // By hand: Centre Saône-et-Loire, year 2 = 347 500 €.
  Document d = build_projet_de_sante(sample("cpts-centre-saone-et-loire"), {1, kDate});
  EXPECT_EQ(find_row(*find_table(d, "Financement ACI par année de contrat"), "TOTAL ACI")->cells[2], "347\xE2\x80\xAF" "500,00");
}

TEST(DocumentsProjet, HtmlIsWellFormedSelfContainedAndPrintable) {
  for (const char* id : kSamples) {
    SCOPED_TRACE(id);
    Project p = sample(id);
    for (DocKind k : {DocKind::ProjetDeSante, DocKind::Annexe, DocKind::RapportAnnuel}) {
      RenderedDocument r = render_document(p, k, DocFormat::Html, 1, kDate);
      ASSERT_TRUE(r.ok);
      xmlcheck::Result x = xmlcheck::check(r.bytes);
      ASSERT_TRUE(x.ok) << x.error;
      expect_inert_html(r.bytes);
      EXPECT_NE(r.bytes.find("@page { size: A4"), std::string::npos);
      EXPECT_NE(r.bytes.find("counter(page)"), std::string::npos);
      EXPECT_EQ(r.bytes.find("<svg xmlns=\"http://www.w3.org/2000/svg\"") != std::string::npos, k == DocKind::ProjetDeSante);  // inline SVG figures
      EXPECT_EQ(r.bytes.find("src=\""), std::string::npos);  // nothing loaded from outside
    }
  }
}

TEST(DocumentsProjet, DocxIsAValidPackageWithRealHeadingsTablesAndFigures) {
  Project p = sample("cpts-centre-saone-et-loire");
  RenderedDocument r = render_document(p, DocKind::ProjetDeSante, DocFormat::Docx, 1, kDate);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.file_name, "projet-de-sante-cpts-centre-saone-et-loire.docx");
  EXPECT_EQ(r.mime, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  std::vector<ZipReadEntry> entries;
  std::string error;
  ASSERT_TRUE(zip_read(r.bytes, entries, error)) << error;
  EXPECT_EQ(entries.front().name, "[Content_Types].xml");
  std::map<std::string, std::string> parts;
  for (auto& e : entries) parts[e.name] = e.data;
  for (const char* name : {"_rels/.rels", "word/document.xml", "word/styles.xml", "word/settings.xml", "word/numbering.xml", "word/header1.xml",
                           "word/footer1.xml", "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/app.xml", "word/media/figure1.png",
                           "word/media/figure1.svg", "word/media/figure2.png", "word/media/figure2.svg"})
    EXPECT_EQ(parts.count(name), 1u) << name;
  for (const auto& [name, data] : parts) {
    if (name.size() > 4 && (name.substr(name.size() - 4) == ".xml" || name.substr(name.size() - 5) == ".rels" || name.substr(name.size() - 4) == ".svg")) {
      xmlcheck::Result x = xmlcheck::check(data);
      EXPECT_TRUE(x.ok) << name << ": " << x.error;
    }
  }
  const std::string& doc = parts["word/document.xml"];
  EXPECT_NE(doc.find("<w:pStyle w:val=\"Heading1\"/><w:pageBreakBefore/></w:pPr><w:bookmarkStart w:id=\"1\" w:name=\"_Toc_s1\"/><w:r><w:t xml:space=\"preserve\">1. Présentation et gouvernance de la CPTS</w:t>"),
            std::string::npos);
  EXPECT_NE(doc.find("TOC \\o \"1-3\""), std::string::npos);
  EXPECT_NE(doc.find("<w:tblHeader/>"), std::string::npos);
  EXPECT_NE(doc.find("asvg:svgBlip"), std::string::npos);
  EXPECT_NE(parts["word/styles.xml"].find("<w:outlineLvl w:val=\"0\"/>"), std::string::npos);
  EXPECT_NE(parts["word/settings.xml"].find("compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\""), std::string::npos);
  EXPECT_NE(parts["docProps/core.xml"].find("2025-03-14T00:00:00Z"), std::string::npos);
  EXPECT_NE(parts["word/header1.xml"].find("CPTS Centre Saône-et-Loire — Projet de santé"), std::string::npos);
  EXPECT_EQ(parts["word/media/figure1.png"].substr(1, 3), "PNG");
  EXPECT_NE(parts["[Content_Types].xml"].find("Extension=\"svg\" ContentType=\"image/svg+xml\""), std::string::npos);
}

TEST(DocumentsProjet, MarkdownHasHeadingsAndTables) {
  Project p = sample("cpts-21-52");
  std::string md = render_document(p, DocKind::ProjetDeSante, DocFormat::Markdown, 1, kDate).bytes;
  EXPECT_EQ(md.rfind("# Projet de santé — CPTS 21/52", 0), 0u) << md.substr(0, 80);
  EXPECT_NE(md.find("\n## 2. Territoire\n"), std::string::npos);
  EXPECT_NE(md.find("\n### 6.1 Financement ACI par année de contrat\n"), std::string::npos);
  EXPECT_NE(md.find("| Montants en euros | Année 1 | Année 2 |"), std::string::npos);
  EXPECT_NE(md.find("](data:image/svg+xml;base64,"), std::string::npos);
  EXPECT_NE(md.find("\n- 2\\. Territoire\n"), std::string::npos);  // contents: "2." escaped, else a nested ordered list
}

// ---- Annex --------------------------------------------------------------------------------------

TEST(DocumentsAnnexe, MissionTotalsAreTheEngines) {
  Project p = sample("cpts-centre-saone-et-loire");
  FundingResult r = simulate(p, Scenario::Ceiling);
  Document d = build_annexe(p, {1, kDate});
  EXPECT_EQ(heading_texts(d, 1), (std::vector<std::string>{"1. Récapitulatif du financement", "2. Mission : Accès aux soins",
                                                           "3. Mission : Parcours pluriprofessionnels", "4. Mission : Prévention",
                                                           "5. Mission : Crises sanitaires graves"}));
  const Table* sum = find_table(d, "Financement maximal par mission");
  ASSERT_NE(sum, nullptr);
  EXPECT_EQ(find_row(*sum, "Total")->cells[3], format_eur(r.total()));
  // Parcours (index 1): fixed 15 000 (year 1: started 01/06/2023, 4 whole months left → 45 000 × 4/12)
  // + 4 × 45 000 = 195 000 €, the same for the variable maximum.
  const Table::Row* parcours = find_row(*sum, "Parcours pluriprofessionnels");
  ASSERT_NE(parcours, nullptr);
  EXPECT_EQ(parcours->cells[1], format_eur(euros(195000)));
  EXPECT_EQ(parcours->cells[2], format_eur(euros(195000)));
  // Indicator rows carry baseline, targets, tiers and amounts: I1, "socle ≤ 12,5 % : 3 000,00 €".
  const Table* a1 = nullptr;
  for (const Block& b : d.blocks)
    if (b.kind == Block::TableBlock && !b.table.rows.empty() && b.table.rows[0].cells[0].rfind("I1 — ", 0) == 0) a1 = &b.table;
  ASSERT_NE(a1, nullptr);
  EXPECT_EQ(a1->rows[0].cells[1], "13\xC2\xA0%");
  EXPECT_EQ(a1->rows[0].cells[3].substr(0, a1->rows[0].cells[3].find('\n')), "socle \xE2\x89\xA4\xC2\xA0" "12,5\xC2\xA0% : 3\xE2\x80\xAF" "000,00\xC2\xA0\xE2\x82\xAC");
  EXPECT_EQ(a1->rows[0].cells[4], format_eur(euros(9000)));
  EXPECT_EQ(find_row(*a1, "Total de l’action")->cells[4], format_eur(euros(9000 + 8000 + 3000)));
}

// ---- Annual report ------------------------------------------------------------------------------

// Centre Saône-et-Loire, year 1 (18/10/2022–17/10/2023). Actual values: I1 12,9 % (socle ≤ 12,5: not
// reached), I2 7,4 % (socle ≤ 7: not reached), I3 partnership done (3 000 €), I4 16 physicians
// (socle ≥ 18: not reached), I14 crisis plan (0 €, paid by the fixed part). Access started
// 16/01/2023: 9 whole months to the anniversary, so 3 000 × 9/12 = 2 250 € of variable part.
TEST(DocumentsRapport, YearOneOfCentreSaoneEtLoireByHand) {
  Project p = sample("cpts-centre-saone-et-loire");
  FundingResult r = simulate(p, Scenario::Ceiling);
  EXPECT_EQ(earned_variable(p, r, 0, 1), euros(2250));
  Document d = build_rapport_annuel(p, {1, kDate});
  EXPECT_EQ(heading_texts(d, 1), (std::vector<std::string>{"1. Synthèse de l’année", "2. Résultats par mission", "3. Justificatifs", "4. Totaux de l’année"}));
  const Table* totals = find_table(d, "Financement de l’année 1");
  ASSERT_NE(totals, nullptr);
  const Table::Row* total = find_row(*totals, "Total");
  EXPECT_EQ(total->cells[1], format_eur(r.years[0].fixed_total()));
  EXPECT_EQ(total->cells[2], format_eur(r.years[0].variable_max_total()));
  EXPECT_EQ(total->cells[3], format_eur(euros(2250)));
  // The indicator rows: tier reached, amount earned, evidence received / missing.
  std::string md = write_markdown(d);
  EXPECT_NE(md.find("| I3 — Partenariat avec la CPAM \\(guichet unique\\) maintenu | Livrable | Fait | Réalisé | 3\xE2\x80\xAF" "000,00\xC2\xA0\xE2\x82\xAC |"), std::string::npos);
  EXPECT_NE(md.find("| I4 — Médecins participant au SAS | 15 médecins | 16 médecins | Aucun palier atteint | 0,00\xC2\xA0\xE2\x82\xAC |"), std::string::npos);
  EXPECT_NE(md.find("✓ reçu"), std::string::npos);
  EXPECT_NE(md.find("✗ manquant"), std::string::npos);
}

// With an actual value for every indicator, the report's variable part is the engine's (any
// non-ceiling scenario uses the actual values).
TEST(DocumentsRapport, EarnedVariableEqualsTheEngineWhenEveryActualIsKnown) {
  for (const char* id : kSamples) {
    SCOPED_TRACE(id);
    Project p = sample(id);
    for (Indicator& ind : p.indicators)
      for (int y = 1; y <= 5; ++y) {
        auto t = target_for(ind, y);
        ind.actuals[y] = ind.kind == IndicatorKind::Deliverable ? (y % 2) : t ? *t : (ind.baseline ? *ind.baseline : 0);
      }
    FundingResult ceiling = simulate(p, Scenario::Ceiling), realistic = simulate(p, Scenario::Realistic);
    for (int y = 1; y <= 5; ++y) {
      Cents report = 0;
      for (std::size_t m = 0; m < ceiling.catalogue->missions.size(); ++m) report += earned_variable(p, ceiling, m, y);
      EXPECT_EQ(report, realistic.years[y - 1].variable_total()) << "year " << y;
      Document d = build_rapport_annuel(p, {y, kDate});
      const Table* totals = find_table(d, "Financement de l’année");
      ASSERT_NE(totals, nullptr);
      EXPECT_EQ(find_row(*totals, "Total")->cells[3], format_eur(report));
    }
  }
}

TEST(DocumentsRapport, YearOutsideTheContractIsRefused) {
  Project p = sample("cpts-21-52");
  RenderedDocument r = render_document(p, DocKind::RapportAnnuel, DocFormat::Html, 6, kDate);
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("de 1 à 5"), std::string::npos);
  r = render_document(p, DocKind::RapportAnnuel, DocFormat::Markdown, 3, kDate);
  EXPECT_TRUE(r.ok);
  EXPECT_EQ(r.file_name, "rapport-annuel-annee-3-cpts-21-52.md");
}

// ---- Hostile text -------------------------------------------------------------------------------

TEST(DocumentsSafety, HostileTextGivesValidInertDocuments) {
  Project p = hostile_project();
  for (DocKind k : {DocKind::ProjetDeSante, DocKind::Annexe, DocKind::RapportAnnuel}) {
    SCOPED_TRACE(doc_kind_label_fr(k));
    RenderedDocument html = render_document(p, k, DocFormat::Html, 1, kDate);
    ASSERT_TRUE(html.ok);
    expect_inert_html(html.bytes);
    EXPECT_NE(html.bytes.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot; &#39; \xF0\x9F\x99\x82 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"), std::string::npos);
    EXPECT_EQ(html.bytes.find("</style> ]]>"), std::string::npos);
    EXPECT_EQ(html.file_name.find('/'), std::string::npos);

    RenderedDocument docx = render_document(p, k, DocFormat::Docx, 1, kDate);
    ASSERT_TRUE(docx.ok);
    for (const auto& [name, data] : unzip(docx.bytes)) {
      if (name.find("media/") != std::string::npos && name.substr(name.size() - 4) == ".png") continue;
      xmlcheck::Result x = xmlcheck::check(data);
      EXPECT_TRUE(x.ok) << name << ": " << x.error;
      EXPECT_EQ(x.elements.count("script"), 0u) << name;
      EXPECT_EQ(data.find("<script"), std::string::npos) << name;
    }

    RenderedDocument md = render_document(p, k, DocFormat::Markdown, 1, kDate);
    ASSERT_TRUE(md.ok);
    EXPECT_EQ(md.bytes.find("<script"), std::string::npos);
    EXPECT_EQ(md.bytes.find("<img"), std::string::npos);
    EXPECT_EQ(md.bytes.find("](javascript"), std::string::npos);
    EXPECT_NE(md.bytes.find("\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D"), std::string::npos);  // the Hebrew is kept
  }
}

// Issue #15: a row whose population has its own source (an IRIS counted by the team) says it in
// the territory table of the projet de santé; with only the territory's source, 4 columns as before.
TEST(Documents, TerritoryTableNamesEachRowsOwnPopulationSource) {
  Project p = sample("cpts-centre-saone-et-loire");
  const Document before = build_projet_de_sante(p, {1, kDate});  // kept: `find_table` points into it
  const Table* plain = find_table(before, "Communes du territoire");
  ASSERT_NE(plain, nullptr);
  EXPECT_EQ(plain->header.size(), 4u);
  p.territory.communes.push_back({"", "IRIS Le Creusot Nord", "71", 2400, "comptage de la CPTS, 2024"});
  p.territory.communes.push_back({"", "Quartier", "71", 10, p.territory.population_source});  // the territory's: not repeated
  Document d = build_projet_de_sante(p, {1, kDate});
  const Table* t = find_table(d, "Communes du territoire");
  ASSERT_NE(t, nullptr);
  ASSERT_EQ(t->header.size(), 5u);
  EXPECT_EQ(t->header[4], "Source de la population");
  // Rows: the sample's 34 communes, the IRIS, the quartier, the total.
  ASSERT_EQ(t->rows.size(), 37u);
  const Table::Row& iris = t->rows[34];
  EXPECT_EQ(iris.cells[1], "IRIS Le Creusot Nord");
  EXPECT_EQ(iris.cells[4], "comptage de la CPTS, 2024");
  EXPECT_EQ(t->rows[35].cells[4], "");
  EXPECT_EQ(t->rows.front().cells[4], "");  // a commune of the sample: the territory's source
  EXPECT_NE(write_html(d).find("comptage de la CPTS, 2024"), std::string::npos);
}

// Issue #14 item 8: French spacing, applied by the writers (typography.hpp).
TEST(DocumentsTypography, NarrowNoBreakSpaceBeforeHighPunctuationAndInsideQuotes) {
  EXPECT_EQ(french_spacing("Date : 18/10/2022 ; « Accès » ? Oui !"),
            "Date\u202F: 18/10/2022\u202F; «\u202FAccès\u202F»\u202F? Oui\u202F!");
  EXPECT_EQ(french_spacing("A1\u00A0: 12,8 %"), "A1\u202F: 12,8 %");  // a plain no-break space too
  EXPECT_EQ(french_spacing("Début  : x"), "Début\u202F: x");          // a run of spaces: one
  // What has no space stays as typed: times, addresses, ratios.
  EXPECT_EQ(french_spacing("10:30 https://ameli.fr 1:2"), "10:30 https://ameli.fr 1:2");
  // Across spans: "Pilote " in bold then ": Dr Martin".
  Document d;
  d.paragraph({{"Pilote ", true}, {": Dr Martin"}});
  EXPECT_EQ(typeset(d).blocks[0].spans[0].text, "Pilote\u202F");
}

namespace {
// The text of a DOCX body (<w:t> contents) and of an HTML page (outside tags, <style> and <svg>).
std::string docx_text(const std::string& xml) {
  std::string out;
  for (std::size_t i = xml.find("<w:t"); i != std::string::npos; i = xml.find("<w:t", i + 1)) {
    if (xml.compare(i, 5, "<w:t>") != 0 && xml.compare(i, 5, "<w:t ") != 0) continue;
    std::size_t a = xml.find('>', i) + 1, b = xml.find("</w:t>", a);
    out += xml.substr(a, b - a);  // runs of one paragraph are joined: a space ending one run counts
  }
  return out;
}
std::string html_text(std::string html) {
  for (const char* tag : {"style", "svg"})
    for (std::size_t a; (a = html.find(std::string("<") + tag)) != std::string::npos;) {
      std::size_t b = html.find(std::string("</") + tag + ">", a);
      html.erase(a, b == std::string::npos ? std::string::npos : b - a + std::strlen(tag) + 3);
    }
  std::string out;
  bool in_tag = false;
  for (char c : html) {
    if (c == '<') in_tag = true;
    else if (c == '>') in_tag = false;
    else if (!in_tag) out += c;
  }
  return out;
}
// Where an ASCII space or a U+00A0 comes right before : ; ? or !, with some context; "" if nowhere.
std::string loose_space_before_punctuation(const std::string& s) {
  for (std::size_t i = 1; i < s.size(); ++i) {
    if (s[i] != ':' && s[i] != ';' && s[i] != '?' && s[i] != '!') continue;
    bool loose = s[i - 1] == ' ' || (i >= 2 && s.compare(i - 2, 2, "\xC2\xA0") == 0);
    if (loose) return s.substr(i < 40 ? 0 : i - 40, 60);
  }
  return "";
}
}  // namespace

TEST(DocumentsTypography, NoOrdinarySpaceBeforeHighPunctuationInAnyDocument) {
  for (const char* id : kSamples) {
    SCOPED_TRACE(id);
    Project p = sample(id);
    for (const Document& d : {build_projet_de_sante(p, {1, kDate}), build_annexe(p, {1, kDate}), build_rapport_annuel(p, {1, kDate})}) {
      SCOPED_TRACE(d.title);
      std::string docx = docx_text(unzip(write_docx(d))["word/document.xml"]);
      std::string html = html_text(write_html(d));
      ASSERT_NE(docx.find("\u202F:"), std::string::npos);  // the documents do have "Label : value"
      EXPECT_EQ(loose_space_before_punctuation(docx), "");
      EXPECT_EQ(loose_space_before_punctuation(html), "");
      EXPECT_EQ(docx.find("\u00AB "), std::string::npos);
      EXPECT_EQ(html.find("\u00AB "), std::string::npos);
    }
  }
}

// Issue #14 item 5: the annex prints tiers from the easiest to the hardest, even when the project
// lists them the other way round (the Vérification flags that list: "paliers_desordonnes").
TEST(DocumentsAnnexe, TiersArePrintedFromTheEasiest) {
  Project p = sample("cpts-centre-saone-et-loire");
  for (Indicator& ind : p.indicators)
    if (ind.id == "I1") std::reverse(ind.tiers.begin(), ind.tiers.end());  // objectif ≤ 11 % listed first
  Document d = build_annexe(p, {1, kDate});
  std::string cell;
  for (const Block& b : d.blocks)
    for (const auto& r : b.table.rows)
      for (const std::string& c : r.cells)
        if (c.find("socle") != std::string::npos && c.find("12,5") != std::string::npos) cell = c;
  ASSERT_FALSE(cell.empty());
  EXPECT_LT(cell.find("socle"), cell.find("intermédiaire")) << cell;
  EXPECT_LT(cell.find("intermédiaire"), cell.find("objectif")) << cell;
}
