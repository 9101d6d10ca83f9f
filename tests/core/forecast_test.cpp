// Forecasts follow the targets, the scenario "constaté", the schedule by scenario (issue #17
// item 1), and the rule details of item 4 that live in the engine. Every figure is worked out by
// hand in the comment next to it.
#include "engine/forecast.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "engine/checks.hpp"
#include "engine/estimates.hpp"
#include "engine/scenarios.hpp"

using namespace cpts;

namespace {

const Catalogue& avenant2() { return *find_catalogue("aci-2019-avenant2"); }

// Taille 3 (90 000 inhabitants), signed 01/01/2023, only the prevention mission from the signature:
// fonctionnement 75 000 € + prevention fixe 17 500 € = 92 500 € fixed a year; variable max 17 500 €.
Project prevention_only() {
  Project p = new_project("Prévisions", {2023, 1, 1}, avenant2());
  p.territory.communes = {{"71153", "Le Creusot", "71", 90000}};
  for (auto& m : p.missions) m.chosen = false;
  p.find_mission("prevention")->chosen = true;
  p.find_mission("prevention")->start = {2023, 1, 1};
  p.actions.push_back({"A1", "prevention", "Dépistage"});
  return p;
}

// The indicator: tiers ≥ 10 → 8 800 €, ≥ 15 → 17 500 €; year-2 target 12 (reaches only
// the first tier); realistic probability 0.8.
Indicator tiered() {
  Indicator i{"I1", "A1", "Patients dépistés", IndicatorKind::Result};
  i.tiers = {{"socle", 10, euros(8800)}, {"objectif", 15, euros(17500)}};
  i.targets = {{2, 12}};
  i.assumptions = {0.5, 0.8, 1.0};
  return i;
}

std::size_t mission_index(const FundingResult& r, const std::string& id) {
  const auto& ms = r.years[0].missions;
  return static_cast<std::size_t>(std::find_if(ms.begin(), ms.end(), [&](const MissionYear& m) { return m.mission == id; }) - ms.begin());
}

bool has(const std::vector<Finding>& f, const std::string& code) {
  return std::any_of(f.begin(), f.end(), [&](const Finding& x) { return x.code == code; });
}
const Finding* find(const std::vector<Finding>& f, const std::string& code) {
  for (const Finding& x : f)
    if (x.code == code) return &x;
  return nullptr;
}

}  // namespace

TEST(Forecast, StakeIsWhatTheYearsTargetEarns) {
  Indicator i = tiered();
  EXPECT_EQ(stake(i, 2), euros(8800));   // target 12 reaches the ≥ 10 tier only
  EXPECT_EQ(stake(i, 4), euros(8800));   // year 4: the latest earlier target (12) applies
  EXPECT_EQ(stake(i, 1), euros(17500));  // no target yet: the maximum is at stake
  i.targets[3] = 9;
  EXPECT_EQ(stake(i, 3), 0);             // a target below every tier earns nothing
  Indicator d{"I2", "A1", "Charte signée", IndicatorKind::Deliverable};
  d.cents = euros(5000);
  EXPECT_EQ(stake(d, 2), euros(5000));
}

TEST(Forecast, RealisticCountsTheFirstTierOnly) {
  Project p = prevention_only();
  p.indicators = {tiered()};
  FundingResult r = simulate(p, Scenario::Realistic);
  std::size_t m = mission_index(r, "prevention");
  // Year 2: 0.8 × 8 800 = 7 040 € (not 0.8 × 17 500 = 14 000 €).
  EXPECT_EQ(r.years[1].missions[m].variable, euros(7040));
  EXPECT_EQ(r.years[1].missions[m].basis, Basis::Forecast);
  // Year 1 has no target: 0.8 × 17 500 = 14 000 €.
  EXPECT_EQ(r.years[0].missions[m].variable, euros(14000));
  // Pessimistic year 2: 0.5 × 8 800 = 4 400 €; optimistic: 1 × 8 800 €; ceiling: the catalogue's 17 500 €.
  EXPECT_EQ(simulate(p, Scenario::Pessimistic).years[1].missions[m].variable, euros(4400));
  EXPECT_EQ(simulate(p, Scenario::Optimistic).years[1].missions[m].variable, euros(8800));
  EXPECT_EQ(simulate(p, Scenario::Ceiling).years[1].missions[m].variable, euros(17500));
  EXPECT_EQ(simulate(p, Scenario::Ceiling).years[1].missions[m].basis, Basis::Ceiling);
  // Entering a higher target changes the forecast: target 15 in year 2 → 0.8 × 17 500 = 14 000 €.
  p.indicators[0].targets[2] = 15;
  EXPECT_EQ(simulate(p, Scenario::Realistic).years[1].missions[m].variable, euros(14000));
}

TEST(Forecast, MonteCarloDrawsTheStake) {
  Project p = prevention_only();
  p.indicators = {tiered()};
  MonteCarloResult mc = monte_carlo(p, 10000, 7);
  // Year 2: 8 800 € with probability 0.8, else 0: P10 = 0, P50 = P90 = 8 800 € (never 17 500 €).
  EXPECT_EQ(mc.variable_by_year[1].p10, 0);
  EXPECT_EQ(mc.variable_by_year[1].p50, euros(8800));
  EXPECT_EQ(mc.variable_by_year[1].p90, euros(8800));
  // Year 1 (no target): 17 500 € at stake.
  EXPECT_EQ(mc.variable_by_year[0].p50, euros(17500));
}

// Partial recorded results: I1 tiers ≥ 10 → 8 800 €, ≥ 15 → 12 500 €, target 12 from year 2;
// I2 a deliverable of 5 000 €; realistic probability 0.8 for both.
//   year 1: I1 = 16 → 12 500, I2 done → 5 000: 17 500 € recorded
//   year 2: I1 = 11 → 8 800, I2 not recorded → 0.8 × 5 000 = 4 000: 12 800 € partly recorded
//   years 3–5: 0.8 × 8 800 + 0.8 × 5 000 = 7 040 + 4 000 = 11 040 € forecast
// Totals with the 92 500 € fixed: 110 000, 105 300, 103 540 × 3.
TEST(Forecast, RecordedScenarioScheduleEqualsSimulationYearByYear) {
  Project p = prevention_only();
  Indicator i1 = tiered();
  i1.tiers[1].cents = euros(12500);
  i1.actuals = {{1, 16}, {2, 11}};
  Indicator i2{"I2", "A1", "Charte signée", IndicatorKind::Deliverable};
  i2.cents = euros(5000);
  i2.actuals = {{1, 1}};
  p.indicators = {i1, i2};
  FundingResult r = simulate(p, Scenario::Recorded);
  const Cents expected[5] = {euros(110000), euros(105300), euros(103540), euros(103540), euros(103540)};
  const Basis basis[5] = {Basis::Recorded, Basis::Mixed, Basis::Forecast, Basis::Forecast, Basis::Forecast};
  Cents by_year[5] = {};
  for (const PaymentItem& it : r.schedule)
    if (it.contract_year >= 1) by_year[it.contract_year - 1] += it.cents;
  for (int k = 0; k < 5; ++k) {
    EXPECT_EQ(r.years[k].total(), expected[k]) << "année " << k + 1;
    EXPECT_EQ(by_year[k], expected[k]) << "année " << k + 1;
    EXPECT_EQ(r.years[k].basis(), basis[k]) << "année " << k + 1;
  }
  // Each variable line of the schedule says what it rests on.
  for (const PaymentItem& it : r.schedule)
    if (it.component == Component::Variable) EXPECT_EQ(it.basis, basis[it.contract_year - 1]);
  EXPECT_EQ(basis_text_fr(Basis::Mixed, Scenario::Recorded), "constaté en partie, prévision « réaliste »");
  // The realistic scenario also takes recorded values first: same figures, the difference is the
  // project's stated choice.
  EXPECT_EQ(simulate(p, Scenario::Realistic).total(), r.total());
  // compare_scenarios has the five, in the enum's order.
  EXPECT_EQ(compare_scenarios(p)[static_cast<int>(Scenario::Recorded)].total, r.total());
}

// The SNP envelope is a contract convention (domain §5: paid with the 75 % advance rule, or settled
// at the end of the year). Taille 3, access mission from the signature 01/01/2023: SNP 55 000 €.
TEST(Forecast, SnpEnvelopeFollowsTheContractConvention) {
  Project p = prevention_only();
  p.find_mission("acces")->chosen = true;
  p.find_mission("acces")->start = {2023, 1, 1};
  auto snp_items = [](const FundingResult& r, int year) {
    std::vector<PaymentItem> v;
    for (const PaymentItem& it : r.schedule)
      if (it.component == Component::Snp && it.contract_year == year) v.push_back(it);
    return v;
  };
  FundingResult advance = simulate(p, Scenario::Ceiling);  // default: like the fixed part
  auto a = snp_items(advance, 2);
  ASSERT_EQ(a.size(), 2u);
  EXPECT_EQ(a[0].date, (Date{2024, 1, 1}));
  EXPECT_EQ(a[0].cents, euros(41250));  // 75 % of 55 000
  EXPECT_EQ(a[1].date, (Date{2025, 1, 1}));
  EXPECT_EQ(a[1].cents, euros(13750));  // the 25 % balance
  p.contract.snp_payment = SnpPayment::YearEnd;
  FundingResult year_end = simulate(p, Scenario::Ceiling);
  auto e = snp_items(year_end, 2);
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].date, (Date{2025, 1, 1}));  // end of contract year 2
  EXPECT_EQ(e[0].cents, euros(55000));
  EXPECT_EQ(e[0].kind, PaymentKind::Full);
  EXPECT_EQ(year_end.total(), advance.total());  // the same money, on other dates
}

// "Total fixe" is the guaranteed money: crisis activation (paid only if the ARS recognises a
// crisis) is outside it. Taille 3, crisis mission from the signature, a crisis in year 2:
// fixed = 75 000 + 17 500 (prevention) + 22 500 (crisis plan update) = 115 000 €; activation 67 500 €.
TEST(Forecast, CrisisActivationIsNotGuaranteed) {
  Project p = prevention_only();
  p.find_mission("crise")->chosen = true;
  p.find_mission("crise")->start = {2023, 1, 1};
  p.crises.push_back({2, "Canicule"});
  FundingResult r = simulate(p, Scenario::Ceiling);
  EXPECT_EQ(r.years[1].fixed_total(), euros(115000));
  EXPECT_EQ(r.years[1].activation_total(), euros(67500));
  EXPECT_EQ(r.years[1].total(), euros(115000 + 67500 + 17500));
}

// Members' pay cap (décret 2022-375): 30 000 + 18 000 = 48 000 € in 2024 against the PASS
// 46 368 €: dépassement de 48 000 − 46 368 = 1 632 €.
TEST(Forecast, MembersPayFindingPrintsTheExcess) {
  Project p = prevention_only();
  p.professionals.push_back({"P1", "Dr Martin", "Médecin généraliste"});
  p.member_payments = {{"P1", 2024, euros(30000), "indemnité"}, {"P1", 2024, euros(18000), "rémunération"}};
  const std::vector<Finding> findings = check_project(p);  // kept: `find` points into it
  const Finding* f = find(findings, "plafond_pass");
  ASSERT_TRUE(f);
  EXPECT_NE(f->message_fr.find("dépassement de 1\u202F632,00\u00A0€"), std::string::npos) << f->message_fr;
  EXPECT_FALSE(has(check_project(p), "pass_estime"));  // 2024 is in the catalogue
}

// A calendar year the catalogue has no PASS for (2026; the last one is 2025 = 47 100 €) uses an
// estimate that is said and listed: 48 000 − 47 100 = 900 € over.
TEST(Forecast, MissingPassIsAListedEstimate) {
  Project p = prevention_only();
  p.professionals.push_back({"P1", "Dr Martin", "Médecin généraliste"});
  p.member_payments = {{"P1", 2026, euros(48000), "indemnité"}};
  auto findings = check_project(p);
  const Finding* cap = find(findings, "plafond_pass");
  ASSERT_TRUE(cap);
  EXPECT_NE(cap->message_fr.find("47\u202F100,00\u00A0€, estimé"), std::string::npos) << cap->message_fr;
  EXPECT_NE(cap->message_fr.find("dépassement de 900,00\u00A0€"), std::string::npos) << cap->message_fr;
  const Finding* est = find(findings, "pass_estime");
  ASSERT_TRUE(est);
  EXPECT_NE(est->message_fr.find("valeur 2025 reprise"), std::string::npos);
  auto e = pass_estimates(p, avenant2());
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].year, 2026);
  EXPECT_EQ(e[0].from_year, 2025);
  EXPECT_EQ(e[0].cents, euros(47100));
  auto listed = estimates_in_use_fr(p, simulate(p, Scenario::Ceiling));
  EXPECT_NE(std::find(listed.begin(), listed.end(), "PASS 2026 (valeur 2025 reprise)"), listed.end());
  // The same list for the English UI (the tooltip of « montant(s) estimé(s) » was French there).
  auto listed_en = estimates_in_use_en(p, simulate(p, Scenario::Ceiling));
  ASSERT_EQ(listed_en.size(), listed.size());
  EXPECT_NE(std::find(listed_en.begin(), listed_en.end(), "PASS 2026 (2025 value reused)"), listed_en.end());
  for (const std::string& line : listed_en) EXPECT_EQ(line.find("valeur"), std::string::npos) << line;
}
