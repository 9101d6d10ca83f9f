// Repair of files refused for a reason older versions could write (tests/data/repairable/, each
// made from tests/data/v2/complet.json with one kind of damage).
#include "io/repair.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "io/project_json.hpp"

using namespace cpts;

namespace {

const std::string kData = std::string(CPTS_SOURCE_DIR) + "/tests/data";

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

RepairResult repair(const std::string& name) { return repair_project_text(read_file(kData + "/repairable/" + name + ".json")); }

Project loaded(const RepairResult& r) {
  ProjectLoad l = load_project(r.text);
  EXPECT_TRUE(l.project) << (l.errors.empty() ? "" : l.errors[0].path + " " + l.errors[0].message);
  return l.project ? *l.project : Project{};
}

}  // namespace

TEST(Repair, AValidFileNeedsNoChange) {
  std::string text = read_file(kData + "/v2/complet.json");
  RepairResult r = repair_project_text(text);
  EXPECT_TRUE(r.ok());
  EXPECT_TRUE(r.changes.empty());
  EXPECT_EQ(r.text, save_project(*load_project(text).project));
}

// The "done means": a payment to P9 (no such professional) and the mission "telesante",
// which the catalogue aci-2019-avenant2 does not have.
TEST(Repair, UnknownProfessionalAndUnknownMission) {
  std::string text = read_file(kData + "/repairable/payment-and-mission.json");
  ASSERT_FALSE(load_project(text).project);
  RepairResult r = repair_project_text(text);
  ASSERT_TRUE(r.ok()) << r.errors[0].path << " " << r.errors[0].message;
  ASSERT_EQ(r.changes.size(), 2u);
  EXPECT_EQ(r.changes[0].path, "$.missions[3]");
  EXPECT_EQ(r.changes[0].description, "mission « telesante » inconnue du catalogue « aci-2019-avenant2 » supprimée");
  EXPECT_EQ(r.changes[1].path, "$.finance.member_payments[1]");
  EXPECT_EQ(r.changes[1].description, "versement à un professionnel inconnu « P9 » supprimé");
  Project p = loaded(r);
  EXPECT_EQ(p.missions.size(), 3u);
  ASSERT_EQ(p.member_payments.size(), 1u);
  EXPECT_EQ(p.member_payments[0].professional, "P1");
  EXPECT_EQ(p.member_payments[0].cents, 470000);
  EXPECT_EQ(describe_changes(r.changes),
            "$.missions[3] : mission « telesante » inconnue du catalogue « aci-2019-avenant2 » supprimée\n"
            "$.finance.member_payments[1] : versement à un professionnel inconnu « P9 » supprimé\n");
}

// A3 belongs to "sante-mentale" (unknown): removed with its indicator I4; I5 names A9 (no such
// action); an override names "telesante".
TEST(Repair, ActionOfAnUnknownMissionGoesWithItsIndicators) {
  RepairResult r = repair("actions-unknown");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.changes.size(), 4u);
  EXPECT_EQ(r.changes[0].path, "$.actions[2]");
  EXPECT_NE(r.changes[0].description.find("fiche-action « A3 » de la mission « sante-mentale »"), std::string::npos);
  EXPECT_EQ(r.changes[1].path, "$.indicators[3]");
  EXPECT_EQ(r.changes[1].description, "indicateur « I4 » de la fiche-action supprimée « A3 » supprimé");
  EXPECT_EQ(r.changes[2].path, "$.indicators[4]");
  EXPECT_EQ(r.changes[2].description, "indicateur « I5 » d’une fiche-action inconnue « A9 » supprimé");
  EXPECT_EQ(r.changes[3].path, "$.overrides[3]");
  Project p = loaded(r);
  EXPECT_EQ(p.actions.size(), 2u);
  EXPECT_EQ(p.indicators.size(), 3u);
  EXPECT_EQ(p.overrides.size(), 3u);
}

// P1, A1 and I2 twice: the later ones get the smallest free number; references stay on the first.
TEST(Repair, DuplicateIdsGetFreshIds) {
  RepairResult r = repair("duplicate-ids");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.changes.size(), 3u);
  EXPECT_EQ(r.changes[0].path, "$.actions[2].id");
  EXPECT_NE(r.changes[0].description.find("« A1 » en double, remplacé par « A3 »"), std::string::npos);
  EXPECT_EQ(r.changes[1].path, "$.indicators[3].id");
  EXPECT_NE(r.changes[1].description.find("« I2 » en double, remplacé par « I4 »"), std::string::npos);
  EXPECT_EQ(r.changes[2].path, "$.professionals[2].id");
  EXPECT_NE(r.changes[2].description.find("« P1 » en double, remplacé par « P3 »"), std::string::npos);
  Project p = loaded(r);
  EXPECT_EQ(p.actions[2].id, "A3");
  EXPECT_EQ(p.actions[2].title, "Copie");
  EXPECT_EQ(p.indicators[0].action, "A1");  // still the first A1
  EXPECT_EQ(p.professionals[2].name, "Homonyme");
  EXPECT_EQ(p.member_payments[0].professional, "P1");
}

TEST(Repair, DuplicateEntriesAndAnUnjustifiedTaille) {
  RepairResult r = repair("duplicate-entries");
  ASSERT_TRUE(r.ok()) << r.errors[0].path << " " << r.errors[0].message;
  ASSERT_EQ(r.changes.size(), 4u);
  EXPECT_EQ(r.changes[0].path, "$.territory.taille_override.justification");
  EXPECT_EQ(r.changes[1].path, "$.territory.communes[3]");
  EXPECT_EQ(r.changes[1].description, "commune « 71306 » en double supprimée");
  EXPECT_EQ(r.changes[2].path, "$.missions[3]");
  EXPECT_EQ(r.changes[3].path, "$.overrides[3]");
  Project p = loaded(r);
  EXPECT_EQ(p.territory.taille_override.taille, 2);  // kept: the user chose it
  EXPECT_EQ(p.territory.taille_override.justification, "à préciser");
  EXPECT_EQ(p.territory.communes.size(), 3u);
  EXPECT_EQ(p.territory.total_population(), 18000 + 70000 + 1234);
  EXPECT_EQ(p.missions.size(), 3u);
  EXPECT_EQ(p.overrides.size(), 3u);
}

// A negative population is the user's to fix: nothing is written, and the error keeps its path.
TEST(Repair, WhatCannotBeRepairedIsSaid) {
  RepairResult r = repair("not-repairable");
  EXPECT_FALSE(r.ok());
  EXPECT_TRUE(r.text.empty());
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].path, "$.territory.communes[0].population");
  // Syntax errors are not repairable either.
  RepairResult bad = repair_project_text("{\"format\": ");
  EXPECT_FALSE(bad.ok());
  EXPECT_TRUE(bad.changes.empty());
  ASSERT_FALSE(bad.errors.empty());
  EXPECT_EQ(bad.errors[0].path.rfind("ligne ", 0), 0u);
}

// A variant keeps its own copy of the project: repaired inside it, with its path.
TEST(Repair, VariantsAreRepairedInside) {
  Project base = *load_project(read_file(kData + "/v2/complet.json")).project;
  OrderedJson j = project_to_json(base);
  OrderedJson copy = project_to_json(base);
  copy["finance"]["member_payments"].push_back(
      OrderedJson{{"professional", "P7"}, {"calendar_year", 2024}, {"amount_cents", 1000}, {"kind", ""}});
  j["variants"] = OrderedJson::array({OrderedJson{{"name", "B"}, {"note", ""}, {"project", copy}}});
  RepairResult r = repair_project_text(j.dump());
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.changes.size(), 1u);
  EXPECT_EQ(r.changes[0].path, "$.variants[0].project.finance.member_payments[1]");
}
