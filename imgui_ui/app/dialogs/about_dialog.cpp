// "À propos" modal: product, version, build, and a line of French typography that shows at a
// glance whether the font covers accents, ligatures, quotes, € and the narrow no-break space.
// Also the message modal (a refused import, with its reasons).
#include "app.hpp"
#include "fonts.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "model/money.hpp"
#include "model/version.hpp"

namespace cpts::ui {

namespace {
void close_button(const char* label, const char* id) {
  const float w = em(6);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - w);
  if (ImGui::Button(label, ImVec2(w, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) ImGui::CloseCurrentPopup();
  mark_item(id);
}
}  // namespace

void draw_about_dialog(App& app) {
  const char* title = T("about.title");
  std::string popup = std::string(title) + "###about";
  if (app.take_about_request()) ImGui::OpenPopup(popup.c_str());
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal(popup.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;
  // An auto-sized window is measured, hidden, on its first frame: publish it from the second on.
  if (!ImGui::IsWindowAppearing()) mark_window("modal.about");
  ImGui::PushFont(bold_font());
  ImGui::TextUnformatted(T("app.name"));
  ImGui::PopFont();
  ImGui::TextColored(palette().muted, "%s", T("app.tagline"));
  ImGui::Spacing();
  ImGui::TextUnformatted(TF("about.version_fmt", cpts::version()).c_str());
  ImGui::TextUnformatted(TF("about.build_fmt", cpts::build_info()).c_str());
  ImGui::Separator();
  ImGui::TextUnformatted(T("about.text_sample"));
  ImGui::Text("%s %s", T("about.amount_label"), cpts::format_eur(123456).c_str());
  ImGui::TextColored(palette().muted, "%s", T("about.data"));
  ImGui::Spacing();
  close_button(T("about.close"), "modal.about.close");
  ImGui::EndPopup();
}

void draw_message_dialog(App& app) {
  UiState& s = app.state();
  std::string popup = std::string(T("message.title")) + "###message";
  if (!s.message.empty() && !ImGui::IsPopupOpen(popup.c_str())) ImGui::OpenPopup(popup.c_str());
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(em(20), 0), ImVec2(em(45), vp->WorkSize.y * 0.8f));
  if (!ImGui::BeginPopupModal(popup.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;
  if (!ImGui::IsWindowAppearing()) mark_window("modal.message");
  ImGui::PushTextWrapPos(em(44));
  ImGui::TextUnformatted(s.message.c_str());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  // A project naming a catalogue unknown here: the way to import it, from the message itself.
  if (!s.missing_catalogue.empty()) {
    if (ImGui::Button(T("catalogue.import_button"))) {
      s.request({ActionKind::Open});
      s.status = T("catalogue.pick_hint");
      s.message.clear();
      ImGui::CloseCurrentPopup();
    }
    mark_item("modal.message.import_catalogue");
    ImGui::SameLine();
  }
  const float w = em(6);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - w);
  if (ImGui::Button(T("message.ok"), ImVec2(w, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape, false) || ImGui::IsKeyPressed(ImGuiKey_Enter, false)) {
    s.message.clear();
    ImGui::CloseCurrentPopup();
  }
  mark_item("modal.message.ok");
  ImGui::EndPopup();
}

}  // namespace cpts::ui
