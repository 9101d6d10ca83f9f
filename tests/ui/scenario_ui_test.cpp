// Issue #17 item 1 through the real UI: the one scenario choice (Financement or Budget) is an
// undoable edit of the project, and the Budget panel, the schedule and the exported documents then
// use the same figures.
#include <gtest/gtest.h>

#include "engine/budget.hpp"
#include "io/documents/documents.hpp"
#include "ui_driver.hpp"

using namespace cpts;
using namespace cpts::ui;
using cpts::ui::testing::UiDriver;

TEST(UiScenario, ChoosingRealisticChangesBudgetScheduleAndDocumentTogether) {
  History::set_strict(true);
  UiDriver ui({.sample = "cpts-centre-saone-et-loire", .panel = "budget"}, ImVec2(1400, 1200));
  EXPECT_EQ(ui.project().contract.scenario, Scenario::Ceiling);  // the sample's (and old files') default
  ASSERT_TRUE(ui.click("scenario.choice"));
  ASSERT_TRUE(ui.click("scenario.choice." + std::to_string(static_cast<int>(Scenario::Realistic))));
  ASSERT_EQ(ui.project().contract.scenario, Scenario::Realistic);
  const Derived& d = ui.state().doc.derived;
  FundingResult realistic = simulate(ui.project(), Scenario::Realistic);
  EXPECT_EQ(d.selected.scenario, Scenario::Realistic);
  EXPECT_EQ(d.selected.total(), realistic.total());
  EXPECT_LT(d.selected.total(), d.ceiling.total());  // not every indicator is reached
  auto budget = budget_by_year(ui.project(), realistic);
  for (int k = 0; k < kContractYears; ++k) EXPECT_EQ(d.budget[k].aci, budget[k].aci) << "année " << k + 1;
  // The exported projet de santé reads the same choice from the project.
  RenderedDocument doc = render_document(ui.project(), DocKind::ProjetDeSante, DocFormat::Html, 1, Date{2026, 11, 30});
  ASSERT_TRUE(doc.ok);
  EXPECT_NE(doc.bytes.find("Financement ACI (scénario réaliste)"), std::string::npos);
  ui.key(ImGuiKey_Z, true);  // one undo step
  EXPECT_EQ(ui.project().contract.scenario, Scenario::Ceiling);
  EXPECT_EQ(ui.state().doc.derived.selected.total(), ui.state().doc.derived.ceiling.total());
}
