#include "engine/checks.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace cpts;

namespace {

// A taille 2 project signed 2024-01-10 with the four socle missions on time, one action and one
// indicator per mission whose amount equals the mission's variable part.
Project clean_taille2() {
  const Catalogue& cat = *find_catalogue("aci-2019-avenant2");
  Project p = new_project("CPTS du Val", {2024, 1, 10}, cat);
  p.territory.communes = {{"21231", "Dijon-Est", "21", 30000}, {"21166", "Chenôve", "21", 25000}};
  int n = 0;
  for (const CatalogueMission& m : cat.missions) {
    if (!m.socle) continue;
    ++n;
    Action a;
    a.id = "A" + std::to_string(n);
    a.mission = m.id;
    a.title = "Action " + m.short_fr;
    p.actions.push_back(a);
    const Amount* v = cat.amount(Component::Variable, m.id, 2);
    if (!v) continue;  // crisis mission: no variable part
    Indicator i;
    i.id = "I" + std::to_string(n);
    i.action = a.id;
    i.label = "Livrable " + m.short_fr;
    i.kind = IndicatorKind::Deliverable;
    i.cents = v->cents;
    p.indicators.push_back(i);
  }
  // The crisis action gets a deliverable without amount so that every action has an indicator.
  p.indicators.push_back({"I9", "A4", "Plan de crise rédigé", IndicatorKind::Deliverable});
  // Overrides from "the contract" replace every estimated taille 2 amount.
  FundingResult r = simulate(p);
  for (const EstimateUse& e : r.estimates) p.overrides.push_back({e.component, e.mission, 0, e.cents, "Annexe du contrat"});
  return p;
}

bool has(const std::vector<Finding>& f, const std::string& code, const std::string& id = {}) {
  return std::any_of(f.begin(), f.end(), [&](const Finding& x) { return x.code == code && (id.empty() || x.ref.id == id); });
}

}  // namespace

TEST(Checks, CleanProjectHasNoBlockingOrWarningFinding) {
  auto f = check_project(clean_taille2());
  for (const Finding& x : f) EXPECT_EQ(x.severity, Severity::Info) << x.code << " " << x.message_fr;
}

TEST(Checks, SocleMissionMissingIsBlocking) {
  Project p = clean_taille2();
  p.find_mission("prevention")->chosen = false;
  auto f = check_project(p);
  ASSERT_TRUE(has(f, "socle_manquante", "prevention"));
  EXPECT_EQ(f.front().severity, Severity::Blocking);
  EXPECT_NE(f.front().message_fr.find("Prévention"), std::string::npos);
}

TEST(Checks, LateStartAndDeployment) {
  Project p = clean_taille2();
  p.find_mission("acces")->start = {2024, 7, 11};     // deadline 10/07/2024 (6 months)
  p.find_mission("acces")->deployed = {2025, 7, 11};  // deadline 10/07/2025 (18 months)
  auto f = check_project(p);
  EXPECT_TRUE(has(f, "debut_tardif", "acces"));
  EXPECT_TRUE(has(f, "deploiement_tardif", "acces"));
  p.find_mission("acces")->start = {2024, 7, 10};     // on the deadline: fine
  EXPECT_FALSE(has(check_project(p), "debut_tardif"));
}

TEST(Checks, MissionWithoutActionAndActionWithoutIndicator) {
  Project p = clean_taille2();
  p.indicators.erase(p.indicators.begin());  // A1 loses its indicator
  auto f = check_project(p);
  EXPECT_TRUE(has(f, "action_sans_indicateur", "A1"));
  EXPECT_TRUE(has(f, "montants_indicateurs", "acces"));
  p.actions.erase(p.actions.begin());
  EXPECT_TRUE(has(check_project(p), "mission_sans_action", "acces"));
}

TEST(Checks, IndicatorWithoutBaselineOrTarget) {
  Project p = clean_taille2();
  p.indicators.push_back({"I20", "A2", "Patients inclus", IndicatorKind::Result});
  auto f = check_project(p);
  EXPECT_TRUE(has(f, "indicateur_sans_reference", "I20"));
  EXPECT_TRUE(has(f, "indicateur_sans_cible", "I20"));
}

TEST(Checks, TailleOverrideAndDuplicateCommunes) {
  Project p = clean_taille2();
  p.territory.taille_override = {3, ""};
  auto f = check_project(p);
  EXPECT_TRUE(has(f, "taille_sans_justification"));
  EXPECT_TRUE(has(f, "taille_incoherente"));
  p.territory.communes.push_back(p.territory.communes[0]);
  EXPECT_TRUE(has(check_project(p), "commune_en_double", "21231"));
}

TEST(Checks, MemberPaidOverThePassCap) {
  Project p = clean_taille2();
  p.professionals.push_back({"P1", "Dr Martin", "Médecin généraliste"});
  p.member_payments.push_back({"P1", 2024, euros(30000), "indemnité"});
  p.member_payments.push_back({"P1", 2024, euros(16368), "rémunération"});
  EXPECT_FALSE(has(check_project(p), "plafond_pass"));  // 46 368 € = PASS 2024 exactly
  p.member_payments.push_back({"P1", 2024, 1, "rémunération"});
  EXPECT_TRUE(has(check_project(p), "plafond_pass", "P1"));
  p.member_payments = {{"P1", 2021, euros(60000), "indemnité"}};  // before décret 2022-375
  EXPECT_FALSE(has(check_project(p), "plafond_pass"));
}

TEST(Checks, DeficitAndEstimates) {
  Project p = clean_taille2();
  p.expenses.push_back({"Salaires", 2, euros(900000)});
  EXPECT_TRUE(has(check_project(p), "deficit", "2"));
  p.overrides.clear();
  EXPECT_TRUE(has(check_project(p), "montant_estime", "fixe:acces"));
}

// Signature dates against the ACI's own dates (domain reference, chronology), judged on a fixed
// "today": 29/11/2026.
TEST(Checks, SignatureDatesAndTheCatalogueOfTheirTime) {
  const Date today{2026, 11, 29};
  Project p = clean_taille2();
  auto run = [&] { return check_project(p, simulate(p, Scenario::Realistic), today); };
  EXPECT_FALSE(has(run(), "signature_avant_aci"));
  p.contract.signature = {2018, 12, 31};  // the ACI was signed on 20/06/2019
  EXPECT_TRUE(has(run(), "signature_avant_aci"));
  p.contract.signature = {2019, 1, 1};
  EXPECT_FALSE(has(run(), "signature_avant_aci"));
  p.contract.signature = {2027, 11, 29};  // 365 days after 29/11/2026: still within a year
  EXPECT_FALSE(has(run(), "signature_lointaine"));
  p.contract.signature = {2027, 11, 30};  // 366 days
  auto f = run();
  ASSERT_TRUE(has(f, "signature_lointaine"));
  auto it = std::find_if(f.begin(), f.end(), [](const Finding& x) { return x.code == "signature_lointaine"; });
  EXPECT_EQ(it->message_fr, "Contrat signé le 30/11/2027, plus d’un an après aujourd’hui (29/11/2026) : vérifiez l’année de la date de signature.");
  // The 2019 catalogue on a contract signed once avenant 2 applies (JO of 31/03/2022).
  p = clean_taille2();
  p.missions.erase(std::remove_if(p.missions.begin(), p.missions.end(), [](const ProjectMission& m) { return m.mission == "crise"; }),
                   p.missions.end());
  p.contract.catalogue = "aci-2019";
  p.contract.signature = {2022, 3, 30};
  EXPECT_FALSE(has(run(), "catalogue_avant_avenant2"));
  p.contract.signature = {2022, 3, 31};
  EXPECT_TRUE(has(run(), "catalogue_avant_avenant2"));
  p.contract.catalogue = "aci-2019-avenant2";
  EXPECT_FALSE(has(run(), "catalogue_avant_avenant2"));
}

// Every reference that points nowhere, including those a project in memory can hold although the
// loader refuses them in a file.
TEST(Checks, ReferencesThatPointNowhere) {
  Project p = clean_taille2();
  p.professionals.push_back({"P1", "Dr Martin", "Médecin généraliste"});
  p.colleges.push_back({"Collège libéral", 3, {"P1", "P7", "Mme Durand"}});
  Candidate c;
  c.id = "C1";
  c.mission = "acces";
  c.title = "Télé-expertise";
  c.action = "A42";
  p.candidates.push_back(c);
  p.indicators.push_back({"I20", "A99", "Orphelin"});
  p.member_payments.push_back({"P9", 2024, euros(1200), "indemnité"});
  auto f = check_project(p);
  EXPECT_TRUE(has(f, "membre_inconnu", "P7"));
  EXPECT_FALSE(has(f, "membre_inconnu", "P1"));
  EXPECT_FALSE(has(f, "membre_inconnu", "Mme Durand"));  // a name, not an id
  EXPECT_TRUE(has(f, "candidate_action_inconnue", "A42"));
  EXPECT_TRUE(has(f, "indicateur_sans_action", "I20"));
  EXPECT_TRUE(has(f, "versement_sans_professionnel", "P9"));
  // The crisis mission and its action once the catalogue is switched to 2019 (which lacks it).
  p.contract.catalogue = "aci-2019";
  f = check_project(p);
  EXPECT_TRUE(has(f, "mission_hors_catalogue", "crise"));
  EXPECT_TRUE(has(f, "action_hors_catalogue", "A4"));
}
