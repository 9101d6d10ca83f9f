// libFuzzer target: the table import from untrusted bytes (issue #16) — an .xlsx (minizip + expat:
// zip structure, shared strings, styles, merged cells, formulas) or pasted/CSV text, then the
// column guess and the preview into each table of a sample project. Invariants: no crash, no hang,
// a refused input always says why, a grid within its limits, and a preview that can be applied
// leaves a project that the loader accepts.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "edit/table_import.hpp"
#include "io/project_json.hpp"
#include "io/samples.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cpts;
  static const Project base = *load_project(sample_text("cpts-centre-saone-et-loire")).project;
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  GridRead g = tables::read_table_bytes(bytes, "fuzz");
  if (!g.ok()) {
    if (g.error.empty()) std::abort();  // refused without a reason
    return 0;
  }
  const CellGrid& grid = *g.grid;
  if (grid.rows.size() > kMaxTableRows || grid.columns > kMaxTableColumns) std::abort();
  for (const TableRow& r : grid.rows)
    for (const std::string& c : r.cells)
      if (!valid_utf8(c)) std::abort();
  for (tables::TableKind k : {tables::TableKind::Indicators, tables::TableKind::Communes, tables::TableKind::Actions}) {
    tables::ImportPreview pv = tables::preview_import(base, k, grid, tables::guess_mapping(k, grid));
    if (pv.can_apply() && !validate_project(pv.result).empty()) std::abort();
    for (const tables::RowPreview& r : pv.rows)
      if (r.status == tables::RowStatus::Refused && r.problems.empty()) std::abort();
  }
  return 0;
}
