// Charts drawn with Dear ImGui's draw lists (ImPlot cannot be obtained here): stacked bars, lines,
// a cash-flow curve. Axis labels in French, exact values in hover tooltips.
#pragma once
#include <imgui.h>

#include <string>
#include <vector>

namespace cpts::ui::chart {

struct Series {
  std::string label;
  std::vector<double> values;  // one per category; NaN = no point (lines)
};

// Stacked bars, one per category, in euros. Returns the hovered category or -1.
int stacked_bars(const char* id, const std::vector<std::string>& categories, const std::vector<Series>& series, ImVec2 size);

// Lines over categories (baseline, targets, actuals of an indicator), values in `unit`.
void lines(const char* id, const std::vector<std::string>& categories, const std::vector<Series>& series, ImVec2 size,
           const char* unit);

// Cumulative cash received over time: points (day number, amount in euros, label).
struct CashPoint {
  double day;
  double euros;
  std::string label;
};
void cumulative_cash(const char* id, const std::vector<CashPoint>& points, const std::vector<std::string>& year_labels,
                     const std::vector<double>& year_days, ImVec2 size);

void legend(const std::vector<Series>& series);

// Funding per contract year by line (fonctionnement, then each mission that receives money), in
// euros: the series of the stacked bars in Financement and in the presentation.
struct FundingSeries {
  std::vector<std::string> categories;  // "Année 1"…
  std::vector<Series> series;
};

}  // namespace cpts::ui::chart
