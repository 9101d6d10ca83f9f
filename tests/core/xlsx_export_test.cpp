// The workbook (io/xlsx_export): sheets, typed cells, totals as formulas with the planner's figures
// as cached values, user text never a formula, and a well-formed file with hostile text. Figures a
// person can check: the sample CPTS Centre Saône-et-Loire (taille 3, signed 18/10/2022) gets
// 347 500 € in contract year 2 (75 000 + 125 000 + 90 000 + 35 000 + 22 500, see samples_test.cpp).
// LibreOffice recomputing every formula of every sample is tests/xlsx (ctest xlsx.recomputed_totals).
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <regex>

#include "io/documents/archive.hpp"
#include "io/samples.hpp"
#include "io/project_json.hpp"
#include "io/xlsx_export.hpp"
#include "xml_check.hpp"

using namespace cpts;

namespace {

Project sample(const std::string& id) {
  ProjectLoad l = load_project(sample_text(id));
  EXPECT_TRUE(l.project) << id;
  return l.project ? *l.project : Project{};
}

std::map<std::string, std::string> workbook_parts(const Project& p) {
  XlsxWorkbook wb = export_workbook(p, simulate(p, Scenario::Ceiling), Date{2025, 3, 14});
  EXPECT_TRUE(wb.ok) << wb.error;
  std::vector<doc::ZipReadEntry> entries;
  std::string error;
  EXPECT_TRUE(doc::zip_read(wb.bytes, entries, error)) << error;
  std::map<std::string, std::string> parts;
  for (auto& e : entries) parts[e.name] = std::move(e.data);
  return parts;
}

std::vector<std::string> formulas(const std::string& sheet_xml) {
  std::vector<std::string> out;
  static const std::regex f("<f>([^<]*)</f>");
  for (auto it = std::sregex_iterator(sheet_xml.begin(), sheet_xml.end(), f); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

}  // namespace

TEST(XlsxExport, SheetsHaveFrenchNamesInOrder) {
  auto parts = workbook_parts(sample("cpts-centre-saone-et-loire"));
  const std::string& wb = parts["xl/workbook.xml"];
  std::size_t at = 0;
  for (const char* name : {"Financement par année", "Financement par année civile", "Échéancier", "Indicateurs", "Budget",
                           "Communes"}) {
    std::size_t found = wb.find(std::string("name=\"") + name + "\"", at);
    ASSERT_NE(found, std::string::npos) << name;
    at = found;
  }
  for (int k = 1; k <= 6; ++k) EXPECT_TRUE(parts.count("xl/worksheets/sheet" + std::to_string(k) + ".xml")) << k;
}

TEST(XlsxExport, TotalsAreFormulasWithThePlannersFiguresCached) {
  Project p = sample("cpts-centre-saone-et-loire");
  FundingResult r = simulate(p, Scenario::Ceiling);
  ASSERT_EQ(r.years[1].total(), 34750000);  // 347 500 € in year 2 (samples_test.cpp)
  auto parts = workbook_parts(p);
  const std::string& funding = parts["xl/worksheets/sheet1.xml"];
  // TOTAL of year 2 (column C): Total fixe + Total variable, cached 347500.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(funding, m, std::regex("<c r=\"C(\\d+)\"[^>]*><f>(C\\d+\\+C\\d+)</f><v>347500</v></c>")));
  // Every formula of the sheet is a sum or a reference we wrote, each with a cached value.
  auto fs = formulas(funding);
  EXPECT_GE(fs.size(), 6u * 4);  // each component row's total, Total fixe, Total variable, TOTAL
  for (const std::string& f : fs) EXPECT_TRUE(std::regex_match(f, std::regex("SUM\\([A-Z]+\\d+:[A-Z]+\\d+\\)|[A-Z]+\\d+\\+[A-Z]+\\d+"))) << f;
  EXPECT_EQ(std::regex_search(funding, std::regex("</f></c>")), false);  // no formula without its value
  // The Budget's ACI row refers to the funding sheet's TOTAL row.
  const std::string& budget = parts["xl/worksheets/sheet5.xml"];
  EXPECT_NE(budget.find("<f>'Financement par année'!C" + m[1].str() + "</f><v>347500</v>"), std::string::npos);
  // The schedule: all payments, and years 1–5 alone through SUMIF.
  const std::string& schedule = parts["xl/worksheets/sheet3.xml"];
  std::smatch total, years;
  ASSERT_TRUE(std::regex_search(schedule, total, std::regex("<f>SUM\\(F2:F\\d+\\)</f><v>([0-9.]+)</v>")));
  EXPECT_EQ(std::llround(std::stod(total[1]) * 100), r.total() + r.pre_contract);
  ASSERT_TRUE(std::regex_search(schedule, years, std::regex("<f>SUMIF\\(B2:B\\d+,\"&gt;=1\",F2:F\\d+\\)</f><v>([0-9.]+)</v>")));
  EXPECT_EQ(std::llround(std::stod(years[1]) * 100), r.total());
}

TEST(XlsxExport, CellsAreTypedFrozenAndFormatted) {
  auto parts = workbook_parts(sample("cpts-centre-saone-et-loire"));
  const std::string& styles = parts["xl/styles.xml"];
  EXPECT_NE(styles.find("formatCode=\"#,##0.00 &quot;€&quot;\""), std::string::npos);
  EXPECT_NE(styles.find("formatCode=\"0.00 %\""), std::string::npos);
  EXPECT_NE(styles.find("formatCode=\"dd/mm/yyyy\""), std::string::npos);
  for (int k = 1; k <= 6; ++k) {
    const std::string& s = parts["xl/worksheets/sheet" + std::to_string(k) + ".xml"];
    EXPECT_NE(s.find("state=\"frozen\""), std::string::npos) << "sheet " << k;
    EXPECT_NE(s.find("<cols>"), std::string::npos) << "sheet " << k;  // column widths
  }
  // Communes: populations are numbers (no t="s"), 0-based column D.
  EXPECT_TRUE(std::regex_search(parts["xl/worksheets/sheet6.xml"], std::regex("<c r=\"D2\" s=\"\\d+\"><v>\\d+</v></c>")));
  // Indicators with unit "%" hold fractions: the sample has a 69,70 % target somewhere? At least one
  // percentage cell exists in the indicators sheet (style of the % format).
  EXPECT_NE(parts["xl/worksheets/sheet4.xml"].find("<v>0."), std::string::npos);
}

TEST(XlsxExport, UserTextIsNeverAFormula) {
  Project p = sample("cpts-centre-saone-et-loire");
  ASSERT_FALSE(p.actions.empty());
  ASSERT_FALSE(p.indicators.empty());
  p.actions[0].title = "=HYPERLINK(\"http://exemple.invalid\",\"clic\")";
  p.indicators[0].label = "+SUM(1,1)";
  p.indicators[0].evidence = "@cmd";
  p.territory.communes[0].name = "-2+3";
  auto parts = workbook_parts(p);
  const std::string& strings = parts["xl/sharedStrings.xml"];
  EXPECT_NE(strings.find("<t>=HYPERLINK("), std::string::npos);  // quotes may be escaped or not
  EXPECT_NE(strings.find("exemple.invalid"), std::string::npos);
  EXPECT_NE(strings.find("<t>+SUM(1,1)</t>"), std::string::npos);
  EXPECT_NE(strings.find("<t>@cmd</t>"), std::string::npos);
  EXPECT_NE(strings.find("<t>-2+3</t>"), std::string::npos);
  for (const auto& [name, xml] : parts)
    for (const std::string& f : formulas(xml)) {
      EXPECT_EQ(f.find("HYPERLINK"), std::string::npos) << name;
      EXPECT_EQ(f.find("cmd"), std::string::npos) << name;
      EXPECT_NE(f, "-2+3") << name;
    }
}

TEST(XlsxExport, HostileTextGivesAWellFormedWorkbook) {
  Project p = sample("cpts-centre-saone-et-loire");
  // Markup, quotes, emoji, RTL, XML-forbidden controls, invalid UTF-8, a 40 000-character label.
  const std::string h = "<x>&amp; \" ' \xF0\x9F\x99\x82 \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \x01\x0B\xFF ]]>";
  p.identity.name = h;
  for (Action& a : p.actions) a.title = h;
  for (Indicator& i : p.indicators) i.label = i.unit = i.source = h;
  for (Commune& c : p.territory.communes) c.name = h;
  p.indicators[0].evidence = std::string(40000, 'x');
  auto parts = workbook_parts(p);
  ASSERT_GE(parts.size(), 10u);
  for (const auto& [name, xml] : parts) {
    if (name.size() < 4 || (name.substr(name.size() - 4) != ".xml" && name.substr(name.size() - 5) != ".rels")) continue;
    xmlcheck::Result r = xmlcheck::check(xml);
    EXPECT_TRUE(r.ok) << name << " : " << r.error;
  }
  // The 40 000 characters are cut to a cell's 32 767.
  EXPECT_NE(parts["xl/sharedStrings.xml"].find(std::string(32767, 'x') + "</t>"), std::string::npos);
  EXPECT_EQ(parts["xl/sharedStrings.xml"].find(std::string(32768, 'x')), std::string::npos);
}

TEST(XlsxExport, SameProjectAndDateGiveTheSameBytes) {
  Project p = sample("cpts-21-52");
  FundingResult r = simulate(p, Scenario::Ceiling);
  XlsxWorkbook a = export_workbook(p, r, Date{2025, 3, 14}), b = export_workbook(p, r, Date{2025, 3, 14});
  ASSERT_TRUE(a.ok && b.ok);
  EXPECT_EQ(a.bytes, b.bytes);
}

TEST(XlsxExport, SheetNamesAndTextAreWhatExcelAccepts) {
  EXPECT_EQ(xlsx_sheet_name("Budget [2024]: a/b?*\\"), "Budget -2024-- a-b---");
  EXPECT_EQ(xlsx_sheet_name("'Communes'"), "Communes");
  EXPECT_EQ(xlsx_sheet_name("''"), "Feuille");
  // 31 characters, not bytes: 40 × "é" (2 bytes each) → 31 × "é".
  std::string e40;
  for (int i = 0; i < 40; ++i) e40 += "é";
  EXPECT_EQ(xlsx_sheet_name(e40), e40.substr(0, 62));
  EXPECT_EQ(xlsx_text("a\xFF" "b\xC3"), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");   // invalid bytes → U+FFFD
  EXPECT_EQ(xlsx_text("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a UTF-16 surrogate is not UTF-8
  EXPECT_EQ(xlsx_text("1 234,56 €"), "1 234,56 €");
  EXPECT_EQ(xlsx_cell_ref(0, 0), "A1");
  EXPECT_EQ(xlsx_cell_ref(9, 26), "AA10");   // column 27 = AA
  EXPECT_EQ(xlsx_cell_ref(0, 701), "ZZ1");   // 26 + 26 × 26 = 702 columns up to ZZ
  EXPECT_EQ(xlsx_cell_ref(0, 702), "AAA1");
}
