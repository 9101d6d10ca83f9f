// What the App does with files, on every platform, through platform.hpp:
//   - export the project as .json (Ctrl+S, Fichier → Enregistrer) and the core's CSV exports, as
//     downloads in the browser, files in the current folder natively;
//   - open a project (Ctrl+O, the welcome screen): the browser's file picker or a file dropped on
//     the page; natively a path typed in a small modal, a dropped file or --open FILE. A refused
//     file leaves the open project exactly as it was (App::open_text);
//   - autosave: the working copy is written to local storage shortly after each change, off the
//     frame path (platform::run_when_idle), and restored at the next start — after a reload, a
//     crash or closing the browser; recent versions are kept (autosave.hpp) and listed in
//     Fichier → Versions…; storage that fails is shown, never ignored. A save does not freeze the
//     page (issue #18, item 5): it writes the open project's text in slices of ≈ kSliceMs
//     (io/project_sliced_writer.hpp), validates it the same way, then writes the file, each piece
//     in a task of its own between frames (run_soon.hpp: no frame drawn for it). It copies nothing:
//     an edit made meanwhile drops it (the stored copy stays the last good one) and the next save
//     has the edit; after two dropped saves the next one writes a copy, which edits do not touch;
//   - copy a table (indicators, payment schedule) as tab-separated text for a spreadsheet;
//   - the browser's "Leave site?" prompt while changes are not exported.
// The UI pass only queues requests (UiState::requests); App::apply calls these after the frame.
#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "autosave.hpp"
#include "io/repair.hpp"
#include "model/project.hpp"

namespace cpts::ui {

class App;

class FileActions {
 public:
  // Autosave timing: a save waits for a pause in the edits, but never longer than kMaxWait after
  // the first unsaved change; a new version is kept at most every kVersionEvery (and whenever
  // another project replaces the open one).
  static constexpr double kDebounceSeconds = 1.0;
  static constexpr double kMaxWaitSeconds = 5.0;
  static constexpr std::int64_t kVersionEveryMs = 2 * 60 * 1000;
  static constexpr double kRetrySeconds = 30;  // after a failed write (disk full, folder gone)
  // Main-thread time a piece of a save aims at. A piece runs between frames, so it could take a
  // whole 60 Hz frame (16.7 ms); 6 ms leaves room for what the budget cannot stop: the element
  // that crosses it, the string growing, the browser's own work (measured in Chromium, median of 3
  // on the stress project: the longest stall was 11.9 ms at 8 ms, with single pieces up to 18 ms).
  static constexpr double kSliceMs = 6;
  // The budget in use: kSliceMs; the tests that are not about slicing raise it (a debug or ASan
  // build may take more than the budget for a sample), the slicing test lowers it to one list element.
  static inline double slice_ms = kSliceMs;

  FileActions();
  ~FileActions();
  FileActions(const FileActions&) = delete;
  FileActions& operator=(const FileActions&) = delete;

  // At start, after App opened a sample asked for on the command line / in the URL (if any): opens
  // a file given with --open, else (no sample) restores the latest working copy that loads.
  void start(App& app, bool sample_opened);
  void draw(App& app);                   // inside the frame: the Versions and "Ouvrir" modals
  void draw_menu_bar_status(App& app);   // right end of the menu bar: where the autosave stands
  void after_frame(App& app);            // after the frame: requests, arriving files, autosave

  // Menu actions.
  void export_project(App& app);
  void export_csv(App& app, const std::string& which);  // "indicateurs" | "echeancier"
  void export_xlsx(App& app);                           // the workbook (io/xlsx_export.hpp)
  void copy_table(App& app, const std::string& which);  // same tables, as TSV to the clipboard
  void open_request(App& app);                          // picker (web) or the path modal (native)
  void reopen_last(App& app);                           // the welcome screen's « Rouvrir » (autosaved copy)
  // Fichier → Importer un tableau… : the same picker / path, the file then goes to the table
  // import preview (table_import_dialog.hpp) whatever its name.
  void import_table_request(App& app);
  // A file handed over (picked, dropped, typed path): a table (.csv, .tsv, .xlsx, or asked for
  // as one) goes to the import preview, anything else is opened as a project.
  bool receive_file(App& app, const std::string& bytes, const std::string& name);
  void show_versions() { versions_requested_ = true; }
  void request_restore(const Snapshot& s) { restore_request_ = s; }  // carried out after the frame

  // Opens a project file's text (picked, dropped, typed path); the open project is saved first.
  bool open_file(App& app, const std::string& text, const std::string& name);
  // Reopens a snapshot of the autosave (Versions dialog, welcome screen "Reprendre").
  bool restore(App& app, const Snapshot& s);
  // Called by App just before another project replaces the open one: its last edits are saved.
  void before_replace(App& app);

  // A refused file whose errors are all repairable (io/repair.hpp): the repair dialog takes the
  // place of the refusal message (App::open_text). Returns false when it cannot be repaired.
  struct PendingRepair {
    std::string name;                   // the refused file's name
    std::string text;                   // the repaired text (loads)
    std::vector<RepairChange> changes;  // listed before anything is applied
    std::vector<JsonError> errors;      // why the file was refused
    bool show_changes = false;          // second step: the list of changes
  };
  bool offer_repair(App& app, const std::string& text, const std::string& name, const std::vector<JsonError>& errors);
  const std::optional<PendingRepair>& pending_repair() const { return repair_; }
  void show_repair_changes() { if (repair_) repair_->show_changes = true; }
  bool apply_repair(App& app);           // opens the repaired project (the original file is untouched)
  void cancel_repair(App& app);          // the open project stays as it was

  // The idle task: starts a save of the open project if it changed (sliced: the rest follows in
  // after_frame). With `closing` (the page hides, the window closes, another project opens), a
  // save under way and the newest state are written at once.
  void autosave_now(App& app, bool closing = false);
  bool saving() const { return static_cast<bool>(saving_); }  // a sliced save is under way
  // Where the last written save's time went (also published as autosave_* stats for the benchmark).
  struct SaveFigures {
    double snapshot_ms = 0, serialize_ms = 0, validate_ms = 0, write_ms = 0;
    double longest_piece_ms = 0;         // the longest stretch of main-thread time it took at once
    int pieces = 0;                      // how many stretches (frames) it was written in
    std::size_t bytes = 0;
  };
  const SaveFigures& last_save() const { return last_save_; }
  const AutosaveStore& store() const { return store_; }
  const AutosaveIndex& index() const { return index_; }
  const std::string& storage_warning() const { return warning_; }
  std::int64_t saved_at_ms() const { return saved_at_ms_; }

 private:
  struct SaveKey {
    std::uint64_t revision = 0, generation = 0;
    bool exported = false;
    bool operator==(const SaveKey&) const = default;
  };
  SaveKey key_of(const App& app) const;
  void schedule_autosave(App& app);
  void start_save(App& app);
  // Carries the save under way on for about `budget_ms`: serialise (sliced), validate, write.
  void continue_save(App& app, double budget_ms, std::chrono::steady_clock::time_point t0 = std::chrono::steady_clock::now());
  void finish_save(App& app, std::chrono::steady_clock::time_point piece_start);  // the write
  void check_storage(App& app);
  void update_last_project(App& app);
  void warn(App& app, const std::string& warning);
  void draw_open_path_modal(App& app);
  // A project that fails validation is never written over a good copy: it goes aside (once until a
  // good save) and the status line says so. Returns true when `text` is fit to be written.
  bool fit_to_write(App& app, const Project& p, const std::string& text, const Snapshot& meta, const char* message_key);
  bool fit_to_write(App& app, const std::vector<JsonError>& errors, const std::string& text, const Snapshot& meta, const char* message_key);

  // A save under way: the snapshot's writer and what the save is of.
  struct Saving;
  std::unique_ptr<Saving> saving_;
  std::size_t last_bytes_ = 0;           // the previous save's size (the next one's reserve)
  int dropped_in_a_row_ = 0;             // live saves dropped by edits since the last written one
  SaveFigures last_save_;
  AutosaveStore store_;
  AutosaveIndex index_;
  SaveKey saved_, scheduled_;
  bool scheduled_valid_ = false;
  double pending_since_ = -1;            // steady seconds of the first change not saved yet
  double retry_at_ = 0;                  // steady seconds before which a failed write is not retried
  std::int64_t saved_at_ms_ = 0;
  std::string last_project_file_;        // the snapshot the welcome screen offers to reopen
  std::string warning_;                  // storage problem, shown in the menu bar ("" = fine)
  bool warned_ = false;                  // the modal about it was shown (once per session)
  long flushes_seen_ = 0;
  bool leave_guard_ = false;
  std::string announced_;
  bool versions_requested_ = false;
  std::optional<Snapshot> restore_request_;
  bool path_requested_ = false;
  bool table_requested_ = false;         // the next file is a table to import
  std::string path_, path_error_;
  std::optional<PendingRepair> repair_;
  bool repair_requested_ = false;        // open the repair modal at the next draw
  bool bad_put_aside_ = false;           // a bad copy is aside since the last good save
};

void draw_versions_dialog(App& app, FileActions& files);  // versions_dialog.cpp
void draw_repair_dialog(App& app, FileActions& files);    // repair_dialog.cpp

// "CPTS du Val de Saône.json": the project's file name for an export (the name it was opened
// with, else its name without the characters file systems refuse).
std::string export_file_name(const std::string& opened_as, const std::string& project_name, const char* suffix = ".json");
// "22/11/2026 14:32" in local time.
std::string format_local_time(std::int64_t ms_since_epoch);

}  // namespace cpts::ui
