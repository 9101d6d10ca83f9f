#include "library_source.hpp"

#include <memory>

#include "i18n.hpp"
#include "platform.hpp"

#ifdef __EMSCRIPTEN__
#include <emscripten.h>
extern "C" void cpts_fetch_library(const char* url);  // web/bridge.js
#endif

namespace cpts::ui::library {

namespace {

struct Source {
  bool requested = false;
  std::unique_ptr<Library> library;  // web: once fetched and read
  std::string why;                   // web: the fetch or read failure ("HTTP 404", a JSON path…)
};

Source& src() {
  static Source s;
  return s;
}

}  // namespace

const Library* builtin() {
#ifdef __EMSCRIPTEN__
  Source& s = src();
  if (!s.requested) {
    s.requested = true;
    cpts_fetch_library("library-fiches-actions.json");
  }
  return s.library.get();
#else
  return &builtin_library();
#endif
}

std::string error() { return src().why.empty() ? std::string() : TF("lib.fetch_failed", src().why.c_str()); }

}  // namespace cpts::ui::library

#ifdef __EMSCRIPTEN__
// Called by web/bridge.js when the fetch of library-fiches-actions.json ends (error: the reason).
extern "C" EMSCRIPTEN_KEEPALIVE void cpts_library_received(const char* data, int len, const char* error) {
  using namespace cpts::ui::library;
  const double t0 = emscripten_get_now();
  Source& s = src();
  if (error && *error) {
    s.why = error;
  } else {
    std::vector<cpts::JsonError> errors;
    auto lib = cpts::load_library(std::string_view(data ? data : "", data ? static_cast<std::size_t>(len) : 0), errors);
    if (lib) s.library = std::make_unique<cpts::Library>(std::move(*lib));
    else s.why = errors.empty() ? "?" : errors[0].path + " : " + errors[0].message;
  }
  cpts::ui::platform::publish_stat("library_prepare_ms", emscripten_get_now() - t0);
  cpts::ui::platform::request_frame();
}
#endif
