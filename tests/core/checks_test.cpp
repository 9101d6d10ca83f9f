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
