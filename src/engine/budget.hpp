// Budget balance per contract year: ACI income (engine, chosen scenario) + other income − expenses
// (expenses and fiche-action budget lines).
#pragma once
#include <array>

#include "engine/funding.hpp"

namespace cpts {

struct BudgetYear {
  int year = 0;
  Cents aci = 0, other_income = 0, expenses = 0, action_budgets = 0;
  Cents balance() const { return aci + other_income - expenses - action_budgets; }
};

std::array<BudgetYear, kContractYears> budget_by_year(const Project& p, const FundingResult& funding);

}  // namespace cpts
