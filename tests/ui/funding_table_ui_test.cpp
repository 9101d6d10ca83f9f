// Issue #14: the funding table is computed once in the core (engine/funding_table.hpp) and the
// three outputs print it: `cpts-cli simulate`, the projet de santé document and Financement →
// Années de contrat in the app. Before, the app folded the avenant-2 top-up into Fonctionnement and
// the documents dropped the catalogue's extra components. Also: findings that name an amount open
// Financement → Montants.
#include <imgui.h>
#include <imgui_internal.h>

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

// The text the app draws in one frame (Dear ImGui's log: every rendered text item, in order).
std::string frame_text(UiDriver& ui) {
  ui.app().prepare_frame(1.0f);
  ImGui::NewFrame();
  ImGui::LogToBuffer();
  ui.app().draw();
  std::string text = GImGui->LogBuffer.c_str();
  ImGui::LogFinish();
  ImGui::Render();
  return text;
}

}  // namespace

TEST(FundingTable, CliDocumentsAndAppPrintTheSameRows) {
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
    // The app: Financement, first tab (Années de contrat), tall enough that no row is clipped.
    UiDriver ui({.sample = id, .panel = "financement"}, ImVec2(1600, 6000));
    std::string app = frame_text(ui);
    std::size_t app_pos = app.find("Année 1");  // the table's header: figures above it are the summary's
    ASSERT_NE(app_pos, std::string::npos) << app.size() << " bytes logged: " << app.substr(0, 600);
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
      // App: the row's figures in order, after the previous row's.
      for (const std::string& c : cells) {
        std::size_t at = app.find(c, app_pos);
        ASSERT_NE(at, std::string::npos) << "cell " << c << " after offset " << app_pos << "\n" << app.substr(app_pos, 400);
        app_pos = at + c.size();
      }
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

// Issue #14 item 5: the "montant estimé" finding opens Financement → Montants, whichever tab of
// Financement was open before, and shows the amount's line.
TEST(FundingTable, EstimatedAmountFindingOpensTheAmountsTab) {
  // A sample that relies on an estimated catalogue amount (the shipped catalogue's estimated cells).
  std::string id;
  for (const std::string& s : sample_ids()) {
    for (const Finding& f : check_project(sample(s)))
      if (f.code == "montant_estime") id = s;
    if (!id.empty()) break;
  }
  ASSERT_FALSE(id.empty());
  UiDriver ui({.sample = id, .panel = "financement"}, ImVec2(1600, 6000));
  const auto& findings = ui.state().doc.derived.findings;
  auto it = std::find_if(findings.begin(), findings.end(), [](const Finding& f) { return f.code == "montant_estime"; });
  ASSERT_NE(it, findings.end());
  ui.frames(2);
  EXPECT_FALSE(ui.visible("fin.amounts"));  // Années de contrat is open
  ui.state().go(PanelId::Verification);
  ui.frames(2);
  ASSERT_TRUE(ui.click("verif.finding" + std::to_string(it - findings.begin())));
  EXPECT_EQ(ui.state().panel, PanelId::Financement);
  EXPECT_TRUE(ui.visible("fin.amounts"));
  // The tab stays open afterwards (the user's choice again once the jump is over).
  ui.frames(30);
  EXPECT_TRUE(ui.visible("fin.amounts"));
}
