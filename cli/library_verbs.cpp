// cpts-cli library …: list the library of typical fiches-actions and insert an entry into a
// project file.
//   cpts-cli library list [--mission ID] [--search MOT] [--json]
//   cpts-cli library insert ENTREE FICHIER [-o SORTIE] [--library FICHIER_BIBLIOTHEQUE]
#include <cstdio>
#include <fstream>
#include <sstream>

#include "cli_verbs.hpp"
#include "edit/library.hpp"
#include "io/project_json.hpp"
#include "text_table.hpp"

namespace cpts::cli {

namespace {

std::optional<std::string> read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int fail_usage(const std::string& msg) {
  std::fprintf(stderr, "cpts-cli : %s (voir cpts-cli --help)\n", msg.c_str());
  return 2;
}

}  // namespace

int run_library_verb(const std::vector<std::string>& args) {
  std::vector<std::string> pos;
  std::string mission, search, output, library_file;
  bool json = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    if (a == "--mission") { if (!value(mission)) return fail_usage("--mission attend un identifiant de mission"); }
    else if (a == "--search") { if (!value(search)) return fail_usage("--search attend un mot"); }
    else if (a == "-o") { if (!value(output)) return fail_usage("-o attend un fichier"); }
    else if (a == "--library") { if (!value(library_file)) return fail_usage("--library attend un fichier"); }
    else if (a == "--json") json = true;
    else if (!a.empty() && a[0] == '-') return fail_usage("option inconnue « " + a + " »");
    else pos.push_back(a);
  }
  if (pos.empty()) return fail_usage("library attend « list » ou « insert »");

  Library custom;
  const Library* lib = &builtin_library();
  if (!library_file.empty()) {
    auto text = read_all(library_file);
    if (!text) return fail_usage("impossible de lire « " + library_file + " »");
    std::vector<JsonError> errors;
    auto loaded = load_library(*text, errors);
    if (!loaded) {
      std::fprintf(stderr, "%s : bibliothèque refusée\n", library_file.c_str());
      for (const JsonError& e : errors) std::fprintf(stderr, "  %s : %s\n", e.path.c_str(), e.message.c_str());
      return 1;
    }
    custom = std::move(*loaded);
    lib = &custom;
  }

  if (pos[0] == "list") {
    auto entries = search_library(*lib, mission, search);
    if (json) {
      Library subset{lib->name, lib->notes, {}};
      for (const LibraryEntry* e : entries) subset.entries.push_back(*e);
      std::fputs(save_library(subset).c_str(), stdout);
      return 0;
    }
    TextTable t({"Identifiant", "Mission", "Fiche-action", "Indicateurs", "Origine"});
    for (const LibraryEntry* e : entries)
      t.row({e->id, e->mission, e->title, std::to_string(e->indicators.size()),
             e->origin == "observed" ? "contrat signé" : e->origin == "public" ? "source publique" : "exemple"});
    std::fputs(t.str().c_str(), stdout);
    std::printf("%zu fiche(s) sur %zu\n", entries.size(), lib->entries.size());
    return 0;
  }
  if (pos[0] == "insert") {
    if (pos.size() < 3) return fail_usage("library insert attend ENTREE FICHIER");
    const LibraryEntry* entry = nullptr;
    for (const LibraryEntry& e : lib->entries)
      if (e.id == pos[1]) entry = &e;
    if (!entry) return fail_usage("fiche inconnue « " + pos[1] + " » (cpts-cli library list)");
    auto text = read_all(pos[2]);
    if (!text) return fail_usage("impossible de lire « " + pos[2] + " »");
    ProjectLoad loaded = load_project(*text);
    if (!loaded.project) {
      std::fprintf(stderr, "%s : fichier refusé\n", pos[2].c_str());
      for (const JsonError& e : loaded.errors) std::fprintf(stderr, "  %s : %s\n", e.path.c_str(), e.message.c_str());
      return 1;
    }
    std::string id;
    Project next = insert_library_entry(*loaded.project, *entry, &id);
    std::string out = save_project(next);
    if (output.empty() || output == "-") {
      std::fputs(out.c_str(), stdout);
    } else {
      std::ofstream f(output, std::ios::binary);
      f << out;
      if (!f) return fail_usage("impossible d'écrire « " + output + " »");
      std::fprintf(stderr, "Fiche « %s » insérée comme action %s dans %s\n", entry->title.c_str(), id.c_str(), output.c_str());
    }
    return 0;
  }
  return fail_usage("library attend « list » ou « insert »");
}

}  // namespace cpts::cli
