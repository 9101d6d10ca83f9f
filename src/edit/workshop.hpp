// Workshops on a shared screen: rating candidate actions together (impact × feasibility, dot
// votes), turning the retained ones into actions, and comparing named variants of the project.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "model/project.hpp"

namespace cpts {

struct CandidateScore {
  std::size_t index = 0;       // in Project::candidates
  double impact = 0;           // mean over the groups that rated it (1..5), 0 if none
  double feasibility = 0;
  double score = 0;            // impact × feasibility (1..25): the matrix's diagonal
  int votes = 0;               // total dot votes
  int rank = 0;                // 1 = first
  bool tied = false;           // same score and votes as another candidate: ranked by list order
};

// Ranked best first: score, then votes, then the order of the list (equal candidates are `tied`).
std::vector<CandidateScore> rank_candidates(const Project& p);

// The project with every retained candidate not yet converted turned into an action of its
// mission (fresh id; the candidate remembers the action). `created` receives the new action ids.
Project convert_retained_candidates(const Project& p, std::vector<std::string>* created = nullptr);

struct VariantSummary {
  std::string name;
  std::array<Cents, kContractYears> by_year{};  // ceiling per contract year
  Cents total = 0;
  Cents at_risk = 0;           // variable part over 5 years
  Cents realistic_total = 0;   // realistic scenario
  int taille = 0;
  int blocking = 0, warnings = 0;
};

// The current project first ("Projet actuel"), then each variant.
std::vector<VariantSummary> compare_variants(const Project& p);
VariantSummary summarize(const std::string& name, const Project& p);

// A variant made from the current project (without its own variants).
Variant make_variant(const Project& p, const std::string& name, const std::string& note = {});

}  // namespace cpts
