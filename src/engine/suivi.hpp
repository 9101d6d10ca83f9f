// Follow-up of a contract year for the annual review with the CPAM and the ARS (issue #19): per
// indicator its trajectory, the year's value, a status and the money earned / still at stake /
// already lost; per mission and in total the same money; the open items before the review.
//
// Definitions (README "Tableau de bord"):
//  - the year's value: the measurement marked final in the contract year, else the last measurement
//    of the year, else the recorded actual value (Indicator::actuals) — the same value the funding
//    engine's `constate` scenario pays on (forecast.hpp, year_value_of);
//  - atteint: the year's value reaches the target (tier) that pays the most for the year, i.e. it
//    earns the year's whole stake (forecast.hpp, stake());
//  - en bonne voie: not atteint, but the trend of the year's measurements reaches that target by the
//    review date — least squares over the year's measurements when there are at least 2 dates, else
//    the line from the baseline (dated 1 July of baseline_year, else the signature) to the single
//    measurement;
//  - à risque: a value for the year, neither atteint nor en bonne voie;
//  - non renseigné: no value for the year.
//  Money (from the `constate` scenario of the funding engine, per mission after its cap, prorata and
//  shared ceilings, so that totals equal simulate(p, Scenario::Recorded)):
//  - earned: what constate pays on the year's values (nothing for an indicator without value);
//  - at stake: what reaching the year's target would still add, while the review has not taken
//    place (today < review date) and the indicator is not atteint — or, for an indicator whose
//    evidence is expected and not received, what it earned, until the review;
//  - lost: what can no longer be earned: after the review, the stake not earned; and what was
//    earned without its evidence (counted neither earned nor at stake then).
//  earned + at_stake + lost = the year's stake. Per mission, the sums over its indicators are scaled
//  to the mission's constate figures (cap, prorata, shared ceiling), so earned per mission equals
//  constate's variable part for that mission.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/project.hpp"
#include "rules/catalogue.hpp"

namespace cpts {

enum class TrackStatus { Atteint, EnBonneVoie, ARisque, NonRenseigne };
const char* track_status_fr(TrackStatus s);  // "atteint", "en bonne voie", "à risque", "non renseigné"
const char* track_status_en(TrackStatus s);  // "reached", "on track", "at risk", "no data"
// "15 atteints", "1 non renseigné", "3 à risque": a count of indicators with its status, the
// participle agreeing in number (French puts 0 and 1 in the singular); English is invariable.
std::string track_status_count_fr(TrackStatus s, int n);
std::string track_status_count_en(TrackStatus s, int n);
const char* track_status_word(TrackStatus s);  // ASCII for JSON/CLI: "atteint", "en_bonne_voie", "a_risque", "non_renseigne"

struct IndicatorTrack {
  std::string indicator_id, action_id, mission_id, label, unit;
  std::optional<double> baseline;
  std::optional<int> baseline_year;
  std::map<int, double> targets;
  std::optional<double> target;              // the target that applies to the year (target_for)
  std::vector<Measurement> points;           // every measurement up to the year's end (chart)
  std::optional<double> year_value;          // what the review will use (final, else last of the year, else actuals[year])
  std::optional<double> projected;           // linear trend of the year's measurements at the review date
  TrackStatus status = TrackStatus::NonRenseigne;
  Cents earned = 0, at_stake = 0, lost = 0;
  Cents stake = 0;                           // what the year's target earns (before the mission's cap)
  std::string evidence;
  bool evidence_expected = false, evidence_received = false;
};

struct MissionTrack {
  std::string mission_id;
  Cents earned = 0, at_stake = 0, lost = 0;
  // constate's realistic forecast for the mission's indicators without a value for the year:
  // earned + forecast = the mission's variable part under constate (funding engine).
  Cents forecast = 0;
  Cents variable_max = 0;                    // the mission's variable maximum for the year (prorated)
};

struct ReviewItem {
  enum class Kind { Indicator, Evidence, Action } kind = Kind::Indicator;
  std::string target_id;  // indicator/action id
  std::string text_fr, text_en;
  Cents at_stake = 0;
};

struct Suivi {
  int year = 1;
  CivilDate year_start, year_end, review_date;  // year: [year_start, year_end)
  CivilDate today;
  bool review_passed = false;                // today >= review_date
  std::vector<IndicatorTrack> indicators;    // project order
  std::vector<MissionTrack> missions;        // catalogue order, active missions with a variable part
  Cents earned = 0, at_stake = 0, lost = 0;
  Cents forecast = 0;                        // sum of MissionTrack::forecast
  Cents constate_variable = 0;               // the year's variable part under constate (= earned + forecast)
  Cents constate_total = 0;                  // the year's whole funding under constate (fixed parts included)
  std::vector<ReviewItem> before_review;     // sorted by at_stake, largest first
};

// The contract year containing `today` (1 before the signature, 5 after the contract's end).
int current_contract_year(const Project& p, CivilDate today);

// The review date of contract year `contract_year`: Contract::review_date when it falls within
// six months of that year's end (the anniversary), else the anniversary itself.
CivilDate review_date_for(const Project& p, int contract_year);

Suivi compute_suivi(const Project& p, const Catalogue& cat, int contract_year, CivilDate today);
// With the project's catalogue (catalogue_for).
Suivi compute_suivi(const Project& p, int contract_year, CivilDate today);

}  // namespace cpts
