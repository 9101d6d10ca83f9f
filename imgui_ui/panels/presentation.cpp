// Presentation mode, for a room looking at a projector: full screen, large type, editing chrome
// hidden, one view at a time — the territory at a glance, each chosen mission with its actions,
// funding by year, the calendar, the findings. ← → / PageUp PageDown (presentation clickers) and
// the on-screen buttons move between views; Échap or « Reprendre l'édition » leaves. Nothing can
// be edited while presenting.
#include <imgui.h>

#include <algorithm>

#include "charts.hpp"
#include "dashboard.hpp"
#include "edit_helpers.hpp"
#include "fonts.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "theme.hpp"
#include "ui_state.hpp"

namespace cpts::ui {

namespace {

std::vector<std::string> chosen_missions(const UiState& s) {
  std::vector<std::string> out;
  const Project& p = s.doc.project();
  for (const CatalogueMission& m : catalogue_for(p).missions)
    if (const ProjectMission* pm = p.find_mission(m.id); pm && pm->chosen) out.push_back(m.id);
  return out;
}

void title(const std::string& text) {
  ImGui::PushFont(bold_font());
  ImGui::SetWindowFontScale(1.3f);
  ImGui::TextUnformatted(text.c_str());
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopFont();
  ImGui::Separator();
  ImGui::Spacing();
}

void big_figure(const char* label, const std::string& value) {
  ImGui::BeginGroup();
  ImGui::TextDisabled("%s", label);
  ImGui::PushFont(bold_font());
  ImGui::SetWindowFontScale(1.5f);
  ImGui::TextUnformatted(value.c_str());
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopFont();
  ImGui::EndGroup();
}

void slide_territory(const UiState& s) {
  const Project& p = s.doc.project();
  const FundingResult& f = s.doc.derived.ceiling;
  title(p.identity.name.empty() ? T("summary.untitled") : p.identity.name);
  big_figure(T("present.population"), format_number_fr(static_cast<double>(f.population), 0));
  ImGui::SameLine(0, em(3));
  big_figure(T("present.communes"), std::to_string(p.territory.communes.size()));
  ImGui::SameLine(0, em(3));
  big_figure(T("summary.taille"), std::to_string(f.taille));
  ImGui::SameLine(0, em(3));
  big_figure(T("present.signature"), format_fr(p.contract.signature));
  ImGui::Spacing();
  ImGui::Spacing();
  if (!p.diagnostic.empty()) {
    ImGui::TextUnformatted(T("present.diagnostic"));
    for (const DiagnosticIndicator& d : p.diagnostic) {
      // "(Rézone CPTS 2020)": the year only when the source does not already say it.
      std::string source = d.source;
      if (d.year && source.find(std::to_string(d.year)) == std::string::npos) source += " " + std::to_string(d.year);
      ImGui::BulletText("%s : %s %s (%s)", d.label.c_str(), format_number_fr(d.value, 2).c_str(), d.unit.c_str(), source.c_str());
    }
  }
}

void slide_mission(const UiState& s, const std::string& mission) {
  const Project& p = s.doc.project();
  const CatalogueMission* cm = catalogue_for(p).mission(mission);
  title(cm ? (language() == Lang::En ? cm->label_en : cm->label_fr) : mission);
  for (const MissionDeadline& d : s.doc.derived.ceiling.deadlines) {
    if (d.mission != mission) continue;
    if (d.start_by.valid()) ImGui::TextWrapped("%s", TF("missions.deadlines", format_fr(d.start_by).c_str(), format_fr(d.deployed_by).c_str()).c_str());
    ImGui::TextWrapped("%s", TF("cal.mission_tip", format_fr(d.planned_start).c_str(), format_fr(d.planned_deployed).c_str()).c_str());
  }
  ImGui::Spacing();
  static const char* const kStatus[] = {"status.planned", "status.in_progress", "status.done", "status.abandoned"};
  for (const Action& a : p.actions) {
    if (a.mission != mission) continue;
    ImGui::PushFont(bold_font());
    ImGui::BulletText("%s", a.title.c_str());
    ImGui::PopFont();
    ImGui::Indent();
    ImGui::TextDisabled("%s%s%s", T(kStatus[static_cast<int>(a.status)]), a.pilot.empty() ? "" : " · ", a.pilot.c_str());
    int n = 0;
    for (const Indicator& i : p.indicators)
      if (i.action == a.id) ++n;
    if (n) ImGui::TextDisabled("%s", TF("present.indicators", n).c_str());
    ImGui::Unindent();
  }
}

void slide_funding(const UiState& s) {
  const Project& p = s.doc.project();
  const FundingResult& f = s.doc.derived.ceiling;
  title(T("present.funding"));
  big_figure(T("summary.total5"), format_eur(f.total()));
  ImGui::SameLine(0, em(3));
  Cents at_risk = 0;
  for (const YearFunding& y : f.years) at_risk += y.variable_max_total();
  big_figure(T("summary.at_risk"), format_eur(at_risk));
  chart::FundingSeries bars = funding_series(p, f);
  const auto& cats = bars.categories;
  const auto& series = bars.series;
  chart::legend(series);
  chart::stacked_bars("##present_bars", cats, series, ImVec2(0, std::max(em(8), ImGui::GetContentRegionAvail().y - em(3))));
}

void slide_findings(const UiState& s) {
  const auto& findings = s.doc.derived.findings;
  title(T("present.findings"));
  if (findings.empty()) {
    ImGui::TextColored(palette().ok, "%s", T("verif.none"));
    return;
  }
  ImGui::Text("%s", (TF("summary.blocking", s.doc.derived.blocking) + " · " + TF("summary.warnings", s.doc.derived.warnings)).c_str());
  ImGui::Spacing();
  int shown = 0;
  for (const Finding& f : findings) {
    if (f.severity == Severity::Info || ++shown > 8) continue;  // what fits on a screen; the rest is in Vérification
    ImGui::PushStyleColor(ImGuiCol_Text, f.severity == Severity::Blocking ? ImVec4(0.8f, 0.1f, 0.1f, 1) : ImGui::GetStyleColorVec4(ImGuiCol_Text));
    ImGui::PushTextWrapPos(0);
    ImGui::BulletText("%s", (language() == Lang::En ? f.message_en : f.message_fr).c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
  }
  if (shown > 8) ImGui::TextDisabled("%s", TF("present.more_findings", shown - 8).c_str());
}

}  // namespace

int slide_count(const UiState& s) { return 5 + static_cast<int>(chosen_missions(s).size()); }

void draw_presentation(UiState& s) {
  const int n = slide_count(s);
  s.slide = std::clamp(s.slide, 0, n - 1);
  // Clickers send PageDown/PageUp (or arrows); Échap leaves.
  if (ImGui::IsKeyPressed(ImGuiKey_RightArrow) || ImGui::IsKeyPressed(ImGuiKey_PageDown) || ImGui::IsKeyPressed(ImGuiKey_Space)) s.slide = std::min(s.slide + 1, n - 1);
  if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow) || ImGui::IsKeyPressed(ImGuiKey_PageUp)) s.slide = std::max(s.slide - 1, 0);
  if (ImGui::IsKeyPressed(ImGuiKey_Home)) s.slide = 0;
  if (ImGui::IsKeyPressed(ImGuiKey_End)) s.slide = n - 1;
  bool leave = ImGui::IsKeyPressed(ImGuiKey_Escape);

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  ImGui::Begin("##presentation", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  mark_window("present.window");
  const float bar_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().WindowPadding.y;
  ImGui::BeginChild("##slide", ImVec2(0, -bar_h), ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar);
  auto missions = chosen_missions(s);
  int k = s.slide;
  if (k == 0) slide_territory(s);
  else if (k <= static_cast<int>(missions.size())) slide_mission(s, missions[static_cast<std::size_t>(k - 1)]);
  else if (k == static_cast<int>(missions.size()) + 1) slide_funding(s);
  else if (k == static_cast<int>(missions.size()) + 2) {
    ImGui::BeginDisabled();  // the calendar is for looking at, here
    draw_panel_calendrier(s);
    ImGui::EndDisabled();
  } else if (k == static_cast<int>(missions.size()) + 3) slide_dashboard(s);
  else slide_findings(s);
  ImGui::EndChild();

  ImGui::Separator();
  ImGui::BeginDisabled(s.slide == 0);
  if (ImGui::Button(T("present.previous"))) s.slide = std::max(0, s.slide - 1);
  mark_item("present.previous");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(s.slide == n - 1);
  if (ImGui::Button(T("present.next"))) s.slide = std::min(n - 1, s.slide + 1);
  mark_item("present.next");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", TF("present.position", s.slide + 1, n).c_str());
  std::string resume = T("present.resume");
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(resume.c_str()).x - ImGui::GetStyle().FramePadding.x * 2);
  if (ImGui::Button(resume.c_str())) leave = true;
  mark_item("present.resume");
  ImGui::End();
  if (leave) s.presenting = false;
}

}  // namespace cpts::ui
