#include "fonts.hpp"

#include <cstdio>

#include "io/embedded_data.hpp"

#ifndef CPTS_FONT_BOLD
#error "CPTS_FONT_BOLD must name the bold subset font (set by imgui_ui/CMakeLists.txt)"
#endif

namespace cpts::ui {

namespace {
ImFont* g_bold = nullptr;
ImFont* g_display = nullptr;

bool readable(const char* path) {
  if (std::FILE* f = std::fopen(path, "rb")) {
    std::fclose(f);
    return true;
  }
  return false;
}

ImFontConfig face_config() {
  ImFontConfig cfg;
  cfg.OversampleH = 2;  // horizontal subpixel positions: smoother small text
  cfg.OversampleV = 1;
  return cfg;
}

ImFont* add_face(const char* path, float size_px) {
  if (!readable(path)) {
    std::fprintf(stderr, "cpts-planner: police introuvable : %s\n", path);
    return nullptr;
  }
  ImFontConfig cfg = face_config();
  return ImGui::GetIO().Fonts->AddFontFromFileTTF(path, size_px, &cfg, french_glyph_ranges());
}

// The regular face is the core's embedded DejaVu Sans subset, the file the documents' figures are
// measured and drawn with (src/CMakeLists.txt): one copy in the web page, the same metrics.
ImFont* add_regular_face(float size_px) {
  const std::string_view ttf = embedded_file("DejaVuSans-fr.ttf");
  if (ttf.empty()) {
    std::fprintf(stderr, "cpts-planner: police introuvable : DejaVuSans-fr.ttf\n");
    return nullptr;
  }
  ImFontConfig cfg = face_config();
  cfg.FontDataOwnedByAtlas = false;  // static data: ImGui copies it rather than freeing it
  return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<char*>(ttf.data()), static_cast<int>(ttf.size()), size_px, &cfg,
                                                     french_glyph_ranges());
}
}  // namespace

const ImWchar* french_glyph_ranges() {
  static const ImWchar ranges[] = {
#include "font_glyph_ranges.inc"
      0};
  return ranges;
}

void build_fonts(float size_px, float pixel_ratio) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  const float raster_px = size_px * pixel_ratio;
  ImFont* regular = add_regular_face(raster_px);
  if (!regular) {  // still usable (ASCII only) rather than a blank window
    ImFontConfig cfg;
    cfg.SizePixels = raster_px;
    regular = io.Fonts->AddFontDefault(&cfg);
  }
  g_bold = add_face(CPTS_FONT_BOLD, raster_px);
  if (!g_bold) g_bold = regular;
  g_display = add_face(CPTS_FONT_BOLD, raster_px * kDisplayScale);
  if (!g_display) g_display = g_bold;
  io.FontDefault = regular;
  io.FontGlobalScale = 1.0f / pixel_ratio;
  io.Fonts->Build();
}

ImFont* bold_font() { return g_bold; }
ImFont* display_font() { return g_display; }

}  // namespace cpts::ui
