// Browser platform: SDL2 on the page's #canvas with a WebGL2 context; frames, files, storage,
// clipboard and text input through the JS bridges of web/bridge.js (an Emscripten JS library) and
// web/pre.js (IndexedDB storage loaded before main). The canvas is sized by CSS (web/shell.css);
// SDL follows window resizes and devicePixelRatio for the backing store.
//
// Test hooks for the browser tests (tests/browser/):
//   window.__frames        frames drawn so far (idle pages draw none)
//   window.__firstFrameAt  performance.now() at the end of the first frame
//   window.__glVersion     GL_VERSION of the context ("OpenGL ES 3.0 (WebGL 2.0 ...)")
//   window.__fontScale     the pixel ratio the font atlas was last rasterised for
//   window.__ui[id]        {x, y, w, h, frame} in CSS pixels of items marked with mark_item()
//   window.__stats[key]    figures from publish_stat() (autosave timings, storage flushes, long presses)
//   window.__frameMs       CPU time of the last frames in ms (app frame + draw calls; the last 240)
//   window.__wasmMemory    size of the wasm linear memory in bytes: it only grows, so it is the peak
//   window.cptsWake()      draw a few frames now
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>
#include <SDL.h>
#include <imgui_internal.h>  // ImGuiContext: which item the finger holds

#include <cfloat>
#include <cmath>
#include <cstdlib>
#include <string>
#include <utility>

#include "frame_pacer.hpp"
#include "item_rects.hpp"
#include "platform.hpp"
#include "run_soon.hpp"
#include "sdl_gl.hpp"

// web/bridge.js
extern "C" {
void cpts_bridge_init();
void cpts_loop_start();
void cpts_request_frame();
void cpts_text_field(int active, float x, float y, float h);
void cpts_clipboard_write(const char* text);
char* cpts_clipboard_read();  // malloc'd
void cpts_pick_file();
void cpts_download(const char* name, const char* mime, const char* data, int len);
void cpts_storage_sync();
int cpts_storage_available();
char* cpts_storage_error();  // malloc'd
void cpts_idle_schedule(double delay_ms);
void cpts_soon_schedule();
void cpts_set_unsaved(int on);
void cpts_publish_stat(const char* key, double value);
void cpts_announce(const char* text);
}

namespace cpts::ui::platform {

namespace {

struct LongPress {           // a still finger held 0.5 s = a right click (context menus on touch screens)
  int fingers = 0;
  bool armed = false;
  double since = 0;
  int fired = 0;             // long presses turned into right clicks so far (window.__stats.long_presses)
  float x0 = 0, y0 = 0;
};

struct State {
  void (*frame)(void*) = nullptr;
  void* arg = nullptr;
  FramePacer pacer;
  int frames = 0;
  LongPress touch;
  ImVec2 caret;              // where ImGui's text cursor is (the hidden text field follows it)
  float caret_h = 0;
  std::vector<IncomingFile> files;
  StorageState storage;
  IdleTask idle_task;
  std::function<void()> soon_task;  // run_soon()
  float font_scale_published = 0;
};
State g;

double now_s() { return emscripten_get_now() / 1000.0; }

void publish_test_hooks() {
  ++g.frames;
  if (g.frames == 1) {
    const char* gl_version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    // The shell hides its loading indicator when <body> gets the "ready" class.
    EM_ASM({
      window.__firstFrameAt = performance.now();
      window.__glVersion = UTF8ToString($0);
      document.body.classList.add("ready");
    }, gl_version);
  }
  EM_ASM({ window.__frames = $0; }, g.frames);
  if (float s = pixel_ratio(); s != g.font_scale_published) {
    g.font_scale_published = s;
    EM_ASM({ window.__fontScale = $0; }, s);
  }
  const int frame = ImGui::GetFrameCount();
  for (const auto& [id, r] : item_rects()) {
    if (r.frame != frame) continue;  // only what was drawn this frame; older entries keep their last rect
    EM_ASM({ (window.__ui = window.__ui || {})[UTF8ToString($0)] = ({x: $1, y: $2, w: $3, h: $4, frame: $5}); },
           id.c_str(), r.x, r.y, r.w, r.h, r.frame);
  }
}

// Every SDL event is input for the pacer; fingers also feed the long-press detector.
void watch_event(const SDL_Event& e) {
  const double now = now_s();
  g.pacer.input(now);
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  LongPress& t = g.touch;
  switch (e.type) {
    case SDL_FINGERDOWN:
      if (++t.fingers == 1) {
        t.armed = true;
        t.since = now;
        t.x0 = e.tfinger.x * size.x;
        t.y0 = e.tfinger.y * size.y;
      } else {
        t.armed = false;  // two fingers: not a long press
      }
      break;
    case SDL_FINGERMOTION:
      if (t.armed && std::hypot(e.tfinger.x * size.x - t.x0, e.tfinger.y * size.y - t.y0) > 10.0f) t.armed = false;
      break;
    case SDL_FINGERUP:
      if (t.fingers > 0) --t.fingers;
      t.armed = false;
      break;
    default: break;
  }
}

// A finger on a slider (or a drag) is setting a value, even while it pauses before moving: ImGui
// gives such an item the left/right keys while it is held (SliderScalar, DragScalar). A text field
// takes them too, but there a long press is wanted (a table row's menu from a commune's population
// field, e2e and controls tests), so it is told apart.
bool holding_a_slider() {
  const ImGuiContext& c = *ImGui::GetCurrentContext();
  const int left_right = (1 << ImGuiDir_Left) | (1 << ImGuiDir_Right);
  return c.ActiveId != 0 && c.ActiveId != c.InputTextState.ID && (c.ActiveIdUsingNavDirMask & left_right) != 0;
}

// After 0.5 s without moving: the left press is released away from any item (so the button under
// the finger is not clicked), then a right click at the finger opens the context menu. Not on a
// slider: there the release would end the drag and drop the value (issue #14 item 1).
void step_long_press() {
  LongPress& t = g.touch;
  if (!t.armed || now_s() - t.since < 0.5) return;
  t.armed = false;
  if (holding_a_slider()) return;
  ImGuiIO& io = ImGui::GetIO();
  io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
  io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
  io.AddMousePosEvent(t.x0, t.y0);
  io.AddMouseButtonEvent(ImGuiMouseButton_Right, true);
  io.AddMouseButtonEvent(ImGuiMouseButton_Right, false);
  cpts_publish_stat("long_presses", ++t.fired);
}

const char* get_clipboard(void*) {
  static std::string text;
  char* p = cpts_clipboard_read();
  text = p ? p : "";
  std::free(p);
  return text.c_str();
}
void set_clipboard(void*, const char* text) { cpts_clipboard_write(text ? text : ""); }

void set_ime_data(ImGuiViewport*, ImGuiPlatformImeData* d) {
  g.caret = d->InputPos;
  g.caret_h = d->InputLineHeight;
}

std::string take_js_string(char* p) {
  std::string s = p ? p : "";
  std::free(p);
  return s;
}

}  // namespace

bool parse_args(int, char**) { return true; }

bool init(const char* title) {
  // The size is a placeholder: the canvas is sized by CSS and SDL adopts that size.
  if (!sdl_gl::open({title, 800, 600, true, 3, 0, "#version 300 es"})) {
    EM_ASM({ cptsShowError("Impossible de créer le contexte WebGL 2 : voir la console."); });
    return false;
  }
  ImGuiIO& io = ImGui::GetIO();
  // SDL2's web backend has no system clipboard and no IME: the page's bridges take over.
  io.GetClipboardTextFn = get_clipboard;
  io.SetClipboardTextFn = set_clipboard;
  io.SetPlatformImeDataFn = set_ime_data;
  g.storage.available = cpts_storage_available() != 0;
  g.storage.error = take_js_string(cpts_storage_error());
  cpts_bridge_init();
  return true;
}

int run(void (*frame)(void*), void* arg) {
  g.frame = frame;
  g.arg = arg;
  g.pacer.input(now_s());
  cpts_loop_start();
  emscripten_exit_with_live_runtime();  // main() must not go on to shut down: frames keep coming
  return 0;
}

void request_frame() {
  g.pacer.request();
  cpts_request_frame();
}

void begin_frame() {
  // A devicePixelRatio change that came without a resize event (some browsers when a window moves
  // to another screen, DevTools' emulation): SDL resizes the backing store on a resize event.
  static double ratio = 0;
  if (const double r = emscripten_get_device_pixel_ratio(); r != ratio) {
    if (ratio != 0) EM_ASM({ window.dispatchEvent(new Event("resize")); });
    ratio = r;
  }
  sdl_gl::pump_events(watch_event);  // a page cannot be "closed" from inside; ignore SDL_QUIT
  step_long_press();
  sdl_gl::new_frame();
}

void end_frame(const ImVec4& background) {
  sdl_gl::render(background);
  sdl_gl::swap();
  publish_test_hooks();
  const ImGuiIO& io = ImGui::GetIO();
  cpts_text_field(io.WantTextInput ? 1 : 0, g.caret.x, g.caret.y, g.caret_h);
}

void upload_fonts() { sdl_gl::upload_fonts(); }

namespace {
// One parameter of the page's query string (?sample=cpts-21-52&panel=financement), "" if absent.
EM_JS(char*, js_query_param, (const char* name), {
  const v = new URLSearchParams(window.location.search).get(UTF8ToString(name)) || "";
  const len = lengthBytesUTF8(v) + 1;
  const p = _malloc(len);
  stringToUTF8(v, p, len);
  return p;
});
std::string query_param(const char* name) { return take_js_string(js_query_param(name)); }
}  // namespace

StartOptions start_options() {
  StartOptions o;
  o.sample = query_param("sample");
  o.panel = query_param("panel");
  o.lang = query_param("lang");
  o.theme = query_param("theme");
  o.zoom = std::atoi(query_param("zoom").c_str());
  return o;
}

bool download(const std::string& name, const std::string& mime, const std::string& bytes) {
  cpts_download(name.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
  return true;  // handed to the browser, which saves it in the downloads folder
}

bool has_file_picker() { return true; }
void pick_file() { cpts_pick_file(); }
std::vector<IncomingFile> take_files() { return std::exchange(g.files, {}); }

std::string storage_dir() { return "/persist/autosave"; }
void storage_flush() {
  g.storage.busy = true;
  cpts_storage_sync();
}
StorageState storage_state() { return g.storage; }

void run_when_idle(double delay_s, IdleTask task) {
  g.idle_task = std::move(task);
  cpts_idle_schedule(g.idle_task ? delay_s * 1000.0 : -1.0);
}

void run_soon(std::function<void()> task) {
  const bool pending = static_cast<bool>(g.soon_task);
  g.soon_task = std::move(task);
  if (g.soon_task && !pending) cpts_soon_schedule();  // one message in flight at most
}

void set_unsaved_changes(bool unsaved) { cpts_set_unsaved(unsaved ? 1 : 0); }
void publish_stat(const char* key, double value) { cpts_publish_stat(key, value); }
void announce(const std::string& text) { cpts_announce(text.c_str()); }

void set_title(const std::string& title) {
  EM_ASM({ document.title = UTF8ToString($0); }, title.c_str());
}
// devicePixelRatio itself (not drawable/window, which rounding makes jitter on resizes).
float pixel_ratio() { return static_cast<float>(emscripten_get_device_pixel_ratio()); }
bool in_browser() { return true; }
void request_quit() {}
void shutdown() { sdl_gl::close(); }

}  // namespace cpts::ui::platform

// ---- Entry points for web/bridge.js ---------------------------------------------------------------
using namespace cpts::ui::platform;

extern "C" {

// One frame; returns when the next one is due in ms (0 = next animation frame, < 0 = on input).
EMSCRIPTEN_KEEPALIVE double cpts_tick(int woken_by_input) {
  if (woken_by_input) g.pacer.input(now_s());
  const double t0 = emscripten_get_now();
  g.frame(g.arg);
  // For the benchmark (tests/browser/bench.mjs): what the frame cost on the main thread.
  EM_ASM({
    const log = (window.__frameMs = window.__frameMs || []);
    log.push($0);
    if (log.length > 240) log.shift();
    window.__wasmMemory = $1;
  }, emscripten_get_now() - t0, static_cast<double>(__builtin_wasm_memory_size(0)) * 65536.0);
  g.pacer.frame_drawn();
  const double next = g.pacer.next_frame_in(now_s(), ImGui::GetIO());
  return next < 0 ? -1.0 : next * 1000.0;
}

static void run_idle_task(bool closing) {
  IdleTask task = std::exchange(g.idle_task, {});
  if (task) task(closing);
}

EMSCRIPTEN_KEEPALIVE void cpts_idle_task() { run_idle_task(false); }

// run_soon()'s task, in a task of its own (web/bridge.js posts the message); no frame is drawn.
EMSCRIPTEN_KEEPALIVE void cpts_soon_task() {
  std::function<void()> task = std::exchange(g.soon_task, {});
  if (task) task();
}

// The page is being hidden or closed: a pending (or half-done) autosave finishes now rather than never.
EMSCRIPTEN_KEEPALIVE void cpts_page_hidden() {
  if (!g.idle_task) return;
  cpts_idle_schedule(-1);
  run_idle_task(true);
}

EMSCRIPTEN_KEEPALIVE void cpts_text_input(const char* utf8) {
  ImGui::GetIO().AddInputCharactersUTF8(utf8);
  g.pacer.input(now_s());
}

EMSCRIPTEN_KEEPALIVE void cpts_key_tap(int key) {
  const ImGuiKey k = key == 8 ? ImGuiKey_Backspace : key == 46 ? ImGuiKey_Delete : ImGuiKey_None;
  if (k == ImGuiKey_None) return;
  ImGuiIO& io = ImGui::GetIO();
  io.AddKeyEvent(k, true);
  io.AddKeyEvent(k, false);
  g.pacer.input(now_s());
}

// The clipboard's text just arrived (paste event). With Ctrl+V, ImGui pastes it itself (SDL passed
// the key on); a paste from elsewhere (a mobile keyboard's menu) is typed into the field.
EMSCRIPTEN_KEEPALIVE void cpts_paste(const char* utf8, int via_shortcut) {
  if (!via_shortcut) ImGui::GetIO().AddInputCharactersUTF8(utf8);
  g.pacer.input(now_s());
}

EMSCRIPTEN_KEEPALIVE void cpts_file_received(const char* name, const char* data, int len, const char* error) {
  g.files.push_back({name, std::string(data, static_cast<std::size_t>(len)), error});
  g.pacer.input(now_s());
}

EMSCRIPTEN_KEEPALIVE void cpts_storage_done(int ok, int still_busy, const char* error, double ms) {
  g.storage.ok = ok != 0;
  g.storage.busy = still_busy != 0;
  g.storage.error = ok ? "" : error;
  g.storage.last_flush_ms = ms;
  ++g.storage.flushes;
  cpts_publish_stat("storage_flush_ms", ms);
  cpts_publish_stat("storage_flushes", static_cast<double>(g.storage.flushes));
  g.pacer.request();
}

}  // extern "C"

namespace cpts::ui::platform {

namespace {
// localStorage may be missing or throw (private mode, blocked storage): settings are then simply
// not remembered.
EM_JS(char*, js_load_setting, (const char* key), {
  let v = "";
  try { v = window.localStorage.getItem("cpts." + UTF8ToString(key)) || ""; } catch (e) {}
  const len = lengthBytesUTF8(v) + 1;
  const p = _malloc(len);
  stringToUTF8(v, p, len);
  return p;
});
EM_JS(void, js_save_setting, (const char* key, const char* value), {
  try { window.localStorage.setItem("cpts." + UTF8ToString(key), UTF8ToString(value)); } catch (e) {}
});
// Allowed right after the click that asked for it (transient user activation); refusals are harmless.
EM_JS(void, js_set_fullscreen, (int on), {
  try {
    if (on && !document.fullscreenElement && document.documentElement.requestFullscreen)
      document.documentElement.requestFullscreen().catch(function() {});
    if (!on && document.fullscreenElement) document.exitFullscreen().catch(function() {});
  } catch (e) {}
});
}  // namespace

std::string load_setting(const char* key) {
  char* p = js_load_setting(key);
  std::string v = p;
  free(p);
  return v;
}
void save_setting(const char* key, const std::string& value) { js_save_setting(key, value.c_str()); }
void set_fullscreen(bool on) { js_set_fullscreen(on ? 1 : 0); }

}  // namespace cpts::ui::platform
