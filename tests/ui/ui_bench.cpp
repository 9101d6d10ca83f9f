// Frame-time benchmark of the panels with the stress project (500 communes, 1 000 actions,
// 5 000 indicators), on a headless ImGui context: median CPU time of a frame (UI pass + render
// lists) per panel, and the busiest. Figures for scripts/bench.sh, not a pass/fail test.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "dashboard.hpp"
#include "i18n.hpp"
#include "io/stress.hpp"
#include "ui_driver.hpp"

int main() {
  using namespace cpts::ui;
  testing::UiDriver ui({}, ImVec2(1920, 1080));
  ui.state().doc.load(cpts::make_stress_project(), "stress.json");
  std::printf("{\"platform\": \"native\", \"panels\": {");
  double worst = 0;
  const char* worst_name = "";
  for (int i = 0; i < static_cast<int>(PanelId::Count); ++i) {
    ui.state().go(static_cast<PanelId>(i));
    ui.frames(3);  // caches built
    std::vector<double> ms;
    for (int f = 0; f < 31; ++f) {
      // A small mouse move each frame, as when the user hovers: the frame does all its work.
      ImGui::GetIO().AddMousePosEvent(600.0f + static_cast<float>(f), 400.0f);
      auto a = std::chrono::steady_clock::now();
      ui.frame();
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
    }
    std::sort(ms.begin(), ms.end());
    double median = ms[ms.size() / 2];
    std::printf("%s\"%s\": %.3f", i ? ", " : "", panel_key(static_cast<PanelId>(i)) + 6, median);
    if (median > worst) {
      worst = median;
      worst_name = panel_key(static_cast<PanelId>(i)) + 6;
    }
  }
  // The dashboard's figures after an edit (issue #19): the follow-up of the 5 contract years,
  // recomputed once per change, not per frame (median of 5).
  std::vector<double> recompute;
  for (int k = 0; k < 5; ++k) {
    auto a = std::chrono::steady_clock::now();
    for (int y = 1; y <= cpts::kContractYears; ++y) (void)cpts::compute_suivi(ui.state().doc.project(), y, dashboard_today(ui.state()));
    recompute.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - a).count());
  }
  std::sort(recompute.begin(), recompute.end());
  std::printf("}, \"busiest_panel\": \"%s\", \"busiest_frame_ms\": %.3f, \"dashboard_recompute_ms\": %.3f}\n", worst_name, worst,
              recompute[recompute.size() / 2]);
  return 0;
}
