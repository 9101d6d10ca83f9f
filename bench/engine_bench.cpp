// Engine benchmark: prints one JSON object with medians (ms) for the stress project —
// simulation + checks, Monte-Carlo 10 000 draws, JSON load + validation, save, validate_project
// in memory. Built natively and
// to wasm (run under node) so that scripts/bench.sh can report both and their ratio.
// Figures, not pass/fail: see the benchmark report.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#ifndef __EMSCRIPTEN__
#include <sys/resource.h>
#endif

#include "engine/checks.hpp"
#include "io/project_json.hpp"
#include "engine/scenarios.hpp"
#include "io/stress.hpp"

namespace {

double median_ms(int runs, const std::function<void()>& f) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    auto a = std::chrono::steady_clock::now();
    f();
    auto b = std::chrono::steady_clock::now();
    t.push_back(std::chrono::duration<double, std::milli>(b - a).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

volatile long long sink = 0;  // keeps the optimiser from dropping the work

// Peak memory of the run in bytes. In wasm the linear memory only grows, so its size now is the
// peak heap (plus stack and static data); natively, the peak resident set.
double peak_memory_bytes() {
#ifdef __EMSCRIPTEN__
  return static_cast<double>(__builtin_wasm_memory_size(0)) * 65536.0;
#else
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) * 1024.0;
#endif
}

}  // namespace

int main() {
  using namespace cpts;
  Project p = make_stress_project();
  std::string text = save_project(p);
  double sim = median_ms(21, [&] { sink = sink + simulate(p, Scenario::Realistic).total(); });
  double sim_checks = median_ms(21, [&] {
    FundingResult r = simulate(p, Scenario::Realistic);
    sink = sink + static_cast<long long>(check_project(p, r).size());
  });
  double mc = median_ms(5, [&] { sink = sink + monte_carlo(p, 10000, 7).variable_total.p50; });
  double load = median_ms(7, [&] { sink = sink + static_cast<long long>(load_project(text).project->indicators.size()); });
  double save = median_ms(7, [&] { sink = sink + static_cast<long long>(save_project(p).size()); });
  // validate_project walks the project in memory; before, it was a save then a load (kept here as
  // the reference figure).
  double validate = median_ms(21, [&] { sink = sink + static_cast<long long>(validate_project(p).size()); });
  double validate_by_file =
      median_ms(7, [&] { sink = sink + static_cast<long long>(load_project(save_project(p)).errors.size()); });
  std::printf(
      "{\"platform\": \"%s\", \"communes\": %zu, \"actions\": %zu, \"indicators\": %zu, \"file_bytes\": %zu,\n"
      " \"simulate_ms\": %.3f, \"simulate_and_checks_ms\": %.3f, \"monte_carlo_10000_ms\": %.1f,\n"
      " \"json_load_validate_ms\": %.2f, \"json_save_ms\": %.2f, \"validate_project_ms\": %.3f,\n"
      " \"validate_by_save_load_ms\": %.2f, \"peak_memory_mib\": %.1f}\n",
#ifdef __EMSCRIPTEN__
      "wasm",
#else
      "native",
#endif
      p.territory.communes.size(), p.actions.size(), p.indicators.size(), text.size(), sim, sim_checks, mc, load, save,
      validate, validate_by_file, peak_memory_bytes() / 1048576.0);
  return 0;
}
