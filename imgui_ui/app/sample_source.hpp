// Where the UI gets a sample project's text (issue #18 item 4, #15). The samples are not embedded
// in the web page (src/io/samples.hpp): natively the core reads them from the build's data folder
// at once; on the web samples/<id>.json (next to index.html) is fetched when the user opens one —
// the browser's cache and the service worker keep it — and the App opens it when it arrives (the
// next frame). If it cannot be fetched, the App says so (French or English) and changes nothing.
#pragma once
#include <chrono>
#include <optional>
#include <string>

namespace cpts::ui::samples {

struct Arrived {
  std::string id;
  std::string text;   // the project file, "" when it could not be had
  std::string error;  // the reason in a few words ("HTTP 404", "Failed to fetch"...), "" on success
  std::chrono::steady_clock::time_point requested;  // for the first-use delay (benchmark)
};

// Asks for sample `id` (a known id: sample_ids()). Natively it arrives at once; on the web a
// second request while one is in flight replaces the wish (the last sample clicked is opened).
void request(const std::string& id);
std::optional<Arrived> take();      // the sample that arrived since the last call
const std::string& loading();       // the id being fetched, "" when none

}  // namespace cpts::ui::samples
