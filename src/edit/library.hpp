// The library of typical fiches-actions and indicators (shared/library/, embedded), and personal
// libraries a CPTS saves from its own actions and shares with others. Inserting an entry creates
// an editable copy in the project with fresh ids and amounts suggested as a share of the
// mission's variable part (for the project's taille).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/json_reader.hpp"
#include "model/project.hpp"

namespace cpts {

struct LibraryTier {
  std::string label;
  double threshold = 0;
  double fraction = 1;           // share of the indicator's amount paid at this tier (0..1)
};

struct LibraryIndicator {
  std::string label;
  IndicatorKind kind = IndicatorKind::Result;
  std::string unit;
  Direction direction = Direction::Up;
  std::string source;            // usual data source (Rézone CPTS, requête CPAM, émargements…)
  std::string evidence;          // typical evidence
  double share = 0;              // suggested share of the mission's variable part (0..1)
  std::vector<LibraryTier> tiers;
  std::optional<double> baseline_example;
};

struct LibraryEntry {
  std::string id;                // "acces-mt-ald"
  std::string mission;           // catalogue mission id
  std::string title, objective, target_population;
  std::vector<std::string> partners, steps;
  std::vector<LibraryIndicator> indicators;
  std::string origin;            // "observed" (real contract), "public" (public source), "example"
  std::string reference;         // where it comes from
};

struct Library {
  std::string name;
  std::string notes;
  std::vector<LibraryEntry> entries;
};

constexpr const char* kLibraryFormat = "cpts-planner/bibliotheque";

// Strict loading (the same rules as project files): every indicator complete, sources named.
std::optional<Library> load_library(std::string_view text, std::vector<JsonError>& errors);
std::string save_library(const Library& lib);  // canonical JSON

const Library& builtin_library();             // shared/library/library-fiches-actions.json

// Entries of `mission` ("" = all) whose title, objective, target, partners or indicators contain
// `keyword` (case and accents ignored).
std::vector<const LibraryEntry*> search_library(const Library& lib, const std::string& mission, const std::string& keyword);

// The project with `entry` inserted as a new fiche-action (and its indicators), ids fresh, amounts
// = share × the mission's variable part for the project's taille, rounded to 100 €; the mission is
// chosen if it was not. `new_action_id` receives the id of the created action.
Project insert_library_entry(const Project& p, const LibraryEntry& entry, std::string* new_action_id = nullptr);

// A library entry made from one of the project's actions (to save into a personal library).
std::optional<LibraryEntry> entry_from_action(const Project& p, const std::string& action_id);

}  // namespace cpts
