// UI tests on a headless ImGui context: real clicks and keys on the real panels.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "i18n.hpp"
#include "io/json_reader.hpp"
#include "io/embedded_data.hpp"
#include "io/project_json.hpp"
#include "io/stress.hpp"
#include "ui_driver.hpp"
#include "widgets.hpp"
#include "edit/merge.hpp"

using namespace cpts;
using namespace cpts::ui;
using cpts::ui::testing::UiDriver;

TEST(Ui, CreateATaille2ProjectFromTheWelcomeScreen) {
  UiDriver ui;
  ASSERT_TRUE(ui.visible("welcome.name"));
  ASSERT_TRUE(ui.fill("welcome.name", "CPTS du Val de Saône"));
  ASSERT_TRUE(ui.fill("welcome.signature", "15/01/2025"));
  ASSERT_TRUE(ui.click("welcome.add_commune"));
  ASSERT_TRUE(ui.fill("welcome.population0", "52 300"));
  EXPECT_EQ(ui.state().draft.communes[0].population, 52300);
  ASSERT_TRUE(ui.click("welcome.create"));
  ASSERT_TRUE(ui.state().doc.open);
  const Project& p = ui.project();
  EXPECT_EQ(p.identity.name, "CPTS du Val de Saône");
  EXPECT_EQ(p.contract.signature, (Date{2025, 1, 15}));
  EXPECT_EQ(ui.state().doc.derived.ceiling.taille, 2);
  int socle = 0;
  for (const auto& m : p.missions) socle += m.chosen;
  EXPECT_EQ(socle, 4);  // accès, parcours, prévention, crise preselected
  EXPECT_EQ(ui.state().panel, PanelId::Missions);
}

TEST(Ui, TheRegularFaceIsTheFileTheDocumentFiguresUse) {
  // One DejaVu Sans file for the UI's text and the documents' figures (src/CMakeLists.txt): the web
  // page carries it once, and the Documents preview measures text as the documents do.
  UiDriver ui;
  const ImFont* regular = ImGui::GetIO().FontDefault;
  ASSERT_NE(regular, nullptr);
  ASSERT_NE(regular->ConfigData, nullptr);
  const std::string_view ttf = embedded_file("DejaVuSans-fr.ttf");
  ASSERT_EQ(regular->ConfigData->FontDataSize, static_cast<int>(ttf.size()));  // ImGui keeps its own copy
  EXPECT_EQ(std::string_view(static_cast<const char*>(regular->ConfigData->FontData), ttf.size()), ttf);
  EXPECT_NE(regular->FindGlyphNoFallback(0x20AC), nullptr);  // €
}

TEST(Ui, AddAnActionAndAnIndicatorThenUndoRedo) {
  UiDriver ui({.sample = "cpts-21-52", .panel = "missions"}, ImVec2(1400, 1800));  // the whole form in view
  ASSERT_TRUE(ui.state().doc.open);
  std::size_t actions = ui.project().actions.size(), indicators = ui.project().indicators.size();
  ASSERT_TRUE(ui.click("missions.add_action"));
  EXPECT_EQ(ui.project().actions.size(), actions + 1);
  EXPECT_EQ(ui.project().actions.back().mission, "acces");
  // The new action is selected: give it a title, then an indicator.
  ASSERT_TRUE(ui.fill("action.title", "Maison de santé mobile"));
  EXPECT_EQ(ui.project().actions.back().title, "Maison de santé mobile");
  ASSERT_TRUE(ui.click("action.add_indicator"));
  ASSERT_EQ(ui.project().indicators.size(), indicators + 1);
  EXPECT_EQ(ui.project().indicators.back().action, ui.project().actions.back().id);
  EXPECT_TRUE(ui.state().doc.history.dirty());
  // One undo step per finished edit: indicator, title, action.
  ui.key(ImGuiKey_Z, true);
  EXPECT_EQ(ui.project().indicators.size(), indicators);
  ui.key(ImGuiKey_Z, true);
  EXPECT_EQ(ui.project().actions.back().title, std::string(T("action.new")));
  ui.key(ImGuiKey_Z, true);
  EXPECT_EQ(ui.project().actions.size(), actions);
  EXPECT_FALSE(ui.state().doc.history.dirty());
  ui.key(ImGuiKey_Y, true);
  ui.key(ImGuiKey_Z, true, true);  // Ctrl+Shift+Z redoes too
  EXPECT_EQ(ui.project().actions.back().title, "Maison de santé mobile");
}

TEST(Ui, EditingFundingFieldsUpdatesTheEngineFigures) {
  UiDriver ui({.sample = "cpts-centre-saone-et-loire", .panel = "territoire"});
  Cents before = ui.state().doc.derived.ceiling.total();
  EXPECT_EQ(ui.state().doc.derived.ceiling.taille, 3);
  // Choosing the optional qualité mission adds its fixed and variable parts.
  ui.state().go(PanelId::Missions);
  ui.frames(2);
  ASSERT_TRUE(ui.click("missions.choose.qualite"));
  EXPECT_TRUE(ui.project().find_mission("qualite")->chosen);
  EXPECT_EQ(ui.state().doc.derived.ceiling.total(), before);  // no start date yet: no money
  EXPECT_GE(ui.state().doc.derived.findings.size(), 1u);
}

TEST(Ui, TiersAndBudgetLinesAreReorderedDuplicatedAndDeleted) {
  UiDriver ui({.sample = "cpts-21-52", .panel = "indicateurs"}, ImVec2(1400, 2400));  // the whole form in view
  ui.state().sel_indicator = "I1";  // socle, intermédiaire, objectif
  ui.frames(2);
  auto labels = [&] {
    std::vector<std::string> v;
    for (const Tier& t : ui.project().find_indicator("I1")->tiers) v.push_back(t.label);
    return v;
  };
  ASSERT_EQ(labels(), (std::vector<std::string>{"socle", "intermédiaire", "objectif"}));
  ASSERT_TRUE(ui.click("tier.0.down"));
  EXPECT_EQ(labels(), (std::vector<std::string>{"intermédiaire", "socle", "objectif"}));
  ASSERT_TRUE(ui.click("tier.2.up"));
  EXPECT_EQ(labels(), (std::vector<std::string>{"intermédiaire", "objectif", "socle"}));
  ASSERT_TRUE(ui.click("tier.1.duplicate"));
  EXPECT_EQ(labels(), (std::vector<std::string>{"intermédiaire", "objectif", "objectif", "socle"}));
  ASSERT_TRUE(ui.click("tier.0.delete"));
  EXPECT_EQ(labels(), (std::vector<std::string>{"objectif", "objectif", "socle"}));
  for (int i = 0; i < 4; ++i) ui.key(ImGuiKey_Z, true);  // one undo step each
  EXPECT_EQ(labels(), (std::vector<std::string>{"socle", "intermédiaire", "objectif"}));

  // The budget lines of a fiche-action (A1: year 1, then year 2).
  ui.state().go(PanelId::Missions);
  ui.state().sel_mission = ui.project().find_action("A1")->mission;
  ui.state().sel_action = "A1";
  ui.frames(2);
  auto years = [&] {
    std::vector<int> v;
    for (const BudgetLine& b : ui.project().find_action("A1")->budget) v.push_back(b.year);
    return v;
  };
  ASSERT_EQ(years(), (std::vector<int>{1, 2}));
  ASSERT_TRUE(ui.click("budget_line.1.up"));
  EXPECT_EQ(years(), (std::vector<int>{2, 1}));
  ASSERT_TRUE(ui.click("budget_line.0.duplicate"));
  EXPECT_EQ(years(), (std::vector<int>{2, 2, 1}));
  ASSERT_TRUE(ui.click("budget_line.2.delete"));
  EXPECT_EQ(years(), (std::vector<int>{2, 2}));
}

TEST(Ui, NarrowPanelsGiveEachRowOneMenuButton) {
  // 200 % in a 1300 px wide window: the ↑ ↓ Dupl. Suppr. buttons become one "…" menu per row.
  UiDriver ui({.zoom_percent = 200, .sample = "cpts-21-52", .panel = "indicateurs"}, ImVec2(1300, 4500));
  ui.state().sel_indicator = "I1";
  ui.frames(2);
  EXPECT_FALSE(ui.visible("tier.0.down"));
  ASSERT_TRUE(ui.click("tier.0.menu"));
  ASSERT_TRUE(ui.click("rowmenu.down"));
  EXPECT_EQ(ui.project().find_indicator("I1")->tiers[0].label, "intermédiaire");
  ASSERT_TRUE(ui.click("tier.2.menu"));
  ASSERT_TRUE(ui.click("rowmenu.duplicate"));
  EXPECT_EQ(ui.project().find_indicator("I1")->tiers.size(), 4u);
}

TEST(Ui, NarrowWindowListsThePanelsAboveTheContent) {
  UiDriver ui({.zoom_percent = 200, .sample = "cpts-21-52", .panel = "financement"}, ImVec2(1300, 900));
  EXPECT_FALSE(ui.visible("nav.panel.budget"));  // no sidebar: the panel has the whole width
  ASSERT_TRUE(ui.click("nav.combo"));
  ASSERT_TRUE(ui.click("nav.panel.budget"));
  EXPECT_EQ(ui.state().panel, PanelId::Budget);
}

TEST(Ui, InvalidEntryTurnsRedAndIsNotApplied) {
  UiDriver ui({.sample = "cpts-centre-saone-et-loire", .panel = "territoire"});
  long long before = ui.project().territory.communes[0].population;
  auto revision = ui.state().doc.history.revision();
  ASSERT_TRUE(ui.fill("territoire.pop.0", "douze mille"));
  EXPECT_EQ(ui.project().territory.communes[0].population, before);
  EXPECT_EQ(ui.state().doc.history.revision(), revision);  // nothing applied
  EXPECT_EQ(widgets::invalid_field_count(), 1u);            // the field stays red with its reason
  ASSERT_TRUE(ui.fill("territoire.pop.0", "22 150"));
  EXPECT_EQ(ui.project().territory.communes[0].population, 22150);
  EXPECT_EQ(widgets::invalid_field_count(), 0u);
  EXPECT_EQ(ui.state().doc.derived.ceiling.population, 90346 - before + 22150);  // engine recomputed
}

TEST(Ui, FindingNavigationJumpsToTheObject) {
  UiDriver ui({.sample = "cpts-21-52", .panel = "verification"});
  // Make a blocking finding: drop the prevention mission.
  ui.state().go(PanelId::Missions);
  ui.frames(2);
  ASSERT_TRUE(ui.click("missions.choose.prevention"));
  ASSERT_GE(ui.state().doc.derived.blocking, 1);
  ASSERT_TRUE(ui.click("summary.findings"));
  EXPECT_EQ(ui.state().panel, PanelId::Verification);
  ASSERT_TRUE(ui.click("verif.finding0"));  // blocking findings come first
  EXPECT_EQ(ui.state().panel, PanelId::Missions);
  EXPECT_EQ(ui.state().sel_mission, "prevention");
}

TEST(Ui, MenuSwitchesLanguageAndZoom) {
  UiDriver ui({.sample = "cpts-21-52", .panel = "financement"});
  ASSERT_TRUE(ui.click("menu.view"));
  ASSERT_TRUE(ui.click("menu.view.en"));
  EXPECT_EQ(language(), Lang::En);
  EXPECT_STREQ(T("panel.financement"), "Funding");
  ASSERT_TRUE(ui.click("menu.view"));
  ASSERT_TRUE(ui.click("menu.view.fr"));
  EXPECT_EQ(language(), Lang::Fr);
  ASSERT_TRUE(ui.click("menu.view"));
  ASSERT_TRUE(ui.click("menu.view.zoom200"));
  EXPECT_EQ(ui.app().zoom_percent(), 200);
}

TEST(Ui, EveryPanelRendersTheStressProject) {
  UiDriver ui;
  ui.state().doc.load(make_stress_project(), "stress.json");
  for (int i = 0; i < static_cast<int>(PanelId::Count); ++i) {
    ui.state().go(static_cast<PanelId>(i));
    auto t0 = std::chrono::steady_clock::now();
    ui.frames(3);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 3;
    SCOPED_TRACE(T(panel_key(static_cast<PanelId>(i))));
    EXPECT_TRUE(ui.visible(std::string("nav.") + panel_key(static_cast<PanelId>(i))));
    RecordProperty(panel_key(static_cast<PanelId>(i)), std::to_string(ms));
  }
}

TEST(Ui, RefusedImportKeepsTheOpenProject) {
  UiDriver ui({.sample = "cpts-21-52", .panel = "projet"});
  std::string before = ui.project().identity.name;
  EXPECT_FALSE(ui.app().open_text("{\"format\": \"cpts-planner/projet\", \"schema_version\": 2, \"territory\": 5}", "casse.json"));
  ui.frames(3);
  EXPECT_EQ(ui.project().identity.name, before);
  EXPECT_NE(ui.state().message.find("casse.json"), std::string::npos);
  EXPECT_TRUE(ui.visible("modal.message"));
  ASSERT_TRUE(ui.click("modal.message.ok"));
  EXPECT_TRUE(ui.state().message.empty());
}

// Every key the UI code asks for exists in both translation files.
TEST(Ui, EveryTranslationKeyExistsInFrenchAndEnglish) {
  std::set<std::string> keys;
  std::regex call(R"re(\bT([FN]?)\("([a-z0-9_.]+)")re");  // T, TF, and TN (a count: its ".one" form too)
  // Every source file of the UI, whichever layer folder it sits in.
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(CPTS_SOURCE_DIR) + "/imgui_ui")) {
    const std::string ext = entry.path().extension().string();
    if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
    std::ifstream in(entry.path());
    ASSERT_TRUE(in) << entry.path();
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    for (std::sregex_iterator it(text.begin(), text.end(), call), end; it != end; ++it) {
      keys.insert((*it)[2]);
      if ((*it)[1] == "N") keys.insert((*it)[2].str() + ".one");
    }
  }
  EXPECT_GT(keys.size(), 300u);
  for (const char* lang : {"fr.json", "en.json"}) {
    std::ifstream in(std::string(CPTS_SOURCE_DIR) + "/shared/i18n/" + lang);
    std::stringstream ss;
    ss << in.rdbuf();
    JsonError err;
    auto j = parse_json_limited(ss.str(), err);
    ASSERT_TRUE(j) << lang;
    for (const std::string& k : keys) EXPECT_TRUE(j->contains(k)) << lang << " lacks " << k;
  }
}

TEST(Ui, CountsTakeTheNumberOfTheirLanguage) {
  // French puts 0 and 1 in the singular, English 1 only (i18n.hpp, TN).
  set_language(Lang::Fr);
  EXPECT_EQ(TN("summary.blocking", 0, 0), "0 bloquant");
  EXPECT_EQ(TN("summary.blocking", 1, 1), "1 bloquant");
  EXPECT_EQ(TN("summary.blocking", 2, 2), "2 bloquants");
  EXPECT_EQ(TN("lib.imported", 1, 1, "x.json"), "1 fiche importée depuis « x.json ».");
  EXPECT_EQ(TN("lib.imported", 12, 12, "x.json"), "12 fiches importées depuis « x.json ».");
  set_language(Lang::En);
  EXPECT_EQ(TN("lib.imported", 0, 0, "x.json"), "0 entries imported from “x.json”.");
  EXPECT_EQ(TN("lib.imported", 1, 1, "x.json"), "1 entry imported from “x.json”.");
  set_language(Lang::Fr);
}

TEST(Ui, LibraryEntryIsInsertedInOneClickAndOneUndoStep) {
  UiDriver ui({.sample = "cpts-centre-saone-et-loire", .panel = "bibliotheque"});
  std::size_t actions = ui.project().actions.size(), indicators = ui.project().indicators.size();
  ASSERT_TRUE(ui.fill("lib.search", "sein"));
  ASSERT_TRUE(ui.visible("lib.entry.prev-sein"));
  ASSERT_TRUE(ui.click("lib.insert"));
  EXPECT_EQ(ui.project().actions.size(), actions + 1);
  EXPECT_EQ(ui.project().indicators.size(), indicators + 1);
  EXPECT_EQ(ui.project().actions.back().title, "Dépistage organisé du cancer du sein");
  EXPECT_EQ(ui.state().panel, PanelId::Missions);
  EXPECT_EQ(ui.state().sel_action, ui.project().actions.back().id);
  ui.key(ImGuiKey_Z, true);
  EXPECT_EQ(ui.project().actions.size(), actions);
  EXPECT_EQ(ui.project().indicators.size(), indicators);
}

TEST(Ui, PersonalLibraryIsSavedExportedAndImported) {
  std::string exported, title;
  {
    UiDriver ui({.sample = "cpts-21-52", .panel = "bibliotheque"});
    ASSERT_TRUE(ui.click("lib.tab_personal"));
    ASSERT_TRUE(ui.click("lib.save"));  // the first action of the project
    ASSERT_EQ(ui.state().personal_library.entries.size(), 1u);
    title = ui.state().personal_library.entries[0].title;
    EXPECT_EQ(title, ui.project().actions[0].title);
    ASSERT_TRUE(ui.click("lib.export"));
    ASSERT_EQ(ui.state().downloads.size(), 1u);  // handed to the platform by main.cpp
    EXPECT_EQ(ui.state().downloads[0].name, "ma-bibliotheque-cpts.json");
    exported = ui.state().downloads[0].bytes;
  }
  // Another CPTS imports the file.
  UiDriver other({.sample = "cpts-besancon-metropole", .panel = "projet"});
  ASSERT_TRUE(import_library_text(other.state(), exported, "ma-bibliotheque-cpts.json"));
  ASSERT_EQ(other.state().personal_library.entries.size(), 1u);
  EXPECT_EQ(other.state().personal_library.entries[0].title, title);
  EXPECT_EQ(other.state().panel, PanelId::Bibliotheque);
  // A broken file is refused with its reason and changes nothing.
  EXPECT_FALSE(import_library_text(other.state(), "{\"format\": \"cpts-planner/bibliotheque\"}", "casse.json"));
  EXPECT_EQ(other.state().personal_library.entries.size(), 1u);
  EXPECT_NE(other.state().message.find("casse.json"), std::string::npos);
}

// Hostile input (tests/data/bad, 90 files, plus a 50 MB file made here): each import is refused
// with a French message and the open project stays byte-identical.
TEST(Ui, HostileFilesNeverChangeTheOpenProject) {
  UiDriver ui({.sample = "cpts-centre-saone-et-loire", .panel = "projet"});
  const std::string before = save_project(ui.project());
  std::vector<std::pair<std::string, std::string>> files;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(CPTS_SOURCE_DIR) + "/tests/data/bad")) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    files.push_back({entry.path().filename().string(), ss.str()});
  }
  ASSERT_GE(files.size(), 50u);
  files.push_back({"50-mo.json", std::string(50u * 1024 * 1024, ' ')});
  int repairable = 0;
  for (const auto& [name, text] : files) {
    SCOPED_TRACE(name);
    ui.state().message.clear();
    EXPECT_FALSE(ui.app().open_text(text, name));
    // The message names the file and the reasons; for what older versions could write (a payment
    // to nobody, a mission the catalogue lacks…) the repair dialog does, and nothing is applied yet.
    const auto& repair = ui.app().files().pending_repair();
    if (repair) {
      ++repairable;
      EXPECT_EQ(repair->name, name);
      EXPECT_FALSE(repair->errors.empty());
      EXPECT_FALSE(repair->changes.empty());
      ui.app().files().cancel_repair(ui.app());
    } else {
      EXPECT_NE(ui.state().message.find(name), std::string::npos);
    }
    EXPECT_EQ(save_project(ui.project()), before);
  }
  EXPECT_GE(repairable, 6);  // member-payment-unknown-professional, indicator-unknown-action, override-duplicate…
  EXPECT_NE(ui.state().message.find("Mo"), std::string::npos);  // "fichier trop volumineux (50 Mo ; maximum 20 Mo)"
}

// ---- Workshops (atelier), presentation, documents ------------------------------------------------

TEST(Ui, WorkshopCandidatesAreRatedRetainedAndTurnedIntoActions) {
  UiDriver ui({.sample = "cpts-21-52", .panel = "atelier"}, ImVec2(1400, 1400));  // the whole tab in view
  ASSERT_TRUE(ui.click("atelier.tab.0"));
  ASSERT_TRUE(ui.click("atelier.add_candidate"));
  ASSERT_TRUE(ui.click("atelier.add_candidate"));
  ASSERT_EQ(ui.project().candidates.size(), 2u);
  ASSERT_TRUE(ui.fill("atelier.title.0", "Cabinet éphémère"));
  EXPECT_EQ(ui.project().candidates[0].title, "Cabinet éphémère");
  ASSERT_TRUE(ui.click("atelier.retain.0"));
  EXPECT_TRUE(ui.project().candidates[0].retained);
  std::size_t actions = ui.project().actions.size();
  ASSERT_TRUE(ui.click("atelier.convert"));
  if (ui.project().actions.size() != actions + 1) {
    const auto& r = item_rects().at("atelier.convert");
    ADD_FAILURE() << "convert at " << r.x << "," << r.y << " " << r.w << "x" << r.h << " retained " << ui.project().candidates[0].retained
                  << " action '" << ui.project().candidates[0].action << "'";
  }
  ASSERT_EQ(ui.project().actions.size(), actions + 1);
  EXPECT_EQ(ui.project().actions.back().title, "Cabinet éphémère");
  ui.key(ImGuiKey_Z, true);  // one undo step
  EXPECT_EQ(ui.project().actions.size(), actions);
}

TEST(Ui, DecisionLogAndVariantsComparison) {
  UiDriver ui({.sample = "cpts-centre-saone-et-loire", .panel = "atelier"});
  ASSERT_TRUE(ui.click("atelier.tab.1"));
  std::size_t before = ui.project().decisions.size();
  ASSERT_TRUE(ui.click("atelier.add_decision"));
  ASSERT_EQ(ui.project().decisions.size(), before + 1);
  ASSERT_TRUE(ui.fill("atelier.decision_subject." + std::to_string(before), "Mission qualité"));
  EXPECT_EQ(ui.project().decisions.back().subject, "Mission qualité");
  ASSERT_TRUE(ui.click("atelier.tab.2"));
  ASSERT_TRUE(ui.fill("atelier.variant_name", "avant la mission qualité"));
  ASSERT_TRUE(ui.click("atelier.save_variant"));
  ASSERT_EQ(ui.project().variants.size(), 1u);
  EXPECT_EQ(ui.project().variants[0].name, "avant la mission qualité");
  EXPECT_TRUE(ui.visible("atelier.variants_table"));
}

TEST(Ui, GroupCopyIsMergedWithAPreviewAndAConflictChoice) {
  // The coordinator prepares a copy for a group (a download) ...
  std::string copy;
  std::string shared_id;
  {
    UiDriver ui({.sample = "cpts-21-52", .panel = "atelier"});
    ASSERT_TRUE(ui.click("atelier.tab.3"));
    ASSERT_TRUE(ui.fill("atelier.group_name", "Groupe prévention"));
    ASSERT_TRUE(ui.click("atelier.prepare_copy"));
    ASSERT_EQ(ui.state().downloads.size(), 1u);
    copy = ui.state().downloads[0].bytes;
  }
  // ... the group edits an indicator in its copy ...
  Project group = *load_project(copy).project;
  ASSERT_EQ(group.group_copy.group, "Groupe prévention");
  shared_id = group.indicators[0].id;
  group.indicators[0].evidence = "Version du groupe";
  // ... while the coordinator edits the same indicator; then opens the group's file.
  UiDriver ui({.sample = "cpts-21-52", .panel = "indicateurs"});
  Project mine = ui.project();
  mine.indicators[0].evidence = "Version du coordinateur";
  ui.state().doc.edit(replace_project("Modifier", mine));
  ui.frames(2);
  ASSERT_TRUE(ui.app().open_text(save_project(group), "copie-groupe.json"));
  ui.frames(3);
  ASSERT_TRUE(ui.state().pending_merge.has_value());
  EXPECT_EQ(ui.state().panel, PanelId::Atelier);
  ASSERT_EQ(ui.state().pending_merge->plan.items.size(), 1u);
  EXPECT_EQ(ui.state().pending_merge->plan.items[0].change, ChangeKind::Conflict);
  EXPECT_EQ(ui.project().indicators[0].evidence, "Version du coordinateur");  // nothing taken yet
  ASSERT_TRUE(ui.visible("atelier.merge_item.0"));
  ASSERT_TRUE(ui.click("atelier.merge_item.0"));  // choose the group's version
  ASSERT_TRUE(ui.click("atelier.merge_apply"));
  EXPECT_FALSE(ui.state().pending_merge.has_value());
  EXPECT_EQ(ui.project().find_indicator(shared_id)->evidence, "Version du groupe");
}

TEST(Ui, PresentationModeShowsOneViewAtATimeAndChangesNothing) {
  UiDriver ui({.sample = "cpts-centre-saone-et-loire", .panel = "financement"});
  int zoom = ui.app().zoom_percent();
  ui.key(ImGuiKey_P, false, false);  // plain P: nothing
  EXPECT_FALSE(ui.state().presenting);
  ImGui::GetIO().AddKeyEvent(ImGuiMod_Alt, true);
  ui.key(ImGuiKey_P);
  ImGui::GetIO().AddKeyEvent(ImGuiMod_Alt, false);
  ui.frames(2);
  ASSERT_TRUE(ui.state().presenting);
  EXPECT_GE(ui.app().zoom_percent(), 200);  // large type
  EXPECT_TRUE(ui.visible("present.window"));
  EXPECT_FALSE(ui.visible("menu.file"));  // editing chrome hidden
  int n = slide_count(ui.state());
  EXPECT_EQ(n, 5 + 4);  // territory, 4 socle missions, funding, calendar, dashboard, findings
  ui.key(ImGuiKey_PageDown);
  ui.key(ImGuiKey_RightArrow);
  EXPECT_EQ(ui.state().slide, 2);
  ui.key(ImGuiKey_PageUp);
  EXPECT_EQ(ui.state().slide, 1);
  ASSERT_TRUE(ui.click("present.next"));
  EXPECT_EQ(ui.state().slide, 2);
  auto revision = ui.state().doc.history.revision();
  for (int i = 0; i < n; ++i) ui.key(ImGuiKey_PageDown);  // every view renders
  EXPECT_EQ(ui.state().slide, n - 1);
  EXPECT_EQ(ui.state().doc.history.revision(), revision);
  ASSERT_TRUE(ui.click("present.resume"));
  EXPECT_FALSE(ui.state().presenting);
  EXPECT_EQ(ui.app().zoom_percent(), zoom);
}

TEST(Ui, LockMakesTheSharedScreenReadOnly) {
  UiDriver ui({.sample = "cpts-21-52", .panel = "missions"});
  ASSERT_TRUE(ui.click("menu.edit"));
  ASSERT_TRUE(ui.click("menu.edit.lock"));
  ASSERT_TRUE(ui.state().read_only);
  std::size_t actions = ui.project().actions.size();
  ui.click("missions.add_action");  // disabled: a stray click changes nothing
  EXPECT_EQ(ui.project().actions.size(), actions);
  ui.key(ImGuiKey_Z, true);
  EXPECT_EQ(ui.project().actions.size(), actions);
  ASSERT_TRUE(ui.click("body.unlock"));
  EXPECT_FALSE(ui.state().read_only);
}

TEST(Ui, ZoomPresetsAndHighContrastFromKeyboardAndMenu) {
  UiDriver ui({.sample = "cpts-21-52", .panel = "financement"});
  std::vector<int> seen;
  for (int i = 0; i < 4; ++i) {
    ImGui::GetIO().AddKeyEvent(ImGuiMod_Alt, true);
    ui.key(ImGuiKey_Z);
    ImGui::GetIO().AddKeyEvent(ImGuiMod_Alt, false);
    ui.frames(1);
    seen.push_back(ui.app().zoom_percent());
  }
  EXPECT_EQ(seen, (std::vector<int>{150, 200, 300, 100}));
  ASSERT_TRUE(ui.click("menu.view"));
  ASSERT_TRUE(ui.click("menu.view.contrast"));
  EXPECT_EQ(ui.app().theme(), Theme::HighContrast);
}

TEST(Ui, DocumentsPanelPreviewsAndDownloads) {
  UiDriver ui({.sample = "cpts-centre-saone-et-loire", .panel = "documents"}, ImVec2(1400, 1000));
  ASSERT_TRUE(ui.visible("docs.preview"));
  ASSERT_TRUE(ui.click("docs.docx"));
  ASSERT_TRUE(ui.click("docs.html"));
  ASSERT_EQ(ui.state().downloads.size(), 2u);
  EXPECT_EQ(ui.state().downloads[0].bytes.substr(0, 2), "PK");  // a ZIP (DOCX)
  EXPECT_NE(ui.state().downloads[1].bytes.find("347"), std::string::npos);
  EXPECT_NE(ui.state().downloads[1].name.find(".html"), std::string::npos);
}
