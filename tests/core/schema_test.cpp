// The one description of the project format (model/schema.hpp) drives the writer, the reader and
// the in-memory validator: these tests hold them to each other.
#include "model/schema.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <sstream>

#include "io/embedded_data.hpp"
#include "io/json_reader.hpp"
#include "io/project_json.hpp"
#include "io/stress.hpp"

using namespace cpts;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string describe(const std::vector<JsonError>& errors) {
  std::string s;
  for (const JsonError& e : errors) s += e.path + " : " + e.message + "\n";
  return s.empty() ? "(aucune erreur)" : s;
}

Project sample() {
  const std::string root = std::string(CPTS_SOURCE_DIR) + "/tests/data/v2/complet.json";
  return *load_project(read_file(root)).project;
}

}  // namespace

// The canonical files of the repository (written by the hand-kept writer this description
// replaced) come out byte for byte as they were.
TEST(Schema, CanonicalFilesAreWrittenBackByteIdentical) {
  int files = 0;
  for (const char* dir : {"/shared/samples", "/tests/data/v2"}) {
    for (const auto& entry : std::filesystem::directory_iterator(std::string(CPTS_SOURCE_DIR) + dir)) {
      if (entry.path().extension() != ".json") continue;
      SCOPED_TRACE(entry.path().string());
      std::string text = read_file(entry.path());
      ProjectLoad l = load_project(text);
      ASSERT_TRUE(l.project) << describe(l.errors);
      EXPECT_EQ(save_project(*l.project), text);
      ++files;
    }
  }
  EXPECT_GE(files, 4);
}

// validate_project works in memory; it must say exactly what a save + load would say.
TEST(Schema, InMemoryValidatorGivesTheReadersPathsAndMessages) {
  const std::vector<std::pair<const char*, std::function<void(Project&)>>> cases = {
      {"population négative", [](Project& p) { p.territory.communes[0].population = -5; }},
      {"code INSEE", [](Project& p) { p.territory.communes[0].insee = "7130"; }},
      {"département", [](Project& p) { p.territory.communes[1].department = "7"; }},
      {"commune en double", [](Project& p) { p.territory.communes[1].insee = p.territory.communes[0].insee; }},
      {"population totale", [](Project& p) { for (Commune& c : p.territory.communes) c.population = kMaxPopulation; }},
      {"taille sans justification", [](Project& p) { p.territory.taille_override = {3, ""}; }},
      {"taille 7", [](Project& p) { p.territory.taille_override.taille = 7; }},
      {"date impossible", [](Project& p) { p.contract.signature = {2023, 2, 29}; }},
      // A catalogue the contract does not name, embedded (an unknown catalogue is no error since issue #17).
      {"catalogue intégré d’un autre", [](Project& p) {
         Json c = Json::parse(embedded_file("aci-2019.json"));
         c["id"] = "aci-2019-copie";
         p.embedded_catalogue = c.dump();
       }},
      {"identifiant vide", [](Project& p) { p.actions[0].id = ""; }},
      {"identifiant de contrôle", [](Project& p) { p.professionals[0].id = "P\n1"; }},
      {"actions en double", [](Project& p) { p.actions[1].id = p.actions[0].id; }},
      {"indicateur sans action", [](Project& p) { p.indicators[0].action = "A999"; }},
      {"mission inconnue", [](Project& p) { p.actions[0].mission = "cuisine"; }},
      {"mission en double", [](Project& p) { p.missions[1].mission = p.missions[0].mission; }},
      {"probabilité", [](Project& p) { p.indicators[0].assumptions.realistic = 1.5; }},
      {"valeur trop grande", [](Project& p) { p.diagnostic[0].value = 2e15; }},
      {"cible année 6", [](Project& p) { p.indicators[0].targets[6] = 1; }},
      {"centimes trop grands", [](Project& p) { p.expenses[0].cents = kMaxProjectCents + 1; }},
      {"palier négatif", [](Project& p) { p.indicators[0].tiers[0].cents = -1; }},
      {"année de contrat 6", [](Project& p) { p.actions[0].budget[0].year = 6; }},
      {"année civile 1800", [](Project& p) { p.member_payments[0].calendar_year = 1800; }},
      {"professionnel inconnu", [](Project& p) { p.member_payments[0].professional = "P404"; }},
      {"surcharge en double", [](Project& p) { p.overrides.push_back(p.overrides[0]); }},
      {"surcharge sans mission", [](Project& p) { p.overrides[1].mission = "acces"; }},
      {"sièges négatifs", [](Project& p) { p.colleges[0].seats = -1; }},
      {"trop de paliers", [](Project& p) { p.indicators[0].tiers.resize(21); }},
      {"note 6", [](Project& p) { p.candidates.push_back({"C1", "acces", "T", "", {{"Élus", 6, 0, 0}}, false, ""}); }},
      {"deux erreurs", [](Project& p) {
         p.decisions[0].date = {2024, 13, 1};
         p.crises[0].year = 0;
       }},
  };
  for (const auto& [name, change] : cases) {
    SCOPED_TRACE(name);
    Project p = sample();
    change(p);
    std::vector<JsonError> in_memory = validate_project(p);
    std::vector<JsonError> through_file = load_project(save_project(p)).errors;
    ASSERT_FALSE(through_file.empty());
    EXPECT_EQ(describe(in_memory), describe(through_file));
  }
  EXPECT_TRUE(validate_project(sample()).empty());
}

// JSON has no infinity: the writer would write null, which the reader takes for a missing value.
// The validator names the value itself.
TEST(Schema, NonFiniteNumbersAreRefusedInMemory) {
  Project p = sample();
  p.indicators[0].targets[2] = std::numeric_limits<double>::infinity();
  std::vector<JsonError> errors = validate_project(p);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "$.indicators[0].targets.2");
  EXPECT_EQ(errors[0].message, "nombre entre -1\u202F000\u202F000\u202F000\u202F000\u202F000 et "
                               "1\u202F000\u202F000\u202F000\u202F000\u202F000 attendu, trouvé « null »");
  EXPECT_EQ(load_project(save_project(p)).errors.at(0).path, "$.indicators[0].targets.2");
}

// A variant is checked as a whole project under its own path.
TEST(Schema, VariantErrorsAreUnderTheVariantsPath) {
  Project p = sample();
  Project v = sample();
  v.actions[1].id = v.actions[0].id;
  p.variants.push_back({"Variante", "", std::make_shared<const Project>(v)});
  std::vector<JsonError> errors = validate_project(p);
  ASSERT_EQ(errors.size(), 2u) << describe(errors);  // A2 is gone: its indicator refers to nothing
  EXPECT_EQ(errors[0].path, "$.variants[0].project.actions[1].id");
  EXPECT_EQ(errors[1].path, "$.variants[0].project.indicators[2].action");
  // The reader loads a variant as a file of its own: its "déjà utilisé en" names the variant's "$".
  std::vector<JsonError> read = load_project(save_project(p)).errors;
  ASSERT_EQ(read.size(), 2u);
  EXPECT_EQ(read[0].path, errors[0].path);
  EXPECT_EQ(read[1].path, errors[1].path);
  EXPECT_EQ(read[1].message, errors[1].message);
}

TEST(Schema, StressProjectValidatesInMemory) {
  Project p = make_stress_project();
  EXPECT_TRUE(validate_project(p).empty());
  p.indicators[4321].action = "nulle-part";
  std::vector<JsonError> errors = validate_project(p);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].path, "$.indicators[4321].action");
}

// A field added in two places (project.hpp, schema.hpp): written only when set, so older files stay
// byte-identical; read back; refused with the reader's message when it is not text.
TEST(Schema, ActionLinkToTheContratLocalDeSanteRoundTrips) {
  Project p = sample();
  std::string before = save_project(p);
  EXPECT_EQ(before.find("\"cls\""), std::string::npos);
  p.actions[0].cls_link = "CLS du Grand Chalon 2023-2027, axe 2 « prévention »";
  std::string text = save_project(p);
  // After "example": the last key of the action.
  EXPECT_NE(text.find("      \"example\": true,\n      \"cls\": \"CLS du Grand Chalon 2023-2027, axe 2 « prévention »\"\n    },"),
            std::string::npos);
  ProjectLoad l = load_project(text);
  ASSERT_TRUE(l.project) << describe(l.errors);
  EXPECT_EQ(l.project->actions[0].cls_link, "CLS du Grand Chalon 2023-2027, axe 2 « prévention »");
  EXPECT_EQ(l.project->actions[1].cls_link, "");
  EXPECT_EQ(save_project(*l.project), text);
  std::string bad = text;
  bad.replace(bad.find("\"cls\": \"CLS"), 12, "\"cls\": 42, \"x\": \"");
  ProjectLoad refused = load_project(bad);
  ASSERT_FALSE(refused.errors.empty());
  EXPECT_EQ(refused.errors[0].path, "$.actions[0].cls");
  EXPECT_EQ(refused.errors[0].message, "texte attendu, trouvé « 42 »");
}
