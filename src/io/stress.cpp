#include "io/stress.hpp"

#include <cstdio>
#include <string>

namespace cpts {

Project make_stress_project(int communes, int actions, int indicators) {
  const Catalogue& cat = *find_catalogue(kDefaultCatalogue);
  Project p = new_project("CPTS de test de charge", {2023, 1, 15}, cat);
  p.identity.association = "Association de démonstration (projet généré)";
  p.notes = "Projet généré automatiquement pour mesurer les performances : aucune donnée réelle.";
  for (int i = 0; i < communes; ++i) {
    char insee[8];
    std::snprintf(insee, sizeof insee, "%02d%03d", 1 + i / 900, 1 + i % 900);
    p.territory.communes.push_back({insee, "Commune " + std::to_string(i + 1), insee[0] == '0' ? std::string(insee, 2) : "10", 300 + (i * 37) % 900});
  }
  for (auto& m : p.missions) {
    m.chosen = true;
    if (!m.start.valid()) m.start = {2024, 1, 15};
    if (!m.deployed.valid()) m.deployed = {2025, 1, 15};
  }
  for (int a = 0; a < actions; ++a) {
    Action act;
    act.id = "A" + std::to_string(a + 1);
    act.mission = cat.missions[static_cast<std::size_t>(a) % cat.missions.size()].id;
    act.title = "Action n° " + std::to_string(a + 1) + " — coordination des soins é è à ç œ";
    act.objective = "Objectif de l’action " + std::to_string(a + 1);
    act.pilot = "Pilote " + std::to_string(a % 40 + 1);
    act.partners = {"CPAM", "ARS", "Centre hospitalier"};
    act.start = {2023, 3, 1};
    act.end = {2027, 12, 31};
    act.budget.push_back({"Temps de coordination", 1 + a % 5, 10000 + (a * 131) % 90000});
    p.actions.push_back(std::move(act));
  }
  for (int i = 0; i < indicators; ++i) {
    Indicator ind;
    ind.id = "I" + std::to_string(i + 1);
    ind.action = "A" + std::to_string(i % actions + 1);
    ind.label = "Indicateur n° " + std::to_string(i + 1);
    ind.unit = i % 2 ? "%" : "patients";
    ind.baseline = 40.0 + i % 30;
    for (int y = 1; y <= kContractYears; ++y) ind.targets[y] = *ind.baseline + 2.0 * y;
    if (i % 3 == 0) {
      ind.kind = IndicatorKind::Deliverable;
      ind.cents = 50000;
    } else {
      ind.tiers = {{"socle", *ind.baseline + 1, 20000}, {"objectif", *ind.baseline + 5, 60000}};
    }
    if (i % 4 == 0) ind.actuals[1] = *ind.baseline + 3;
    p.indicators.push_back(std::move(ind));
  }
  for (int y = 1; y <= kContractYears; ++y) {
    p.expenses.push_back({"Coordination", y, euros(120000)});
    p.other_income.push_back({"FIR", y, euros(20000)});
  }
  return p;
}

}  // namespace cpts
