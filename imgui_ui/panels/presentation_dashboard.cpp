// The dashboard's slide of the presentation mode (issue #19): the chosen contract year in three
// figures (earned, still at stake, lost), the indicators by status and the largest open items
// before the review — what a board or the CPAM's review meeting reads from the back of the room.
// Large type only: no table, no chart axis, at most five items, nothing past the right edge.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <string>

#include "dashboard.hpp"
#include "fitted_text.hpp"
#include "fonts.hpp"
#include "i18n.hpp"
#include "theme.hpp"

namespace cpts::ui {

namespace {

// Titles and figures in the display face, rasterised at its size (a scaled-up face is blurred on a
// projector); every other line in the body text, which is already sized for the room.
void display_text(const std::string& text, const ImVec4& color) {
  ImGui::PushFont(display_font());
  ImGui::TextColored(color, "%s", text.c_str());
  ImGui::PopFont();
}

// SameLine with a gap of `gap` when an item `width` wide still fits before the right edge, else a
// new line: a row of figures wraps rather than running off the slide.
void next_in_row(float width, float gap) {
  ImGui::SameLine(0, gap);
  const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  if (ImGui::GetCursorScreenPos().x + width > right) ImGui::NewLine();
}

float display_width(const std::string& text) {
  ImGui::PushFont(display_font());
  const float w = ImGui::CalcTextSize(text.c_str()).x;
  ImGui::PopFont();
  return w;
}

}  // namespace

void slide_dashboard(const UiState& s) {
  const DashboardView& v = dashboard_view(s);
  const Suivi& su = v.years[static_cast<std::size_t>(v.current_year - 1)];
  // The title wraps at the right edge (it was cut at "revue le 18/10/2" on a 1080p slide).
  ImGui::PushFont(display_font());
  ImGui::PushTextWrapPos(0);
  ImGui::TextWrapped("%s", TF("present.dashboard", su.year, format_fr(su.review_date).c_str()).c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  ImGui::Separator();
  ImGui::Spacing();
  // Earned, at stake, lost: label above, amount large, each as wide as its longer line.
  const struct {
    const char* label;
    Cents cents;
    TrackStatus status;
  } money[] = {{T("dash.earned"), su.earned, TrackStatus::Atteint},
               {T("dash.at_stake"), su.at_stake, TrackStatus::EnBonneVoie},
               {T("dash.lost"), su.lost, TrackStatus::ARisque}};
  for (std::size_t i = 0; i < std::size(money); ++i) {
    const std::string amount = format_eur(money[i].cents);
    const float w = std::max(ImGui::CalcTextSize(money[i].label).x, display_width(amount));
    if (i) next_in_row(w, em(3));
    ImGui::BeginGroup();
    ImGui::TextDisabled("%s", money[i].label);
    display_text(amount, track_status_color(money[i].status));
    ImGui::EndGroup();
  }
  ImGui::Spacing();
  ImGui::Spacing();
  // The indicators by status, in bold body text, wrapping onto a second line when needed.
  std::array<int, 4> count{};
  for (const IndicatorTrack& t : su.indicators) ++count[static_cast<std::size_t>(t.status)];
  ImGui::PushFont(bold_font());
  bool first = true;
  for (TrackStatus st : {TrackStatus::Atteint, TrackStatus::EnBonneVoie, TrackStatus::ARisque, TrackStatus::NonRenseigne}) {
    const int n = count[static_cast<std::size_t>(st)];
    const std::string text = std::string(track_status_symbol(st)) + " " + in_language(track_status_count_fr(st, n), track_status_count_en(st, n));
    if (!first) next_in_row(ImGui::CalcTextSize(text.c_str()).x, em(2));
    first = false;
    ImGui::TextColored(track_status_color(st), "%s", text.c_str());
  }
  ImGui::PopFont();
  ImGui::Spacing();
  ImGui::Spacing();
  ImGui::TextWrapped("%s", TN("present.before_review", static_cast<long long>(su.before_review.size()), su.before_review.size()).c_str());
  // The largest items, wrapped, as many as fit above the slide's bottom (five at most); the rest
  // is counted.
  const float wrap = ImGui::GetContentRegionAvail().x - ImGui::GetTreeNodeToLabelSpacing();
  std::size_t shown = 0;
  for (const ReviewItem& it : su.before_review) {
    if (shown == 5) break;
    const std::string text = in_language(it.text_fr, it.text_en) + " — " + format_eur(it.at_stake);
    const float h = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap).y;
    // Room for the item and, below it, the "… et N autres" line.
    if (shown && h + ImGui::GetStyle().ItemSpacing.y + ImGui::GetTextLineHeight() > ImGui::GetContentRegionAvail().y) break;
    bullet_wrapped(text);
    ++shown;
  }
  if (su.before_review.size() > shown) ImGui::TextDisabled("%s", TN("present.more_items", static_cast<long long>(su.before_review.size() - shown), su.before_review.size() - shown).c_str());
}

}  // namespace cpts::ui
