#include "edit/territory_edits.hpp"

#include <algorithm>
#include <memory>
#include <set>

#include "rules/catalogue.hpp"

namespace cpts {

namespace {

int taille_of(const Project& p, long long population) {
  const Catalogue* cat = find_catalogue(p.contract.catalogue);
  if (!cat) cat = find_catalogue(kDefaultCatalogue);
  return cat ? taille_for_population(*cat, population, p.contract.boundary_80000_taille3) : 0;
}

TerritoryEffect effect_of(const Project& p, long long new_total) {
  TerritoryEffect e;
  e.old_total = p.territory.total_population();
  e.new_total = new_total;
  e.old_taille = taille_of(p, e.old_total);
  e.new_taille = taille_of(p, e.new_total);
  e.taille_overridden = p.territory.taille_override.taille != 0;
  return e;
}

// A row from the official list carries the list's provenance (issue #15: shown wherever a
// population appears, and in the documents).
Commune to_commune(const RefCommune& r, const std::string& provenance) {
  return {r.code, r.name, r.department, r.population, provenance};
}

std::string named(const std::string& name, const std::string& code) { return name + " (" + code + ")"; }

// Adds `r` to `plan` unless the project (or the plan so far) already holds it, or holds the
// commune it is an arrondissement of, or one of its arrondissements: counting both would count
// the same inhabitants twice.
void consider(TerritoryAddPlan& plan, const CommuneIndex& idx, std::set<std::string>& present, const RefCommune& r) {
  if (present.count(r.code)) {
    plan.refused.push_back({r.code, named(r.name, r.code) + " est déjà dans le territoire.",
                            named(r.name, r.code) + " is already in the territory."});
    return;
  }
  if (!r.parent.empty() && present.count(r.parent)) {
    const RefCommune* parent = idx.find(r.parent);
    const std::string whole = named(parent ? parent->name : r.parent, r.parent);
    plan.refused.push_back({r.code, named(r.name, r.code) + " fait partie de " + whole + ", déjà dans le territoire.",
                            named(r.name, r.code) + " is part of " + whole + ", already in the territory."});
    return;
  }
  for (const std::string& code : present) {
    const RefCommune* other = idx.find(code);
    if (other && other->parent == r.code) {
      const std::string part = named(other->name, other->code);
      plan.refused.push_back({r.code,
                              named(r.name, r.code) + " contient " + part + ", déjà dans le territoire : retirez d’abord l’arrondissement.",
                              named(r.name, r.code) + " contains " + part + ", already in the territory: remove the arrondissement first."});
      return;
    }
  }
  present.insert(r.code);
  plan.added.push_back(to_commune(r, idx.provenance()));
}

std::set<std::string> codes_of(const Project& p) {
  std::set<std::string> s;
  for (const Commune& c : p.territory.communes)
    if (!c.insee.empty()) s.insert(c.insee);
  return s;
}

void finish(TerritoryAddPlan& plan, const Project& p, const CommuneIndex& idx) {
  long long added = 0;
  for (const Commune& c : plan.added) added += c.population;
  plan.effect = effect_of(p, p.territory.total_population() + added);
  plan.provenance = idx.provenance();
}

}  // namespace

TerritoryAddPlan plan_add_communes(const Project& p, const CommuneIndex& idx, const std::vector<std::string>& codes) {
  TerritoryAddPlan plan;
  std::set<std::string> present = codes_of(p);
  for (const std::string& code : codes) {
    const RefCommune* r = idx.find(code);
    if (!r) {
      plan.refused.push_back({code,
                              "Le code INSEE « " + code + " » n’est pas dans la liste officielle des communes (" + idx.provenance() + ").",
                              "The INSEE code “" + code + "” is not in the official list of communes (" + idx.provenance() + ")."});
      continue;
    }
    consider(plan, idx, present, *r);
  }
  plan.label = plan.added.size() == 1 ? "Ajouter " + plan.added[0].name
                                      : "Ajouter " + std::to_string(plan.added.size()) + " communes";
  finish(plan, p, idx);
  return plan;
}

TerritoryAddPlan plan_add_epci(const Project& p, const CommuneIndex& idx, const std::string& siren) {
  TerritoryAddPlan plan;
  const RefEpci* e = idx.find_epci(siren);
  if (!e) {
    plan.refused.push_back({siren,
                            "Le SIREN « " + siren + " » n’est pas celui d’une intercommunalité de la liste (" + idx.provenance() + ").",
                            "The SIREN “" + siren + "” is not that of an intercommunalité of the list (" + idx.provenance() + ")."});
    finish(plan, p, idx);
    return plan;
  }
  std::set<std::string> present = codes_of(p);
  for (const RefCommune* r : idx.members(siren)) consider(plan, idx, present, *r);
  plan.label = "Ajouter " + e->name;
  finish(plan, p, idx);
  return plan;
}

std::optional<Command> add_communes_command(const TerritoryAddPlan& plan, std::string label) {
  if (plan.added.empty()) return std::nullopt;
  struct State {
    std::vector<std::string> appended;  // codes actually appended (a code added meanwhile is skipped)
    std::optional<std::string> old_source;
  };
  auto st = std::make_shared<State>();
  std::vector<Commune> items = plan.added;
  std::string provenance = plan.provenance;
  return Command{label.empty() ? plan.label : std::move(label),
                 [st, items, provenance](Project& p) {
                   st->appended.clear();
                   st->old_source.reset();
                   std::set<std::string> present = codes_of(p);
                   for (const Commune& c : items) {
                     if (present.count(c.insee)) continue;
                     p.territory.communes.push_back(c);
                     present.insert(c.insee);
                     st->appended.push_back(c.insee);
                   }
                   if (st->appended.empty()) return false;
                   if (p.territory.population_source.empty() && !provenance.empty()) {
                     st->old_source = p.territory.population_source;
                     p.territory.population_source = provenance;
                   }
                   return true;
                 },
                 [st](Project& p) {
                   auto& cs = p.territory.communes;
                   for (auto it = st->appended.rbegin(); it != st->appended.rend(); ++it) {
                     auto found = std::find_if(cs.rbegin(), cs.rend(), [&](const Commune& c) { return c.insee == *it; });
                     if (found != cs.rend()) cs.erase(std::next(found).base());
                   }
                   if (st->old_source) p.territory.population_source = *st->old_source;
                 }};
}

PopulationUpdatePlan plan_update_populations(const Project& p, const CommuneIndex& idx) {
  PopulationUpdatePlan plan;
  long long total = 0;
  const auto& cs = p.territory.communes;
  for (std::size_t i = 0; i < cs.size(); ++i) {
    const RefCommune* r = cs[i].insee.empty() ? nullptr : idx.find(cs[i].insee);
    if (!r) {
      plan.not_in_list.push_back(cs[i].insee.empty() ? cs[i].name : named(cs[i].name, cs[i].insee));
      total += cs[i].population;
      continue;
    }
    total += r->population;
    if (cs[i].source != idx.provenance()) plan.row_sources.push_back({i, r->code, cs[i].source});
    if (r->population == cs[i].population) ++plan.unchanged;
    else plan.changes.push_back({i, r->code, cs[i].name, cs[i].population, r->population});
  }
  plan.effect = effect_of(p, total);
  // The list's year becomes the source; rows typed by hand keep theirs, said after it.
  plan.old_source = p.territory.population_source;
  plan.new_source = idx.provenance();
  plan.provenance = idx.provenance();
  if (!plan.not_in_list.empty() && !plan.old_source.empty() && plan.old_source != plan.new_source &&
      plan.old_source.rfind(plan.new_source, 0) != 0)
    plan.new_source += " ; autres lignes : " + plan.old_source;
  return plan;
}

std::optional<Command> update_populations_command(const PopulationUpdatePlan& plan, std::string label) {
  if (plan.changes.empty() && plan.row_sources.empty() && plan.new_source == plan.old_source) return std::nullopt;
  auto old_source = std::make_shared<std::string>();
  return Command{std::move(label),
                 [plan, old_source](Project& p) {
                   auto& cs = p.territory.communes;
                   for (const PopulationChange& c : plan.changes)
                     if (c.index >= cs.size() || cs[c.index].insee != c.code) return false;  // rows moved since the preview
                   for (const RowSourceChange& c : plan.row_sources)
                     if (c.index >= cs.size() || cs[c.index].insee != c.code) return false;
                   for (const PopulationChange& c : plan.changes) cs[c.index].population = c.new_population;
                   // The list's figures, hence the list's provenance on each of its rows.
                   for (const RowSourceChange& c : plan.row_sources) cs[c.index].source = plan.provenance;
                   *old_source = p.territory.population_source;
                   p.territory.population_source = plan.new_source;
                   return true;
                 },
                 [plan, old_source](Project& p) {
                   auto& cs = p.territory.communes;
                   for (const PopulationChange& c : plan.changes)
                     if (c.index < cs.size() && cs[c.index].insee == c.code) cs[c.index].population = c.old_population;
                   for (const RowSourceChange& c : plan.row_sources)
                     if (c.index < cs.size() && cs[c.index].insee == c.code) cs[c.index].source = c.old_source;
                   p.territory.population_source = *old_source;
                 }};
}

}  // namespace cpts
