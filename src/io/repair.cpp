#include "io/repair.hpp"

#include <algorithm>
#include <set>
#include <tuple>

#include "io/project_json.hpp"
#include "model/project.hpp"

namespace cpts {

namespace {

const std::string* text_of(const Json& o, const char* key) {
  if (!o.is_object()) return nullptr;
  auto it = o.find(key);
  return it != o.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
}

Json* list_of(Json& o, const char* key) {
  if (!o.is_object()) return nullptr;
  auto it = o.find(key);
  return it != o.end() && it->is_array() ? &*it : nullptr;
}

std::string guillemets(const std::string& s) { return "« " + s + " »"; }

// Repairs one project object (the file, or a variant's copy inside it). `prefix` is its JSON path.
class LevelRepair {
 public:
  LevelRepair(Json& j, std::string prefix, std::vector<RepairChange>& changes)
      : j_(j), prefix_(std::move(prefix)), changes_(changes) {}

  void run() {
    if (!j_.is_object()) return;
    if (const std::string* c = j_.contains("contract") ? text_of(j_["contract"], "catalogue") : nullptr)
      cat_ = find_catalogue(*c);
    collect_ids();
    repair_taille();
    repair_communes();
    repair_missions();
    repair_actions();
    repair_indicators();
    repair_candidates();
    repair_ids("professionals", 'P', "professionnel");
    repair_ids("diagnostic", 'D', "indicateur de diagnostic");
    repair_member_payments();
    repair_overrides();
    repair_variants();
  }

 private:
  Json& j_;
  std::string prefix_;
  std::vector<RepairChange>& changes_;
  const Catalogue* cat_ = nullptr;
  Project ids_;  // only the ids, so that fresh_id picks numbers no list of the file uses

  std::string at(const std::string& rel) const { return prefix_ + rel; }
  void change(const std::string& rel, std::string description) { changes_.push_back({at(rel), std::move(description)}); }

  static void erase_indices(Json& list, std::vector<std::size_t>& drop) {
    std::sort(drop.rbegin(), drop.rend());
    for (std::size_t i : drop) list.erase(i);
  }

  void collect_ids() {
    auto each = [&](const char* key, auto add) {
      if (Json* l = list_of(j_, key))
        for (const Json& o : *l)
          if (const std::string* id = text_of(o, "id")) add(*id);
    };
    each("actions", [&](const std::string& id) { ids_.actions.push_back(Action{}); ids_.actions.back().id = id; });
    each("indicators", [&](const std::string& id) { ids_.indicators.push_back(Indicator{}); ids_.indicators.back().id = id; });
    each("professionals", [&](const std::string& id) { ids_.professionals.push_back(Professional{}); ids_.professionals.back().id = id; });
    each("diagnostic", [&](const std::string& id) { ids_.diagnostic.push_back(DiagnosticIndicator{}); ids_.diagnostic.back().id = id; });
  }

  // A fresh id of that prefix, remembered so that the next one differs.
  std::string fresh(char prefix) {
    std::string id = fresh_id(ids_, prefix);
    ids_.actions.push_back(Action{});
    ids_.actions.back().id = id;
    return id;
  }

  // Gives the later duplicates of `list[i].id` a fresh id; returns nothing, references stay on the first.
  void dedupe_ids(Json& list, const std::string& rel, char prefix, const char* what) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list.size(); ++i) {
      const std::string* id = text_of(list[i], "id");
      if (!id || id->empty()) continue;
      if (seen.insert(*id).second) continue;
      std::string old = *id, now = fresh(prefix);
      list[i]["id"] = now;
      change(rel + "[" + std::to_string(i) + "].id", std::string(what) + " : identifiant " + guillemets(old) +
                                                       " en double, remplacé par " + guillemets(now) +
                                                       " (les références restent sur le premier)");
    }
  }

  void repair_taille() {
    if (!j_.contains("territory") || !j_["territory"].is_object()) return;
    Json& t = j_["territory"];
    auto it = t.find("taille_override");
    if (it == t.end() || !it->is_object()) return;
    auto taille = it->find("taille");
    if (taille == it->end() || !taille->is_number_integer() || taille->get<long long>() == 0) return;
    const std::string* just = text_of(*it, "justification");
    if (just && !just->empty()) return;
    if (it->contains("justification") && !(*it)["justification"].is_string() && !(*it)["justification"].is_null()) return;
    (*it)["justification"] = "à préciser";
    change(".territory.taille_override.justification",
           "taille forcée sans justification : taille conservée, justification « à préciser » ajoutée");
  }

  void repair_communes() {
    if (!j_.contains("territory")) return;
    Json* l = list_of(j_["territory"], "communes");
    if (!l) return;
    std::set<std::string> seen;
    std::vector<std::size_t> drop;
    for (std::size_t i = 0; i < l->size(); ++i) {
      const std::string* insee = text_of((*l)[i], "insee");
      if (!insee || insee->empty() || seen.insert(*insee).second) continue;
      drop.push_back(i);
      change(".territory.communes[" + std::to_string(i) + "]", "commune " + guillemets(*insee) + " en double supprimée");
    }
    erase_indices(*l, drop);
  }

  bool known_mission(const std::string& m) const { return !cat_ || cat_->mission(m); }

  void repair_missions() {
    Json* l = list_of(j_, "missions");
    if (!l) return;
    std::set<std::string> seen;
    std::vector<std::size_t> drop;
    for (std::size_t i = 0; i < l->size(); ++i) {
      const std::string* m = text_of((*l)[i], "mission");
      if (!m) continue;
      std::string p = ".missions[" + std::to_string(i) + "]";
      if (!known_mission(*m)) {
        drop.push_back(i);
        change(p, "mission " + guillemets(*m) + " inconnue du catalogue " + guillemets(cat_->id) + " supprimée");
      } else if (!seen.insert(*m).second) {
        drop.push_back(i);
        change(p, "mission " + guillemets(*m) + " en double supprimée");
      }
    }
    erase_indices(*l, drop);
  }

  std::set<std::string> removed_actions_;  // ids of actions removed, that no kept action carries
  std::set<std::string> kept_actions_;

  void repair_actions() {
    Json* l = list_of(j_, "actions");
    if (!l) return;
    std::vector<std::size_t> drop;
    for (std::size_t i = 0; i < l->size(); ++i) {
      const std::string* m = text_of((*l)[i], "mission");
      const std::string* id = text_of((*l)[i], "id");
      if (m && !known_mission(*m)) {
        drop.push_back(i);
        if (id) removed_actions_.insert(*id);
        change(".actions[" + std::to_string(i) + "]", "fiche-action " + guillemets(id ? *id : "?") + " de la mission " +
                                                          guillemets(*m) + " inconnue du catalogue " + guillemets(cat_->id) +
                                                          " supprimée, avec ses indicateurs");
      } else if (id) {
        kept_actions_.insert(*id);
      }
    }
    for (const std::string& id : kept_actions_) removed_actions_.erase(id);
    // Paths name the file as it was: the kept actions' original positions.
    std::vector<std::size_t> original;
    for (std::size_t i = 0; i < l->size(); ++i)
      if (std::find(drop.begin(), drop.end(), i) == drop.end()) original.push_back(i);
    erase_indices(*l, drop);
    std::set<std::string> seen;
    for (std::size_t k = 0; k < l->size(); ++k) {
      const std::string* id = text_of((*l)[k], "id");
      if (!id || id->empty() || seen.insert(*id).second) continue;
      std::string old = *id, now = fresh('A');
      (*l)[k]["id"] = now;
      change(".actions[" + std::to_string(original[k]) + "].id",
             "fiche-action : identifiant " + guillemets(old) + " en double, remplacé par " + guillemets(now) +
                 " (les indicateurs qui le citent restent sur la première)");
    }
  }

  void repair_indicators() {
    Json* l = list_of(j_, "indicators");
    if (!l) return;
    std::vector<std::size_t> drop;
    for (std::size_t i = 0; i < l->size(); ++i) {
      const std::string* a = text_of((*l)[i], "action");
      if (!a || kept_actions_.count(*a)) continue;
      const std::string* id = text_of((*l)[i], "id");
      drop.push_back(i);
      std::string p = ".indicators[" + std::to_string(i) + "]";
      if (removed_actions_.count(*a))
        change(p, "indicateur " + guillemets(id ? *id : "?") + " de la fiche-action supprimée " + guillemets(*a) + " supprimé");
      else
        change(p, "indicateur " + guillemets(id ? *id : "?") + " d’une fiche-action inconnue " + guillemets(*a) + " supprimé");
    }
    std::vector<std::size_t> kept_positions;
    for (std::size_t i = 0; i < l->size(); ++i)
      if (std::find(drop.begin(), drop.end(), i) == drop.end()) kept_positions.push_back(i);
    erase_indices(*l, drop);
    std::set<std::string> seen;
    for (std::size_t k = 0; k < l->size(); ++k) {
      const std::string* id = text_of((*l)[k], "id");
      if (!id || id->empty() || seen.insert(*id).second) continue;
      std::string old = *id, now = fresh('I');
      (*l)[k]["id"] = now;
      change(".indicators[" + std::to_string(kept_positions[k]) + "].id",
             "indicateur : identifiant " + guillemets(old) + " en double, remplacé par " + guillemets(now));
    }
  }

  void repair_candidates() {
    Json* l = list_of(j_, "candidates");
    if (!l) return;
    std::vector<std::size_t> drop;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < l->size(); ++i) {
      const std::string* m = text_of((*l)[i], "mission");
      if (m && !known_mission(*m)) {
        drop.push_back(i);
        change(".candidates[" + std::to_string(i) + "]",
               "action candidate de la mission " + guillemets(*m) + " inconnue du catalogue " + guillemets(cat_->id) + " supprimée");
        continue;
      }
      if (const std::string* id = text_of((*l)[i], "id")) seen.insert(*id);
    }
    // Candidates are numbered "C1", "C2"… by the Atelier: the smallest free number.
    std::set<std::string> first;
    for (std::size_t i = 0; i < l->size(); ++i) {
      if (std::find(drop.begin(), drop.end(), i) != drop.end()) continue;
      const std::string* id = text_of((*l)[i], "id");
      if (!id || id->empty() || first.insert(*id).second) continue;
      std::string old = *id, now;
      for (int n = 1; now.empty() || seen.count(now); ++n) now = "C" + std::to_string(n);
      seen.insert(now);
      (*l)[i]["id"] = now;
      change(".candidates[" + std::to_string(i) + "].id",
             "action candidate : identifiant " + guillemets(old) + " en double, remplacé par " + guillemets(now));
    }
    erase_indices(*l, drop);
  }

  void repair_ids(const char* key, char prefix, const char* what) {
    if (Json* l = list_of(j_, key)) dedupe_ids(*l, std::string(".") + key, prefix, what);
  }

  void repair_member_payments() {
    if (!j_.contains("finance")) return;
    Json* l = list_of(j_["finance"], "member_payments");
    if (!l) return;
    std::set<std::string> pros;
    if (Json* pl = list_of(j_, "professionals"))
      for (const Json& o : *pl)
        if (const std::string* id = text_of(o, "id")) pros.insert(*id);
    std::vector<std::size_t> drop;
    for (std::size_t i = 0; i < l->size(); ++i) {
      const std::string* who = text_of((*l)[i], "professional");
      if (!who || pros.count(*who)) continue;
      drop.push_back(i);
      change(".finance.member_payments[" + std::to_string(i) + "]",
             "versement à un professionnel inconnu " + guillemets(*who) + " supprimé");
    }
    erase_indices(*l, drop);
  }

  void repair_overrides() {
    Json* l = list_of(j_, "overrides");
    if (!l) return;
    std::set<std::tuple<std::string, std::string, long long>> seen;
    std::vector<std::size_t> drop;
    for (std::size_t i = 0; i < l->size(); ++i) {
      const Json& o = (*l)[i];
      const std::string* comp = text_of(o, "component");
      if (!comp) continue;
      auto c = component_from(*comp);
      if (!c) continue;  // an unknown component word is a typo to fix, not a repair
      std::string mission = text_of(o, "mission") ? *text_of(o, "mission") : "";
      long long year = o.contains("year") && o["year"].is_number_integer() ? o["year"].get<long long>() : 0;
      std::string p = ".overrides[" + std::to_string(i) + "]";
      if (is_mission_component(*c) && cat_) {
        bool in_catalogue = false;
        for (int t = 1; t <= 4; ++t) in_catalogue = in_catalogue || cat_->amount(*c, mission, t);
        if (!cat_->mission(mission)) {
          drop.push_back(i);
          change(p, "montant propre au contrat pour la mission " + guillemets(mission) + " inconnue du catalogue " +
                        guillemets(cat_->id) + " supprimé");
          continue;
        }
        if (!in_catalogue) {
          drop.push_back(i);
          change(p, "montant propre au contrat pour la composante " + guillemets(*comp) + " de la mission " + guillemets(mission) +
                        ", que le catalogue " + guillemets(cat_->id) + " ne prévoit pas, supprimé");
          continue;
        }
      }
      if (!seen.insert({*comp, mission, year}).second) {
        drop.push_back(i);
        change(p, "montant propre au contrat en double (composante " + guillemets(*comp) +
                      (mission.empty() ? "" : ", mission " + guillemets(mission)) + ") supprimé ; le premier est conservé");
      }
    }
    erase_indices(*l, drop);
  }

  void repair_variants() {
    Json* l = list_of(j_, "variants");
    if (!l) return;
    for (std::size_t i = 0; i < l->size(); ++i) {
      if (!(*l)[i].is_object() || !(*l)[i].contains("project")) continue;
      LevelRepair inner((*l)[i]["project"], at(".variants[" + std::to_string(i) + "].project"), changes_);
      inner.run();
    }
  }
};

// The error at `error_path` is one of those the change at `change_path` removes.
bool covers(const std::string& change_path, const std::string& error_path) {
  if (error_path.rfind(change_path, 0) != 0) return false;
  if (error_path.size() == change_path.size()) return true;
  char next = error_path[change_path.size()];
  return next == '.' || next == '[';
}

}  // namespace

RepairResult repair_project_text(std::string_view text) {
  RepairResult out;
  ProjectLoad first = load_project(text);
  if (first.project) {
    out.text = save_project(*first.project);
    return out;
  }
  JsonError perr;
  std::optional<Json> doc = parse_json_limited(text, perr);
  if (!doc || !doc->is_object()) {
    out.errors = first.errors;
    return out;
  }
  LevelRepair(*doc, "$", out.changes).run();
  if (out.changes.empty()) {
    out.errors = first.errors;
    return out;
  }
  ProjectLoad repaired = load_project(doc->dump());
  if (repaired.project) {
    out.text = save_project(*repaired.project);
    return out;
  }
  // What the changes did not cover, with the paths of the file the user has.
  for (const JsonError& e : first.errors) {
    bool covered = false;
    for (const RepairChange& c : out.changes) covered = covered || covers(c.path, e.path);
    if (!covered) out.errors.push_back(e);
  }
  if (out.errors.empty()) out.errors = repaired.errors;  // past the first 50 errors, or a change's side effect
  return out;
}

std::string describe_changes(const std::vector<RepairChange>& changes) {
  std::string s;
  for (const RepairChange& c : changes) s += c.path + " : " + c.description + "\n";
  return s;
}

}  // namespace cpts
