#include "edit/workshop.hpp"

#include <algorithm>

#include "engine/checks.hpp"

namespace cpts {

std::vector<CandidateScore> rank_candidates(const Project& p) {
  std::vector<CandidateScore> out;
  for (std::size_t i = 0; i < p.candidates.size(); ++i) {
    const Candidate& c = p.candidates[i];
    CandidateScore s;
    s.index = i;
    int ni = 0, nf = 0;
    for (const Rating& r : c.ratings) {
      if (r.impact > 0) { s.impact += r.impact; ++ni; }
      if (r.feasibility > 0) { s.feasibility += r.feasibility; ++nf; }
      s.votes += r.votes;
    }
    if (ni) s.impact /= ni;
    if (nf) s.feasibility /= nf;
    s.score = s.impact * s.feasibility;
    out.push_back(s);
  }
  std::stable_sort(out.begin(), out.end(), [&](const CandidateScore& a, const CandidateScore& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.votes != b.votes) return a.votes > b.votes;
    // Equal score and votes: the order of the list, so that a fresh list (every score 0) reads
    // 1-2-3 down the table instead of an alphabetical 2-3-1 that looks like a bug.
    return a.index < b.index;
  });
  for (std::size_t k = 0; k < out.size(); ++k) {
    out[k].rank = static_cast<int>(k) + 1;
    auto same = [&](std::size_t j) { return out[j].score == out[k].score && out[j].votes == out[k].votes; };
    out[k].tied = (k > 0 && same(k - 1)) || (k + 1 < out.size() && same(k + 1));
  }
  return out;
}

Project convert_retained_candidates(const Project& p, std::vector<std::string>* created) {
  Project next = p;
  for (Candidate& c : next.candidates) {
    if (!c.retained || (!c.action.empty() && next.find_action(c.action))) continue;
    Action a;
    a.id = fresh_id(next, 'A');
    a.mission = c.mission;
    a.title = c.title;
    a.objective = c.description;
    if (const ProjectMission* pm = next.find_mission(c.mission)) a.start = pm->start;
    std::string groups;
    for (const Rating& r : c.ratings) groups += (groups.empty() ? "" : ", ") + r.group;
    a.comments = "Retenue en atelier" + (groups.empty() ? std::string() : " (groupes : " + groups + ")");
    c.action = a.id;
    if (ProjectMission* pm = next.find_mission(c.mission)) pm->chosen = true;
    if (created) created->push_back(a.id);
    next.actions.push_back(std::move(a));
  }
  return next;
}

VariantSummary summarize(const std::string& name, const Project& p) {
  VariantSummary s;
  s.name = name;
  FundingResult ceiling = simulate(p, Scenario::Ceiling);
  FundingResult realistic = simulate(p, Scenario::Realistic);
  for (int k = 0; k < kContractYears; ++k) {
    s.by_year[static_cast<std::size_t>(k)] = ceiling.years[static_cast<std::size_t>(k)].total();
    s.at_risk += ceiling.years[static_cast<std::size_t>(k)].variable_max_total();
  }
  s.total = ceiling.total();
  s.realistic_total = realistic.total();
  s.taille = ceiling.taille;
  auto findings = check_project(p, realistic);
  s.blocking = count(findings, Severity::Blocking);
  s.warnings = count(findings, Severity::Warning);
  return s;
}

std::vector<VariantSummary> compare_variants(const Project& p) {
  std::vector<VariantSummary> out{summarize("Projet actuel", p)};
  for (const Variant& v : p.variants)
    if (v.project) out.push_back(summarize(v.name, *v.project));
  return out;
}

Variant make_variant(const Project& p, const std::string& name, const std::string& note) {
  auto copy = std::make_shared<Project>(p);
  copy->variants.clear();
  copy->group_copy = {};
  return Variant{name, note, std::move(copy)};
}

}  // namespace cpts
