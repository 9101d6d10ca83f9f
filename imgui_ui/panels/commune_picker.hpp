// The search box over the official list of communes (issue #15), shared by Territoire and the
// Nouveau projet form: results as you type with department and population (homonyms told apart),
// ↑ ↓ to choose and Enter to add without leaving the keyboard, or a click. While the list loads
// (web: fetched on first use) or if it cannot be had, it says so; manual entry stays available.
#pragma once
#include <string>
#include <vector>

#include "edit/territory_edits.hpp"
#include "io/communes_table.hpp"

namespace cpts::ui {

struct CommunePicker {
  std::string query, searched;
  std::vector<const RefCommune*> hits;
  std::vector<std::string> labels;   // made once per search, not every frame
  int selected = 0;
  bool focus_again = false;   // Enter leaves the field: give it back the keyboard next frame
};

// Draws the box (published as `id`) and its results (`id`.0, `id`.1…). Returns the commune the
// user chose this frame, or null.
const RefCommune* commune_picker(CommunePicker& st, const std::string& id);

// The same for intercommunalités (name or SIREN); results published as `id`.0, `id`.1….
struct EpciPicker {
  std::string query, searched;
  std::vector<const RefEpci*> hits;
  std::vector<std::string> labels;   // member count and population: made once per search
  int selected = 0;
  bool focus_again = false;
};
const RefEpci* epci_picker(EpciPicker& st, const std::string& id);

// One line: "Population : 0 → 90 346 habitants ; taille 1 → 3", with the list's provenance.
std::string territory_effect_text(long long old_total, long long new_total, int old_taille, int new_taille, bool overridden);
// Why the core refused a commune (already there, part of one already there...), in the UI's language.
const std::string& refusal_text(const CommuneRefusal& r);

}  // namespace cpts::ui
