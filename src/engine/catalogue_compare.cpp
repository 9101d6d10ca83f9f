#include "engine/catalogue_compare.hpp"

#include <algorithm>

namespace cpts {

Cents ComparisonLine::total_a() const {
  Cents t = 0;
  for (Cents c : a) t += c;
  return t;
}
Cents ComparisonLine::total_b() const {
  Cents t = 0;
  for (Cents c : b) t += c;
  return t;
}

namespace {

ComparisonLine& line_for(std::vector<ComparisonLine>& lines, const std::string& key, const std::string& label, const std::string& label_en) {
  for (ComparisonLine& l : lines)
    if (l.key == key) return l;
  lines.push_back({key, label, label_en.empty() ? label : label_en, {}, {}});
  return lines.back();
}

// Adds one simulation's figures to side `a` or `b` of the lines.
void add_side(std::vector<ComparisonLine>& lines, const FundingResult& r, bool side_a) {
  const Catalogue& cat = *r.catalogue;
  auto put = [&](ComparisonLine& l, int k, Cents c) { (side_a ? l.a : l.b)[k] += c; };
  for (int k = 0; k < kContractYears; ++k) {
    const YearFunding& y = r.years[k];
    put(line_for(lines, "fonctionnement", component_label_fr(Component::Fonctionnement), component_label_en(Component::Fonctionnement)), k,
        y.fonctionnement);
    put(line_for(lines, "topup", component_label_fr(Component::Avenant2Topup), component_label_en(Component::Avenant2Topup)), k, y.topup);
  }
  for (const ExtraComponent& e : cat.extras) {
    if (!e.mission.empty()) continue;
    ComparisonLine& l = line_for(lines, "extra:" + e.id, e.label_fr, e.label_en);
    for (int k = 0; k < kContractYears; ++k)
      for (const auto& [id, cents] : r.years[k].extras)
        if (id == e.id) put(l, k, cents);
  }
  for (std::size_t m = 0; m < cat.missions.size(); ++m) {
    ComparisonLine& l = line_for(lines, "mission:" + cat.missions[m].id, cat.missions[m].short_fr, cat.missions[m].short_en);
    for (int k = 0; k < kContractYears; ++k) put(l, k, r.years[k].missions[m].total());
  }
}

}  // namespace

CatalogueComparison compare_catalogues(const Project& p, const Catalogue& a, const Catalogue& b, Scenario scenario) {
  CatalogueComparison c;
  c.a = &a;
  c.b = &b;
  c.scenario = scenario;
  FundingResult ra = simulate(p, a, scenario), rb = simulate(p, b, scenario);
  c.taille_a = ra.taille;
  c.taille_b = rb.taille;
  c.pre_contract_a = ra.pre_contract;
  c.pre_contract_b = rb.pre_contract;
  add_side(c.lines, ra, true);
  add_side(c.lines, rb, false);
  // Lines with nothing on either side (the avenant 2 top-up of a contract signed later…) say nothing.
  std::erase_if(c.lines, [](const ComparisonLine& l) {
    return std::all_of(l.a.begin(), l.a.end(), [](Cents x) { return x == 0; }) &&
           std::all_of(l.b.begin(), l.b.end(), [](Cents x) { return x == 0; });
  });
  c.total = {"total", "Total", "Total", {}, {}};
  for (int k = 0; k < kContractYears; ++k) {
    c.total.a[k] = ra.years[k].total();
    c.total.b[k] = rb.years[k].total();
  }
  for (const ProjectMission& pm : p.missions)
    if (pm.chosen && a.mission(pm.mission) && !b.mission(pm.mission)) {
      c.notes_fr.push_back("mission « " + a.mission(pm.mission)->short_fr + " » choisie par le projet, absente du catalogue « " +
                           b.id + " » : rien n’y est versé");
      c.notes_en.push_back("mission “" + a.mission(pm.mission)->short_en + "” chosen by the project, absent from the catalogue “" +
                           b.id + "”: nothing is paid for it");
    }
  for (const CatalogueMission& m : b.missions)
    if (!a.mission(m.id)) {
      const bool chosen = p.find_mission(m.id) && p.find_mission(m.id)->chosen;
      c.notes_fr.push_back("mission « " + m.short_fr + " » nouvelle dans « " + b.id + " » : " +
                           (chosen ? "choisie par le projet" : "non choisie par le projet, rien n’y est versé"));
      c.notes_en.push_back("mission “" + m.short_en + "” new in “" + b.id + "”: " +
                           (chosen ? "chosen by the project" : "not chosen by the project, nothing is paid for it"));
    }
  for (const SharedCeiling& sc : b.shared_ceilings) {
    std::string names, names_en;
    for (const std::string& id : sc.missions) {
      const CatalogueMission* m = b.mission(id);
      names += (names.empty() ? "" : ", ") + (m ? m->short_fr : id);
      names_en += (names_en.empty() ? "" : ", ") + (m ? m->short_en : id);
    }
    c.notes_fr.push_back("« " + b.id + " » : plafond commun « " + sc.label_fr + " » sur " + names);
    c.notes_en.push_back("“" + b.id + "”: shared ceiling “" + (sc.label_en.empty() ? sc.label_fr : sc.label_en) + "” over " + names_en);
  }
  return c;
}

}  // namespace cpts
