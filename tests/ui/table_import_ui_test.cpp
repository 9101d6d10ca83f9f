// Pasting and importing tables in the UI (issue #16): Ctrl+V of a 34-row commune table over
// Territoire, a 40-indicator contract annex over Indicateurs (tiers in one cell, mission as a
// column) and the same annex as a ';' CSV file from Fichier → Importer un tableau… (mission as
// section rows, tiers in columns), also pasted; « Appliquer » makes one undo step; a refused paste changes nothing.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "fake_platform.hpp"
#include "io/project_json.hpp"
#include "rules/catalogue.hpp"
#include "ui_driver.hpp"

using namespace cpts;
using namespace cpts::ui;
using cpts::ui::testing::UiDriver;

namespace {

std::string data(const std::string& name) {
  std::ifstream in(std::string(CPTS_SOURCE_DIR) + "/tests/data/" + name, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void open_empty_project(UiDriver& ui, PanelId panel) {
  platform::fake::reset();
  ui.state().doc.load(new_project("CPTS essai", Date{2022, 10, 18}, *find_catalogue(kDefaultCatalogue)), "essai.json");
  ui.state().go(panel);
  ui.frames(3);
}

void paste(UiDriver& ui, const std::string& text) {
  ImGui::SetClipboardText(text.c_str());
  ui.key(ImGuiKey_V, /*ctrl=*/true);
}

}  // namespace

TEST(UiTables, PasteThirtyFourCommunesThenOneUndo) {
  UiDriver ui;
  open_empty_project(ui, PanelId::Territoire);
  const std::string before = save_project(ui.project());
  paste(ui, data("tables/communes-centre-saone-et-loire.tsv"));
  ASSERT_TRUE(ui.state().pending_table.has_value());
  ASSERT_TRUE(ui.visible("modal.table_import.apply"));
  EXPECT_EQ(ui.state().pending_table->preview.created, 34u);
  ASSERT_TRUE(ui.click("modal.table_import.apply"));
  EXPECT_FALSE(ui.state().pending_table.has_value());
  ASSERT_EQ(ui.project().territory.communes.size(), 34u);
  EXPECT_EQ(ui.project().territory.total_population(), 90346);  // the sample's 90 346 inhabitants
  EXPECT_EQ(ui.state().doc.derived.ceiling.taille, 3);           // from 80 000 inhabitants
  ui.key(ImGuiKey_Z, /*ctrl=*/true);
  EXPECT_EQ(save_project(ui.project()), before);
}

TEST(UiTables, AnotherProjectOpenedDropsThePendingPreview) {
  // The preview was matched against the project it was pasted over: a project opened meanwhile
  // (a file dropped on the page, a version reopened) must not receive it.
  UiDriver ui;
  open_empty_project(ui, PanelId::Territoire);
  paste(ui, data("tables/communes-centre-saone-et-loire.tsv"));
  ASSERT_TRUE(ui.state().pending_table.has_value());
  ui.state().doc.load(new_project("CPTS autre", Date{2023, 1, 2}, *find_catalogue(kDefaultCatalogue)), "autre.json");
  ui.frames(2);
  EXPECT_FALSE(ui.state().pending_table.has_value());
  EXPECT_FALSE(ui.visible("modal.table_import.apply"));
  EXPECT_TRUE(ui.project().territory.communes.empty());
}

TEST(UiTables, PasteAnnexTiersInOneCellThenUndo) {
  UiDriver ui;
  open_empty_project(ui, PanelId::Indicateurs);
  const std::string before = save_project(ui.project());
  paste(ui, data("tables/annexe-paliers-une-cellule.tsv"));
  ASSERT_TRUE(ui.state().pending_table.has_value());
  EXPECT_EQ(ui.state().pending_table->kind, tables::TableKind::Indicators);
  ASSERT_TRUE(ui.click("modal.table_import.apply"));
  EXPECT_EQ(ui.project().indicators.size(), 40u);
  EXPECT_EQ(ui.project().actions.size(), 16u);
  std::size_t tiers = 0;
  for (const Indicator& ind : ui.project().indicators) tiers += ind.tiers.size();
  EXPECT_EQ(tiers, 52u);
  ui.key(ImGuiKey_Z, /*ctrl=*/true);
  EXPECT_EQ(save_project(ui.project()), before);
}

TEST(UiTables, ImportAnnexCsvFileMissionRowsTiersInColumns) {
  UiDriver ui;
  open_empty_project(ui, PanelId::Indicateurs);
  platform::fake::set_file_picker(true);
  ASSERT_TRUE(ui.click("menu.file"));
  ASSERT_TRUE(ui.click("menu.file.import_table"));
  EXPECT_EQ(platform::fake::picks(), 1);
  platform::fake::hand_over({"annexe.csv", data("tables/annexe-paliers-en-colonnes.csv"), ""});
  ui.frames(3);
  ASSERT_TRUE(ui.state().pending_table.has_value());
  ASSERT_TRUE(ui.click("modal.table_import.apply"));
  EXPECT_EQ(ui.project().indicators.size(), 40u);
  EXPECT_EQ(ui.project().actions.size(), 16u);
  // Prévention, top tiers: 3 × 3 500 + 3 000 + 1 500 + 2 000 + 2 000 + 3 000 = 22 000 €.
  Cents prevention = 0;
  for (const Indicator& ind : ui.project().indicators)
    if (ui.project().find_action(ind.action)->mission == "prevention") prevention += ind.max_cents();
  EXPECT_EQ(prevention, euros(22000));
  EXPECT_TRUE(ui.state().doc.history.can_undo());
}

// The second layout pasted too (as text copied from a ';' CSV: mission as section rows, tiers in
// threshold/amount columns): the same 40 indicators and 52 tiers, undone in one step.
TEST(UiTables, PasteAnnexMissionRowsTiersInColumnsThenUndo) {
  UiDriver ui;
  open_empty_project(ui, PanelId::Indicateurs);
  const std::string before = save_project(ui.project());
  paste(ui, data("tables/annexe-paliers-en-colonnes.csv"));
  ASSERT_TRUE(ui.state().pending_table.has_value());
  EXPECT_EQ(ui.state().pending_table->kind, tables::TableKind::Indicators);
  ASSERT_TRUE(ui.click("modal.table_import.apply"));
  EXPECT_EQ(ui.project().indicators.size(), 40u);
  EXPECT_EQ(ui.project().actions.size(), 16u);
  std::size_t tiers = 0;
  for (const Indicator& ind : ui.project().indicators) tiers += ind.tiers.size();
  EXPECT_EQ(tiers, 52u);
  ui.key(ImGuiKey_Z, /*ctrl=*/true);
  EXPECT_EQ(save_project(ui.project()), before);
}

TEST(UiTables, RefusedPasteChangesNothing) {
  UiDriver ui;
  open_empty_project(ui, PanelId::Territoire);
  const std::string before = save_project(ui.project());
  paste(ui, "Code INSEE\tCommune\tPopulation\n71306\tMâcon\tbeaucoup\n");
  ASSERT_TRUE(ui.state().pending_table.has_value());
  EXPECT_EQ(ui.state().pending_table->preview.refused, 1u);
  ASSERT_TRUE(ui.visible("modal.table_import.apply"));
  ui.click("modal.table_import.apply");  // disabled: nothing happens
  EXPECT_EQ(save_project(ui.project()), before);
  ASSERT_TRUE(ui.click("modal.table_import.cancel"));
  EXPECT_FALSE(ui.state().pending_table.has_value());
  EXPECT_FALSE(ui.state().doc.history.can_undo());
  // An empty clipboard: a preview that says so, nothing to apply.
  paste(ui, "");
  ASSERT_TRUE(ui.state().pending_table.has_value());
  EXPECT_FALSE(ui.state().pending_table->preview.can_apply());
  ui.key(ImGuiKey_Escape);
  EXPECT_EQ(save_project(ui.project()), before);
}
