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

// Rows of key figures over the whole width (label above, value large), so that a slide is read
// from its figures first. Each figure keeps its whole label and value: when equal columns would cut
// one ("18/10/20…", "1 614 16…" on a 1080p slide), the figures flow at their own width and wrap to
// a second row instead of being ellipsized.
struct Figure {
  std::string label, value;
  ImVec4 color = ImVec4(0, 0, 0, 0);  // alpha 0: the text colour
};
float figure_width(const Figure& f) {
  ImGui::PushFont(display_font());
  const float value = ImGui::CalcTextSize(f.value.c_str()).x;
  ImGui::PopFont();
  return std::max(ImGui::CalcTextSize(f.label.c_str()).x, value);
}
void figure_row(const std::vector<Figure>& figures) {
  if (figures.empty()) return;
  const float avail = ImGui::GetContentRegionAvail().x, gap = em(1.5f);
  const float col = avail / static_cast<float>(figures.size());
  float widest = 0;
  for (const Figure& f : figures) widest = std::max(widest, figure_width(f));
  const bool columns = widest + gap <= col;
  const float x0 = ImGui::GetCursorPosX();
  float x = 0;
  for (std::size_t i = 0; i < figures.size(); ++i) {
    const Figure& f = figures[i];
    const float w = columns ? col : figure_width(f) + gap;
    if (i) {
      if (x + w - gap > avail) {  // does not fit this row: next row
        ImGui::Spacing();
        x = 0;
      } else {
        ImGui::SameLine(x0 + x);
      }
    }
    x += w;
    ImGui::BeginGroup();
    // A label or value wider than the whole slide (a long project name) is still cut, not overflowed.
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextUnformatted(ellipsize(f.label, avail).c_str());
    ImGui::PopStyleColor();
    ImGui::PushFont(display_font());
    ImGui::PushStyleColor(ImGuiCol_Text, f.color.w > 0 ? f.color : ImGui::GetStyleColorVec4(ImGuiCol_Text));
    ImGui::TextUnformatted(ellipsize(f.value, avail).c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::EndGroup();
  }
  ImGui::Spacing();
  ImGui::Spacing();
}

// Height of `text` wrapped at `width` in the current font.
float wrapped_height(const std::string& text, float width) { return ImGui::CalcTextSize(text.c_str(), nullptr, false, width).y; }

// A two-column table of rows (title | detail) that stops where the slide ends and counts the rest
// with `more_key` ("… et 3 autres dans Diagnostic"), rather than a scrollbar nobody in a room can
// use. The title wraps in the wide column (bold when `bold_title`); the detail column holds a figure
// in bold above a muted note (a source, a status and pilot), both wrapped.
struct Row2 {
  std::string title, figure, note;
};
void fitted_rows(const char* id, const std::vector<Row2>& rows, bool bold_title, const char* more_key) {
  if (rows.empty()) return;
  const ImGuiStyle& st = ImGui::GetStyle();
  const float avail = ImGui::GetContentRegionAvail().x - st.CellPadding.x * 4;
  const float w_title = avail * 0.6f, w_detail = avail * 0.4f;
  // How many rows fit in `room` (the first one always shows, however tall).
  // A row is its content and the cell padding above and below; the table is followed by one
  // item spacing.
  auto count_fitting = [&](float room) {
    float used = st.ItemSpacing.y;
    std::size_t shown = 0;
    for (const Row2& r : rows) {
      if (bold_title) ImGui::PushFont(bold_font());
      float h = wrapped_height(r.title, w_title);
      if (bold_title) ImGui::PopFont();
      float d = 0;
      if (!r.figure.empty()) d += ImGui::GetTextLineHeightWithSpacing();
      if (!r.note.empty()) d += wrapped_height(r.note, w_detail);
      h = std::max(h, d) + st.CellPadding.y * 2;
      if (shown && used + h > room) break;
      used += h;
      ++shown;
    }
    return shown;
  };
  // Every row when they all fit; else as many as leave room for the "… et N autre(s)" line.
  const float avail_y = ImGui::GetContentRegionAvail().y;
  std::size_t shown = count_fitting(avail_y);
  if (shown < rows.size()) shown = count_fitting(avail_y - ImGui::GetTextLineHeight() - st.ItemSpacing.y);
  if (ImGui::BeginTable(id, 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn("t", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("d", ImGuiTableColumnFlags_WidthStretch, 2);
    for (std::size_t i = 0; i < shown; ++i) {
      const Row2& r = rows[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (bold_title) ImGui::PushFont(bold_font());
      ImGui::TextWrapped("%s", r.title.c_str());
      if (bold_title) ImGui::PopFont();
      ImGui::TableNextColumn();
      if (!r.figure.empty()) {
        ImGui::PushFont(bold_font());
        text_fitted(r.figure);
        ImGui::PopFont();
      }
      if (!r.note.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", r.note.c_str());
        ImGui::PopStyleColor();
      }
    }
    ImGui::EndTable();
  }
  if (shown < rows.size()) ImGui::TextDisabled("%s", TN(more_key, static_cast<long long>(rows.size() - shown), static_cast<int>(rows.size() - shown)).c_str());
}

void slide_territory(UiState& s, const std::string&) {
  const Project& p = s.doc.project();
  const FundingResult& f = s.doc.derived.ceiling;
  title(p.identity.name.empty() ? T("summary.untitled") : p.identity.name);
  // The ceiling is on the funding slide: here the territory and the team, in figures.
  figure_row({{T("present.population"), format_number_fr(static_cast<double>(f.population), 0)},
              {T("present.communes"), std::to_string(p.territory.communes.size())},
              {T("summary.taille"), std::to_string(f.taille)},
              {T("present.signature"), format_fr(p.contract.signature)}});
  figure_row({{T("present.missions"), std::to_string(chosen_missions(s).size())},
              {T("present.actions"), std::to_string(p.actions.size())},
              {T("present.professionals"), std::to_string(p.professionals.size())}});
  if (p.diagnostic.empty()) return;
  ImGui::TextUnformatted(T("present.diagnostic"));
  // Label | the figure in bold above its source, muted.
  std::vector<Row2> rows;
  for (const DiagnosticIndicator& d : p.diagnostic) {
    // "(Rézone CPTS 2020)": the year only when the source does not already say it.
    std::string source = d.source;
    if (d.year && source.find(std::to_string(d.year)) == std::string::npos) source += " " + std::to_string(d.year);
    rows.push_back({d.label, format_number_fr(d.value, 2) + " " + d.unit, source});
  }
  fitted_rows("##present_diag", rows, false, "present.more_diagnostic");
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
  figure_row({{T("present.actions"), std::to_string(actions)},
              {T("status.in_progress"), std::to_string(running)},
              {T("status.done"), std::to_string(done)},
              {T("present.indicators_n"), std::to_string(indicators)}});
  // The ACI deadlines as two figures (orange when missed).
  for (const MissionDeadline& d : s.doc.derived.ceiling.deadlines) {
    if (d.mission != mission) continue;
    const ImVec4 normal(0, 0, 0, 0);
    std::vector<Figure> dates;
    if (d.start_by.valid()) dates.push_back({T("present.start_by"), format_fr(d.start_by), d.start_late ? palette().warn : normal});
    if (d.deployed_by.valid()) dates.push_back({T("present.deployed_by"), format_fr(d.deployed_by), d.deploy_late ? palette().warn : normal});
    figure_row(dates);  // the planned dates are the bars of the calendar slide
  }
  static const char* const kStatus[] = {"status.planned", "status.in_progress", "status.done", "status.abandoned"};
  std::vector<Row2> rows;
  for (const cpts::Action& a : p.actions) {  // cpts::, not the app shell's Action (shortcuts.hpp)
    if (a.mission != mission) continue;
    std::string who = T(kStatus[static_cast<int>(a.status)]);
    if (!a.pilot.empty()) who += " · " + a.pilot;
    rows.push_back({a.title, {}, who});
  }
  fitted_rows("##present_actions", rows, true, "present.more_actions");
}

void slide_funding(UiState& s, const std::string&) {
  const Project& p = s.doc.project();
  const FundingResult& f = s.doc.derived.ceiling;
  title(T("present.funding"));
  Cents at_risk = 0;
  for (const YearFunding& y : f.years) at_risk += y.variable_max_total();
  // The chart is the slide: when the two big figures would leave it too little height (1080p at
  // 300 % after Alt+Z: about 10 lines for the whole slide), they become one line of body text.
  if (ImGui::GetContentRegionAvail().y > em(13)) {
    figure_row({{T("summary.total5"), format_eur(f.total())}, {T("summary.at_risk"), format_eur(at_risk)}});
  } else {
    ImGui::TextWrapped("%s %s · %s %s", T("summary.total5"), format_eur(f.total()).c_str(), T("summary.at_risk"), format_eur(at_risk).c_str());
    ImGui::Spacing();
  }
  chart::FundingSeries bars = funding_series(p, f);
  chart::legend(bars.series);
  chart::stacked_bars("##present_bars", bars.categories, bars.series, ImVec2(0, std::max(em(4), ImGui::GetContentRegionAvail().y - em(0.5f))));
}

// The calendar panel's timeline, live (not greyed: nothing in it edits the project), one row a
// mission with labels that are never cut.
void slide_calendar(UiState& s, const std::string&) {
  title(T("panel.calendrier"));
  draw_calendar_timeline(s, true);
}

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
    // Room for the finding, and below it for the "… et N autre(s)" line.
    if (left || h + ImGui::GetStyle().ItemSpacing.y + ImGui::GetTextLineHeight() > ImGui::GetContentRegionAvail().y) {
      ++left;
      continue;
    }
    ImGui::PushStyleColor(ImGuiCol_Text, f.severity == Severity::Blocking ? kRed : ImGui::GetStyleColorVec4(ImGuiCol_Text));
    bullet_wrapped(text);
    ImGui::PopStyleColor();
  }
  if (left) ImGui::TextDisabled("%s", TN("present.more_findings", left, left).c_str());
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
  // The bar's buttons keep their words while they fit; at 300 % on 1080p they do not (« Reprendre
  // l'édition » covered « 7 / 9 »), and Précédent / Suivant shrink to their arrows.
  const std::string position = TF("present.position", s.slide + 1, n);
  std::string resume = T("present.resume");
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float whole = button_width(T("present.previous")) + button_width(T("present.next")) + ImGui::CalcTextSize(position.c_str()).x +
                      button_width(resume.c_str()) + spacing * 4;
  const bool arrows = whole > ImGui::GetContentRegionAvail().x;
  ImGui::BeginDisabled(s.slide == 0);
  if (ImGui::Button(arrows ? "◀##present.previous" : T("present.previous"))) s.slide = std::max(0, s.slide - 1);
  mark_item("present.previous");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(s.slide == n - 1);
  if (ImGui::Button(arrows ? "▶##present.next" : T("present.next"))) s.slide = std::min(n - 1, s.slide + 1);
  mark_item("present.next");
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::TextDisabled("%s", position.c_str());
  mark_item("present.position");  // its height is the body text's line height (tests/browser/screenshots.mjs)
  // Right-aligned, never over the position text.
  ImGui::SameLine();
  ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowContentRegionMax().x - button_width(resume.c_str())));
  if (ImGui::Button(resume.c_str())) leave = true;
  mark_item("present.resume");
  ImGui::End();
  if (leave) s.presenting = false;
}

}  // namespace cpts::ui
