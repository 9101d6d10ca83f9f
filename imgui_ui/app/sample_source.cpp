#include "sample_source.hpp"

#include <utility>

#include "io/samples.hpp"
#include "platform.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
extern "C" void cpts_fetch_sample(const char* url);  // web/bridge.js
#endif

namespace cpts::ui::samples {

namespace {

struct Source {
  std::string loading;               // id in flight (web)
  std::optional<Arrived> arrived;
  std::chrono::steady_clock::time_point requested;
};

Source& src() {
  static Source s;
  return s;
}

}  // namespace

void request(const std::string& id) {
  Source& s = src();
  s.requested = std::chrono::steady_clock::now();
#ifdef __EMSCRIPTEN__
  const std::string file = sample_file(id);
  if (file.empty()) {
    s.arrived = Arrived{id, "", "?", s.requested};
    return;
  }
  const bool in_flight = !s.loading.empty();
  s.loading = id;
  if (!in_flight) cpts_fetch_sample(file.c_str());
#else
  std::string text = sample_text(id);
  s.arrived = Arrived{id, text, text.empty() ? "data/" + sample_file(id) : "", s.requested};
#endif
}

std::optional<Arrived> take() { return std::exchange(src().arrived, std::nullopt); }
const std::string& loading() { return src().loading; }

}  // namespace cpts::ui::samples

#ifdef __EMSCRIPTEN__
// Called by web/bridge.js when the fetch of samples/<id>.json ends (error: the reason, "" on
// success). When the user asked for another sample meanwhile, that one is fetched now.
extern "C" EMSCRIPTEN_KEEPALIVE void cpts_sample_received(const char* url, const char* data, int len, const char* error) {
  using namespace cpts;
  using namespace cpts::ui::samples;
  Source& s = src();
  const std::string wanted = sample_file(s.loading);
  if (wanted != url) {  // another sample was clicked while this one was on its way
    if (!wanted.empty()) cpts_fetch_sample(wanted.c_str());
    return;
  }
  s.arrived = Arrived{s.loading, std::string(data ? data : "", data ? static_cast<std::size_t>(len) : 0), error ? error : "", s.requested};
  s.loading.clear();
  cpts::ui::platform::request_frame();
}
#endif
