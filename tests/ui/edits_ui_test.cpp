// Issue #13's scenarios through the real UI (row buttons, combo, fields): every edit keeps the
// project openable, the user is told what goes with a deletion or a catalogue switch, and a value
// the loader would refuse is shown with its message without being committed.
#include <gtest/gtest.h>

#include "io/project_json.hpp"
#include "ui_driver.hpp"
#include "widgets.hpp"

using namespace cpts;
using namespace cpts::ui;
using cpts::ui::testing::UiDriver;

namespace {
std::string confirmation_question(UiDriver& ui) {
  return ui.state().doc.confirmation ? ui.state().doc.confirmation->question : std::string();
}
}  // namespace

TEST(UiEdits, DeletingAProfessionalWithPaymentsAsksThenTakesThemInOneUndoStep) {
  History::set_strict(true);  // any edit that breaks a loader rule fails the test
  UiDriver ui({.sample = "cpts-21-52", .panel = "professionnels"}, ImVec2(1400, 1800));
  const std::string before = save_project(ui.project());
  const std::size_t pros = ui.project().professionals.size(), payments = ui.project().member_payments.size();
  ASSERT_EQ(ui.project().professionals[0].id, "P1");
  ASSERT_TRUE(ui.click("pros.row.0.delete"));
  // Nothing deleted yet: the question says what goes with the professional.
  EXPECT_EQ(ui.project().professionals.size(), pros);
  EXPECT_EQ(confirmation_question(ui), "Supprimer « Médecin généraliste A (exemple) » et ses 3 versements ?");
  ASSERT_TRUE(ui.visible("modal.confirm.question"));
  // Annuler: nothing changes.
  ASSERT_TRUE(ui.click("modal.confirm.cancel"));
  EXPECT_FALSE(ui.state().doc.confirmation);
  EXPECT_EQ(save_project(ui.project()), before);
  // Again, and confirm.
  ASSERT_TRUE(ui.click("pros.row.0.delete"));
  ASSERT_TRUE(ui.click("modal.confirm.ok"));
  EXPECT_EQ(ui.project().professionals.size(), pros - 1);
  EXPECT_EQ(ui.project().member_payments.size(), payments - 3);
  EXPECT_TRUE(validate_project(ui.project()).empty());
  ui.key(ImGuiKey_Z, true);  // one undo step brings the professional and the payments back
  EXPECT_EQ(save_project(ui.project()), before);
}

TEST(UiEdits, SwitchingANewProjectToAci2019ListsCriseAndStaysValid) {
  History::set_strict(true);
  UiDriver ui;
  ASSERT_TRUE(ui.fill("welcome.name", "CPTS test"));
  ASSERT_TRUE(ui.fill("welcome.signature", "15/01/2025"));
  ASSERT_TRUE(ui.click("welcome.add_commune"));
  ASSERT_TRUE(ui.fill("welcome.population0", "52 300"));
  ASSERT_TRUE(ui.click("welcome.create"));
  ASSERT_TRUE(ui.state().doc.open);
  ASSERT_TRUE(ui.project().find_mission("crise"));
  ui.state().go(PanelId::Projet);
  ui.frames(2);
  ASSERT_TRUE(ui.click("projet.catalogue"));
  const auto& cats = builtin_catalogues();
  std::size_t k = 0;
  while (k < cats.size() && cats[k].id != "aci-2019") ++k;
  ASSERT_LT(k, cats.size());
  ASSERT_TRUE(ui.click("projet.catalogue." + std::to_string(k)));
  ASSERT_TRUE(ui.state().doc.confirmation);
  EXPECT_EQ(ui.project().contract.catalogue, kDefaultCatalogue);  // not yet
  ASSERT_FALSE(ui.state().doc.confirmation->details.empty());
  EXPECT_EQ(ui.state().doc.confirmation->details[0], "missions : crise");
  ASSERT_TRUE(ui.click("modal.confirm.ok"));
  EXPECT_EQ(ui.project().contract.catalogue, "aci-2019");
  EXPECT_FALSE(ui.project().find_mission("crise"));
  EXPECT_TRUE(validate_project(ui.project()).empty());
}

TEST(UiEdits, AnInseeCodeTheLoaderRefusesIsShownNotCommitted) {
  History::set_strict(true);
  UiDriver ui({.sample = "cpts-centre-saone-et-loire", .panel = "territoire"});
  const std::string before = save_project(ui.project());
  const std::string insee = ui.project().territory.communes[0].insee;
  ASSERT_TRUE(ui.fill("territoire.insee.0", "ABC"));
  EXPECT_EQ(ui.project().territory.communes[0].insee, insee);  // not committed
  EXPECT_EQ(save_project(ui.project()), before);
  EXPECT_FALSE(ui.state().doc.history.can_undo());
  EXPECT_EQ(widgets::invalid_field_count(), 1u);  // the field keeps "ABC", red, with the message
  EXPECT_NE(ui.state().status.find("code INSEE de 5 caractères attendu"), std::string::npos) << ui.state().status;
  EXPECT_NE(ui.state().status.find("$.territory.communes[0].insee"), std::string::npos);
  // Escape gives the stored value back.
  ASSERT_TRUE(ui.click("territoire.insee.0"));
  ui.key(ImGuiKey_Escape);
  ui.frames(2);
  EXPECT_EQ(widgets::invalid_field_count(), 0u);
}

TEST(UiEdits, ADepartmentTypedAsItsNameIsCommittedAsItsCode) {
  History::set_strict(true);
  UiDriver ui({.sample = "cpts-centre-saone-et-loire", .panel = "territoire"});
  ASSERT_TRUE(ui.fill("territoire.dep.0", "Saône-et-Loire"));
  EXPECT_EQ(ui.project().territory.communes[0].department, "71");
  ASSERT_TRUE(ui.fill("territoire.dep.0", "saone et loire"));
  EXPECT_EQ(ui.project().territory.communes[0].department, "71");
  ASSERT_TRUE(ui.fill("territoire.dep.0", "7115"));  // half-typed: refused, nothing committed
  EXPECT_EQ(ui.project().territory.communes[0].department, "71");
  EXPECT_EQ(widgets::invalid_field_count(), 1u);
  ASSERT_TRUE(ui.click("territoire.dep.0"));
  ui.key(ImGuiKey_Escape);
  EXPECT_EQ(widgets::invalid_field_count(), 0u);
}
