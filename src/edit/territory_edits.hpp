// Territory edits from the official list of communes (issue #15): add communes, add all the
// members of an intercommunalité, bring populations up to date. Each is planned first (the
// preview the UI and the CLI show: what is added, what is already there, old → new and the effect
// on the taille), then applied as one Command, i.e. one undo step.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "edit/history.hpp"
#include "rules/communes.hpp"

namespace cpts {

struct Catalogue;

struct TerritoryEffect {
  long long old_total = 0, new_total = 0;
  int old_taille = 0, new_taille = 0;  // from the population (catalogue thresholds); see override
  bool taille_overridden = false;      // the project forces a taille: the population does not decide
};

// Said in both languages, as the checks are (engine/checks.hpp): the UI shows the one of its
// language, the CLI the French.
struct CommuneRefusal {
  std::string code;
  std::string message;     // French, e.g. "Besançon (25056) est déjà dans le territoire."
  std::string message_en;  // English, e.g. "Besançon (25056) is already in the territory."
};

struct TerritoryAddPlan {
  std::string label;                 // undo label: "Ajouter Besançon", "Ajouter CU Grand Besançon Métropole"
  std::vector<Commune> added;        // appended in this order
  std::vector<CommuneRefusal> refused;  // already there, part of a commune already there, unknown code
  TerritoryEffect effect;
  std::string provenance;            // written as the territory's population source when it is empty
};

TerritoryAddPlan plan_add_communes(const Project& p, const CommuneIndex& idx, const std::vector<std::string>& codes);
// Empty plan with one refusal when the SIREN is unknown.
TerritoryAddPlan plan_add_epci(const Project& p, const CommuneIndex& idx, const std::string& siren);
// Nothing when the plan adds nothing. `label`: the undo step's name in the UI's language (default:
// the plan's French label).
std::optional<Command> add_communes_command(const TerritoryAddPlan& plan, std::string label = {});

struct PopulationChange {
  std::size_t index = 0;             // row in territory.communes
  std::string code, name;
  long long old_population = 0, new_population = 0;
};

// A row of the list whose own source becomes the list's provenance (its population may be
// unchanged: the figure is now that year's).
struct RowSourceChange {
  std::size_t index = 0;
  std::string code, old_source;
};

struct PopulationUpdatePlan {
  std::vector<PopulationChange> changes;
  std::vector<RowSourceChange> row_sources;  // rows of the list whose source was another
  std::size_t unchanged = 0;
  std::vector<std::string> not_in_list;  // rows typed by hand (no code, or a code not in the list)
  TerritoryEffect effect;
  std::string old_source, new_source;    // the territory's population source before / after
  std::string provenance;                // the list's: each of its rows' source after
};

PopulationUpdatePlan plan_update_populations(const Project& p, const CommuneIndex& idx);
// Nothing when no population changes and the source is already the list's.
std::optional<Command> update_populations_command(const PopulationUpdatePlan& plan,
                                                  std::string label = "Mettre à jour les populations");

}  // namespace cpts
