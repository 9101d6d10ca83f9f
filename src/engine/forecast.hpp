// Forecasts of the variable part (issue #17 item 1): what an indicator puts at stake in a contract
// year, and what a scenario counts for it.
//
// Rule: the amount at stake for an indicator in a year is what its target for that year earns
// through its payment rule (tiers: the highest tier the target reaches; single amount: reached;
// deliverable: its amount). A scenario's probability applies to reaching that target: the expected
// amount is stake × probability, and the Monte-Carlo draws stake-or-nothing with that probability.
// An indicator with no target for the year puts its maximum at stake (nothing says less is aimed
// at). A year with a recorded actual value pays what the actual earns, in every scenario but the
// ceiling ("plafond" is the catalogue maximum whatever the results).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/project.hpp"
#include "model/scenario.hpp"

namespace cpts {

// What a variable amount rests on; every line of a schedule or a simulation says which.
enum class Basis {
  Fixed,     // not variable: fonctionnement, fixed parts, SNP, crisis money
  Ceiling,   // the catalogue maximum
  Forecast,  // the scenario's probabilities applied to the targets (no recorded value this year)
  Recorded,  // recorded actual values for every indicator of the line
  Mixed,     // recorded values for some indicators, the forecast for the others
};
// "fixe", "plafond", "prévision", "constaté", "constaté en partie"
const char* basis_label_fr(Basis b);
// With the scenario for a forecast: "prévision « réaliste »", "constaté en partie, prévision « réaliste »".
std::string basis_text_fr(Basis b, Scenario s);
// Basis of a line made of two parts (a year over its missions).
Basis combine(Basis a, Basis b);

// The probability a scenario gives to reaching the target (ceiling: 1; constaté: the realistic one).
double probability(const Assumptions& a, Scenario s);

// The value of contract year `year` (issue #19): the measurement marked final among those dated in
// the year [signature + (year-1) ans, signature + year ans), else the last measurement of the year,
// else the recorded actual value (Indicator::actuals). nullopt: nothing recorded for the year.
// Without a valid signature, only the actual value counts (a measurement's year is unknown).
std::optional<double> year_value(const Indicator& ind, int year, const Date& signature);

// Amount at stake for `ind` in contract year `year` (rule above).
Cents stake(const Indicator& ind, int year);

struct VariableEarned {
  Cents cents = 0;           // before the catalogue cap and the prorata
  Basis basis = Basis::Forecast;
};
// What the indicators of one mission earn in a year under a scenario other than the ceiling.
// A year "with a value" is one where year_value() gives one (measurements included).
VariableEarned variable_earned(const std::vector<const Indicator*>& indicators, int year, Scenario s, const Date& signature);

}  // namespace cpts
