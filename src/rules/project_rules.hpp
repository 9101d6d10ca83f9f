// The rules of a project that tie one object to another, written once and applied both after
// reading a file (io/project_json.cpp) and to a project in memory (validate_project): unique ids,
// references (indicator → action, member payment → professional), missions and overrides against
// the project's ACI catalogue, the taille override's justification, the total population.
// Field-level rules (types, limits, enum words) come from the description in model/schema.hpp.
#pragma once
#include <string>
#include <vector>

#include "io/json_reader.hpp"
#include "model/project.hpp"

namespace cpts {

// Appends to `errors` (at most 50 in all) with paths under `root` ("$", or
// "$.variants[0].project" for a variant).
void check_project_rules(const Project& p, const std::string& root, std::vector<JsonError>& errors);

}  // namespace cpts
