// Issue #14 items 1, 2, 3 and 7 through the real UI, as a user would: sliders dragged with the
// mouse and released, a paragraph typed into a field narrower than it, two workshop groups added
// in a row, Tab through a commune row, dates typed the short way; and the per-panel states that
// must not carry one document's search or selection into the next one.
#include <gtest/gtest.h>

#include <imgui_internal.h>

#include <algorithm>

#include "i18n.hpp"
#include "io/project_json.hpp"
#include "io/samples.hpp"
#include "soft_wrap.hpp"
#include "ui_driver.hpp"
#include "widgets.hpp"

using namespace cpts;
using namespace cpts::ui;
using cpts::ui::testing::UiDriver;

namespace {

// Where ImGui's SliderInt puts `value` of [min, max] in a frame starting at x0 and `frame_w`
// wide (imgui_widgets.cpp, SliderBehaviorT: 2 px of padding each side, a grab at least
// GrabMinSize wide, the value at the grab's centre).
float slider_x(float x0, float frame_w, int value, int min, int max) {
  const float pad = 2.0f, slider = frame_w - pad * 2;
  const float grab = std::min(std::max(slider / static_cast<float>(max - min + 1), ImGui::GetStyle().GrabMinSize), slider);
  return x0 + pad + grab / 2 + (slider - grab) * static_cast<float>(value - min) / static_cast<float>(max - min);
}

ImVec2 centre_y(const ItemRect& r, float x) { return ImVec2(x, r.y + r.h / 2); }

bool overlap(const ItemRect& a, const ItemRect& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

Project with_candidates(std::size_t n) {
  Project p = *load_project(sample_text("cpts-centre-saone-et-loire")).project;
  p.candidates.clear();
  const char* titles[] = {"Zèbre", "Arbre", "Maison"};  // not in alphabetical order
  for (std::size_t i = 0; i < n; ++i) p.candidates.push_back({"C" + std::to_string(i + 1), "acces", titles[i % 3], "", {}});
  return p;
}

}  // namespace

// ---- Item 1: sliders keep what the hand did ----------------------------------------------------

TEST(UiControls, ScenarioHypothesisSliderKeepsTheDraggedValueWithOneUndoStep) {
  History::set_strict(true);
  UiDriver ui({.sample = "cpts-21-52", .panel = "indicateurs"}, ImVec2(1400, 4000));
  ui.state().sel_indicator = "I1";
  ui.frames(2);
  ASSERT_DOUBLE_EQ(ui.project().find_indicator("I1")->assumptions.pessimistic, 0.5);
  ASSERT_TRUE(ui.visible("indicator.assumption.pessimistic"));
  ItemRect r = ui.rect("indicator.assumption.pessimistic");
  const float frame_w = 9 * ImGui::GetFontSize();  // SetNextItemWidth(em(9)); the label follows
  const std::uint64_t before = ui.state().doc.history.revision();
  // From 50 % down to 13 % ("Pessimiste" dragged to 13 %, the case).
  ui.drag(centre_y(r, slider_x(r.x, frame_w, 50, 0, 100)), centre_y(r, slider_x(r.x, frame_w, 13, 0, 100)), [&] {
    // Still held: nothing committed yet (one edit per release, not one per frame).
    EXPECT_EQ(ui.state().doc.history.revision(), before);
  });
  EXPECT_FALSE(overlap(ui.rect("indicator.assumption.pessimistic.digits"), ui.rect("indicator.assumption.pessimistic.grab")));
  const Assumptions& as = ui.project().find_indicator("I1")->assumptions;
  EXPECT_DOUBLE_EQ(as.pessimistic, 0.13);  // kept after the release: 13 / 100
  EXPECT_DOUBLE_EQ(as.realistic, 0.8);     // the others untouched
  EXPECT_DOUBLE_EQ(as.optimistic, 1.0);
  ui.frames(3);                            // and still kept frames later (no snap back)
  EXPECT_DOUBLE_EQ(ui.project().find_indicator("I1")->assumptions.pessimistic, 0.13);
  ui.key(ImGuiKey_Z, true);                // one undo step back to 50 %
  EXPECT_DOUBLE_EQ(ui.project().find_indicator("I1")->assumptions.pessimistic, 0.5);
  EXPECT_FALSE(ui.state().doc.history.can_undo());
}

TEST(UiControls, WorkshopRatingSlidersKeepTheDraggedScore) {
  History::set_strict(true);
  UiDriver ui({.panel = "atelier"}, ImVec2(1400, 1400));
  Project p = with_candidates(2);
  for (Candidate& c : p.candidates) c.ratings = {{"Médecins"}};
  ui.state().doc.load(std::move(p), "atelier.json");
  ui.state().go(PanelId::Atelier);
  ui.frames(3);
  ASSERT_TRUE(ui.visible("atelier.impact.C2.Médecins"));
  ItemRect r = ui.rect("atelier.impact.C2.Médecins");  // the frame is the whole item (no label)
  ui.drag(centre_y(r, slider_x(r.x, r.w, 0, 0, 5)), centre_y(r, slider_x(r.x, r.w, 4, 0, 5)));
  EXPECT_EQ(ui.project().candidates[1].ratings[0].impact, 4);
  r = ui.rect("atelier.feasibility.C2.Médecins");
  ui.drag(centre_y(r, slider_x(r.x, r.w, 0, 0, 5)), centre_y(r, slider_x(r.x, r.w, 3, 0, 5)));
  EXPECT_EQ(ui.project().candidates[1].ratings[0].feasibility, 3);
  EXPECT_EQ(ui.project().candidates[1].ratings[0].impact, 4);
  // At every value the handle leaves its digits readable (issue #14 item 6: handles covered them).
  for (int value : {5, 0, 1, 2, 3, 4}) {
    r = ui.rect("atelier.feasibility.C1.Médecins");
    ui.drag(centre_y(r, slider_x(r.x, r.w, value == 0 ? 5 : 0, 0, 5)), centre_y(r, slider_x(r.x, r.w, value, 0, 5)));
    EXPECT_EQ(ui.project().candidates[0].ratings[0].feasibility, value);
    EXPECT_FALSE(overlap(ui.rect("atelier.feasibility.C1.Médecins.digits"), ui.rect("atelier.feasibility.C1.Médecins.grab"))) << value;
    EXPECT_LE(ui.rect("atelier.feasibility.C1.Médecins.digits").x + ui.rect("atelier.feasibility.C1.Médecins.digits").w, r.x + r.w) << value;
  }
  for (int k = 0; k < 6; ++k) ui.key(ImGuiKey_Z, true);  // back to C2's two edits
  ASSERT_EQ(ui.project().candidates[0].ratings[0].feasibility, 0);
  ui.key(ImGuiKey_Z, true);  // two releases, two undo steps
  EXPECT_EQ(ui.project().candidates[1].ratings[0].feasibility, 0);
  EXPECT_EQ(ui.project().candidates[1].ratings[0].impact, 4);
  ui.key(ImGuiKey_Z, true);
  EXPECT_EQ(ui.project().candidates[1].ratings[0].impact, 0);
}

// ---- Item 2: long texts wrap ---------------------------------------------------------------------

TEST(UiControls, AParagraphTypedIntoTheObjectiveWrapsAndIsStoredAsTyped) {
  History::set_strict(true);
  UiDriver ui({.sample = "cpts-21-52", .panel = "missions"}, ImVec2(1000, 1800));
  ui.state().sel_mission = ui.project().find_action("A1")->mission;
  ui.state().sel_action = "A1";
  ui.frames(2);
  ASSERT_TRUE(ui.visible("action.objective"));
  const ItemRect field = ui.rect("action.objective");
  // About 480 characters: several times the field's width at 17 px.
  const std::string paragraph =
      "Organiser des consultations non programmées chaque samedi matin dans trois maisons de santé du territoire, "
      "avec un planning partagé entre médecins généralistes, infirmiers et pharmaciens, afin que les patients sans "
      "médecin traitant trouvent une réponse le jour même sans passer par les urgences de l’hôpital ; "
      "le bilan trimestriel compte les passages, les réorientations et les délais d’attente observés.";
  ASSERT_GT(ImGui::CalcTextSize(paragraph.c_str()).x, 3 * field.w);
  ASSERT_TRUE(ui.click("action.objective"));
  ui.key(ImGuiKey_A, true);
  ui.key(ImGuiKey_Delete);
  ui.type(paragraph);
  ui.frame();
  // While typing: the edit buffer holds soft breaks (several visual lines) and never scrolls sideways.
  ImGuiInputTextState* st = ImGui::GetInputTextState(ImGui::GetActiveID());
  ASSERT_NE(st, nullptr);
  std::string shown(st->TextA.Data, static_cast<std::size_t>(st->CurLenA));
  const long lines = std::count(shown.begin(), shown.end(), '\n') + 1;
  EXPECT_GT(lines, 3) << shown;
  EXPECT_EQ(st->ScrollX, 0.0f);
  EXPECT_EQ(widgets::soft_unwrap(shown), paragraph);
  // Each visual line fits the field.
  std::size_t from = 0;
  while (from <= shown.size()) {
    std::size_t to = shown.find('\n', from);
    std::string one = shown.substr(from, to == std::string::npos ? std::string::npos : to - from);
    EXPECT_LE(ImGui::CalcTextSize(one.c_str()).x, field.w) << one;
    if (to == std::string::npos) break;
    from = to + 1;
  }
  // Validate (click elsewhere): the project stores exactly the text typed, no inserted newline.
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(4, io.DisplaySize.y - 4);
  ui.frame();
  io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
  ui.frame();
  io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
  ui.frames(2);
  EXPECT_EQ(ui.project().find_action("A1")->objective, paragraph);
  ui.key(ImGuiKey_Z, true);  // one undo step for the whole paragraph
  EXPECT_NE(ui.project().find_action("A1")->objective, paragraph);
}

TEST(UiControls, SoftWrapRoundTripsAndKeepsTypedNewlines) {
  UiDriver ui;  // a context with the app's font
  const std::string text = "Premier paragraphe assez long pour être coupé en plusieurs lignes visibles.\nSecond : court.";
  ImGui::NewFrame();
  std::string wrapped = widgets::soft_wrap(text, ImGui::GetFont(), ImGui::GetFontSize(), 120);
  ImGui::EndFrame();
  EXPECT_GT(std::count(wrapped.begin(), wrapped.end(), '\r'), 1);
  EXPECT_EQ(widgets::soft_unwrap(wrapped), text);
  // The typed newline stays a hard one (no '\r' before it).
  EXPECT_NE(wrapped.find(".\nSecond"), std::string::npos);
  // Offsets map both ways: the 'S' of "Second" is at the same place of the text.
  const int s_plain = static_cast<int>(text.find("Second"));
  const int s_wrapped = widgets::wrapped_offset(wrapped, s_plain);
  EXPECT_EQ(wrapped.substr(static_cast<std::size_t>(s_wrapped), 6), "Second");
  EXPECT_EQ(widgets::unwrapped_offset(wrapped, s_wrapped), s_plain);
  // A file's "\r\n" is not mistaken for soft breaks: such text is left as it is.
  EXPECT_EQ(widgets::soft_wrap("a\r\nb", ImGui::GetFont(), 17, 5), "a\r\nb");
}

// ---- Item 3: Atelier -----------------------------------------------------------------------------

TEST(UiControls, WorkshopGroupsAddedTwiceInARowByButtonThenByEnter) {
  History::set_strict(true);
  UiDriver ui({.panel = "atelier"}, ImVec2(1400, 1400));
  ui.state().doc.load(with_candidates(3), "atelier.json");
  ui.state().go(PanelId::Atelier);
  ui.frames(3);
  auto groups = [&] {
    std::vector<std::string> g;
    for (const Rating& r : ui.project().candidates[0].ratings) g.push_back(r.group);
    return g;
  };
  // Click, type, « Ajouter ce groupe »; then at once a second time.
  ASSERT_TRUE(ui.click("atelier.group"));
  ui.type("Médecins");
  ASSERT_TRUE(ui.click("atelier.add_group"));
  EXPECT_EQ(groups(), (std::vector<std::string>{"Médecins"}));
  EXPECT_TRUE(ui.state().panels.atelier.new_group.empty());
  ASSERT_TRUE(ui.click("atelier.group"));
  ui.type("Élus");
  EXPECT_EQ(ui.state().panels.atelier.new_group, "Élus");  // the click was taken, the text kept
  ASSERT_TRUE(ui.click("atelier.add_group"));
  EXPECT_EQ(groups(), (std::vector<std::string>{"Médecins", "Élus"}));
  // Enter adds a group too, and leaves the field ready for the next one.
  ASSERT_TRUE(ui.click("atelier.group"));
  ui.type("Pharmaciens");
  ui.key(ImGuiKey_Enter);
  EXPECT_EQ(groups(), (std::vector<std::string>{"Médecins", "Élus", "Pharmaciens"}));
  ui.type("Infirmiers");
  ui.key(ImGuiKey_Enter);
  EXPECT_EQ(groups(), (std::vector<std::string>{"Médecins", "Élus", "Pharmaciens", "Infirmiers"}));
  for (const Candidate& c : ui.project().candidates) EXPECT_EQ(c.ratings.size(), 4u);
}

TEST(UiControls, WorkshopFitsA1080pScreenAt200PercentAndItsLabelsStayClear) {
  // 1920×1080 at 200 %: about 960 × 480 CSS pixels under the browser's bars.
  UiDriver ui({.panel = "atelier"}, ImVec2(960, 480));
  Project p = with_candidates(3);
  for (Candidate& c : p.candidates) c.ratings = {{"Médecins"}, {"Élus"}};
  // Every corner of the matrix used, the top right one (5, 5) under « À prioriser ».
  p.candidates[0].ratings[0] = {"Médecins", 5, 5, 0};
  p.candidates[1].ratings[0] = {"Médecins", 5, 1, 0};
  p.candidates[2].ratings[0] = {"Médecins", 1, 5, 0};
  ui.state().doc.load(std::move(p), "atelier.json");
  ui.state().go(PanelId::Atelier);
  ui.frames(3);
  ASSERT_TRUE(ui.visible("atelier.matrix"));
  const ItemRect panel = ui.rect("panel"), matrix = ui.rect("atelier.matrix"), table = ui.rect("atelier.candidates");
  // The table does not overflow the panel; the matrix is on screen without scrolling.
  EXPECT_LE(table.x + table.w, panel.x + panel.w + 1);
  EXPECT_LE(matrix.y + matrix.h, panel.y + panel.h);
  EXPECT_LE(matrix.x + matrix.w, panel.x + panel.w + 1);
  EXPECT_GE(matrix.h, 8 * ImGui::GetFontSize());  // still a readable chart
  // "Impact ↑" clear of the axis digits, and no point on « À prioriser ».
  EXPECT_FALSE(overlap(ui.rect("atelier.matrix.impact_label"), ui.rect("atelier.matrix.digit5")));
  const ItemRect prio = ui.rect("atelier.matrix.priority_label");
  for (int rank = 1; rank <= 3; ++rank) {
    ASSERT_TRUE(ui.visible("atelier.matrix.point." + std::to_string(rank)));
    EXPECT_FALSE(overlap(ui.rect("atelier.matrix.point." + std::to_string(rank)), prio)) << rank;
  }
}

TEST(UiControls, UnratedCandidatesRankOneTwoThreeDownTheTable) {
  UiDriver ui({.panel = "atelier"}, ImVec2(1400, 1400));
  ui.state().doc.load(with_candidates(3), "atelier.json");
  ui.state().go(PanelId::Atelier);
  ui.frames(3);
  auto ranked = rank_candidates(ui.project());
  ASSERT_EQ(ranked.size(), 3u);
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_EQ(ranked[k].index, k);  // "Zèbre", "Arbre", "Maison": list order, not alphabetical
    EXPECT_TRUE(ranked[k].tied);
    EXPECT_TRUE(ui.visible("atelier.rank." + std::to_string(k)));
  }
}

// ---- Item 7: forms and keyboard ------------------------------------------------------------------

TEST(UiControls, WelcomeCommuneRowsTakeTheFocusAndTabSkipsDeletion) {
  UiDriver ui({}, ImVec2(1366, 768));
  ASSERT_TRUE(ui.visible("welcome.add_commune"));
  // Fourteen rows, each typed right after « Ajouter une commune »: the new row has the keyboard
  // and the button stays on screen below it.
  for (int i = 0; i < 14; ++i) {
    ASSERT_TRUE(ui.click("welcome.add_commune")) << i;
    ui.frames(2);
    ui.type(std::to_string(71000 + i));
    ui.key(ImGuiKey_Tab);
    const ItemRect add = ui.rect("welcome.add_commune");
    EXPECT_LE(add.y + add.h, 768.0f) << "row " << i;
  }
  ASSERT_EQ(ui.state().draft.communes.size(), 14u);
  EXPECT_EQ(ui.state().draft.communes[0].insee, "71000");
  EXPECT_EQ(ui.state().draft.communes[13].insee, "71013");
  // A Dépt column: "Saône-et-Loire" typed is understood as 71.
  ASSERT_TRUE(ui.fill("welcome.dep12", "Saône-et-Loire"));
  EXPECT_EQ(ui.state().draft.communes[12].department, "71");
  // Tab from row 12's population lands on row 13's INSEE code, not on « Suppr. »; Enter there
  // deletes nothing.
  ASSERT_TRUE(ui.fill("welcome.population12", "1 250"));
  EXPECT_EQ(ui.state().draft.communes[12].population, 1250);
  ASSERT_TRUE(ui.click("welcome.population12"));
  ui.key(ImGuiKey_Tab);
  const ImGuiID active = ImGui::GetActiveID();
  ImGuiInputTextState* st = ImGui::GetInputTextState(active);
  ASSERT_NE(st, nullptr);  // a text field has the keyboard, not a button
  EXPECT_EQ(std::string(st->TextA.Data, static_cast<std::size_t>(st->CurLenA)), "71013");
  ui.key(ImGuiKey_Enter);
  ui.key(ImGuiKey_Enter);
  EXPECT_EQ(ui.state().draft.communes.size(), 14u);
  // A click still deletes.
  ASSERT_TRUE(ui.click("welcome.delete13"));
  EXPECT_EQ(ui.state().draft.communes.size(), 13u);
}

TEST(UiControls, ShortAndIsoDatesAreAcceptedAndShownNormalised) {
  UiDriver ui;
  ASSERT_TRUE(ui.fill("welcome.signature", "18/10/22"));
  EXPECT_EQ(ui.state().draft.signature, (Date{2022, 10, 18}));
  EXPECT_EQ(widgets::invalid_field_count(), 0u);
  ASSERT_TRUE(ui.fill("welcome.signature", "2023-01-15"));
  EXPECT_EQ(ui.state().draft.signature, (Date{2023, 1, 15}));
  // 31/02/2023 is refused with its own reason (February 2023 has 28 days), not the format's.
  ASSERT_TRUE(ui.fill("welcome.signature", "31/02/2023"));
  EXPECT_EQ(ui.state().draft.signature, (Date{2023, 1, 15}));
  EXPECT_EQ(widgets::invalid_field_count(), 1u);
  const std::string nonexistent = TF("error.date_no_such_day", 2, 2023, 28);
  EXPECT_NE(nonexistent, T("error.date"));
  EXPECT_NE(nonexistent.find("02/2023"), std::string::npos);
  ui.key(ImGuiKey_Escape);
}

// ---- Per-panel state: nothing of one document in the next ---------------------------------------

TEST(UiControls, OpeningAnotherDocumentStartsThePanelsAfresh) {
  UiDriver ui({.sample = "cpts-21-52", .panel = "indicateurs"}, ImVec2(1400, 1400));
  // Document 1: a search in Indicateurs, an indicator selected, a group name half typed in Atelier.
  ui.state().panels.indicateurs.filter = ui.project().find_indicator("I2")->label;
  ui.state().sel_indicator = "I2";
  ui.state().panels.atelier.new_group = "Élus du nord";
  ui.state().panels.territoire.view.filter = "Dijon";
  ui.frames(2);
  ASSERT_FALSE(ui.state().panels.indicateurs.rows.empty());  // the search found I2 (and few others)
  ASSERT_LT(ui.state().panels.indicateurs.rows.size(), ui.project().indicators.size());
  ASSERT_TRUE(ui.app().open_text(save_project(*load_project(sample_text("cpts-centre-saone-et-loire")).project), "autre.json"));
  ui.frames(2);
  // Document 2 shows none of it.
  EXPECT_EQ(ui.project().identity.name, load_project(sample_text("cpts-centre-saone-et-loire")).project->identity.name);
  EXPECT_TRUE(ui.state().panels.indicateurs.filter.empty());
  EXPECT_NE(ui.state().sel_indicator, "I2");  // (the panel may pick document 2's first one)
  EXPECT_TRUE(ui.state().panels.atelier.new_group.empty());
  EXPECT_TRUE(ui.state().panels.territoire.view.filter.empty());
  // The Indicateurs table lists document 2's indicators, all of them.
  ui.state().go(PanelId::Indicateurs);
  ui.frames(2);
  EXPECT_EQ(ui.state().panels.indicateurs.rows.size(), ui.project().indicators.size());
}
