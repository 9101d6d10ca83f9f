// The main window's body, below the menu bar: the welcome screen, or the compact summary above the
// navigation and the current panel.
#pragma once

namespace cpts::ui {

class App;
void draw_body(App& app);

}  // namespace cpts::ui
