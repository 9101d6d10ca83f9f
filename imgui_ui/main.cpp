// cpts-planner: the ImGui application. The same frame() runs on every platform; platform.hpp
// hides the window, input and main-loop differences.
#include <cstdio>

#include "app.hpp"
#include "platform.hpp"
#include "strings.hpp"

namespace {

void frame(void* arg) {
  using namespace cpts::ui;
  auto& app = *static_cast<App*>(arg);
  if (app.prepare_frame(platform::pixel_ratio())) platform::upload_fonts();
  platform::begin_frame();
  ImGui::NewFrame();
  app.draw();
  ImGui::Render();
  platform::end_frame(app.background());
  if (app.quit_requested()) platform::request_quit();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace cpts::ui;
  if (!platform::parse_args(argc, argv)) return 2;

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // layout is not persisted (yet)
  if (!platform::init(tr().app_name)) return 1;

  AppConfig config;
  config.in_browser = platform::in_browser();
  // Static: on the web, main() returns into the browser's event loop while frames keep using it.
  static App app(config);
  const int exit_code = platform::run(frame, &app);

  platform::shutdown();
  ImGui::DestroyContext();
  return exit_code;
}
