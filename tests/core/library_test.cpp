#include "edit/library.hpp"

#include <gtest/gtest.h>

#include "edit/history.hpp"
#include "io/project_json.hpp"
#include "io/samples.hpp"

using namespace cpts;

namespace {
Project sample(const char* id) { return *load_project(sample_text(id)).project; }
}  // namespace

TEST(Library, ShippedLibraryIsCompleteAndCoversEveryMission) {
  const Library& lib = builtin_library();
  ASSERT_GE(lib.entries.size(), 30u);
  for (const char* m : {"acces", "parcours", "prevention", "crise", "qualite", "accompagnement"})
    EXPECT_FALSE(search_library(lib, m, "").empty()) << m;
  for (const LibraryEntry& e : lib.entries) {
    EXPECT_FALSE(e.reference.empty()) << e.id;
    EXPECT_TRUE(e.origin == "observed" || e.origin == "public" || e.origin == "example") << e.id;
    for (const LibraryIndicator& i : e.indicators) {
      EXPECT_FALSE(i.source.empty()) << e.id;
      EXPECT_FALSE(i.evidence.empty()) << e.id;
      if (i.kind == IndicatorKind::Result) {
        EXPECT_FALSE(i.tiers.empty()) << e.id;
      }
    }
  }
  // The themes real CPTS work on (domain reference §3.2 and §10) are all there.
  for (const char* theme : {"médecin traitant", "ALD", "70 ans", "C2S", "48", "SAS", "annuaire", "sortie", "insuffisance cardiaque",
                            "diabète", "obésité", "santé mentale", "addiction", "sein", "col de l", "colorectal", "vaccin", "chutes",
                            "dénutrition", "langage", "scolaire", "référent SSE", "concertation", "soirées", "aidants", "stagiaires",
                            "installation"}) {
    bool found = false;
    for (const LibraryEntry& e : lib.entries) {
      std::string all = e.title + " " + e.objective + " " + e.target_population;
      for (const auto& s : e.steps) all += " " + s;
      for (const auto& i : e.indicators) all += " " + i.label;
      found = found || all.find(theme) != std::string::npos;
    }
    EXPECT_TRUE(found) << theme;
  }
}

TEST(Library, SearchIgnoresCaseAndAccents) {
  const Library& lib = builtin_library();
  EXPECT_FALSE(search_library(lib, "", "DENUTRITION").empty());
  EXPECT_FALSE(search_library(lib, "prevention", "depistage").empty());
  EXPECT_TRUE(search_library(lib, "crise", "diabète").empty());
}

TEST(Library, InsertingCreatesFreshIdsAndSuggestedAmounts) {
  Project p = sample("cpts-centre-saone-et-loire");  // taille 3: prevention variable 17 500 €
  const LibraryEntry* sein = nullptr;
  for (const LibraryEntry& e : builtin_library().entries)
    if (e.id == "prev-sein") sein = &e;
  ASSERT_TRUE(sein);
  std::string id;
  Project next = insert_library_entry(p, *sein, &id);
  ASSERT_EQ(next.actions.size(), p.actions.size() + 1);
  ASSERT_EQ(next.indicators.size(), p.indicators.size() + 1);
  EXPECT_FALSE(p.find_action(id));  // a fresh id
  const Indicator& ind = next.indicators.back();
  EXPECT_FALSE(p.find_indicator(ind.id));
  EXPECT_EQ(ind.action, id);
  // Tiers: 17 500 × 0,29 = 5 075 -> 5 100 €; × 0,71 = 12 425 -> 12 400 €; × 1 = 17 500 €.
  ASSERT_EQ(ind.tiers.size(), 3u);
  EXPECT_EQ(ind.tiers[0].cents, euros(5100));
  EXPECT_EQ(ind.tiers[1].cents, euros(12400));
  EXPECT_EQ(ind.tiers[2].cents, euros(17500));
  EXPECT_EQ(ind.baseline, 66.26);
  EXPECT_TRUE(validate_project(next).empty());
}

TEST(Library, InsertingIsOneUndoStep) {
  Project p = sample("cpts-21-52");
  History h(p);
  const LibraryEntry& e = builtin_library().entries.front();
  h.execute(replace_project("Insérer « " + e.title + " »", insert_library_entry(h.project(), e)));
  EXPECT_EQ(h.project().actions.size(), p.actions.size() + 1);
  h.undo();
  EXPECT_EQ(save_project(h.project()), save_project(p));
  EXPECT_FALSE(h.can_undo());
}

TEST(Library, PersonalLibraryRoundTripsThroughExportAndImport) {
  Project p = sample("cpts-besancon-metropole");
  Library mine{"Bibliothèque de CaPaciTéS", "Nos fiches", {}};
  for (std::size_t i = 0; i < 3 && i < p.actions.size(); ++i) mine.entries.push_back(*entry_from_action(p, p.actions[i].id));
  std::string text = save_library(mine);
  std::vector<JsonError> errors;
  auto back = load_library(text, errors);
  ASSERT_TRUE(back) << (errors.empty() ? "" : errors[0].path + " " + errors[0].message);
  EXPECT_EQ(save_library(*back), text);
  // Another CPTS inserts one of them.
  Project other = sample("cpts-21-52");
  Project next = insert_library_entry(other, back->entries[0]);
  EXPECT_EQ(next.actions.back().title, p.actions[0].title);
}

TEST(Library, IncompleteIndicatorIsRefusedWithItsPath) {
  std::string text = R"({"format":"cpts-planner/bibliotheque","schema_version":1,"name":"x","entries":[
    {"id":"a","mission":"acces","title":"t","objective":"o","origin":"example","reference":"r",
     "indicators":[{"label":"l","kind":"livrable","unit":"","direction":"hausse","source":"","evidence":"e","share":0.5}]}]})";
  std::vector<JsonError> errors;
  EXPECT_FALSE(load_library(text, errors));
  ASSERT_FALSE(errors.empty());
  EXPECT_EQ(errors[0].path, "$.entries[0].indicators[0].source");
}
