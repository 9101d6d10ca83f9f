// The UI fonts: DejaVu Sans (regular + bold) subset to French at build time (cmake/font_glyphs.cmake);
// the regular face is the core's embedded file, the one the documents' figures use.
#pragma once
#include <imgui.h>

namespace cpts::ui {

// Rebuilds ImGui's font atlas with both faces at `size_px` UI units, rasterised at
// size_px * pixel_ratio so text stays sharp on HiDPI screens (io.FontGlobalScale undoes the
// factor), plus a large bold "display" face (kDisplayScale × size_px) for titles and big figures:
// scaling a small face up (SetWindowFontScale) blurs it on a projector. The renderer must upload
// the atlas again afterwards.
void build_fonts(float size_px, float pixel_ratio);

inline constexpr float kDisplayScale = 1.5f;

ImFont* bold_font();     // the bold face, or the regular one if the bold file is missing
ImFont* display_font();  // the bold face at kDisplayScale × the text size, rasterised at that size

// Zero-terminated ImGui glyph ranges generated from font_glyphs.cmake.
const ImWchar* french_glyph_ranges();

}  // namespace cpts::ui
