#include "file_actions.hpp"

#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "app.hpp"
#include "catalogue_store.hpp"
#include "io/csv_export.hpp"
#include "io/xlsx_export.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "platform.hpp"
#include "run_soon.hpp"
#include "io/project_json.hpp"
#include "io/project_sliced_validator.hpp"
#include "io/project_sliced_writer.hpp"
#include "table_import_dialog.hpp"
#include "table_text.hpp"
#include "theme.hpp"
#include "tool_runner.hpp"

namespace cpts::ui {

namespace {

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}
std::int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}
double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

bool ends_with(const std::string& s, const char* suffix) {
  const std::string x = suffix;
  return s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0;
}

std::string base_name(const std::string& path) {
  const std::size_t slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::string export_file_name(const std::string& opened_as, const std::string& project_name, const char* suffix) {
  std::string base;
  if (ends_with(opened_as, ".json")) base = opened_as.substr(0, opened_as.size() - 5);
  if (base.empty()) {
    for (char c : project_name) {
      const unsigned char u = static_cast<unsigned char>(c);
      if (u < 0x20 || std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos) base += '-';
      else base += c;
    }
    while (!base.empty() && (base.back() == ' ' || base.back() == '.')) base.pop_back();
    while (!base.empty() && (base.front() == ' ' || base.front() == '.')) base.erase(base.begin());
  }
  if (base.empty()) base = "projet-cpts";
  return base + suffix;
}

std::string format_local_time(std::int64_t ms) {
  std::time_t t = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d %02d:%02d", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900, tm.tm_hour, tm.tm_min);
  return buf;
}

// A save under way. It writes and validates the open project itself, as it is at `key` (no copy:
// copying the stress project took 59 ms in one piece in Chromium, measured: autosave_snapshot_ms).
// An edit, undo, redo or another project changes the key: the save is then dropped before it
// touches the project again (nothing was written yet, the stored copy stays the previous good one)
// and the next save has the edit. Should saves keep being dropped (edits coming faster than a save
// completes), the next one writes a copy of the project taken when it starts (`live` false), which
// edits do not touch: a save always ends up written.
namespace {
// At kDropsBeforeCopy live saves dropped in a row (dropped_in_a_row_), the next save writes a copy
// of the project, which edits do not touch.
constexpr int kDropsBeforeCopy = 2;
}  // namespace

struct FileActions::Saving {
  enum class Phase { Serialise, Validate, Write };
  Phase phase = Phase::Serialise;
  SaveKey key;
  bool live = true;                      // writes the open project (false: a copy of it)
  Snapshot meta;
  std::unique_ptr<SlicedProjectWriter> writer;
  std::unique_ptr<SlicedProjectValidator> validator;
  double snapshot_ms = 0, serialize_ms = 0, validate_ms = 0;
  double longest_ms = 0;                 // the longest main-thread piece of this save
  int frames = 0;                        // how many pieces it took
};

FileActions::FileActions() : store_(platform::storage_dir()) {}

FileActions::~FileActions() {  // a pending task must not outlive us
  platform::run_when_idle(0, {});
  platform::run_soon({});
}

FileActions::SaveKey FileActions::key_of(const App& app) const {
  const Document& d = app.state().doc;
  return {d.history.revision(), d.generation, !d.unsaved()};
}

// ---- Start: --open FILE, else the latest working copy that loads --------------------------------

void FileActions::start(App& app, bool sample_opened) {
  UiState& s = app.state();
  // Catalogues imported on this device first: the working copy or --open FILE may use one.
  if (store_.enabled())
    for (const std::string& problem : load_stored_catalogues(store_.dir())) s.message += (s.message.empty() ? "" : "\n") + TF("catalogue.stored_bad", problem.c_str());
  const platform::StorageState st = platform::storage_state();
  if (!st.available) warn(app, TF("autosave.unavailable", st.error.c_str()));
  else if (!store_.enabled() && !platform::storage_dir().empty()) warn(app, TF("autosave.unavailable", platform::storage_dir().c_str()));
  index_ = store_.read_index();
  saved_at_ms_ = index_.current ? index_.current->saved_at_ms : 0;

  std::vector<platform::IncomingFile> files = platform::take_files();
  if (!files.empty()) {
    for (const auto& f : files) {
      if (!f.error.empty()) s.message = f.error;
      else receive_file(app, f.text, f.name);
    }
  } else if (!sample_opened && store_.enabled()) {
    std::vector<Snapshot> candidates;
    if (index_.current) candidates.push_back(*index_.current);
    candidates.insert(candidates.end(), index_.versions.begin(), index_.versions.end());
    std::string skipped;
    for (const Snapshot& snap : candidates) {
      std::optional<std::string> text = store_.read(snap.file);
      ProjectLoad loaded = text ? load_project(*text) : ProjectLoad{};
      if (!loaded.project) {
        // Skipped with a warning, and set aside so it cannot block the next start either.
        std::string why = loaded.errors.empty() ? T("autosave.unreadable") : loaded.errors[0].path + " : " + loaded.errors[0].message;
        skipped += "\n• " + TF("autosave.skipped_item", snap.name.empty() ? "?" : snap.name.c_str(),
                               format_local_time(snap.saved_at_ms).c_str(), why.c_str());
        store_.set_aside(snap.file);
        continue;
      }
      s.doc.load(std::move(*loaded.project), snap.source);
      s.doc.unexported_base = !snap.exported;
      s.go(PanelId::Projet);
      s.status = TF("autosave.restored", s.doc.project().identity.name.c_str(), format_local_time(snap.saved_at_ms).c_str());
      // The restored state is what the working copy holds: nothing to save until it changes.
      saved_ = key_of(app);
      if (snap.file != "current.json") saved_.generation = 0;  // restored from a version: write it back as the working copy
      break;
    }
    if (!skipped.empty()) {
      s.message = std::string(T("autosave.skipped")) + skipped + "\n\n" + T("autosave.skipped_hint");
      if (s.doc.open) s.message += "\n\n" + TF("autosave.skipped_restored", s.doc.project().identity.name.c_str());
      index_ = store_.read_index();
    }
  }
  update_last_project(app);
}

void FileActions::reopen_last(App& app) {
  std::optional<Snapshot> last;  // a copy: restoring rewrites index_
  if (index_.current && index_.current->file == last_project_file_) last = index_.current;
  for (const Snapshot& snap : index_.versions)
    if (snap.file == last_project_file_) last = snap;
  if (last) restore(app, *last);
}

// ---- Every frame ------------------------------------------------------------------------------------

void FileActions::after_frame(App& app) {
  UiState& s = app.state();
  if (restore_request_) {
    const Snapshot snap = *restore_request_;
    restore_request_.reset();
    restore(app, snap);
  }
  for (const platform::IncomingFile& f : platform::take_files()) {
    if (!f.error.empty()) s.message = f.error;
    else receive_file(app, f.text, f.name);
  }
  const bool unsaved = s.doc.unsaved();
  if (unsaved != leave_guard_) platform::set_unsaved_changes(leave_guard_ = unsaved);
  // Messages (a refused file, a storage problem) and the status line, for screen readers.
  const std::string& said = !s.message.empty() ? s.message : s.status;
  if (said != announced_) platform::announce(announced_ = said);
  if (saving_) continue_save(app, slice_ms);  // a piece of a save under way (with a frame anyway: input)
  schedule_autosave(app);
  check_storage(app);
  update_last_project(app);  // the welcome screen's "Reprendre": follows the open project at once
}

void FileActions::schedule_autosave(App& app) {
  if (!store_.enabled() || !app.state().doc.open) return;
  if (saving_) return;  // one save at a time: the state after it is scheduled once it is written
  const SaveKey key = key_of(app);
  if (key == saved_) {
    pending_since_ = -1;
    return;
  }
  if (scheduled_valid_ && key == scheduled_) return;  // already waiting for this state
  const double now = steady_seconds();
  if (pending_since_ < 0) pending_since_ = now;
  double delay = now - pending_since_ >= kMaxWaitSeconds ? 0 : kDebounceSeconds;
  if (now < retry_at_) delay = retry_at_ - now;  // the last write failed: do not hammer a full disk
  scheduled_ = key;
  scheduled_valid_ = true;
  App* a = &app;
  platform::run_when_idle(delay, [this, a](bool closing) { autosave_now(*a, closing); });
}

void FileActions::autosave_now(App& app, bool closing) {
  scheduled_valid_ = false;
  if (closing) {
    // The page is going: what is under way, then the newest state, at once.
    if (saving_) continue_save(app, 1e9);
    if (store_.enabled() && app.state().doc.open && key_of(app) != saved_) {
      start_save(app);
      if (saving_) continue_save(app, 1e9);
    }
    return;
  }
  if (saving_) return;  // the save under way goes on in after_frame
  const auto t0 = std::chrono::steady_clock::now();  // this piece includes the snapshot
  start_save(app);
  if (saving_) continue_save(app, slice_ms, t0);  // a small project is written here, in one piece
}

void FileActions::start_save(App& app) {
  const Document& d = app.state().doc;
  if (!store_.enabled() || !d.open) return;
  const SaveKey key = key_of(app);
  if (key == saved_) return;
  static long started = 0;
  platform::publish_stat("autosave_started", static_cast<double>(++started));  // when (bench: the stall's window)
  auto s = std::make_unique<Saving>();
  const auto t0 = std::chrono::steady_clock::now();
  s->live = dropped_in_a_row_ < kDropsBeforeCopy;
  // Live: a pointer to the open project that owns nothing (the Document owns it; the key check in
  // continue_save stops the save before the project changes under it). Else a copy.
  std::shared_ptr<const Project> project = s->live ? std::shared_ptr<const Project>(std::shared_ptr<const Project>(), &d.project())
                                                   : std::make_shared<const Project>(d.project());
  s->writer = std::make_unique<SlicedProjectWriter>(std::move(project), last_bytes_ + last_bytes_ / 8);
  s->snapshot_ms = ms_since(t0);
  s->key = key;
  s->meta.name = d.project().identity.name;
  s->meta.source = d.file_name;
  s->meta.saved_at_ms = wall_ms();  // the state of this moment
  s->meta.exported = key.exported;
  saving_ = std::move(s);
  // Should the page close before the last slice, this finishes the save at once (closing = true);
  // never run otherwise: after_frame carries the save on and cancels it when done.
  App* a = &app;
  platform::run_when_idle(3600, [this, a](bool closing) { autosave_now(*a, closing); });
}

void FileActions::continue_save(App& app, double budget_ms, std::chrono::steady_clock::time_point t0) {
  if (saving_->live && key_of(app) != saving_->key) {
    // The open project changed since this live save started (edit, undo, redo, another project):
    // dropped without touching the project; the state after the change is scheduled as usual.
    saving_.reset();
    platform::run_when_idle(0, {});
    platform::run_soon({});
    ++dropped_in_a_row_;
    static long dropped = 0;
    platform::publish_stat("autosave_dropped", static_cast<double>(++dropped));
    return;
  }
  Saving& s = *saving_;
  ++s.frames;
  // One phase after the other while this piece is still short: a small project is saved in one
  // piece; a large one takes its slices, then validation, then the write, each in a later frame.
  const auto next_fits = [&] { return ms_since(t0) < budget_ms / 4; };
  bool more = true;
  while (more) {
    switch (s.phase) {
      case Saving::Phase::Serialise: {
        const auto ts = std::chrono::steady_clock::now();
        const bool done = s.writer->step(budget_ms - ms_since(t0));  // at least one element
        s.serialize_ms += ms_since(ts);
        if (done) s.phase = Saving::Phase::Validate;
        more = done && next_fits();
        break;
      }
      case Saving::Phase::Validate: {
        // The snapshot, as it will be written, checked with the loader's rules (issue #13, item 6),
        // in slices too (validate_project's errors, io/project_sliced_validator.hpp).
        const auto tv = std::chrono::steady_clock::now();
        if (!s.validator) s.validator = std::make_unique<SlicedProjectValidator>(s.writer->snapshot());
        const bool checked = s.validator->step(budget_ms - ms_since(t0));
        s.validate_ms += ms_since(tv);
        if (!checked) {
          more = false;
          break;
        }
        const bool fit = fit_to_write(app, s.validator->errors(), s.writer->text(), s.meta, "autosave.invalid");
        if (!fit) {
          saved_ = s.key;  // this state is aside; the next edit tries again
          pending_since_ = -1;
          saving_.reset();
          platform::run_when_idle(0, {});
          platform::run_soon({});
          return;
        }
        s.phase = Saving::Phase::Write;
        more = next_fits();
        break;
      }
      case Saving::Phase::Write:
        s.longest_ms = std::max(s.longest_ms, ms_since(t0));  // finish_save publishes it
        finish_save(app, t0);
        return;
    }
  }
  s.longest_ms = std::max(s.longest_ms, ms_since(t0));
  // The next piece in a task of its own, between frames, without drawing one (run_soon.hpp): a
  // frame per piece was what froze the page in Chromium (issue #18, item 5). A frame that comes
  // anyway (input) carries the save on too (after_frame).
  App* a = &app;
  platform::run_soon([this, a] {
    if (!saving_) return;
    continue_save(*a, slice_ms);
    if (!saving_) schedule_autosave(*a);  // dropped or written: the newest state, if it changed
  });
}

void FileActions::finish_save(App& app, std::chrono::steady_clock::time_point piece_start) {
  // Freed in a task of its own (the writer's 4.4 MiB text, the validator's units): on the web not
  // in this one, which already holds the write; natively (run_soon drops the task) right away.
  std::shared_ptr<Saving> done = std::move(saving_);
  Saving& s = *done;
  platform::run_when_idle(0, {});  // nothing left to finish on close
  platform::run_soon([done] {});
  const std::string& text = s.writer->text();
  const std::int64_t now = s.meta.saved_at_ms;
  // A version keeps the previous working copy when another project replaces it, or now and then.
  const bool other_document = s.key.generation != saved_.generation;
  const std::int64_t newest = !index_.versions.empty() ? index_.versions.front().saved_at_ms
                              : index_.current                ? index_.current->saved_at_ms
                                                              : now;
  const bool keep_previous = index_.current && (other_document || now - newest >= kVersionEveryMs);
  const auto t1 = std::chrono::steady_clock::now();
  const std::string error = store_.save(text, s.meta, keep_previous);
  const double write_ms = ms_since(t1);
  index_ = store_.read_index();
  if (!error.empty()) {
    retry_at_ = steady_seconds() + kRetrySeconds;
    warn(app, TF("autosave.failed", error.c_str()));
    return;
  }
  retry_at_ = 0;
  bad_put_aside_ = false;
  dropped_in_a_row_ = 0;
  saved_ = s.key;
  saved_at_ms_ = now;
  last_bytes_ = text.size();
  pending_since_ = -1;  // edits made during the save: the next save waits for their pause
  platform::storage_flush();
  update_last_project(app);
  s.longest_ms = std::max(s.longest_ms, ms_since(piece_start));
  last_save_ = {s.snapshot_ms, s.serialize_ms, s.validate_ms, write_ms, s.longest_ms, s.frames, text.size()};
  platform::publish_stat("autosave_snapshot_ms", s.snapshot_ms);
  platform::publish_stat("autosave_serialize_ms", s.serialize_ms);
  platform::publish_stat("autosave_validate_ms", s.validate_ms);
  platform::publish_stat("autosave_write_ms", write_ms);
  platform::publish_stat("autosave_pieces", s.frames);
  platform::publish_stat("autosave_longest_piece_ms", s.longest_ms);  // the save's own longest main-thread stretch
  platform::publish_stat("autosave_bytes", static_cast<double>(text.size()));
  static long count = 0;
  platform::publish_stat("autosave_count", static_cast<double>(++count));
  // The menu bar shows the new time: natively now; on the web once IndexedDB has the copy (until
  // then it says « saving », and platform_web draws a frame when the flush is acknowledged). A
  // frame drawn meanwhile cost 70–90 ms of main-thread time in Chromium with a software GL.
  if (!platform::storage_state().busy) platform::request_frame();
}

void FileActions::before_replace(App& app) {
  if (app.state().doc.open && (saving_ || key_of(app) != saved_)) autosave_now(app, true);
}

void FileActions::check_storage(App& app) {
  const platform::StorageState st = platform::storage_state();
  if (st.flushes == flushes_seen_) return;
  flushes_seen_ = st.flushes;
  if (!st.ok) warn(app, TF("autosave.failed", st.error.c_str()));
  else if (st.available && !warning_.empty()) warning_.clear();  // storage works again
}

void FileActions::warn(App& app, const std::string& warning) {
  const bool is_new = warning_ != warning;
  warning_ = warning;
  // Once per session as a modal (nothing is lost silently), then in the menu bar until it works.
  if (is_new && !warned_) {
    warned_ = true;
    UiState& s = app.state();
    s.message = warning + "\n\n" + T("autosave.advice");
  }
  app.state().status = warning;
  platform::request_frame();
}

void FileActions::update_last_project(App& app) {
  UiState& s = app.state();
  s.has_last_project = false;
  last_project_file_.clear();
  const std::string open_name = s.doc.open ? s.doc.project().identity.name : "\x01";
  auto consider = [&](const Snapshot& snap) {
    if (s.has_last_project || snap.name == open_name || snap.name.empty()) return;
    s.has_last_project = true;
    s.last_project_name = snap.name;
    last_project_file_ = snap.file;
  };
  if (index_.current) consider(*index_.current);
  for (const Snapshot& snap : index_.versions) consider(snap);
}

// ---- Files ------------------------------------------------------------------------------------------

void FileActions::export_project(App& app) {
  UiState& s = app.state();
  if (!s.doc.open) {
    s.status = T("status.nothing_open");
    return;
  }
  const std::string name = export_file_name(s.doc.file_name, s.doc.project().identity.name);
  const std::string text = save_project(s.doc.project());
  Snapshot meta;
  meta.name = s.doc.project().identity.name;
  meta.source = name;
  meta.saved_at_ms = wall_ms();
  if (!fit_to_write(app, s.doc.project(), text, meta, "status.export_invalid")) return;  // the last exported file stays as it was
  if (!platform::download(name, "application/json", text)) {  // nothing written: still unsaved
    s.status = TF("status.download_failed", name.c_str());
    return;
  }
  s.status = TF("status.saved", name.c_str());
  s.doc.mark_exported();
  s.doc.file_name = name;
}

// Issue #13, item 6: autosave and export never write a project the planner would refuse to open.
// validate_project() applies the loader's own rules to the project in memory (one description of
// the format, model/schema.hpp; the random-edit test checks that what it accepts saves and loads
// back byte-identical): about 2 ms for the stress project, where parsing the text again cost a
// second serialisation's worth of main-thread time (~200 ms natively) on every autosave.
bool FileActions::fit_to_write(App& app, const Project& p, const std::string& text, const Snapshot& meta,
                               const char* message_key) {
  return fit_to_write(app, validate_project(p), text, meta, message_key);
}

bool FileActions::fit_to_write(App& app, const std::vector<JsonError>& errors, const std::string& text, const Snapshot& meta,
                               const char* message_key) {
  if (errors.empty()) return true;
  UiState& s = app.state();
  const std::string why = errors[0].path + " : " + errors[0].message;
  if (!bad_put_aside_ && store_.enabled()) {
    store_.put_aside(text, meta);  // once until the next good save: storage is not filled with bad copies
    index_ = store_.read_index();
    bad_put_aside_ = true;
  }
  s.status = TF(message_key, why.c_str());
  platform::request_frame();
  return false;
}

// ---- Repair of a refused file ------------------------------------------------------------------

bool FileActions::offer_repair(App& app, const std::string& text, const std::string& name, const std::vector<JsonError>& errors) {
  RepairResult r = repair_project_text(text);
  if (!r.ok() || r.changes.empty()) return false;
  repair_ = PendingRepair{name, std::move(r.text), std::move(r.changes), errors, false};
  repair_requested_ = true;
  app.state().status = T("status.import_failed");
  platform::request_frame();
  return true;
}

bool FileActions::apply_repair(App& app) {
  if (!repair_) return false;
  PendingRepair r = std::move(*repair_);
  repair_.reset();
  // Another name, so that an export (Ctrl+S) never writes over the original file.
  const std::string name = export_file_name(r.name, r.name, "") + "-repare.json";
  if (!app.open_text(r.text, name)) return false;
  app.state().status = TN("repair.applied", static_cast<long long>(r.changes.size()), static_cast<int>(r.changes.size()), r.name.c_str());
  return true;
}

void FileActions::cancel_repair(App& app) {
  repair_.reset();
  app.state().status = T("status.import_failed");
}

void FileActions::export_csv(App& app, const std::string& which) {
  UiState& s = app.state();
  if (!s.doc.open) {
    s.status = T("status.nothing_open");
    return;
  }
  const Project& p = s.doc.project();
  const FundingResult& r = s.doc.derived.selected;  // the project's scenario, as the Financement panel and `cpts-cli export`
  const bool schedule = which == "echeancier";
  const std::string csv = schedule ? schedule_csv(r, *r.catalogue) : indicators_csv(p, r);
  const std::string name = export_file_name(s.doc.file_name, p.identity.name, schedule ? "-echeancier.csv" : "-indicateurs.csv");
  s.status = TF(platform::download(name, "text/csv;charset=utf-8", csv) ? "status.exported_csv" : "status.download_failed", name.c_str());
}

void FileActions::export_xlsx(App& app) {
  UiState& s = app.state();
  if (!s.doc.open) {
    s.status = T("status.nothing_open");
    return;
  }
  const Project& p = s.doc.project();
  const std::time_t t = std::time(nullptr);
  std::tm tm{};
  localtime_r(&t, &tm);
  // Written by the tools module (tool_runner.hpp: a worker on the web, in-process natively) from
  // the project as saved, in the project's scenario: the same simulation as the CSV exports and
  // `cpts-cli export --xlsx`.
  tools::Job job;
  job.kind = tools::JobKind::Workbook;
  job.input = save_project(p);
  job.date = Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
  const std::string name = export_file_name(s.doc.file_name, p.identity.name, "-classeur.xlsx");
  s.status = TF("status.tool_running", name.c_str());
  run_tool_job(std::move(job), [&s, name](tools::JobResult wb) {
    if (!wb.ok) {
      s.status = TF("status.export_xlsx_failed", wb.error.c_str());
      return;
    }
    s.status = TF(platform::download(name, kXlsxMime, wb.bytes) ? "status.exported_xlsx" : "status.download_failed", name.c_str());
  });
}

void FileActions::copy_table(App& app, const std::string& which) {
  UiState& s = app.state();
  if (!s.doc.open) {
    s.status = T("status.nothing_open");
    return;
  }
  const FundingResult& r = s.doc.derived.selected;
  const bool schedule = which == "echeancier";
  const auto rows = parse_csv(schedule ? schedule_csv(r, *r.catalogue) : indicators_csv(s.doc.project(), r));
  ImGui::SetClipboardText(to_tsv(rows).c_str());
  const int data_rows = rows.empty() ? 0 : static_cast<int>(rows.size()) - 1;
  s.status = TF(schedule ? "status.copied_schedule" : "status.copied_indicators", data_rows);
}

void FileActions::open_request(App& app) {
  if (platform::has_file_picker()) {
    platform::pick_file();
    app.state().status = T("status.picking");
  } else {
    path_requested_ = true;
    path_error_.clear();
  }
}

void FileActions::import_table_request(App& app) {
  table_requested_ = true;
  open_request(app);
}

namespace {
bool has_suffix(const std::string& name, const char* suffix) {
  const std::size_t n = std::char_traits<char>::length(suffix);
  if (name.size() < n) return false;
  for (std::size_t i = 0; i < n; ++i)
    if (std::tolower(static_cast<unsigned char>(name[name.size() - n + i])) != suffix[i]) return false;
  return true;
}
}  // namespace

bool FileActions::receive_file(App& app, const std::string& bytes, const std::string& name) {
  // A table (asked for with Fichier → Importer un tableau…, or a .csv/.tsv/.xlsx dropped or
  // picked): its preview, into the table of the panel on screen (the user can pick another).
  const bool table = table_requested_ || has_suffix(name, ".csv") || has_suffix(name, ".tsv") || has_suffix(name, ".xlsx") ||
                     has_suffix(name, ".txt");
  table_requested_ = false;
  if (table) {
    UiState& s = app.state();
    return start_table_import(s, table_of_panel(s.panel).value_or(tables::TableKind::Indicators), bytes, name);
  }
  return open_file(app, bytes, name);
}

bool FileActions::open_file(App& app, const std::string& text, const std::string& name) {
  // App::open_text calls before_replace() once the file is known to load: a refused file saves nothing.
  return app.open_text(text, name);
}

bool FileActions::restore(App& app, const Snapshot& snap) {
  UiState& s = app.state();
  std::optional<std::string> text = store_.read(snap.file);
  if (!text) {
    s.message = TF("autosave.gone", format_local_time(snap.saved_at_ms).c_str());
    return false;
  }
  if (!app.open_text(*text, snap.source.empty() ? export_file_name("", snap.name) : snap.source)) return false;
  s.doc.file_name = snap.source;
  s.doc.unexported_base = !snap.exported;
  s.status = TF("autosave.restored", s.doc.project().identity.name.c_str(), format_local_time(snap.saved_at_ms).c_str());
  return true;
}

// ---- Drawing ----------------------------------------------------------------------------------------

void FileActions::draw(App& app) {
  if (versions_requested_) {
    versions_requested_ = false;
    index_ = store_.read_index();
    ImGui::OpenPopup("###versions");
  }
  if (repair_requested_) {
    repair_requested_ = false;
    ImGui::OpenPopup("###repair");
  }
  draw_open_path_modal(app);
  draw_versions_dialog(app, *this);
  draw_repair_dialog(app, *this);
}

void FileActions::draw_menu_bar_status(App& app) {
  const Document& d = app.state().doc;
  std::string text;
  ImVec4 colour = palette().muted;
  if (!warning_.empty()) {
    text = T("autosave.menu_failed");
    colour = ImVec4(0.80f, 0.10f, 0.10f, 1.0f);
  } else if (!store_.enabled() || !d.open) {
    return;
  } else if (key_of(app) != saved_ || platform::storage_state().busy) {
    text = T("autosave.menu_saving");
  } else {
    text = TF("autosave.menu_saved", format_local_time(saved_at_ms_).substr(11).c_str());
  }
  const float w = ImGui::CalcTextSize(text.c_str()).x + ImGui::GetStyle().ItemSpacing.x * 2;
  const float x = ImGui::GetWindowContentRegionMax().x - w;
  if (x > ImGui::GetCursorPosX()) ImGui::SetCursorPosX(x);
  ImGui::TextColored(colour, "%s", text.c_str());
  mark_item(warning_.empty() ? "autosave.status" : "autosave.warning");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", warning_.empty() ? T("autosave.menu_tooltip") : warning_.c_str());
}

void FileActions::draw_open_path_modal(App& app) {
  const char* id = "###openpath";
  if (path_requested_) {
    path_requested_ = false;
    ImGui::OpenPopup(id);
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  std::string title = std::string(T("open.title")) + id;
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;
  if (!ImGui::IsWindowAppearing()) mark_window("modal.open");
  ImGui::TextUnformatted(T("open.help"));
  if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(em(32));
  const bool enter = ImGui::InputTextWithHint("##path", "/home/…/projet.json", &path_, ImGuiInputTextFlags_EnterReturnsTrue);
  mark_item("modal.open.path");
  if (!path_error_.empty()) ImGui::TextColored(ImVec4(0.80f, 0.10f, 0.10f, 1.0f), "%s", path_error_.c_str());
  bool open = ImGui::Button(T("open.open"), ImVec2(em(7), 0)) || enter;
  mark_item("modal.open.ok");
  ImGui::SameLine();
  if (ImGui::Button(T("open.cancel"), ImVec2(em(7), 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) ImGui::CloseCurrentPopup();
  if (open && !path_.empty()) {
    if (std::optional<std::string> text = read_file(path_)) {
      ImGui::CloseCurrentPopup();
      receive_file(app, *text, base_name(path_));
    } else {
      path_error_ = TF("open.unreadable", path_.c_str());
    }
  }
  ImGui::EndPopup();
}

}  // namespace cpts::ui
