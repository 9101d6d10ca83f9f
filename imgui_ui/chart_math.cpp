#include "chart_math.hpp"

#include <cmath>
#include <cstdio>

#include "money.hpp"

namespace cpts::ui::chart {

std::vector<double> nice_ticks(double max, int target) {
  std::vector<double> ticks{0.0};
  if (!(max > 0) || !std::isfinite(max) || target < 1) return ticks;
  double raw = max / target;
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double f : {1.0, 2.0, 5.0, 10.0})
    if (f * mag >= raw) {
      step = f * mag;
      break;
    }
  for (double v = step; v < max + step * 0.999 && ticks.size() < 50; v += step) ticks.push_back(v);
  return ticks;
}

std::string axis_label_eur(double euros) {
  if (euros == 0) return "0";
  if (std::fabs(euros) >= 1e6) return format_number_fr(euros / 1e6, 1) + "\xC2\xA0M\xE2\x82\xAC";
  if (std::fabs(euros) >= 1e3) return format_number_fr(euros / 1e3, 1) + "\xC2\xA0k\xE2\x82\xAC";
  return format_number_fr(euros, 0) + "\xC2\xA0\xE2\x82\xAC";
}

unsigned int series_color(int i) {
  // Okabe-Ito: blue, orange, bluish green, vermillion, sky blue, reddish purple, yellow, grey.
  static const unsigned int kRgb[] = {0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0x56B4E9, 0xCC79A7, 0xF0E442, 0x999999};
  unsigned int rgb = kRgb[static_cast<unsigned>(i) % 8];
  unsigned int r = (rgb >> 16) & 0xFF, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
  return (0xFFu << 24) | (b << 16) | (g << 8) | r;  // IM_COL32(r, g, b, 255)
}

}  // namespace cpts::ui::chart
