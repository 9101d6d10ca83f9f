#include "fitted_text.hpp"

namespace cpts::ui {

namespace {
constexpr const char* kEllipsis = "…";

float width_of(std::string_view t) { return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x; }

// Bytes of the UTF-8 character that ends at `end` (a continuation byte is 10xxxxxx).
std::size_t last_char_start(std::string_view t, std::size_t end) {
  std::size_t i = end - 1;
  while (i > 0 && (static_cast<unsigned char>(t[i]) & 0xC0) == 0x80) --i;
  return i;
}
}  // namespace

std::string ellipsize(std::string_view text, float max_width) {
  if (width_of(text) <= max_width) return std::string(text);
  const float room = max_width - width_of(kEllipsis);
  // Binary search on the byte length, then back to a character boundary: a 1 000-character cell
  // costs ~10 measures, not 1 000.
  std::size_t lo = 0, hi = text.size();
  while (lo < hi) {
    std::size_t mid = (lo + hi + 1) / 2;
    if (width_of(text.substr(0, mid)) <= room) lo = mid;
    else hi = mid - 1;
  }
  std::size_t n = lo;
  if (n < text.size() && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) n = last_char_start(text, n);
  while (n > 0 && text[n - 1] == ' ') --n;
  return std::string(text.substr(0, n)) + kEllipsis;
}

void text_fitted(std::string_view text, bool disabled) {
  const float room = ImGui::GetContentRegionAvail().x;
  std::string shown = ellipsize(text, room);
  if (disabled) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextUnformatted(shown.c_str());
  if (disabled) ImGui::PopStyleColor();
  if (shown != text && ImGui::IsItemHovered()) ImGui::SetTooltip("%.*s", static_cast<int>(text.size()), text.data());
}

bool add_text_fitted(ImDrawList* dl, ImVec2 pos, ImU32 color, std::string_view text, float max_width) {
  std::string shown = ellipsize(text, max_width);
  dl->AddText(pos, color, shown.c_str());
  return shown != text;
}

bool selectable_fitted(std::string_view label, const char* id, bool selected) {
  const float room = ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x;
  const std::string shown = ellipsize(label, room);
  const bool clicked = ImGui::Selectable((shown + "##" + id).c_str(), selected);
  if (shown != label && ImGui::IsItemHovered()) ImGui::SetTooltip("%.*s", static_cast<int>(label.size()), label.data());
  return clicked;
}

void bullet_wrapped(std::string_view text) {
  ImGui::Bullet();
  ImGui::SameLine();
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopTextWrapPos();
}

float button_width(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2; }

void same_line_if_fits(float width) {
  ImGui::SameLine();
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
}

}  // namespace cpts::ui
