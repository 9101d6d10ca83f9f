#include "engine/suivi.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

#include "engine/forecast.hpp"
#include "engine/funding.hpp"

namespace cpts {

const char* track_status_fr(TrackStatus s) {
  switch (s) {
    case TrackStatus::Atteint: return "atteint";
    case TrackStatus::EnBonneVoie: return "en bonne voie";
    case TrackStatus::ARisque: return "à risque";
    case TrackStatus::NonRenseigne: return "non renseigné";
  }
  return "?";
}

const char* track_status_en(TrackStatus s) {
  switch (s) {
    case TrackStatus::Atteint: return "reached";
    case TrackStatus::EnBonneVoie: return "on track";
    case TrackStatus::ARisque: return "at risk";
    case TrackStatus::NonRenseigne: return "no data";
  }
  return "?";
}

std::string track_status_count_fr(TrackStatus s, int n) {
  std::string out = std::to_string(n) + " ";
  const bool plural = n > 1;
  switch (s) {
    case TrackStatus::Atteint: return out + (plural ? "atteints" : "atteint");
    case TrackStatus::NonRenseigne: return out + (plural ? "non renseignés" : "non renseigné");
    case TrackStatus::EnBonneVoie:
    case TrackStatus::ARisque: break;  // « en bonne voie », « à risque »: invariable
  }
  return out + track_status_fr(s);
}

std::string track_status_count_en(TrackStatus s, int n) { return std::to_string(n) + " " + track_status_en(s); }

const char* track_status_word(TrackStatus s) {
  switch (s) {
    case TrackStatus::Atteint: return "atteint";
    case TrackStatus::EnBonneVoie: return "en_bonne_voie";
    case TrackStatus::ARisque: return "a_risque";
    case TrackStatus::NonRenseigne: return "non_renseigne";
  }
  return "?";
}

int current_contract_year(const Project& p, CivilDate today) {
  const Date& sig = p.contract.signature;
  if (!sig.valid() || today < sig) return 1;
  for (int k = 1; k <= kContractYears; ++k)
    if (today < add_years(sig, k)) return k;
  return kContractYears;
}

CivilDate review_date_for(const Project& p, int contract_year) {
  const Date& sig = p.contract.signature;
  if (!sig.valid()) return {};
  Date anniversary = add_years(sig, contract_year);
  // The project's review date belongs to the year whose anniversary is within six months of it
  // (a dialogue de gestion is held around the anniversary, before or after it).
  if (const auto& r = p.contract.review_date; r && r->valid() && std::llabs(days_between(anniversary, *r)) < 183) return *r;
  return anniversary;
}

namespace {

// Days from the epoch as the x of the trend (a date's position in time).
double x_of(const Date& d) { return static_cast<double>(to_days(d)); }

// Least squares line through (x, y): y = a + b x, evaluated at `at`. nullopt when the x are all
// equal (no line).
std::optional<double> least_squares_at(const std::vector<std::pair<double, double>>& pts, double at) {
  double n = static_cast<double>(pts.size()), sx = 0, sy = 0;
  for (auto [x, y] : pts) sx += x, sy += y;
  double mx = sx / n, my = sy / n, sxx = 0, sxy = 0;
  for (auto [x, y] : pts) sxx += (x - mx) * (x - mx), sxy += (x - mx) * (y - my);
  if (sxx == 0) return std::nullopt;
  return my + sxy / sxx * (at - mx);
}

// What an indicator needs to count as "reached" for the year: the whole stake earned; with a stake
// of zero (no money attached), its target reached (no target: any value).
bool reaches(const Indicator& ind, int year, double value, Cents stake_cents) {
  if (stake_cents > 0) return indicator_payment(ind, year, value) >= stake_cents;
  auto target = target_for(ind, year);
  if (!target) return true;
  return ind.direction == Direction::Up ? value >= *target : value <= *target;
}

}  // namespace

Suivi compute_suivi(const Project& p, int contract_year, CivilDate today) { return compute_suivi(p, catalogue_for(p), contract_year, today); }

Suivi compute_suivi(const Project& p, const Catalogue& cat, int contract_year, CivilDate today) {
  Suivi s;
  s.year = std::clamp(contract_year, 1, kContractYears);
  s.today = today;
  const Date& sig = p.contract.signature;
  if (sig.valid()) {
    s.year_start = add_years(sig, s.year - 1);
    s.year_end = add_years(sig, s.year);
    s.review_date = review_date_for(p, s.year);
  }
  s.review_passed = s.review_date.valid() && !(today < s.review_date);

  std::unordered_map<std::string, const Action*> actions;
  for (const Action& a : p.actions) actions.emplace(a.id, &a);

  // ---- Per indicator (raw amounts: the indicator's own payment rule, before the mission's cap).
  s.indicators.reserve(p.indicators.size());
  for (const Indicator& ind : p.indicators) {
    IndicatorTrack t;
    t.indicator_id = ind.id;
    t.action_id = ind.action;
    if (auto a = actions.find(ind.action); a != actions.end()) t.mission_id = a->second->mission;
    t.label = ind.label;
    t.unit = ind.unit;
    t.baseline = ind.baseline;
    t.baseline_year = ind.baseline_year;
    t.targets = ind.targets;
    t.target = target_for(ind, s.year);
    t.evidence = ind.evidence;
    t.evidence_expected = !ind.evidence.empty();
    auto ev = ind.evidence_received.find(s.year);
    t.evidence_received = ev != ind.evidence_received.end() && ev->second;
    t.stake = stake(ind, s.year);
    t.year_value = year_value(ind, s.year, sig);

    // The year's measurements, and every one up to the year's end for the chart.
    std::vector<std::pair<double, double>> trend;
    for (const Measurement& m : ind.measurements) {
      if (s.year_end.valid() && !(m.date < s.year_end)) break;
      t.points.push_back(m);
      if (s.year_start.valid() && !(m.date < s.year_start)) trend.emplace_back(x_of(m.date), m.value);
    }
    if (s.review_date.valid()) {
      double at = x_of(s.review_date);
      if (trend.size() >= 2) {
        t.projected = least_squares_at(trend, at);
      } else if (trend.size() == 1 && ind.baseline) {
        // From the baseline (dated 1 July of its year, else the signature) to the one measurement.
        Date base_date = ind.baseline_year ? Date{*ind.baseline_year, 7, 1} : sig;
        std::vector<std::pair<double, double>> two{{x_of(base_date), *ind.baseline}, trend[0]};
        t.projected = least_squares_at(two, at);
      }
    }

    if (!t.year_value) {
      t.status = TrackStatus::NonRenseigne;
    } else {
      t.earned = indicator_payment(ind, s.year, *t.year_value);
      if (reaches(ind, s.year, *t.year_value, t.stake)) t.status = TrackStatus::Atteint;
      else if (t.projected && reaches(ind, s.year, *t.projected, t.stake)) t.status = TrackStatus::EnBonneVoie;
      else t.status = TrackStatus::ARisque;
    }
    Cents missing = std::max<Cents>(0, t.stake - t.earned);
    if (t.status != TrackStatus::Atteint) (s.review_passed ? t.lost : t.at_stake) = missing;
    s.indicators.push_back(std::move(t));
  }

  // ---- Per mission: the constate scenario's figures, split between what rests on values (earned)
  // and what rests on the realistic forecast of indicators without a value (forecast).
  FundingResult constate = simulate(p, cat, Scenario::Recorded);
  const YearFunding& yf = constate.years[static_cast<std::size_t>(s.year - 1)];
  s.constate_variable = yf.variable_total();
  s.constate_total = yf.total();
  for (const MissionYear& my : yf.missions) {
    if (!my.active || my.variable_max == 0) continue;
    MissionTrack m;
    m.mission_id = my.mission;
    m.variable_max = my.variable_max;
    // Raw sums over the mission's indicators (the forecast one as variable_earned computes it).
    Cents earned_raw = 0, forecast_raw = 0, at_stake_raw = 0, lost_raw = 0;
    for (const IndicatorTrack& t : s.indicators) {
      if (t.mission_id != my.mission) continue;
      earned_raw += t.earned;
      at_stake_raw += t.at_stake;
      lost_raw += t.lost;
      if (!t.year_value) {
        const Indicator* ind = p.find_indicator(t.indicator_id);
        double prob = std::clamp(probability(ind->assumptions, Scenario::Recorded), 0.0, 1.0);
        forecast_raw += mul_div(t.stake, std::llround(prob * 10000), 10000);
      }
    }
    // The engine's figure for the mission, after its cap, prorata and shared ceiling, split in
    // proportion to the raw parts (exact: forecast = the rest).
    Cents raw = earned_raw + forecast_raw;
    m.earned = raw > 0 ? mul_div(my.variable, earned_raw, raw) : 0;
    m.forecast = my.variable - m.earned;
    // At stake and lost through the same transformation: cap, prorata, then the mission's maximum
    // (which already carries a shared ceiling).
    ResolvedAmount cap = resolve_amount(p, cat, constate.taille, Component::Variable, my.mission, s.year);
    auto transform = [&](Cents x) {
      if (cap.found) x = std::min(x, cap.cents);
      if (p.contract.prorate_variable) x = mul_div(x, my.prorata_num, my.prorata_den);
      return std::min(x, my.variable_max);
    };
    Cents base = transform(earned_raw);
    m.at_stake = std::max<Cents>(0, transform(earned_raw + at_stake_raw) - base);
    m.lost = std::max<Cents>(0, transform(earned_raw + at_stake_raw + lost_raw) - base - m.at_stake);
    s.earned += m.earned;
    s.forecast += m.forecast;
    s.at_stake += m.at_stake;
    s.lost += m.lost;
    s.missions.push_back(std::move(m));
  }

  // ---- Before the review: what can still change the year's money.
  if (!s.review_passed) {
    std::unordered_map<std::string, Cents> action_stake;
    for (const IndicatorTrack& t : s.indicators) {
      if (t.at_stake > 0) {
        ReviewItem it;
        it.kind = ReviewItem::Kind::Indicator;
        it.target_id = t.indicator_id;
        it.at_stake = t.at_stake;
        std::string target_fr = t.target ? " (cible " + format_number_fr(*t.target) + (t.unit.empty() ? "" : " " + t.unit) + ")" : "";
        if (t.status == TrackStatus::NonRenseigne) {
          it.text_fr = "Renseigner la valeur de l’année de « " + t.label + " »" + target_fr;
          it.text_en = "Record this year’s value of “" + t.label + "”";
        } else {
          it.text_fr = "Atteindre la cible de « " + t.label + " »" + target_fr + " : " + track_status_fr(t.status);
          it.text_en = "Reach the target of “" + t.label + "”: " + track_status_en(t.status);
        }
        s.before_review.push_back(std::move(it));
        action_stake[t.action_id] += t.at_stake;
      }
      if (t.evidence_expected && !t.evidence_received && t.stake > 0) {
        ReviewItem it;
        it.kind = ReviewItem::Kind::Evidence;
        it.target_id = t.indicator_id;
        it.at_stake = t.stake;  // the money the evidence supports
        it.text_fr = "Réunir le justificatif de « " + t.label + " » : " + t.evidence;
        it.text_en = "Collect the evidence for “" + t.label + "”: " + t.evidence;
        s.before_review.push_back(std::move(it));
      }
    }
    // Actions not finished whose indicators still have money at stake.
    for (const Action& a : p.actions) {
      auto st = action_stake.find(a.id);
      if (st == action_stake.end() || a.status == ActionStatus::Done || a.status == ActionStatus::Abandoned) continue;
      ReviewItem it;
      it.kind = ReviewItem::Kind::Action;
      it.target_id = a.id;
      it.at_stake = st->second;
      bool planned = a.status == ActionStatus::Planned;
      it.text_fr = std::string(planned ? "Lancer" : "Faire avancer") + " l’action « " + a.title + " »" +
                   (a.end.valid() ? " (fin prévue le " + format_fr(a.end) + ")" : "");
      it.text_en = std::string(planned ? "Start" : "Move forward") + " the action “" + a.title + "”" +
                   (a.end.valid() ? " (due " + to_iso(a.end) + ")" : "");
      s.before_review.push_back(std::move(it));
    }
    std::stable_sort(s.before_review.begin(), s.before_review.end(),
                     [](const ReviewItem& a, const ReviewItem& b) { return a.at_stake > b.at_stake; });
  }
  return s;
}

}  // namespace cpts
