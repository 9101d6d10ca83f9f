// Catalogues imported in the app (Fichier → Catalogues → Importer…, issue #17), kept on the device
// in the folder of the autosave (platform::storage_dir(): IndexedDB through IDBFS on the web,
// ~/.local/share/cpts-planner natively):
//
//   <dir>/catalogues/<id>.json   the catalogue file as imported (checked before it is written)
//
// Read back at start and registered (rules/catalogue.hpp), so that a project using one opens
// again; a project also carries its catalogue inside (Project::embedded_catalogue) for another
// computer. Plain files, so the same code runs and is tested natively.
#pragma once
#include <string>
#include <vector>

#include "rules/catalogue.hpp"

namespace cpts::ui {

struct CatalogueImport {
  const Catalogue* catalogue = nullptr;  // registered for the process when the file is good
  std::vector<CatalogueError> errors;    // why the file was refused (JSON paths, French)
  std::string storage_error;             // good file, but not kept on the device (French), or ""
};

// Checks `text`, registers the catalogue and writes it under `dir` (no storage when `dir` is "").
CatalogueImport import_catalogue(const std::string& dir, const std::string& text);

// Registers the catalogues kept under `dir`; returns a French line per file that no longer loads.
std::vector<std::string> load_stored_catalogues(const std::string& dir);

// "aci-test.json": the file name a catalogue id is kept under (characters other than letters,
// digits, "-", "_" and "." become "_").
std::string catalogue_file_name(const std::string& id);

}  // namespace cpts::ui
