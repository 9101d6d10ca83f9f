#include "communes_source.hpp"

#include <chrono>
#include <memory>

#include "i18n.hpp"
#include "platform.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
extern "C" void cpts_fetch_communes(const char* url);  // web/bridge.js
#endif

namespace cpts::ui::communes {

namespace {

// Why the table is missing, worded when shown (the language can change meanwhile).
enum class Failure { None, Fetch, Unreadable, Missing };

struct Source {
  Status status = Status::NotRequested;
  std::unique_ptr<CommuneIndex> index;
  Failure failure = Failure::None;
  std::string why;
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
    s.failure = Failure::Fetch;
    s.why = fetch_error;
    return;
  }
  auto t0 = std::chrono::steady_clock::now();
  std::string why;
  auto table = load_communes_table(bytes, why);
  if (!table) {
    s.status = Status::Failed;
    s.failure = Failure::Unreadable;
    s.why = why;
    return;
  }
  s.index = std::make_unique<CommuneIndex>(std::move(*table));
  s.prepare_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  s.status = Status::Ready;
  s.failure = Failure::None;
  s.why.clear();
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
    s.failure = Failure::Missing;
    s.why = why;
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
std::string error() {
  const Source& s = src();
  switch (s.failure) {
    case Failure::Fetch: return TF("communes.fetch_failed", s.why.c_str());
    case Failure::Unreadable: return TF("communes.unreadable", s.why.c_str());
    case Failure::Missing: return TF("communes.missing", s.why.c_str());
    case Failure::None: break;
  }
  return {};
}
double prepare_ms() { return src().prepare_ms; }
void reset() { src() = Source{}; }

}  // namespace cpts::ui::communes

#ifdef __EMSCRIPTEN__
// Called by web/bridge.js when the fetch of communes.tsv ends (error: the reason, "" on success).
extern "C" EMSCRIPTEN_KEEPALIVE void cpts_communes_received(const char* data, int len, const char* error) {
  const double t0 = emscripten_get_now();
  cpts::ui::communes::load_bytes(std::string(data ? data : "", data ? static_cast<std::size_t>(len) : 0), error ? error : "");
  cpts::ui::platform::publish_stat("communes_prepare_ms", emscripten_get_now() - t0);
  cpts::ui::platform::request_frame();
}
#endif
