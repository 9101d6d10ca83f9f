// A review of many CPTS at once (issue #17 item 5, `cpts-cli review`): one row of figures per
// project, for ARS / CPAM staff and federations. The rows are computed here; io/review_report.hpp
// loads the files and writes the rows as text, CSV, HTML or JSON.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "engine/funding.hpp"

namespace cpts {

struct ReviewRow {
  std::string file;               // as given on the command line
  std::string error;              // the file did not load: French message naming the place; no figures
  std::string name;
  int taille = 0;
  bool taille_forced = false;
  Date signature;
  std::string catalogue;
  Scenario scenario = Scenario::Ceiling;        // the chosen one (--scenario, else the project's)
  std::array<Cents, kContractYears> ceiling{};  // per contract year
  std::array<Cents, kContractYears> chosen{};
  Cents ceiling_total = 0, chosen_total = 0;
  Cents at_risk = 0;              // variable maximum over the 5 years (what indicators can lose)
  int blocking = 0, to_review = 0;
  std::vector<std::string> estimates;  // estimated catalogue amounts in use ("Part fixe — Accès")
  bool ok() const { return error.empty(); }
};

// Figures of one project under `scenario` (and the ceiling).
ReviewRow review_project(const Project& p, Scenario scenario);

struct ReviewTotals {
  int projects = 0, failed = 0;
  std::array<Cents, kContractYears> ceiling{}, chosen{};
  Cents ceiling_total = 0, chosen_total = 0, at_risk = 0;
  int blocking = 0, to_review = 0, estimates = 0;
};
ReviewTotals review_totals(const std::vector<ReviewRow>& rows);

}  // namespace cpts
