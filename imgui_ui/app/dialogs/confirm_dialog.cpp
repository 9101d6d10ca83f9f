// The confirmation of an edit that takes more than it says (Document::Confirmation): the question,
// what goes with it, and "Annuler" / the confirm button. Nothing changes until confirmed; the
// command is then one undo step.
#include <imgui.h>

#include "app.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "theme.hpp"

namespace cpts::ui {

void draw_confirm_dialog(App& app) {
  Document& doc = app.state().doc;
  std::string popup = std::string(T("confirm.title")) + "###confirm";
  if (doc.confirmation && !ImGui::IsPopupOpen(popup.c_str())) ImGui::OpenPopup(popup.c_str());
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(em(20), 0), ImVec2(em(45), vp->WorkSize.y * 0.8f));
  if (!ImGui::BeginPopupModal(popup.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;
  if (!doc.confirmation) {  // the document changed under it (a file was opened)
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  if (!ImGui::IsWindowAppearing()) mark_window("modal.confirm");
  ImGui::PushTextWrapPos(em(44));
  ImGui::TextUnformatted(doc.confirmation->question.c_str());
  mark_item("modal.confirm.question");
  for (const std::string& line : doc.confirmation->details) ImGui::BulletText("%s", line.c_str());
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  bool cancel = ImGui::Button(T("confirm.cancel")) || ImGui::IsKeyPressed(ImGuiKey_Escape, false);
  mark_item("modal.confirm.cancel");
  ImGui::SameLine();
  bool ok = ImGui::Button(doc.confirmation->confirm_label.c_str());
  mark_item("modal.confirm.ok");
  if (ok) doc.edit(std::move(doc.confirmation->command));
  if (ok || cancel) {
    doc.confirmation.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace cpts::ui
