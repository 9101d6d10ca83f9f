// The repair of a refused file (issue #13, item 6), in two steps: why the file was refused, with
// « Réparer… »; then every change the repair makes, with its JSON path, before anything is
// applied. « Appliquer la réparation » opens the repaired project under another name (the original
// file is never modified); « Annuler » leaves the open project exactly as it was.
#include <imgui.h>

#include "app.hpp"
#include "file_actions.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "theme.hpp"

namespace cpts::ui {

void draw_repair_dialog(App& app, FileActions& files) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(em(30), 0), ImVec2(em(52), vp->WorkSize.y * 0.8f));
  std::string title = std::string(T("repair.title")) + "###repair";
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;
  const auto& pending = files.pending_repair();
  if (!pending) {
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  if (!ImGui::IsWindowAppearing()) mark_window("modal.repair");
  ImGui::PushTextWrapPos(em(50));
  bool apply = false, cancel = false;
  if (!pending->show_changes) {
    ImGui::TextUnformatted(TF("repair.refused", pending->name.c_str()).c_str());
    for (std::size_t i = 0; i < pending->errors.size() && i < 8; ++i)
      ImGui::BulletText("%s : %s", pending->errors[i].path.c_str(), pending->errors[i].message.c_str());
    if (pending->errors.size() > 8) ImGui::BulletText("…");
    ImGui::Spacing();
    ImGui::TextUnformatted(T("repair.offer"));
    ImGui::Spacing();
    if (ImGui::Button(T("repair.repair"))) files.show_repair_changes();
    mark_item("modal.repair.repair");
    ImGui::SameLine();
    cancel = ImGui::Button(T("repair.cancel")) || ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    mark_item("modal.repair.cancel");
  } else {
    ImGui::TextUnformatted(TF("repair.changes", static_cast<int>(pending->changes.size())).c_str());
    for (std::size_t i = 0; i < pending->changes.size(); ++i) {
      const RepairChange& c = pending->changes[i];
      ImGui::Bullet();
      ImGui::TextColored(palette().muted, "%s", c.path.c_str());
      ImGui::SameLine(0, 0);
      ImGui::TextWrapped(" : %s", c.description.c_str());
      mark_item(("modal.repair.change." + std::to_string(i)).c_str());
    }
    ImGui::Spacing();
    ImGui::TextColored(palette().muted, "%s", T("repair.original_kept"));
    ImGui::Spacing();
    apply = ImGui::Button(T("repair.apply"));
    mark_item("modal.repair.apply");
    ImGui::SameLine();
    cancel = ImGui::Button(T("repair.cancel")) || ImGui::IsKeyPressed(ImGuiKey_Escape, false);
    mark_item("modal.repair.cancel");
  }
  ImGui::PopTextWrapPos();
  if (apply || cancel) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
  // After EndPopup: opening the project may open other popups (a merge preview, a message).
  if (apply) files.apply_repair(app);
  if (cancel) files.cancel_repair(app);
}

}  // namespace cpts::ui
