#include "engine/budget.hpp"

namespace cpts {

std::array<BudgetYear, kContractYears> budget_by_year(const Project& p, const FundingResult& funding) {
  std::array<BudgetYear, kContractYears> out;
  for (int k = 0; k < kContractYears; ++k) {
    out[k].year = k + 1;
    out[k].aci = funding.years[k].total();
  }
  auto in_range = [](int y) { return y >= 1 && y <= kContractYears; };
  for (const YearAmount& e : p.expenses)
    if (in_range(e.year)) out[e.year - 1].expenses += e.cents;
  for (const YearAmount& i : p.other_income)
    if (in_range(i.year)) out[i.year - 1].other_income += i.cents;
  for (const Action& a : p.actions)
    for (const BudgetLine& b : a.budget)
      if (in_range(b.year)) out[b.year - 1].action_budgets += b.cents;
  return out;
}

}  // namespace cpts
