// cpts-cli import --table communes|professionnels|diagnostic|actions|indicateurs FICHIER PROJET
//   [-o SORTIE] [--dry-run]: a .csv, .tsv or .xlsx table imported into a project (issue #16), the
// column mapping and the preview printed (what each row creates, updates or why it is refused).
// All or nothing: one refused row and nothing is written (exit code 1). When the table changes
// nothing, SORTIE gets the project's bytes unchanged.
#include <cstdio>
#include <fstream>

#include "cli_verbs.hpp"
#include "edit/history.hpp"
#include "edit/table_import.hpp"
#include "io/json_reader.hpp"
#include "io/project_json.hpp"
#include "io/xlsx_reader.hpp"

namespace cpts::cli {

namespace {

constexpr int kOk = 0, kErrors = 1, kUsage = 2;

int fail_usage(const std::string& msg) {
  std::fprintf(stderr, "cpts-cli : %s (voir cpts-cli --help)\n", msg.c_str());
  return kUsage;
}

const char* status_word(tables::RowStatus s) {
  switch (s) {
    case tables::RowStatus::Create: return "création";
    case tables::RowStatus::Update: return "mise à jour";
    case tables::RowStatus::Unchanged: return "inchangée";
    case tables::RowStatus::Section: return "en-tête";
    case tables::RowStatus::Refused: return "REFUSÉE";
  }
  return "";
}

}  // namespace

int run_import_table(const std::string& table, const std::string& file, const std::string& project_path,
                     const std::string& out, bool dry_run) {
  FILE* say = out == "-" ? stderr : stdout;  // the project may go to stdout
  auto kind = tables::table_from_word(table);
  if (!kind) return fail_usage("--table attend communes, professionnels, diagnostic, actions ou indicateurs (trouvé « " + table + " »)");
  if (file.empty() || project_path.empty()) return fail_usage("import attend un tableau (.csv, .tsv, .xlsx) puis un fichier projet");
  if (!dry_run && out.empty()) return fail_usage("import attend -o SORTIE (ou --dry-run pour voir l’aperçu seul)");
  auto bytes = read_file_up_to(file, std::max(kMaxTableBytes, kMaxXlsxBytes));
  if (!bytes) return fail_usage("impossible de lire « " + file + " »");
  auto project_text = read_file_up_to(project_path, kMaxFileBytes);
  if (!project_text) return fail_usage("impossible de lire « " + project_path + " »");
  ProjectLoad loaded = load_project(*project_text);
  if (!loaded.project) {
    std::fprintf(stderr, "%s : fichier refusé\n", project_path.c_str());
    for (const JsonError& e : loaded.errors) std::fprintf(stderr, "  %s : %s\n", e.path.c_str(), e.message.c_str());
    return kErrors;
  }
  GridRead grid = tables::read_table_bytes(*bytes, file);
  if (!grid.ok()) {
    std::fprintf(stderr, "%s : tableau refusé — %s\n", file.c_str(), grid.error.c_str());
    return kErrors;
  }
  tables::Mapping mapping = tables::guess_mapping(*kind, *grid.grid);
  std::fprintf(say, "Tableau %s (%s) : %zu lignes, %zu colonnes\n", file.c_str(), tables::table_label_fr(*kind),
              grid.grid->rows.size(), grid.grid->columns);
  if (mapping.header_row) {
    std::fprintf(say, "Colonnes (en-têtes ligne %zu) :\n", grid.grid->rows[*mapping.header_row].number);
    for (std::size_t c = 0; c < mapping.columns.size(); ++c) {
      const std::string& h = grid.grid->cell(*mapping.header_row, c);
      std::fprintf(say, "  %-3s « %s » → %s\n", column_letters(c).c_str(), h.c_str(), tables::field_label_fr(mapping.columns[c]));
    }
  } else {
    std::fprintf(say, "Aucun en-tête de colonne reconnu.\n");
  }
  tables::ImportPreview preview = tables::preview_import(*loaded.project, *kind, *grid.grid, mapping);
  for (const tables::RowPreview& r : preview.rows) {
    std::fprintf(say, "  ligne %zu : %s — %s\n", r.row, status_word(r.status), r.what.c_str());
    for (const std::string& p : r.problems) std::fprintf(say, "      %s\n", p.c_str());
  }
  for (const std::string& e : preview.errors) std::fprintf(say, "  %s\n", e.c_str());
  std::fprintf(say, "Bilan : %s\n", preview.summary_fr().c_str());
  if (!preview.errors.empty() || preview.refused > 0) {
    std::fprintf(stderr, "%s : import refusé, rien n’est modifié (%zu ligne%s refusée%s, %zu erreur%s)\n", file.c_str(),
                 preview.refused, preview.refused > 1 ? "s" : "", preview.refused > 1 ? "s" : "", preview.errors.size(),
                 preview.errors.size() > 1 ? "s" : "");
    return kErrors;
  }
  if (dry_run) return kOk;
  std::string text;
  if (!preview.changes()) {
    text = *project_text;  // nothing to change: the same bytes
  } else {
    History h(std::move(*loaded.project));
    EditResult r = h.execute(tables::import_command(preview, "Importer un tableau"));
    if (!r) {
      std::fprintf(stderr, "%s : %s\n", file.c_str(), r.message().c_str());
      return kErrors;
    }
    text = save_project(h.project());
  }
  if (out == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return kOk;
  }
  std::ofstream o(out, std::ios::binary);
  o << text;
  if (!o) return fail_usage("impossible d'écrire « " + out + " »");
  std::fprintf(say, "Projet écrit : %s\n", out.c_str());
  return kOk;
}

}  // namespace cpts::cli
