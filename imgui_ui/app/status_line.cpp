// One line at the bottom of the main window: the last message, or "Prêt".
#include "app.hpp"
#include "i18n.hpp"

namespace cpts::ui {

void draw_status_line(const App& app) {
  ImGui::Separator();
  ImGui::AlignTextToFramePadding();
  // Every message reads as a sentence, whoever composed it.
  ImGui::TextColored(palette().muted, "%s", app.status().empty() ? T("status.ready") : sentence_start(app.status()).c_str());
}

}  // namespace cpts::ui
