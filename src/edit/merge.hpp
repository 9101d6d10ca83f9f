// Merging the work of groups without a server. The coordinator hands each group a copy that
// remembers the fingerprint of every mission, action and indicator (prepare_group_copy). When the
// group's file comes back, plan_merge compares the three versions of each item — as copied, as
// the group left it, as the coordinator has it now — and lists what the group added, changed or
// removed, and where both sides changed the same item (a conflict, left as the coordinator's
// version until someone chooses). Nothing is taken without being listed.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "engine/checks.hpp"

namespace cpts {

// Fingerprints (FNV-1a of the canonical JSON) of each mission, action and indicator, keyed
// "mission:acces", "action:A3", "indicator:I7".
std::map<std::string, std::uint64_t> item_fingerprints(const Project& p);

Project prepare_group_copy(const Project& p, const std::string& group, const Date& today);

enum class ChangeKind { Added, Changed, Removed, Conflict };
const char* to_string(ChangeKind k);  // "ajouté", "modifié", "supprimé", "conflit"

struct MergeItem {
  ObjectKind kind = ObjectKind::Action;  // Mission, Action or Indicator
  std::string id;                        // id in the group's file (mission id for missions)
  std::string label;                     // title / label, for the preview
  ChangeKind change = ChangeKind::Added;
  bool take = false;                     // take the group's version (default: true except conflicts)
  std::string detail;                    // French: what differs, or why it is a conflict
};

struct MergePlan {
  std::string group;
  std::vector<MergeItem> items;
  std::vector<std::string> problems;     // French: why the file cannot be merged (empty = it can)
};

MergePlan plan_merge(const Project& current, const Project& group_file);

// Applies the items marked `take`. Indicators whose action is not in the result are left out and
// reported in `skipped` (French). Added items whose id is taken get a fresh one.
Project apply_merge(const Project& current, const Project& group_file, const MergePlan& plan, std::vector<std::string>* skipped = nullptr);

}  // namespace cpts
