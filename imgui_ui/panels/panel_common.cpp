#include "panel_common.hpp"

#include "fonts.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace cpts::ui {

void panel_title(const char* text, const char* subtitle) {
  ImGui::PushFont(bold_font());
  ImGui::SetWindowFontScale(1.25f);
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
  if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingStretchProp)) return false;
  ImGui::TableSetupColumn("label", ImGuiTableColumnFlags_WidthFixed, em(16));
  ImGui::TableSetupColumn("field", ImGuiTableColumnFlags_WidthStretch);
  return true;
}

void form_label(const char* label, const char* help) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  if (help) widgets::help_marker(help);
  ImGui::TableNextColumn();
}

void form_end() { ImGui::EndTable(); }

}  // namespace cpts::ui
