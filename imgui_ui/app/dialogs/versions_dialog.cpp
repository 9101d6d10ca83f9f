// Fichier → Versions… : the working copy and the recent versions the autosave keeps on this
// device (newest first), each with its time, project and size, and a button to reopen it; then
// the copies set aside (« écartée »), which reopen through the repair. Reopening
// never loses the open project: it becomes a version itself (FileActions::before_replace).
#include <imgui.h>

#include "app.hpp"
#include "file_actions.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "model/money.hpp"
#include "theme.hpp"

namespace cpts::ui {

namespace {
std::string size_text(std::uint64_t bytes) {
  if (bytes < 1024) return TF("versions.bytes", static_cast<int>(bytes));
  return TF("versions.kib", format_number_fr(static_cast<double>(bytes) / 1024.0, bytes < 10 * 1024 ? 1 : 0).c_str());
}
}  // namespace

void draw_versions_dialog(App&, FileActions& files) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSizeConstraints(ImVec2(em(30), 0), ImVec2(em(50), vp->WorkSize.y * 0.8f));
  std::string title = std::string(T("versions.title")) + "###versions";
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;
  if (!ImGui::IsWindowAppearing()) mark_window("modal.versions");
  ImGui::PushTextWrapPos(em(48));
  ImGui::TextUnformatted(T("versions.help"));
  ImGui::PopTextWrapPos();
  if (!files.storage_warning().empty()) ImGui::TextColored(ImVec4(0.80f, 0.10f, 0.10f, 1.0f), "%s", files.storage_warning().c_str());

  const AutosaveIndex& index = files.index();
  std::vector<Snapshot> rows;
  if (index.current) rows.push_back(*index.current);
  rows.insert(rows.end(), index.versions.begin(), index.versions.end());
  // Copies set aside (unreadable at start-up, or refused by the validation before a save): listed
  // last, marked « écartée », and opened through the repair (App::open_text → offer_repair).
  const std::size_t first_aside = rows.size();
  rows.insert(rows.end(), index.set_aside.begin(), index.set_aside.end());
  const Snapshot* chosen = nullptr;
  if (rows.empty()) {
    ImGui::TextDisabled("%s", T("versions.none"));
  } else if (ImGui::BeginTable("##versions", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) {
    ImGui::TableSetupColumn(T("versions.when"));
    ImGui::TableSetupColumn(T("versions.project"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(T("versions.size"));
    ImGui::TableSetupColumn("##restore");
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const Snapshot& snap = rows[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_local_time(snap.saved_at_ms).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(snap.name.empty() ? "?" : snap.name.c_str());
      if (snap.file == "current.json") {
        ImGui::SameLine();
        ImGui::TextColored(palette().muted, "%s", T("versions.current"));
      }
      const bool aside = i >= first_aside;
      if (aside) {
        ImGui::SameLine();
        ImGui::TextColored(palette().muted, "%s", T("versions.set_aside"));
      }
      if (snap.exported) {
        ImGui::SameLine();
        ImGui::TextColored(palette().muted, "%s", T("versions.exported"));
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(size_text(snap.bytes).c_str());
      ImGui::TableNextColumn();
      if (ImGui::SmallButton(T(aside ? "repair.repair" : "versions.restore"))) chosen = &snap;
      std::string id = "versions.restore." + std::to_string(i);
      mark_item(id.c_str());
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  const float w = em(6);
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + ImGui::GetContentRegionAvail().x - w);
  if (ImGui::Button(T("versions.close"), ImVec2(w, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape, false)) ImGui::CloseCurrentPopup();
  mark_item("versions.close");
  if (chosen) {
    ImGui::CloseCurrentPopup();
    files.request_restore(*chosen);  // applied after the frame
  }
  ImGui::EndPopup();
}

}  // namespace cpts::ui
