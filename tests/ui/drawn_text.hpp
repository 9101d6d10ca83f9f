// What the UI drew, as text, for the tests that read the screen (room_ui_test, english_ui_test).
#pragma once
#include <string>

#include "ui_driver.hpp"

namespace cpts::ui::testing {

// The text every widget drew in one more frame, one item a line: ImGui's logging to a file. A
// top-level window's End() stops logging (and would clear a buffer log), so what is captured is
// everything drawn up to the first top-level window's end — the app's main window (menu bar,
// panel, status line) or the presentation, and a window or tooltip opened while drawing it (the
// guide, a hovered row's tooltip). Logging also opens tree nodes two levels deep for that frame.
std::string drawn_text(UiDriver& ui);

}  // namespace cpts::ui::testing
