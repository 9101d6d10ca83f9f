// The main window's body, below the menu bar: a welcome page for now, the real panels later.
// Replace body.cpp wholesale; the shell only calls draw_body() inside a scrolling child region.
#pragma once

namespace cpts::ui {

class App;
void draw_body(App& app);

}  // namespace cpts::ui
