// Project files (.json): canonical writing, strict exception-free reading, migrations.
//
// [SECTION] Format (schema_version 2)
//   A JSON object whose first keys are "format": "cpts-planner/projet" and "schema_version": 2,
//   then, always in this order and always present (default values are written too, so the file
//   describes itself and save → load → save is byte-identical):
//     identity      { name, association, rna, finess, contacts: [{role, name, email, phone}] }
//     territory     { population_source, taille_override: {taille 0..4, justification},
//                     communes: [{insee, name, department, population}] }
//     contract      { signature, catalogue, prorata, prorate_variable, boundary_80000_taille3,
//                     lettre_intention, pay_lettre_intention }
//     professionals [{id, name, profession, structure, member}]
//     colleges      [{name, seats, members: [text]}]
//     diagnostic    [{id, label, value, unit, source, year, comment}]
//     missions      [{mission, chosen, start, deployed, notes}]
//     actions       [{id, mission, title, objective, pilot, partners: [text], target_population,
//                     start, end, status, budget: [{label, year, amount_cents}], comments, example}]
//     indicators    [{id, action, label, kind, unit, direction, baseline (number or null),
//                     targets: {"1".."5": number}, tiers: [{label, threshold, amount_cents}],
//                     amount_cents, partial, evidence, source, actuals: {"1".."5": number},
//                     evidence_received: {"1".."5": bool},
//                     assumptions: {pessimistic, realistic, optimistic}, example}]
//     finance       { expenses: [{label, year, amount_cents}], other_income: [same],
//                     member_payments: [{professional, calendar_year, amount_cents, kind}] }
//     overrides     [{component, mission, year 0..5 (0 = every year), amount_cents, note}]
//     crises        [{year, label}]
//     decisions     [{date, subject, decision, owner}]
//     notes         text
//   Money: integer cents in keys ending in "_cents". Dates: "AAAA-MM-JJ", "" = no date.
//   Contract years ("year", map keys "1".."5") run 1..5; calendar years 1990..2200.
//
// [SECTION] Enum words
//   contract.prorata          "mois" | "jours"
//   action.status             "prevue" | "en_cours" | "realisee" | "abandonnee"
//   indicator.kind            "livrable" | "resultat"
//   indicator.direction       "hausse" (↑ higher is better) | "baisse" (↓ lower is better)
//   indicator.partial         "aucun" | "lineaire"
//   override.component        the catalogue words: "fonctionnement", "fixe", "variable", "snp",
//                             "crise_plan", "crise_update", "crise_activation", "lettre_intention",
//                             "avenant2_topup"
//
// [SECTION] Validation (load_project)
//   Unknown keys, wrong types, out-of-range numbers, non-finite numbers, impossible dates, lists
//   beyond their limits, duplicate ids, dangling references (indicator → action, member payment →
//   professional, missions → catalogue of the project) and unknown catalogues are errors. Each
//   error names its JSON path and says in French what was expected. Loading never partially
//   applies: either a whole Project, or errors and no project.
//
// [SECTION] Versions
//   1: money in euros as JSON numbers under keys without "_cents" ("amount": 9000.5), dates
//      "JJ/MM/AAAA", no "crises" and no "decisions". Loaded and converted (migrated = true).
//   2: current. A newer version is refused with a message asking to update the planner.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/json_reader.hpp"
#include "model/project.hpp"

namespace cpts {

constexpr const char* kProjectFormat = "cpts-planner/projet";
constexpr int kProjectSchemaVersion = 2;

// Documented list limits (README, "Limites").
constexpr std::size_t kMaxCommunes = 5000;
constexpr std::size_t kMaxActions = 10000;
constexpr std::size_t kMaxIndicators = 50000;
constexpr long long kMaxPopulation = 100'000'000;
constexpr Cents kMaxProjectCents = 100'000'000'000;  // ±10^11 cents = ±1 milliard d'euros

struct ProjectLoad {
  std::optional<Project> project;   // set only when `errors` is empty
  std::vector<JsonError> errors;
  int file_version = 0;             // schema_version read from the file (0 if unreadable)
  bool migrated = false;            // the file was in an older version and has been converted
};

// Parses and validates a project file (any supported version). Never throws.
ProjectLoad load_project(std::string_view text);

// The canonical current-version text of `p` (2-space indent, final newline).
std::string save_project(const Project& p);
OrderedJson project_to_json(const Project& p);

// Reads a file of any supported version and returns its canonical current-version text; empty
// (and `errors` filled) when the file does not load.
std::string migrate_project_text(std::string_view text, std::vector<JsonError>& errors);

// What load_project would say about the saved form of `p` (empty = `p` saves to a loadable
// file). Lets the UI or the checks tell the user before a save produces an unreadable file.
std::vector<JsonError> validate_project(const Project& p);

// Enum words (see the table above).
const char* to_word(Prorata v);
const char* to_word(ActionStatus v);
const char* to_word(IndicatorKind v);
const char* to_word(Direction v);
const char* to_word(Partial v);

}  // namespace cpts
