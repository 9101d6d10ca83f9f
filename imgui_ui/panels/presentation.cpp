// Presentation mode, for a room looking at a projector: full screen, large type, editing chrome
// hidden, one view at a time — the territory at a glance, each chosen mission with its actions,
// funding by year, the calendar, the findings. ← → / PageUp PageDown (presentation clickers) and
// the on-screen buttons move between views; Échap or « Reprendre l'édition » leaves. Nothing can
// be edited while presenting.
#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "charts.hpp"
#include "dashboard.hpp"
#include "edit_helpers.hpp"
#include "fitted_text.hpp"
#include "fonts.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "shortcuts.hpp"
#include "theme.hpp"
#include "ui_state.hpp"

namespace cpts::ui {

namespace {

const ImVec4 kRed(0.85f, 0.15f, 0.15f, 1.0f);  // blocking findings, as in Vérification

std::vector<std::string> chosen_missions(const UiState& s) {
  std::vector<std::string> out;
  const Project& p = s.doc.project();
  for (const CatalogueMission& m : catalogue_for(p).missions)
    if (const ProjectMission* pm = p.find_mission(m.id); pm && pm->chosen) out.push_back(m.id);
  return out;
}

// Titles and big figures use the display face, rasterised at their size (fonts.hpp): a small face
// scaled up is blurred on a projector.
void title(const std::string& text) {
  ImGui::PushFont(display_font());
  ImGui::PushTextWrapPos(0);
  ImGui::TextWrapped("%s", text.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  ImGui::Separator();
  ImGui::Spacing();
}

// A row of key figures spread over the whole width (label above, value large), so that a slide is
// read from its figures first.
struct Figure {
  std::string label, value;
  ImVec4 color = ImVec4(0, 0, 0, 0);  // alpha 0: the text colour
};
void figure_row(const std::vector<Figure>& figures) {
  if (figures.empty()) return;
  const float col = ImGui::GetContentRegionAvail().x / static_cast<float>(figures.size());
  const float x0 = ImGui::GetCursorPosX();
  for (std::size_t i = 0; i < figures.size(); ++i) {
    if (i) ImGui::SameLine(x0 + col * static_cast<float>(i));
    ImGui::BeginGroup();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(ellipsize(figures[i].label, col - em(0.5f)).c_str());
    ImGui::PopStyleColor();
    ImGui::PushFont(display_font());
    const Figure& f = figures[i];
    ImGui::PushStyleColor(ImGuiCol_Text, f.color.w > 0 ? f.color : ImGui::GetStyleColorVec4(ImGuiCol_Text));
    ImGui::TextUnformatted(ellipsize(f.value, col - em(0.5f)).c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::EndGroup();
  }
  ImGui::Spacing();
  ImGui::Spacing();
}

void slide_territory(UiState& s, const std::string&) {
  const Project& p = s.doc.project();
  const FundingResult& f = s.doc.derived.ceiling;
  title(p.identity.name.empty() ? T("summary.untitled") : p.identity.name);
  figure_row({{T("present.population"), format_number_fr(static_cast<double>(f.population), 0)},
              {T("present.communes"), std::to_string(p.territory.communes.size())},
              {T("summary.taille"), std::to_string(f.taille)},
              {T("present.signature"), format_fr(p.contract.signature)}});
  figure_row({{T("summary.total5"), format_eur(f.total())}, {T("present.missions"), std::to_string(chosen_missions(s).size())},
              {T("present.actions"), std::to_string(p.actions.size())}, {T("present.professionals"), std::to_string(p.professionals.size())}});
  if (p.diagnostic.empty()) return;
  ImGui::TextUnformatted(T("present.diagnostic"));
  // Label | value: the figure in bold at the right of its label, the source muted.
  if (!ImGui::BeginTable("##present_diag", 3, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) return;
  ImGui::TableSetupColumn("l", ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableSetupColumn("v", ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn("s", ImGuiTableColumnFlags_WidthStretch, 1.6f);
  for (const DiagnosticIndicator& d : p.diagnostic) {
    // "(Rézone CPTS 2020)": the year only when the source does not already say it.
    std::string source = d.source;
    if (d.year && source.find(std::to_string(d.year)) == std::string::npos) source += " " + std::to_string(d.year);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", d.label.c_str());
    ImGui::TableNextColumn();
    ImGui::PushFont(bold_font());
    text_fitted(format_number_fr(d.value, 2) + " " + d.unit);
    ImGui::PopFont();
    ImGui::TableNextColumn();
    text_fitted(source, true);
  }
  ImGui::EndTable();
}

void slide_mission(UiState& s, const std::string& mission) {
  const Project& p = s.doc.project();
  const CatalogueMission* cm = catalogue_for(p).mission(mission);
  title(cm ? label_of(*cm) : mission);
  int actions = 0, done = 0, running = 0, indicators = 0;
  for (const cpts::Action& a : p.actions) {  // cpts::, not the app shell's Action (shortcuts.hpp)
    if (a.mission != mission) continue;
    ++actions;
    done += a.status == ActionStatus::Done;
    running += a.status == ActionStatus::InProgress;
    for (const Indicator& i : p.indicators) indicators += i.action == a.id;
  }
  std::vector<Figure> figures = {{T("present.actions"), std::to_string(actions)},
                                 {T("status.in_progress"), std::to_string(running)},
                                 {T("status.done"), std::to_string(done)},
                                 {T("present.indicators_n"), std::to_string(indicators)}};
  for (const MissionDeadline& d : s.doc.derived.ceiling.deadlines) {
    if (d.mission != mission || !d.deployed_by.valid()) continue;
    figures.push_back({T("present.deployed_by"), format_fr(d.deployed_by), d.deploy_late ? palette().warn : ImVec4(0, 0, 0, 0)});
  }
  figure_row(figures);
  for (const MissionDeadline& d : s.doc.derived.ceiling.deadlines) {
    if (d.mission != mission) continue;
    if (d.start_by.valid()) ImGui::TextWrapped("%s", TF("missions.deadlines", format_fr(d.start_by).c_str(), format_fr(d.deployed_by).c_str()).c_str());
    ImGui::TextWrapped("%s", TF("cal.mission_tip", format_fr(d.planned_start).c_str(), format_fr(d.planned_deployed).c_str()).c_str());
  }
  ImGui::Spacing();
  static const char* const kStatus[] = {"status.planned", "status.in_progress", "status.done", "status.abandoned"};
  if (!actions || !ImGui::BeginTable("##present_actions", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) return;
  ImGui::TableSetupColumn("a", ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableSetupColumn("s", ImGuiTableColumnFlags_WidthStretch, 2);
  for (const cpts::Action& a : p.actions) {  // cpts::, not the app shell's Action (shortcuts.hpp)
    if (a.mission != mission) continue;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushFont(bold_font());
    ImGui::TextWrapped("%s", a.title.c_str());
    ImGui::PopFont();
    ImGui::TableNextColumn();
    std::string who = T(kStatus[static_cast<int>(a.status)]);
    if (!a.pilot.empty()) who += " · " + a.pilot;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", who.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::EndTable();
}

void slide_funding(UiState& s, const std::string&) {
  const Project& p = s.doc.project();
  const FundingResult& f = s.doc.derived.ceiling;
  title(T("present.funding"));
  Cents at_risk = 0;
  for (const YearFunding& y : f.years) at_risk += y.variable_max_total();
  figure_row({{T("summary.total5"), format_eur(f.total())}, {T("summary.at_risk"), format_eur(at_risk)}});
  chart::FundingSeries bars = funding_series(p, f);
  chart::legend(bars.series);
  chart::stacked_bars("##present_bars", bars.categories, bars.series, ImVec2(0, std::max(em(6), ImGui::GetContentRegionAvail().y - em(0.5f))));
}

// The calendar panel itself, live (not greyed: nothing in it edits the project).
void slide_calendar(UiState& s, const std::string&) { draw_panel_calendrier(s); }

void slide_findings(UiState& s, const std::string&) {
  const auto& findings = s.doc.derived.findings;
  title(T("present.findings"));
  if (findings.empty()) {
    ImGui::TextColored(palette().ok, "%s", T("verif.none"));
    return;
  }
  figure_row({{T("present.blocking"), std::to_string(s.doc.derived.blocking), s.doc.derived.blocking ? kRed : palette().ok},
              {T("present.warnings"), std::to_string(s.doc.derived.warnings), s.doc.derived.warnings ? palette().warn : palette().ok}});
  // As many as fit above the bottom, each wrapped at the right edge; the rest is counted.
  int left = 0;
  const float wrap = ImGui::GetContentRegionAvail().x - ImGui::GetTreeNodeToLabelSpacing();
  for (const Finding& f : findings) {
    if (f.severity == Severity::Info) continue;
    const std::string& text = message_of(f);
    const float h = ImGui::CalcTextSize(text.c_str(), nullptr, false, wrap).y;
    if (left || h + ImGui::GetTextLineHeightWithSpacing() * 1.5f > ImGui::GetContentRegionAvail().y) {
      ++left;
      continue;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, f.severity == Severity::Blocking ? kRed : ImGui::GetStyleColorVec4(ImGuiCol_Text));
    bullet_wrapped(text);
    ImGui::PopStyleColor();
  }
  if (left) ImGui::TextDisabled("%s", TF("present.more_findings", left).c_str());
}

// The slides, in order. A new slide is one line here: a draw function and, for a per-mission
// slide, its mission id.
struct Slide {
  void (*draw)(UiState&, const std::string&);
  std::string mission;
};

std::vector<Slide> slides(const UiState& s) {
  std::vector<Slide> out{{slide_territory, {}}};
  for (std::string& m : chosen_missions(s)) out.push_back({slide_mission, std::move(m)});
  out.push_back({slide_funding, {}});
  out.push_back({slide_calendar, {}});
  out.push_back({[](UiState& st, const std::string&) { slide_dashboard(st); }, {}});  // Tableau de bord (#19)
  out.push_back({slide_findings, {}});
  return out;
}

}  // namespace

int slide_count(const UiState& s) { return static_cast<int>(slides(s).size()); }

void draw_presentation(UiState& s) {
  const std::vector<Slide> deck = slides(s);
  const int n = static_cast<int>(deck.size());
  s.slide = std::clamp(s.slide, 0, n - 1);
  // The keys of shortcuts.hpp: clickers send PageDown/PageUp (or arrows); Échap leaves.
  bool leave = false;
  for (const Shortcut& k : kShortcuts) {
    if (k.scope != ShortcutScope::Presenting || !shortcut_pressed(k, true)) continue;
    switch (static_cast<SlideMove>(k.command)) {
      case SlideMove::Next: s.slide = std::min(s.slide + 1, n - 1); break;
      case SlideMove::Previous: s.slide = std::max(s.slide - 1, 0); break;
      case SlideMove::First: s.slide = 0; break;
      case SlideMove::Last: s.slide = n - 1; break;
      case SlideMove::Leave: leave = true; break;
    }
  }

  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->Pos);
  ImGui::SetNextWindowSize(vp->Size);
  // Margins of half a line: a projector crops the screen's edges.
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, em(1.0f, 0.6f));
  ImGui::Begin("##presentation", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
  ImGui::PopStyleVar();
  mark_window("present.window");
  const float bar_h = ImGui::GetFrameHeightWithSpacing() + ImGui::GetStyle().ItemSpacing.y;
  // A slide that does not fit (a mission with many actions, a long calendar) scrolls rather than
  // being cut; the scrollbar only shows then.
  ImGui::BeginChild("##slide", ImVec2(0, -bar_h), ImGuiChildFlags_None, ImGuiWindowFlags_None);
  const Slide& slide = deck[static_cast<std::size_t>(s.slide)];
  slide.draw(s, slide.mission);
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
  mark_item("present.position");  // its height is the body text's line height (tests/browser/screenshots.mjs)
  std::string resume = T("present.resume");
  ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(resume.c_str()).x - ImGui::GetStyle().FramePadding.x * 2);
  if (ImGui::Button(resume.c_str())) leave = true;
  mark_item("present.resume");
  ImGui::End();
  if (leave) s.presenting = false;
}

}  // namespace cpts::ui
