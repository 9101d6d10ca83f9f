// The official list of communes in the UI (issue #15): search as you type in the Nouveau projet
// form with the keyboard alone, a commune refused when already there, a whole intercommunalité in
// Territoire with its preview and one undo step; and the message when the list cannot be had.
#include <gtest/gtest.h>

#include "communes_source.hpp"
#include "ui_driver.hpp"

using namespace cpts;
using namespace cpts::ui;
using cpts::ui::testing::UiDriver;

namespace {
void type(UiDriver& ui, const char* text) {
  ImGui::GetIO().AddInputCharactersUTF8(text);
  ui.frames(2);
}
}  // namespace

TEST(UiCommunes, SearchAddFromTheKeyboardThenAnIntercommunalite) {
  communes::reset();
  UiDriver ui;
  ASSERT_TRUE(ui.fill("welcome.name", "CPTS du Creusot"));
  ASSERT_TRUE(ui.fill("welcome.signature", "15/01/2025"));
  // "creusot": one result, Le Creusot (71), 20 509 inhabitants; Enter adds it.
  ASSERT_TRUE(ui.click("welcome.communes_search"));
  type(ui, "creusot");
  ASSERT_TRUE(ui.visible("welcome.communes_search.0"));
  EXPECT_FALSE(ui.visible("welcome.communes_search.1"));
  ui.key(ImGuiKey_Enter);
  ASSERT_EQ(ui.state().draft.communes.size(), 1u);
  EXPECT_EQ(ui.state().draft.communes[0].insee, "71153");
  EXPECT_EQ(ui.state().draft.communes[0].population, 20509);
  // The field keeps the keyboard: "st martin", ↓ to the second Saint-Martin (65, 436 inh.), Enter.
  type(ui, "st martin");
  ui.key(ImGuiKey_DownArrow);
  ui.key(ImGuiKey_Enter);
  ASSERT_EQ(ui.state().draft.communes.size(), 2u);
  EXPECT_EQ(ui.state().draft.communes[1].insee, "65392");
  // Le Creusot again: refused.
  type(ui, "creusot");
  ui.key(ImGuiKey_Enter);
  EXPECT_EQ(ui.state().draft.communes.size(), 2u);
  ASSERT_TRUE(ui.click("welcome.create"));
  ASSERT_TRUE(ui.state().doc.open);
  EXPECT_EQ(ui.project().territory.total_population(), 20509 + 436);
  EXPECT_EQ(ui.project().territory.population_source, "population municipale 2023 (INSEE), découpage administratif 2026");

  // Territoire: the CU Le Creusot Montceau-les-Mines by its SIREN; Le Creusot is already there.
  ui.state().go(PanelId::Territoire);
  ui.frames(2);
  ASSERT_TRUE(ui.click("territoire.epci_toggle"));
  ASSERT_TRUE(ui.fill("territoire.epci", "247100290"));
  ASSERT_TRUE(ui.click("territoire.epci.0"));
  ASSERT_TRUE(ui.visible("territoire.epci_preview"));
  ASSERT_TRUE(ui.click("territoire.epci_apply"));
  EXPECT_EQ(ui.project().territory.communes.size(), 2u + 33u);
  // 90 346 + Saint-Martin's 436 = 90 782: taille 3 (from 80 000).
  EXPECT_EQ(ui.state().doc.derived.ceiling.population, 90782);
  EXPECT_EQ(ui.state().doc.derived.ceiling.taille, 3);
  ui.key(ImGuiKey_Z, true);  // one undo step for the 33 communes
  EXPECT_EQ(ui.project().territory.communes.size(), 2u);

  // Mettre à jour les populations: nothing to change, the preview says so.
  ASSERT_TRUE(ui.click("territoire.update_populations"));
  EXPECT_TRUE(ui.visible("territoire.update_preview"));
}

TEST(UiCommunes, WithoutTheListThePickerSaysSoAndManualEntryWorks) {
  communes::reset();
  communes::load_bytes("", "HTTP 404");
  UiDriver ui;
  ASSERT_TRUE(ui.click("welcome.communes_search"));
  type(ui, "creusot");
  EXPECT_TRUE(ui.visible("communes.error"));
  ASSERT_TRUE(ui.click("welcome.add_commune"));
  ASSERT_TRUE(ui.fill("welcome.population0", "12 000"));
  EXPECT_EQ(ui.state().draft.communes.size(), 1u);
  EXPECT_EQ(ui.state().draft.communes[0].population, 12000);
  communes::reset();
}

// A unit typed by hand carries its own population source, typed in the Territoire table (issue #15).
TEST(UiCommunes, EachRowsPopulationSourceIsEditable) {
  UiDriver ui({.sample = "cpts-centre-saone-et-loire", .panel = "territoire"}, ImVec2(1400, 2600));  // all 35 rows in view
  ASSERT_TRUE(ui.click("territoire.add"));
  const std::size_t last = ui.project().territory.communes.size() - 1;
  const std::string id = "territoire.source." + std::to_string(last);
  ASSERT_TRUE(ui.fill(id.c_str(), "comptage de la CPTS, 2024"));
  EXPECT_EQ(ui.project().territory.communes[last].source, "comptage de la CPTS, 2024");
  EXPECT_EQ(ui.project().territory.communes[0].source, "");  // the others keep the territory's
  ui.key(ImGuiKey_Z, true);  // one undo step
  EXPECT_EQ(ui.project().territory.communes[last].source, "");
}
