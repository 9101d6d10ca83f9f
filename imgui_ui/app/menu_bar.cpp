// Fichier / Édition / Affichage / Aide. Each menu item records an AppRequest; nothing changes here.
#include <cstdio>

#include "app.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "io/samples.hpp"

namespace cpts::ui {

namespace {
// A menu item that records `action` when chosen and publishes its rect under `id`.
void item(App& app, const char* id, const char* label, const char* shortcut, AppRequest action, bool selected = false, bool enabled = true) {
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
  if (!ImGui::BeginMenuBar()) return;
  const History& h = app.state().doc.history;

  if (menu("menu.file", T("menu.file"))) {
    item(app, "menu.file.new", T("file.new"), app.in_browser() ? nullptr : "Ctrl+N", {ActionKind::Welcome});
    item(app, "menu.file.open", T("file.open"), "Ctrl+O", {ActionKind::Open});
    item(app, "menu.file.save", T("file.save"), "Ctrl+S", {ActionKind::Save}, false, app.state().doc.open);
    const bool open = app.state().doc.open;
    item(app, "menu.file.import_table", T("file.import_table"), nullptr, {ActionKind::ImportTable}, false, open && !app.state().read_only);
    item(app, "menu.file.csv_indicators", T("file.csv_indicators"), nullptr, {ActionKind::ExportIndicatorsCsv}, false, open);
    item(app, "menu.file.csv_schedule", T("file.csv_schedule"), nullptr, {ActionKind::ExportScheduleCsv}, false, open);
    item(app, "menu.file.xlsx", T("file.xlsx_workbook"), nullptr, {ActionKind::ExportWorkbookXlsx}, false, open);
    item(app, "menu.file.versions", T("file.versions"), nullptr, {ActionKind::Versions});
    if (menu("menu.file.catalogues", T("file.catalogues"))) {
      item(app, "menu.file.catalogues.import", T("file.catalogues_import"), nullptr, {ActionKind::ImportCatalogue});
      ImGui::EndMenu();
    }
    if (menu("menu.file.samples", T("file.samples"))) {
      auto ids = sample_ids();
      for (std::size_t i = 0; i < ids.size(); ++i) {
        std::string id = "menu.file.sample." + ids[i];
        item(app, id.c_str(), ids[i].c_str(), nullptr, {ActionKind::OpenSample, static_cast<int>(i)});
      }
      ImGui::EndMenu();
    }
    if (!app.in_browser()) {
      ImGui::Separator();
      item(app, "menu.file.quit", T("file.quit"), nullptr, {ActionKind::Quit});
    }
    ImGui::EndMenu();
  }
  if (menu("menu.edit", T("menu.edit"))) {
    std::string undo = h.can_undo() ? TF("edit.undo_fmt", h.undo_label().c_str()) : T("edit.undo");
    std::string redo = h.can_redo() ? TF("edit.redo_fmt", h.redo_label().c_str()) : T("edit.redo");
    item(app, "menu.edit.undo", undo.c_str(), "Ctrl+Z", {ActionKind::Undo}, false, h.can_undo());
    item(app, "menu.edit.redo", redo.c_str(), "Ctrl+Y", {ActionKind::Redo}, false, h.can_redo());
    ImGui::Separator();
    item(app, "menu.edit.lock", T("edit.lock"), nullptr, {ActionKind::ToggleLock}, app.state().read_only);
    ImGui::Separator();
    item(app, "menu.edit.copy_indicators", T("edit.copy_indicators"), nullptr, {ActionKind::CopyIndicatorsTable}, false, app.state().doc.open);
    item(app, "menu.edit.copy_schedule", T("edit.copy_schedule"), nullptr, {ActionKind::CopyScheduleTable}, false, app.state().doc.open);
    ImGui::EndMenu();
  }
  if (menu("menu.view", T("menu.view"))) {
    item(app, "menu.view.light", T("view.theme_light"), nullptr, {ActionKind::SetTheme, static_cast<int>(Theme::Light)}, app.theme() == Theme::Light);
    item(app, "menu.view.dark", T("view.theme_dark"), nullptr, {ActionKind::SetTheme, static_cast<int>(Theme::Dark)}, app.theme() == Theme::Dark);
    item(app, "menu.view.contrast", T("view.theme_contrast"), nullptr, {ActionKind::SetTheme, static_cast<int>(Theme::HighContrast)},
         app.theme() == Theme::HighContrast);
    ImGui::Separator();
    for (int z : kZoomLevels) {
      char id[32];
      std::snprintf(id, sizeof id, "menu.view.zoom%d", z);
      item(app, id, TF("view.zoom_fmt", z).c_str(), z == kZoomLevels[0] ? "Alt+Z" : nullptr, {ActionKind::SetZoom, z}, app.zoom_percent() == z);
    }
    ImGui::Separator();
    item(app, "menu.view.present", T("view.present"), "Alt+P", {ActionKind::Present}, false, app.state().doc.open);
    ImGui::Separator();
    item(app, "menu.view.fr", T("view.french"), nullptr, {ActionKind::SetLanguage, static_cast<int>(Lang::Fr)}, language() == Lang::Fr);
    item(app, "menu.view.en", T("view.english"), nullptr, {ActionKind::SetLanguage, static_cast<int>(Lang::En)}, language() == Lang::En);
    ImGui::EndMenu();
  }
  if (menu("menu.help", T("menu.help"))) {
    item(app, "menu.help.guide", T("help.guide"), nullptr, {ActionKind::Guide}, app.guide_open());
    item(app, "menu.help.about", T("help.about"), nullptr, {ActionKind::About});
    ImGui::EndMenu();
  }
  app.files().draw_menu_bar_status(app);  // right end: where the autosave stands
  ImGui::EndMenuBar();
}

}  // namespace cpts::ui
