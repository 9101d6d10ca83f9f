// Browser platform: SDL2 on the page's #canvas with a WebGL2 context, frames driven by
// requestAnimationFrame. The canvas is sized by CSS (web/shell.css); SDL follows window resizes and
// devicePixelRatio for the backing store. Publishes test hooks for the browser tests:
//   window.__frames        frames drawn so far
//   window.__firstFrameAt  performance.now() at the end of the first frame
//   window.__glVersion     GL_VERSION of the context ("OpenGL ES 3.0 (WebGL 2.0 ...)")
//   window.__ui[id]        {x, y, w, h, frame} in CSS pixels of items marked with mark_item()
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLES3/gl3.h>

#include <cstdlib>
#include <string>

#include "item_rects.hpp"
#include "platform.hpp"
#include "sdl_gl.hpp"

namespace cpts::ui::platform {

namespace {
int g_frames = 0;

void publish_test_hooks() {
  ++g_frames;
  if (g_frames == 1) {
    const char* gl_version = reinterpret_cast<const char*>(glGetString(GL_VERSION));
    // The shell hides its loading indicator when <body> gets the "ready" class.
    EM_ASM({
      window.__firstFrameAt = performance.now();
      window.__glVersion = UTF8ToString($0);
      document.body.classList.add("ready");
    }, gl_version);
  }
  EM_ASM({ window.__frames = $0; }, g_frames);
  const int frame = ImGui::GetFrameCount();
  for (const auto& [id, r] : item_rects()) {
    if (r.frame != frame) continue;  // only what was drawn this frame; older entries keep their last rect
    EM_ASM({ (window.__ui = window.__ui || {})[UTF8ToString($0)] = ({x: $1, y: $2, w: $3, h: $4, frame: $5}); },
           id.c_str(), r.x, r.y, r.w, r.h, r.frame);
  }
}
}  // namespace

bool parse_args(int, char**) { return true; }

bool init(const char* title) {
  // The size is a placeholder: the canvas is sized by CSS and SDL adopts that size.
  if (sdl_gl::open({title, 800, 600, true, 3, 0, "#version 300 es"})) return true;
  EM_ASM({ cptsShowError("Impossible de créer le contexte WebGL 2 : voir la console."); });
  return false;
}

int run(void (*frame)(void*), void* arg) {
  emscripten_set_main_loop_arg(frame, arg, 0, true);  // does not return
  return 0;
}

void begin_frame() {
  sdl_gl::pump_events();  // a page cannot be "closed" from inside; ignore SDL_QUIT
  sdl_gl::new_frame();
}

void end_frame(const ImVec4& background) {
  sdl_gl::render(background);
  sdl_gl::swap();
  publish_test_hooks();
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
std::string query_param(const char* name) {
  char* p = js_query_param(name);
  std::string v = p;
  free(p);
  return v;
}
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

namespace {
// A Blob URL clicked through a temporary <a download>: no network, no server.
EM_JS(void, js_download, (const char* name, const char* mime, const char* data, int len), {
  const blob = new Blob([HEAPU8.slice(data, data + len)], {type: UTF8ToString(mime)});
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = UTF8ToString(name);
  document.body.appendChild(a);
  a.click();
  setTimeout(function() { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
});
}  // namespace

std::string download(const std::string& name, const std::string& mime, const std::string& bytes) {
  js_download(name.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
  return "téléchargé : « " + name + " »";
}

void set_title(const std::string& title) {
  EM_ASM({ document.title = UTF8ToString($0); }, title.c_str());
}
// devicePixelRatio itself (not drawable/window, which rounding makes jitter on resizes).
float pixel_ratio() { return static_cast<float>(emscripten_get_device_pixel_ratio()); }
bool in_browser() { return true; }
void request_quit() {}
void shutdown() { sdl_gl::close(); }

}  // namespace cpts::ui::platform
