#include "engine/review.hpp"

#include "engine/checks.hpp"
#include "engine/estimates.hpp"

namespace cpts {

ReviewRow review_project(const Project& p, Scenario scenario) {
  ReviewRow row;
  const Catalogue& cat = catalogue_for(p);
  FundingResult ceiling = simulate(p, cat, Scenario::Ceiling);
  FundingResult realistic = simulate(p, cat, Scenario::Realistic);  // what the checks read
  FundingResult chosen = scenario == Scenario::Realistic ? realistic : simulate(p, cat, scenario);
  row.name = p.identity.name;
  row.taille = ceiling.taille;
  row.taille_forced = ceiling.taille != ceiling.computed_taille;
  row.signature = p.contract.signature;
  row.catalogue = cat.id;
  row.scenario = scenario;
  for (int k = 0; k < kContractYears; ++k) {
    row.ceiling[k] = ceiling.years[k].total();
    row.chosen[k] = chosen.years[k].total();
    row.at_risk += ceiling.years[k].variable_max_total();
  }
  row.ceiling_total = ceiling.total();
  row.chosen_total = chosen.total();
  std::vector<Finding> findings = check_project(p, realistic);
  row.blocking = count(findings, Severity::Blocking);
  row.to_review = count(findings, Severity::Warning);
  row.estimates = estimates_in_use_fr(p, ceiling);
  return row;
}

ReviewTotals review_totals(const std::vector<ReviewRow>& rows) {
  ReviewTotals t;
  for (const ReviewRow& r : rows) {
    ++t.projects;
    if (!r.ok()) {
      ++t.failed;
      continue;
    }
    for (int k = 0; k < kContractYears; ++k) {
      t.ceiling[k] += r.ceiling[k];
      t.chosen[k] += r.chosen[k];
    }
    t.ceiling_total += r.ceiling_total;
    t.chosen_total += r.chosen_total;
    t.at_risk += r.at_risk;
    t.blocking += r.blocking;
    t.to_review += r.to_review;
    t.estimates += static_cast<int>(r.estimates.size());
  }
  return t;
}

}  // namespace cpts
