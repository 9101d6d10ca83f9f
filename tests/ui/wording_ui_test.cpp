// Issue #14 item 8, wording: the status line says one clear sentence that starts with a capital
// (it used to read "Projet enregistré : téléchargé : « … »"), and two buttons that do different
// things do not share a label.
#include <gtest/gtest.h>

#include "fake_platform.hpp"
#include "i18n.hpp"
#include "ui_driver.hpp"
#include "ui_state.hpp"

using namespace cpts;
using namespace cpts::ui;
using cpts::ui::testing::UiDriver;
namespace fake = cpts::ui::platform::fake;

namespace {
class WordingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fake::reset();
    set_language(Lang::Fr);
  }
  void TearDown() override {
    fake::reset();
    set_language(Lang::Fr);
  }
};

std::size_t occurrences(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t i = s.find(what); i != std::string::npos; i = s.find(what, i + 1)) ++n;
  return n;
}
}  // namespace

TEST_F(WordingTest, SavingSaysOneSentence) {
  UiDriver ui({.sample = "cpts-21-52", .panel = "projet"});
  ui.key(ImGuiKey_S, true);
  ASSERT_EQ(fake::downloads().size(), 1u);
  EXPECT_EQ(ui.state().status, "Projet enregistré dans « cpts-21-52.json ».");
  EXPECT_EQ(occurrences(ui.state().status, ":"), 0u);  // no "prefix : prefix : name"
  // Written nowhere: said, and the project stays unsaved (the "•" and the leave guard stay).
  ASSERT_TRUE(ui.fill("projet.name", "CPTS 21/52 bis"));
  fake::set_downloads_fail(true);
  ui.key(ImGuiKey_S, true);
  EXPECT_EQ(ui.state().status, "Le fichier « cpts-21-52.json » n’a pas pu être écrit : rien n’a été enregistré.");
  EXPECT_TRUE(ui.state().doc.unsaved());
}

TEST_F(WordingTest, MessagesStartWithACapital) {
  EXPECT_EQ(sentence_start("code INSEE de 5 caractères attendu"), "Code INSEE de 5 caractères attendu");
  EXPECT_EQ(sentence_start("écrit dans « a.json »"), "Écrit dans « a.json »");
  EXPECT_EQ(sentence_start("$.territory.communes[0].insee : …"), "$.territory.communes[0].insee : …");
  EXPECT_EQ(sentence_start(""), "");
  // Every status pattern of both languages starts with a capital (or a placeholder / quote).
  for (Lang lang : {Lang::Fr, Lang::En}) {
    set_language(lang);
    for (const char* key : {"status.saved", "status.exported_csv", "status.exported_xlsx", "status.downloaded", "status.download_failed",
                            "status.loaded", "status.opened", "status.import_failed", "status.nothing_open"}) {
      std::string t = T(key);
      ASSERT_FALSE(t.empty()) << key;
      EXPECT_EQ(sentence_start(t), t) << key;
    }
  }
}

// Diagnostic adds an indicator of the territory's diagnostic; Missions adds an ACI indicator to
// an action: two labels, in French and in English.
TEST_F(WordingTest, DiagnosticAndMissionsDoNotShareTheAddIndicatorLabel) {
  for (Lang lang : {Lang::Fr, Lang::En}) {
    set_language(lang);
    EXPECT_STRNE(T("diagnostic.add"), T("action.add_indicator"));
  }
  set_language(Lang::Fr);
  EXPECT_STREQ(T("diagnostic.add"), "Ajouter un indicateur de diagnostic");
  UiDriver ui({.sample = "cpts-21-52", .panel = "diagnostic"});
  EXPECT_TRUE(ui.visible("diagnostic.add"));
}
