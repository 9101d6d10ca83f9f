// The projet de santé of a CPTS: everything a team writes down, and nothing that is computed.
// Derived figures (taille, deadlines, funding, findings) come from the engine (funding.hpp,
// checks.hpp). Objects that other objects refer to carry a stable string id.
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "rules/catalogue.hpp"
#include "model/civil_date.hpp"
#include "model/money.hpp"
#include "model/scenario.hpp"

namespace cpts {

struct Contact {
  std::string role, name, email, phone;
};

struct Identity {
  std::string name;            // "CPTS Centre Saône-et-Loire"
  std::string association;     // legal entity, "association loi 1901 …"
  std::string rna, finess;     // registration numbers (optional)
  std::vector<Contact> contacts;
};

struct Commune {
  std::string insee;           // 5 characters: "71306", "2A004"
  std::string name;
  std::string department;      // "71"
  long long population = 0;
  // Where this row's population comes from: the official list's provenance for a commune taken
  // from it ("population municipale 2023 (INSEE), découpage administratif 2026"), the team's own
  // for a unit typed by hand (IRIS, quartier, part of a commune). Empty: the territory's source.
  std::string source;
};

struct TailleOverride {
  int taille = 0;              // 1..4; 0 = no override
  std::string justification;   // required when taille != 0
};

struct Territory {
  std::vector<Commune> communes;
  std::string population_source;  // "Rézone CPTS (INSEE 2020)"
  TailleOverride taille_override;
  long long total_population() const;
};

enum class Prorata { Months, Days };

struct Contract {
  Date signature;
  std::string catalogue = kDefaultCatalogue;
  Prorata prorata = Prorata::Months;        // first partial year: whole months (default) or days
  bool prorate_variable = true;             // variable part of a partial year prorated like the fixed part
  bool boundary_80000_taille3 = true;       // exactly 80 000 inhabitants -> taille 3 (default) or 2
  Date lettre_intention;                    // ARS validation of the letter of intent (optional)
  bool pay_lettre_intention = false;        // count the lettre d'intention money in the schedule
  SnpPayment snp_payment = SnpPayment::Advance;  // SNP envelope: 75 % advance (default) or at year end
  // Date of the annual review with the CPAM and the ARS (dialogue de gestion). Empty: each contract
  // year's review is its anniversary (the end of the year, when the variable part is settled).
  // Set: the review of the year containing it happens on that date (issue #19).
  std::optional<Date> review_date;
  // The figures every view, export and document shows (scenario.hpp). Kept in the project, not in
  // the UI state: the CLI and the documents read only the file, and must give the app's balances.
  Scenario scenario = Scenario::Ceiling;
};

struct Professional {
  std::string id;
  std::string name;
  std::string profession;      // "Médecin généraliste", "Infirmier(e)", ...
  std::string structure;       // MSP, centre de santé, cabinet, établissement
  bool member = true;
};

struct College {
  std::string name;            // "Collège des professionnels de santé libéraux"
  int seats = 0;
  std::vector<std::string> members;  // names or professional ids
};

struct DiagnosticIndicator {
  std::string id;
  std::string label;           // "Part des 17 ans et plus sans médecin traitant"
  double value = 0;
  std::string unit;            // "%", "patients", "pour 1 000 habitants"
  std::string source;          // "Rézone CPTS"
  int year = 0;                // 2020
  std::string comment;
};

struct ProjectMission {
  std::string mission;         // catalogue mission id
  bool chosen = false;
  Date start;                  // planned (or actual) start
  Date deployed;               // planned full deployment
  std::string notes;
};

enum class ActionStatus { Planned, InProgress, Done, Abandoned };

struct BudgetLine {
  std::string label;
  int year = 1;                // contract year 1..5
  Cents cents = 0;
};

struct Action {                // a fiche-action
  std::string id;
  std::string mission;         // catalogue mission id
  std::string title, objective, pilot;
  std::vector<std::string> partners;
  std::string target_population;
  Date start, end;
  ActionStatus status = ActionStatus::Planned;
  std::vector<BudgetLine> budget;
  std::string comments;        // follow-up notes (annual report)
  bool example = false;        // written for illustration (samples), not taken from a real contract
  std::string cls_link;        // link with the contrat local de santé (CLS), "" = none
};

// A dated measurement of an indicator during the year (issue #19): several a year, the year's value
// is the one marked final, else the last one of the year. One measurement per date per indicator;
// Indicator::measurements is kept sorted by date.
struct Measurement {
  Date date;
  double value = 0;
  std::string source;          // "requête CPAM du 02/03", "tableau de bord ARS"…
  bool final = false;          // the value the review uses for the contract year of `date`
};

enum class IndicatorKind { Deliverable, Result };  // indicateur d'action / de résultat
enum class Direction { Up, Down };                 // ↑ higher is better / ↓ lower is better
enum class Partial { None, Linear };               // single-target result: linear partial payment

struct Tier {                  // palier
  std::string label;           // "socle", "intermédiaire", "objectif"
  double threshold = 0;        // value to reach (>= for Up, <= for Down)
  Cents cents = 0;             // amount paid when this tier is the highest reached
};

struct Assumptions {           // probability that the indicator's (top) target is reached in a year
  double pessimistic = 0.5, realistic = 0.8, optimistic = 1.0;
};

struct Indicator {
  std::string id;
  std::string action;          // action id (indicators belong to a fiche-action)
  std::string label;
  IndicatorKind kind = IndicatorKind::Result;
  std::string unit;
  Direction direction = Direction::Up;
  std::optional<double> baseline;
  std::optional<int> baseline_year;     // calendar year the baseline was measured (2021)
  std::map<int, double> targets;        // contract year 1..5 -> target value
  std::vector<Tier> tiers;              // tiered payment (result) ...
  Cents cents = 0;                      // ... or a single amount (deliverable, or one target)
  Partial partial = Partial::None;
  std::string evidence;                 // what must be shown (compte rendu, requête CPAM…)
  std::string source;                   // data source (Rézone CPTS, requête locale CPAM…)
  std::map<int, double> actuals;        // contract year -> observed value (deliverable: 1 = done)
  std::map<int, bool> evidence_received;// contract year -> evidence received
  std::vector<Measurement> measurements; // dated values, sorted by date, one per date
  Assumptions assumptions;
  bool example = false;
  // Maximum payable in one year: top tier or single amount.
  Cents max_cents() const;
};

struct YearAmount {            // expense or other income of a contract year
  std::string label;
  int year = 1;                // contract year 1..5
  Cents cents = 0;
};

struct MemberPayment {         // indemnités / rémunérations paid to a professional (décret 2022-375)
  std::string professional;    // professional id
  int calendar_year = 0;
  Cents cents = 0;
  std::string kind;            // "indemnité" / "rémunération"
};

struct AmountOverride {        // figure from the CPTS's own contract annex; always wins
  Component component = Component::Fixe;
  std::string mission;         // mission id, "" for contract components
  int year = 0;                // contract year 1..5, 0 = every year
  Cents cents = 0;
  std::string note;            // "Annexe 2 du contrat signé le …"
};

struct CrisisActivation {      // a crisis recognised by the ARS during a contract year
  int year = 1;
  std::string label;
};

struct Decision {              // relevé de décisions
  Date date;
  std::string subject, decision, owner;
};

// Workshops (atelier): candidate actions rated by participant groups before some are retained.
struct Rating {
  std::string group;           // "Médecins", "Infirmiers", "Élus"…
  int impact = 0;              // 1..5, 0 = not rated
  int feasibility = 0;         // 1..5, 0 = not rated
  int votes = 0;               // dot votes
};

struct Candidate {
  std::string id;              // "C3"
  std::string mission;         // catalogue mission id
  std::string title, description;
  std::vector<Rating> ratings;
  bool retained = false;
  std::string action;          // id of the action created from it, once converted
};

struct Project;

// A named variant of the project kept for comparison ("avec mission qualité"…): a full copy,
// shared and never modified in place.
struct Variant {
  std::string name, note;
  std::shared_ptr<const Project> project;
};

// A copy handed to a working group: the fingerprints of every mission, action and indicator when
// it was made, so that merging it back can tell who changed what (merge.hpp).
struct GroupCopy {
  std::string group;           // empty: not a group copy
  Date made_on;
  std::map<std::string, std::uint64_t> base;  // "action:A3" -> fingerprint
};

struct Project {
  Identity identity;
  Territory territory;
  Contract contract;
  // The catalogue file (compact JSON) when the contract names one not shipped with the app
  // (imported at run time, issue #17), so that the project opens on another computer; empty
  // when the catalogue is a shipped one.
  std::string embedded_catalogue;
  std::vector<Professional> professionals;
  std::vector<College> colleges;
  std::vector<DiagnosticIndicator> diagnostic;
  std::vector<ProjectMission> missions;
  std::vector<Action> actions;
  std::vector<Indicator> indicators;
  std::vector<YearAmount> expenses, other_income;
  std::vector<MemberPayment> member_payments;
  std::vector<AmountOverride> overrides;
  std::vector<CrisisActivation> crises;
  std::vector<Decision> decisions;
  std::vector<Candidate> candidates;
  std::vector<Variant> variants;
  GroupCopy group_copy;
  std::string notes;           // free text; samples say here what is illustrative

  ProjectMission* find_mission(const std::string& id);
  const ProjectMission* find_mission(const std::string& id) const;
  const Action* find_action(const std::string& id) const;
  const Indicator* find_indicator(const std::string& id) const;
  const Professional* find_professional(const std::string& id) const;
};

// A new project with the catalogue's socle missions chosen, deadlines used as planned dates.
Project new_project(const std::string& name, const Date& signature, const Catalogue& cat);

// Ids: "A12", "I7"... the smallest free number with that prefix.
std::string fresh_id(const Project& p, char prefix);

constexpr int kContractYears = 5;

}  // namespace cpts
