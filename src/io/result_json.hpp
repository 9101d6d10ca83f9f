// Engine results as JSON (for `cpts-cli … --json`, the benchmarks and the web bridges). Amounts
// are integer cents; labels are the catalogue's French ones.
#pragma once
#include <string>
#include <vector>

#include "engine/checks.hpp"
#include "engine/funding.hpp"
#include "engine/scenarios.hpp"
#include "engine/suivi.hpp"

namespace cpts {

std::string funding_to_json(const FundingResult& r);
std::string schedule_to_json(const FundingResult& r);
std::string findings_to_json(const std::vector<Finding>& findings);
std::string monte_carlo_to_json(const MonteCarloResult& mc);
// The follow-up of a contract year (engine/suivi.hpp): `cpts-cli suivi --json`.
std::string suivi_to_json(const Suivi& s);

}  // namespace cpts
