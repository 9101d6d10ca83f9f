#include "engine/forecast.hpp"

#include <algorithm>
#include <cmath>

#include "engine/funding.hpp"

namespace cpts {

const char* basis_label_fr(Basis b) {
  switch (b) {
    case Basis::Fixed: return "fixe";
    case Basis::Ceiling: return "plafond";
    case Basis::Forecast: return "prévision";
    case Basis::Recorded: return "constaté";
    case Basis::Mixed: return "constaté en partie";
  }
  return "?";
}

std::string basis_text_fr(Basis b, Scenario s) {
  // Under "constaté", years without a recorded value use the realistic probabilities.
  std::string forecast = std::string("prévision « ") + to_string(s == Scenario::Recorded ? Scenario::Realistic : s) + " »";
  if (b == Basis::Forecast) return forecast;
  if (b == Basis::Mixed) return std::string(basis_label_fr(b)) + ", " + forecast;
  return basis_label_fr(b);
}

Basis combine(Basis a, Basis b) {
  if (a == Basis::Fixed) return b;
  if (b == Basis::Fixed || a == b) return a;
  if (a == Basis::Ceiling || b == Basis::Ceiling) return Basis::Ceiling;  // not mixed with results
  return Basis::Mixed;
}

double probability(const Assumptions& a, Scenario s) {
  switch (s) {
    case Scenario::Pessimistic: return a.pessimistic;
    case Scenario::Realistic:
    case Scenario::Recorded: return a.realistic;
    case Scenario::Optimistic: return a.optimistic;
    case Scenario::Ceiling: return 1.0;
  }
  return 0;
}

Cents stake(const Indicator& ind, int year) {
  if (ind.kind == IndicatorKind::Deliverable && ind.tiers.empty()) return ind.cents;
  auto target = target_for(ind, year);
  if (!target) return ind.max_cents();
  return indicator_payment(ind, year, *target);
}

std::optional<double> year_value(const Indicator& ind, int year, const Date& signature) {
  if (!ind.measurements.empty() && signature.valid()) {
    Date start = add_years(signature, year - 1), end = add_years(signature, year);
    const Measurement* last = nullptr;
    for (const Measurement& m : ind.measurements) {  // sorted by date
      if (m.date < start) continue;
      if (!(m.date < end)) break;
      if (m.final) return m.value;
      last = &m;
    }
    if (last) return last->value;
  }
  auto actual = ind.actuals.find(year);
  if (actual != ind.actuals.end()) return actual->second;
  return std::nullopt;
}

VariableEarned variable_earned(const std::vector<const Indicator*>& indicators, int year, Scenario s, const Date& signature) {
  VariableEarned out;
  int recorded = 0, forecast = 0;
  for (const Indicator* ind : indicators) {
    if (auto value = year_value(*ind, year, signature)) {
      out.cents += indicator_payment(*ind, year, *value);
      ++recorded;
    } else {
      double prob = std::clamp(probability(ind->assumptions, s), 0.0, 1.0);
      out.cents += mul_div(stake(*ind, year), std::llround(prob * 10000), 10000);
      ++forecast;
    }
  }
  out.basis = recorded == 0 ? Basis::Forecast : forecast == 0 ? Basis::Recorded : Basis::Mixed;
  return out;
}

}  // namespace cpts
