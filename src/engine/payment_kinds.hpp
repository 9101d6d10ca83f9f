// The payment kinds of rules/payment_rule.hpp applied to amounts: which dated lines of the
// schedule an amount becomes (issue #17 item 2). The funding engine (engine/funding.cpp) says
// which amount, for which year and mission; these functions say when it is paid.
#pragma once
#include <functional>
#include <string>

#include "engine/funding.hpp"

namespace cpts {

// Appends the schedule lines of one component (extra: the id of a catalogue's extra component).
struct PaymentWriter {
  FundingResult& r;
  std::string mission;
  Component component = Component::Fonctionnement;
  std::string extra;
  void line(const Date& d, int year, PaymentKind k, Cents cents, bool estimate) const;
  // `advance_percent` on `first`, the balance at the end of year `y` (ACI art. 9.1; Sénat r25-0325);
  // with no advance (0 %), one payment in full at the end of the year.
  void advance_and_balance(const Date& first, const YearFunding& y, int advance_percent, Cents amount, bool estimate) const;
};

// A contract-level component (no mission): yearly, lump sum or on event. `amount(year)` resolves
// the amount of a contract year (0 = before the contract). Returns what each contract year gets,
// index 0 being the money paid before the contract (lettre d'intention).
std::array<Cents, kContractYears + 1> pay_contract_component(const Project& p, const PaymentRule& rule,
                                                              const FundingResult& r,
                                                              const std::function<ResolvedAmount(int)>& amount,
                                                              const PaymentWriter& w);

// A mission component other than the variable part, in a contract year the mission runs:
// prorated (advance on `first_payment`, balance at the year's end) or on event. Returns the
// amount of the year.
Cents pay_mission_component(const Project& p, const PaymentRule& rule, const YearFunding& y, const MissionYear& my,
                            bool first_year, const Date& first_payment, const ResolvedAmount& a, const PaymentWriter& w);

}  // namespace cpts
