// The funding engine: what the ACI pays a CPTS, per contract year, per calendar year and as a
// dated payment schedule, exact to the cent. Rules (domain reference §5, ACI art. 9):
//  - contract year k runs [signature + (k-1) ans, signature + k ans);
//  - fonctionnement: year 1 paid in full at signature (art. 9.1), later years 75 % advance at the
//    start of the year and the balance at its end;
//  - a mission's fixed part (and the SNP envelope, and the crisis plan/update amount): at the
//    mission's start 75 % of the fixed part prorated to the next anniversary (Sénat r25-0325), the
//    25 % balance at that anniversary together with the next year's 75 % advance;
//  - variable part: earned on indicators, paid at the end of the year (after the dialogue de
//    gestion); prorated like the fixed part in a partial year when the project says so;
//  - SNP envelope: like the fixed part, or in full at the end of the year (Contract::snp_payment);
//  - crisis activation: paid at the end of a year in which the ARS recognised a crisis;
//  - avenant 2 top-up and lettre d'intention: see catalogue.
// Every amount is catalogue × override; overrides always win (domain §12.3).
#pragma once
#include <array>
#include <string>
#include <vector>

#include "rules/catalogue.hpp"
#include "model/project.hpp"
#include "model/scenario.hpp"
#include "engine/forecast.hpp"

namespace cpts {

// How indicators are assumed to turn out: model/scenario.hpp (the project holds the choice).
const char* to_string(Scenario s);  // "plafond", "pessimiste", "réaliste", "optimiste", "constaté"
// The CLI's words (ASCII): "plafond", "pessimiste", "realiste", "optimiste", "constate".
const char* scenario_word(Scenario s);

enum class PaymentKind { Full, Advance, Balance };
const char* payment_kind_label_fr(PaymentKind k);  // "versement", "avance 75 %", "solde"
const char* payment_kind_label_en(PaymentKind k);  // "payment", "75 % advance", "balance"

struct PaymentItem {
  Date date;
  int contract_year = 0;     // 0 = before the contract (lettre d'intention), else 1..5
  std::string mission;       // catalogue mission id, "" for contract-level money
  Component component = Component::Fonctionnement;
  PaymentKind kind = PaymentKind::Full;
  Cents cents = 0;
  bool estimate = false;     // computed from an amount whose provenance is "estimate"
  Basis basis = Basis::Fixed;  // variable part: ceiling, forecast or recorded (forecast.hpp)
  std::string extra;         // a catalogue's extra component (format 2); `component` is then meaningless
};

struct MissionDeadline {
  std::string mission;
  Date reference;            // max(signature, mission in force)
  Date start_by, deployed_by;  // invalid (empty) for optional missions
  Date planned_start, planned_deployed;
  bool start_late = false, deploy_late = false;
};

struct MissionYear {
  std::string mission;
  bool active = false;       // chosen and started on or before the end of this year
  int prorata_num = 0, prorata_den = 1;  // share of the year the mission runs
  Cents fixe = 0;            // prorated fixed part (crisis: plan or update amount)
  Cents snp = 0;             // access mission only
  Cents activation = 0;      // crisis mission only
  Cents variable_max = 0;    // prorated variable maximum
  Cents variable = 0;        // earned under the scenario
  Basis basis = Basis::Fixed;  // what `variable` rests on (forecast.hpp)
  Cents extra = 0;           // the catalogue's extra components of this mission (format 2)
  Cents ceiling_cut = 0;     // variable earned but over a ceiling shared with other missions
  Cents total() const { return fixe + snp + activation + variable + extra; }
};

struct YearFunding {
  int year = 0;              // 1..5
  Date start, end;           // [start, end)
  Cents fonctionnement = 0;
  Cents topup = 0;           // avenant 2 complement (year 1)
  std::vector<std::pair<std::string, Cents>> extras;  // contract-level extra components (catalogue order)
  std::vector<MissionYear> missions;  // catalogue order
  // fonctionnement + topup + extras + fixe + snp + extra: the guaranteed money. Crisis activation
  // is not in it (it is paid only if the ARS recognises a crisis, issue #17 item 4).
  Cents fixed_total() const;
  Cents activation_total() const;
  Cents variable_total() const;
  Cents variable_max_total() const;
  Basis basis() const;                // of the year's variable part, over its missions
  Cents total() const { return fixed_total() + activation_total() + variable_total(); }
};

struct EstimateUse {         // an estimated catalogue amount the project relies on (not overridden)
  Component component;
  std::string mission;
  Cents cents = 0;
};

struct FundingResult {
  const Catalogue* catalogue = nullptr;
  Scenario scenario = Scenario::Ceiling;
  long long population = 0;
  int computed_taille = 0;   // from the population and the catalogue thresholds
  int taille = 0;            // the one used (override wins)
  std::vector<MissionDeadline> deadlines;
  std::array<YearFunding, kContractYears> years;
  std::vector<PaymentItem> schedule;     // sorted by date
  Cents pre_contract = 0;                // lettre d'intention (year 0)
  std::vector<std::pair<int, Cents>> by_calendar_year;
  std::vector<EstimateUse> estimates;
  Cents total() const;                   // years 1..5
};

// Resolves the project's catalogue (falls back to the default one) and simulates.
FundingResult simulate(const Project& p, Scenario scenario = Scenario::Ceiling);
FundingResult simulate(const Project& p, const Catalogue& cat, Scenario scenario);

// The label of a schedule line's component ("Part fixe", or an extra component's label).
std::string payment_label_fr(const FundingResult& r, const PaymentItem& it);
std::string payment_label_en(const FundingResult& r, const PaymentItem& it);

const Catalogue& catalogue_for(const Project& p);
int effective_taille(const Project& p, const Catalogue& cat);
std::vector<MissionDeadline> mission_deadlines(const Project& p, const Catalogue& cat);

// The amount of an indicator for contract year `year` given an observed value (payment rules:
// deliverable done = full amount; tiers = highest tier reached; single target = reached, or linear
// share between baseline and target when `partial` is Linear).
Cents indicator_payment(const Indicator& ind, int year, double actual);
// Target that applies in a contract year: that year's, else the latest earlier one, else none.
std::optional<double> target_for(const Indicator& ind, int year);

// Resolved amount of a component (override, else catalogue) for a contract year; `estimate` tells
// whether the catalogue cell used is an estimate.
struct ResolvedAmount {
  Cents cents = 0;
  bool found = false, estimate = false, overridden = false;
};
ResolvedAmount resolve_amount(const Project& p, const Catalogue& cat, int taille, Component c, const std::string& mission,
                              int year);

}  // namespace cpts
