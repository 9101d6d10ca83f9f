// A stand-in for platform_native.cpp / platform_web.cpp in the headless UI tests: downloads,
// picked and dropped files, the autosave folder and the idle task are in the test's hands.
#pragma once
#include <string>
#include <vector>

#include "platform.hpp"

namespace cpts::ui::platform::fake {

struct Download {
  std::string name, mime, bytes;
};

void reset();                                  // no storage, nothing pending, nothing recorded
void set_storage_dir(const std::string& dir);  // "" = no storage
void set_file_picker(bool available);          // web-like picker (true) or the native path modal (false)
void set_downloads_fail(bool fail);            // download() writes nothing and returns false
void set_storage_broken(const std::string& why);  // storage_state(): unavailable, with this reason
std::vector<Download>& downloads();
void hand_over(IncomingFile f);                // as if picked or dropped
int picks();                                   // how many times the picker was opened
bool unsaved_flag();                           // last set_unsaved_changes()
bool has_idle_task();
double idle_delay();                           // seconds asked for by the pending idle task
bool run_idle_task(bool closing = false);     // runs it now (closing: as the page hides); false if none
int frame_requests();
const std::string& announced();                // last platform::announce()

}  // namespace cpts::ui::platform::fake
