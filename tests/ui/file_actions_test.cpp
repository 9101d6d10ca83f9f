// Files, autosave, versions, table copy, row context menus and frame pacing, on the headless UI
// with the fake platform (tests/ui/fake_platform.hpp): the same code the browser and the desktop
// app run, minus the browser. The browser end of it is tests/browser/e2e.test.mjs.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "autosave.hpp"
#include "io/csv_export.hpp"
#include "io/documents/archive.hpp"
#include "io/xlsx_export.hpp"
#include "fake_platform.hpp"
#include "file_actions.hpp"
#include "frame_pacer.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "io/project_json.hpp"
#include "io/samples.hpp"
#include "table_text.hpp"
#include "ui_driver.hpp"

namespace fs = std::filesystem;
using namespace cpts;
using namespace cpts::ui;
using cpts::ui::testing::UiDriver;
namespace fake = cpts::ui::platform::fake;

namespace {

struct TempDir {
  std::string path;
  TempDir() {
    char t[] = "/tmp/cpts-ui-XXXXXX";
    path = mkdtemp(t);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Right click on a published item (press on one frame, release on the next), like a user.
bool right_click(UiDriver& ui, const std::string& id) {
  if (!ui.visible(id)) return false;
  const ItemRect& r = item_rects().at(id);
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(r.x + r.w / 2, r.y + r.h / 2);
  ui.frame();
  io.AddMouseButtonEvent(ImGuiMouseButton_Right, true);
  ui.frame();
  io.AddMouseButtonEvent(ImGuiMouseButton_Right, false);
  ui.frames(3);
  return true;
}

class FileActionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    fake::reset();
    set_language(Lang::Fr);
    // Tests that are not about slicing save in one piece, as before: a debug or ASan build may
    // take more than one slice (8 ms) for a sample. The slicing tests set their own budget.
    FileActions::slice_ms = 1e9;
  }
  void TearDown() override {
    fake::reset();
    FileActions::slice_ms = FileActions::kSliceMs;
  }
  TempDir dir;
};

}  // namespace

// ---- The store ----------------------------------------------------------------------------------------

TEST_F(FileActionsTest, StoreKeepsTheLastVersionsAndLeavesNoTemporaryFile) {
  AutosaveStore store(dir.path + "/a", 3);
  ASSERT_TRUE(store.enabled());
  for (int i = 0; i < 6; ++i) {
    Snapshot meta;
    meta.name = "P" + std::to_string(i);
    meta.saved_at_ms = 1000 + i;
    ASSERT_EQ(store.save("texte " + std::to_string(i), meta, true), "");
  }
  AutosaveIndex index = store.read_index();
  ASSERT_TRUE(index.current);
  EXPECT_EQ(*store.read(index.current->file), "texte 5");
  EXPECT_EQ(index.current->name, "P5");
  ASSERT_EQ(index.versions.size(), 3u);  // the oldest ones went
  EXPECT_EQ(index.versions[0].name, "P4");
  EXPECT_EQ(*store.read(index.versions[0].file), "texte 4");
  EXPECT_EQ(*store.read(index.versions[2].file), "texte 2");
  for (const auto& e : fs::recursive_directory_iterator(dir.path))
    EXPECT_NE(e.path().extension(), ".tmp") << e.path();
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path + "/a/versions"), fs::directory_iterator()), 3);
}

TEST_F(FileActionsTest, StoreRebuildsADamagedIndexFromItsFiles) {
  AutosaveStore store(dir.path, 5);
  Snapshot meta;
  meta.saved_at_ms = 1700000000000;
  ASSERT_EQ(store.save("un", meta, true), "");
  meta.saved_at_ms += 60000;
  ASSERT_EQ(store.save("deux", meta, true), "");
  std::ofstream(dir.path + "/index.json") << "{ pas du json";
  AutosaveIndex index = store.read_index();
  ASSERT_TRUE(index.current);
  EXPECT_EQ(*store.read(index.current->file), "deux");
  ASSERT_EQ(index.versions.size(), 1u);
  EXPECT_EQ(index.versions[0].saved_at_ms, 1700000000000);  // the time is in the file's name
  EXPECT_EQ(*store.read(index.versions[0].file), "un");
}

TEST_F(FileActionsTest, AFailedWriteKeepsTheOldWorkingCopy) {
  AutosaveStore store(dir.path, 5);
  Snapshot meta;
  meta.saved_at_ms = 1;
  ASSERT_EQ(store.save("bon", meta, false), "");
  fs::create_directory(dir.path + "/current.json.tmp");  // the temporary file cannot be created
  meta.saved_at_ms = 2;
  EXPECT_NE(store.save("nouveau", meta, false), "");
  EXPECT_EQ(*store.read("current.json"), "bon");
}

// ---- Autosave and restore through the App -------------------------------------------------------

TEST_F(FileActionsTest, AnEditIsAutosavedAfterAPauseAndRestoredAtTheNextStart) {
  fake::set_storage_dir(dir.path);
  {
    UiDriver ui({.sample = "cpts-21-52", .panel = "projet"});
    ASSERT_TRUE(fake::has_idle_task());  // the opened project becomes the working copy...
    EXPECT_DOUBLE_EQ(fake::idle_delay(), FileActions::kDebounceSeconds);  // ...once edits pause
    ASSERT_TRUE(fake::run_idle_task());
    ASSERT_TRUE(ui.fill("projet.name", "CPTS des Crêtes — forêt d’Othe"));
    EXPECT_EQ(ui.project().identity.name, "CPTS des Crêtes — forêt d’Othe");
    EXPECT_TRUE(fake::unsaved_flag());  // "Leave site?" while not exported
    ASSERT_TRUE(fake::has_idle_task());
    ASSERT_TRUE(fake::run_idle_task());
    ui.frames(2);
    EXPECT_FALSE(fake::has_idle_task());  // saved: nothing more to do
    EXPECT_TRUE(ui.visible("autosave.status"));
  }
  // A new start (a reload, or the browser reopened) with no sample asked for: the working copy.
  UiDriver again;
  ASSERT_TRUE(again.state().doc.open);
  EXPECT_EQ(again.project().identity.name, "CPTS des Crêtes — forêt d’Othe");
  EXPECT_FALSE(again.state().welcome);
  EXPECT_TRUE(again.state().doc.unsaved());  // still not exported
  EXPECT_EQ(again.app().window_title().rfind("• CPTS des Crêtes", 0), 0u) << again.app().window_title();
  EXPECT_EQ(again.state().doc.file_name, "cpts-21-52.json");  // exports keep the file's name
}

TEST_F(FileActionsTest, ABrokenWorkingCopyIsSkippedWithAWarning) {
  AutosaveStore store(dir.path);
  Snapshot meta;
  meta.name = "CPTS 21-52";
  meta.saved_at_ms = 1700000000000;
  ASSERT_EQ(store.save(std::string(sample_text("cpts-21-52")), meta, false), "");
  meta.name = "Abîmé";
  meta.saved_at_ms += 1000;
  ASSERT_EQ(store.save("{\"format\": \"cpts-planner/projet\", \"schema_version\": 2, \"territory\": 5}", meta, true), "");
  fake::set_storage_dir(dir.path);
  UiDriver ui;
  ASSERT_TRUE(ui.state().doc.open);  // the older version that loads
  EXPECT_NE(ui.state().message.find("Abîmé"), std::string::npos) << ui.state().message;
  EXPECT_NE(ui.state().message.find("$.identity : section obligatoire manquante"), std::string::npos)
      << ui.state().message;  // the reason and the place
  EXPECT_TRUE(fs::exists(dir.path + "/current.json.bad"));  // set aside, not deleted
  EXPECT_TRUE(ui.visible("modal.message"));
}

TEST_F(FileActionsTest, UnavailableStorageIsShownNotIgnored) {
  fake::set_storage_dir(dir.path);
  fake::set_storage_broken("SecurityError");
  UiDriver ui({.sample = "cpts-21-52", .panel = "projet"});
  EXPECT_NE(ui.state().message.find("SecurityError"), std::string::npos) << ui.state().message;
  EXPECT_NE(ui.state().message.find("Ctrl+S"), std::string::npos);  // what to do about it
  EXPECT_TRUE(ui.visible("autosave.warning"));
}

TEST_F(FileActionsTest, AFailedAutosaveWarnsOnceAndRetriesLater) {
  fake::set_storage_dir(dir.path);
  fs::create_directory(dir.path + "/current.json.tmp");  // writing the working copy will fail
  UiDriver ui({.sample = "cpts-21-52", .panel = "projet"});
  ASSERT_TRUE(fake::run_idle_task());
  ui.frames(2);
  EXPECT_NE(ui.state().message.find("Sauvegarde automatique impossible"), std::string::npos) << ui.state().message;
  EXPECT_TRUE(ui.visible("autosave.warning"));
  EXPECT_TRUE(ui.state().doc.open);  // nothing lost: the project stays open
  ASSERT_TRUE(fake::has_idle_task());
  EXPECT_GT(fake::idle_delay(), 20.0);  // retried later, not every frame
  fs::remove(dir.path + "/current.json.tmp");
  ASSERT_TRUE(fake::run_idle_task());  // the disk has room again
  EXPECT_TRUE(fs::exists(dir.path + "/current.json"));
}

TEST_F(FileActionsTest, VersionsKeepTheReplacedProjectAndReopenIt) {
  fake::set_storage_dir(dir.path);
  UiDriver ui({.sample = "cpts-21-52", .panel = "projet"});
  fake::run_idle_task();
  ASSERT_TRUE(ui.fill("projet.name", "CPTS avant l’échange"));
  fake::run_idle_task();
  // Another sample replaces the project: the first one becomes a version.
  ASSERT_TRUE(ui.click("menu.file"));
  ASSERT_TRUE(ui.click("menu.file.samples"));
  ASSERT_TRUE(ui.click("menu.file.sample.cpts-centre-saone-et-loire"));
  ASSERT_NE(ui.project().identity.name, "CPTS avant l’échange");
  fake::run_idle_task();
  ASSERT_EQ(ui.app().files().index().versions.size(), 1u);
  EXPECT_EQ(ui.app().files().index().versions[0].name, "CPTS avant l’échange");
  EXPECT_TRUE(ui.state().has_last_project);  // the welcome screen offers it too
  EXPECT_EQ(ui.state().last_project_name, "CPTS avant l’échange");

  ASSERT_TRUE(ui.click("menu.file"));
  ASSERT_TRUE(ui.click("menu.file.versions"));
  ui.frames(2);  // an auto-sized modal is measured on its first frame
  ASSERT_TRUE(ui.visible("modal.versions"));
  ASSERT_TRUE(ui.click("versions.restore.1"));  // row 0 is the working copy
  EXPECT_EQ(ui.project().identity.name, "CPTS avant l’échange");
  EXPECT_TRUE(ui.state().doc.unsaved());
  fake::run_idle_task();  // and the sample it replaced is a version now
  EXPECT_EQ(ui.app().files().index().versions.size(), 2u);
}

TEST_F(FileActionsTest, TheStressProjectIsAutosavedAndReopened) {
  fake::set_storage_dir(dir.path);
  std::string saved;
  {
    UiDriver ui({.sample = "stress", .panel = "territoire"});
    ASSERT_GE(ui.project().indicators.size(), 5000u);
    const auto t0 = std::chrono::steady_clock::now();
    ASSERT_TRUE(fake::run_idle_task());
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    RecordProperty("autosave_stress_ms", std::to_string(ms));
    std::printf("  autosave of the stress project (native): %.1f ms, %zu bytes\n", ms, fs::file_size(dir.path + "/current.json"));
    saved = save_project(ui.project());
  }
  UiDriver again;
  ASSERT_TRUE(again.state().doc.open) << again.state().message;
  EXPECT_EQ(save_project(again.project()), saved);
}

// ---- Sliced saves (issue #18, item 5) ---------------------------------------------------------------

namespace {
// Frames until the save under way is written; how many it took.
int frames_until_saved(UiDriver& ui, int limit = 100000) {
  int n = 0;
  while (ui.app().files().saving() && n < limit) ui.frame(), ++n;
  return n;
}
}  // namespace

// A save written one list element per frame; an edit lands while it is under way. The save writes
// the open project itself (no copy: copying the stress project was a 59 ms freeze in Chromium), so
// the edit drops it before it reads the changed project: the stored copy stays the previous good
// one (never a text mixing two states), and the next save has the edit.
TEST_F(FileActionsTest, AnEditDuringASlicedSaveDropsItAndTheNextSaveHasTheEdit) {
  fake::set_storage_dir(dir.path);
  UiDriver ui({.sample = "cpts-21-52", .panel = "projet"});
  ASSERT_TRUE(fake::run_idle_task());  // the sample as opened, in one piece
  const std::string before = slurp(dir.path + "/current.json");
  ASSERT_TRUE(ui.fill("projet.name", "CPTS avant la sauvegarde"));
  FileActions::slice_ms = 0;  // one unit or list element per piece: the save spans many frames
  ASSERT_TRUE(fake::run_idle_task());
  ASSERT_TRUE(ui.app().files().saving());
  ASSERT_TRUE(fake::has_idle_task());  // the finish-on-close task, should the page go meanwhile
  ASSERT_TRUE(ui.fill("projet.name", "CPTS modifiée pendant la sauvegarde"));  // ≈ 16 frames
  EXPECT_FALSE(ui.app().files().saving());
  // Had the save ended before the edit, "CPTS avant la sauvegarde" would be stored: it was dropped.
  EXPECT_EQ(slurp(dir.path + "/current.json"), before);
  EXPECT_EQ(before.find("CPTS avant la sauvegarde"), std::string::npos);
  // The edit is not lost: the next save (scheduled by the frame that dropped the first) has it.
  ASSERT_TRUE(fake::has_idle_task());
  ASSERT_TRUE(fake::run_idle_task());
  const int frames = frames_until_saved(ui);
  EXPECT_GT(ui.app().files().last_save().pieces, 20) << frames;
  EXPECT_EQ(slurp(dir.path + "/current.json"), save_project(ui.project()));
  EXPECT_NE(slurp(dir.path + "/current.json").find("CPTS modifiée pendant la sauvegarde"), std::string::npos);
  ui.frames(2);
  EXPECT_FALSE(fake::has_idle_task());  // nothing more to save
}

// Edits that keep dropping live saves cannot starve the autosave: after two dropped saves, the
// third writes a copy of the project taken when it started, which the next edit does not touch;
// the edit then goes to the save after it.
TEST_F(FileActionsTest, AfterTwoDroppedSavesTheNextOneWritesACopyAndEndsDespiteEdits) {
  fake::set_storage_dir(dir.path);
  UiDriver ui({.sample = "cpts-21-52", .panel = "projet"});
  ASSERT_TRUE(fake::run_idle_task());
  FileActions::slice_ms = 0;
  for (const char* name : {"CPTS un", "CPTS deux"}) {
    ASSERT_TRUE(ui.fill("projet.name", name));
    ASSERT_TRUE(fake::run_idle_task());
    ASSERT_TRUE(ui.app().files().saving());
    ASSERT_TRUE(ui.fill("projet.name", std::string(name) + " bis"));
    ASSERT_FALSE(ui.app().files().saving()) << name;  // dropped
  }
  const std::string copied = save_project(ui.project());  // "CPTS deux bis"
  ASSERT_TRUE(fake::run_idle_task());
  ASSERT_TRUE(ui.app().files().saving());
  ASSERT_TRUE(ui.fill("projet.name", "CPTS trois"));
  ASSERT_TRUE(ui.app().files().saving()) << "the copy's save ended before the edit: the test proves nothing";
  frames_until_saved(ui);
  EXPECT_EQ(slurp(dir.path + "/current.json"), copied);
  ui.frames(2);
  ASSERT_TRUE(fake::run_idle_task());  // live again: nothing edits it now
  frames_until_saved(ui);
  EXPECT_EQ(slurp(dir.path + "/current.json"), save_project(ui.project()));
  EXPECT_NE(slurp(dir.path + "/current.json").find("CPTS trois"), std::string::npos);
}

// The page hides (or the window closes) in the middle of a sliced save: it is finished at once,
// so nothing is lost and no half-written file is left; after an edit, closing writes the newest state.
TEST_F(FileActionsTest, ClosingDuringASlicedSaveFinishesItAndSavesTheNewestState) {
  fake::set_storage_dir(dir.path);
  UiDriver ui({.sample = "cpts-21-52", .panel = "projet"});
  ASSERT_TRUE(fake::run_idle_task());
  ASSERT_TRUE(ui.fill("projet.name", "CPTS première"));
  FileActions::slice_ms = 0;
  ASSERT_TRUE(fake::run_idle_task());
  ui.frames(2);
  ASSERT_TRUE(ui.app().files().saving());
  ASSERT_TRUE(fake::run_idle_task(/*closing=*/true));
  EXPECT_FALSE(ui.app().files().saving());
  EXPECT_EQ(slurp(dir.path + "/current.json"), save_project(ui.project()));
  EXPECT_NE(slurp(dir.path + "/current.json").find("CPTS première"), std::string::npos);
  ASSERT_TRUE(ui.fill("projet.name", "CPTS seconde"));
  ASSERT_TRUE(fake::run_idle_task(/*closing=*/true));
  EXPECT_FALSE(ui.app().files().saving());
  EXPECT_EQ(slurp(dir.path + "/current.json"), save_project(ui.project()));
  EXPECT_NE(slurp(dir.path + "/current.json").find("CPTS seconde"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir.path + "/current.json.tmp"));
}

// The stress project (4.4 MiB) in slices of kSliceMs: several pieces, and the file is the one-shot text.
TEST_F(FileActionsTest, TheStressProjectIsSavedInSlices) {
  fake::set_storage_dir(dir.path);
  UiDriver ui({.sample = "stress", .panel = "territoire"});
  FileActions::slice_ms = FileActions::kSliceMs;
  ASSERT_TRUE(fake::run_idle_task());
  const int frames = frames_until_saved(ui);
  const FileActions::SaveFigures& f = ui.app().files().last_save();
  std::printf("  stress project autosave (native, %.0f ms slices): %d pieces over %d frames; snapshot %.1f ms, serialise %.1f ms, "
              "validate %.1f ms, write %.1f ms; longest piece %.1f ms\n",
              FileActions::kSliceMs, f.pieces, frames + 1, f.snapshot_ms, f.serialize_ms, f.validate_ms, f.write_ms, f.longest_piece_ms);
  RecordProperty("autosave_stress_longest_piece_ms", std::to_string(f.longest_piece_ms));
  EXPECT_GE(f.pieces, 3);  // at least: serialise, validate, write
  EXPECT_EQ(f.bytes, fs::file_size(dir.path + "/current.json"));
  EXPECT_EQ(slurp(dir.path + "/current.json"), save_project(ui.project()));
}

// ---- Export, import, CSV, clipboard ---------------------------------------------------------------

TEST_F(FileActionsTest, CtrlSExportsTheProjectByteIdentically) {
  UiDriver ui({.sample = "cpts-21-52", .panel = "projet"});
  ASSERT_TRUE(ui.fill("projet.name", "CPTS « Saône » — 2026"));
  EXPECT_EQ(ui.app().window_title().rfind("• ", 0), 0u);
  ui.key(ImGuiKey_S, true);
  ASSERT_EQ(fake::downloads().size(), 1u);
  const fake::Download& d = fake::downloads()[0];
  EXPECT_EQ(d.name, "cpts-21-52.json");
  EXPECT_EQ(d.mime, "application/json");
  EXPECT_EQ(d.bytes, save_project(ui.project()));
  EXPECT_FALSE(ui.state().doc.unsaved());
  EXPECT_EQ(ui.app().window_title().rfind("CPTS « Saône » — 2026", 0), 0u);  // no "•" any more
  EXPECT_FALSE(fake::unsaved_flag());
  // Re-import: the same bytes again.
  ASSERT_TRUE(ui.app().open_text(d.bytes, d.name));
  EXPECT_EQ(save_project(ui.project()), d.bytes);
}

TEST_F(FileActionsTest, CtrlOOpensThePickerAndAPickedOrDroppedFileOpens) {
  UiDriver ui({.sample = "cpts-21-52", .panel = "projet"});
  ui.key(ImGuiKey_O, true);
  EXPECT_EQ(fake::picks(), 1);
  fake::hand_over({"autre.json", std::string(sample_text("cpts-centre-saone-et-loire")), ""});
  ui.frames(2);
  EXPECT_EQ(ui.state().doc.file_name, "autre.json");
  ProjectLoad other = load_project(sample_text("cpts-centre-saone-et-loire"));
  EXPECT_EQ(ui.project().identity.name, other.project->identity.name);
  // A broken file: a French message with the reason and the place; nothing changes.
  const std::string before = save_project(ui.project());
  fake::hand_over({"casse.json", "{\n  \"format\": \"cpts-planner/projet\",\n  oups\n}", ""});
  ui.frames(3);
  EXPECT_EQ(save_project(ui.project()), before);
  EXPECT_NE(ui.state().message.find("casse.json"), std::string::npos);
  EXPECT_NE(ui.state().message.find("ligne 3"), std::string::npos) << ui.state().message;
  EXPECT_TRUE(ui.visible("modal.message"));
}

TEST_F(FileActionsTest, WithoutAPickerCtrlOAsksForAPath) {
  fake::set_file_picker(false);  // the desktop app
  const std::string path = dir.path + "/mon projet.json";
  std::ofstream(path) << sample_text("cpts-centre-saone-et-loire");
  UiDriver ui;
  ui.key(ImGuiKey_O, true);
  ASSERT_TRUE(ui.visible("modal.open"));
  ASSERT_TRUE(ui.fill("modal.open.path", dir.path + "/absent.json", true));
  EXPECT_TRUE(ui.visible("modal.open"));  // stays open with the reason
  EXPECT_FALSE(ui.state().doc.open);
  ASSERT_TRUE(ui.fill("modal.open.path", path, true));
  ASSERT_TRUE(ui.state().doc.open);
  EXPECT_EQ(ui.state().doc.file_name, "mon projet.json");
  EXPECT_FALSE(ui.visible("modal.open"));
}

TEST_F(FileActionsTest, CsvExportsAndSpreadsheetCopiesComeFromTheCore) {
  UiDriver ui({.sample = "cpts-21-52", .panel = "financement"});
  const Project& p = ui.project();
  const FundingResult& r = ui.state().doc.derived.ceiling;
  ASSERT_TRUE(ui.click("menu.file"));
  ASSERT_TRUE(ui.click("menu.file.csv_indicators"));
  ASSERT_TRUE(ui.click("menu.file"));
  ASSERT_TRUE(ui.click("menu.file.csv_schedule"));
  ASSERT_EQ(fake::downloads().size(), 2u);
  EXPECT_EQ(fake::downloads()[0].name, "cpts-21-52-indicateurs.csv");
  EXPECT_EQ(fake::downloads()[0].bytes, indicators_csv(p, r));  // what `cpts-cli export --csv indicateurs` writes
  EXPECT_EQ(fake::downloads()[1].name, "cpts-21-52-echeancier.csv");
  EXPECT_EQ(fake::downloads()[1].bytes, schedule_csv(r, *r.catalogue));
  EXPECT_EQ(fake::downloads()[1].mime, "text/csv;charset=utf-8");

  ASSERT_TRUE(ui.click("menu.edit"));
  ASSERT_TRUE(ui.click("menu.edit.copy_schedule"));
  const std::string tsv = ImGui::GetClipboardText();
  EXPECT_EQ(tsv, csv_to_tsv(schedule_csv(r, *r.catalogue)));
  EXPECT_EQ(tsv.find('\xEF'), std::string::npos);  // no BOM in a paste
  EXPECT_NE(tsv.find('\t'), std::string::npos);
  EXPECT_EQ(tsv.find(';'), std::string::npos) << tsv.substr(0, 200);
  EXPECT_EQ(static_cast<std::size_t>(std::count(tsv.begin(), tsv.end(), '\n')), r.schedule.size() + 1);  // header + one row per payment
}

TEST_F(FileActionsTest, WorkbookExportIsTheCoresXlsx) {
  UiDriver ui({.sample = "cpts-21-52", .panel = "financement"});
  ASSERT_TRUE(ui.click("menu.file"));
  ASSERT_TRUE(ui.click("menu.file.xlsx"));
  ASSERT_EQ(fake::downloads().size(), 1u);
  const auto& d = fake::downloads()[0];
  EXPECT_EQ(d.name, "cpts-21-52-classeur.xlsx");
  EXPECT_EQ(d.mime, kXlsxMime);
  // A ZIP holding the workbook and its six sheets, the core's bytes apart from the creation date.
  std::vector<doc::ZipReadEntry> entries;
  std::string error;
  ASSERT_TRUE(doc::zip_read(d.bytes, entries, error)) << error;
  int sheets = 0;
  for (const auto& e : entries) sheets += e.name.rfind("xl/worksheets/sheet", 0) == 0;
  EXPECT_EQ(sheets, 6);
  XlsxWorkbook core = export_workbook(ui.project(), ui.state().doc.derived.selected);
  ASSERT_TRUE(core.ok);
  EXPECT_NEAR(static_cast<double>(d.bytes.size()), static_cast<double>(core.bytes.size()), 64.0);
}

TEST(TableText, CsvBecomesTabSeparatedTextForASpreadsheet) {
  const std::string csv = "\xEF\xBB\xBF" "Libellé;Montant;Note\r\n\"Réunion; bilan\";1234,56;\"dit \"\"oui\"\"\"\r\n'=1+1;-12,50;\"deux\nlignes\"\r\n";
  auto rows = parse_csv(csv);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][0], "Réunion; bilan");
  EXPECT_EQ(rows[1][2], "dit \"oui\"");
  EXPECT_EQ(rows[2][2], "deux\nlignes");
  EXPECT_EQ(to_tsv(rows),
            "Libellé\tMontant\tNote\nRéunion; bilan\t1234,56\t\"dit \"\"oui\"\"\"\n'=1+1\t-12,50\t\"deux\nlignes\"\n");
}

TEST(FileNames, ExportsKeepTheOpenedNameOrUseTheProjectName) {
  EXPECT_EQ(export_file_name("cpts-21-52.json", "CPTS"), "cpts-21-52.json");
  EXPECT_EQ(export_file_name("", "CPTS du Val de Saône"), "CPTS du Val de Saône.json");
  EXPECT_EQ(export_file_name("", "Nord/Sud: « A|B »?"), "Nord-Sud- « A-B »-.json");
  EXPECT_EQ(export_file_name("", "  "), "projet-cpts.json");
  EXPECT_EQ(export_file_name("x.json", "", "-indicateurs.csv"), "x-indicateurs.csv");
}

// ---- Context menus on rows -------------------------------------------------------------------------

TEST_F(FileActionsTest, RightClickOnACommuneRowDuplicatesAndMovesIt) {
  UiDriver ui({.sample = "cpts-centre-saone-et-loire", .panel = "territoire"});
  const std::size_t n = ui.project().territory.communes.size();
  const std::string first = ui.project().territory.communes[0].name, second = ui.project().territory.communes[1].name;
  ASSERT_TRUE(right_click(ui, "territoire.pop.0"));
  ASSERT_TRUE(ui.visible("rowmenu"));
  ASSERT_TRUE(ui.click("rowmenu.duplicate"));
  ASSERT_EQ(ui.project().territory.communes.size(), n + 1);
  EXPECT_EQ(ui.project().territory.communes[1].name, first);
  ASSERT_TRUE(right_click(ui, "territoire.pop.0"));
  ASSERT_TRUE(ui.click("rowmenu.delete"));
  ASSERT_TRUE(right_click(ui, "territoire.pop.0"));
  ASSERT_TRUE(ui.click("rowmenu.down"));
  EXPECT_EQ(ui.project().territory.communes[0].name, second);
  EXPECT_EQ(ui.project().territory.communes[1].name, first);
  ui.key(ImGuiKey_Z, true);  // one undo step per menu action
  EXPECT_EQ(ui.project().territory.communes[0].name, first);
}

TEST_F(FileActionsTest, IndicatorRowMenuCopiesTheTableForASpreadsheet) {
  UiDriver ui({.sample = "cpts-21-52", .panel = "indicateurs"}, ImVec2(1400, 1000));
  const std::size_t n = ui.project().indicators.size();
  ASSERT_GE(n, 2u);
  ASSERT_TRUE(right_click(ui, "indicateurs.row.0"));
  ASSERT_TRUE(ui.visible("rowmenu.extra"));
  ASSERT_TRUE(ui.click("rowmenu.extra"));  // "Copier le tableau (tableur)"
  const FundingResult& r = ui.state().doc.derived.ceiling;
  EXPECT_EQ(std::string(ImGui::GetClipboardText()), csv_to_tsv(indicators_csv(ui.project(), r)));
  EXPECT_EQ(ui.project().indicators.size(), n);  // copying changed nothing
  ASSERT_TRUE(right_click(ui, "indicateurs.row.0"));
  ASSERT_TRUE(ui.click("rowmenu.duplicate"));
  EXPECT_EQ(ui.project().indicators.size(), n + 1);
}

TEST_F(FileActionsTest, ActionRowMenuDuplicatesAnActionWithItsIndicators) {
  UiDriver ui({.sample = "cpts-21-52", .panel = "missions"}, ImVec2(1400, 1800));
  const std::size_t actions = ui.project().actions.size(), indicators = ui.project().indicators.size();
  ASSERT_TRUE(right_click(ui, "missions.action.0"));
  ASSERT_TRUE(ui.visible("rowmenu"));
  ASSERT_TRUE(ui.click("rowmenu.duplicate"));
  ASSERT_EQ(ui.project().actions.size(), actions + 1);
  EXPECT_GT(ui.project().indicators.size(), indicators);  // the copy has its own indicators
  ASSERT_TRUE(right_click(ui, "missions.action.1"));
  ASSERT_TRUE(ui.click("rowmenu.delete"));  // the copy, with its indicators: one undo step
  EXPECT_EQ(ui.project().actions.size(), actions);
  EXPECT_EQ(ui.project().indicators.size(), indicators);
}

// ---- Frame pacing -----------------------------------------------------------------------------------

TEST(FramePacer, DrawsWhileTheUserInteractsAndNothingWhenIdle) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  FramePacer pacer;
  pacer.input(100.0);
  EXPECT_EQ(pacer.next_frame_in(100.2, io), 0);  // hover, tooltips, fades: every vsync
  for (int i = 0; i < 3; ++i) pacer.frame_drawn();  // the frames owed at start
  EXPECT_EQ(pacer.next_frame_in(100.0 + FramePacer::kActiveSeconds + 0.01, io), -1);  // idle: none
  io.MouseDown[0] = true;  // a drag or a long press in progress
  EXPECT_EQ(pacer.next_frame_in(200, io), 0);
  io.MouseDown[0] = false;
  io.WantTextInput = true;  // a field waits for typing: the caret blinks at 2 frames a second
  EXPECT_EQ(pacer.next_frame_in(200, io), FramePacer::kCaretSeconds);
  io.WantTextInput = false;
  pacer.request(2);  // a file arrived, a save finished
  EXPECT_EQ(pacer.next_frame_in(200, io), 0);
  pacer.frame_drawn();
  pacer.frame_drawn();
  EXPECT_EQ(pacer.next_frame_in(200, io), -1);
  ImGui::DestroyContext();
}

// ---- Nothing is ever lost: validation before writing, repair of refused files (issue #13) ---------

namespace {
std::string repairable_text() { return slurp(std::string(CPTS_SOURCE_DIR) + "/tests/data/repairable/payment-and-mission.json"); }
}  // namespace

// A project made invalid without the History (a payment to nobody): neither the autosave nor
// Ctrl+S writes it; the last good working copy stays, the bad one is set aside, the status says so.
TEST_F(FileActionsTest, AnInvalidProjectIsNeverWrittenButSetAside) {
  fake::set_storage_dir(dir.path);
  UiDriver ui({.sample = "cpts-21-52", .panel = "projet"});
  ASSERT_TRUE(fake::run_idle_task());
  const std::string good = slurp(dir.path + "/current.json");
  ASSERT_FALSE(good.empty());
  Project bad = ui.project();
  bad.member_payments.push_back({"P99", 2024, 120000, "indemnité"});
  ASSERT_FALSE(validate_project(bad).empty());
  ui.state().doc.load(bad, "cpts-21-52.json");
  ui.frames(2);
  ASSERT_TRUE(fake::run_idle_task());
  EXPECT_EQ(slurp(dir.path + "/current.json"), good);  // the last good copy stays
  ASSERT_EQ(ui.app().files().index().set_aside.size(), 1u);
  const Snapshot aside = ui.app().files().index().set_aside[0];
  EXPECT_EQ(aside.name, "CPTS 21/52");
  EXPECT_EQ(slurp(dir.path + "/" + aside.file), save_project(bad));  // written aside, as it was
  EXPECT_NE(ui.state().status.find("Copie de travail non enregistrée"), std::string::npos) << ui.state().status;
  EXPECT_NE(ui.state().status.find("$.finance.member_payments[6].professional"), std::string::npos) << ui.state().status;
  EXPECT_FALSE(fake::has_idle_task());  // not retried on every frame
  // Ctrl+S refuses too: nothing downloaded, and no second copy aside.
  ui.key(ImGuiKey_S, true);
  EXPECT_TRUE(fake::downloads().empty());
  EXPECT_NE(ui.state().status.find("Enregistrement refusé"), std::string::npos) << ui.state().status;
  EXPECT_EQ(ui.app().files().index().set_aside.size(), 1u);
}

// A refused file that the repair can fix: the reasons, then every change with its path, then
// « Appliquer la réparation ». Annuler leaves the open project untouched.
TEST_F(FileActionsTest, ARefusedFileIsOfferedARepairThatListsEachChange) {
  UiDriver ui({.sample = "cpts-21-52", .panel = "projet"});
  const std::string before = save_project(ui.project());
  fake::hand_over({"ancien.json", repairable_text(), ""});
  ui.frames(3);
  EXPECT_EQ(save_project(ui.project()), before);
  EXPECT_TRUE(ui.state().message.empty()) << ui.state().message;  // the repair dialog, not the plain refusal
  ASSERT_TRUE(ui.visible("modal.repair"));
  ASSERT_TRUE(ui.click("modal.repair.cancel"));
  ui.frames(2);
  EXPECT_FALSE(ui.visible("modal.repair"));
  EXPECT_EQ(save_project(ui.project()), before);

  fake::hand_over({"ancien.json", repairable_text(), ""});
  ui.frames(3);
  ASSERT_TRUE(ui.click("modal.repair.repair"));
  ui.frames(2);
  const auto& pending = ui.app().files().pending_repair();
  ASSERT_TRUE(pending);
  ASSERT_EQ(pending->changes.size(), 2u);
  EXPECT_EQ(pending->changes[1].path, "$.finance.member_payments[1]");
  EXPECT_EQ(pending->changes[1].description, "versement à un professionnel inconnu « P9 » supprimé");
  EXPECT_TRUE(ui.visible("modal.repair.change.0"));
  EXPECT_TRUE(ui.visible("modal.repair.change.1"));
  EXPECT_EQ(save_project(ui.project()), before);  // nothing applied yet
  ASSERT_TRUE(ui.click("modal.repair.apply"));
  ui.frames(2);
  EXPECT_EQ(ui.project().identity.name, "CPTS d'essai « complète »");
  EXPECT_EQ(ui.project().missions.size(), 3u);
  EXPECT_EQ(ui.project().member_payments.size(), 1u);
  EXPECT_EQ(ui.state().doc.file_name, "ancien-repare.json");  // Ctrl+S never writes over the original
  EXPECT_NE(ui.state().status.find("2 modifications"), std::string::npos) << ui.state().status;
}

// A working copy set aside at start-up is listed in Versions (« écartée ») and opens through the repair.
TEST_F(FileActionsTest, ASetAsideWorkingCopyOpensThroughTheRepair) {
  AutosaveStore store(dir.path);
  Snapshot meta;
  meta.name = "CPTS 21-52";
  meta.saved_at_ms = 1700000000000;
  ASSERT_EQ(store.save(std::string(sample_text("cpts-21-52")), meta, false), "");
  meta.name = "CPTS d'essai « complète »";
  meta.saved_at_ms += 1000;
  ASSERT_EQ(store.save(repairable_text(), meta, true), "");
  fake::set_storage_dir(dir.path);
  UiDriver ui;
  ASSERT_TRUE(ui.state().doc.open);
  EXPECT_EQ(ui.project().identity.name, "CPTS 21/52");  // the older version that loads
  EXPECT_NE(ui.state().message.find("Fichier → Versions"), std::string::npos) << ui.state().message;
  ASSERT_TRUE(ui.click("modal.message.ok"));
  ASSERT_EQ(ui.app().files().index().set_aside.size(), 1u);
  EXPECT_EQ(ui.app().files().index().set_aside[0].file, "current.json.bad");
  EXPECT_EQ(ui.app().files().index().set_aside[0].name, "CPTS d'essai « complète »");

  ASSERT_TRUE(ui.click("menu.file"));
  ASSERT_TRUE(ui.click("menu.file.versions"));
  ui.frames(2);
  ASSERT_TRUE(ui.visible("modal.versions"));
  ASSERT_TRUE(ui.click("versions.restore.1"));  // row 0: the version that loaded; row 1: set aside
  ui.frames(3);
  ASSERT_TRUE(ui.visible("modal.repair"));
  ASSERT_TRUE(ui.click("modal.repair.repair"));
  ui.frames(2);
  ASSERT_TRUE(ui.click("modal.repair.apply"));
  ui.frames(2);
  EXPECT_EQ(ui.project().identity.name, "CPTS d'essai « complète »");
  EXPECT_TRUE(fs::exists(dir.path + "/current.json.bad"));  // the set-aside file itself is never modified
}
