// Issue #14: the funding table is computed once in the core (engine/funding_table.hpp) and the
// three outputs print it: `cpts-cli simulate`, the projet de santé document and Financement →
// Années de contrat in the app. Before, the app folded the avenant-2 top-up into Fonctionnement and
// the documents dropped the catalogue's extra components. Also: findings that name an amount open
// Financement → Montants.
#include <imgui.h>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <sstream>

#include "engine/funding_table.hpp"
#include "io/documents/documents.hpp"
#include "io/project_json.hpp"
#include "io/samples.hpp"
#include "i18n.hpp"
#include "ui_driver.hpp"
#include "ui_state.hpp"

using namespace cpts;
using namespace cpts::ui;
using cpts::ui::testing::UiDriver;

namespace {

Project sample(const std::string& id) {
  ProjectLoad l = load_project(sample_text(id));
  EXPECT_TRUE(l.project) << id;
  return l.project ? *l.project : Project{};
}

std::string run_cli(const std::string& args) {
  std::string out;
  FILE* f = popen((std::string(CPTS_CLI) + " " + args).c_str(), "r");
  if (!f) return out;
  std::array<char, 4096> buf{};
  while (std::size_t n = std::fread(buf.data(), 1, buf.size(), f)) out.append(buf.data(), n);
  pclose(f);
  return out;
}

std::vector<std::string> split_spaces(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

}  // namespace

TEST(FundingTable, CliAndDocumentsPrintTheSameRows) {
  set_language(Lang::Fr);  // the app's labels are compared with the French header
  for (const std::string& id : sample_ids()) {
    SCOPED_TRACE(id);
    Project p = sample(id);
    FundingTable table = funding_table(simulate(p, p.contract.scenario));
    ASSERT_GE(table.rows.size(), 4u);
    // The CLI: one line per row, its label then the five years and the total.
    std::string cli = run_cli("simulate " + std::string(CPTS_SOURCE_DIR) + "/shared/samples/" + id + ".json");
    std::istringstream lines(cli);
    std::vector<std::string> cli_lines;
    for (std::string l; std::getline(lines, l);) cli_lines.push_back(l);
    // The document: the table "Financement ACI par année de contrat" of the projet de santé.
    doc::Document d = build_projet_de_sante(p, {1, Date{2025, 3, 14}});
    const doc::Table* dt = nullptr;
    for (const doc::Block& b : d.blocks)
      if (b.kind == doc::Block::TableBlock && b.table.caption.find("Financement ACI par année de contrat") != std::string::npos) dt = &b.table;
    ASSERT_NE(dt, nullptr);
    ASSERT_EQ(dt->rows.size(), table.rows.size());
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
      const FundingTableRow& row = table.rows[r];
      SCOPED_TRACE(row.label_fr);
      std::vector<std::string> cells(row.year_cells.begin(), row.year_cells.end());
      cells.push_back(row.total_cell);
      const std::string label = row.label_fr + (row.estimate ? " *" : "");
      // CLI
      auto line = std::find_if(cli_lines.begin(), cli_lines.end(), [&](const std::string& l) { return l.rfind(label + "  ", 0) == 0; });
      ASSERT_NE(line, cli_lines.end()) << cli;
      EXPECT_EQ(split_spaces(line->substr(label.size())), cells) << *line;
      // Documents
      std::vector<std::string> doc_cells(dt->rows[r].cells.begin() + 1, dt->rows[r].cells.end());
      EXPECT_EQ(dt->rows[r].cells[0], label);
      EXPECT_EQ(doc_cells, cells);
    }
  }
}

// 21-52 was signed on 10/12/2020: its year 1 gets the avenant-2 top-up, 37 500 € (87 500 − 50 000,
// taille 1, domain reference §5 "Transition +75 %"), a row of its own in all three outputs.
TEST(FundingTable, Avenant2TopUpIsARowOfItsOwn) {
  FundingTable t = funding_table(simulate(sample("cpts-21-52"), Scenario::Ceiling));
  const FundingTableRow* topup = t.find(FundingRowKind::Avenant2Topup);
  ASSERT_NE(topup, nullptr);
  EXPECT_EQ(topup->years[0], euros(37500));
  EXPECT_EQ(topup->total, euros(37500));
  EXPECT_EQ(topup->year_cells[1], "\xE2\x80\x94");  // nothing in year 2
  // Fonctionnement stays the art. 9.1 amount alone: 50 000 € in year 1 for taille 1.
  EXPECT_EQ(t.find(FundingRowKind::Fonctionnement)->years[0], euros(50000));
}

// A table shows cents on every amount or on none: a column never mixes "75 000" and "2 916,66".
TEST(FundingTable, EveryAmountOfATableHasTheSameDecimals) {
  for (const std::string& id : sample_ids()) {
    SCOPED_TRACE(id);
    FundingTable t = funding_table(simulate(sample(id), Scenario::Ceiling));
    for (const FundingTableRow& row : t.rows)
      for (std::size_t k = 0; k <= row.years.size(); ++k) {
        const std::string& c = k < row.years.size() ? row.year_cells[k] : row.total_cell;
        if (c == "\xE2\x80\x94") continue;
        std::size_t comma = c.find(',');
        if (t.cents) {
          ASSERT_NE(comma, std::string::npos) << c;
          EXPECT_EQ(c.size() - comma, 3u) << c;  // ",dd"
        } else {
          EXPECT_EQ(comma, std::string::npos) << c;
        }
      }
  }
}
