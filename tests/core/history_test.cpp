#include "edit/history.hpp"

#include <gtest/gtest.h>

using namespace cpts;

namespace {
Locate<long long> population_of(std::string insee) {
  return [insee](Project& p) -> long long* {
    for (auto& c : p.territory.communes)
      if (c.insee == insee) return &c.population;
    return nullptr;
  };
}
Locate<std::vector<Commune>> communes() {
  return [](Project& p) { return &p.territory.communes; };
}
}  // namespace

TEST(History, UndoRedoAndDirtyFlag) {
  History h;
  EXPECT_FALSE(h.dirty());
  h.execute(insert_item<Commune>("Ajouter une commune", communes(), 0, {"71306", "Montceau-les-Mines", "71", 18000}));
  h.execute(set_value<long long>("Modifier la population", population_of("71306"), 18521));
  EXPECT_TRUE(h.dirty());
  EXPECT_EQ(h.project().territory.communes[0].population, 18521);
  EXPECT_EQ(h.undo_label(), "Modifier la population");
  h.undo();
  EXPECT_EQ(h.project().territory.communes[0].population, 18000);
  h.undo();
  EXPECT_TRUE(h.project().territory.communes.empty());
  EXPECT_FALSE(h.dirty());  // back to the initial (saved) state
  h.redo();
  h.redo();
  EXPECT_EQ(h.project().territory.communes[0].population, 18521);
  h.mark_saved();
  EXPECT_FALSE(h.dirty());
  h.undo();
  EXPECT_TRUE(h.dirty());
  // A new edit after an undo drops the redo branch, and with it the saved state.
  h.execute(set_value<long long>("Modifier la population", population_of("71306"), 1));
  EXPECT_FALSE(h.can_redo());
  h.undo();
  EXPECT_TRUE(h.dirty());
}

TEST(History, EraseAndMoveRestoreOrder) {
  History h;
  for (int i = 0; i < 3; ++i)
    h.execute(insert_item<Commune>("Ajouter", communes(), 99, {"7130" + std::to_string(i), "C" + std::to_string(i), "71", i}));
  h.execute(move_item<Commune>("Monter", communes(), 2, 0));
  EXPECT_EQ(h.project().territory.communes[0].insee, "71302");
  h.execute(erase_item<Commune>("Supprimer", communes(), 1));
  EXPECT_EQ(h.project().territory.communes.size(), 2u);
  h.undo();
  h.undo();
  EXPECT_EQ(h.project().territory.communes[0].insee, "71300");
  EXPECT_EQ(h.project().territory.communes[2].insee, "71302");
}

// Every executed command is followed by the loader's validation (issue #13): a value the loader
// would refuse is refused with its message and changes nothing.
TEST(History, ValueTheLoaderWouldRefuseIsRefused) {
  History h;
  ASSERT_TRUE(h.execute(insert_item<Commune>("Ajouter", communes(), 0, {"71306", "Montceau-les-Mines", "71", 18000})));
  EditResult r = h.execute(set_value<long long>("Modifier la population", population_of("71306"), -5));
  EXPECT_FALSE(r.applied);
  ASSERT_EQ(r.refused.size(), 1u);
  EXPECT_EQ(r.refused[0].path, "$.territory.communes[0].population");
  EXPECT_EQ(r.message().rfind("Modification refusée : ", 0), 0u);
  EXPECT_EQ(h.project().territory.communes[0].population, 18000);
  EXPECT_EQ(h.undo_label(), "Ajouter");
}

TEST(History, CommandOnVanishedTargetIsNotRecorded) {
  History h;
  EXPECT_FALSE(h.execute(set_value<long long>("x", population_of("00000"), 5)));
  EXPECT_FALSE(h.can_undo());
  auto rev = h.revision();
  h.execute(replace_project("Remplacer", Project{}));
  EXPECT_GT(h.revision(), rev);
}
