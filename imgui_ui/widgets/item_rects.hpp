// Test hook: where important items were last drawn, by a stable string id ("menu.help",
// "menu.help.about", "modal.about"...). The web platform copies them to `window.__ui` for
// Playwright; the native platform uses them to replay scripted clicks (--click). Coordinates are
// ImGui units, which are CSS pixels on the web.
#pragma once
#include <imgui.h>

#include <map>
#include <string>

namespace cpts::ui {

struct ItemRect {
  float x = 0, y = 0, w = 0, h = 0;
  int frame = -1;  // ImGui frame count when it was drawn: stale rects (closed menus) are older
};

void mark_item(const char* id);    // ImGui's last item (call right after the widget)
void mark_window(const char* id);  // the current window (call between Begin and End)
void mark_rect(const char* id, ImVec2 min, ImVec2 max);  // a drawn shape (screen coordinates): a chart's label
const std::map<std::string, ItemRect>& item_rects();

}  // namespace cpts::ui
