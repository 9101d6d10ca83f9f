#include "body.hpp"

#include "app.hpp"
#include "item_rects.hpp"
#include "i18n.hpp"
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
  if (ImGui::GetContentRegionAvail().x < em(64)) {
    // Narrow (200 % on a laptop, 150 % on a 1280 px projector): the panels are a list above the
    // content instead of a sidebar, so that tables of five years keep the whole width.
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(T("nav.panel"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em(20));
    if (ImGui::BeginCombo("##nav_combo", T(panel_key(s.panel)), ImGuiComboFlags_HeightLargest)) {  // all 13 at once
      draw_navigation(s);
      ImGui::EndCombo();
    }
    mark_item("nav.combo");
  } else {
    ImGui::BeginChild("##nav", ImVec2(em(15), 0), ImGuiChildFlags_Border);
    draw_navigation(s);
    ImGui::EndChild();
    ImGui::SameLine();
  }
  ImGui::BeginChild("##panel", ImVec2(0, 0), ImGuiChildFlags_None);
  mark_window("panel");
  const bool locked = s.read_only;  // the unlock button may change it during the frame
  if (locked) {
    // Locked for a shared screen: everything visible, nothing editable until unlocked.
    ImGui::TextColored(palette().warn, "%s", T("status.locked_banner"));
    ImGui::SameLine();
    if (ImGui::SmallButton(T("edit.unlock"))) s.read_only = false;
    mark_item("body.unlock");
    ImGui::BeginDisabled();
  }
  draw_current_panel(s);
  if (locked) ImGui::EndDisabled();
  ImGui::EndChild();
}

}  // namespace cpts::ui
