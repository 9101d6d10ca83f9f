// The edit vocabulary: every change the UI or the CLI can make to a project's lists, as core
// Commands that keep every rule the loader enforces (io/project_json.hpp, "Validation"). A
// professional goes with their member payments, an action with its indicators, a duplicate gets
// fresh ids, a catalogue switch removes what the new catalogue lacks. Draw code composes no project
// surgery of its own: it asks for a preview (what goes with the change, for its confirmation) and
// hands the Command to History, which checks the result again (history.hpp).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "edit/history.hpp"
#include "model/project.hpp"

namespace cpts::edits {

// The project's top-level lists (the JSON sections of the same name).
enum class ListKind {
  Communes, Contacts, Professionals, Colleges, Diagnostic, Missions, Actions, Indicators, Expenses,
  OtherIncome, MemberPayments, Overrides, Crises, Decisions, Candidates, Variants,
};
constexpr ListKind kAllLists[] = {
    ListKind::Communes,   ListKind::Contacts,   ListKind::Professionals,  ListKind::Colleges,  ListKind::Diagnostic,
    ListKind::Missions,   ListKind::Actions,    ListKind::Indicators,     ListKind::Expenses,  ListKind::OtherIncome,
    ListKind::MemberPayments, ListKind::Overrides, ListKind::Crises,      ListKind::Decisions, ListKind::Candidates,
    ListKind::Variants,
};
std::size_t list_size(const Project& p, ListKind k);
const char* list_name(ListKind k);  // "professionals", as in the file

// What goes with the deletion of item `index` of list `k`, for the confirmation ("et ses
// 3 versements"). All zero: nothing else changes.
struct Deletion {
  std::size_t payments = 0;           // member payments of a professional
  std::size_t college_seats = 0;      // college member lists naming a professional's id
  std::size_t indicators = 0;         // indicators of an action
  std::size_t candidate_links = 0;    // candidates converted into an action (the link is cleared)
  // Payments are money the user entered: they are only removed after the user confirms. An
  // action's indicators belong to it and go with it (one undo step brings all back).
  bool needs_confirmation() const { return payments > 0; }
};
Deletion preview_delete(const Project& p, ListKind k, std::size_t index);

// Deletes item `index` of list `k` with what depends on it (one undo step). Empty command
// (no apply) when the index is out of range.
Command delete_item(const Project& p, ListKind k, std::size_t index, std::string label);

// Whether items of `k` can be duplicated: missions and overrides cannot (the file allows each
// mission, each component/mission/year once).
bool can_duplicate(ListKind k);
// Inserts a copy of item `index` right after it: fresh ids (an action's indicators are copied
// too, with fresh ids, attached to the copy), a commune's INSEE code left empty (it must be
// unique). Empty command when the index is out of range or the list cannot be duplicated.
// `title_suffix` is added to a copied action's title (" (copie)").
Command duplicate_item(const Project& p, ListKind k, std::size_t index, std::string label, const std::string& title_suffix = {});

// Moves item `from` to position `to` (order carries no rule; kept so the vocabulary is whole).
Command move_item(ListKind k, std::size_t from, std::size_t to, std::string label);

// Switching the ACI catalogue (contract.catalogue): what the new catalogue lacks goes, listed for
// the user's confirmation before anything is removed.
struct CatalogueSwitch {
  std::string from, to;
  std::vector<std::string> missions;   // project missions (ids) the new catalogue lacks: removed
  std::vector<std::string> actions;    // actions of those missions, "A3 « titre »": removed
  std::size_t indicators = 0;          // indicators of those actions: removed
  std::vector<std::string> overrides;  // amount overrides naming a lacking mission or component: removed
  std::vector<std::string> candidates; // workshop candidates of a lacking mission, "C2 « titre »": removed
  bool loses_nothing() const {
    return missions.empty() && actions.empty() && overrides.empty() && candidates.empty();
  }
};
// nullopt when `to` is not a known catalogue.
std::optional<CatalogueSwitch> preview_catalogue_switch(const Project& p, const std::string& to);
// The switch and the removals of the preview in one undo step. Empty command for an unknown
// catalogue or the current one.
Command switch_catalogue(const Project& p, const std::string& to, std::string label);

// Workshop: a participant group added to every candidate's ratings (not yet rated); empty command
// when the name is empty or every candidate has it already.
Command add_rating_group(const Project& p, const std::string& group, std::string label);
// Opens variant `index` as the current project, the other variants kept with it.
Command open_variant(const Project& p, std::size_t index, std::string label);

// ---- Follow-up of the indicators (issue #19) -----------------------------------------------------
// User values: History refuses (nothing changes, French message) what the loader would refuse —
// a date outside the contract (signature .. signature + 5 ans + 1 an, for the last review), a value
// that is not finite, an unknown indicator.

// Records the measurement of `indicator_id` at `date` (replaces the one of that date, keeps the list
// sorted by date); `value` nullopt removes the measurement of that date. Empty command when the
// indicator does not exist or nothing would change.
Command set_measurement(const std::string& indicator_id, const Date& date, std::optional<double> value,
                        const std::string& source, std::string label = "Modifier une mesure");
// Marks the measurement of `date` as the year's final value (clears the mark on the other
// measurements of the same contract year when `final` is true).
Command set_measurement_final(const std::string& indicator_id, const Date& date, bool final,
                              std::string label = "Marquer la valeur retenue");
Command set_baseline_year(const std::string& indicator_id, std::optional<int> year,
                          std::string label = "Modifier l’année de la valeur de référence");
Command set_review_date(std::optional<Date> date, std::string label = "Modifier la date de la revue annuelle");

}  // namespace cpts::edits
