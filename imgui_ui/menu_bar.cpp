// Fichier / Édition / Affichage / Aide. Each menu item records an Action; nothing changes here.
#include <cstdio>

#include "app.hpp"
#include "item_rects.hpp"
#include "strings.hpp"

namespace cpts::ui {

namespace {
// A menu item that records `action` when chosen and publishes its rect under `id`.
void item(App& app, const char* id, const char* label, const char* shortcut, Action action,
          bool selected = false, bool enabled = true) {
  if (ImGui::MenuItem(label, shortcut, selected, enabled)) app.request(action);
  mark_item(id);
}

// Publishes the menu header's rect (whether or not it is open), then opens it.
bool menu(const char* id, const char* label) {
  const bool open = ImGui::BeginMenu(label);
  mark_item(id);
  return open;
}
}  // namespace

void draw_menu_bar(App& app) {
  const Strings& t = tr();
  if (!ImGui::BeginMenuBar()) return;

  if (menu("menu.file", t.menu_file)) {
    item(app, "menu.file.new", t.file_new, app.in_browser() ? nullptr : t.key_new, {ActionKind::New});
    item(app, "menu.file.open", t.file_open, t.key_open, {ActionKind::Open});
    item(app, "menu.file.save", t.file_save, t.key_save, {ActionKind::Save});
    if (!app.in_browser()) {
      ImGui::Separator();
      item(app, "menu.file.quit", t.file_quit, nullptr, {ActionKind::Quit});
    }
    ImGui::EndMenu();
  }
  if (menu("menu.edit", t.menu_edit)) {
    item(app, "menu.edit.undo", t.edit_undo, t.key_undo, {ActionKind::Undo}, false, false);
    item(app, "menu.edit.redo", t.edit_redo, t.key_redo, {ActionKind::Redo}, false, false);
    ImGui::EndMenu();
  }
  if (menu("menu.view", t.menu_view)) {
    item(app, "menu.view.light", t.view_theme_light, nullptr,
         {ActionKind::SetTheme, static_cast<int>(Theme::Light)}, app.theme() == Theme::Light);
    item(app, "menu.view.dark", t.view_theme_dark, nullptr,
         {ActionKind::SetTheme, static_cast<int>(Theme::Dark)}, app.theme() == Theme::Dark);
    ImGui::Separator();
    for (int z : kZoomLevels) {
      char label[32], id[32];
      std::snprintf(label, sizeof label, t.view_zoom_fmt, z);
      std::snprintf(id, sizeof id, "menu.view.zoom%d", z);
      item(app, id, label, nullptr, {ActionKind::SetZoom, z}, app.zoom_percent() == z);
    }
    ImGui::EndMenu();
  }
  if (menu("menu.help", t.menu_help)) {
    item(app, "menu.help.about", t.help_about, nullptr, {ActionKind::About});
    ImGui::EndMenu();
  }
  ImGui::EndMenuBar();
}

}  // namespace cpts::ui
