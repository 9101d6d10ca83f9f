// Desktop platform: SDL2 window + OpenGL 3.0 context. Also the test/automation options:
//   --frames N          run N frames then exit (fixed 1/60 s steps, no vsync: deterministic)
//   --screenshot F.png  write the last frame to F.png (read back before the buffer swap)
//   --click ID[,ID...]  click the items published under these ids (item_rects.hpp), in order
//   --click-about       same as --click menu.help,menu.help.about
//   --size WxH          window size in screen pixels (default 1280x800)
//   --sample ID --panel NAME --lang en --theme sombre --zoom 200   what to show at start
//   --open FILE         open this project file at start (instead of the autosaved working copy)
//   --data-dir DIR      autosave folder (default $XDG_DATA_HOME/cpts-planner or
//                       ~/.local/share/cpts-planner; scripted runs with --frames have none unless given)
// Frames are paced (frame_pacer.hpp): while nothing happens the loop sleeps in SDL_WaitEventTimeout.
#include <SDL.h>
#include <SDL_opengl.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "autosave.hpp"  // read_file
#include "frame_pacer.hpp"

#include "item_rects.hpp"
#include "platform.hpp"
#include "run_soon.hpp"
#include "png_writer.hpp"
#include "sdl_gl.hpp"

namespace cpts::ui::platform {

namespace {

struct Options {
  StartOptions start;
  int frames = 0;  // 0: until the window is closed
  std::string screenshot;
  std::vector<std::string> clicks;
  int width = 1280, height = 800;
  std::string open_file;  // --open
  std::string data_dir;   // --data-dir
};

// Replays clicks on published item rects: press on one frame, release on the next, then let two
// frames pass so menus and popups open before the next target is looked up.
struct ClickScript {
  std::size_t next = 0;
  bool pressed = false;
  int settle = 0;
  int waited = 0;
  ImVec2 pos;
};

struct State {
  Options opt;
  ClickScript script;
  int frames_done = 0;
  bool quit = false;
  int exit_code = 0;
  FramePacer pacer;
  std::vector<IncomingFile> files;
  IdleTask idle_task;
  double idle_at = 0;
  StorageState storage;
};
State g;

double now_s() { return static_cast<double>(SDL_GetPerformanceCounter()) / static_cast<double>(SDL_GetPerformanceFrequency()); }

IncomingFile incoming_file(const std::string& path) {
  const std::size_t slash = path.find_last_of('/');
  IncomingFile f{slash == std::string::npos ? path : path.substr(slash + 1), "", ""};
  if (std::optional<std::string> text = read_file(path)) f.text = std::move(*text);
  else f.error = "Impossible de lire «\u00a0" + path + "\u00a0»\u00a0: " + std::strerror(errno);
  return f;
}

void run_idle_task(bool closing = false) {
  IdleTask task = std::exchange(g.idle_task, {});
  if (task) task(closing);
}

// A file dropped on the window is opened like a picked one; any event is input for the pacer.
void watch_event(const SDL_Event& e) {
  g.pacer.input(now_s());
  if (e.type == SDL_DROPFILE && e.drop.file) g.files.push_back(incoming_file(e.drop.file));
}

// Sleeps until the pacer wants a frame, an event arrives, or the idle task is due (and runs it).
void wait_for_work() {
  for (;;) {
    const double now = now_s();
    const double next = g.pacer.next_frame_in(now, ImGui::GetIO());
    if (next == 0) return;
    if (g.idle_task && now >= g.idle_at) {
      run_idle_task();
      continue;
    }
    double wait = next > 0 ? next : 10.0;
    if (g.idle_task) wait = std::min(wait, g.idle_at - now);
    if (SDL_WaitEventTimeout(nullptr, static_cast<int>(wait * 1000) + 1)) return;  // an event is waiting
    if (next > 0 && now_s() - now >= next) return;                                // the caret's beat
  }
}

void usage() {
  std::fprintf(stderr,
               "Usage : cpts-planner [--frames N] [--screenshot fichier.png] [--click id,id...] "
               "[--click-about] [--size LxH] [--sample ID] [--panel NOM] [--lang fr|en] [--theme clair|sombre] "
               "[--zoom 100|150|200|300] [--open fichier.json] [--data-dir dossier]\n");
}

void split_ids(const char* list, std::vector<std::string>& out) {
  std::stringstream ss(list);
  for (std::string id; std::getline(ss, id, ',');)
    if (!id.empty()) out.push_back(id);
}

void fail(const char* what, const std::string& detail) {
  std::fprintf(stderr, "cpts-planner : %s %s\n", what, detail.c_str());
  g.exit_code = 3;
  g.quit = true;
}

// After the backends' NewFrame, so these events come after the real mouse position in ImGui's queue.
void step_click_script() {
  ClickScript& s = g.script;
  if (s.next >= g.opt.clicks.size()) return;
  if (s.settle > 0) {
    --s.settle;
    return;
  }
  ImGuiIO& io = ImGui::GetIO();
  if (s.pressed) {  // release where we pressed: that is what activates menu items
    io.AddMousePosEvent(s.pos.x, s.pos.y);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    s.pressed = false;
    s.settle = 2;
    ++s.next;
    return;
  }
  const std::string& id = g.opt.clicks[s.next];
  const auto it = item_rects().find(id);
  if (it == item_rects().end() || it->second.frame != ImGui::GetFrameCount()) {  // not drawn last frame
    if (++s.waited > 120) fail("élément introuvable pour --click :", id);
    return;
  }
  const ItemRect& r = it->second;
  s.pos = ImVec2(r.x + r.w / 2, r.y + r.h / 2);
  s.waited = 0;
  io.AddMousePosEvent(s.pos.x, s.pos.y);
  io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
  s.pressed = true;
}

void save_screenshot(const std::string& path) {
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(sdl_gl::window(), &w, &h);
  std::vector<unsigned char> pixels(static_cast<std::size_t>(w) * h * 3), flipped(pixels.size());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  const std::size_t row = static_cast<std::size_t>(w) * 3;
  for (int y = 0; y < h; ++y)  // GL rows go bottom-up, PNG rows top-down
    std::memcpy(&flipped[y * row], &pixels[(h - 1 - y) * row], row);
  if (!write_png_rgb(path.c_str(), w, h, flipped.data())) fail("impossible d’écrire", path);
}

}  // namespace

bool parse_args(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const char* a = argv[i];
    const bool has_value = i + 1 < argc;
    if (!std::strcmp(a, "--frames") && has_value) {
      g.opt.frames = std::atoi(argv[++i]);
    } else if (!std::strcmp(a, "--screenshot") && has_value) {
      g.opt.screenshot = argv[++i];
    } else if (!std::strcmp(a, "--click") && has_value) {
      split_ids(argv[++i], g.opt.clicks);
    } else if (!std::strcmp(a, "--click-about")) {
      split_ids("menu.help,menu.help.about", g.opt.clicks);
    } else if (!std::strcmp(a, "--sample") && has_value) {
      g.opt.start.sample = argv[++i];
    } else if (!std::strcmp(a, "--panel") && has_value) {
      g.opt.start.panel = argv[++i];
    } else if (!std::strcmp(a, "--lang") && has_value) {
      g.opt.start.lang = argv[++i];
    } else if (!std::strcmp(a, "--theme") && has_value) {
      g.opt.start.theme = argv[++i];
    } else if (!std::strcmp(a, "--zoom") && has_value) {
      g.opt.start.zoom = std::atoi(argv[++i]);
    } else if (!std::strcmp(a, "--open") && has_value) {
      g.opt.open_file = argv[++i];
    } else if (!std::strcmp(a, "--data-dir") && has_value) {
      g.opt.data_dir = argv[++i];
    } else if (!std::strcmp(a, "--size") && has_value) {
      if (std::sscanf(argv[++i], "%dx%d", &g.opt.width, &g.opt.height) != 2) return usage(), false;
    } else if (!std::strcmp(a, "--help") || !std::strcmp(a, "-h")) {
      usage();
      std::exit(0);
    } else {
      std::fprintf(stderr, "cpts-planner : option inconnue « %s »\n", a);
      return usage(), false;
    }
  }
  if (g.opt.frames < 0 || g.opt.width < 64 || g.opt.height < 64) return usage(), false;
  if (!g.opt.screenshot.empty() && g.opt.frames == 0) g.opt.frames = 60;
  return true;
}

bool init(const char* title) {
  // GL 3.0 + GLSL 130: the oldest profile ImGui's OpenGL3 backend supports, so it runs on old
  // laptops and on Mesa's software renderer (Xvfb in the tests).
  if (!sdl_gl::open({title, g.opt.width, g.opt.height, false, 3, 0, "#version 130"})) return false;
  SDL_GL_SetSwapInterval(g.opt.frames > 0 ? 0 : 1);  // scripted runs go as fast as they can
  return true;
}

int run(void (*frame)(void*), void* arg) {
  g.pacer.input(now_s());
  while (!g.quit) {
    if (g.opt.frames == 0) wait_for_work();  // scripted runs go flat out
    frame(arg);
    g.pacer.frame_drawn();
    if (g.idle_task && now_s() >= g.idle_at) run_idle_task();
  }
  run_idle_task(true);  // closing the window does not lose a pending (or half-done) autosave
  if (g.script.next < g.opt.clicks.size() && g.exit_code == 0)
    fail("--frames trop petit pour les clics demandés, arrêt avant", g.opt.clicks[g.script.next]);
  return g.exit_code;
}

void request_frame() { g.pacer.request(); }

void begin_frame() {
  if (!sdl_gl::pump_events(watch_event)) g.quit = true;
  if (SDL_GetWindowFlags(sdl_gl::window()) & SDL_WINDOW_MINIMIZED) SDL_Delay(50);  // nothing to draw: idle
  sdl_gl::new_frame();
  if (g.opt.frames > 0) {
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;  // same animations (fades) on every run
    step_click_script();
  }
}

void end_frame(const ImVec4& background) {
  sdl_gl::render(background);
  ++g.frames_done;
  const bool last = g.opt.frames > 0 && g.frames_done >= g.opt.frames;
  if (last && !g.opt.screenshot.empty()) save_screenshot(g.opt.screenshot);  // before the swap
  sdl_gl::swap();
  if (last) g.quit = true;
}

void upload_fonts() { sdl_gl::upload_fonts(); }
StartOptions start_options() { return g.opt.start; }

bool download(const std::string& name, const std::string&, const std::string& bytes) {
  std::FILE* f = std::fopen(name.c_str(), "wb");
  if (!f) return false;
  bool ok = std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size();
  return std::fclose(f) == 0 && ok;
}
bool has_file_picker() { return false; }  // the app asks for a path (FileActions' modal)
void pick_file() {}
std::vector<IncomingFile> take_files() {
  if (!g.opt.open_file.empty()) g.files.insert(g.files.begin(), incoming_file(std::exchange(g.opt.open_file, {})));
  return std::exchange(g.files, {});
}

std::string storage_dir() {
  if (!g.opt.data_dir.empty()) return g.opt.data_dir;
  if (g.opt.frames > 0) return "";  // scripted runs (tests) never touch the user's autosave
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/cpts-planner";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/cpts-planner";
  return "";
}
void storage_flush() { ++g.storage.flushes; }  // files are written through: nothing to copy
StorageState storage_state() { return g.storage; }

void run_when_idle(double delay_s, IdleTask task) {
  g.idle_task = std::move(task);
  g.idle_at = now_s() + delay_s;
}

// A frame is cheap here (a real GPU, or Mesa in the tests): the work goes on after the next one.
void run_soon(std::function<void()> task) {
  if (task) request_frame();
}

void set_unsaved_changes(bool) {}  // the autosave keeps the work: no prompt on close
void publish_stat(const char*, double) {}
void announce(const std::string&) {}

void set_title(const std::string& title) { SDL_SetWindowTitle(sdl_gl::window(), title.c_str()); }
// Rounded so a fractional drawable size never makes the fonts rebuild every frame.
float pixel_ratio() { return std::round(sdl_gl::drawable_ratio() * 100.0f) / 100.0f; }
bool in_browser() { return false; }
void request_quit() { g.quit = true; }
void shutdown() { sdl_gl::close(); }

// No storage folder (scripted runs, tests): settings are neither read nor written.
std::string load_setting(const char* key) {
  if (storage_dir().empty()) return {};
  std::FILE* f = std::fopen((storage_dir() + "/setting-" + key + ".txt").c_str(), "rb");
  if (!f) return {};
  char buf[256];
  std::size_t n = std::fread(buf, 1, sizeof buf, f);
  std::fclose(f);
  return std::string(buf, n);
}

void save_setting(const char* key, const std::string& value) {
  if (storage_dir().empty()) return;
  if (std::FILE* f = std::fopen((storage_dir() + "/setting-" + key + ".txt").c_str(), "wb")) {
    std::fwrite(value.data(), 1, value.size(), f);
    std::fclose(f);
  }
}

void set_fullscreen(bool on) { SDL_SetWindowFullscreen(sdl_gl::window(), on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0); }

}  // namespace cpts::ui::platform
