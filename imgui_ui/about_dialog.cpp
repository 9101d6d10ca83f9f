// "À propos" modal: product, version, build, and a line of French typography that shows at a
// glance whether the font covers accents, ligatures, quotes, € and the narrow no-break space.
#include "app.hpp"
#include "fonts.hpp"
#include "item_rects.hpp"
#include "money.hpp"
#include "strings.hpp"
#include "version.hpp"

namespace cpts::ui {

void draw_about_dialog(App& app) {
  const Strings& t = tr();
  if (app.take_about_request()) ImGui::OpenPopup(t.about_title);

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings;
  if (!ImGui::BeginPopupModal(t.about_title, nullptr, flags)) return;
  // An auto-sized window is measured, hidden, on its first frame: publish it from the second on.
  if (!ImGui::IsWindowAppearing()) mark_window("modal.about");

  ImGui::PushFont(bold_font());
  ImGui::TextUnformatted(t.app_name);
  ImGui::PopFont();
  ImGui::TextColored(palette().muted, "%s", t.app_tagline);
  ImGui::Spacing();
  ImGui::Text(t.about_version_fmt, cpts::version());
  ImGui::Text(t.about_build_fmt, cpts::build_info());
  ImGui::Separator();
  ImGui::TextUnformatted(t.about_text_sample);
  ImGui::Text("%s %s", t.about_amount_label, cpts::format_eur(123456).c_str());
  ImGui::Spacing();

  // Close button on the right, Escape closes too.
  const float w = em(6);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - w);
  if (ImGui::Button(t.about_close, ImVec2(w, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape, false))
    ImGui::CloseCurrentPopup();
  mark_item("modal.about.close");
  ImGui::EndPopup();
}

}  // namespace cpts::ui
