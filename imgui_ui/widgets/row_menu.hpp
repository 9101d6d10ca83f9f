// Context menu of a table row: right click, or a long press on a touch screen (the web platform
// turns a long press into a right click). Offers the same actions as the row's buttons
// (edit_helpers.hpp row_buttons): Dupliquer / Supprimer / Monter / Descendre, plus optional extra
// entries of the panel. Call it inside the row (after TableNextRow, within the row's PushID).
#pragma once
#include <cstddef>

#include "edit_helpers.hpp"

namespace cpts::ui {

struct RowMenuExtra {
  const char* label = nullptr;  // an extra entry after a separator ("Copier le tableau"), or none
  bool* chosen = nullptr;       // set to true when picked
};

// The entries themselves, inside an open popup (also the "…" menu of narrow tables, edit_helpers).
RowAction row_menu_items(std::size_t i, std::size_t n, bool can_duplicate);

RowAction row_context_menu(std::size_t i, std::size_t n, bool can_duplicate = true, RowMenuExtra extra = {});

}  // namespace cpts::ui
