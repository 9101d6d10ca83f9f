// Repair of project files refused for a reason older versions of the planner could write
// (issue #13, item 6): a reference to nothing, a mission unknown to the file's catalogue,
// duplicate ids or duplicate entries. Each change is listed with the JSON path of the file as it
// was, in French, so that the user sees what goes before accepting it; the file itself is never
// modified here (the caller writes the repaired text elsewhere).
//
// What is repaired, and how:
//   member payment → unknown professional            the payment is removed
//   indicator → unknown action                        the indicator is removed
//   mission / action / candidate unknown to catalogue removed (an action with its indicators)
//   override naming a mission or a mission component
//     the catalogue lacks                             the override is removed
//   duplicate id (professional, action, indicator,
//     diagnostic, candidate)                          the later one gets a fresh id (fresh_id);
//                                                     references keep pointing at the first
//   duplicate mission, commune (INSEE), override      the later one is removed
//   forced taille without justification               the taille is kept and the justification
//                                                     « à préciser » is written: nothing the user
//                                                     chose is lost, and the text says it is missing
// Anything else (a wrong type, an impossible date, an unknown key…) is not repairable: the user
// must fix it, and `errors` says where. Variants are repaired the same way, inside their copy.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "io/json_reader.hpp"

namespace cpts {

struct RepairChange {
  std::string path;         // JSON path in the original file: "$.finance.member_payments[0]"
  std::string description;  // French: "versement à un professionnel inconnu « P9 » supprimé"
};

struct RepairResult {
  std::string text;                   // canonical current-version text that loads; empty if not repairable
  std::vector<RepairChange> changes;  // empty when the file loaded as it was
  std::vector<JsonError> errors;      // what the repair cannot fix (paths of the original file)
  bool ok() const { return errors.empty() && !text.empty(); }
};

// Never throws; never partially succeeds: either `text` loads with load_project, or `errors` is set.
RepairResult repair_project_text(std::string_view text);

// "$.a[0] : description" for each change, one per line (CLI and UI).
std::string describe_changes(const std::vector<RepairChange>& changes);

}  // namespace cpts
