// Tableau de bord (issue #19): the contract year as the annual review with the CPAM and the ARS
// will see it. Every figure comes from the engine's follow-up (engine/suivi.hpp), computed once per
// project revision, year and day — never in draw code:
//   - the year chooser (default: the contract year containing today) and the review date;
//   - earned / still at stake / already lost, in total and per mission (the `constate` figures);
//   - « Avant la revue »: the open items, largest stake first, each a click away from its indicator
//     (Indicateurs panel, selected and scrolled to) or its action (Missions);
//   - per indicator: status in colour AND words, year value against the target, money, evidence,
//     and a small trajectory chart (baseline → yearly targets → year values, trend at the review);
//   - the evidence expected, received or missing (tick it here);
//   - « Relevés »: the measurements grid (panel_tableau_de_bord_grid.cpp).
#include <imgui.h>
#include <imgui_internal.h>  // ImGuiSelectableFlags_SelectOnClick
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <ctime>

#include "charts.hpp"
#include "dashboard.hpp"
#include "fitted_text.hpp"
#include "edit_helpers.hpp"
#include "engine/suivi.hpp"
#include "fonts.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "panel_common.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace cpts::ui {

Date dashboard_today(const UiState& s) {
  if (s.today_override.valid()) return s.today_override;
  return today();
}

const char* track_status_text(TrackStatus st) { return in_language(track_status_fr(st), track_status_en(st)); }

// A symbol and a colour per status, always next to the words (never colour alone: projectors and
// colour-blind readers). Symbols from the font's glyph list (font_glyphs.cmake).
const char* track_status_symbol(TrackStatus st) {
  switch (st) {
    case TrackStatus::Atteint: return "✓";
    case TrackStatus::EnBonneVoie: return "↑";
    case TrackStatus::ARisque: return "▲";
    case TrackStatus::NonRenseigne: return "–";
  }
  return "";
}

ImVec4 track_status_color(TrackStatus st) {
  switch (st) {
    case TrackStatus::Atteint: return palette().ok;
    case TrackStatus::EnBonneVoie: return ImVec4(0.15f, 0.45f, 0.80f, 1);
    case TrackStatus::ARisque: return ImVec4(0.80f, 0.10f, 0.10f, 1);
    case TrackStatus::NonRenseigne: return palette().muted;
  }
  return palette().muted;
}

const DashboardView& dashboard_view(const UiState& s) {
  DashboardView& v = s.panels.dashboard_view;  // per document (panel_state.hpp)
  const Date today = dashboard_today(s);
  const std::uint64_t rev = s.doc.history.revision();
  if (v.revision != rev || v.today != today) {
    const Project& p = s.doc.project();
    for (int y = 1; y <= kContractYears; ++y) v.years[static_cast<std::size_t>(y - 1)] = compute_suivi(p, y, today);
    v.revision = rev;
    v.today = today;
    v.current_year = std::clamp(current_contract_year(p, today), 1, kContractYears);
  }
  return v;
}

namespace {


void big_money(const char* label, Cents c, const ImVec4& color, const char* mark) {
  ImGui::BeginGroup();
  ImGui::TextDisabled("%s", label);
  ImGui::PushFont(bold_font());
  ImGui::SetWindowFontScale(1.4f);
  ImGui::TextColored(color, "%s", format_eur(c).c_str());
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopFont();
  ImGui::EndGroup();
  mark_item(mark);
}

void status_text(TrackStatus st) {
  ImGui::TextColored(track_status_color(st), "%s %s", track_status_symbol(st), track_status_text(st));
}

void year_and_review(UiState& s, DashState& d, const DashboardView& v) {
  std::vector<std::string> names;
  for (int y = 1; y <= kContractYears; ++y) {
    const Suivi& su = v.years[static_cast<std::size_t>(y - 1)];
    std::string n = TF("dash.year_range", y, format_fr(su.year_start).c_str(), format_fr(from_days(to_days(su.year_end) - 1)).c_str());
    if (y == v.current_year) n += " · " + std::string(T("dash.current"));
    names.push_back(n);
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(T("dash.year"));
  ImGui::SameLine();
  int picked = 0;
  if (widgets::combo("##dash_year", d.year - 1, names, &picked, em(30), "dash.year")) {
    d.year = picked + 1;
    d.chosen = true;
  }
  const Suivi& su = v.years[static_cast<std::size_t>(d.year - 1)];
  // On the year's line when the label and the date field fit, else below (cut at 1366 px 150 %).
  same_line_if_fits(ImGui::CalcTextSize(T("dash.review")).x + em(9) + ImGui::GetFrameHeight() * 2);
  ImGui::TextUnformatted(T("dash.review"));
  ImGui::SameLine();
  Date out;
  if (widgets::date("##review", su.review_date, &out, true, em(9))) {
    std::optional<Date> next;
    if (out.valid()) next = out;
    s.doc.edit(edits::set_review_date(next, T("cmd.set_review_date")));
  }
  mark_item("dash.review_date");
  ImGui::SameLine();
  widgets::help_marker(T("dash.review_help"));
  ImGui::SameLine(0, em(1.5f));
  const int days = static_cast<int>(days_between(su.today, su.review_date));
  ImGui::TextDisabled("%s", TN(su.review_passed ? "dash.review_passed" : "dash.review_in", su.review_passed ? -days : days, format_fr(su.today).c_str(), su.review_passed ? -days : days).c_str());
}

void totals(const Suivi& su) {
  big_money(T("dash.earned"), su.earned, palette().ok, "dash.total.earned");
  ImGui::SameLine(0, em(3));
  big_money(T("dash.at_stake"), su.at_stake, ImVec4(0.15f, 0.45f, 0.80f, 1), "dash.total.at_stake");
  ImGui::SameLine(0, em(3));
  big_money(T("dash.lost"), su.lost, ImVec4(0.80f, 0.10f, 0.10f, 1), "dash.total.lost");
}

// « Avant la revue »: sorted by the engine (largest stake first); a click goes to the object.
void before_review(UiState& s, const Suivi& su) {
  section(TF("dash.before_review", su.before_review.size()).c_str());
  if (su.before_review.empty()) {
    ImGui::TextColored(palette().ok, "%s", T("dash.nothing_open"));
    return;
  }
  const float row_h = ImGui::GetFrameHeightWithSpacing();
  const float h = std::min<float>(static_cast<float>(su.before_review.size()), 8.5f) * row_h + ImGui::GetStyle().WindowPadding.y;
  ImGui::BeginChild("##before_review", ImVec2(0, h), ImGuiChildFlags_Border);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(su.before_review.size()), row_h);
  const float amount_w = em(9);
  while (clipper.Step())
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const ReviewItem& it = su.before_review[static_cast<std::size_t>(i)];
      ImGui::PushID(i);
      const std::string& text = in_language(it.text_fr, it.text_en);
      const float x0 = ImGui::GetCursorPosX();
      // On press, not on release: a half-visible last row scrolls into view when pressed, and
      // the release would then fall on another row.
      if (ImGui::Selectable("##item", false, ImGuiSelectableFlags_SelectOnClick, ImVec2(0, ImGui::GetFrameHeight()))) {
        ObjectRef ref{it.kind == ReviewItem::Kind::Action ? ObjectKind::Action : ObjectKind::Indicator, it.target_id};
        s.jump_to(ref);
      }
      std::string mark = "dash.review." + std::to_string(i);
      mark_item(mark.c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(it.kind == ReviewItem::Kind::Action ? "dash.go_action" : "dash.go_indicator"));
      ImGui::SameLine(x0);
      ImGui::AlignTextToFramePadding();
      const float text_w = ImGui::GetContentRegionAvail().x - amount_w;
      // Cut with "…" (it was clipped mid-letter at 150 %); the whole text is the tooltip.
      const std::string line = "→ " + text, shown = ellipsize(line, text_w - ImGui::GetStyle().ItemSpacing.x);
      ImGui::TextUnformatted(shown.c_str());
      if (shown != line && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text.c_str());
      ImGui::SameLine(x0 + text_w);
      std::string amount = format_eur(it.at_stake);
      ImGui::SetCursorPosX(x0 + text_w + amount_w - ImGui::CalcTextSize(amount.c_str()).x - ImGui::GetStyle().ItemSpacing.x);
      ImGui::TextUnformatted(amount.c_str());
      ImGui::PopID();
    }
  ImGui::EndChild();
}

void per_mission(const UiState& s, const Suivi& su) {
  section(T("dash.per_mission"));
  const Project& p = s.doc.project();
  if (!ImGui::BeginTable("##dash_missions", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn(T("dash.mission"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(T("dash.earned"), ImGuiTableColumnFlags_WidthFixed, em(9));
  ImGui::TableSetupColumn(T("dash.at_stake"), ImGuiTableColumnFlags_WidthFixed, em(9));
  ImGui::TableSetupColumn(T("dash.lost"), ImGuiTableColumnFlags_WidthFixed, em(9));
  ImGui::TableHeadersRow();
  for (const MissionTrack& m : su.missions) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(mission_short(p, m.mission_id).c_str());
    ImGui::TableNextColumn();
    right_text(format_eur(m.earned));
    ImGui::TableNextColumn();
    right_text(format_eur(m.at_stake));
    ImGui::TableNextColumn();
    right_text(format_eur(m.lost));
  }
  ImGui::TableNextRow();
  ImGui::PushFont(bold_font());
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(T("dash.total"));
  ImGui::TableNextColumn();
  right_text(format_eur(su.earned));
  ImGui::TableNextColumn();
  right_text(format_eur(su.at_stake));
  ImGui::TableNextColumn();
  right_text(format_eur(su.lost));
  ImGui::PopFont();
  ImGui::EndTable();
}

// The trajectory of one indicator over the contract: baseline (with its year), the targets of
// each year, the value each year's review uses, and the trend at the chosen year's review.
void trajectory(const DashboardView& v, std::size_t i, int year, ImVec2 size) {
  const IndicatorTrack& t = v.years[static_cast<std::size_t>(year - 1)].indicators[i];
  std::vector<std::string> cats;
  cats.push_back(t.baseline_year ? std::to_string(*t.baseline_year) : std::string(T("dash.baseline_short")));
  chart::Series base{T("indicator.baseline"), {t.baseline.value_or(NAN)}}, target{T("indicator.targets"), {NAN}},
      value{T("dash.year_values"), {NAN}}, trend{T("dash.trend"), {NAN}};
  for (int y = 1; y <= kContractYears; ++y) {
    cats.push_back(TF("dash.year_short", y));
    const IndicatorTrack& ty = v.years[static_cast<std::size_t>(y - 1)].indicators[i];
    base.values.push_back(NAN);
    target.values.push_back(ty.target.value_or(NAN));
    value.values.push_back(ty.year_value.value_or(NAN));
    trend.values.push_back(y == year && t.projected ? *t.projected : NAN);
  }
  std::vector<chart::Series> series = {base, target, value, trend};
  chart::lines("##traj", cats, series, size, t.unit.c_str());
}

void rebuild_rows(DashState& d, const Suivi& su, std::uint64_t revision) {
  if (d.rows_revision == revision && d.rows_year == d.year && d.rows_status == d.status_filter && d.rows_filter == d.filter) return;
  d.rows.clear();
  for (std::size_t i = 0; i < su.indicators.size(); ++i) {
    const IndicatorTrack& t = su.indicators[i];
    if (d.status_filter && static_cast<int>(t.status) != d.status_filter - 1) continue;
    if (!matches_filter(t.label + " " + t.indicator_id, d.filter)) continue;
    d.rows.push_back(i);
  }
  d.rows_revision = revision;
  d.rows_year = d.year;
  d.rows_status = d.status_filter;
  d.rows_filter = d.filter;
}

void indicators_table(UiState& s, DashState& d, const DashboardView& v) {
  const Suivi& su = v.years[static_cast<std::size_t>(d.year - 1)];
  section(T("dash.indicators"));
  ImGui::SetNextItemWidth(em(16));
  ImGui::InputTextWithHint("##dash_filter", T("list.search"), &d.filter);
  ImGui::SameLine();
  std::vector<std::string> names = {T("dash.all_statuses")};
  for (TrackStatus st : {TrackStatus::Atteint, TrackStatus::EnBonneVoie, TrackStatus::ARisque, TrackStatus::NonRenseigne})
    names.push_back(std::string(track_status_symbol(st)) + " " + track_status_text(st));
  int picked = 0;
  if (widgets::combo("##dash_status", d.status_filter, names, &picked, em(14), "dash.status_filter")) d.status_filter = picked;
  rebuild_rows(d, su, s.doc.history.revision());
  ImGui::SameLine();
  ImGui::TextDisabled("%s", TF("indicateurs.count", d.rows.size(), su.indicators.size()).c_str());

  // The charts' legend, once for the table (the same four series in every row).
  chart::legend({{T("indicator.baseline"), {}}, {T("indicator.targets"), {}}, {T("dash.year_values"), {}}, {T("dash.trend"), {}}});
  const float chart_h = em(7);
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  const float table_h = std::min(em(34), (chart_h + ImGui::GetStyle().CellPadding.y * 2) * static_cast<float>(std::max<std::size_t>(d.rows.size(), 1)) + em(2.5f));
  if (!ImGui::BeginTable("##dash_indicators", 5, flags, ImVec2(0, table_h))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(T("dash.indicator"), ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableSetupColumn(T("dash.status"), ImGuiTableColumnFlags_WidthFixed, em(10));
  ImGui::TableSetupColumn(T("dash.value_target"), ImGuiTableColumnFlags_WidthFixed, em(11));
  ImGui::TableSetupColumn(T("dash.money"), ImGuiTableColumnFlags_WidthFixed, em(12));
  ImGui::TableSetupColumn(T("dash.trajectory"), ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(d.rows.size()));
  while (clipper.Step())
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const std::size_t i = d.rows[static_cast<std::size_t>(r)];
      const IndicatorTrack& t = su.indicators[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow(0, chart_h);
      ImGui::TableNextColumn();
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(t.label.c_str());
      ImGui::PopTextWrapPos();
      ImGui::TextDisabled("%s", mission_short(s.doc.project(), t.mission_id).c_str());
      if (ImGui::SmallButton(T("dash.open_indicator"))) s.jump_to(ObjectRef{ObjectKind::Indicator, t.indicator_id});
      std::string mark = "dash.indicator." + std::to_string(r);
      mark_item(mark.c_str());
      ImGui::TableNextColumn();
      status_text(t.status);
      ImGui::TableNextColumn();
      const std::string unit = t.unit.empty() ? "" : " " + t.unit;
      ImGui::TextUnformatted(TF("dash.value", t.year_value ? (format_number_fr(*t.year_value, 2) + unit).c_str() : "–").c_str());
      ImGui::TextUnformatted(TF("dash.target", t.target ? (format_number_fr(*t.target, 2) + unit).c_str() : "–").c_str());
      if (t.projected) ImGui::TextDisabled("%s", TF("dash.projected", (format_number_fr(*t.projected, 2) + unit).c_str()).c_str());
      ImGui::TableNextColumn();
      ImGui::TextColored(palette().ok, "%s", TF("dash.earned_fmt", format_eur(t.earned).c_str()).c_str());
      ImGui::TextUnformatted(TF("dash.at_stake_fmt", format_eur(t.at_stake).c_str()).c_str());
      if (t.lost) ImGui::TextColored(ImVec4(0.80f, 0.10f, 0.10f, 1), "%s", TF("dash.lost_fmt", format_eur(t.lost).c_str()).c_str());
      if (t.evidence_expected)
        ImGui::TextColored(t.evidence_received ? palette().ok : palette().warn, "%s",
                           T(t.evidence_received ? "dash.evidence_received" : "dash.evidence_missing"));
      ImGui::TableNextColumn();
      trajectory(v, i, d.year, ImVec2(0, chart_h));
      ImGui::PopID();
    }
  ImGui::EndTable();
}

// The evidence the review expects this year: missing first (what the team still has to gather),
// then received. Ticking it here is the same edit as in the Indicateurs panel
// (Indicator::evidence_received of the year).
void evidence(UiState& s, DashState& d, const Suivi& su) {
  if (d.evidence_revision != s.doc.history.revision() || d.evidence_year != d.year) {
    d.evidence_rows.clear();
    d.evidence_received = 0;
    for (int pass = 0; pass < 2; ++pass)
      for (std::size_t i = 0; i < su.indicators.size(); ++i)
        if (su.indicators[i].evidence_expected && su.indicators[i].evidence_received == (pass == 1)) d.evidence_rows.push_back(i);
    for (const IndicatorTrack& t : su.indicators) d.evidence_received += t.evidence_expected && t.evidence_received;
    d.evidence_revision = s.doc.history.revision();
    d.evidence_year = d.year;
  }
  section(TF("dash.evidence", d.evidence_received, d.evidence_rows.size()).c_str());
  if (d.evidence_rows.empty()) {
    ImGui::TextDisabled("%s", T("dash.no_evidence"));
    return;
  }
  const float row_h = ImGui::GetFrameHeightWithSpacing();
  ImGui::BeginChild("##evidence", ImVec2(0, std::min<float>(static_cast<float>(d.evidence_rows.size()), 6.5f) * row_h + ImGui::GetStyle().WindowPadding.y * 2),
                    ImGuiChildFlags_Border);
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(d.evidence_rows.size()), row_h);
  while (clipper.Step())
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      const std::size_t i = d.evidence_rows[static_cast<std::size_t>(r)];
      const IndicatorTrack& t = su.indicators[i];
      ImGui::PushID(static_cast<int>(i));
      bool got = t.evidence_received, b;
      ImGui::TextColored(got ? palette().ok : palette().warn, "%s", T(got ? "dash.evidence_received" : "dash.evidence_missing"));
      ImGui::SameLine(em(11));
      std::string label = (t.evidence.empty() ? t.label : t.evidence + " — " + t.label) + "##ev";
      if (widgets::checkbox(label.c_str(), got, &b)) {
        if (const Indicator* ind = s.doc.project().find_indicator(t.indicator_id)) {
          std::map<int, bool> next = ind->evidence_received;
          next[d.year] = b;
          s.doc.edit(set_value(T("cmd.edit_evidence"), indicator_field(t.indicator_id, &Indicator::evidence_received), next));
        }
      }
      ImGui::PopID();
    }
  ImGui::EndChild();
}

}  // namespace

void draw_panel_tableau_de_bord(UiState& s) {
  DashState& d = s.panels.dashboard;
  panel_title(T("panel.tableau_de_bord"), T("dash.subtitle"));
  const DashboardView& v = dashboard_view(s);
  if (!d.chosen || d.year < 1 || d.year > kContractYears) d.year = v.current_year;
  year_and_review(s, d, v);
  const Suivi& su = v.years[static_cast<std::size_t>(d.year - 1)];
  if (ImGui::BeginTabBar("##dash_tabs")) {
    const bool overview = ImGui::BeginTabItem(T("dash.tab_overview"));
    mark_item("dash.tab.overview");
    if (overview) {
      ImGui::Spacing();
      totals(su);
      before_review(s, su);
      per_mission(s, su);
      evidence(s, d, su);
      indicators_table(s, d, v);
      ImGui::EndTabItem();
    }
    const bool grid = ImGui::BeginTabItem(T("dash.tab_grid"));
    mark_item("dash.tab.grid");
    if (grid) {
      draw_measurements_grid(s, d.year, su);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
}

}  // namespace cpts::ui
