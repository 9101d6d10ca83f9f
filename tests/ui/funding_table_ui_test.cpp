// Issue #14: the funding table is computed once in the core (engine/funding_table.hpp) and the
// three outputs print it: `cpts-cli simulate`, the projet de santé document and Financement →
// Années de contrat in the app (read here from the text the UI draws). Before, the app folded the
// avenant-2 top-up into Fonctionnement and the documents dropped the catalogue's extra components.
// Also: findings that name an amount ("montant estimé") open Financement → Montants, whichever
// Financement tab was open before.
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
#include "drawn_text.hpp"
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

namespace {

// The cells of a line the UI drew for a table row (ImGui logs it as "| a | b | c |"), trimmed.
std::vector<std::string> logged_cells(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = line.find('|');
  if (start == std::string::npos) return out;
  for (std::size_t i = start + 1;;) {
    std::size_t j = line.find('|', i);
    std::string c = line.substr(i, j == std::string::npos ? std::string::npos : j - i);
    c.erase(0, c.find_first_not_of(' '));
    c.erase(c.find_last_not_of(' ') + 1);
    out.push_back(c);
    if (j == std::string::npos) break;
    i = j + 1;
  }
  if (!out.empty() && out.back().empty()) out.pop_back();  // the row's closing "|"
  return out;
}

}  // namespace

// The app's table (Financement → Années de contrat, the tab the panel opens on) as the user reads
// it: the text the widgets drew, row by row, is the core's table, and so the CLI's — same rows in
// the same order, same five year cells and total. For 21-52 that includes the avenant-2 top-up row:
// 37 500 € in year 1 (87 500 − 50 000, see Avenant2TopUpIsARowOfItsOwn), "—" in the other years.
TEST(FundingTable, TheAppDrawsTheSameRowsAsTheCli) {
  set_language(Lang::Fr);
  for (const std::string& id : sample_ids()) {
    SCOPED_TRACE(id);
    Project p = sample(id);
    FundingTable table = funding_table(simulate(p, p.contract.scenario));
    UiDriver ui({.sample = id, .panel = "financement"}, ImVec2(1600, 3000));  // tall: the whole table drawn
    ui.frames(2);
    const std::string drawn = drawn_text(ui);
    // The table's lines: from its header ("Ligne (€)" | "Année 1"…) to the basis line under it.
    std::vector<std::vector<std::string>> rows;
    bool in_table = false;
    std::istringstream in(drawn);
    for (std::string l; std::getline(in, l);) {
      std::vector<std::string> cells = logged_cells(l);
      if (cells.size() != 7) {
        if (in_table && !cells.empty()) break;
        continue;
      }
      if (cells[0] == T("fin.line_eur") && cells[6] == T("fin.total")) {
        in_table = true;
        continue;
      }
      if (!in_table) continue;
      if (cells[0] == T("fin.basis")) break;
      rows.push_back(cells);
    }
    ASSERT_EQ(rows.size(), table.rows.size()) << drawn;
    std::string cli = run_cli("simulate " + std::string(CPTS_SOURCE_DIR) + "/shared/samples/" + id + ".json");
    for (std::size_t r = 0; r < rows.size(); ++r) {
      const FundingTableRow& row = table.rows[r];
      SCOPED_TRACE(row.label_fr);
      std::vector<std::string> cells(row.year_cells.begin(), row.year_cells.end());
      cells.push_back(row.total_cell);
      EXPECT_EQ(std::vector<std::string>(rows[r].begin() + 1, rows[r].end()), cells);
      // The same row in the CLI's output, found by its French label.
      const std::string label = row.label_fr + (row.estimate ? " *" : "");
      std::size_t at = cli.find("\n" + label + "  ");
      ASSERT_NE(at, std::string::npos) << cli;
      std::string line = cli.substr(at + 1 + label.size(), cli.find('\n', at + 1) - at - 1 - label.size());
      EXPECT_EQ(split_spaces(line), cells);
      // The app's own labels for the contract lines (mission lines use the app's short names).
      if (row.kind == FundingRowKind::Fonctionnement || row.kind == FundingRowKind::Avenant2Topup)
        EXPECT_EQ(rows[r][0], label);
    }
    if (id == "cpts-21-52") {
      const FundingTableRow* topup = table.find(FundingRowKind::Avenant2Topup);
      ASSERT_NE(topup, nullptr);
      auto it = std::find_if(rows.begin(), rows.end(), [&](const auto& c) { return c[0] == topup->label_fr; });
      ASSERT_NE(it, rows.end()) << drawn;
      // 37 500 (U+202F thousands separator), with ",00" when the table shows cents (one rule per table).
      const std::string topup_cell = table.cents ? "37\xE2\x80\xAF" "500,00" : "37\xE2\x80\xAF" "500";
      EXPECT_EQ((*it)[1], topup_cell);
      EXPECT_EQ((*it)[2], "\xE2\x80\x94");
      EXPECT_EQ((*it)[6], topup_cell);
    }
  }
}

// A "montant estimé" finding (checks.cpp: ObjectKind::Amount) opens Financement on its Montants
// tab even when the user had left another Financement tab open (here « Comparer les catalogues »),
// and the line it names is the one scrolled to.
TEST(FundingTable, EstimatedAmountFindingOpensTheAmountsTab) {
  set_language(Lang::Fr);
  bool tried = false;
  for (const std::string& id : sample_ids()) {
    UiDriver ui({.sample = id, .panel = "financement"}, ImVec2(1400, 2000));
    const auto& findings = ui.state().doc.derived.findings;
    // The finding's mark: Vérification numbers the findings it draws in severity order.
    int n = 0, target = -1;
    for (Severity sev : {Severity::Blocking, Severity::Warning, Severity::Info})
      for (const Finding& f : findings)
        if (f.severity == sev) {
          if (target < 0 && f.ref.kind == ObjectKind::Amount) target = n;
          ++n;
        }
    if (target < 0) continue;
    SCOPED_TRACE(id);
    tried = true;
    ASSERT_TRUE(ui.click("fin.tab_compare"));  // another Financement tab first
    ui.frames(2);
    ASSERT_TRUE(ui.visible("fin.compare.catalogue")) << "the comparison tab is open";
    EXPECT_FALSE(ui.visible("fin.amounts"));
    ui.state().go(PanelId::Verification);
    ui.frames(2);
    ASSERT_TRUE(ui.click("verif.finding" + std::to_string(target)));
    EXPECT_EQ(ui.state().panel, PanelId::Financement);
    ui.frame();  // ImGui shows a tab selected by the program one frame after it was asked for
    EXPECT_TRUE(ui.visible("fin.amounts")) << "Montants is the tab shown";
    EXPECT_TRUE(ui.visible("fin.amount_target")) << "the named line is scrolled to";
    EXPECT_FALSE(ui.visible("fin.compare.catalogue"));
    // Still the tab shown once the jump is over (the user stays there).
    ui.frames(5);
    EXPECT_TRUE(ui.visible("fin.amounts"));
    break;
  }
  EXPECT_TRUE(tried) << "no sample has an estimated amount in use: pick or make one";
}
