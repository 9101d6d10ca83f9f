// The open projet de santé as the UI sees it: the undo history (which owns the Project), the
// engine's figures recomputed only when the project changed (never in draw code every frame), and
// the edits the panels asked for during the frame, applied after it (ImGui demo's "Documents").
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/budget.hpp"
#include "engine/checks.hpp"
#include "engine/funding_table.hpp"
#include "edit/history.hpp"
#include "engine/scenarios.hpp"

namespace cpts::ui {

struct Derived {
  std::uint64_t revision = 0;            // History::revision() these figures were computed for
  FundingResult ceiling;                 // contract maximum ("plafond")
  FundingResult realistic;               // expected, realistic probabilities / actual values
  FundingResult selected;                // the project's scenario (Contract::scenario): every view of money
  FundingTable selected_table;           // its table by contract year (as the CLI and the documents print it)
  std::array<ScenarioTotals, kScenarioCount> scenarios{};
  std::vector<std::string> estimates, estimates_en;  // estimated figures in use (catalogue cells, PASS years), French and English
  std::vector<Finding> findings;
  std::array<BudgetYear, kContractYears> budget{};
  int blocking = 0, warnings = 0;
  std::optional<MonteCarloResult> monte_carlo;  // on demand (button), dropped on every change
  double compute_ms = 0;                 // how long the last recomputation took
};

class Document {
 public:
  bool open = false;
  std::string file_name;                 // as the project was opened or last exported
  History history;
  Derived derived;
  std::uint64_t generation = 0;          // +1 on every load(): tells one opened document from the next
  bool unexported_base = false;          // the loaded state itself was never exported (a restored autosave)

  // Changes not exported yet: the title's "•" and the browser's "Leave site?" prompt.
  bool unsaved() const { return open && (history.dirty() || unexported_base); }
  void mark_exported() { history.mark_saved(); unexported_base = false; }

  const Project& project() const { return history.project(); }
  // Panels call edit() during the frame; the App applies them after the frame. An edit coming
  // from a field that was just committed remembers the field: if History refuses it (the loader
  // would refuse the value), the field gets its text back with the message (widgets.hpp).
  void edit(Command c);

  // A change that takes more than it says (a professional and their payments, a catalogue switch
  // and the missions it lacks): the panel asks, the App shows the question as a modal, and the
  // command runs only on "Confirmer" (one undo step), nothing on "Annuler".
  struct Confirmation {
    std::string question;                // "Supprimer « Dr Martin » et ses 3 versements ?"
    std::vector<std::string> details;    // what goes with it, one line each
    std::string confirm_label;           // the button: "Supprimer", "Changer de catalogue"
    Command command;
  };
  std::optional<Confirmation> confirmation;
  void ask(Confirmation c) { confirmation = std::move(c); }
  // The message of the last refused edit ("Modification refusée : … (chemin)"), for the status line.
  std::string refused;
  void discard_pending() { pending_.clear(); }  // read-only lock
  bool has_pending() const { return !pending_.empty(); }  // e.g. a just-added action not applied yet
  bool apply_pending();                  // true if something changed
  void refresh();                        // recompute `derived` if the project changed
  void load(Project p, std::string name);
  void run_monte_carlo(int draws = 10000);

 private:
  struct Pending {
    Command command;
    std::uint32_t field = 0;             // ImGui id of the field it comes from (0: none)
    std::string typed;                   // what the user typed there
  };
  std::vector<Pending> pending_;
};

}  // namespace cpts::ui
