#include "shortcuts.hpp"

#include "i18n.hpp"

namespace cpts::ui {

bool shortcut_pressed(const Shortcut& s, bool repeat) {
  const ImGuiIO& io = ImGui::GetIO();
  return io.KeyCtrl == s.ctrl && io.KeyShift == s.shift && io.KeyAlt == s.alt && ImGui::IsKeyPressed(s.key, repeat);
}

std::string shortcut_keys(const Shortcut& s) {
  std::string out;
  if (s.ctrl) out += std::string(T("key.ctrl")) + "+";
  if (s.alt) out += std::string(T("key.alt")) + "+";
  if (s.shift) out += std::string(T("key.shift")) + "+";
  switch (s.key) {  // keys whose name differs by language; letters are their own name
    case ImGuiKey_RightArrow: out += "→"; break;
    case ImGuiKey_LeftArrow: out += "←"; break;
    case ImGuiKey_PageDown: out += T("key.page_down"); break;
    case ImGuiKey_PageUp: out += T("key.page_up"); break;
    case ImGuiKey_Space: out += T("key.space"); break;
    case ImGuiKey_Home: out += T("key.home"); break;
    case ImGuiKey_End: out += T("key.end"); break;
    case ImGuiKey_Escape: out += T("key.escape"); break;
    default: out += ImGui::GetKeyName(s.key); break;
  }
  return out;
}

}  // namespace cpts::ui
