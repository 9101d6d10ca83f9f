// The autosave store: the working copy of the open project and a few recent versions, in one
// folder that survives the session (platform::storage_dir(): IndexedDB through IDBFS on the web,
// ~/.local/share/cpts-planner natively). Plain files, so the same code runs and is tested natively:
//
//   <dir>/current.json        the working copy (project file text, as save_project writes it)
//   <dir>/versions/<ms>.json  earlier working copies, named by when they were saved (ms since 1970)
//   <dir>/index.json          what each file is (project name, time, size, exported or not)
//
// Good data is never overwritten by bad: every file is written to "<name>.tmp" and renamed over
// the old one (rename is atomic on POSIX file systems and in Emscripten's MEMFS, and IDBFS copies
// the result to IndexedDB in one transaction). A version is made by *renaming* the previous working
// copy, so it costs no copy. A damaged or missing index is rebuilt from the folder's files.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace cpts::ui {

struct Snapshot {
  std::string file;          // relative to the store's folder: "current.json", "versions/1700000000000.json"
  std::string name;          // the project's name when it was saved ("" if unknown)
  std::string source;        // the file name the project had (for the next export): "cpts-21-52.json"
  std::int64_t saved_at_ms = 0;  // wall clock, ms since 1970
  std::uint64_t bytes = 0;
  bool exported = false;     // the user had exported exactly this state
};

struct AutosaveIndex {
  std::optional<Snapshot> current;
  std::vector<Snapshot> versions;  // newest first
  // Copies set aside: saves that could not be read back at start-up, and projects that failed
  // validation when they were about to be saved (files "*.bad"). Never deleted by the store but
  // past kKeepVersions; listed in Fichier → Versions (« écartée ») and opened through the repair.
  std::vector<Snapshot> set_aside;  // newest first
};

class AutosaveStore {
 public:
  static constexpr int kKeepVersions = 20;

  explicit AutosaveStore(std::string dir = "", int keep = kKeepVersions);
  bool enabled() const { return !dir_.empty(); }
  const std::string& dir() const { return dir_; }

  // What the folder holds. Reads index.json; if it is missing or damaged, lists the files instead
  // (names unknown). Entries whose file is gone are dropped.
  AutosaveIndex read_index() const;

  // Writes `text` as the new working copy described by `meta` (file and bytes are filled in).
  // With `keep_previous`, the previous working copy first becomes a version (oldest versions
  // beyond `keep` are deleted). Returns "" on success, else a French reason; on failure the
  // previous working copy and the versions are untouched.
  std::string save(const std::string& text, Snapshot meta, bool keep_previous);

  std::optional<std::string> read(const std::string& file) const;  // a snapshot's text

  // Removes a snapshot that cannot be loaded from the index (its file stays, renamed *.bad, for
  // a person to look at, and is listed in `set_aside`). Returns "" or a French reason.
  std::string set_aside(const std::string& file);
  // Writes `text` aside ("versions/<ms>.json.bad"), never over the working copy: a project that
  // fails validation is kept for a person to repair while the last good copy stays.
  std::string put_aside(const std::string& text, Snapshot meta);

 private:
  std::string write_index(const AutosaveIndex& index) const;
  std::string free_bad_name(const std::string& file) const;
  void trim_set_aside(AutosaveIndex& index) const;
  std::string path(const std::string& file) const { return dir_ + "/" + file; }

  std::string dir_;
  int keep_;
};

// Writes `text` to `path` through "<path>.tmp" + rename. Returns "" or a French reason.
std::string write_file_atomically(const std::string& path, const std::string& text);
// A whole file's bytes, or nothing when it cannot be read.
std::optional<std::string> read_file(const std::string& path);
// mkdir -p; true if the folder exists afterwards.
bool make_dirs(const std::string& path);

}  // namespace cpts::ui
