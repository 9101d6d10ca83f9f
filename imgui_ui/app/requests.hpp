// What the UI asks the App to do after the frame: one vocabulary, one queue (UiState::requests).
// Menus, shortcuts, panels and dialogs only push an AppRequest; App::after_frame() carries them out in
// order, once the frame's edits are applied (so "Enregistrer" saves the edit just made).
#pragma once
#include <string>
#include <utility>

namespace cpts::ui {

enum class ActionKind { Welcome, OpenSample, Open, ReopenLast, Save, Quit, Undo, Redo, SetTheme, SetZoom, SetLanguage, About,
                        ExportIndicatorsCsv, ExportScheduleCsv, ExportWorkbookXlsx, CopyIndicatorsTable, CopyScheduleTable, Versions,
                        Present, ToggleLock, CycleZoom, ImportCatalogue, ImportTable, PasteTable, Guide };

struct AppRequest {
  // A constructor, not aggregate braces: {ActionKind::Open} names no value or text (no
  // missing-initializer warning at each call).
  AppRequest(ActionKind k, int v = 0, std::string t = {}) : kind(k), value(v), text(std::move(t)) {}
  ActionKind kind;
  int value = 0;     // SetTheme: Theme; SetZoom: percent; SetLanguage: Lang; OpenSample: index in sample_ids()
  std::string text;  // OpenSample: the sample's id (wins over `value` when set)
};

}  // namespace cpts::ui
