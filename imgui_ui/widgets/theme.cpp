#include "theme.hpp"

namespace cpts::ui {

namespace {
Palette g_palette;

// Sizes in em, chosen for touch-free desktop use: compact but with room around text.
void set_sizes(ImGuiStyle& s, float f) {
  auto v = [f](float x, float y) { return ImVec2(x * f, y * f); };
  s.WindowPadding = v(0.7f, 0.6f);
  s.FramePadding = v(0.45f, 0.25f);
  s.CellPadding = v(0.35f, 0.15f);
  s.ItemSpacing = v(0.55f, 0.4f);
  s.ItemInnerSpacing = v(0.35f, 0.3f);
  s.TouchExtraPadding = v(0, 0);
  s.IndentSpacing = 1.2f * f;
  s.ScrollbarSize = 0.8f * f;
  s.GrabMinSize = 0.6f * f;
  s.WindowRounding = 0.3f * f;
  s.ChildRounding = 0.25f * f;
  s.FrameRounding = 0.2f * f;
  s.PopupRounding = 0.2f * f;
  s.ScrollbarRounding = 0.4f * f;
  s.GrabRounding = 0.2f * f;
  s.TabRounding = 0.25f * f;
  s.WindowMinSize = v(2, 2);
  s.DisplaySafeAreaPadding = v(0.2f, 0.2f);
  s.SeparatorTextPadding = v(1.0f, 0.2f);
  s.WindowBorderSize = 1;
  s.PopupBorderSize = 1;
  s.ChildBorderSize = 1;
}

void light_colors(ImGuiStyle& s) {
  ImGui::StyleColorsLight(&s);
  ImVec4* c = s.Colors;
  // Higher contrast than ImGui's light theme: projectors wash out pale greys.
  c[ImGuiCol_Text] = ImVec4(0.08f, 0.09f, 0.11f, 1);
  c[ImGuiCol_TextDisabled] = ImVec4(0.45f, 0.47f, 0.50f, 1);
  c[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.98f, 1);
  c[ImGuiCol_PopupBg] = ImVec4(1, 1, 1, 1);
  c[ImGuiCol_MenuBarBg] = ImVec4(0.91f, 0.92f, 0.94f, 1);
  c[ImGuiCol_Border] = ImVec4(0.70f, 0.72f, 0.76f, 1);
  c[ImGuiCol_FrameBg] = ImVec4(1, 1, 1, 1);
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.10f, 0.12f, 0.16f, 0.35f);
  g_palette = {ImVec4(0.09f, 0.48f, 0.20f, 1), ImVec4(0.74f, 0.20f, 0.10f, 1),
               c[ImGuiCol_TextDisabled], c[ImGuiCol_WindowBg]};
}

void dark_colors(ImGuiStyle& s) {
  ImGui::StyleColorsDark(&s);
  ImVec4* c = s.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.11f, 0.12f, 0.14f, 1);
  c[ImGuiCol_MenuBarBg] = ImVec4(0.16f, 0.17f, 0.20f, 1);
  c[ImGuiCol_PopupBg] = ImVec4(0.13f, 0.14f, 0.17f, 1);  // opaque: text behind a menu must not show through
  g_palette = {ImVec4(0.40f, 0.85f, 0.50f, 1), ImVec4(1.00f, 0.55f, 0.45f, 1),
               c[ImGuiCol_TextDisabled], c[ImGuiCol_WindowBg]};
}
// Black on white with strong borders and saturated accents: what stays readable on a washed-out
// projector or for low vision (WCAG contrast well above 7:1 for text).
void high_contrast_colors(ImGuiStyle& s) {
  ImGui::StyleColorsLight(&s);
  ImVec4* c = s.Colors;
  const ImVec4 black(0, 0, 0, 1), white(1, 1, 1, 1), blue(0.0f, 0.20f, 0.65f, 1), yellow(1.0f, 0.90f, 0.0f, 1);
  c[ImGuiCol_Text] = black;
  c[ImGuiCol_TextDisabled] = ImVec4(0.20f, 0.20f, 0.20f, 1);
  c[ImGuiCol_WindowBg] = white;
  c[ImGuiCol_ChildBg] = white;
  c[ImGuiCol_PopupBg] = white;
  c[ImGuiCol_MenuBarBg] = ImVec4(0.85f, 0.85f, 0.85f, 1);
  c[ImGuiCol_Border] = black;
  c[ImGuiCol_FrameBg] = white;
  c[ImGuiCol_FrameBgHovered] = yellow;
  c[ImGuiCol_FrameBgActive] = yellow;
  c[ImGuiCol_Button] = ImVec4(0.80f, 0.86f, 1.0f, 1);
  c[ImGuiCol_ButtonHovered] = yellow;
  c[ImGuiCol_ButtonActive] = ImVec4(1.0f, 0.75f, 0.0f, 1);
  c[ImGuiCol_Header] = ImVec4(0.80f, 0.86f, 1.0f, 1);
  c[ImGuiCol_HeaderHovered] = yellow;
  c[ImGuiCol_HeaderActive] = ImVec4(1.0f, 0.75f, 0.0f, 1);
  c[ImGuiCol_CheckMark] = blue;
  c[ImGuiCol_SliderGrab] = blue;
  c[ImGuiCol_SliderGrabActive] = black;
  c[ImGuiCol_Tab] = ImVec4(0.85f, 0.85f, 0.85f, 1);
  c[ImGuiCol_TabActive] = ImVec4(0.80f, 0.86f, 1.0f, 1);
  c[ImGuiCol_TabHovered] = yellow;
  c[ImGuiCol_TableHeaderBg] = ImVec4(0.80f, 0.86f, 1.0f, 1);
  c[ImGuiCol_TableBorderStrong] = black;
  c[ImGuiCol_TableBorderLight] = ImVec4(0.3f, 0.3f, 0.3f, 1);
  c[ImGuiCol_TableRowBg] = white;
  c[ImGuiCol_TableRowBgAlt] = ImVec4(0.93f, 0.93f, 0.93f, 1);
  c[ImGuiCol_Separator] = black;
  c[ImGuiCol_NavHighlight] = ImVec4(1.0f, 0.45f, 0.0f, 1);
  c[ImGuiCol_ModalWindowDimBg] = ImVec4(0, 0, 0, 0.5f);
  g_palette = {ImVec4(0.0f, 0.40f, 0.10f, 1), ImVec4(0.70f, 0.0f, 0.0f, 1), c[ImGuiCol_TextDisabled], white};
}
}  // namespace

void apply_theme(Theme theme, float font_px) {
  ImGuiStyle style;  // fresh defaults, so switching themes never compounds scaling
  if (theme == Theme::Light) {
    light_colors(style);
    style.FrameBorderSize = 1;  // white fields on a near-white window need an outline
  } else if (theme == Theme::HighContrast) {
    high_contrast_colors(style);
  } else {
    dark_colors(style);
  }
  set_sizes(style, font_px);
  if (theme == Theme::HighContrast) style.FrameBorderSize = style.WindowBorderSize = style.ChildBorderSize = 2;
  ImGui::GetStyle() = style;
}

const Palette& palette() { return g_palette; }

}  // namespace cpts::ui
