#include "body.hpp"

#include "app.hpp"
#include "item_rects.hpp"
#include "theme.hpp"

namespace cpts::ui {

void draw_body(App& app) {
  UiState& s = app.state();
  if (s.welcome || !s.doc.open) {
    ImGui::BeginChild("##welcome", ImVec2(0, 0), ImGuiChildFlags_None);
    draw_welcome(s);
    ImGui::EndChild();
    return;
  }
  draw_summary(s);
  ImGui::Separator();
  ImGui::BeginChild("##nav", ImVec2(em(15), 0), ImGuiChildFlags_Border);
  draw_navigation(s);
  ImGui::EndChild();
  ImGui::SameLine();
  ImGui::BeginChild("##panel", ImVec2(0, 0), ImGuiChildFlags_None);
  mark_window("panel");
  draw_current_panel(s);
  ImGui::EndChild();
}

}  // namespace cpts::ui
