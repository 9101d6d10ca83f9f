#include "catalogue_store.hpp"

#include <dirent.h>

#include <algorithm>
#include <iterator>

#include "autosave.hpp"

namespace cpts::ui {

std::string catalogue_file_name(const std::string& id) {
  std::string out;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    out += ok ? c : '_';
  }
  if (out.empty() || out[0] == '.') out = "_" + out;  // never a hidden file, nor ".."
  return out + ".json";
}

CatalogueImport import_catalogue(const std::string& dir, const std::string& text) {
  CatalogueImport r;
  auto cat = load_catalogue(text, r.errors);
  if (!cat) return r;
  std::string why;
  const Catalogue* registered = register_catalogue(std::move(*cat), &why);
  if (!registered) {
    r.errors.push_back({"$.id", why});
    return r;
  }
  r.catalogue = registered;
  if (dir.empty()) return r;
  const std::string folder = dir + "/catalogues";
  if (!make_dirs(folder)) {
    r.storage_error = "impossible de créer le dossier « " + folder + " »";
    return r;
  }
  r.storage_error = write_file_atomically(folder + "/" + catalogue_file_name(registered->id), text);
  return r;
}

std::vector<std::string> load_stored_catalogues(const std::string& dir) {
  std::vector<std::string> problems;
  if (dir.empty()) return problems;
  const std::string folder = dir + "/catalogues";
  std::vector<std::string> names;
  if (DIR* d = ::opendir(folder.c_str())) {
    while (dirent* e = ::readdir(d)) {
      std::string n = e->d_name;
      if (n.size() > 5 && n.compare(n.size() - 5, 5, ".json") == 0) names.push_back(n);
    }
    ::closedir(d);
  }
  std::sort(names.begin(), names.end());  // the same order on every start
  for (const std::string& n : names) {
    // autosave.hpp's read_file (C stdio): <fstream> would bring libc++'s locale machinery into the
    // page's start-up module (issue #18 item 4).
    const std::string text = read_file(folder + "/" + n).value_or(std::string());
    std::vector<CatalogueError> errors;
    auto cat = load_catalogue(text, errors);
    std::string why;
    if (!cat) problems.push_back(n + " : " + (errors.empty() ? "illisible" : errors[0].path + " : " + errors[0].message));
    else if (!register_catalogue(std::move(*cat), &why)) problems.push_back(n + " : " + why);
  }
  return problems;
}

}  // namespace cpts::ui
