#include "engine/funding.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

#include "engine/payment_kinds.hpp"

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

const char* payment_kind_label_en(PaymentKind k) {
  switch (k) {
    case PaymentKind::Full: return "payment";
    case PaymentKind::Advance: return "75% advance";
    case PaymentKind::Balance: return "balance";
  }
  return "?";
}

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
  for (const auto& e : extras) t += e.second;
  for (const auto& m : missions) t += m.fixe + m.snp + m.extra;
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

std::string payment_label_fr(const FundingResult& r, const PaymentItem& it) {
  if (!it.extra.empty() && r.catalogue)
    for (const ExtraComponent& e : r.catalogue->extras)
      if (e.id == it.extra) return e.label_fr;
  return it.extra.empty() ? component_label_fr(it.component) : it.extra;
}

std::string payment_label_en(const FundingResult& r, const PaymentItem& it) {
  if (!it.extra.empty() && r.catalogue)
    for (const ExtraComponent& e : r.catalogue->extras)
      if (e.id == it.extra) return e.label_en.empty() ? e.label_fr : e.label_en;
  return it.extra.empty() ? component_label_en(it.component) : it.extra;
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

  PaymentWriter writer(const std::string& mission, Component c, const std::string& extra = {}) {
    return PaymentWriter{r, mission, c, extra};
  }
};

}  // namespace

namespace {

// Mission components other than the variable part, in the order their lines are scheduled.
constexpr Component kMissionFixedComponents[] = {Component::Fixe, Component::Snp, Component::CrisePlan,
                                                 Component::CriseUpdate, Component::CriseActivation};

// Whether a mission component's rule pays anything in this year (before resolving its amount, so
// that an estimate is listed only when the project relies on it).
bool year_has_payment(const Project& p, const PaymentRule& rule, const YearFunding& y, bool first_year) {
  if (rule.kind == PayKind::Prorated)
    return !(rule.years == PayYears::First && !first_year) && !(rule.years == PayYears::Later && first_year);
  if (rule.kind == PayKind::OnEvent)
    return std::any_of(p.crises.begin(), p.crises.end(), [&](const CrisisActivation& c) { return c.year == y.year; });
  return true;
}

struct VariableLine {
  int year;                 // 1..5
  std::size_t mission;      // index in the catalogue
  std::size_t line;         // index in the schedule
};

// Ceilings shared by several missions (interchangeable envelopes): per contract year, the
// missions' variable parts are taken in catalogue order up to the ceiling; what is over is
// `ceiling_cut`. The maximum (variable_max) is capped the same way.
void apply_shared_ceilings(const Catalogue& cat, FundingResult& r, const std::vector<VariableLine>& lines) {
  for (const SharedCeiling& sc : cat.shared_ceilings) {
    const auto& cell = sc.by_taille[std::clamp(r.taille, 1, 4) - 1];
    Cents ceiling = cell ? cell->cents : 0;  // a taille left out: nothing is paid under this ceiling
    for (YearFunding& y : r.years) {
      Cents left = ceiling, left_max = ceiling;
      for (const VariableLine& l : lines) {
        if (l.year != y.year || !std::count(sc.missions.begin(), sc.missions.end(), cat.missions[l.mission].id)) continue;
        MissionYear& my = y.missions[l.mission];
        Cents take = std::min(my.variable, left);
        my.ceiling_cut = my.variable - take;
        my.variable = take;
        left -= take;
        my.variable_max = std::min(my.variable_max, left_max);
        left_max -= my.variable_max;
        r.schedule[l.line].cents = take;
        if (cell && cell->provenance == Provenance::Estimate) r.schedule[l.line].estimate = true;
      }
    }
  }
}

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

  // Contract-level money, each component paid by the kind its catalogue line names
  // (engine/payment_kinds.cpp; shipped catalogues: art. 9.1, avenant 2, lettre d'intention).
  for (Component c : {Component::Fonctionnement, Component::Avenant2Topup, Component::LettreIntention}) {
    auto paid = pay_contract_component(p, cat.payment(c, ""), r, [&](int year) { return s.amount(c, "", year); },
                                       s.writer("", c));
    for (int k = 0; k <= kContractYears; ++k) {
      if (c == Component::LettreIntention) r.pre_contract += paid[k];  // money of the letter of intent, whenever paid
      else if (k == 0) continue;
      else (c == Component::Avenant2Topup ? r.years[k - 1].topup : r.years[k - 1].fonctionnement) += paid[k];
    }
  }
  for (const ExtraComponent& e : cat.extras) {
    if (!e.mission.empty()) continue;
    auto paid = pay_contract_component(
        p, e.payment, r,
        [&](int) {
          const auto& cell = e.by_taille[std::clamp(r.taille, 1, 4) - 1];
          return ResolvedAmount{cell ? cell->cents : 0, cell.has_value(), cell && cell->provenance == Provenance::Estimate, false};
        },
        s.writer("", Component::Fonctionnement, e.id));
    r.pre_contract += paid[0];
    for (int k = 1; k <= kContractYears; ++k) r.years[k - 1].extras.push_back({e.id, paid[k]});
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

  std::vector<VariableLine> variable_lines;
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

      // Components other than the variable part, each by the kind its catalogue line names
      // (engine/payment_kinds.cpp): fixe, SNP and the crisis plan/update prorated from the
      // mission's start; money paid on an event after the variable part, as the ARS pays it.
      auto pay_components = [&](bool on_event) {
        for (Component c : kMissionFixedComponents) {
          PaymentRule rule = cat.payment(c, cm.id);
          // Contract convention (domain §5, Contract::snp_payment): the SNP envelope settled in full
          // at the end of the year instead of the catalogue's advance.
          if (c == Component::Snp && rule.kind == PayKind::Prorated && p.contract.snp_payment == SnpPayment::YearEnd)
            rule.advance_percent = 0;
          if ((rule.kind == PayKind::OnEvent) != on_event) continue;
          if (!year_has_payment(p, rule, y, first_year)) continue;  // resolve (and note estimates) only when paid
          ResolvedAmount a = s.amount(c, cm.id, y.year);
          Cents paid = pay_mission_component(p, rule, y, my, first_year, first_payment, a, s.writer(cm.id, c));
          (c == Component::Snp ? my.snp : c == Component::CriseActivation ? my.activation : my.fixe) += paid;
        }
        for (const ExtraComponent& e : cat.extras) {
          if (e.mission != cm.id || (e.payment.kind == PayKind::OnEvent) != on_event) continue;
          const auto& cell = e.by_taille[std::clamp(r.taille, 1, 4) - 1];
          ResolvedAmount a{cell ? cell->cents : 0, cell.has_value(), cell && cell->provenance == Provenance::Estimate, false};
          my.extra += pay_mission_component(p, e.payment, y, my, first_year, first_payment, a,
                                            s.writer(cm.id, Component::Fixe, e.id));
        }
      };
      pay_components(false);

      // Variable part, paid at the end of the year; a mission under a ceiling shared with others
      // earns up to its own amount, or the shared ceiling when the catalogue gives it none, and
      // the ceiling is applied once every mission of the year is known (below).
      ResolvedAmount v = s.amount(Component::Variable, cm.id, y.year);
      const SharedCeiling* shared = cat.ceiling_for(cm.id);
      if (!v.found && shared) {
        if (const auto& cell = shared->by_taille[std::clamp(r.taille, 1, 4) - 1])
          v = {cell->cents, true, cell->provenance == Provenance::Estimate, false};
      }
      if (v.found) {
        auto prorate = [&](Cents c) { return p.contract.prorate_variable ? mul_div(c, my.prorata_num, my.prorata_den) : c; };
        my.variable_max = prorate(v.cents);
        if (scenario == Scenario::Ceiling) {
          my.variable = my.variable_max;
          my.basis = Basis::Ceiling;
        } else {
          VariableEarned earned = variable_earned(by_mission[mi], y.year, scenario, sig);  // forecast.hpp
          my.variable = prorate(std::min(earned.cents, v.cents));
          my.basis = earned.basis;
        }
        // Always a line (its amount may change under a shared ceiling); lines of 0 are dropped at the end.
        r.schedule.push_back({y.end, y.year, cm.id, Component::Variable, PaymentKind::Full, my.variable, v.estimate, my.basis});
        if (shared) variable_lines.push_back({y.year, mi, r.schedule.size() - 1});
      }

      pay_components(true);
      y.missions.push_back(my);
    }
  }

  apply_shared_ceilings(cat, r, variable_lines);
  std::erase_if(r.schedule, [](const PaymentItem& it) { return it.cents == 0; });
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
