#include "body.hpp"

#include "app.hpp"
#include "fonts.hpp"
#include "item_rects.hpp"
#include "strings.hpp"

namespace cpts::ui {

void draw_body(App& /*app*/) {
  const Strings& t = tr();
  ImGui::Dummy(em(0, 0.5f));
  ImGui::PushFont(bold_font());
  ImGui::TextUnformatted(t.welcome_title);
  ImGui::PopFont();
  mark_item("body.title");
  ImGui::Spacing();

  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + em(36));  // readable line length
  ImGui::TextWrapped("%s", t.welcome_intro);
  ImGui::Spacing();
  ImGui::TextColored(palette().ok, "✓");
  ImGui::SameLine();
  ImGui::TextUnformatted(t.welcome_ready);
  ImGui::TextColored(palette().warn, "✗");
  ImGui::SameLine();
  ImGui::TextUnformatted(t.welcome_no_project);
  ImGui::Spacing();
  ImGui::TextColored(palette().muted, "•");
  ImGui::SameLine();
  ImGui::TextWrapped("%s", t.welcome_hint);
  ImGui::PopTextWrapPos();
}

}  // namespace cpts::ui
