// Calendrier: a Gantt-style timeline of the 5 contract years — each mission (start → full
// deployment, then running) with its ACI deadlines, each fiche-action, the anniversaries and today.
// Late items are red; hovering gives exact dates.
#include <algorithm>
#include <ctime>

#include "chart_math.hpp"
#include "edit_helpers.hpp"
#include "fitted_text.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "panel_common.hpp"
#include "theme.hpp"

namespace cpts::ui {

namespace {

struct Timeline {
  double d0, d1;
  float x0, x1;
  float x(const Date& d) const {
    double v = (static_cast<double>(to_days(d)) - d0) / std::max(1.0, d1 - d0);
    return x0 + static_cast<float>(std::clamp(v, 0.0, 1.0)) * (x1 - x0);
  }
};

const ImU32 kRed = IM_COL32(204, 26, 26, 255);

}  // namespace

void draw_panel_calendrier(UiState& s) {
  panel_title(T("panel.calendrier"), T("cal.subtitle"));
  draw_calendar_timeline(s, false);
}

// `slide`: the presentation's calendar, read from the back of a room — one row a mission (its
// actions are on the mission's own slide), the label column as wide as the longest mission name
// (up to 45 % of the width) so that no label is cut, and rows as tall as the slide allows.
void draw_calendar_timeline(UiState& s, bool slide) {
  const Project& p = s.doc.project();
  const FundingResult& f = s.doc.derived.ceiling;
  if (!p.contract.signature.valid()) {
    ImGui::TextColored(palette().warn, "%s", T("fin.no_signature"));
    return;
  }
  const Date now = today();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float width = ImGui::GetContentRegionAvail().x;
  // Row labels take at most a third of the width, so that the years keep room at 200 % and more.
  float label_w = std::min(em(16), width / 3), row_h = ImGui::GetFrameHeight() * 1.1f;
  Timeline tl{static_cast<double>(to_days(f.years[0].start)), static_cast<double>(to_days(f.years[4].end)), origin.x + label_w,
              origin.x + width - em(1)};

  // Rows: a mission, then its actions.
  // The tooltip's text is made only for the hovered row: formatting it for 1 000 actions every
  // frame was most of this panel's time.
  struct Row {
    std::string label;
    bool mission;
    Date a, b, start_by, deployed_by;
    bool late;
    ImU32 color;
    const MissionDeadline* deadline;  // a mission row
    const Action* action;             // an action row
  };
  std::vector<Row> rows;
  const Catalogue& cat = catalogue_for(p);
  for (std::size_t m = 0; m < f.deadlines.size(); ++m) {
    const MissionDeadline& d = f.deadlines[m];
    const ProjectMission* pm = p.find_mission(d.mission);
    if (!pm || !pm->chosen) continue;
    ImU32 col = chart::series_color(static_cast<int>(m) + 1);
    rows.push_back({mission_short(p, d.mission), true, pm->start, pm->deployed, d.start_by, d.deployed_by, d.start_late || d.deploy_late, col, &d, nullptr});
    for (const Action& a : p.actions) {
      if (slide || a.mission != d.mission) continue;
      bool late = a.end.valid() && a.end < now && a.status != ActionStatus::Done && a.status != ActionStatus::Abandoned;
      rows.push_back({"   " + a.title, false, a.start, a.end, {}, {}, late, col, nullptr, &a});
    }
  }
  (void)cat;

  float header_h = ImGui::GetTextLineHeightWithSpacing() * 1.5f;
  // Below the rows, a line for the "aujourd'hui" label: under the bars, never over them.
  const float footer_h = ImGui::GetTextLineHeightWithSpacing();
  if (slide && !rows.empty()) {
    float longest = 0;
    for (const Row& r : rows) longest = std::max(longest, ImGui::CalcTextSize(r.label.c_str()).x);
    label_w = std::min(longest + em(1), width * 0.45f);
    tl.x0 = origin.x + label_w;
    // The rows share the height left above the legend, from one line (1080p at 300 %) to 2.5 each.
    header_h = ImGui::GetTextLineHeightWithSpacing() * 1.1f;
    const float legend_h = ImGui::CalcTextSize(T("cal.legend"), nullptr, false, width).y + ImGui::GetStyle().ItemSpacing.y * 2;
    const float free = ImGui::GetContentRegionAvail().y - header_h - footer_h - legend_h;
    row_h = std::clamp(free / static_cast<float>(rows.size()), ImGui::GetTextLineHeight() + 2, ImGui::GetFrameHeight() * 2.5f);
  }
  float height = header_h + row_h * static_cast<float>(rows.size()) + footer_h;
  ImGui::InvisibleButton("##timeline", ImVec2(width, height));
  mark_item("cal.timeline");
  bool hovered = ImGui::IsItemHovered();
  ImVec2 mouse = ImGui::GetIO().MousePos;
  ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), grid = ImGui::GetColorU32(ImGuiCol_Border), muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  float top = origin.y + header_h, bottom = origin.y + height - footer_h;

  // Contract years and anniversaries.
  for (const YearFunding& y : f.years) {
    float x = tl.x(y.start), room = tl.x(y.end) - x - 8;
    dl->AddLine(ImVec2(x, origin.y), ImVec2(x, bottom), grid);
    // The longest label that fits the year's width: "Année 2 · 18/10/2023", "Année 2", "2".
    const std::string year = TF("fin.year_n", y.year);
    std::string label = year + " · " + format_fr(y.start);
    if (ImGui::CalcTextSize(label.c_str()).x > room) label = year;
    if (ImGui::CalcTextSize(label.c_str()).x > room) label = std::to_string(y.year);
    dl->AddText(ImVec2(x + 4, origin.y), text, label.c_str());
  }
  dl->AddLine(ImVec2(tl.x1, origin.y), ImVec2(tl.x1, bottom), grid);
  if (now >= f.years[0].start && now < f.years[4].end) {
    float x = tl.x(now);
    // As thick as a letter's stem: 2 px was a hairline on a 4K slide.
    const float stroke = std::max(2.0f, em(0.08f));
    dl->AddLine(ImVec2(x, origin.y + header_h * 0.6f), ImVec2(x, bottom), IM_COL32(0, 114, 178, 255), stroke);
    std::string label = TF("cal.today", format_fr(now).c_str());
    float w = ImGui::CalcTextSize(label.c_str()).x;
    float lx = x + 4 + w > tl.x1 ? x - 4 - w : x + 4;  // keep the label inside the chart
    dl->AddLine(ImVec2(x, bottom), ImVec2(x, bottom + footer_h * 0.5f), IM_COL32(0, 114, 178, 255), stroke);
    dl->AddText(ImVec2(lx, bottom + 2), IM_COL32(0, 114, 178, 255), label.c_str());
  }

  const Row* tip = nullptr;
  // Only the rows inside the visible part of the window are drawn (1 000 actions stay smooth).
  const ImVec2 clip_min = dl->GetClipRectMin(), clip_max = dl->GetClipRectMax();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Row& r = rows[i];
    float y0 = top + row_h * static_cast<float>(i), y1 = y0 + row_h * 0.75f;
    if (y0 + row_h < clip_min.y || y0 > clip_max.y) continue;
    // A label that does not fit ends with "…" (the whole of it is in the row's tooltip).
    // On a slide's taller rows the label is centred on its bar.
    const float ly = slide ? (y0 + 2 + y1 - ImGui::GetFontSize()) * 0.5f : y0;
    add_text_fitted(dl, ImVec2(origin.x, ly), r.late ? kRed : (r.mission ? text : muted), r.label, label_w - 6);
    if (r.a.valid()) {
      Date end = r.b.valid() ? r.b : f.years[4].end;
      float xa = tl.x(r.a), xb = std::max(tl.x(end), xa + 3);
      ImU32 fill = r.mission ? r.color : (r.color & 0x00FFFFFF) | 0x99000000;
      dl->AddRectFilled(ImVec2(xa, y0 + 2), ImVec2(xb, y1), fill, 3.0f);
      if (r.mission && r.b.valid()) dl->AddRectFilled(ImVec2(xb, y0 + row_h * 0.3f), ImVec2(tl.x1, y1 - row_h * 0.2f), (r.color & 0x00FFFFFF) | 0x40000000);
      if (r.late) dl->AddRect(ImVec2(xa, y0 + 2), ImVec2(xb, y1), kRed, 3.0f, 0, 2.5f);
    }
    // ACI deadlines: ▼ latest start, ◆ latest full deployment.
    auto mark = [&](const Date& d, bool diamond) {
      if (!d.valid()) return;
      float x = tl.x(d), c = (y0 + y1) * 0.5f, h = std::min(row_h, ImGui::GetFrameHeight() * 1.5f) * 0.35f;
      ImU32 col = r.late ? kRed : text;
      if (diamond) dl->AddQuadFilled(ImVec2(x, c - h), ImVec2(x + h, c), ImVec2(x, c + h), ImVec2(x - h, c), col);
      else dl->AddTriangleFilled(ImVec2(x - h, y0), ImVec2(x + h, y0), ImVec2(x, y0 + h * 1.6f), col);
    };
    mark(r.start_by, false);
    mark(r.deployed_by, true);
    if (hovered && mouse.y >= y0 && mouse.y < y0 + row_h) tip = &r;
  }
  if (tip && tip->deadline) {
    const MissionDeadline& d = *tip->deadline;
    std::string text = tip->label + "\n" + TF("cal.mission_tip", format_fr(tip->a).c_str(), format_fr(tip->b).c_str());
    if (d.start_by.valid()) text += "\n" + sentence_start(TF("missions.deadlines", format_fr(d.start_by).c_str(), format_fr(d.deployed_by).c_str()));
    ImGui::SetTooltip("%s", text.c_str());
  } else if (tip && tip->action) {
    const Action& a = *tip->action;
    std::string text = a.title + "\n" + TF("cal.action_tip", format_fr(a.start).c_str(), format_fr(a.end).c_str());
    if (tip->late) text += "\n" + std::string(T("cal.action_late"));
    ImGui::SetTooltip("%s", text.c_str());
  }
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", T("cal.legend"));
  ImGui::PopTextWrapPos();
}

}  // namespace cpts::ui
