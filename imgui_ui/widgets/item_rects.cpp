#include "item_rects.hpp"

#include <imgui.h>

namespace cpts::ui {

namespace {
std::map<std::string, ItemRect>& rects() {
  static std::map<std::string, ItemRect> r;
  return r;
}
void store(const char* id, ImVec2 min, ImVec2 max) {
  rects()[id] = ItemRect{min.x, min.y, max.x - min.x, max.y - min.y, ImGui::GetFrameCount()};
}
}  // namespace

void mark_item(const char* id) { store(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

void mark_rect(const char* id, ImVec2 min, ImVec2 max) { store(id, min, max); }

void mark_window(const char* id) {
  const ImVec2 pos = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
  store(id, pos, ImVec2(pos.x + size.x, pos.y + size.y));
}

const std::map<std::string, ItemRect>& item_rects() { return rects(); }

}  // namespace cpts::ui
