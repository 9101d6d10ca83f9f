// Pasting or importing a table into the project (issue #16): a preview per row of what will be
// created, updated or refused and why, then one Command that applies it all (one undo step), or
// nothing. The UI (paste preview, Fichier → Importer un tableau…) and the CLI (import --table)
// only call this.
//
// Matching key (what makes a row update an existing item instead of creating one):
//   communes        INSEE code
//   professionnels  name (case, accents and punctuation ignored)
//   diagnostic      label (same folding)
//   actions         id when an id column is mapped and names an action, else title within the mission
//   indicateurs     id when an id column is mapped and names an indicator, else label within its
//                   action; the action (created when missing) is found by id or by title within the
//                   mission. A contract annex: mission and action cells left empty (or merged in an
//                   .xlsx) repeat the row above; a row holding only a mission name ("Mission 2 :
//                   Parcours…") sets the mission of the rows below it; a row with tier cells and no
//                   indicator adds tiers to the indicator above.
// An empty cell never clears a field (a partial table only changes what it holds), and a value
// equal to the current one (as the CSV export writes it) changes nothing: exporting the indicators
// to CSV and importing that file back leaves the project byte-identical.
//
// All or nothing: one refused row (French message naming its row and column) or one project rule
// broken refuses the whole table, and the project stays as it was.
#pragma once
#include <string>
#include <vector>

#include "edit/history.hpp"
#include "edit/table_fields.hpp"
#include "io/table_grid.hpp"
#include "model/project.hpp"

namespace cpts::tables {

enum class RowStatus { Create, Update, Unchanged, Section, Refused };

struct RowPreview {
  std::size_t row = 0;                  // source row number (line of the text, row of the sheet)
  RowStatus status = RowStatus::Unchanged;
  std::string what;                     // "commune 71306 « Mâcon »", "indicateur I3 « … » (A2)"
  std::vector<std::string> problems;    // French; each names the row and column
};

struct ImportPreview {
  TableKind kind = TableKind::Communes;
  std::vector<RowPreview> rows;
  std::size_t created = 0, updated = 0, unchanged = 0, refused = 0;
  std::size_t actions_created = 0, tiers = 0;  // annex: fiches-actions created, tiers read
  std::vector<std::string> errors;      // whole-table problems: no key column, project rules broken
  Project result;                       // the project once applied
  bool changes() const { return created + updated > 0; }
  bool can_apply() const { return refused == 0 && errors.empty() && changes(); }
  // "12 créées, 3 mises à jour, 1 refusée" / the first problem.
  std::string summary_fr() const;
  std::string summary_en() const;  // "12 created, 3 updated, …"
  // Every refused row's problems and the table's errors, one per line.
  std::vector<std::string> problems_fr() const;
};

ImportPreview preview_import(const Project& p, TableKind kind, const CellGrid& grid, const Mapping& mapping);

// The import as one undoable command ("Importer un tableau (Communes)"); an empty command (no
// apply) when the preview cannot be applied. History checks the result again like a typed value.
Command import_command(const ImportPreview& preview, std::string label);

// Text as pasted or file bytes (.csv, .tsv, .xlsx picked by content): the grid, or a French
// message. `name` is only used in messages.
GridRead read_table_bytes(std::string_view bytes, std::string_view name);

}  // namespace cpts::tables
