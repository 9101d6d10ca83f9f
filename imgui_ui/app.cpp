#include "app.hpp"

#include <cmath>
#include <cstdio>

#include "body.hpp"
#include "fonts.hpp"
#include "strings.hpp"

namespace cpts::ui {

App::App(const AppConfig& config) : config_(config) {}

bool App::prepare_frame(float pixel_ratio) {
  const float px = std::round(config_.base_font_px * static_cast<float>(config_.zoom_percent) / 100.0f);
  bool rebuilt = false;
  if (px != fonts_px_ || pixel_ratio != fonts_ratio_) {
    build_fonts(px, pixel_ratio);
    fonts_px_ = px;
    fonts_ratio_ = pixel_ratio;
    rebuilt = true;
  }
  if (px != style_px_ || config_.theme != style_theme_) {
    apply_theme(config_.theme, px);
    style_px_ = px;
    style_theme_ = config_.theme;
  }
  return rebuilt;
}

bool App::take_about_request() {
  const bool r = about_requested_;
  about_requested_ = false;
  return r;
}

void App::draw() {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(vp->WorkSize);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0.0f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_MenuBar |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##main", nullptr, flags);
  ImGui::PopStyleVar(2);

  draw_menu_bar(*this);
  // The body fills what the status line leaves; it scrolls on its own.
  const float status_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("##body", ImVec2(0, -status_h), ImGuiChildFlags_None, ImGuiWindowFlags_None);
  draw_body(*this);
  ImGui::EndChild();
  draw_status_line(*this);
  draw_about_dialog(*this);

  ImGui::End();

  handle_shortcuts();
  std::vector<Action> actions;
  actions.swap(pending_);
  for (const Action& a : actions) apply(a);
}

void App::handle_shortcuts() {
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.KeyCtrl || io.WantTextInput) return;
  if (ImGui::IsKeyPressed(ImGuiKey_N, false) && !config_.in_browser) request({ActionKind::New});
  if (ImGui::IsKeyPressed(ImGuiKey_O, false)) request({ActionKind::Open});
  if (ImGui::IsKeyPressed(ImGuiKey_S, false)) request({ActionKind::Save});
}

void App::apply(const Action& a) {
  const Strings& t = tr();
  auto not_yet = [this, &t](const char* what) {
    char buf[256];
    std::snprintf(buf, sizeof buf, t.status_not_yet_fmt, what);
    status_ = buf;
  };
  switch (a.kind) {
    case ActionKind::New: not_yet(t.file_new); break;
    case ActionKind::Open: not_yet(t.file_open); break;
    case ActionKind::Save: not_yet(t.file_save); break;
    case ActionKind::Undo:
    case ActionKind::Redo: break;  // disabled until the core has Commands
    case ActionKind::Quit: quit_requested_ = !config_.in_browser; break;
    case ActionKind::SetTheme: config_.theme = static_cast<Theme>(a.value); break;
    case ActionKind::SetZoom: config_.zoom_percent = a.value; break;
    case ActionKind::About: about_requested_ = true; break;
  }
}

}  // namespace cpts::ui
