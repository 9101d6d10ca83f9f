#include "engine/checks.hpp"

#include "io/project_json.hpp"
#include "io/samples.hpp"

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
    a.pilot = "Dr Martin";
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
  // What the projet de santé must describe besides the missions (domain reference §7).
  p.diagnostic.push_back({"D1", "Part des 17 ans et plus sans médecin traitant", 11.2, "%", "Rézone CPTS", 2023, ""});
  p.professionals.push_back({"P1", "Dr Martin", "Médecin généraliste", "MSP de Chenôve", true});
  p.colleges.push_back({"Collège des professionnels de santé libéraux", 6, {"P1"}});
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

// Issue #14 item 5: a draft with nothing but missions is not "0 bloquant" (domain reference §7:
// diagnostic, members and governance, a pilot per fiche-action).
TEST(Checks, EmptyDiagnosticNoProfessionalNoGovernanceNoPilotAreBlocking) {
  Project p = clean_taille2();
  p.diagnostic.clear();
  p.professionals.clear();
  p.colleges.clear();
  for (Action& a : p.actions) a.pilot.clear();
  auto f = check_project(p);
  for (const char* code : {"diagnostic_vide", "professionnels_absents", "gouvernance_absente", "pilotes_absents"}) {
    auto it = std::find_if(f.begin(), f.end(), [&](const Finding& x) { return x.code == code; });
    ASSERT_NE(it, f.end()) << code;
    EXPECT_EQ(it->severity, Severity::Blocking) << code;
    EXPECT_FALSE(it->message_en.empty()) << code;
  }
  EXPECT_EQ(count(f, Severity::Blocking), 4);
  EXPECT_FALSE(has(f, "action_sans_pilote"));  // one finding for "no pilot at all", not one per action
  // One action without a pilot among others: to review, and it names the action.
  p = clean_taille2();
  p.actions[1].pilot.clear();
  f = check_project(p);
  EXPECT_FALSE(has(f, "pilotes_absents"));
  auto it = std::find_if(f.begin(), f.end(), [](const Finding& x) { return x.code == "action_sans_pilote"; });
  ASSERT_NE(it, f.end());
  EXPECT_EQ(it->severity, Severity::Warning);
  EXPECT_EQ(it->ref.id, "A2");
}

namespace {
// Centre Saône-et-Loire's I1 as in its annex: share of ALD patients without a GP, ↓, baseline
// 13 %, tiers ≤ 12,5 % : 3 000 €, ≤ 12 % : 6 000 €, ≤ 11 % : 9 000 €.
Project with_tiered_indicator() {
  Project p = clean_taille2();
  Indicator& i = p.indicators[0];  // A1 (accès); its amount stays the mission's variable part
  i.kind = IndicatorKind::Result;
  i.direction = Direction::Down;
  i.unit = "%";
  i.baseline = 13.0;
  Cents total = i.cents;  // 3 000 + 6 000 + the rest, so that the mission's sum is unchanged
  i.tiers = {{"socle", 12.5, euros(3000)}, {"intermédiaire", 12.0, euros(6000)}, {"objectif", 11.0, total}};
  i.targets = {{1, 12.5}, {2, 12.0}, {3, 11.0}};
  i.cents = 0;
  return p;
}
}  // namespace

TEST(Checks, TargetsBelowTheFirstTierAndTiersOutOfOrder) {
  Project p = with_tiered_indicator();
  auto f = check_project(p);
  EXPECT_FALSE(has(f, "cible_sous_premier_palier"));
  EXPECT_FALSE(has(f, "paliers_desordonnes"));
  EXPECT_FALSE(has(f, "palier_moins_paye"));
  // Year 1 aims at 12,8 % (↓): the first tier is ≤ 12,5 %, so meeting the target earns 0 €.
  // Year 4 at 13 % too.
  p.indicators[0].targets[1] = 12.8;
  p.indicators[0].targets[4] = 13.0;
  f = check_project(p);
  auto it = std::find_if(f.begin(), f.end(), [](const Finding& x) { return x.code == "cible_sous_premier_palier"; });
  ASSERT_NE(it, f.end());
  EXPECT_EQ(it->severity, Severity::Warning);
  EXPECT_EQ(it->ref.kind, ObjectKind::Indicator);
  EXPECT_NE(it->message_fr.find("années 1 et 4"), std::string::npos) << it->message_fr;
  EXPECT_NE(it->message_fr.find("\u2264\u00A012,5\u00A0%"), std::string::npos) << it->message_fr;
  // Tiers listed hardest first: out of order (the annex would print them upside down).
  p = with_tiered_indicator();
  std::reverse(p.indicators[0].tiers.begin(), p.indicators[0].tiers.end());
  f = check_project(p);
  EXPECT_TRUE(has(f, "paliers_desordonnes", p.indicators[0].id));
  EXPECT_FALSE(has(f, "palier_moins_paye"));
  // ≤ 11 % paying 2 000 € while ≤ 12,5 % pays 3 000 €: reaching more earns less.
  p = with_tiered_indicator();
  p.indicators[0].tiers[2].cents = euros(2000);
  f = check_project(p);
  it = std::find_if(f.begin(), f.end(), [](const Finding& x) { return x.code == "palier_moins_paye"; });
  ASSERT_NE(it, f.end());
  EXPECT_EQ(it->severity, Severity::Blocking);
}

TEST(Checks, AYearsTargetThatEarnsNothing) {
  Project p = with_tiered_indicator();
  // The first tier pays 0 €: year 1's target (12,5 %) reaches it and earns nothing.
  p.indicators[0].tiers[0].cents = 0;
  auto f = check_project(p);
  auto it = std::find_if(f.begin(), f.end(), [](const Finding& x) { return x.code == "cible_sans_gain"; });
  ASSERT_NE(it, f.end());
  EXPECT_EQ(it->severity, Severity::Warning);
  EXPECT_NE(it->message_fr.find("l’année 1 "), std::string::npos) << it->message_fr;
  EXPECT_FALSE(has(f, "cible_sous_premier_palier"));
}

// The samples keep what they really have: every one has a diagnostic, professionals, colleges and
// pilots; their year-1 targets that do not reach the first tier are reported (the data is right).
TEST(Checks, SamplesHaveTheProjectContent) {
  for (const char* id : {"cpts-21-52", "cpts-besancon-metropole", "cpts-centre-saone-et-loire"}) {
    SCOPED_TRACE(id);
    ProjectLoad l = load_project(sample_text(id));
    ASSERT_TRUE(l.project);
    auto f = check_project(*l.project);
    for (const char* code : {"diagnostic_vide", "professionnels_absents", "gouvernance_absente", "pilotes_absents", "action_sans_pilote",
                             "palier_moins_paye", "paliers_desordonnes"})
      EXPECT_FALSE(has(f, code)) << code;
  }
  // Centre Saône-et-Loire's I1 (↓): year 1 aims at 12,8 %, its first tier is ≤ 12,5 %.
  ProjectLoad l = load_project(sample_text("cpts-centre-saone-et-loire"));
  EXPECT_TRUE(has(check_project(*l.project), "cible_sous_premier_palier", "I1"));
}
