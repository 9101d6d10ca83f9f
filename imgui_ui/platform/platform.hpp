// The platform layer: window, GL context, input, main loop, and what only one platform can do.
// One implementation per platform: platform_native.cpp (SDL2 + OpenGL 3 desktop window) and
// platform_web.cpp (SDL2 + WebGL2 canvas in the browser, with the JS bridges of web/bridge.js);
// tests/ui/fake_platform.cpp stands in for both in the headless UI tests.
//
// [SECTION] Start-up and frames
// [SECTION] Files (open, drop, download)
// [SECTION] Storage (autosave) and idle work
// [SECTION] Page (leave prompt, test hooks)
//
// Clipboard and text input need no call from the app: init() plugs them into ImGui's IO (the web
// bridges the system clipboard and a hidden text field for dead keys, IME and mobile keyboards;
// natively ImGui's SDL2 backend does both).
#pragma once
#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

namespace cpts::ui::platform {

// ---- [SECTION] Start-up and frames -----------------------------------------------------------------

// Reads platform options from the command line (native: --frames, --screenshot, --click, --open,
// --data-dir...; the web has none). Returns false (after printing why) when they are invalid.
bool parse_args(int argc, char** argv);

// What to show at start: native --sample/--panel/--lang/--theme/--zoom, web ?sample=&panel=&…
struct StartOptions {
  std::string sample, panel, lang, theme;
  int zoom = 0;
};
StartOptions start_options();
void set_title(const std::string& title);  // window title / browser tab title

// Creates the window, the GL context and ImGui's SDL2 + OpenGL3 backends. ImGui's context must
// exist already. Returns false (after printing why) on failure.
bool init(const char* title);

// Runs `frame(arg)` until quit: a loop natively, requestAnimationFrame on the web (never returns
// there). Frames are paced (frame_pacer.hpp): every vsync while the user interacts, none while
// nothing changes. Returns the process exit code (non-zero when a scripted run failed).
int run(void (*frame)(void* arg), void* arg);
void request_frame();                        // draw a few frames soon (something changed off-input)

void begin_frame();                          // input events + backends' NewFrame (before ImGui::NewFrame)
void end_frame(const ImVec4& background);    // render ImGui's draw data and present
void upload_fonts();                         // after the font atlas was rebuilt
float pixel_ratio();                         // framebuffer pixels per UI unit (devicePixelRatio)
bool in_browser();                           // a page cannot quit, and the browser keeps Ctrl+N/T/W
void request_quit();
void shutdown();

// ---- [SECTION] Files (open, drop, download) --------------------------------------------------------

// Hands a file to the user: the browser downloads it; natively it is written to the current
// directory. False when it could not be written; the app words the status line (i18n keys
// status.saved, status.download_failed…), the platform says nothing itself.
bool download(const std::string& name, const std::string& mime, const std::string& bytes);

// True where the platform has its own file picker (the browser's). Natively the app asks for a
// path in a small modal instead (or takes --open FILE).
bool has_file_picker();
void pick_file();  // opens the picker; the chosen file arrives through take_files()

// A file the user handed over: picked, dropped on the window/page, or named by --open.
struct IncomingFile {
  std::string name;   // file name only, for messages ("projet.json")
  std::string text;   // its content (UTF-8 expected; the loader checks)
  std::string error;  // non-empty (French) when it could not be read: text is then empty
};
std::vector<IncomingFile> take_files();  // what arrived since the last call, oldest first

// ---- [SECTION] Storage (autosave) and idle work ------------------------------------------------------

// A folder that survives the session, for the autosave (autosave.hpp): web /persist/autosave
// (IndexedDB through Emscripten's IDBFS, loaded before main()), native $XDG_DATA_HOME/cpts-planner
// or ~/.local/share/cpts-planner (or --data-dir). "" = no storage (a scripted native run).
std::string storage_dir();

// Makes what was written under storage_dir() durable. Native: nothing to do (files are written
// through). Web: copies the changed files to IndexedDB, asynchronously; storage_state() tells how
// it went. Never blocks.
void storage_flush();

// Small per-device settings (zoom, theme, language): web localStorage, native files in storage_dir().
std::string load_setting(const char* key);
void save_setting(const char* key, const std::string& value);
// Presentation mode: the whole screen (browser Fullscreen API; native desktop fullscreen).
void set_fullscreen(bool on);
struct StorageState {
  bool available = true;   // false: storage cannot be used at all (blocked, private mode...)
  bool busy = false;       // a flush is in flight
  bool ok = true;          // the last flush succeeded
  std::string error;       // French reason when !available or !ok
  double last_flush_ms = 0;
  long flushes = 0;        // completed flushes
};
StorageState storage_state();

// Runs `task` once, at least `delay_s` seconds from now, when the page has nothing else to do
// (web: requestIdleCallback, so it never delays a frame; native: between frames), with
// closing = false. A new call replaces a pending task; an empty task cancels it. Also run early,
// with closing = true, when the page is hidden or closed (web: visibilitychange / pagehide, a
// reload for a new version; native: the window closes): the task must then finish its work at
// once, so that a pending or half-done autosave is not lost.
using IdleTask = std::function<void(bool closing)>;
void run_when_idle(double delay_s, IdleTask task);

// ---- [SECTION] Page (leave prompt, test hooks) ---------------------------------------------------

// Web: ask "Leave site?" on close/reload while true (changes not exported). Native: no-op.
void set_unsaved_changes(bool unsaved);

// Figures for the browser tests and the benchmark (window.__stats[key] on the web).
void publish_stat(const char* key, double value);

// Says a message to screen readers (the canvas is opaque to them): the page's aria-live region on
// the web (also what the browser tests read), nothing natively.
void announce(const std::string& text);

}  // namespace cpts::ui::platform
