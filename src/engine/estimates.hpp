// Every estimated figure a project's results rest on, listed in one place (issue #17 item 4): the
// catalogue amounts whose provenance is "estimate" (FundingResult::estimates), and the PASS of a
// calendar year the catalogue does not give (members' pay cap, décret 2022-375), for which the
// latest known value is used — never silently: it is badged in the finding and listed here.
#pragma once
#include <string>
#include <vector>

#include "engine/funding.hpp"

namespace cpts {

struct PassEstimate {
  int year = 0;          // calendar year with member payments and no PASS value in the catalogue
  int from_year = 0;     // the year whose value is used
  Cents cents = 0;
};
// Years of the project's member payments whose PASS is an estimate, in year order.
std::vector<PassEstimate> pass_estimates(const Project& p, const Catalogue& cat);

// "Part fixe — Accès", "PASS 2026 (valeur 2025 reprise)": what the project relies on that is
// estimated, for the lists shown next to the figures (CLI, app, documents, review).
std::vector<std::string> estimates_in_use_fr(const Project& p, const FundingResult& r);
// The same list in English ("Fixed part — Access", "PASS 2026 (2025 value reused)"), for the app.
std::vector<std::string> estimates_in_use_en(const Project& p, const FundingResult& r);

}  // namespace cpts
