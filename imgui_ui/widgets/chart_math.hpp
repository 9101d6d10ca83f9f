// Pure layout maths of the charts (no ImGui): axis ticks and labels, bar geometry. Tested without
// a GPU in tests/ui.
#pragma once
#include <string>
#include <vector>

namespace cpts::ui::chart {

// 0 = first tick; steps of 1, 2 or 5 × 10^k so that about `target` ticks cover [0, max].
std::vector<double> nice_ticks(double max, int target = 5);

// Compact French euro labels for axes: "0", "50 k€", "1,2 M€".
std::string axis_label_eur(double euros);

// Maps a value in [0, top] to a pixel y between bottom (value 0) and top_px (value top).
inline float value_to_y(double v, double top, float bottom_px, float top_px) {
  return top <= 0 ? bottom_px : bottom_px - static_cast<float>(v / top) * (bottom_px - top_px);
}

// Colour-blind-safe palette (Okabe & Ito), also distinct in grey-scale print when paired with the
// hatching order of the legend. RGBA packed as ImGui's IM_COL32 (ABGR in memory).
unsigned int series_color(int i);

}  // namespace cpts::ui::chart
