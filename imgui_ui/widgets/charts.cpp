#include "charts.hpp"

#include <algorithm>
#include <cmath>

#include "chart_math.hpp"
#include "i18n.hpp"
#include "model/money.hpp"

namespace cpts::ui::chart {

namespace {

struct Plot {
  ImDrawList* dl;
  ImVec2 min, max;        // plot area (inside the axes)
  double top;             // value at the top of the axis
  std::vector<double> ticks;
};

// Reserves the widget, draws the y axis with French labels and returns the plot area.
Plot begin_plot(const char* id, ImVec2 size, double max_value, bool euros, const char* unit) {
  ImGui::PushID(id);
  ImVec2 p0 = ImGui::GetCursorScreenPos();
  if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
  ImGui::InvisibleButton("##plot", size);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  std::vector<double> ticks = nice_ticks(max_value, 5);
  double top = ticks.back() > 0 ? ticks.back() : 1;
  float label_w = 0;
  auto label_of = [&](double v) { return euros ? axis_label_eur(v) : format_number_fr(v, 2) + (unit && *unit ? " " : "") + (unit ? unit : ""); };
  for (double t : ticks) label_w = std::max(label_w, ImGui::CalcTextSize(label_of(t).c_str()).x);
  float line_h = ImGui::GetTextLineHeight();
  Plot p{dl, ImVec2(p0.x + label_w + line_h * 0.5f, p0.y + line_h * 0.5f), ImVec2(p0.x + size.x - line_h * 0.5f, p0.y + size.y - line_h * 1.6f), top, ticks};
  ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.6f), text = ImGui::GetColorU32(ImGuiCol_Text);
  for (double t : ticks) {
    float y = value_to_y(t, top, p.max.y, p.min.y);
    dl->AddLine(ImVec2(p.min.x, y), ImVec2(p.max.x, y), grid);
    std::string l = label_of(t);
    dl->AddText(ImVec2(p.min.x - ImGui::CalcTextSize(l.c_str()).x - line_h * 0.3f, y - line_h * 0.5f), text, l.c_str());
  }
  return p;
}

void end_plot() { ImGui::PopID(); }

void category_labels(const Plot& p, const std::vector<std::string>& categories, float slot) {
  ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
  for (std::size_t i = 0; i < categories.size(); ++i) {
    ImVec2 ts = ImGui::CalcTextSize(categories[i].c_str());
    float cx = p.min.x + slot * (static_cast<float>(i) + 0.5f);
    p.dl->AddText(ImVec2(cx - ts.x * 0.5f, p.max.y + ImGui::GetTextLineHeight() * 0.3f), text, categories[i].c_str());
  }
}

}  // namespace

int stacked_bars(const char* id, const std::vector<std::string>& categories, const std::vector<Series>& series, ImVec2 size) {
  double max_total = 0;
  for (std::size_t c = 0; c < categories.size(); ++c) {
    double t = 0;
    for (const Series& s : series) t += c < s.values.size() && std::isfinite(s.values[c]) ? s.values[c] : 0;
    max_total = std::max(max_total, t);
  }
  Plot p = begin_plot(id, size, max_total, true, nullptr);
  float slot = (p.max.x - p.min.x) / std::max<float>(1, static_cast<float>(categories.size()));
  int hovered = -1;
  ImVec2 mouse = ImGui::GetIO().MousePos;
  bool plot_hovered = ImGui::IsItemHovered();
  for (std::size_t c = 0; c < categories.size(); ++c) {
    float x0 = p.min.x + slot * (static_cast<float>(c) + 0.2f), x1 = p.min.x + slot * (static_cast<float>(c) + 0.8f);
    double acc = 0;
    for (std::size_t s = 0; s < series.size(); ++s) {
      double v = c < series[s].values.size() && std::isfinite(series[s].values[c]) ? series[s].values[c] : 0;
      if (v <= 0) continue;
      float y0 = value_to_y(acc, p.top, p.max.y, p.min.y), y1 = value_to_y(acc + v, p.top, p.max.y, p.min.y);
      p.dl->AddRectFilled(ImVec2(x0, y1), ImVec2(x1, y0), series_color(static_cast<int>(s)));
      p.dl->AddRect(ImVec2(x0, y1), ImVec2(x1, y0), ImGui::GetColorU32(ImGuiCol_WindowBg));  // separates segments in grey scale
      acc += v;
    }
    if (plot_hovered && mouse.x >= p.min.x + slot * static_cast<float>(c) && mouse.x < p.min.x + slot * static_cast<float>(c + 1)) hovered = static_cast<int>(c);
  }
  category_labels(p, categories, slot);
  if (hovered >= 0 && ImGui::BeginTooltip()) {
    ImGui::TextUnformatted(categories[static_cast<std::size_t>(hovered)].c_str());
    ImGui::Separator();
    double total = 0;
    for (std::size_t s = 0; s < series.size(); ++s) {
      double v = static_cast<std::size_t>(hovered) < series[s].values.size() ? series[s].values[static_cast<std::size_t>(hovered)] : 0;
      if (!(v > 0)) continue;
      total += v;
      ImGui::ColorButton("##c", ImGui::ColorConvertU32ToFloat4(series_color(static_cast<int>(s))), ImGuiColorEditFlags_NoTooltip,
                         ImVec2(ImGui::GetTextLineHeight(), ImGui::GetTextLineHeight()));
      ImGui::SameLine();
      ImGui::Text("%s : %s", series[s].label.c_str(), format_eur(static_cast<Cents>(std::llround(v * 100))).c_str());
    }
    ImGui::Separator();
    ImGui::Text("%s\xC2\xA0: %s", T("chart.total"), format_eur(static_cast<Cents>(std::llround(total * 100))).c_str());
    ImGui::EndTooltip();
  }
  end_plot();
  return hovered;
}

void lines(const char* id, const std::vector<std::string>& categories, const std::vector<Series>& series, ImVec2 size, const char* unit) {
  double max_v = 0;
  for (const Series& s : series)
    for (double v : s.values)
      if (std::isfinite(v)) max_v = std::max(max_v, v);
  Plot p = begin_plot(id, size, max_v, false, unit);
  float slot = (p.max.x - p.min.x) / std::max<float>(1, static_cast<float>(categories.size()));
  ImVec2 mouse = ImGui::GetIO().MousePos;
  bool hovered = ImGui::IsItemHovered();
  int hover_cat = -1;
  for (std::size_t s = 0; s < series.size(); ++s) {
    ImU32 col = series_color(static_cast<int>(s));
    ImVec2 prev;
    bool has_prev = false;
    for (std::size_t c = 0; c < categories.size() && c < series[s].values.size(); ++c) {
      double v = series[s].values[c];
      if (!std::isfinite(v)) {
        has_prev = false;
        continue;
      }
      ImVec2 pt(p.min.x + slot * (static_cast<float>(c) + 0.5f), value_to_y(v, p.top, p.max.y, p.min.y));
      if (has_prev) p.dl->AddLine(prev, pt, col, 2.5f);
      // Markers differ per series (circle, square, triangle) so lines stay distinct in grey scale.
      float r = ImGui::GetTextLineHeight() * 0.25f;
      if (s % 3 == 0) p.dl->AddCircleFilled(pt, r, col);
      else if (s % 3 == 1) p.dl->AddRectFilled(ImVec2(pt.x - r, pt.y - r), ImVec2(pt.x + r, pt.y + r), col);
      else p.dl->AddTriangleFilled(ImVec2(pt.x, pt.y - r * 1.2f), ImVec2(pt.x - r, pt.y + r), ImVec2(pt.x + r, pt.y + r), col);
      prev = pt;
      has_prev = true;
    }
  }
  for (std::size_t c = 0; c < categories.size(); ++c)
    if (hovered && mouse.x >= p.min.x + slot * static_cast<float>(c) && mouse.x < p.min.x + slot * static_cast<float>(c + 1)) hover_cat = static_cast<int>(c);
  category_labels(p, categories, slot);
  if (hover_cat >= 0 && ImGui::BeginTooltip()) {
    ImGui::TextUnformatted(categories[static_cast<std::size_t>(hover_cat)].c_str());
    for (const Series& s : series) {
      double v = static_cast<std::size_t>(hover_cat) < s.values.size() ? s.values[static_cast<std::size_t>(hover_cat)] : NAN;
      if (std::isfinite(v)) ImGui::Text("%s : %s %s", s.label.c_str(), format_number_fr(v, 2).c_str(), unit ? unit : "");
    }
    ImGui::EndTooltip();
  }
  end_plot();
}

void cumulative_cash(const char* id, const std::vector<CashPoint>& points, const std::vector<std::string>& year_labels,
                     const std::vector<double>& year_days, ImVec2 size) {
  double total = 0;
  for (const CashPoint& c : points) total += c.euros;
  Plot p = begin_plot(id, size, total, true, nullptr);
  if (points.empty() || year_days.size() < 2) {
    end_plot();
    return;
  }
  double d0 = year_days.front(), d1 = year_days.back();
  auto x_of = [&](double day) { return p.min.x + static_cast<float>((day - d0) / std::max(1.0, d1 - d0)) * (p.max.x - p.min.x); };
  ImU32 col = series_color(0), text = ImGui::GetColorU32(ImGuiCol_Text), grid = ImGui::GetColorU32(ImGuiCol_Border, 0.6f);
  for (std::size_t i = 0; i < year_days.size(); ++i) {
    float x = x_of(year_days[i]);
    p.dl->AddLine(ImVec2(x, p.min.y), ImVec2(x, p.max.y), grid);
    if (i < year_labels.size()) p.dl->AddText(ImVec2(x + 3, p.max.y + ImGui::GetTextLineHeight() * 0.3f), text, year_labels[i].c_str());
  }
  double acc = 0;
  ImVec2 prev(x_of(points.front().day), p.max.y);
  ImVec2 mouse = ImGui::GetIO().MousePos;
  const CashPoint* nearest = nullptr;
  double nearest_acc = 0;
  float best = 1e9f;
  for (const CashPoint& c : points) {
    float x = x_of(c.day);
    ImVec2 flat(x, prev.y);
    p.dl->AddLine(prev, flat, col, 2.0f);  // steps: cash arrives on payment dates
    acc += c.euros;
    ImVec2 up(x, value_to_y(acc, p.top, p.max.y, p.min.y));
    p.dl->AddLine(flat, up, col, 2.0f);
    p.dl->AddCircleFilled(up, 3.0f, col);
    if (ImGui::IsItemHovered() && std::fabs(mouse.x - x) < best) {
      best = std::fabs(mouse.x - x);
      nearest = &c;
      nearest_acc = acc;
    }
    prev = up;
  }
  if (nearest && best < ImGui::GetTextLineHeight() * 2 && ImGui::BeginTooltip()) {
    ImGui::TextUnformatted(nearest->label.c_str());
    ImGui::Text("+ %s", format_eur(static_cast<Cents>(std::llround(nearest->euros * 100))).c_str());
    ImGui::Text("%s\xC2\xA0: %s", T("chart.cumulative"), format_eur(static_cast<Cents>(std::llround(nearest_acc * 100))).c_str());
    ImGui::EndTooltip();
  }
  end_plot();
}

void legend(const std::vector<Series>& series) {
  float h = ImGui::GetTextLineHeight();
  const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
  for (std::size_t s = 0; s < series.size(); ++s) {
    // An entry that would overflow the right edge starts a new line (300 %, a projector).
    if (s) {
      ImGui::SameLine(0, h);
      const float need = h * 1.3f + ImGui::CalcTextSize(series[s].label.c_str()).x;
      if (ImGui::GetCursorScreenPos().x + need > right) ImGui::NewLine();
    }
    ImGui::ColorButton(("##legend" + std::to_string(s)).c_str(), ImGui::ColorConvertU32ToFloat4(series_color(static_cast<int>(s))),
                       ImGuiColorEditFlags_NoTooltip, ImVec2(h, h));
    ImGui::SameLine(0, h * 0.3f);
    ImGui::TextUnformatted(series[s].label.c_str());
  }
}

}  // namespace cpts::ui::chart
