#include "row_menu.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // TableGetHoveredRow (previous frame's hovered row)

#include "i18n.hpp"
#include "item_rects.hpp"

namespace cpts::ui {

RowAction row_menu_items(std::size_t i, std::size_t n, bool can_duplicate) {
  RowAction a = RowAction::None;
  if (ImGui::MenuItem(T("list.duplicate"), nullptr, false, can_duplicate)) a = RowAction::Duplicate;
  mark_item("rowmenu.duplicate");
  if (ImGui::MenuItem(T("list.delete"))) a = RowAction::Delete;
  mark_item("rowmenu.delete");
  ImGui::Separator();
  if (ImGui::MenuItem(T("list.up"), nullptr, false, i > 0)) a = RowAction::Up;
  mark_item("rowmenu.up");
  if (ImGui::MenuItem(T("list.down"), nullptr, false, i + 1 < n)) a = RowAction::Down;
  mark_item("rowmenu.down");
  return a;
}

RowAction row_context_menu(std::size_t i, std::size_t n, bool can_duplicate, RowMenuExtra extra) {
  // On release, like ImGui's own context menus; the table only reports a hovered row when nothing
  // (a modal, another popup) covers it.
  if (ImGui::TableGetHoveredRow() == ImGui::TableGetRowIndex() && ImGui::IsMouseReleased(ImGuiMouseButton_Right))
    ImGui::OpenPopup("##rowmenu");
  if (!ImGui::BeginPopup("##rowmenu")) return RowAction::None;
  if (!ImGui::IsWindowAppearing()) mark_window("rowmenu");
  RowAction a = row_menu_items(i, n, can_duplicate);
  if (extra.label) {
    ImGui::Separator();
    if (ImGui::MenuItem(extra.label) && extra.chosen) *extra.chosen = true;
    mark_item("rowmenu.extra");
  }
  ImGui::EndPopup();
  return a;
}

}  // namespace cpts::ui
