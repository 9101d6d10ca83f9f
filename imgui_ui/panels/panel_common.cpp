#include "panel_common.hpp"

#include <algorithm>
#include <ctime>

#include "fonts.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace cpts::ui {

void panel_title(const char* text, const char* subtitle) {
  // The display face (rasterised at 1.5×) drawn at 1.25×: scaled down, so crisp on a projector too.
  ImGui::PushFont(display_font());
  ImGui::SetWindowFontScale(1.25f / kDisplayScale);
  ImGui::TextUnformatted(text);
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopFont();
  if (subtitle) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", subtitle);
    ImGui::PopTextWrapPos();
  }
  ImGui::Spacing();
}

void section(const char* text) {
  ImGui::Spacing();
  ImGui::PushFont(bold_font());
  ImGui::TextUnformatted(text);
  ImGui::PopFont();
  ImGui::Separator();
}

bool form_begin(const char* id) {
  // Labels get 16 em, or 40 % of a narrow pane (Missions' detail beside its list at 1366 px and
  // 150 %): 16 em there left the fields 140 px and the date fields ran past the edge (issue #14
  // item 6). A label longer than its column wraps (form_label).
  const float label_w = std::min(em(16), ImGui::GetContentRegionAvail().x * 0.4f);
  if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingStretchProp)) return false;
  ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, label_w);
  ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthStretch);
  return true;
}

void form_label(const char* label, const char* help) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::AlignTextToFramePadding();
  ImGui::PushTextWrapPos(0.0f);  // the column's edge
  ImGui::TextUnformatted(label);
  ImGui::PopTextWrapPos();
  if (help) widgets::help_marker(help);
  ImGui::TableNextColumn();
}

void form_end() { ImGui::EndTable(); }

std::string eur_short(Cents c) { return c == 0 ? "–" : format_eur_short(c); }
std::string eur_cell(Cents c, bool with_cents) { return c == 0 ? "—" : format_eur_digits(c, with_cents); }

void right_text(const std::string& s, const ImVec4* color) {
  float w = ImGui::CalcTextSize(s.c_str()).x;
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + std::max(0.0f, ImGui::GetColumnWidth() - w - ImGui::GetStyle().CellPadding.x));
  if (color) ImGui::TextColored(*color, "%s", s.c_str());
  else ImGui::TextUnformatted(s.c_str());
}

Date today() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
#if defined(_WIN32)
  localtime_s(&tm, &t);
#else
  localtime_r(&t, &tm);
#endif
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

}  // namespace cpts::ui
