// The charts of the documents, computed from the engine's results (the same series as the UI's
// Financement and Calendrier panels) and drawn as vector figures (drawing.hpp).
#pragma once
#include <string>
#include <vector>

#include "io/documents/drawing.hpp"
#include "engine/funding.hpp"

namespace cpts::doc {

// Axis steps of 1, 2 or 5 × 10^k so that about `target` ticks cover [0, max]; first tick 0.
std::vector<double> nice_ticks(double max, int target = 5);
// Compact French euro labels for axes: "0", "50 k€", "1,2 M€" (U+00A0 before the unit).
std::string axis_label_eur(double euros);

// ACI funding per contract year, stacked: fonctionnement (with the avenant 2 complement), then each
// mission's total (fixe + SNP + activation + variable) for the missions that receive money.
struct FundingBars {
  struct Series {
    std::string label;
    int color = 0;                 // okabe_ito index: 0 fonctionnement, catalogue index + 1 for missions
    std::vector<Cents> values;     // one per contract year
  };
  std::vector<std::string> categories;  // "Année 1" …
  std::vector<std::string> subtitles;   // start date of each year, "18/10/2022"
  std::vector<Series> series;
  std::vector<Cents> totals;            // per year, = FundingResult::years[k].total()
};
FundingBars funding_bars(const FundingResult& r);
Drawing draw_funding_bars(const FundingBars& bars, const std::string& title);

// Deployment timeline: each chosen mission (planned start → full deployment, then running) with
// its ACI deadlines (latest start ▼, latest full deployment ◆), and its fiches-actions.
struct TimelineRow {
  std::string label;
  bool mission = false;
  int color = 0;
  Date from, to;                  // bar; `to` empty: runs to the end of the contract
  Date start_by, deployed_by;     // ACI deadlines (missions only; empty for optional missions)
  bool late = false;              // planned after an ACI deadline
};
struct Timeline {
  Date begin, end;                // contract years 1–5
  std::vector<Date> year_starts;
  std::vector<TimelineRow> rows;
};
Timeline deployment_timeline(const Project& p, const FundingResult& r);
// At most `max_rows` rows are drawn; the caption says how many were left out.
Drawing draw_timeline(const Timeline& t, const std::string& title, std::size_t max_rows = 40);

}  // namespace cpts::doc
