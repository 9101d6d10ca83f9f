// Vérification: the core's findings grouped by severity; clicking one jumps to the object.
#include "edit_helpers.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "panel_common.hpp"
#include "theme.hpp"

namespace cpts::ui {

void draw_panel_verification(UiState& s) {
  panel_title(T("panel.verification"), T("verif.subtitle"));
  const auto& findings = s.doc.derived.findings;
  if (findings.empty()) {
    ImGui::TextColored(palette().ok, "%s", T("verif.none"));
    return;
  }
  const struct {
    Severity sev;
    const char* key;
    ImVec4 color;
  } groups[] = {{Severity::Blocking, "verif.blocking", ImVec4(0.80f, 0.10f, 0.10f, 1)},
                {Severity::Warning, "verif.warning", ImVec4(0.80f, 0.45f, 0.0f, 1)},
                {Severity::Info, "verif.info", palette().muted}};
  int n = 0;
  for (const auto& g : groups) {
    int count_in = count(findings, g.sev);
    if (!count_in) continue;
    ImGui::PushStyleColor(ImGuiCol_Text, g.color);
    bool open = ImGui::CollapsingHeader((TF(g.key, count_in) + "##" + g.key).c_str(), ImGuiTreeNodeFlags_DefaultOpen);
    ImGui::PopStyleColor();
    if (!open) continue;
    for (const Finding& f : findings) {
      if (f.severity != g.sev) continue;
      ImGui::PushID(n);
      // A selectable as tall as the wrapped message, with the text drawn over it: long messages
      // wrap instead of being cut.
      std::string msg = "• " + message_of(f);
      float wrap = ImGui::GetContentRegionAvail().x;
      ImVec2 size = ImGui::CalcTextSize(msg.c_str(), nullptr, false, wrap);
      ImVec2 pos = ImGui::GetCursorScreenPos();
      if (ImGui::Selectable("##finding", false, 0, ImVec2(0, size.y))) s.jump_to(f.ref);
      bool hovered = ImGui::IsItemHovered();
      ImGui::GetWindowDrawList()->AddText(nullptr, 0.0f, pos, ImGui::GetColorU32(ImGuiCol_Text), msg.c_str(), nullptr, wrap);
      if (hovered) ImGui::SetTooltip("%s", T("verif.click_to_go"));
      std::string id = "verif.finding" + std::to_string(n);
      mark_item(id.c_str());
      ImGui::PopID();
      ++n;
    }
  }
}

}  // namespace cpts::ui
