#include "engine/estimates.hpp"

#include <set>

namespace cpts {

std::vector<PassEstimate> pass_estimates(const Project& p, const Catalogue& cat) {
  std::set<int> years;
  for (const MemberPayment& m : p.member_payments) years.insert(m.calendar_year);
  std::vector<PassEstimate> out;
  for (int y : years) {
    auto pass = cat.pass_for(y);
    if (!pass || pass->provenance != Provenance::Estimate || cat.pass_by_year.count(y)) continue;
    auto from = cat.pass_by_year.upper_bound(y);  // pass_for reuses the latest earlier year
    out.push_back({y, std::prev(from)->first, pass->cents});
  }
  return out;
}

namespace {

std::vector<std::string> estimates_in_use(const Project& p, const FundingResult& r, bool english) {
  std::vector<std::string> out;
  for (const EstimateUse& e : r.estimates) {
    const CatalogueMission* m = r.catalogue ? r.catalogue->mission(e.mission) : nullptr;
    const std::string mission = m ? " — " + (english && !m->short_en.empty() ? m->short_en : m->short_fr) : "";
    out.push_back(std::string(english ? component_label_en(e.component) : component_label_fr(e.component)) + mission);
  }
  if (r.catalogue)
    for (const PassEstimate& e : pass_estimates(p, *r.catalogue))
      out.push_back("PASS " + std::to_string(e.year) +
                    (english ? " (" + std::to_string(e.from_year) + " value reused)" : " (valeur " + std::to_string(e.from_year) + " reprise)"));
  return out;
}

}  // namespace

std::vector<std::string> estimates_in_use_fr(const Project& p, const FundingResult& r) { return estimates_in_use(p, r, false); }
std::vector<std::string> estimates_in_use_en(const Project& p, const FundingResult& r) { return estimates_in_use(p, r, true); }

}  // namespace cpts
