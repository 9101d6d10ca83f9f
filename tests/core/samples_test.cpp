// The sample projects of shared/samples: they load, they are canonical, and their figures are the
// ones a person can check by hand from the catalogue aci-2019-avenant2.
#include <gtest/gtest.h>

#include <map>

#include "engine/funding.hpp"
#include "io/project_json.hpp"
#include "io/samples.hpp"

using namespace cpts;

namespace {

const char* const kSamples[] = {"cpts-21-52", "cpts-centre-saone-et-loire", "cpts-besancon-metropole"};

Project load_sample(const std::string& id) {
  ProjectLoad l = load_project(sample_text(id));
  EXPECT_TRUE(l.project) << id << ": " << (l.errors.empty() ? "" : l.errors[0].path + " " + l.errors[0].message);
  return l.project ? *l.project : Project{};
}

}  // namespace

TEST(Samples, EverySampleIsListedLoadsAndIsCanonical) {
  std::vector<std::string> ids = sample_ids();
  for (const char* id : kSamples) {
    SCOPED_TRACE(id);
    EXPECT_NE(std::find(ids.begin(), ids.end(), id), ids.end());
    const std::string text = sample_text(id);  // from build/<preset>/data/samples/
    ASSERT_FALSE(text.empty());
    ProjectLoad l = load_project(text);
    ASSERT_TRUE(l.project) << (l.errors.empty() ? "" : l.errors[0].path + " " + l.errors[0].message);
    EXPECT_EQ(l.file_version, kProjectSchemaVersion);
    EXPECT_EQ(save_project(*l.project), text);  // byte-identical: the file is in canonical form
    EXPECT_EQ(sample_name(id), l.project->identity.name);  // the welcome screen's quick read
  }
  EXPECT_EQ(sample_name("cpts-centre-saone-et-loire"), "CPTS Centre Saône-et-Loire");
  EXPECT_EQ(sample_name("inconnu"), "");
}

// CPTS 21/52: 117 communes, 33 702 inhabitants (populations municipales 2023 of the perimeter
// approximated by four intercommunalités; the 2020 communiqué said 127 and 36 907) -> taille 1, signed 10/12/2020. Year 2 (10/12/2021–09/12/2022),
// all of accès, parcours and prévention started in year 1, the crisis mission not yet (it starts
// on 10/12/2022, the first day of year 3), ceiling scenario, taille 1 amounts (estimates):
//   fonctionnement 50 000 + accès (20 000 fixe + 31 500 SNP + 20 000 variable) + parcours
//   (26 000 + 26 000) + prévention (10 000 + 10 000) = 193 500 €.
// Year 3 adds the crisis plan-writing year: 193 500 + 26 000 = 219 500 €.
TEST(Samples, Cpts2152Figures) {
  Project p = load_sample("cpts-21-52");
  FundingResult r = simulate(p, Scenario::Ceiling);
  EXPECT_EQ(r.population, 33702);
  EXPECT_EQ(p.territory.communes.size(), 117u);
  EXPECT_EQ(r.taille, 1);
  EXPECT_EQ(p.contract.signature, (Date{2020, 12, 10}));
  EXPECT_EQ(r.years[1].total(), euros(193500));
  EXPECT_EQ(r.years[2].total(), euros(219500));
  EXPECT_EQ(r.years[0].topup, euros(37500));  // signed before 31/12/2021: avenant 2 complement (87 500 − 50 000)
}

// CPTS Centre Saône-et-Loire: the 34 communes of the CU Le Creusot Montceau-les-Mines, 90 346
// inhabitants (populations municipales 2023; Rézone 2020 said 94 159) -> taille 3, signed 18/10/2022. Year 2
// (18/10/2023–17/10/2024), the 4 socle missions started in year 1 (crisis: update year):
//   75 000 + 125 000 + 90 000 + 35 000 + 22 500 = 347 500 € in a full year,
// of which variable 35 000 + 45 000 + 17 500 = 97 500 €.
TEST(Samples, CentreSaoneEtLoireFigures) {
  Project p = load_sample("cpts-centre-saone-et-loire");
  FundingResult r = simulate(p, Scenario::Ceiling);
  EXPECT_EQ(r.population, 90346);
  EXPECT_EQ(p.territory.communes.size(), 34u);
  EXPECT_EQ(r.taille, 3);
  EXPECT_EQ(p.contract.signature, (Date{2022, 10, 18}));
  EXPECT_EQ(r.years[1].total(), euros(347500));
  EXPECT_EQ(r.years[1].variable_max_total(), euros(97500));
  // Diagnostic of the communiqué: 13 % of 17+ and 7,8 % of 70+ without a médecin traitant.
  ASSERT_GE(p.diagnostic.size(), 2u);
  EXPECT_EQ(p.diagnostic[0].value, 13.0);
  EXPECT_EQ(p.diagnostic[1].value, 7.8);
  EXPECT_EQ(p.diagnostic[0].source, "Rézone CPTS (Cnam) 2020");
  ASSERT_EQ(p.identity.contacts.size(), 2u);
  EXPECT_EQ(p.identity.contacts[0].name, "Dr Charles-Henri Morin de Finfe");
  EXPECT_EQ(p.identity.contacts[1].name, "Elisabeth Noseda");
}

// CaPaciTéS Besançon & Métropole: the 67 communes of Grand Besançon Métropole, 197 061 inhabitants
// (populations municipales 2023; the communiqué said about 200 000) -> taille 4, signed 09/03/2023. Year 2
// (09/03/2024–08/03/2025), 4 socle missions + accompagnement all started in year 1 (crisis: update
// year), taille 4 amounts (estimates):
//   90 000 + accès (42 500 + 67 000 + 42 500) + parcours (55 000 + 55 000) + prévention
//   (21 500 + 21 500) + crise 27 500 + accompagnement (12 000 + 12 000) = 446 500 €.
TEST(Samples, BesanconMetropoleFigures) {
  Project p = load_sample("cpts-besancon-metropole");
  FundingResult r = simulate(p, Scenario::Ceiling);
  EXPECT_EQ(r.population, 197061);
  EXPECT_EQ(p.territory.communes.size(), 67u);
  EXPECT_EQ(r.taille, 4);
  EXPECT_EQ(p.contract.signature, (Date{2023, 3, 9}));
  EXPECT_EQ(r.years[1].total(), euros(446500));
}

// Domain §3.2: the indicator amounts of a mission sum to its variable maximum for the taille.
TEST(Samples, IndicatorAmountsSumToEachMissionsVariableMaximum) {
  for (const char* id : kSamples) {
    SCOPED_TRACE(id);
    Project p = load_sample(id);
    const Catalogue& cat = catalogue_for(p);
    int taille = effective_taille(p, cat);
    std::map<std::string, Cents> sums;
    for (const Indicator& ind : p.indicators) sums[p.find_action(ind.action)->mission] += ind.max_cents();
    for (const ProjectMission& m : p.missions) {
      if (!m.chosen) continue;
      const Amount* variable = cat.amount(Component::Variable, m.mission, taille);
      EXPECT_EQ(sums[m.mission], variable ? variable->cents : 0) << m.mission;
    }
  }
}

TEST(Samples, SocleMissionsChosenOnTimeWithActionsAndIllustrationsMarked) {
  for (const char* id : kSamples) {
    SCOPED_TRACE(id);
    Project p = load_sample(id);
    const Catalogue& cat = catalogue_for(p);
    for (const MissionDeadline& d : mission_deadlines(p, cat)) {
      const CatalogueMission* cm = cat.mission(d.mission);
      if (!cm->socle) continue;
      EXPECT_TRUE(p.find_mission(d.mission)->chosen) << d.mission;
      EXPECT_FALSE(d.start_late) << d.mission;
      EXPECT_FALSE(d.deploy_late) << d.mission;
      int actions = 0;
      for (const Action& a : p.actions) actions += a.mission == d.mission;
      EXPECT_GE(actions, 2) << d.mission;
      EXPECT_LE(actions, 3) << d.mission;
    }
    for (const Action& a : p.actions) EXPECT_TRUE(a.example) << a.id;
    for (const Indicator& i : p.indicators) EXPECT_TRUE(i.example) << i.id;
    EXPECT_NE(p.notes.find("ILLUSTRATIF"), std::string::npos);
    EXPECT_FALSE(p.professionals.empty());
    EXPECT_FALSE(p.member_payments.empty());
    EXPECT_FALSE(p.colleges.empty());
    EXPECT_FALSE(p.expenses.empty());
    EXPECT_FALSE(p.other_income.empty());
  }
}
