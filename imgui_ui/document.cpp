#include "document.hpp"

#include <chrono>

namespace cpts::ui {

bool Document::apply_pending() {
  bool changed = false;
  std::vector<Command> todo;
  todo.swap(pending_);
  for (Command& c : todo) changed = history.execute(std::move(c)) || changed;
  return changed;
}

void Document::refresh() {
  if (derived.revision == history.revision()) return;
  auto t0 = std::chrono::steady_clock::now();
  const Project& p = history.project();
  derived.ceiling = simulate(p, Scenario::Ceiling);
  derived.realistic = simulate(p, Scenario::Realistic);
  derived.scenarios = compare_scenarios(p);
  derived.findings = check_project(p, derived.realistic);
  derived.budget = budget_by_year(p, derived.realistic);
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
  refresh();
}

void Document::run_monte_carlo(int draws) { derived.monte_carlo = monte_carlo(history.project(), draws); }

}  // namespace cpts::ui
