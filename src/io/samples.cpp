#include "io/samples.hpp"

#include <nlohmann/json.hpp>

#include "io/embedded_data.hpp"

namespace cpts {

namespace {
bool is_sample(std::string_view name) {
  return name.size() > 5 && name.substr(name.size() - 5) == ".json" && name.substr(0, 4) != "aci-" &&
         name.substr(0, 8) != "library-";
}
}  // namespace

std::vector<std::string> sample_ids() {
  std::vector<std::string> out;
  for (const EmbeddedFile& f : embedded_files())
    if (is_sample(f.name)) out.emplace_back(f.name.substr(0, f.name.size() - 5));
  return out;
}

std::string_view sample_text(std::string_view id) {
  for (const EmbeddedFile& f : embedded_files())
    if (is_sample(f.name) && f.name.size() == id.size() + 5 && f.name.substr(0, id.size()) == id) return f.content;
  return {};
}

std::string sample_name(std::string_view id) {
  // Our own embedded file: a plain parse (no limits, no locations) is enough here; loading the
  // sample still goes through load_project and its validation.
  const nlohmann::json j = nlohmann::json::parse(sample_text(id), nullptr, false);
  if (!j.is_object()) return {};
  const auto identity = j.find("identity");
  if (identity == j.end() || !identity->is_object()) return {};
  const auto name = identity->find("name");
  return name != identity->end() && name->is_string() ? name->get<std::string>() : std::string();
}

}  // namespace cpts
