#include "chart_math.hpp"

#include <cmath>
#include <cstdio>

#include "io/documents/figures.hpp"

namespace cpts::ui::chart {

// One implementation of the axis maths for the UI and the documents' figures (src/documents).
std::vector<double> nice_ticks(double max, int target) { return doc::nice_ticks(max, target); }

std::string axis_label_eur(double euros) { return doc::axis_label_eur(euros); }

unsigned int series_color(int i) {
  // Okabe-Ito: blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow, grey.
  static const unsigned int kRgb[] = {0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0x56B4E9, 0xCC79A7, 0xF0E442, 0x999999};
  unsigned int rgb = kRgb[static_cast<unsigned>(i) % 8];
  unsigned int r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
  return (0xFFu << 24) | (b << 16) | (g << 8) | r;  // IM_COL32(r, g, b, 255)
}

}  // namespace cpts::ui::chart
