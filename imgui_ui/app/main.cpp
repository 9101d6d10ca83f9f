// cpts-planner: the ImGui application. The same frame() runs on every platform; platform.hpp
// hides the window, input and main-loop differences.
#include <chrono>
#include <cstdio>

#include "app.hpp"
#include "rules/catalogue.hpp"
#include "i18n.hpp"
#include "platform.hpp"

namespace {

// Where the start-up time goes, for the benchmark (window.__stats.start_*_ms on the web).
double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

void frame(void* arg) {
  using namespace cpts::ui;
  static int frames = 0;
  const auto t0 = std::chrono::steady_clock::now();
  auto& app = *static_cast<App*>(arg);
  if (app.prepare_frame(platform::pixel_ratio())) {
    platform::upload_fonts();
    if (frames == 0) platform::publish_stat("start_fonts_ms", ms_since(t0));
  }
  platform::begin_frame();
  const auto t_ui = std::chrono::steady_clock::now();
  ImGui::NewFrame();
  app.draw();
  ImGui::Render();
  // The UI pass and its draw lists, without the platform's events and GL calls: the figure the
  // native benchmark (tests/ui/ui_bench.cpp) measures, so the two compare.
  platform::publish_stat("frame_ui_ms", ms_since(t_ui));
  platform::end_frame(app.background());
  // Files the UI produced this frame (exports) go to the user through the platform.
  for (const UiState::Download& d : app.state().downloads)
    app.state().status = TF(platform::download(d.name, d.mime, d.bytes) ? "status.downloaded" : "status.download_failed", d.name.c_str());
  app.state().downloads.clear();
  // The title shows the project and an unsaved marker; only pushed when it changes.
  static std::string title;
  if (std::string t = app.window_title(); t != title) platform::set_title(title = t);
  // Presentation mode takes the whole screen; leaving it gives the screen back.
  static bool presenting = false;
  if (app.state().presenting != presenting) platform::set_fullscreen(presenting = app.state().presenting);
  // Display choices are remembered on this device (zoom, theme, language), outside presentations.
  static std::string display;
  if (!app.state().presenting) {
    std::string now = std::to_string(app.zoom_percent()) + "/" + std::to_string(static_cast<int>(app.theme())) + "/" +
                      language_code();
    if (now != display) {
      if (!display.empty()) platform::save_setting("display", now);
      display = now;
    }
  }
  if (app.quit_requested()) platform::request_quit();
  if (++frames == 1) platform::publish_stat("start_first_frame_ms", ms_since(t0));
}

}  // namespace

int main(int argc, char** argv) {
  using namespace cpts::ui;
  if (!platform::parse_args(argc, argv)) return 2;

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // layout is not persisted (yet)
  ImGui::GetIO().ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  auto t0 = std::chrono::steady_clock::now();
  if (!platform::init(T("app.name"))) return 1;
  platform::publish_stat("start_platform_ms", ms_since(t0));

  const platform::StartOptions start = platform::start_options();
  AppConfig config;
  // What this device chose last time ("200/2/fr": zoom / theme / language); the start options win.
  int saved_zoom = 0, saved_theme = 0;
  char saved_lang[4] = "";
  if (std::sscanf(platform::load_setting("display").c_str(), "%d/%d/%3s", &saved_zoom, &saved_theme, saved_lang) == 3) {
    for (int z : kZoomLevels)
      if (saved_zoom == z) config.zoom_percent = z;
    if (saved_theme >= 0 && saved_theme <= static_cast<int>(Theme::HighContrast)) config.theme = static_cast<Theme>(saved_theme);
    if (std::string(saved_lang) == "en") set_language(Lang::En);
  }
  if (start.lang == "en") set_language(Lang::En);
  if (start.lang == "fr") set_language(Lang::Fr);
  config.in_browser = platform::in_browser();
  config.sample = start.sample;
  config.panel = start.panel;
  if (start.theme == "clair" || start.theme == "light") config.theme = Theme::Light;
  if (start.theme == "sombre" || start.theme == "dark") config.theme = Theme::Dark;
  if (start.theme == "contraste" || start.theme == "contrast") config.theme = Theme::HighContrast;
  for (int z : kZoomLevels)
    if (start.zoom == z) config.zoom_percent = z;
  // Static: on the web, main() returns into the browser's event loop while frames keep using it.
  t0 = std::chrono::steady_clock::now();
  cpts::builtin_catalogues();  // parsed and validated once; timed apart as they are the app's data
  platform::publish_stat("start_catalogues_ms", ms_since(t0));
  t0 = std::chrono::steady_clock::now();
  static App app(config);
  platform::publish_stat("start_app_ms", ms_since(t0));
  const int exit_code = platform::run(frame, &app);

  platform::shutdown();
  ImGui::DestroyContext();
  return exit_code;
}
