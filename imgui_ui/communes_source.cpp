#include "communes_source.hpp"

#include <chrono>
#include <memory>

#include "platform.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
extern "C" void cpts_fetch_communes(const char* url);  // web/bridge.js
#endif

namespace cpts::ui::communes {

namespace {

struct Source {
  Status status = Status::NotRequested;
  std::unique_ptr<CommuneIndex> index;
  std::string error;
  double prepare_ms = 0;
};

Source& src() {
  static Source s;
  return s;
}

}  // namespace

void load_bytes(const std::string& bytes, const std::string& fetch_error) {
  Source& s = src();
  if (!fetch_error.empty()) {
    s.status = Status::Failed;
    s.error = fetch_error;
    return;
  }
  auto t0 = std::chrono::steady_clock::now();
  std::string why;
  auto table = load_communes_table(bytes, why);
  if (!table) {
    s.status = Status::Failed;
    s.error = "Liste des communes illisible (" + why + ").";
    return;
  }
  s.index = std::make_unique<CommuneIndex>(std::move(*table));
  s.prepare_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  s.status = Status::Ready;
  s.error.clear();
}

void request() {
  Source& s = src();
  if (s.status != Status::NotRequested) return;
#ifdef __EMSCRIPTEN__
  s.status = Status::Loading;
  cpts_fetch_communes("communes.tsv");
#else
  std::string why;
  auto table = read_communes_table_file(CPTS_COMMUNES_TABLE, why);
  if (!table) {
    s.status = Status::Failed;
    s.error = "Liste des communes indisponible : " + why + ".";
    return;
  }
  auto t0 = std::chrono::steady_clock::now();
  s.index = std::make_unique<CommuneIndex>(std::move(*table));
  s.prepare_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  s.status = Status::Ready;
#endif
}

Status status() { return src().status; }
const CommuneIndex* index() { return src().status == Status::Ready ? src().index.get() : nullptr; }
const std::string& error() { return src().error; }
double prepare_ms() { return src().prepare_ms; }
void reset() { src() = Source{}; }

}  // namespace cpts::ui::communes

#ifdef __EMSCRIPTEN__
// Called by web/bridge.js when the fetch of communes.tsv ends (error: French, "" on success).
extern "C" EMSCRIPTEN_KEEPALIVE void cpts_communes_received(const char* data, int len, const char* error) {
  const double t0 = emscripten_get_now();
  cpts::ui::communes::load_bytes(std::string(data ? data : "", data ? static_cast<std::size_t>(len) : 0), error ? error : "");
  cpts::ui::platform::publish_stat("communes_prepare_ms", emscripten_get_now() - t0);
  cpts::ui::platform::request_frame();
}
#endif
