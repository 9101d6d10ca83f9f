// libFuzzer target: project import. Any input must give a Project or located French errors —
// never a crash, a hang or a partial project; a loaded project must pass validate_project and save
// and reload identically.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/checks.hpp"
#include "io/project_json.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  cpts::ProjectLoad l = cpts::load_project(text);
  if (!l.project) {
    if (l.errors.empty()) std::abort();  // a refusal always says why
    return 0;
  }
  if (!cpts::validate_project(*l.project).empty()) std::abort();  // what loads also validates in memory
  std::string saved = cpts::save_project(*l.project);
  cpts::ProjectLoad again = cpts::load_project(saved);
  if (!again.project || cpts::save_project(*again.project) != saved) std::abort();
  (void)cpts::check_project(*l.project);  // the engine copes with whatever validated
  return 0;
}
