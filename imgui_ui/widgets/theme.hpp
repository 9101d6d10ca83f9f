// Light (default: readable on projectors), dark and high-contrast themes. Every size is a multiple of the font
// size, so zooming to 150 % or 200 % keeps the proportions (hello_imgui's "em" idea).
#pragma once
#include <imgui.h>

namespace cpts::ui {

enum class Theme { Light, Dark, HighContrast };  // high contrast: washed-out projectors

// Colours with a meaning, readable on the current theme's background.
struct Palette {
  ImVec4 ok;      // ✓ done, valid
  ImVec4 warn;    // ✗ missing, to check
  ImVec4 muted;   // secondary text
  ImVec4 background;
};

// Sets ImGui's style for `theme` with sizes proportional to `font_px` (UI units).
void apply_theme(Theme theme, float font_px);
const Palette& palette();  // of the last applied theme

// Font-relative lengths: em(1) is the current font height.
inline float em(float n) { return ImGui::GetFontSize() * n; }
inline ImVec2 em(float x, float y) { return ImVec2(em(x), em(y)); }

}  // namespace cpts::ui
