#include "engine/scenarios.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <vector>

namespace cpts {

std::array<ScenarioTotals, kScenarioCount> compare_scenarios(const Project& p) {
  std::array<ScenarioTotals, kScenarioCount> out;
  for (int i = 0; i < kScenarioCount; ++i) {
    const Scenario all[kScenarioCount] = {Scenario::Ceiling, Scenario::Pessimistic, Scenario::Realistic, Scenario::Optimistic,
                                          Scenario::Recorded};
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

// Indicators of one cell that pay the same amount with the same probability: their count of
// successes is Binomial(n, p), drawn in one step by inverting its cumulative distribution. Exact,
// and much faster than n Bernoulli draws when many indicators look alike (the stress project).
struct Group {
  Cents amount = 0;
  double p = 0;
  int n = 0;
  std::vector<double> cdf;  // cdf[k] = P(successes <= k)
};

void build_cdf(Group& g) {
  g.cdf.assign(static_cast<std::size_t>(g.n) + 1, 1.0);
  if (g.p <= 0 || g.p >= 1) return;  // deterministic: handled in draw()
  double lp = std::log(g.p), lq = std::log1p(-g.p), acc = 0;
  for (int k = 0; k <= g.n; ++k) {
    double log_pmf = std::lgamma(g.n + 1.0) - std::lgamma(k + 1.0) - std::lgamma(g.n - k + 1.0) + k * lp + (g.n - k) * lq;
    acc += std::exp(log_pmf);
    g.cdf[static_cast<std::size_t>(k)] = std::min(acc, 1.0);
  }
  g.cdf.back() = 1.0;
}

// One (year, mission) cell: constant part from actuals, random groups, cap and prorata.
struct Cell {
  int year = 0;
  Cents constant = 0, cap = 0;
  int num = 1, den = 1;
  bool prorate = true;
  std::vector<Group> groups;

  Cents draw(SplitMix64& rng) const {
    Cents earned = constant;
    for (const Group& g : groups) {
      if (g.p <= 0) continue;
      if (g.p >= 1) { earned += g.amount * g.n; continue; }
      double u = static_cast<double>(rng.next() >> 11) * 0x1.0p-53;
      auto k = std::lower_bound(g.cdf.begin(), g.cdf.end(), u) - g.cdf.begin();
      earned += g.amount * static_cast<Cents>(std::min<long>(k, g.n));
    }
    earned = std::min(earned, cap);
    return prorate ? mul_div(earned, num, den) : earned;
  }
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
        if (auto value = year_value(ind, y.year, p.contract.signature)) {  // measurements, else actuals (forecast.hpp)
          c.constant += indicator_payment(ind, y.year, *value);
        } else {
          double prob = std::clamp(ind.assumptions.realistic, 0.0, 1.0);
          Cents amount = stake(ind, y.year);  // what the year's target earns (forecast.hpp)
          auto g = std::find_if(c.groups.begin(), c.groups.end(), [&](const Group& x) { return x.amount == amount && x.p == prob; });
          if (g == c.groups.end()) c.groups.push_back({amount, prob, 1, {}});
          else ++g->n;
        }
      }
      for (Group& g : c.groups) build_cdf(g);
      cells.push_back(std::move(c));
    }
  }

  std::array<std::vector<Cents>, kContractYears> samples;
  for (auto& s : samples) s.assign(static_cast<std::size_t>(out.draws), 0);
  std::vector<Cents> totals(static_cast<std::size_t>(out.draws), 0);
  SplitMix64 rng{seed};
  for (int d = 0; d < out.draws; ++d) {
    for (const Cell& c : cells) {
      Cents earned = c.draw(rng);
      samples[c.year - 1][static_cast<std::size_t>(d)] += earned;
      totals[static_cast<std::size_t>(d)] += earned;
    }
  }
  for (int k = 0; k < kContractYears; ++k) out.variable_by_year[k] = percentiles(samples[k]);
  out.variable_total = percentiles(totals);
  return out;
}

}  // namespace cpts
