#include "io/csv_export.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "io/samples.hpp"
#include "io/project_json.hpp"

using namespace cpts;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Project complete_project() {
  ProjectLoad l = load_project(read_file(std::string(CPTS_SOURCE_DIR) + "/tests/data/v2/complet.json"));
  return *l.project;
}

Project sample(const char* id) { return *load_project(sample_text(id)).project; }

// Splits the CSV text (after the BOM) into rows of cells, honouring quotes.
std::vector<std::vector<std::string>> parse_csv(const std::string& csv) {
  std::vector<std::vector<std::string>> rows(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 3; i < csv.size(); ++i) {
    char ch = csv[i];
    if (quoted) {
      if (ch == '"' && i + 1 < csv.size() && csv[i + 1] == '"') rows.back().back() += '"', ++i;
      else if (ch == '"') quoted = false;
      else rows.back().back() += ch;
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ';') {
      rows.back().emplace_back();
    } else if (ch == '\r' && i + 1 < csv.size() && csv[i + 1] == '\n') {
      rows.emplace_back(1);
      ++i;
    } else {
      rows.back().back() += ch;
    }
  }
  if (rows.back().size() == 1 && rows.back()[0].empty()) rows.pop_back();  // after the final CRLF
  return rows;
}

// "1234,56" -> cents
Cents cents_of(const std::string& cell) {
  std::size_t comma = cell.find(',');
  bool neg = !cell.empty() && cell[0] == '-';
  Cents whole = std::stoll(cell.substr(neg ? 1 : 0, comma - (neg ? 1 : 0)));
  Cents c = whole * 100 + std::stoll(cell.substr(comma + 1));
  return neg ? -c : c;
}

}  // namespace

TEST(CsvExport, CellsAreNeutralisedAndQuoted) {
  EXPECT_EQ(csv_text_cell("Accès aux soins"), "Accès aux soins");
  EXPECT_EQ(csv_text_cell("=1+1"), "'=1+1");
  EXPECT_EQ(csv_text_cell("+33 3 00 00 00 00"), "'+33 3 00 00 00 00");
  EXPECT_EQ(csv_text_cell("-x"), "'-x");
  EXPECT_EQ(csv_text_cell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_text_cell("\tcmd"), "'\tcmd");
  EXPECT_EQ(csv_text_cell("\rcmd"), "\"'\rcmd\"");
  EXPECT_EQ(csv_text_cell("a;b"), "\"a;b\"");
  EXPECT_EQ(csv_text_cell("dit \"oui\""), "\"dit \"\"oui\"\"\"");
  EXPECT_EQ(csv_text_cell("ligne 1\nligne 2"), "\"ligne 1\nligne 2\"");
  EXPECT_EQ(csv_text_cell(""), "");
}

TEST(CsvExport, NumbersUseADecimalCommaAndNoThousandsSeparator) {
  EXPECT_EQ(csv_cents(123456), "1234,56");
  EXPECT_EQ(csv_cents(euros(397500)), "397500,00");
  EXPECT_EQ(csv_cents(5), "0,05");
  EXPECT_EQ(csv_cents(-1250), "-12,50");
  EXPECT_EQ(csv_cents(0), "0,00");
  EXPECT_EQ(csv_number(66.26), "66,26");
  EXPECT_EQ(csv_number(68811), "68811");
  EXPECT_EQ(csv_number(7.8), "7,8");
  EXPECT_EQ(csv_number(-3.5), "-3,5");
  EXPECT_EQ(csv_number(-0.0), "0");
  EXPECT_EQ(csv_number(0.0 / 0.0), "");
}

TEST(CsvExport, IndicatorsCsvForFrenchSpreadsheets) {
  Project p = complete_project();
  p.indicators[1].baseline = -3.5;  // a negative number we write ourselves: no apostrophe
  std::string csv = indicators_csv(p, simulate(p));
  ASSERT_GE(csv.size(), 3u);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");  // UTF-8 BOM
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
  EXPECT_EQ(csv.find('\n'), csv.find("\r\n") + 1);  // CRLF line ends
  // Header, then the indicators: mission, action, id, label, kind, unit, direction, baseline, targets…
  EXPECT_EQ(csv.rfind("\xEF\xBB\xBFMission;Fiche-action;Indicateur;Libellé;Type;Unité;Sens;Valeur initiale;Cible année 1;", 0),
            0u);
  // The title "=HYPERLINK("http://x";"clic")" is shown as text: apostrophe, quoted, quotes doubled.
  EXPECT_NE(csv.find("\r\nAccès aux soins;\"'=HYPERLINK(\"\"http://x\"\";\"\"clic\"\")\";I1;Patients en ALD sans MT;"
                     "Résultat;patients;↓;219;200;;100;;50;"),
            std::string::npos)
      << csv;
  EXPECT_NE(csv.find("socle : ≤ 219 → 3000,00 € | intermédiaire : ≤ 100 → 6000,00 € | objectif : ≤ 50 → 9000,50 €;9000,50;"),
            std::string::npos);
  EXPECT_NE(csv.find(";Résultat;patients;↑;-3,5;68811;"), std::string::npos);  // I2
  EXPECT_NE(csv.find(";150,5;0,1;;;\r\n"), std::string::npos);                  // I1 actuals
  auto rows = parse_csv(csv);
  ASSERT_EQ(rows.size(), 4u);  // header + 3 indicators
  for (const auto& row : rows) EXPECT_EQ(row.size(), 22u);
  EXPECT_EQ(rows[3][0], "Crises sanitaires graves");
  EXPECT_EQ(rows[3][4], "Livrable");
}

// Under every scenario (issue #17: the schedule follows the results), the rows of each contract
// year add up to the engine's total of that year.
TEST(CsvExport, ScheduleRowsAddUpToTheEngineTotals) {
  for (const char* name : {"cpts-21-52", "cpts-centre-saone-et-loire", "cpts-besancon-metropole"})
  for (Scenario s : {Scenario::Ceiling, Scenario::Pessimistic, Scenario::Realistic, Scenario::Optimistic, Scenario::Recorded}) {
    SCOPED_TRACE(std::string(name) + " " + to_string(s));
    Project p = sample(name);
    FundingResult r = simulate(p, s);
    std::string csv = schedule_csv(r, *r.catalogue);
    EXPECT_EQ(csv.rfind("\xEF\xBB\xBF" "Date;Année de contrat;Mission;Composante;Versement;Montant (€);Estimation;Base\r\n", 0), 0u);
    auto rows = parse_csv(csv);
    ASSERT_EQ(rows.size(), r.schedule.size() + 1);
    Cents all = 0, by_year[kContractYears + 1] = {};
    for (std::size_t i = 1; i < rows.size(); ++i) {
      ASSERT_EQ(rows[i].size(), 8u);
      EXPECT_EQ(rows[i][0], format_fr(r.schedule[i - 1].date));
      Cents c = cents_of(rows[i][5]);
      all += c;
      by_year[std::stoi(rows[i][1])] += c;
    }
    EXPECT_EQ(all, r.total() + r.pre_contract);
    for (const YearFunding& y : r.years) EXPECT_EQ(by_year[y.year], y.total()) << "année " << y.year;
  }
}

TEST(CsvExport, ScheduleRowsInFrench) {
  Project p = sample("cpts-centre-saone-et-loire");
  FundingResult r = simulate(p, Scenario::Ceiling);
  std::string csv = schedule_csv(r, *r.catalogue);
  // Signed 18/10/2022, taille 3: fonctionnement 75 000 € in full at signature (ACI art. 9.1).
  EXPECT_NE(csv.find("\r\n18/10/2022;1;Contrat;Fonctionnement;Versement;75000,00;non;fixe\r\n"), std::string::npos) << csv;
  // Accès started 16/01/2023: 9 whole months to 18/10/2023, fixed part 35 000 × 9/12 = 26 250 €,
  // advance 75 % = 19 687,50 € on the start date (estimate: no, taille 3 is observed).
  EXPECT_NE(csv.find("\r\n16/01/2023;1;Accès aux soins;Part fixe;Avance 75 %;19687,50;non;fixe\r\n"), std::string::npos);
  // Ceiling: the variable lines say so.
  EXPECT_NE(csv.find(";Prévention;Part variable;Versement;17500,00;non;plafond\r\n"), std::string::npos);
}
