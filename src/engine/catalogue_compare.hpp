// A project's funding under two catalogues side by side (issue #17 item 3: "Comparer avec un autre
// catalogue"), per contract year and per mission, with the difference. The view model of the
// app's comparison window and of `cpts-cli compare-catalogues`.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "engine/funding.hpp"

namespace cpts {

struct ComparisonLine {
  std::string key;                        // "fonctionnement", "topup", "extra:<id>", "mission:<id>", "total"
  std::string label_fr, label_en;
  std::array<Cents, kContractYears> a{}, b{};  // contract years 1..5
  Cents total_a() const;
  Cents total_b() const;
  Cents diff(int year) const { return b[year - 1] - a[year - 1]; }  // year 1..5
  Cents total_diff() const { return total_b() - total_a(); }
};

struct CatalogueComparison {
  const Catalogue* a = nullptr;           // the project's catalogue
  const Catalogue* b = nullptr;           // the other one
  Scenario scenario = Scenario::Ceiling;
  int taille_a = 0, taille_b = 0;
  std::vector<ComparisonLine> lines;      // contract money, then missions (a's order, then b's own)
  ComparisonLine total;                   // years 1..5
  Cents pre_contract_a = 0, pre_contract_b = 0;  // lettre d'intention, before the contract
  std::vector<std::string> notes_fr;      // what does not carry over (a chosen mission unknown to b…)
  std::vector<std::string> notes_en;      // the same notes in English, in the same order
};

CatalogueComparison compare_catalogues(const Project& p, const Catalogue& a, const Catalogue& b,
                                       Scenario scenario = Scenario::Ceiling);

}  // namespace cpts
