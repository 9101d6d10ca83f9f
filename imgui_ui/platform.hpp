// The platform layer: window, GL context, input, main loop, and what only one platform can do.
// One implementation per platform: platform_native.cpp (SDL2 + OpenGL 3 desktop window) and
// platform_web.cpp (SDL2 + WebGL2 canvas in the browser). Later: files, clipboard, storage.
#pragma once
#include <imgui.h>

#include <string>

namespace cpts::ui::platform {

// Reads platform options from the command line (native: --frames, --screenshot, --click...;
// the web has none). Returns false (after printing why) when they are invalid.
bool parse_args(int argc, char** argv);

// What to show at start: native --sample/--panel/--lang/--theme/--zoom, web ?sample=&panel=&…
struct StartOptions {
  std::string sample, panel, lang, theme;
  int zoom = 0;
};
StartOptions start_options();
void set_title(const std::string& title);  // window title / browser tab title

// Hands a file to the user: the browser downloads it; natively it is written to the current
// directory. Returns a short French description of where it went (for the status line).
std::string download(const std::string& name, const std::string& mime, const std::string& bytes);

// Creates the window, the GL context and ImGui's SDL2 + OpenGL3 backends. ImGui's context must
// exist already. Returns false (after printing why) on failure.
bool init(const char* title);

// Runs `frame(arg)` until quit: a while loop natively, requestAnimationFrame on the web (never
// returns there). Returns the process exit code (non-zero when a scripted run failed).
int run(void (*frame)(void* arg), void* arg);

void begin_frame();                          // input events + backends' NewFrame (before ImGui::NewFrame)
void end_frame(const ImVec4& background);    // render ImGui's draw data and present
void upload_fonts();                         // after the font atlas was rebuilt
float pixel_ratio();                         // framebuffer pixels per UI unit (devicePixelRatio)
bool in_browser();                           // a page cannot quit, and the browser keeps Ctrl+N/T/W
void request_quit();
void shutdown();

}  // namespace cpts::ui::platform
