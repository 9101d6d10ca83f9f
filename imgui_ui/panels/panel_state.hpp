// What each panel remembers between frames — search boxes, sort orders, selections, half-typed
// names, open previews and the caches of figures computed once per project revision — in one
// struct per panel. UiState owns them (PanelStates) and replaces them with fresh ones whenever a
// document is opened, so nothing of one document (a search, a selection, a preview computed on
// it) shows in the next one, and each UI test starts from a clean slate. They used to be function
// statics in the panels' files, shared by every document and every test.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "commune_picker.hpp"
#include "edit/territory_edits.hpp"
#include "edit/workshop.hpp"
#include "engine/catalogue_compare.hpp"
#include "engine/suivi.hpp"
#include "io/documents/doc_model.hpp"
#include "model/project.hpp"

namespace cpts::ui {

// A table's sort: column (-1 = the order of the project) and direction.
struct SortSpec {
  int column = 0;
  bool ascending = true;
};

// Territoire: filtered and sorted row order, rebuilt only when the project, the filter or the sort
// changed.
struct CommuneView {
  std::uint64_t revision = 0;
  std::string filter, applied_filter;
  SortSpec sort{-1, true}, applied_sort{-2, true};
  std::vector<std::size_t> rows;
  std::vector<std::string> duplicate_insee;  // INSEE codes given to more than one commune
};

// Territoire: the official list's tools (search and add, an intercommunalité, populations brought
// up to date). Previews are dropped as soon as the project changes (computed on the old one).
struct OfficialList {
  CommunePicker picker;
  std::string message;
  bool message_is_error = false;
  bool epci_open = false;
  EpciPicker epci;
  std::optional<TerritoryAddPlan> epci_plan;
  bool update_wanted = false;
  std::optional<PopulationUpdatePlan> update_plan;
  std::uint64_t revision = 0;
};

struct TerritoireState {
  CommuneView view;
  OfficialList official;
  std::optional<std::size_t> focus_row;  // a row just added: its first field takes the keyboard focus
};

// Indicateurs: the filtered and sorted rows, rebuilt when the project, filter, mission or sort changed.
struct IndicatorView {
  std::uint64_t revision = 0;
  std::string filter, applied_filter;
  std::string mission, applied_mission = "?";
  SortSpec sort{-1, true}, applied_sort{-2, true};
  std::vector<std::size_t> rows;
  std::vector<const Action*> action;  // of each indicator (by index), null if missing; per revision
};

// Bibliothèque: the tab, the filters, the entry shown, and what inserting it would create
// (computed once per entry and project revision: the copy of a large project is not free).
struct LibraryView {
  int tab = 0;  // 0 = shipped library, 1 = personal
  std::string mission, keyword;
  std::string selected;  // entry id
  int save_action = 0;
  std::string preview_id;
  std::uint64_t preview_revision = 0;
  Project preview;
};

// Documents: the kind and year chosen, the preview built for them, the page shown.
struct DocumentsState {
  int kind = 0, year = 1;
  std::uint64_t revision = 0;
  int built_kind = -1, built_year = -1;
  doc::Document built;
  int page = 0;
};

// Financement → Comparer avec un autre catalogue: the other catalogue chosen, and the comparison
// kept until the project or that choice changes (two simulations per change, none per frame).
struct ComparisonState {
  std::string other_id;
  std::uint64_t revision = 0;
  std::string computed_for;
  CatalogueComparison comparison;
};

// Atelier: the group and names being typed, and the variants' comparison per revision.
struct AtelierState {
  std::string new_group;            // Priorités: "Ajouter ce groupe"
  bool refocus_group = false;       // give the group field the keyboard back after Enter added one
  std::string variant_name;         // Scénarios
  std::uint64_t variants_revision = 0;
  std::vector<VariantSummary> variants;
  std::string copy_group;           // Groupes: the working group's copy to prepare
};

// Welcome: the search in the official list of communes for the new project's draft.
struct WelcomeState {
  CommunePicker picker;
  std::string picker_message;
  std::optional<std::size_t> focus_commune;  // a row just added: its INSEE field takes the focus
  int scroll_to_add = 0;                     // frames left to keep "Ajouter une commune" in view
};

// Tableau de bord: the engine's follow-up of each contract year, cached per project revision and
// day (charts need all five years), the year shown and the filters.
struct DashboardView {
  std::uint64_t revision = 0;              // History::revision() the figures are for
  Date today;
  int current_year = 1;                    // the contract year containing today (1..5)
  std::array<Suivi, kContractYears> years; // the follow-up of each contract year (charts need all)
};

struct DashState {
  int year = 0;                   // contract year shown (1..5)
  bool chosen = false;            // picked by the user; else it follows the current year (the day may change)
  std::string filter;
  int status_filter = 0;          // 0 = all, else TrackStatus + 1
  std::vector<std::size_t> rows;  // indicators shown (indices into Suivi::indicators)
  std::uint64_t rows_revision = 0;
  int rows_year = 0, rows_status = -1;
  std::string rows_filter = "\x01";
  std::vector<std::size_t> evidence_rows;  // expected evidence: missing first, then received
  std::size_t evidence_received = 0;
  std::uint64_t evidence_revision = 0;
  int evidence_year = 0;
};

// Tableau de bord → Relevés: the date columns added, the paste anchor, the cached rows.
struct GridState {
  std::vector<Date> added;           // dates the user added (no measurement yet)
  Date new_date;
  std::string source;                // source given to new values
  std::string filter;
  // Cached per revision / year / filter.
  std::uint64_t revision = 0;
  int year = 0;
  std::string applied_filter = "\x01";
  std::size_t applied_added = 0;
  std::vector<Date> dates;
  std::vector<std::size_t> rows;     // indices into Suivi::indicators (= project order)
  // The cell a paste starts from (last cell clicked or typed in).
  std::string anchor_indicator;
  Date anchor_date;
};

struct PanelStates {
  TerritoireState territoire;
  IndicatorView indicateurs;
  LibraryView bibliotheque;
  DocumentsState documents;
  ComparisonState comparison;
  AtelierState atelier;
  WelcomeState welcome;
  mutable DashboardView dashboard_view;  // a cache: computed while drawing from a const UiState
  DashState dashboard;
  GridState measurements_grid;
};

}  // namespace cpts::ui
