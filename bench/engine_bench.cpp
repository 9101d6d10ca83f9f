// Engine benchmark: prints one JSON object with medians (ms) for the stress project —
// simulation + checks, Monte-Carlo 10 000 draws, JSON load + validation, save, validate_project
// in memory; and the review of 1 000 generated projects (`cpts-cli review`). Built natively and
// to wasm (run under node) so that scripts/bench.sh can report both and their ratio.
// Figures, not pass/fail: see the benchmark report. Also the official list of communes (issue #15):
// the table's bytes (raw, gzip), preparing it (parse + index) and a search per keystroke. And the
// files of issue #16: the stress project's projet de santé as DOCX (zlib's DEFLATE) and its workbook.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#ifndef __EMSCRIPTEN__
#include <sys/resource.h>
#endif

#include <fstream>
#include <sstream>

#include "edit/table_import.hpp"
#include "engine/checks.hpp"
#include "rules/communes.hpp"
#include "io/project_json.hpp"
#include "io/review_report.hpp"
#include "io/samples.hpp"
#include "engine/scenarios.hpp"
#include "io/stress.hpp"
#include "io/documents/documents.hpp"
#include "io/xlsx_export.hpp"

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

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The table (build/<preset>/data/communes.tsv): bytes, prepare time, and the median time of one
// keystroke while typing a few real queries letter by letter (each prefix is one search).
struct CommuneFigures {
  double raw_bytes = 0, gzip_bytes = 0, prepare_ms = -1, keystroke_ms = -1, worst_keystroke_ms = -1;
  std::string worst_query;  // the prefix typed when the worst keystroke happened
};

CommuneFigures bench_communes() {
  using namespace cpts;
  CommuneFigures f;
  std::string bytes = read_bytes(CPTS_COMMUNES_TABLE);
  f.raw_bytes = static_cast<double>(bytes.size());
  f.gzip_bytes = static_cast<double>(read_bytes(std::string(CPTS_COMMUNES_TABLE) + ".gz").size());
  if (bytes.empty()) return f;
  std::string error;
  f.prepare_ms = median_ms(5, [&] {
    auto t = load_communes_table(bytes, error);
    if (t) sink = sink + static_cast<long long>(CommuneIndex(std::move(*t)).size());
  });
  auto t = load_communes_table(bytes, error);
  if (!t) return f;
  CommuneIndex idx(std::move(*t));
  std::vector<std::string> keystrokes;
  for (const char* q : {"besancon", "st martin", "l isle", "creusot", "71200", "saint-etienne"})
    for (std::size_t n = 1; n <= std::string(q).size(); ++n) keystrokes.push_back(std::string(q, n));
  std::vector<std::pair<double, std::string>> each;
  for (const std::string& k : keystrokes)
    each.push_back({median_ms(5, [&] { sink = sink + static_cast<long long>(idx.search(k, 10).size()); }), k});
  std::sort(each.begin(), each.end());
  f.keystroke_ms = each[each.size() / 2].first;
  f.worst_keystroke_ms = each.back().first;
  f.worst_query = each.back().second;
  return f;
}

// `cpts-cli review` on 1 000 generated projects (issue #17 item 5): the three samples, each copy
// with its own name, population (×0.5 to ×2, so every taille occurs), signature (one of 48 months)
// and scenario, saved as files are; the figure is reading + figures + checks of all 1 000 texts.
std::vector<std::string> generated_projects(int n) {
  using namespace cpts;
  std::vector<Project> base;
  for (const std::string& id : sample_ids()) base.push_back(*load_project(sample_text(id)).project);
  std::vector<std::string> texts;
  for (int i = 0; i < n; ++i) {
    Project p = base[static_cast<std::size_t>(i) % base.size()];
    p.identity.name = "CPTS générée " + std::to_string(i + 1);
    for (Commune& c : p.territory.communes) c.population = c.population * (2 + i % 7) / 4;
    p.contract.signature = add_months(Date{2020, 1, 15}, i % 48);
    p.contract.scenario = static_cast<Scenario>(i % kScenarioCount);
    texts.push_back(save_project(p));
  }
  return texts;
}

// Pasted tables (issue #16): 100 000 rows are refused at the 10 000-row limit without reading
// the rest; 5 000 communes (the most a project holds) go through parse + column guess + preview.
struct TableFigures {
  double refuse_100000_ms = -1, preview_5000_communes_ms = -1;
};

TableFigures bench_tables() {
  using namespace cpts;
  TableFigures f;
  std::string big = "Code INSEE\tCommune\tPopulation\n";
  for (int i = 0; i < 100000; ++i) big += "71306\tMâcon\t33 456\n";
  f.refuse_100000_ms = median_ms(5, [&] { sink = sink + static_cast<long long>(parse_table_text(big).error.size()); });
  std::string communes = "Code INSEE\tCommune\tDépartement\tPopulation\n";
  for (int i = 0; i < 5000; ++i) {
    char row[64];
    std::snprintf(row, sizeof row, "%05d\tCommune %d\t\t%d\n", 10000 + i, i, 100 + i);
    communes += row;
  }
  Project empty;
  f.preview_5000_communes_ms = median_ms(5, [&] {
    GridRead g = parse_table_text(communes);
    tables::Mapping m = tables::guess_mapping(tables::TableKind::Communes, *g.grid);
    sink = sink + static_cast<long long>(tables::preview_import(empty, tables::TableKind::Communes, *g.grid, m).created);
  });
  return f;
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
  CommuneFigures cf = bench_communes();
  TableFigures tf = bench_tables();
  // validate_project walks the project in memory; before, it was a save then a load (kept here as
  // the reference figure).
  double validate = median_ms(21, [&] { sink = sink + static_cast<long long>(validate_project(p).size()); });
  double validate_by_file =
      median_ms(7, [&] { sink = sink + static_cast<long long>(load_project(save_project(p)).errors.size()); });
  std::vector<std::string> generated = generated_projects(1000);
  // Wall time (the budget) and the process's CPU time: on a shared machine the two differ widely.
  std::clock_t cpu0 = std::clock();
  double review = median_ms(3, [&] {
    std::vector<ReviewRow> rows;
    for (std::size_t i = 0; i < generated.size(); ++i) rows.push_back(review_file(std::to_string(i), generated[i], std::nullopt));
    sink = sink + review_totals(rows).chosen_total;
  });
  double review_cpu = 1000.0 * static_cast<double>(std::clock() - cpu0) / CLOCKS_PER_SEC / 3;
  // Documents of the stress project (issue #16: DEFLATE through zlib): the projet de santé as DOCX.
  std::size_t docx_bytes = 0;
  double docx = median_ms(5, [&] {
    RenderedDocument d = render_document(p, DocKind::ProjetDeSante, DocFormat::Docx, 1, Date{2026, 1, 1});
    docx_bytes = d.bytes.size();
    sink = sink + static_cast<long long>(d.bytes.size());
  });
  // The workbook of the stress project (issue #16 item 4): 5 000 indicators, 500 communes.
  std::size_t xlsx_bytes = 0;
  const FundingResult ceiling = simulate(p, Scenario::Ceiling);
  double xlsx = median_ms(3, [&] {
    XlsxWorkbook wb = export_workbook(p, ceiling, Date{2026, 1, 1});
    xlsx_bytes = wb.bytes.size();
    sink = sink + static_cast<long long>(wb.bytes.size());
  });
  std::printf(
      "{\"platform\": \"%s\", \"communes\": %zu, \"actions\": %zu, \"indicators\": %zu, \"file_bytes\": %zu,\n"
      " \"simulate_ms\": %.3f, \"simulate_and_checks_ms\": %.3f, \"monte_carlo_10000_ms\": %.1f,\n"
      " \"json_load_validate_ms\": %.2f, \"json_save_ms\": %.2f, \"validate_project_ms\": %.3f,\n"
      " \"validate_by_save_load_ms\": %.2f, \"peak_memory_mib\": %.1f,\n"
      " \"communes_table_bytes\": %.0f, \"communes_table_gzip_bytes\": %.0f, \"communes_prepare_ms\": %.1f,\n"
      " \"communes_search_keystroke_ms\": %.3f, \"communes_search_worst_keystroke_ms\": %.3f,\n"
      " \"communes_search_worst_query\": \"%s\", \"review_1000_projects_ms\": %.0f, \"review_1000_projects_cpu\": %.0f,\n"
      " \"docx_stress_ms\": %.1f, \"docx_stress_bytes\": %zu, \"xlsx_stress_ms\": %.1f, \"xlsx_stress_bytes\": %zu,\n"
      " \"table_paste_100000_rows_refused_ms\": %.2f, \"table_paste_5000_communes_preview_ms\": %.1f}\n",
#ifdef __EMSCRIPTEN__
      "wasm",
#else
      "native",
#endif
      p.territory.communes.size(), p.actions.size(), p.indicators.size(), text.size(), sim, sim_checks, mc, load, save,
      validate, validate_by_file, peak_memory_bytes() / 1048576.0, cf.raw_bytes, cf.gzip_bytes, cf.prepare_ms, cf.keystroke_ms,
      cf.worst_keystroke_ms, cf.worst_query.c_str(), review, review_cpu, docx, docx_bytes, xlsx, xlsx_bytes, tf.refuse_100000_ms, tf.preview_5000_communes_ms);
  return 0;
}
