// Everything the panels share: the open document, where the user is (panel, selection), what the
// Vérification panel asked to jump to, filters. Panels read it and push Commands to the document;
// they never mutate the Project.
#pragma once
#include <optional>
#include <string>

#include "document.hpp"
#include "edit/library.hpp"
#include "edit/merge.hpp"
#include "edit/table_import.hpp"
#include "requests.hpp"
#include "panel_state.hpp"

namespace cpts::ui {

enum class PanelId { Projet, Territoire, Diagnostic, Professionnels, Missions, Indicateurs, Bibliotheque, Financement, Calendrier, Budget, TableauDeBord, Verification, Atelier, Documents, Count };
const char* panel_key(PanelId p);  // i18n key of the panel's title: "panel.projet"…

struct Jump {
  ObjectRef ref;
  int frames_left = 3;       // the target panel scrolls to the object while this is > 0
};

struct UiState {
  Document doc;
  PanelId panel = PanelId::Projet;
  bool welcome = true;       // welcome screen instead of the panels
  std::string sel_mission = "acces", sel_action, sel_indicator;
  // What each panel remembers (filters, previews, caches: panel_state.hpp), for the document of
  // generation `panels_generation`; begin_frame() starts them afresh when another one was opened.
  PanelStates panels;
  std::uint64_t panels_generation = 0;
  std::optional<Jump> jump;
  std::string message;       // modal error/info message (French), e.g. a refused import
  std::string missing_catalogue;  // the open project names this unknown catalogue: the message offers its import
  Library personal_library{"Ma bibliothèque", "", {}};  // actions saved from projects, exportable
  // Files for the user, handed to the platform (browser download / file) by main.cpp after the
  // frame: cpts_ui itself has no platform code, so the headless UI tests can check them here.
  struct Download {
    std::string name, mime, bytes;
  };
  std::vector<Download> downloads;

  // Workshop (atelier) and presentation mode.
  int atelier_tab = 0, atelier_tab_request = -1;
  struct PendingMerge {
    Project group_file;
    MergePlan plan;       // the user ticks items in place before applying
    std::string file_name;
  };
  std::optional<PendingMerge> pending_merge;
  // A table pasted (Ctrl+V over a panel's table) or imported (Fichier → Importer un tableau…),
  // shown in its preview until « Appliquer » or « Annuler » (table_import_dialog.hpp).
  struct PendingTable {
    tables::TableKind kind = tables::TableKind::Indicators;
    CellGrid grid;
    tables::Mapping mapping;
    tables::ImportPreview preview;
    std::string source;   // "Presse-papiers", the file's name
  };
  std::optional<PendingTable> pending_table;
  bool presenting = false;   // full screen, large type, one view at a time, nothing editable
  int slide = 0;
  Date today_override;       // the dashboard's "today" for tests and screenshots (empty: the clock)
  bool read_only = false;    // "verrouiller": a stray click on the shared screen changes nothing
  std::string status;        // status line
  // What the user asked the App (which knows the platform) to do after the frame, in order.
  std::vector<AppRequest> requests;
  void request(AppRequest a) { requests.push_back(std::move(a)); }
  bool has_last_project = false;
  std::string last_project_name;
  // Guided start (welcome screen)
  struct NewProject {
    std::string name = "CPTS ";
    Date signature;
    std::string catalogue = kDefaultCatalogue;
    std::vector<Commune> communes;
  } draft;

  void go(PanelId p) { panel = p; welcome = false; }
  // Once per frame before the panels: a document opened since the last frame gets fresh panel
  // states, selections and fields (nothing of the previous document shows in it).
  void begin_frame();
  void jump_to(const ObjectRef& ref);
  // True once per object while a jump to it is pending (the panel scrolls there and highlights it).
  bool is_jump_target(ObjectKind kind, const std::string& id) const {
    return jump && jump->ref.kind == kind && jump->ref.id == id;
  }
};

// Panels, one file each under panels/.
void draw_welcome(UiState& s);
void draw_navigation(UiState& s);
void draw_summary(UiState& s);
void draw_panel_projet(UiState& s);
void draw_panel_territoire(UiState& s);
void draw_panel_diagnostic(UiState& s);
void draw_panel_professionnels(UiState& s);
void draw_panel_missions(UiState& s);
void draw_panel_indicateurs(UiState& s);
void draw_panel_financement(UiState& s);
void draw_catalogue_comparison(UiState& s);  // Financement → Comparer avec un autre catalogue
void draw_panel_calendrier(UiState& s);
void draw_calendar_timeline(UiState& s, bool slide);  // the panel's timeline; `slide`: missions only, sized for a room
void draw_panel_budget(UiState& s);
void draw_panel_tableau_de_bord(UiState& s);  // issue #19: the contract year before its review
void draw_panel_verification(UiState& s);
void draw_panel_bibliotheque(UiState& s);
void draw_panel_atelier(UiState& s);
void draw_panel_documents(UiState& s);
// A group's copy came back: compute the merge plan and show it in Atelier › Groupes.
void start_merge(UiState& s, Project group_file, const std::string& name);
// Presentation mode (presentation.cpp): the slides, and the keys/buttons that move between them.
int slide_count(const UiState& s);
void draw_presentation(UiState& s);
// Routes an opened .json by its "format": a personal library is merged into UiState::personal_library.
bool import_library_text(UiState& s, const std::string& text, const std::string& name);
void draw_current_panel(UiState& s);

}  // namespace cpts::ui
