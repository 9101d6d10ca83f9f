#include "autosave.hpp"

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "io/json_reader.hpp"

namespace cpts::ui {

namespace {

constexpr const char* kIndexFormat = "cpts-planner/autosave";

bool exists(const std::string& p) {
  struct stat st{};
  return ::stat(p.c_str(), &st) == 0;
}

std::uint64_t file_size(const std::string& p) {
  struct stat st{};
  return ::stat(p.c_str(), &st) == 0 ? static_cast<std::uint64_t>(st.st_size) : 0;
}

std::string os_error(const char* what, const std::string& p) {
  return std::string(what) + " «\u00a0" + p + "\u00a0»\u00a0: " + std::strerror(errno);
}

OrderedJson to_json(const Snapshot& s) {
  OrderedJson j;
  j["file"] = s.file;
  j["name"] = s.name;
  j["source"] = s.source;
  j["saved_at_ms"] = s.saved_at_ms;
  j["bytes"] = s.bytes;
  j["exported"] = s.exported;
  return j;
}

std::optional<Snapshot> from_json(const Json& j) {
  if (!j.is_object() || !j.contains("file") || !j["file"].is_string()) return std::nullopt;
  Snapshot s;
  s.file = j["file"].get<std::string>();
  // Only our own names: never let a damaged index point outside the folder.
  if (s.file.find("..") != std::string::npos || s.file.empty() || s.file[0] == '/') return std::nullopt;
  if (j.contains("name") && j["name"].is_string()) s.name = j["name"].get<std::string>();
  if (j.contains("source") && j["source"].is_string()) s.source = j["source"].get<std::string>();
  if (j.contains("saved_at_ms") && j["saved_at_ms"].is_number_integer()) s.saved_at_ms = j["saved_at_ms"].get<std::int64_t>();
  if (j.contains("bytes") && j["bytes"].is_number_unsigned()) s.bytes = j["bytes"].get<std::uint64_t>();
  if (j.contains("exported") && j["exported"].is_boolean()) s.exported = j["exported"].get<bool>();
  return s;
}

// versions/<ms>.json (or <ms>-<n>.json) → ms; 0 if the name is not one of ours.
std::int64_t time_from_name(const std::string& name) {
  if (name.size() < 6 || name.compare(name.size() - 5, 5, ".json") != 0) return 0;
  char* end = nullptr;
  long long ms = std::strtoll(name.c_str(), &end, 10);
  return end && (*end == '.' || *end == '-') && ms > 0 ? ms : 0;
}

bool is_set_aside_name(const std::string& name) {
  return name.size() > 4 && name.compare(name.size() - 4, 4, ".bad") == 0 && name.find(".json") != std::string::npos;
}

std::int64_t mtime_ms(const std::string& p) {
  struct stat st{};
  return ::stat(p.c_str(), &st) == 0 ? static_cast<std::int64_t>(st.st_mtime) * 1000 : 0;
}

}  // namespace

bool make_dirs(const std::string& path) {
  if (path.empty()) return false;
  std::string cur;
  for (std::size_t i = 0; i <= path.size(); ++i) {
    if (i == path.size() || (path[i] == '/' && i > 0)) {
      cur = path.substr(0, i);
      if (!exists(cur) && ::mkdir(cur.c_str(), 0755) != 0 && errno != EEXIST) return false;
    }
  }
  return exists(path);
}

std::string write_file_atomically(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (!f) return os_error("impossible de créer", tmp);
  bool ok = std::fwrite(text.data(), 1, text.size(), f) == text.size();
  ok = std::fflush(f) == 0 && ok;
  ok = std::fclose(f) == 0 && ok;
  if (!ok) {
    std::string why = os_error("écriture incomplète de", tmp);  // disk full: the old file is untouched
    std::remove(tmp.c_str());
    return why;
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::string why = os_error("impossible de remplacer", path);
    std::remove(tmp.c_str());
    return why;
  }
  return "";
}

AutosaveStore::AutosaveStore(std::string dir, int keep) : dir_(std::move(dir)), keep_(keep < 1 ? 1 : keep) {
  if (!dir_.empty() && !make_dirs(dir_ + "/versions")) dir_.clear();
}

AutosaveIndex AutosaveStore::read_index() const {
  AutosaveIndex index;
  if (!enabled()) return index;
  bool from_index = false;
  if (std::optional<std::string> text = read("index.json")) {
    JsonError err;
    std::optional<Json> j = parse_json_limited(*text, err);
    if (j && j->is_object() && j->value("format", "") == kIndexFormat) {
      from_index = true;
      if (j->contains("current"))
        if (auto s = from_json((*j)["current"])) index.current = *s;
      if (j->contains("versions") && (*j)["versions"].is_array())
        for (const Json& v : (*j)["versions"])
          if (auto s = from_json(v)) index.versions.push_back(*s);
      if (j->contains("set_aside") && (*j)["set_aside"].is_array())
        for (const Json& v : (*j)["set_aside"])
          if (auto s = from_json(v)) index.set_aside.push_back(*s);
    }
  }
  if (!from_index) {
    // Rebuild from the files: the names of the projects are unknown, their times are in the names.
    if (exists(path("current.json"))) {
      struct stat st{};
      ::stat(path("current.json").c_str(), &st);
      index.current = Snapshot{"current.json", "", "", static_cast<std::int64_t>(st.st_mtime) * 1000, 0, false};
    }
    if (DIR* d = ::opendir(path("versions").c_str())) {
      while (dirent* e = ::readdir(d)) {
        std::string name = e->d_name;
        if (std::int64_t ms = time_from_name(name)) index.versions.push_back(Snapshot{"versions/" + name, "", "", ms, 0, false});
        else if (is_set_aside_name(name)) index.set_aside.push_back(Snapshot{"versions/" + name, "", "", mtime_ms(path("versions/" + name)), 0, false});
      }
      ::closedir(d);
    }
    if (DIR* d = ::opendir(dir_.c_str())) {
      while (dirent* e = ::readdir(d)) {
        std::string name = e->d_name;
        if (is_set_aside_name(name)) index.set_aside.push_back(Snapshot{name, "", "", mtime_ms(path(name)), 0, false});
      }
      ::closedir(d);
    }
  }
  // Only what is really there, newest first.
  if (index.current && !exists(path(index.current->file))) index.current.reset();
  for (std::vector<Snapshot>* list : {&index.versions, &index.set_aside}) {
    std::erase_if(*list, [&](const Snapshot& s) { return !exists(path(s.file)); });
    std::stable_sort(list->begin(), list->end(), [](const Snapshot& a, const Snapshot& b) { return a.saved_at_ms > b.saved_at_ms; });
    for (Snapshot& s : *list) s.bytes = file_size(path(s.file));
  }
  if (index.current) index.current->bytes = file_size(path(index.current->file));
  return index;
}

std::optional<std::string> read_file(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return std::nullopt;
  std::string text;
  char buf[65536];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) text.append(buf, n);
  const bool ok = !std::ferror(f);
  std::fclose(f);
  if (!ok) return std::nullopt;
  return text;
}

std::optional<std::string> AutosaveStore::read(const std::string& file) const {
  if (!enabled()) return std::nullopt;
  return read_file(path(file));
}

std::string AutosaveStore::write_index(const AutosaveIndex& index) const {
  OrderedJson j;
  j["format"] = kIndexFormat;
  j["current"] = index.current ? to_json(*index.current) : OrderedJson();
  j["versions"] = OrderedJson::array();
  for (const Snapshot& s : index.versions) j["versions"].push_back(to_json(s));
  j["set_aside"] = OrderedJson::array();
  for (const Snapshot& s : index.set_aside) j["set_aside"].push_back(to_json(s));
  return write_file_atomically(path("index.json"), dump_canonical(j));
}

std::string AutosaveStore::save(const std::string& text, Snapshot meta, bool keep_previous) {
  if (!enabled()) return "aucun dossier de sauvegarde";
  AutosaveIndex index = read_index();
  if (keep_previous && index.current) {
    // The previous working copy becomes a version by a rename (no copy); a later failure leaves it
    // there as a version, which loses nothing.
    Snapshot v = *index.current;
    std::string base = std::to_string(v.saved_at_ms > 0 ? v.saved_at_ms : meta.saved_at_ms - 1);
    v.file = "versions/" + base + ".json";
    for (int n = 1; exists(path(v.file)); ++n) v.file = "versions/" + base + "-" + std::to_string(n) + ".json";
    if (std::rename(path(index.current->file).c_str(), path(v.file).c_str()) != 0) return os_error("impossible de garder la version", v.file);
    index.versions.insert(index.versions.begin(), v);
    index.current.reset();
  }
  meta.file = "current.json";
  meta.bytes = text.size();
  if (std::string why = write_file_atomically(path(meta.file), text); !why.empty()) {
    write_index(index);  // the index keeps describing what is there
    return why;
  }
  index.current = meta;
  // Oldest versions beyond the limit go.
  while (static_cast<int>(index.versions.size()) > keep_) {
    std::remove(path(index.versions.back().file).c_str());
    index.versions.pop_back();
  }
  return write_index(index);
}

// "current.json.bad", or "current.json.2.bad" when an earlier one is still there: nothing set
// aside is ever overwritten.
std::string AutosaveStore::free_bad_name(const std::string& file) const {
  std::string bad = file + ".bad";
  for (int n = 2; exists(path(bad)); ++n) bad = file + "." + std::to_string(n) + ".bad";
  return bad;
}

void AutosaveStore::trim_set_aside(AutosaveIndex& index) const {
  std::stable_sort(index.set_aside.begin(), index.set_aside.end(),
                   [](const Snapshot& a, const Snapshot& b) { return a.saved_at_ms > b.saved_at_ms; });
  while (static_cast<int>(index.set_aside.size()) > keep_) {
    std::remove(path(index.set_aside.back().file).c_str());
    index.set_aside.pop_back();
  }
}

std::string AutosaveStore::set_aside(const std::string& file) {
  AutosaveIndex index = read_index();
  std::optional<Snapshot> meta;
  if (index.current && index.current->file == file) meta = index.current, index.current.reset();
  for (const Snapshot& s : index.versions)
    if (s.file == file) meta = s;
  std::erase_if(index.versions, [&](const Snapshot& s) { return s.file == file; });
  const std::string bad = free_bad_name(file);
  if (std::rename(path(file).c_str(), path(bad).c_str()) == 0) {
    Snapshot s = meta ? *meta : Snapshot{};
    s.file = bad;
    if (s.saved_at_ms == 0) s.saved_at_ms = mtime_ms(path(bad));
    s.exported = false;
    index.set_aside.insert(index.set_aside.begin(), s);
    trim_set_aside(index);
  }
  return write_index(index);
}

std::string AutosaveStore::put_aside(const std::string& text, Snapshot meta) {
  if (!enabled()) return "aucun dossier de sauvegarde";
  AutosaveIndex index = read_index();
  meta.file = free_bad_name("versions/" + std::to_string(meta.saved_at_ms) + ".json");
  meta.bytes = text.size();
  meta.exported = false;
  if (std::string why = write_file_atomically(path(meta.file), text); !why.empty()) return why;
  index.set_aside.insert(index.set_aside.begin(), meta);
  trim_set_aside(index);
  return write_index(index);
}

}  // namespace cpts::ui
