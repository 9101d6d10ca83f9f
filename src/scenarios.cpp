#include "scenarios.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <vector>

namespace cpts {

std::array<ScenarioTotals, 4> compare_scenarios(const Project& p) {
  std::array<ScenarioTotals, 4> out;
  const Scenario all[4] = {Scenario::Ceiling, Scenario::Pessimistic, Scenario::Realistic, Scenario::Optimistic};
  for (int i = 0; i < 4; ++i) {
    FundingResult r = simulate(p, all[i]);
    out[i].scenario = all[i];
    for (int k = 0; k < kContractYears; ++k) {
      out[i].by_year[k] = r.years[k].total();
      out[i].variable_total += r.years[k].variable_total();
    }
    out[i].total = r.total();
  }
  return out;
}

namespace {

// splitmix64: tiny, fast, identical on every platform.
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
};

// One (year, mission) cell: constant part from actuals, random indicators, cap and prorata.
struct Cell {
  int year = 0;
  Cents constant = 0, cap = 0;
  int num = 1, den = 1;
  bool prorate = true;
  std::vector<std::uint32_t> threshold;  // probability × 65 536 (16-bit draws)
  std::vector<Cents> amount;
};

Percentiles percentiles(std::vector<Cents>& v) {
  Percentiles p;
  if (v.empty()) return p;
  // Nearest-rank percentiles: the smallest value with at least q % of the draws at or below it.
  auto rank = [&](int q) {
    std::size_t k = (v.size() * q + 99) / 100;
    k = k == 0 ? 0 : k - 1;
    std::nth_element(v.begin(), v.begin() + static_cast<long>(k), v.end());
    return v[k];
  };
  p.p10 = rank(10);
  p.p50 = rank(50);
  p.p90 = rank(90);
  return p;
}

}  // namespace

MonteCarloResult monte_carlo(const Project& p, int draws, std::uint64_t seed) {
  MonteCarloResult out;
  out.draws = std::max(draws, 1);
  out.seed = seed;
  const Catalogue& cat = catalogue_for(p);
  FundingResult ceiling = simulate(p, cat, Scenario::Ceiling);
  for (int k = 0; k < kContractYears; ++k) out.fixed_by_year[k] = ceiling.years[k].fixed_total();

  std::unordered_map<std::string, const std::string*> action_mission;
  for (const Action& a : p.actions) action_mission.emplace(a.id, &a.mission);
  std::vector<Cell> cells;
  for (const YearFunding& y : ceiling.years) {
    for (const MissionYear& my : y.missions) {
      if (!my.active || my.variable_max == 0) continue;
      Cell c;
      c.year = y.year;
      c.cap = resolve_amount(p, cat, ceiling.taille, Component::Variable, my.mission, y.year).cents;
      c.num = my.prorata_num;
      c.den = my.prorata_den;
      c.prorate = p.contract.prorate_variable;
      for (const Indicator& ind : p.indicators) {
        auto am = action_mission.find(ind.action);
        if (am == action_mission.end() || *am->second != my.mission) continue;
        auto actual = ind.actuals.find(y.year);
        if (actual != ind.actuals.end()) {
          c.constant += indicator_payment(ind, y.year, actual->second);
        } else {
          double prob = std::clamp(ind.assumptions.realistic, 0.0, 1.0);
          c.threshold.push_back(static_cast<std::uint32_t>(std::lround(prob * 65536)));
          c.amount.push_back(ind.max_cents());
        }
      }
      cells.push_back(std::move(c));
    }
  }

  std::array<std::vector<Cents>, kContractYears> samples;
  for (auto& s : samples) s.assign(static_cast<std::size_t>(out.draws), 0);
  std::vector<Cents> totals(static_cast<std::size_t>(out.draws), 0);
  SplitMix64 rng{seed};
  for (int d = 0; d < out.draws; ++d) {
    for (const Cell& c : cells) {
      Cents earned = c.constant;
      std::uint64_t bits = 0;
      for (std::size_t i = 0; i < c.amount.size(); ++i) {
        if (i % 4 == 0) bits = rng.next();  // four 16-bit draws per 64-bit number
        if ((bits & 0xFFFF) < c.threshold[i]) earned += c.amount[i];
        bits >>= 16;
      }
      earned = std::min(earned, c.cap);
      if (c.prorate) earned = mul_div(earned, c.num, c.den);
      samples[c.year - 1][static_cast<std::size_t>(d)] += earned;
      totals[static_cast<std::size_t>(d)] += earned;
    }
  }
  for (int k = 0; k < kContractYears; ++k) out.variable_by_year[k] = percentiles(samples[k]);
  out.variable_total = percentiles(totals);
  return out;
}

}  // namespace cpts
