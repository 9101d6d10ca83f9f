// Project files (.json): canonical writing, strict exception-free reading, migrations.
//
// [SECTION] Format
//   Described once, field by field, in model/schema.hpp. The reference document is generated
//   from that description: docs/format-projet.md (`cpts-cli schema projet --markdown`), and the
//   JSON Schema (draft 2020-12) by `cpts-cli schema projet`. Regenerate with scripts/gen_docs.sh.
//
// [SECTION] Validation (load_project, validate_project)
//   Field rules (unknown keys, types, ranges, non-finite numbers, impossible dates, list limits)
//   come from the description; rules across objects (duplicate ids, references indicator → action
//   and member payment → professional, missions and overrides against the project's catalogue)
//   from rules/project_rules.hpp, checked once every field reads. Each error names its JSON path
//   and says in French what was expected. Loading never partially applies: either a whole
//   Project, or errors and no project.
//
// [SECTION] Versions
//   1: money in euros as JSON numbers under keys without "_cents" ("amount": 9000.5), dates
//      "JJ/MM/AAAA", no "crises" and no "decisions". Loaded and converted (migrated = true).
//   2: current. A newer version is refused with a message asking to update the planner.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/json_reader.hpp"
#include "model/project.hpp"
#include "model/schema.hpp"

namespace cpts {

// Format name, version and limits: model/schema.hpp.

struct ProjectLoad {
  std::optional<Project> project;   // set only when `errors` is empty
  std::vector<JsonError> errors;
  int file_version = 0;             // schema_version read from the file (0 if unreadable)
  bool migrated = false;            // the file was in an older version and has been converted
  std::string unknown_catalogue;    // the contract's catalogue is neither shipped, embedded nor imported: offer the import
};

// Parses and validates a project file (any supported version). Never throws.
ProjectLoad load_project(std::string_view text);

// The canonical current-version text of `p` (2-space indent, final newline).
std::string save_project(const Project& p);
OrderedJson project_to_json(const Project& p);

// Reads a file of any supported version and returns its canonical current-version text; empty
// (and `errors` filled) when the file does not load.
std::string migrate_project_text(std::string_view text, std::vector<JsonError>& errors);

// What load_project would say about the saved form of `p` (empty = `p` saves to a loadable
// file), checked in memory with the same messages and paths (io/project_validate.cpp): lets the
// UI or the checks tell the user before a save produces an unreadable file.
std::vector<JsonError> validate_project(const Project& p);

// Enum words (model/schema.hpp).
const char* to_word(Prorata v);
const char* to_word(ActionStatus v);
const char* to_word(IndicatorKind v);
const char* to_word(Direction v);
const char* to_word(Partial v);

}  // namespace cpts
