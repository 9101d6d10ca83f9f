// Vérification: what stands between a draft and a projet de santé the ARS and CPAM will accept.
// Each finding says, in French (and English), what is wrong and what to do, and names the object
// so the UI can jump to it.
#pragma once
#include <string>
#include <vector>

#include "engine/funding.hpp"

namespace cpts {

enum class Severity { Blocking, Warning, Info };
const char* to_string(Severity s);  // "bloquant", "à revoir", "information"

enum class ObjectKind { Project, Contract, Territory, Commune, Mission, Action, Indicator, Professional, Budget, Amount };
const char* to_string(ObjectKind k);

struct ObjectRef {
  ObjectKind kind = ObjectKind::Project;
  std::string id;            // commune INSEE, mission id, action/indicator/professional id, year "3"
};

struct Finding {
  Severity severity = Severity::Warning;
  std::string code;          // stable: "socle_manquante", "debut_tardif", ...
  std::string message_fr, message_en;
  ObjectRef ref;
};

// All findings, blocking first. `funding` must come from simulate(p, Scenario::Realistic) or any
// scenario; budget deficits are judged on the realistic scenario computed here when needed.
// `today` judges a signature date "more than a year ahead"; an invalid Date means the system's date
// (UTC). Tests pass a fixed day.
std::vector<Finding> check_project(const Project& p, const FundingResult& funding, const Date& today = {});
std::vector<Finding> check_project(const Project& p);

int count(const std::vector<Finding>& findings, Severity s);

}  // namespace cpts
