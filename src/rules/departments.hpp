// The 101 French departments (codes and names), so that a department typed as its name
// ("Saône-et-Loire", "saone et loire", "Corse-du-Sud") is understood as its code ("71", "2A").
// Source: INSEE, Code officiel géographique (COG), liste des départements.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cpts {

struct Department {
  const char* code;  // "01".."95", "2A", "2B", "971".."976"
  const char* name;  // "Saône-et-Loire"
};
const std::vector<Department>& departments();

// The code of the department `text` names: a code ("71", "2a" → "2A") or a name, case, accents,
// hyphens, apostrophes and a leading article ignored ("saone et loire", "la reunion"). nullopt
// when `text` is neither, so the caller keeps it (and the loader's rule explains what is expected).
std::optional<std::string> department_code(std::string_view text);

}  // namespace cpts
