// What the Tableau de bord panel, its measurements grid and the presentation slide share: the
// engine's follow-up of each contract year (engine/suivi.hpp), computed once per project revision
// and day, and how a status is shown (colour AND symbol AND words).
#pragma once
#include <imgui.h>

#include <array>
#include <cstdint>

#include "engine/suivi.hpp"
#include "ui_state.hpp"

namespace cpts::ui {

// The cached view for the open project (recomputed when the project or the day changed).
const DashboardView& dashboard_view(const UiState& s);

// Today for the dashboard: UiState::today_override when set (tests, screenshots), else the clock.
Date dashboard_today(const UiState& s);

const char* track_status_text(TrackStatus st);    // in the UI's language
const char* track_status_symbol(TrackStatus st);  // ✓ ↑ ▲ –
ImVec4 track_status_color(TrackStatus st);

// « Relevés »: indicators × dates, typed or pasted (panel_tableau_de_bord_grid.cpp).
void draw_measurements_grid(UiState& s, int year, const Suivi& suivi);

// The presentation's dashboard slide: the current contract year (presentation_dashboard.cpp).
void slide_dashboard(const UiState& s);

}  // namespace cpts::ui
