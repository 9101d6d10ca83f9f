// The dashboard's slide of the presentation mode (issue #19): the chosen contract year in three
// figures (earned, still at stake, lost), the indicators by status and the largest open items
// before the review — what a board or the CPAM's review meeting reads from the back of the room.
// Large type only: no table, no chart axis, at most five items.
#include <imgui.h>

#include <array>

#include "dashboard.hpp"
#include "fonts.hpp"
#include "i18n.hpp"
#include "theme.hpp"

namespace cpts::ui {

namespace {

void scaled(const std::string& text, float scale, const ImVec4* color = nullptr) {
  ImGui::PushFont(bold_font());
  ImGui::SetWindowFontScale(scale);
  if (color) ImGui::TextColored(*color, "%s", text.c_str());
  else ImGui::TextUnformatted(text.c_str());
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopFont();
}

void figure(const char* label, Cents c, ImVec4 color) {
  ImGui::BeginGroup();
  ImGui::TextUnformatted(label);
  scaled(format_eur(c), 1.6f, &color);
  ImGui::EndGroup();
}

}  // namespace

void slide_dashboard(const UiState& s) {
  const DashboardView& v = dashboard_view(s);
  const Suivi& su = v.years[static_cast<std::size_t>(v.current_year - 1)];
  scaled(TF("present.dashboard", su.year, format_fr(su.review_date).c_str()), 1.3f);
  ImGui::Separator();
  ImGui::Spacing();
  figure(T("dash.earned"), su.earned, track_status_color(TrackStatus::Atteint));
  ImGui::SameLine(0, em(3));
  figure(T("dash.at_stake"), su.at_stake, track_status_color(TrackStatus::EnBonneVoie));
  ImGui::SameLine(0, em(3));
  figure(T("dash.lost"), su.lost, track_status_color(TrackStatus::ARisque));
  ImGui::Spacing();
  ImGui::Spacing();
  std::array<int, 4> count{};
  for (const IndicatorTrack& t : su.indicators) ++count[static_cast<std::size_t>(t.status)];
  for (TrackStatus st : {TrackStatus::Atteint, TrackStatus::EnBonneVoie, TrackStatus::ARisque, TrackStatus::NonRenseigne}) {
    if (st != TrackStatus::Atteint) ImGui::SameLine(0, em(2.5f));
    ImVec4 col = track_status_color(st);
    scaled(std::string(track_status_symbol(st)) + " " + std::to_string(count[static_cast<std::size_t>(st)]) + " " + track_status_text(st), 1.15f, &col);
  }
  ImGui::Spacing();
  ImGui::Spacing();
  ImGui::TextUnformatted(TF("present.before_review", su.before_review.size()).c_str());
  const std::size_t shown = std::min<std::size_t>(su.before_review.size(), 5);
  for (std::size_t i = 0; i < shown; ++i) {
    const ReviewItem& it = su.before_review[i];
    ImGui::PushTextWrapPos(0);
    ImGui::BulletText("%s — %s", in_language(it.text_fr, it.text_en).c_str(), format_eur(it.at_stake).c_str());
    ImGui::PopTextWrapPos();
  }
  if (su.before_review.size() > shown) ImGui::TextDisabled("%s", TF("present.more_items", su.before_review.size() - shown).c_str());
}

}  // namespace cpts::ui
