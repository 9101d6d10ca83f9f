#include "edit/workshop.hpp"

#include <gtest/gtest.h>

#include "io/project_json.hpp"
#include "io/samples.hpp"

using namespace cpts;

namespace {
Project sample(const char* id) { return *load_project(sample_text(id)).project; }

Project with_candidates() {
  Project p = sample("cpts-centre-saone-et-loire");
  p.candidates = {
      {"C1", "prevention", "Ateliers mémoire", "", {{"Médecins", 4, 3, 1}, {"Élus", 5, 3, 0}}},     // 4,5 × 3 = 13,5
      {"C2", "acces", "Cabinet éphémère", "", {{"Médecins", 5, 4, 2}}},                               // 5 × 4 = 20
      {"C3", "parcours", "Parcours BPCO", "", {{"Infirmiers", 2, 2, 10}}},                            // 2 × 2 = 4, 10 votes
      {"C4", "qualite", "Revue de pertinence", "", {{"Pharmaciens", 2, 2, 3}}},                       // 4, 3 votes
  };
  return p;
}
}  // namespace

TEST(Workshop, CandidatesAreRankedByImpactTimesFeasibilityThenVotes) {
  auto ranked = rank_candidates(with_candidates());
  ASSERT_EQ(ranked.size(), 4u);
  Project p = with_candidates();
  EXPECT_EQ(p.candidates[ranked[0].index].id, "C2");
  EXPECT_DOUBLE_EQ(ranked[0].score, 20);
  EXPECT_EQ(p.candidates[ranked[1].index].id, "C1");
  EXPECT_DOUBLE_EQ(ranked[1].impact, 4.5);
  EXPECT_DOUBLE_EQ(ranked[1].score, 13.5);
  EXPECT_EQ(p.candidates[ranked[2].index].id, "C3");  // same score as C4, more votes
  EXPECT_EQ(ranked[3].rank, 4);
}

// A fresh list (nobody rated yet): every score is 0 × 0 = 0 with 0 votes, so the ranks follow the
// list, 1-2-3 down the table, and each one is marked tied (the UI says why).
TEST(Workshop, UnratedCandidatesKeepTheOrderOfTheListAndAreTied) {
  Project p = sample("cpts-centre-saone-et-loire");
  p.candidates = {{"C1", "prevention", "Zèbre", "", {{"Médecins"}}},
                  {"C2", "acces", "Arbre", "", {{"Médecins"}}},
                  {"C3", "parcours", "Maison", "", {{"Médecins"}}}};
  auto ranked = rank_candidates(p);
  ASSERT_EQ(ranked.size(), 3u);
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_EQ(ranked[k].index, k);
    EXPECT_EQ(ranked[k].rank, static_cast<int>(k) + 1);
    EXPECT_TRUE(ranked[k].tied);
  }
  // C4 and C3 of with_candidates share a score (4) but not their votes (3 ≠ 10): not tied.
  auto scored = rank_candidates(with_candidates());
  for (const CandidateScore& cs : scored) EXPECT_FALSE(cs.tied) << cs.rank;
}

TEST(Workshop, RetainedCandidatesBecomeActionsOnce) {
  Project p = with_candidates();
  p.candidates[1].retained = true;
  p.candidates[3].retained = true;  // qualité: not chosen yet in the sample
  std::vector<std::string> created;
  Project next = convert_retained_candidates(p, &created);
  ASSERT_EQ(created.size(), 2u);
  EXPECT_EQ(next.actions.size(), p.actions.size() + 2);
  EXPECT_EQ(next.find_action(created[0])->title, "Cabinet éphémère");
  EXPECT_EQ(next.candidates[1].action, created[0]);
  EXPECT_TRUE(next.find_mission("qualite")->chosen);
  EXPECT_EQ(convert_retained_candidates(next).actions.size(), next.actions.size());  // not twice
  // Candidates and their ratings survive the project file.
  std::string text = save_project(next);
  EXPECT_EQ(save_project(*load_project(text).project), text);
}

TEST(Workshop, DecisionLogSurvivesTheProjectFile) {
  Project p = sample("cpts-21-52");
  p.decisions.push_back({{2025, 3, 12}, "Mission qualité", "Reportée à l’année 2", "Bureau"});
  ProjectLoad back = load_project(save_project(p));
  ASSERT_TRUE(back.project);
  ASSERT_EQ(back.project->decisions.size(), p.decisions.size());
  EXPECT_EQ(back.project->decisions.back().decision, "Reportée à l’année 2");
}

TEST(Workshop, VariantsAreComparedSideBySide) {
  Project p = sample("cpts-centre-saone-et-loire");  // taille 3, signed 18/10/2022
  Project with_quality = p;
  with_quality.find_mission("qualite")->chosen = true;
  with_quality.find_mission("qualite")->start = p.contract.signature;
  p.variants.push_back(make_variant(with_quality, "avec mission qualité"));
  auto rows = compare_variants(p);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].name, "Projet actuel");
  // Qualité at taille 3: 15 000 € fixed + 15 000 € variable a year, from the signature.
  EXPECT_EQ(rows[1].total - rows[0].total, euros(5 * 30000));
  EXPECT_EQ(rows[1].at_risk - rows[0].at_risk, euros(5 * 15000));
  EXPECT_EQ(rows[1].by_year[2] - rows[0].by_year[2], euros(30000));
  EXPECT_GT(rows[1].warnings, rows[0].warnings);  // a mission without action, amounts to spread
  // Variants survive the project file, byte for byte.
  std::string text = save_project(p);
  ProjectLoad back = load_project(text);
  ASSERT_TRUE(back.project) << back.errors[0].path << " " << back.errors[0].message;
  EXPECT_EQ(save_project(*back.project), text);
  ASSERT_EQ(back.project->variants.size(), 1u);
  EXPECT_TRUE(back.project->variants[0].project->find_mission("qualite")->chosen);
}

TEST(Workshop, VariantWithASmallerPopulationChangesTheTaille) {
  Project p = sample("cpts-centre-saone-et-loire");
  Project smaller = p;
  smaller.territory.communes.back().population -= 20000;  // 74 159 inhabitants -> taille 2
  p.variants.push_back(make_variant(smaller, "population en baisse"));
  auto rows = compare_variants(p);
  EXPECT_EQ(rows[0].taille, 3);
  EXPECT_EQ(rows[1].taille, 2);
  EXPECT_LT(rows[1].total, rows[0].total);
}
