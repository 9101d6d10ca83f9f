#include "fake_platform.hpp"

#include "run_soon.hpp"

#include <functional>
#include <utility>

namespace cpts::ui::platform {

namespace {
struct Fake {
  std::string dir;
  bool picker = true;
  bool downloads_fail = false;
  std::vector<fake::Download> downloads;
  std::vector<IncomingFile> files;
  int picks = 0, frame_requests = 0;
  bool unsaved = false;
  IdleTask idle_task;
  double idle_delay = 0;
  StorageState storage;
  std::string announced;
};
Fake& f() {
  static Fake x;
  return x;
}
}  // namespace

bool download(const std::string& name, const std::string& mime, const std::string& bytes) {
  if (f().downloads_fail) return false;  // a full disk, a read-only folder
  f().downloads.push_back({name, mime, bytes});
  return true;
}
bool has_file_picker() { return f().picker; }
void pick_file() { ++f().picks; }
std::vector<IncomingFile> take_files() { return std::exchange(f().files, {}); }
std::string storage_dir() { return f().dir; }
void storage_flush() { ++f().storage.flushes; }
StorageState storage_state() { return f().storage; }
void run_when_idle(double delay_s, IdleTask task) {
  f().idle_task = std::move(task);
  f().idle_delay = delay_s;
}
void set_unsaved_changes(bool unsaved) { f().unsaved = unsaved; }
void publish_stat(const char*, double) {}
void announce(const std::string& text) { f().announced = text; }
void request_frame() { ++f().frame_requests; }
// As natively: the next frame carries the work on (UiDriver::frame → FileActions::after_frame).
void run_soon(std::function<void()> task) {
  if (task) request_frame();
}

namespace fake {
void reset() { f() = Fake{}; }
void set_storage_dir(const std::string& dir) { f().dir = dir; }
void set_file_picker(bool available) { f().picker = available; }
void set_downloads_fail(bool fail) { f().downloads_fail = fail; }
void set_storage_broken(const std::string& why) {
  f().storage.available = false;
  f().storage.error = why;
}
std::vector<Download>& downloads() { return f().downloads; }
void hand_over(IncomingFile file) { f().files.push_back(std::move(file)); }
int picks() { return f().picks; }
bool unsaved_flag() { return f().unsaved; }
bool has_idle_task() { return static_cast<bool>(f().idle_task); }
double idle_delay() { return f().idle_delay; }
bool run_idle_task(bool closing) {
  IdleTask task = std::exchange(f().idle_task, {});
  if (!task) return false;
  task(closing);
  return true;
}
int frame_requests() { return f().frame_requests; }
const std::string& announced() { return f().announced; }
}  // namespace fake

}  // namespace cpts::ui::platform
