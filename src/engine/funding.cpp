#include "engine/funding.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace cpts {

const char* to_string(Scenario s) {
  switch (s) {
    case Scenario::Ceiling: return "plafond";
    case Scenario::Pessimistic: return "pessimiste";
    case Scenario::Realistic: return "réaliste";
    case Scenario::Optimistic: return "optimiste";
    case Scenario::Recorded: return "constaté";
  }
  return "?";
}

const char* scenario_word(Scenario s) { return s == Scenario::Realistic ? "realiste" : s == Scenario::Recorded ? "constate" : to_string(s); }

const char* payment_kind_label_fr(PaymentKind k) {
  switch (k) {
    case PaymentKind::Full: return "versement";
    case PaymentKind::Advance: return "avance 75 %";
    case PaymentKind::Balance: return "solde";
  }
  return "?";
}

Cents YearFunding::fixed_total() const {
  Cents t = fonctionnement + topup;
  for (const auto& m : missions) t += m.fixe + m.snp;
  return t;
}
Cents YearFunding::activation_total() const {
  Cents t = 0;
  for (const auto& m : missions) t += m.activation;
  return t;
}
Basis YearFunding::basis() const {
  Basis b = Basis::Fixed;
  for (const auto& m : missions) b = combine(b, m.basis);
  return b;
}
Cents YearFunding::variable_total() const {
  Cents t = 0;
  for (const auto& m : missions) t += m.variable;
  return t;
}
Cents YearFunding::variable_max_total() const {
  Cents t = 0;
  for (const auto& m : missions) t += m.variable_max;
  return t;
}
Cents FundingResult::total() const {
  Cents t = 0;
  for (const auto& y : years) t += y.total();
  return t;
}

const Catalogue& catalogue_for(const Project& p) {
  if (const Catalogue* c = find_catalogue(p.contract.catalogue)) return *c;
  static const Catalogue empty;
  const Catalogue* def = find_catalogue(kDefaultCatalogue);
  return def ? *def : empty;
}

int effective_taille(const Project& p, const Catalogue& cat) {
  int o = p.territory.taille_override.taille;
  if (o >= 1 && o <= 4) return o;
  return taille_for_population(cat, p.territory.total_population(), p.contract.boundary_80000_taille3);
}

std::vector<MissionDeadline> mission_deadlines(const Project& p, const Catalogue& cat) {
  std::vector<MissionDeadline> out;
  for (const CatalogueMission& cm : cat.missions) {
    MissionDeadline d;
    d.mission = cm.id;
    const Date sig = p.contract.signature;
    if (sig.valid()) {
      d.reference = cm.in_force_from.valid() ? std::max(sig, cm.in_force_from) : sig;
      if (cm.start_months > 0) d.start_by = add_months(d.reference, cm.start_months);
      if (cm.deployed_months > 0) d.deployed_by = add_months(d.reference, cm.deployed_months);
    }
    if (const ProjectMission* pm = p.find_mission(cm.id); pm && pm->chosen) {
      d.planned_start = pm->start;
      d.planned_deployed = pm->deployed;
      d.start_late = d.start_by.valid() && pm->start.valid() && pm->start > d.start_by;
      d.deploy_late = d.deployed_by.valid() && pm->deployed.valid() && pm->deployed > d.deployed_by;
    }
    out.push_back(d);
  }
  return out;
}

std::optional<double> target_for(const Indicator& ind, int year) {
  auto it = ind.targets.upper_bound(year);
  if (it == ind.targets.begin()) return std::nullopt;
  return std::prev(it)->second;
}

namespace {
bool reached(Direction dir, double value, double threshold) {
  return dir == Direction::Up ? value >= threshold : value <= threshold;
}
}  // namespace

Cents indicator_payment(const Indicator& ind, int year, double actual) {
  if (!std::isfinite(actual)) return 0;
  if (!ind.tiers.empty()) {
    Cents best = 0;  // the highest tier reached pays (tiers are not cumulative)
    for (const Tier& t : ind.tiers)
      if (reached(ind.direction, actual, t.threshold)) best = std::max(best, t.cents);
    return best;
  }
  if (ind.kind == IndicatorKind::Deliverable) return actual >= 1 ? ind.cents : 0;
  auto target = target_for(ind, year);
  if (!target) return 0;
  if (reached(ind.direction, actual, *target)) return ind.cents;
  if (ind.partial == Partial::Linear && ind.baseline && *target != *ind.baseline) {
    double share = (actual - *ind.baseline) / (*target - *ind.baseline);
    if (!(share > 0)) return 0;
    return mul_div(ind.cents, std::llround(std::min(share, 1.0) * 10000), 10000);
  }
  return 0;
}

ResolvedAmount resolve_amount(const Project& p, const Catalogue& cat, int taille, Component c, const std::string& mission,
                              int year) {
  ResolvedAmount r;
  const std::string& mid = is_mission_component(c) ? mission : std::string();
  const AmountOverride* all_years = nullptr;
  for (const AmountOverride& o : p.overrides) {
    if (o.component != c || o.mission != mid) continue;
    if (o.year == year && year != 0) return {o.cents, true, false, true};
    if (o.year == 0) all_years = &o;
  }
  if (all_years) return {all_years->cents, true, false, true};
  if (const Amount* a = cat.amount(c, mid, taille)) {
    r.cents = a->cents;
    r.found = true;
    r.estimate = a->provenance == Provenance::Estimate;
  }
  return r;
}

namespace {

struct Simulator {
  const Project& p;
  const Catalogue& cat;
  FundingResult& r;

  void pay(const Date& d, int year, const std::string& mission, Component c, PaymentKind kind, Cents cents, bool estimate,
           Basis basis = Basis::Fixed) {
    if (cents == 0) return;
    r.schedule.push_back({d, year, mission, c, kind, cents, estimate, basis});
  }

  void note_estimate(Component c, const std::string& mission, const ResolvedAmount& a) {
    if (!a.estimate) return;
    for (const EstimateUse& e : r.estimates)
      if (e.component == c && e.mission == mission) return;
    r.estimates.push_back({c, mission, a.cents});
  }

  ResolvedAmount amount(Component c, const std::string& mission, int year) {
    ResolvedAmount a = resolve_amount(p, cat, r.taille, c, mission, year);
    note_estimate(c, mission, a);
    return a;
  }

  // 75 % advance on `first`, balance at the end of the year (Sénat r25-0325; ACI art. 9.1).
  void pay_advance_and_balance(const Date& first, const YearFunding& y, const std::string& mission, Component c,
                               Cents amount, bool estimate) {
    Cents advance = mul_div(amount, 75, 100);
    pay(first, y.year, mission, c, PaymentKind::Advance, advance, estimate);
    pay(y.end, y.year, mission, c, PaymentKind::Balance, amount - advance, estimate);
  }
};

}  // namespace

FundingResult simulate(const Project& p, Scenario scenario) { return simulate(p, catalogue_for(p), scenario); }

FundingResult simulate(const Project& p, const Catalogue& cat, Scenario scenario) {
  FundingResult r;
  r.catalogue = &cat;
  r.scenario = scenario;
  r.population = p.territory.total_population();
  r.computed_taille = taille_for_population(cat, r.population, p.contract.boundary_80000_taille3);
  r.taille = effective_taille(p, cat);
  r.deadlines = mission_deadlines(p, cat);
  for (int k = 1; k <= kContractYears; ++k) r.years[k - 1].year = k;
  const Date sig = p.contract.signature;
  if (!sig.valid()) return r;

  Simulator s{p, cat, r};
  for (int k = 1; k <= kContractYears; ++k) {
    r.years[k - 1].start = add_years(sig, k - 1);
    r.years[k - 1].end = add_years(sig, k);
  }

  // Contract-level money.
  for (YearFunding& y : r.years) {
    ResolvedAmount f = s.amount(Component::Fonctionnement, "", y.year);
    y.fonctionnement = f.cents;
    if (y.year == 1) s.pay(sig, 1, "", Component::Fonctionnement, PaymentKind::Full, f.cents, f.estimate);  // art. 9.1
    else s.pay_advance_and_balance(y.start, y, "", Component::Fonctionnement, f.cents, f.estimate);
  }
  if (cat.topup_signed_until.valid() && sig <= cat.topup_signed_until) {
    ResolvedAmount t = s.amount(Component::Avenant2Topup, "", 1);
    r.years[0].topup = t.cents;
    s.pay(std::max(sig, cat.topup_paid_on), 1, "", Component::Avenant2Topup, PaymentKind::Full, t.cents, t.estimate);
  }
  if (p.contract.pay_lettre_intention) {
    ResolvedAmount l = s.amount(Component::LettreIntention, "", 0);
    r.pre_contract = l.cents;
    s.pay(p.contract.lettre_intention.valid() ? p.contract.lettre_intention : sig, 0, "", Component::LettreIntention,
          PaymentKind::Full, l.cents, l.estimate);
  }

  // Indicators grouped by mission through their action (one hash lookup each: the stress project
  // has thousands of them).
  std::unordered_map<std::string, const std::string*> action_mission;
  action_mission.reserve(p.actions.size());
  for (const Action& a : p.actions) action_mission.emplace(a.id, &a.mission);
  std::vector<std::vector<const Indicator*>> by_mission(cat.missions.size());
  for (const Indicator& ind : p.indicators) {
    auto it = action_mission.find(ind.action);
    if (it == action_mission.end()) continue;
    for (std::size_t m = 0; m < cat.missions.size(); ++m)
      if (cat.missions[m].id == *it->second) by_mission[m].push_back(&ind);
  }

  for (std::size_t mi = 0; mi < cat.missions.size(); ++mi) {
    const CatalogueMission& cm = cat.missions[mi];
    const ProjectMission* pm = p.find_mission(cm.id);
    bool runs = pm && pm->chosen && pm->start.valid();
    Date start = runs ? std::max(pm->start, sig) : Date{};
    for (YearFunding& y : r.years) {
      MissionYear my;
      my.mission = cm.id;
      if (!runs || start >= y.end) {
        y.missions.push_back(my);
        continue;
      }
      my.active = true;
      bool first_year = start >= y.start;  // the mission starts during this year
      if (first_year && start > y.start) {
        if (p.contract.prorata == Prorata::Months) {
          my.prorata_num = whole_months_between(start, y.end);
          my.prorata_den = 12;
        } else {
          my.prorata_num = static_cast<int>(days_between(start, y.end));
          my.prorata_den = static_cast<int>(days_between(y.start, y.end));
        }
      } else {
        my.prorata_num = my.prorata_den = 1;
      }
      Date first_payment = first_year ? start : y.start;

      // Fixed parts: fixe + SNP, or for the crisis mission the plan (first year) / update amount.
      std::vector<Component> fixed_parts;
      if (cm.crisis) fixed_parts = {first_year ? Component::CrisePlan : Component::CriseUpdate};
      else fixed_parts = {Component::Fixe, Component::Snp};
      for (Component c : fixed_parts) {
        ResolvedAmount a = s.amount(c, cm.id, y.year);
        if (!a.found) continue;
        Cents prorated = mul_div(a.cents, my.prorata_num, my.prorata_den);
        (c == Component::Snp ? my.snp : my.fixe) += prorated;
        if (c == Component::Snp && p.contract.snp_payment == SnpPayment::YearEnd)  // contract convention (domain §5)
          s.pay(y.end, y.year, cm.id, c, PaymentKind::Full, prorated, a.estimate);
        else
          s.pay_advance_and_balance(first_payment, y, cm.id, c, prorated, a.estimate);
      }

      // Variable part, paid at the end of the year.
      ResolvedAmount v = s.amount(Component::Variable, cm.id, y.year);
      if (v.found) {
        auto prorate = [&](Cents c) { return p.contract.prorate_variable ? mul_div(c, my.prorata_num, my.prorata_den) : c; };
        my.variable_max = prorate(v.cents);
        if (scenario == Scenario::Ceiling) {
          my.variable = my.variable_max;
          my.basis = Basis::Ceiling;
        } else {
          VariableEarned earned = variable_earned(by_mission[mi], y.year, scenario);  // forecast.hpp
          my.variable = prorate(std::min(earned.cents, v.cents));
          my.basis = earned.basis;
        }
        s.pay(y.end, y.year, cm.id, Component::Variable, PaymentKind::Full, my.variable, v.estimate, my.basis);
      }

      if (cm.crisis) {
        for (const CrisisActivation& c : p.crises) {
          if (c.year != y.year) continue;
          ResolvedAmount a = s.amount(Component::CriseActivation, cm.id, y.year);
          my.activation += a.cents;
          s.pay(y.end, y.year, cm.id, Component::CriseActivation, PaymentKind::Full, a.cents, a.estimate);
        }
      }
      y.missions.push_back(my);
    }
  }

  std::stable_sort(r.schedule.begin(), r.schedule.end(),
                   [](const PaymentItem& a, const PaymentItem& b) { return a.date < b.date; });
  for (const PaymentItem& it : r.schedule) {
    if (r.by_calendar_year.empty() || r.by_calendar_year.back().first != it.date.year)
      r.by_calendar_year.push_back({it.date.year, 0});
    r.by_calendar_year.back().second += it.cents;
  }
  return r;
}

}  // namespace cpts
