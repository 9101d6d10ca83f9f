#include "engine/payment_kinds.hpp"

#include <algorithm>

namespace cpts {

void PaymentWriter::line(const Date& d, int year, PaymentKind k, Cents cents, bool estimate) const {
  if (cents == 0) return;
  PaymentItem it{d, year, mission, component, k, cents, estimate};
  it.extra = extra;
  r.schedule.push_back(std::move(it));
}

void PaymentWriter::advance_and_balance(const Date& first, const YearFunding& y, int advance_percent, Cents amount,
                                        bool estimate) const {
  if (advance_percent == 0) return line(y.end, y.year, PaymentKind::Full, amount, estimate);  // no advance: in full
  Cents advance = mul_div(amount, advance_percent, 100);
  line(first, y.year, PaymentKind::Advance, advance, estimate);
  line(y.end, y.year, PaymentKind::Balance, amount - advance, estimate);
}

std::array<Cents, kContractYears + 1> pay_contract_component(const Project& p, const PaymentRule& rule,
                                                              const FundingResult& r,
                                                              const std::function<ResolvedAmount(int)>& amount,
                                                              const PaymentWriter& w) {
  std::array<Cents, kContractYears + 1> by_year{};
  const Date sig = p.contract.signature;
  switch (rule.kind) {
    case PayKind::Yearly:
      for (const YearFunding& y : r.years) {
        ResolvedAmount a = amount(y.year);
        by_year[y.year] = a.cents;
        if (y.year == 1 && rule.first_year_at_signature) w.line(sig, 1, PaymentKind::Full, a.cents, a.estimate);
        else w.advance_and_balance(y.start, y, rule.advance_percent, a.cents, a.estimate);
      }
      break;
    case PayKind::LumpSum: {
      if (rule.signed_until.valid() && sig > rule.signed_until) break;
      Date on = sig;
      int year = 1;  // a lump sum counts in year 1 even when paid later (the avenant 2 top-up of the first year)
      if (rule.on == LumpOn::LettreIntention) {
        if (!p.contract.pay_lettre_intention) break;
        on = p.contract.lettre_intention.valid() ? p.contract.lettre_intention : sig;
        year = 0;  // before the contract
      } else if (rule.on == LumpOn::Date) {
        on = std::max(sig, rule.date);
      }
      ResolvedAmount a = amount(year);
      by_year[year] = a.cents;
      w.line(on, year, PaymentKind::Full, a.cents, a.estimate);
      break;
    }
    case PayKind::OnEvent:
      for (const CrisisActivation& c : p.crises) {  // the only event: a crisis recognised by the ARS
        if (c.year < 1 || c.year > kContractYears) continue;
        const YearFunding& y = r.years[c.year - 1];
        ResolvedAmount a = amount(y.year);
        by_year[y.year] += a.cents;
        w.line(y.end, y.year, PaymentKind::Full, a.cents, a.estimate);
      }
      break;
    case PayKind::Prorated:
    case PayKind::Variable: break;  // mission kinds: refused on a contract component by the catalogue reader
  }
  return by_year;
}

Cents pay_mission_component(const Project& p, const PaymentRule& rule, const YearFunding& y, const MissionYear& my,
                            bool first_year, const Date& first_payment, const ResolvedAmount& a, const PaymentWriter& w) {
  if (!a.found) return 0;
  switch (rule.kind) {
    case PayKind::Prorated: {
      if ((rule.years == PayYears::First && !first_year) || (rule.years == PayYears::Later && first_year)) return 0;
      Cents prorated = mul_div(a.cents, my.prorata_num, my.prorata_den);
      w.advance_and_balance(first_payment, y, rule.advance_percent, prorated, a.estimate);
      return prorated;
    }
    case PayKind::OnEvent: {
      Cents total = 0;
      for (const CrisisActivation& c : p.crises) {
        if (c.year != y.year) continue;
        total += a.cents;
        w.line(y.end, y.year, PaymentKind::Full, a.cents, a.estimate);
      }
      return total;
    }
    case PayKind::LumpSum:
    case PayKind::Yearly:
    case PayKind::Variable: break;  // contract kinds, and the variable part computed by the engine
  }
  return 0;
}

}  // namespace cpts
