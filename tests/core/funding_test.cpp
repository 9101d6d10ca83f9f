#include "engine/funding.hpp"

#include <gtest/gtest.h>

using namespace cpts;

namespace {

// A taille 3 project signed on 2024-03-01 where only the parcours mission runs, from 2024-09-01
// (domain reference §9.C).
Project example_c() {
  const Catalogue& cat = *find_catalogue("aci-2019-avenant2");
  Project p = new_project("Exemple C", {2024, 3, 1}, cat);
  p.territory.communes.push_back({"25056", "Besançon", "25", 100000});
  for (auto& m : p.missions) m.chosen = false;
  ProjectMission* parcours = p.find_mission("parcours");
  parcours->chosen = true;
  parcours->start = {2024, 9, 1};
  parcours->deployed = {2025, 9, 1};
  return p;
}

Cents sum_schedule(const FundingResult& r, int year, const char* mission = nullptr, Component* comp = nullptr) {
  Cents t = 0;
  for (const auto& it : r.schedule)
    if (it.contract_year == year && (!mission || it.mission == mission) && (!comp || it.component == *comp)) t += it.cents;
  return t;
}

}  // namespace

TEST(Funding, WorkedExampleC_MonthProrata) {
  FundingResult r = simulate(example_c(), Scenario::Ceiling);
  ASSERT_EQ(r.taille, 3);
  const YearFunding& y1 = r.years[0];
  EXPECT_EQ(y1.fonctionnement, euros(75000));
  const MissionYear& parcours1 = y1.missions[1];
  ASSERT_EQ(parcours1.mission, "parcours");
  EXPECT_EQ(parcours1.prorata_num, 6);
  EXPECT_EQ(parcours1.fixe, euros(22500));          // 45 000 × 6/12
  EXPECT_EQ(parcours1.variable_max, euros(22500));  // prorated like the fixed part (default)
  // Payments: 16 875 € on 01/09/2024, 5 625 € balance + 33 750 € year-2 advance on 01/03/2025.
  Component fixe = Component::Fixe;
  std::vector<std::pair<Date, Cents>> fixed;
  for (const auto& it : r.schedule)
    if (it.mission == "parcours" && it.component == fixe) fixed.push_back({it.date, it.cents});
  ASSERT_GE(fixed.size(), 3u);
  EXPECT_EQ(fixed[0], (std::pair<Date, Cents>{{2024, 9, 1}, euros(16875)}));
  EXPECT_EQ(fixed[1], (std::pair<Date, Cents>{{2025, 3, 1}, euros(5625)}));
  EXPECT_EQ(fixed[2], (std::pair<Date, Cents>{{2025, 3, 1}, euros(33750)}));
  EXPECT_EQ(r.years[1].missions[1].fixe, euros(45000));
  EXPECT_EQ(sum_schedule(r, 1, "parcours", &fixe), euros(22500));
}

TEST(Funding, DayProrata) {
  Project p = example_c();
  p.contract.prorata = Prorata::Days;
  FundingResult r = simulate(p, Scenario::Ceiling);
  // 01/09/2024 -> 01/03/2025 = 181 days of 365: 45 000 × 181/365 = 22 315,068… -> 22 315,07 €.
  EXPECT_EQ(r.years[0].missions[1].prorata_num, 181);
  EXPECT_EQ(r.years[0].missions[1].prorata_den, 365);
  EXPECT_EQ(r.years[0].missions[1].fixe, 2231507);
}

TEST(Funding, VariableNotProratedWhenTheProjectSaysSo) {
  Project p = example_c();
  p.contract.prorate_variable = false;
  EXPECT_EQ(simulate(p, Scenario::Ceiling).years[0].missions[1].variable_max, euros(45000));
}

TEST(Funding, FonctionnementInFullAtSignatureThenAdvanceAndBalance) {
  FundingResult r = simulate(example_c(), Scenario::Ceiling);
  std::vector<std::pair<Date, Cents>> f;
  for (const auto& it : r.schedule)
    if (it.component == Component::Fonctionnement) f.push_back({it.date, it.cents});
  ASSERT_EQ(f.size(), 9u);  // year 1 in full, years 2..5 advance + balance
  EXPECT_EQ(f[0], (std::pair<Date, Cents>{{2024, 3, 1}, euros(75000)}));
  EXPECT_EQ(f[1], (std::pair<Date, Cents>{{2025, 3, 1}, euros(56250)}));
  EXPECT_EQ(f[2], (std::pair<Date, Cents>{{2026, 3, 1}, euros(18750)}));
}

TEST(Funding, ScheduleAddsUpToYearlyTotals) {
  Project p = example_c();
  for (auto& m : p.missions) {
    m.chosen = true;
    m.start = {2024, 7, 15};
  }
  p.crises.push_back({3, "Épidémie"});
  for (Scenario s : {Scenario::Ceiling, Scenario::Realistic}) {
    FundingResult r = simulate(p, s);
    Cents all = 0;
    for (const YearFunding& y : r.years) {
      EXPECT_EQ(sum_schedule(r, y.year), y.total()) << "year " << y.year;
      all += y.total();
    }
    Cents by_cal = 0;
    for (auto& [year, c] : r.by_calendar_year) by_cal += c;
    EXPECT_EQ(by_cal, all);
  }
}

TEST(Funding, SteadyYearTaille3AllMissionsIsWorkedExampleA) {
  Project p = example_c();
  for (auto& m : p.missions) {
    m.chosen = true;
    m.start = p.contract.signature;
  }
  FundingResult r = simulate(p, Scenario::Ceiling);
  EXPECT_EQ(r.years[1].total(), euros(397500));           // year 2: update year of the crisis plan
  EXPECT_EQ(r.years[1].variable_max_total(), euros(122500));
  EXPECT_EQ(r.years[1].fixed_total(), euros(275000));
  p.crises.push_back({2, "Crise reconnue par l’ARS"});
  EXPECT_EQ(simulate(p, Scenario::Ceiling).years[1].total(), euros(465000));
}

TEST(Funding, IndicatorPaymentRules) {
  Indicator tiers;  // ALD sans médecin traitant: baseline 219, lower is better (domain §3.2)
  tiers.direction = Direction::Down;
  tiers.baseline = 219;
  tiers.tiers = {{"socle", 219, euros(3000)}, {"intermédiaire", 100, euros(6000)}, {"objectif", 50, euros(9000)}};
  EXPECT_EQ(indicator_payment(tiers, 1, 230), 0);
  EXPECT_EQ(indicator_payment(tiers, 1, 150), euros(3000));
  EXPECT_EQ(indicator_payment(tiers, 1, 100), euros(6000));
  EXPECT_EQ(indicator_payment(tiers, 1, 12), euros(9000));  // highest tier reached, not cumulative
  EXPECT_EQ(tiers.max_cents(), euros(9000));

  Indicator deliverable;
  deliverable.kind = IndicatorKind::Deliverable;
  deliverable.cents = euros(5000);
  EXPECT_EQ(indicator_payment(deliverable, 1, 1), euros(5000));
  EXPECT_EQ(indicator_payment(deliverable, 1, 0), 0);

  Indicator linear;  // 16+ with a médecin traitant: 66 111 -> 68 811, linear partial payment
  linear.baseline = 66111;
  linear.targets = {{1, 68811}};
  linear.cents = euros(10000);
  linear.partial = Partial::Linear;
  EXPECT_EQ(indicator_payment(linear, 1, 67461), euros(5000));  // half-way
  EXPECT_EQ(indicator_payment(linear, 3, 68811), euros(10000)); // year-1 target still applies
  EXPECT_EQ(indicator_payment(linear, 1, 60000), 0);
}

TEST(Funding, OverridesWinOverCatalogue) {
  Project p = example_c();
  p.overrides.push_back({Component::Fixe, "parcours", 0, euros(40000), "Annexe du contrat"});
  p.overrides.push_back({Component::Fonctionnement, "", 2, euros(80000), "Avenant local"});
  FundingResult r = simulate(p, Scenario::Ceiling);
  EXPECT_EQ(r.years[0].missions[1].fixe, euros(20000));  // 40 000 × 6/12
  EXPECT_EQ(r.years[1].fonctionnement, euros(80000));
  EXPECT_EQ(r.years[2].fonctionnement, euros(75000));
}

TEST(Funding, DeadlinesFromSignature) {
  const Catalogue& cat = *find_catalogue("aci-2019-avenant2");
  Project p = new_project("Centre Saône-et-Loire", {2022, 10, 18}, cat);
  auto d = mission_deadlines(p, cat);
  EXPECT_EQ(d[0].start_by, (Date{2023, 4, 18}));     // accès: 6 mois
  EXPECT_EQ(d[0].deployed_by, (Date{2024, 4, 18}));  // 18 mois
  EXPECT_EQ(d[1].start_by, (Date{2023, 10, 18}));    // parcours: 12 mois
  EXPECT_EQ(d[3].mission, "crise");
  EXPECT_EQ(d[3].start_by, (Date{2023, 4, 18}));
  // CPTS 21/52, signed before the crisis mission existed: its deadlines run from 03/09/2022.
  Project old = new_project("CPTS 21/52", {2020, 12, 10}, cat);
  auto d2 = mission_deadlines(old, cat);
  EXPECT_EQ(d2[3].start_by, (Date{2023, 3, 3}));
  EXPECT_FALSE(d2[4].start_by.valid());  // optional mission: no deadline
}

TEST(Funding, Avenant2TopUpForEarlySignatures) {
  const Catalogue& cat = *find_catalogue("aci-2019-avenant2");
  Project p = new_project("CPTS 21/52", {2020, 12, 10}, cat);
  p.territory.communes.push_back({"21000", "Territoire", "21", 36907});
  FundingResult r = simulate(p, Scenario::Ceiling);
  ASSERT_EQ(r.taille, 1);
  EXPECT_EQ(r.years[0].fonctionnement + r.years[0].topup, euros(87500));  // 50 000 × 1,75
  bool found = false;
  for (const auto& it : r.schedule)
    if (it.component == Component::Avenant2Topup) { found = true; EXPECT_EQ(it.date, (Date{2022, 3, 31})); }
  EXPECT_TRUE(found);
}
