// Pasting or importing a table (issue #16): start the preview from pasted text or a file's bytes,
// and draw it (table_import_dialog.cpp). The state lives in UiState::pending_table.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "ui_state.hpp"

namespace cpts::ui {

// The table a panel shows (Ctrl+V over it pastes there): Territoire → communes, Missions →
// fiches-actions…; nullopt for panels without one.
std::optional<tables::TableKind> table_of_panel(PanelId p);

// Reads `bytes` (pasted text, .csv/.tsv/.xlsx) and opens the preview; a refused grid shows its
// French message and changes nothing.
bool start_table_import(UiState& s, tables::TableKind kind, std::string_view bytes, const std::string& source);

void draw_table_import_dialog(UiState& s);

}  // namespace cpts::ui
