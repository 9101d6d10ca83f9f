#include "engine/scenarios.hpp"

#include <gtest/gtest.h>

#include "io/stress.hpp"

using namespace cpts;

namespace {
// Taille 3, signed 2023-01-01, only the prevention mission from the signature: variable max
// 17 500 € a year, two indicators of 10 000 € and 7 500 €.
Project two_indicators() {
  const Catalogue& cat = *find_catalogue("aci-2019-avenant2");
  Project p = new_project("Scénarios", {2023, 1, 1}, cat);
  p.territory.communes = {{"71153", "Le Creusot", "71", 90000}};
  for (auto& m : p.missions) m.chosen = false;
  p.find_mission("prevention")->chosen = true;
  p.find_mission("prevention")->start = {2023, 1, 1};
  p.actions.push_back({"A1", "prevention", "Dépistage"});
  Indicator a{"I1", "A1", "Dépistage du sein", IndicatorKind::Deliverable};
  a.cents = euros(10000);
  a.assumptions = {0.5, 0.8, 1.0};
  Indicator b{"I2", "A1", "Soirée thématique", IndicatorKind::Deliverable};
  b.cents = euros(7500);
  b.assumptions = {0.0, 0.4, 0.9};
  p.indicators = {a, b};
  return p;
}
}  // namespace

TEST(Scenarios, ExpectedValuesPerScenario) {
  auto s = compare_scenarios(two_indicators());
  // Fixed per year: 75 000 fonctionnement + 17 500 prevention fixe = 92 500 €.
  EXPECT_EQ(s[0].by_year[1], euros(92500 + 17500));         // plafond
  EXPECT_EQ(s[1].by_year[1], euros(92500 + 5000));          // 10 000×0,5 + 7 500×0
  EXPECT_EQ(s[2].by_year[1], euros(92500 + 8000 + 3000));   // 10 000×0,8 + 7 500×0,4
  EXPECT_EQ(s[3].by_year[1], euros(92500 + 10000 + 6750));  // 10 000×1 + 7 500×0,9
  EXPECT_EQ(s[2].variable_total, euros(5 * 11000));
}

TEST(Scenarios, ActualValuesReplaceAssumptions) {
  Project p = two_indicators();
  p.indicators[0].actuals[2] = 1;  // delivered in year 2
  p.indicators[1].actuals[2] = 0;  // not delivered
  auto s = compare_scenarios(p);
  EXPECT_EQ(s[1].by_year[1], euros(92500 + 10000));
  EXPECT_EQ(s[3].by_year[1], euros(92500 + 10000));
}

TEST(Scenarios, MonteCarloIsSeededAndBracketsTheMean) {
  Project p = two_indicators();
  MonteCarloResult a = monte_carlo(p, 10000, 42), b = monte_carlo(p, 10000, 42);
  EXPECT_EQ(a.variable_total.p50, b.variable_total.p50);
  // Each year pays 0, 7 500, 10 000 or 17 500 € with probabilities 0,12 / 0,08 / 0,48 / 0,32:
  // P(0 €) = 12 % ≥ 10 % so P10 = 0; P(≤ 7 500) = 20 %, P(≤ 10 000) = 68 % so P50 = 10 000; P90 = 17 500.
  EXPECT_EQ(a.variable_by_year[0].p10, 0);
  EXPECT_EQ(a.variable_by_year[0].p50, euros(10000));
  EXPECT_EQ(a.variable_by_year[0].p90, euros(17500));
  EXPECT_LE(a.variable_total.p10, a.variable_total.p50);
  EXPECT_LE(a.variable_total.p50, a.variable_total.p90);
  EXPECT_EQ(a.fixed_by_year[0], euros(92500));
}

TEST(Scenarios, StressProjectRuns) {
  Project p = make_stress_project(50, 100, 500);
  MonteCarloResult r = monte_carlo(p, 200, 1);
  EXPECT_GT(r.variable_total.p90, 0);
  EXPECT_EQ(r.draws, 200);
}

TEST(Scenarios, MonteCarloOfManyAlikeIndicatorsFollowsTheBinomialLaw) {
  // 100 deliverables of 100 € with p = 0,3: successes ~ Binomial(100; 0,3), mean 30, sd 4,58.
  // Expected yearly variable: P50 ≈ 3 000 €, P10 ≈ 3 000 − 1,28 × 458 ≈ 2 400 €, P90 ≈ 3 600 €.
  Project p = two_indicators();
  p.indicators.clear();
  for (int i = 0; i < 100; ++i) {
    Indicator ind{"I" + std::to_string(i + 1), "A1", "Livrable", IndicatorKind::Deliverable};
    ind.cents = euros(100);
    ind.assumptions.realistic = 0.3;
    p.indicators.push_back(ind);
  }
  MonteCarloResult r = monte_carlo(p, 10000, 3);
  EXPECT_NEAR(r.variable_by_year[1].p50, euros(3000), euros(200));
  EXPECT_NEAR(r.variable_by_year[1].p10, euros(2400), euros(200));
  EXPECT_NEAR(r.variable_by_year[1].p90, euros(3600), euros(200));
}
