#include "document.hpp"

#include <chrono>

#include "engine/estimates.hpp"
#include "widgets.hpp"

namespace cpts::ui {

void Document::edit(Command c) {
  Pending p{std::move(c), 0, {}};
  if (auto f = widgets::take_committed_field()) {
    p.field = f->id;
    p.typed = std::move(f->typed);
  }
  pending_.push_back(std::move(p));
}

bool Document::apply_pending() {
  bool changed = false;
  std::vector<Pending> todo;
  todo.swap(pending_);
  for (Pending& p : todo) {
    EditResult r = history.execute(std::move(p.command));
    changed = r.applied || changed;
    if (r.refused.empty()) continue;
    refused = r.message();
    if (p.field) widgets::reject_field(p.field, p.typed, refused);
  }
  return changed;
}

void Document::refresh() {
  if (derived.revision == history.revision()) return;
  auto t0 = std::chrono::steady_clock::now();
  const Project& p = history.project();
  derived.ceiling = simulate(p, Scenario::Ceiling);
  derived.realistic = simulate(p, Scenario::Realistic);
  // The project's scenario; ceiling and realistic are already computed (one simulation less on
  // every change of the stress project).
  derived.selected = p.contract.scenario == Scenario::Ceiling     ? derived.ceiling
                     : p.contract.scenario == Scenario::Realistic ? derived.realistic
                                                                  : simulate(p, p.contract.scenario);
  derived.selected_table = funding_table(derived.selected);
  derived.estimates = estimates_in_use_fr(p, derived.selected);
  derived.estimates_en = estimates_in_use_en(p, derived.selected);
  derived.scenarios = compare_scenarios(p);
  derived.findings = check_project(p, derived.realistic);
  derived.budget = budget_by_year(p, derived.selected);  // as the exported Budget prévisionnel
  derived.blocking = count(derived.findings, Severity::Blocking);
  derived.warnings = count(derived.findings, Severity::Warning);
  derived.monte_carlo.reset();
  derived.revision = history.revision();
  derived.compute_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void Document::load(Project p, std::string name) {
  history.load(std::move(p));
  file_name = std::move(name);
  open = true;
  ++generation;
  unexported_base = false;
  pending_.clear();
  confirmation.reset();
  refresh();
}

void Document::run_monte_carlo(int draws) { derived.monte_carlo = monte_carlo(history.project(), draws); }

}  // namespace cpts::ui
