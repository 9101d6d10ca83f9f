// Catalogues loaded at run time in the app (issue #17): Fichier → Catalogues → Importer…, kept on
// the device, embedded in the project that uses it; a project naming an unknown catalogue opens
// with the offer to import it; Financement → Comparer avec un autre catalogue. Headless UI with
// the fake platform, as a user would click.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "catalogue_store.hpp"
#include "fake_platform.hpp"
#include "i18n.hpp"
#include "io/json_reader.hpp"
#include "io/project_json.hpp"
#include "ui_driver.hpp"

namespace fs = std::filesystem;
using namespace cpts;
using namespace cpts::ui;
using cpts::ui::testing::UiDriver;
namespace fake = cpts::ui::platform::fake;

namespace {

const std::string kCatalogues = std::string(CPTS_SOURCE_DIR) + "/tests/data/catalogues";
constexpr const char* kTestId = "aci-test-avenant-france-sante";

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class CatalogueUiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fake::reset();
    set_language(Lang::Fr);
    char t[] = "/tmp/cpts-ui-cat-XXXXXX";
    dir = mkdtemp(t);
    fake::set_storage_dir(dir);
  }
  void TearDown() override {
    fake::reset();
    fs::remove_all(dir);
  }
  std::string dir;
};

}  // namespace

// The project names a catalogue this device has never seen: it opens, editable, with a message
// whose button imports the catalogue; once imported, the project uses and embeds it, and its
// figures are the test catalogue's (tests/core/catalogue_kinds_test.cpp: 230 000 € a year,
// 1 150 000 € over 5 years).
TEST_F(CatalogueUiTest, UnknownCatalogueOpensAndItsImportGivesTheHandComputedFigures) {
  UiDriver ui({.panel = "financement"});
  fake::hand_over({"projet-avenant-france-sante.json", slurp(kCatalogues + "/projet-avenant-france-sante.json"), ""});
  ui.frames(3);
  ASSERT_TRUE(ui.state().doc.open);
  EXPECT_EQ(ui.project().contract.catalogue, kTestId);
  EXPECT_NE(ui.state().message.find(kTestId), std::string::npos) << ui.state().message;
  ASSERT_TRUE(ui.visible("modal.message.import_catalogue"));
  ASSERT_TRUE(ui.click("modal.message.import_catalogue"));
  ui.frames(2);
  EXPECT_EQ(fake::picks(), 1);
  EXPECT_TRUE(ui.state().message.empty());
  fake::hand_over({"aci-test-avenant-france-sante.json", slurp(kCatalogues + "/aci-test-avenant-france-sante.json"), ""});
  ui.frames(3);
  EXPECT_NE(ui.state().status.find("utilisé par le projet"), std::string::npos) << ui.state().status;
  EXPECT_FALSE(ui.project().embedded_catalogue.empty());
  EXPECT_TRUE(ui.state().missing_catalogue.empty());
  EXPECT_EQ(ui.state().doc.derived.ceiling.total(), 115000000);  // 1 150 000,00 €
  // Kept on the device, under the catalogue's id.
  EXPECT_TRUE(fs::exists(dir + "/catalogues/" + catalogue_file_name(kTestId)));
  // The saved project carries it: it opens where the catalogue was never imported.
  ui.key(ImGuiKey_S, true);
  ASSERT_FALSE(fake::downloads().empty());
  EXPECT_NE(fake::downloads().back().bytes.find("\"embedded_catalogue\""), std::string::npos);
  ProjectLoad again = load_project(fake::downloads().back().bytes);
  ASSERT_TRUE(again.project);
  EXPECT_EQ(again.unknown_catalogue, "");
  // Undo takes the import back to the project as it was opened.
  EXPECT_TRUE(ui.state().doc.history.can_undo());
}

// Fichier → Catalogues → Importer…: a bad file is refused with the JSON path of the fault and
// nothing is kept; the good one is kept on the device and offered in Financement → Comparer.
TEST_F(CatalogueUiTest, MenuImportRefusesABadFileThenComparesWithTheGoodOne) {
  UiDriver ui({.sample = "cpts-centre-saone-et-loire", .panel = "financement"});
  ASSERT_TRUE(ui.click("menu.file"));
  ASSERT_TRUE(ui.click("menu.file.catalogues"));
  ASSERT_TRUE(ui.click("menu.file.catalogues.import"));
  EXPECT_EQ(fake::picks(), 1);
  const std::string before = save_project(ui.project());
  Json bad = Json::parse(slurp(kCatalogues + "/aci-test-avenant-france-sante.json"));
  bad["shared_ceilings"][0]["missions"][1] = "teleconsultation";
  fake::hand_over({"brouillon.json", bad.dump(2), ""});
  ui.frames(3);
  EXPECT_NE(ui.state().message.find("brouillon.json"), std::string::npos) << ui.state().message;
  EXPECT_NE(ui.state().message.find("$.shared_ceilings[0].missions[1]"), std::string::npos) << ui.state().message;
  EXPECT_EQ(save_project(ui.project()), before);
  EXPECT_FALSE(fs::exists(dir + "/catalogues/" + catalogue_file_name(kTestId)));
  ASSERT_TRUE(ui.click("modal.message.ok"));

  fake::hand_over({"avenant.json", slurp(kCatalogues + "/aci-test-avenant-france-sante.json"), ""});
  ui.frames(3);
  EXPECT_NE(ui.state().status.find("Catalogue importé"), std::string::npos) << ui.state().status;
  EXPECT_TRUE(fs::exists(dir + "/catalogues/" + catalogue_file_name(kTestId)));
  EXPECT_EQ(save_project(ui.project()), before);  // the open project names avenant 2: unchanged

  ASSERT_TRUE(ui.click("fin.tab_compare"));
  ui.frames(2);
  EXPECT_TRUE(ui.visible("fin.compare.catalogue"));
  EXPECT_TRUE(ui.visible("fin.compare.table"));
}

// The device's folder is read back at start: a damaged file is named, the others are registered.
TEST_F(CatalogueUiTest, StoredCataloguesAreReadBackAndADamagedOneIsNamed) {
  CatalogueImport r = import_catalogue(dir, slurp(kCatalogues + "/aci-test-avenant-france-sante.json"));
  ASSERT_TRUE(r.catalogue);
  EXPECT_EQ(r.storage_error, "");
  std::ofstream(dir + "/catalogues/abime.json") << "{\"format\": \"cpts-planner/catalogue-aci\"";
  std::vector<std::string> problems = load_stored_catalogues(dir);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].rfind("abime.json : ", 0), 0u) << problems[0];
  EXPECT_TRUE(find_catalogue(kTestId));
  EXPECT_EQ(catalogue_file_name("../x y"), "_.._x_y.json");
}
