// Drives the real UI on a headless Dear ImGui context (no window, no GPU): frames, clicks on the
// items the panels publish with mark_item(), typing and shortcuts, as a user would.
#pragma once
#include <imgui.h>
#include <imgui_internal.h>  // GImGui->LogBuffer: the text drawn during a frame

#include <memory>
#include <string>

#include "app.hpp"
#include "item_rects.hpp"

namespace cpts::ui::testing {

class UiDriver {
 public:
  explicit UiDriver(AppConfig config = {}, ImVec2 size = ImVec2(1400, 900)) {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = size;
    io.DeltaTime = 1.0f / 60.0f;
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    app_ = std::make_unique<App>(config);
    frames(2);
  }
  ~UiDriver() {
    app_.reset();
    ImGui::DestroyContext();
  }
  App& app() { return *app_; }
  UiState& state() { return app_->state(); }
  const Project& project() { return app_->state().doc.project(); }

  void frame() {
    app_->prepare_frame(1.0f);
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    ImGui::NewFrame();
    if (capture_) ImGui::LogToBuffer();
    app_->draw();
    if (capture_) {
      drawn_ = GImGui->LogBuffer.c_str();
      ImGui::LogFinish();
    }
    ImGui::Render();
  }

  // The text every widget drew in one more frame (ImGui's logging: labels, Text, tables, menus;
  // not the text charts draw straight into a draw list), one item a line. Logging also opens
  // tree nodes two levels deep for that frame, so folded sections show their text too.
  std::string drawn_text() {
    capture_ = true;
    frame();
    capture_ = false;
    return drawn_;
  }
  void frames(int n) {
    for (int i = 0; i < n; ++i) frame();
  }

  // True if the item was drawn in the last frame.
  bool visible(const std::string& id) const {
    auto it = item_rects().find(id);
    return it != item_rects().end() && it->second.frame == ImGui::GetFrameCount();
  }

  // Clicks the centre of a published item (press on one frame, release on the next), like a user.
  bool click(const std::string& id) {
    auto it = item_rects().find(id);
    if (it == item_rects().end() || it->second.frame != ImGui::GetFrameCount()) return false;
    ImVec2 c(it->second.x + it->second.w / 2, it->second.y + it->second.h / 2);
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(c.x, c.y);
    frame();
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    frame();
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    frames(2);
    return true;
  }

  void key(ImGuiKey k, bool ctrl = false, bool shift = false) {
    ImGuiIO& io = ImGui::GetIO();
    if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, true);
    if (shift) io.AddKeyEvent(ImGuiMod_Shift, true);
    io.AddKeyEvent(k, true);
    frame();
    io.AddKeyEvent(k, false);
    if (ctrl) io.AddKeyEvent(ImGuiMod_Ctrl, false);
    if (shift) io.AddKeyEvent(ImGuiMod_Shift, false);
    frames(2);
  }

  // Replaces the text of the field under `id` with `text` and validates it with Enter.
  // `enter`: validate with Enter (a form in a modal) instead of a click outside the field.
  bool fill(const std::string& id, const std::string& text, bool enter = false) {
    if (!click(id)) return false;
    key(ImGuiKey_A, true);  // select all, then delete: typing replaces the whole text
    key(ImGuiKey_Delete);
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame();
    if (enter) {
      key(ImGuiKey_Enter);
      return true;
    }
    // Validate by clicking outside the field (on the status line), as a user often does; Enter
    // would also reach whatever button keyboard navigation last focused.
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(4, io.DisplaySize.y - 4);
    frame();
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    frame();
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    frames(2);
    return true;
  }

  // Where a published item was last drawn (zero rect if never).
  ItemRect rect(const std::string& id) const {
    auto it = item_rects().find(id);
    return it == item_rects().end() ? ItemRect{} : it->second;
  }

  // A mouse drag: press at `from`, move to `to` in `steps` frames, release, as a hand does.
  // `before_release` runs with the button still down (to look at the model mid-drag).
  template <class F>
  void drag(ImVec2 from, ImVec2 to, F before_release, int steps = 6) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(from.x, from.y);
    frame();
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    frame();
    for (int k = 1; k <= steps; ++k) {
      float t = static_cast<float>(k) / static_cast<float>(steps);
      io.AddMousePosEvent(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t);
      frame();
    }
    before_release();
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    frames(3);
  }
  void drag(ImVec2 from, ImVec2 to) {
    drag(from, to, [] {});
  }

  // Types text into the field that has the keyboard (one frame per call, as a burst of keys).
  void type(const std::string& text) {
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame();
  }

 private:
  std::unique_ptr<App> app_;
  bool capture_ = false;
  std::string drawn_;
};

}  // namespace cpts::ui::testing
