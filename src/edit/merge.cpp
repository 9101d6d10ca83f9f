#include "edit/merge.hpp"

#include <algorithm>
#include <set>

#include "io/project_json.hpp"

namespace cpts {

const char* to_string(ChangeKind k) {
  switch (k) {
    case ChangeKind::Added: return "ajouté";
    case ChangeKind::Changed: return "modifié";
    case ChangeKind::Removed: return "supprimé";
    case ChangeKind::Conflict: return "conflit";
  }
  return "?";
}

namespace {

std::uint64_t fnv1a(const std::string& s) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

struct Key {
  ObjectKind kind;
  std::string id;
};

Key split_key(const std::string& key) {
  auto colon = key.find(':');
  std::string kind = key.substr(0, colon), id = key.substr(colon + 1);
  return {kind == "mission" ? ObjectKind::Mission : kind == "action" ? ObjectKind::Action : ObjectKind::Indicator, id};
}

std::string label_of(const Project& p, const Key& k) {
  if (k.kind == ObjectKind::Mission) {
    const CatalogueMission* m = catalogue_for(p).mission(k.id);
    return m ? m->short_fr : k.id;
  }
  if (k.kind == ObjectKind::Action) {
    const Action* a = p.find_action(k.id);
    return a ? a->title : k.id;
  }
  const Indicator* i = p.find_indicator(k.id);
  return i ? i->label : k.id;
}

}  // namespace

std::map<std::string, std::uint64_t> item_fingerprints(const Project& p) {
  std::map<std::string, std::uint64_t> out;
  OrderedJson j = project_to_json(p);
  for (const auto& m : j["missions"]) out["mission:" + m["mission"].get<std::string>()] = fnv1a(m.dump());
  for (const auto& a : j["actions"]) out["action:" + a["id"].get<std::string>()] = fnv1a(a.dump());
  for (const auto& i : j["indicators"]) out["indicator:" + i["id"].get<std::string>()] = fnv1a(i.dump());
  return out;
}

Project prepare_group_copy(const Project& p, const std::string& group, const Date& today) {
  Project copy = p;
  copy.variants.clear();
  copy.group_copy = GroupCopy{group, today, item_fingerprints(p)};
  return copy;
}

MergePlan plan_merge(const Project& current, const Project& group) {
  MergePlan plan;
  plan.group = group.group_copy.group;
  if (group.group_copy.group.empty() || group.group_copy.base.empty()) {
    plan.problems.push_back("Ce fichier n’est pas une copie de groupe : préparez d’abord une copie (Atelier › Copie pour un groupe), "
                            "pour que la fusion sache ce que le groupe a changé.");
    return plan;
  }
  if (group.contract.catalogue != current.contract.catalogue)
    plan.problems.push_back("La copie du groupe utilise une autre version de l’ACI (« " + group.contract.catalogue + " ») que le projet (« " +
                            current.contract.catalogue + " »).");
  auto cur = item_fingerprints(current), grp = item_fingerprints(group);
  const auto& base = group.group_copy.base;
  std::set<std::string> keys;
  for (const auto& [k, v] : grp) keys.insert(k);
  for (const auto& [k, v] : base) keys.insert(k);
  // Missions first, then actions, then indicators: the order the preview and apply_merge follow.
  std::vector<std::string> ordered(keys.begin(), keys.end());
  auto rank = [](const std::string& k) { return k.rfind("mission:", 0) == 0 ? 0 : k.rfind("action:", 0) == 0 ? 1 : 2; };
  std::stable_sort(ordered.begin(), ordered.end(), [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
  for (const std::string& key : ordered) {
    Key k = split_key(key);
    auto b = base.find(key);
    auto g = grp.find(key);
    auto c = cur.find(key);
    bool in_base = b != base.end(), in_group = g != grp.end(), in_current = c != cur.end();
    MergeItem item;
    item.kind = k.kind;
    item.id = k.id;
    item.label = in_group ? label_of(group, k) : label_of(current, k);
    if (in_base && in_group) {
      if (g->second == b->second) continue;  // the group did not touch it
      if (in_current && c->second == g->second) continue;  // same change on both sides
      if (in_current && c->second == b->second) {
        item.change = ChangeKind::Changed;
        item.take = true;
        item.detail = "modifié par le groupe";
      } else {
        item.change = ChangeKind::Conflict;
        item.detail = in_current ? "modifié par le groupe et dans votre projet" : "modifié par le groupe, supprimé dans votre projet";
      }
    } else if (in_base && !in_group) {
      if (!in_current) continue;  // removed on both sides
      if (c->second == b->second) {
        item.change = ChangeKind::Removed;
        item.take = true;
        item.detail = "supprimé par le groupe";
      } else {
        item.change = ChangeKind::Conflict;
        item.detail = "supprimé par le groupe, modifié dans votre projet";
      }
    } else if (!in_base && in_group) {
      if (in_current && c->second == g->second) continue;  // identical addition
      item.change = ChangeKind::Added;
      item.take = true;
      item.detail = in_current ? "ajouté par le groupe (identifiant déjà pris chez vous : un nouveau sera attribué)" : "ajouté par le groupe";
    } else {
      continue;
    }
    plan.items.push_back(std::move(item));
  }
  return plan;
}

Project apply_merge(const Project& current, const Project& group, const MergePlan& plan, std::vector<std::string>* skipped) {
  Project out = current;
  std::map<std::string, std::string> action_ids;  // group's id -> id in the result
  auto erase_by_id = [](auto& v, const std::string& id) {
    v.erase(std::remove_if(v.begin(), v.end(), [&](const auto& x) { return x.id == id; }), v.end());
  };
  for (const MergeItem& item : plan.items) {
    if (!item.take) continue;
    if (item.kind == ObjectKind::Mission) {
      const ProjectMission* gm = group.find_mission(item.id);
      ProjectMission* om = out.find_mission(item.id);
      if (item.change == ChangeKind::Removed) {
        out.missions.erase(std::remove_if(out.missions.begin(), out.missions.end(), [&](const ProjectMission& m) { return m.mission == item.id; }),
                           out.missions.end());
      } else if (gm) {
        if (om) *om = *gm;
        else out.missions.push_back(*gm);
      }
    } else if (item.kind == ObjectKind::Action) {
      const Action* ga = group.find_action(item.id);
      if (item.change == ChangeKind::Removed) {
        erase_by_id(out.actions, item.id);
        continue;
      }
      if (!ga) continue;
      Action a = *ga;
      if (item.change == ChangeKind::Added) {
        if (out.find_action(a.id)) a.id = fresh_id(out, 'A');
        action_ids[item.id] = a.id;
        out.actions.push_back(a);
      } else {
        auto it = std::find_if(out.actions.begin(), out.actions.end(), [&](const Action& x) { return x.id == a.id; });
        if (it != out.actions.end()) *it = a;
        else out.actions.push_back(a);
      }
    } else {
      const Indicator* gi = group.find_indicator(item.id);
      if (item.change == ChangeKind::Removed) {
        erase_by_id(out.indicators, item.id);
        continue;
      }
      if (!gi) continue;
      Indicator ind = *gi;
      if (auto remap = action_ids.find(ind.action); remap != action_ids.end()) ind.action = remap->second;
      if (item.change == ChangeKind::Added) {
        if (out.find_indicator(ind.id)) ind.id = fresh_id(out, 'I');
        out.indicators.push_back(ind);
      } else {
        auto it = std::find_if(out.indicators.begin(), out.indicators.end(), [&](const Indicator& x) { return x.id == ind.id; });
        if (it != out.indicators.end()) *it = ind;
        else out.indicators.push_back(ind);
      }
    }
  }
  // Referential integrity: an indicator needs its action.
  std::vector<Indicator> kept;
  for (Indicator& ind : out.indicators) {
    if (out.find_action(ind.action)) kept.push_back(std::move(ind));
    else if (skipped) skipped->push_back("Indicateur « " + ind.label + " » laissé de côté : sa fiche-action n’est pas dans le projet.");
  }
  out.indicators = std::move(kept);
  return out;
}

}  // namespace cpts
