// Scenarios of the variable part: pessimistic / realistic / optimistic totals, and a seeded
// Monte-Carlo distribution (P10 / P50 / P90 per contract year).
//
// Model (forecast.hpp): in a year without an actual value, each indicator independently reaches its
// target for the year with the probability of the scenario (Indicator::assumptions) and pays what
// that target earns (its stake), or pays nothing; years with actual values pay what the actual
// earns. The scenario totals use the expected value (stake × probability); the Monte-Carlo draws
// use the realistic probability.
#pragma once
#include <array>
#include <cstdint>

#include "engine/funding.hpp"

namespace cpts {

struct ScenarioTotals {
  Scenario scenario;
  std::array<Cents, kContractYears> by_year{};
  Cents total = 0;
  Cents variable_total = 0;
};

// Ceiling, pessimistic, realistic, optimistic, constaté, in that order (the enum's).
std::array<ScenarioTotals, kScenarioCount> compare_scenarios(const Project& p);

struct Percentiles {
  Cents p10 = 0, p50 = 0, p90 = 0;
};

struct MonteCarloResult {
  int draws = 0;
  std::uint64_t seed = 0;
  std::array<Percentiles, kContractYears> variable_by_year;  // variable part only
  Percentiles variable_total;                                 // over the 5 years
  std::array<Cents, kContractYears> fixed_by_year{};          // the certain part, for context
};

// Same seed, same project -> same figures on every platform (own RNG, no <random> distributions).
MonteCarloResult monte_carlo(const Project& p, int draws = 10000, std::uint64_t seed = 20190820);

}  // namespace cpts
