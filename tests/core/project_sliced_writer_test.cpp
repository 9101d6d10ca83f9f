// The sliced writer of the autosave (io/project_sliced_writer.hpp) writes exactly the bytes of the
// one-shot writer (save_project), whatever the slices: on the samples, on the stress project, on
// an empty project, on a project with a variant, candidates, a group copy and an embedded
// catalogue, and on projects made by random edits (tests/lib/random_edits.hpp).
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <random>

#include "../lib/random_edits.hpp"
#include "io/project_json.hpp"
#include "io/project_sliced_writer.hpp"
#include "io/samples.hpp"
#include "io/stress.hpp"

using namespace cpts;

namespace {

// Writes `p` with steps of `budget_ms` (0: one unit or list element per step) and returns the text.
std::string sliced(const Project& p, double budget_ms, std::size_t* steps = nullptr) {
  SlicedProjectWriter w(std::make_shared<const Project>(p));
  while (!w.step(budget_ms)) {}
  if (steps) *steps = w.steps();
  return w.text();
}

Project sample(const char* id) {
  ProjectLoad l = load_project(sample_text(id));
  EXPECT_TRUE(l.project) << id;
  return l.project ? *l.project : Project{};
}

}  // namespace

TEST(SlicedProjectWriter, SamplesAreByteIdenticalToTheOneShotWriter) {
  ASSERT_FALSE(sample_ids().empty());
  for (const std::string& id : sample_ids()) {
    const Project p = sample(id.c_str());
    const std::string whole = save_project(p);
    std::size_t steps = 0;
    EXPECT_EQ(sliced(p, 0, &steps), whole) << id;  // one element per step: every boundary
    EXPECT_GT(steps, 20u) << id;                    // it really was written in many pieces
    EXPECT_EQ(sliced(p, 1e9, &steps), whole) << id; // and in one piece
    EXPECT_EQ(steps, 1u);
    EXPECT_EQ(whole, std::string(sample_text(id))) << id;  // the sample files are canonical
  }
}

TEST(SlicedProjectWriter, StressProjectIsByteIdenticalInEightMillisecondSlices) {
  const Project p = make_stress_project();
  const auto t0 = std::chrono::steady_clock::now();
  const std::string whole = save_project(p);
  const double whole_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::size_t steps = 0;
  EXPECT_EQ(sliced(p, 8, &steps), whole);
  // 4.4 MiB: in one go it takes well over 8 ms (≈ 60 ms natively, ≈ 250 ms in wasm), so at least
  // two slices; printed for the record.
  EXPECT_GT(whole.size(), 4'000'000u);
  std::printf("  stress project: %zu bytes, one-shot %.1f ms, sliced in %zu steps of ≤ 8 ms\n", whole.size(), whole_ms, steps);
  EXPECT_EQ(sliced(p, 0), whole);
}

TEST(SlicedProjectWriter, EmptyListsObjectsAndOptionalSectionsMatch) {
  Project empty;  // every list empty ("[]"), optional sections omitted
  EXPECT_EQ(sliced(empty, 0), save_project(empty));

  Project p = sample("cpts-21-52");
  p.candidates.push_back({"C1", p.missions.at(0).mission, "Proposition « a »", "ligne 1\nligne 2", {}, true, ""});
  p.variants.push_back({"avec mission qualité", "note", std::make_shared<const Project>(sample("cpts-21-52"))});
  p.group_copy.group = "Groupe parcours";
  p.group_copy.made_on = {2024, 3, 1};
  p.group_copy.base["action:A1"] = 0x0123456789abcdefULL;
  p.embedded_catalogue = R"({"format":"cpts-planner/catalogue","x":[1,2,{"y":"é"}]})";
  p.notes = "tabulation\t, guillemets \" et barre \\ : échappés comme le fait nlohmann";
  const std::string whole = save_project(p);
  ASSERT_NE(whole.find("\"variants\": ["), std::string::npos);
  ASSERT_NE(whole.find("\"group_copy\": {"), std::string::npos);
  ASSERT_NE(whole.find("\"embedded_catalogue\": {"), std::string::npos);
  EXPECT_EQ(sliced(p, 0), whole);
}

TEST(SlicedProjectWriter, ProjectsMadeByRandomEditsMatch) {
  const Project start = sample("cpts-centre-saone-et-loire");
  History h(start);
  std::mt19937_64 rng(20261130);
  editgen::RandomEdits engine(h, [&] { return static_cast<std::uint32_t>(rng()); });
  int checked = 0;
  for (int i = 1; i <= 1500; ++i) {
    engine.step();
    if (i % 50) continue;
    ASSERT_EQ(sliced(h.project(), 0), save_project(h.project())) << "after " << i << " random edits";
    ++checked;
  }
  EXPECT_EQ(checked, 30);
}

// The writer keeps its snapshot: the project it was made from can change (or go) meanwhile.
TEST(SlicedProjectWriter, WritesItsSnapshotNotTheProjectAsItIsNow) {
  auto p = std::make_shared<Project>(sample("cpts-21-52"));
  const std::string before = save_project(*p);
  SlicedProjectWriter w(std::make_shared<const Project>(*p));
  w.step(0);
  p->identity.name = "Changé pendant l’écriture";
  p->actions.clear();
  p.reset();
  w.finish();
  EXPECT_EQ(w.text(), before);
}
