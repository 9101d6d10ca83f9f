// libFuzzer target: library (fiches-actions) loading and insertion into a project.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "edit/library.hpp"
#include "io/project_json.hpp"
#include "io/samples.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<cpts::JsonError> errors;
  auto lib = cpts::load_library(std::string_view(reinterpret_cast<const char*>(data), size), errors);
  if (!lib) {
    if (errors.empty()) std::abort();
    return 0;
  }
  static const cpts::Project base = *cpts::load_project(cpts::sample_text("cpts-21-52")).project;
  for (const cpts::LibraryEntry& e : lib->entries) (void)cpts::insert_library_entry(base, e);  // never a crash
  std::string saved = cpts::save_library(*lib);
  errors.clear();
  auto again = cpts::load_library(saved, errors);
  if (!again || cpts::save_library(*again) != saved) std::abort();
  return 0;
}
