// One line at the bottom of the main window: the last message, or "Prêt".
#include "app.hpp"
#include "strings.hpp"

namespace cpts::ui {

void draw_status_line(const App& app) {
  ImGui::Separator();
  ImGui::AlignTextToFramePadding();
  ImGui::TextColored(palette().muted, "%s", app.status().empty() ? tr().status_ready : app.status().c_str());
}

}  // namespace cpts::ui
