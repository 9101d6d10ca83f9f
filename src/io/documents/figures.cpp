#include "io/documents/figures.hpp"

#include <algorithm>
#include <cmath>

namespace cpts::doc {

namespace {
const Rgb kInk{0x22, 0x22, 0x22}, kMuted{0x66, 0x66, 0x66}, kGrid{0xD0, 0xD0, 0xD0}, kRed{0xC0, 0x1A, 0x1A};
constexpr double kFont = 11;
}  // namespace

std::vector<double> nice_ticks(double max, int target) {
  std::vector<double> ticks{0.0};
  if (!(max > 0) || !std::isfinite(max) || target < 1) return ticks;
  double raw = max / target;
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (double f : {1.0, 2.0, 5.0, 10.0})
    if (f * mag >= raw) {
      step = f * mag;
      break;
    }
  for (double v = step; v < max + step * 0.999 && ticks.size() < 50; v += step) ticks.push_back(v);
  return ticks;
}

std::string axis_label_eur(double euros) {
  if (euros == 0) return "0";
  if (std::fabs(euros) >= 1e6) return format_number_fr(euros / 1e6, 1) + "\xC2\xA0M\xE2\x82\xAC";
  if (std::fabs(euros) >= 1e3) return format_number_fr(euros / 1e3, 1) + "\xC2\xA0k\xE2\x82\xAC";
  return format_number_fr(euros, 0) + "\xC2\xA0\xE2\x82\xAC";
}

FundingBars funding_bars(const FundingResult& r) {
  FundingBars b;
  FundingBars::Series fonct{"Fonctionnement", 0, {}};
  for (const YearFunding& y : r.years) {
    b.categories.push_back("Année " + std::to_string(y.year));
    b.subtitles.push_back(y.start.valid() ? format_fr(y.start) : "");
    fonct.values.push_back(y.fonctionnement + y.topup);
    b.totals.push_back(y.total());
  }
  b.series.push_back(fonct);
  const std::size_t n = r.years[0].missions.size();
  for (std::size_t m = 0; m < n; ++m) {
    const std::string& id = r.years[0].missions[m].mission;
    const CatalogueMission* cm = r.catalogue ? r.catalogue->mission(id) : nullptr;
    FundingBars::Series s{cm ? cm->short_fr : id, static_cast<int>(m) + 1, {}};
    Cents sum = 0;
    for (const YearFunding& y : r.years) {
      Cents c = m < y.missions.size() ? y.missions[m].total() : 0;
      s.values.push_back(c);
      sum += c;
    }
    if (sum != 0) b.series.push_back(std::move(s));
  }
  return b;
}

Drawing draw_funding_bars(const FundingBars& bars, const std::string& title) {
  Drawing d;
  d.title = title;
  d.width = 680;
  const double left = 64, right = 16, top = 24, plot_h = 220;
  const double plot_w = d.width - left - right;
  Cents max = 0;
  for (Cents t : bars.totals) max = std::max(max, t);
  std::vector<double> ticks = nice_ticks(static_cast<double>(max) / 100.0, 5);
  const double top_value = std::max(1.0, ticks.back());
  auto y_of = [&](double euros) { return top + plot_h - euros / top_value * plot_h; };
  for (double t : ticks) {
    double y = y_of(t);
    d.line(left, y, left + plot_w, y, kGrid, 1);
    d.text(left - 6, y + 4, axis_label_eur(t), kFont, kMuted, Anchor::End);
  }
  const std::size_t n = bars.categories.size();
  const double slot = plot_w / std::max<std::size_t>(1, n), bar_w = slot * 0.56;
  for (std::size_t k = 0; k < n; ++k) {
    double x = left + slot * k + (slot - bar_w) / 2, acc = 0;
    for (const auto& s : bars.series) {
      double v = k < s.values.size() ? static_cast<double>(s.values[k]) / 100.0 : 0;
      if (v <= 0) continue;
      double y0 = y_of(acc), y1 = y_of(acc + v);
      d.rect(x, y1, bar_w, y0 - y1, okabe_ito(s.color));
      acc += v;
    }
    if (k < bars.totals.size() && bars.totals[k] > 0)
      d.text(x + bar_w / 2, y_of(acc) - 5, axis_label_eur(static_cast<double>(bars.totals[k]) / 100.0), kFont, kInk, Anchor::Middle, true);
    d.text(left + slot * k + slot / 2, top + plot_h + 16, bars.categories[k], kFont, kInk, Anchor::Middle);
    if (k < bars.subtitles.size()) d.text(left + slot * k + slot / 2, top + plot_h + 30, bars.subtitles[k], kFont - 1.5, kMuted, Anchor::Middle);
  }
  d.line(left, top + plot_h, left + plot_w, top + plot_h, kInk, 1);
  // Legend, wrapped on as many lines as needed, under the axis.
  double lx = left, ly = top + plot_h + 50;
  for (const auto& s : bars.series) {
    double w = 16 + text_width(s.label, kFont) + 18;
    if (lx + w > d.width - right && lx > left) lx = left, ly += 18;
    d.rect(lx, ly - 9, 11, 11, okabe_ito(s.color));
    d.text(lx + 16, ly + 1, s.label, kFont, kInk);
    lx += w;
  }
  d.height = ly + 14;
  return d;
}

Timeline deployment_timeline(const Project& p, const FundingResult& r) {
  Timeline t;
  t.begin = r.years[0].start;
  t.end = r.years[kContractYears - 1].end;
  for (const YearFunding& y : r.years) t.year_starts.push_back(y.start);
  for (std::size_t m = 0; m < r.deadlines.size(); ++m) {
    const MissionDeadline& dl = r.deadlines[m];
    const ProjectMission* pm = p.find_mission(dl.mission);
    if (!pm || !pm->chosen) continue;
    const CatalogueMission* cm = r.catalogue ? r.catalogue->mission(dl.mission) : nullptr;
    TimelineRow row;
    row.label = cm ? cm->short_fr : dl.mission;
    row.mission = true;
    row.color = static_cast<int>(m) + 1;
    row.from = pm->start;
    row.to = pm->deployed;
    row.start_by = dl.start_by;
    row.deployed_by = dl.deployed_by;
    row.late = dl.start_late || dl.deploy_late;
    t.rows.push_back(row);
    for (const Action& a : p.actions) {
      if (a.mission != dl.mission) continue;
      TimelineRow ar;
      ar.label = a.title.empty() ? a.id : a.title;
      ar.color = row.color;
      ar.from = a.start;
      ar.to = a.end;
      t.rows.push_back(ar);
    }
  }
  return t;
}

Drawing draw_timeline(const Timeline& t, const std::string& title, std::size_t max_rows) {
  Drawing d;
  d.title = title;
  d.width = 680;
  const double label_w = 250, right = 12, top = 30, row_h = 19;
  const double x0 = label_w, x1 = d.width - right;
  const std::size_t shown = std::min(max_rows, t.rows.size());
  const double bottom = top + row_h * static_cast<double>(shown);
  const bool dated = t.begin.valid() && t.end.valid() && t.end > t.begin;
  const double d0 = dated ? static_cast<double>(to_days(t.begin)) : 0, d1 = dated ? static_cast<double>(to_days(t.end)) : 1;
  auto x_of = [&](const Date& day) {
    double v = (static_cast<double>(to_days(day)) - d0) / std::max(1.0, d1 - d0);
    return x0 + std::clamp(v, 0.0, 1.0) * (x1 - x0);
  };
  if (dated) {
    for (std::size_t k = 0; k < t.year_starts.size(); ++k) {
      double x = x_of(t.year_starts[k]);
      d.line(x, top - 22, x, bottom, kGrid, 1);
      d.text(x + 4, top - 12, "Année " + std::to_string(k + 1), kFont, kInk, Anchor::Start, true);
      d.text(x + 4, top - 1, format_fr(t.year_starts[k]), kFont - 2, kMuted);
    }
    d.line(x1, top - 22, x1, bottom, kGrid, 1);
  }
  for (std::size_t i = 0; i < shown; ++i) {
    const TimelineRow& r = t.rows[i];
    double y = top + row_h * static_cast<double>(i) + 3, h = row_h - 6;
    if (i % 2 == 1) d.rect(0, y - 3, d.width, row_h, Rgb{0xF4, 0xF4, 0xF4});
    std::string label = fit_text(r.label, r.mission ? kFont : kFont - 1, label_w - (r.mission ? 8 : 20));
    d.text(r.mission ? 2 : 14, y + h - 3, label, r.mission ? kFont : kFont - 1, r.late ? kRed : (r.mission ? kInk : kMuted), Anchor::Start, r.mission);
    if (!dated || !r.from.valid()) continue;
    double xa = x_of(r.from), xb = std::max(x_of(r.to.valid() ? r.to : t.end), xa + 3);
    if (r.mission) {
      d.rect(xa, y, xb - xa, h, okabe_ito(r.color));
      if (r.to.valid() && xb < x1) d.rect(xb, y + h * 0.3, x1 - xb, h * 0.4, okabe_ito(r.color), 0.35);
      if (r.late) d.frame(xa, y, xb - xa, h, kRed, 2);
    } else {
      d.rect(xa, y + h * 0.2, xb - xa, h * 0.6, okabe_ito(r.color), 0.6);
    }
    auto marker = [&](const Date& day, bool diamond) {
      if (!day.valid()) return;
      double x = x_of(day), c = y + h / 2, s = 5.5;
      Rgb col = r.late ? kRed : kInk;
      if (diamond) d.polygon({x, c - s, x + s, c, x, c + s, x - s, c}, col);
      else d.polygon({x - s, y - 2, x + s, y - 2, x, y + s * 1.4}, col);
    };
    marker(r.start_by, false);
    marker(r.deployed_by, true);
  }
  double ly = bottom + 18;
  if (shown < t.rows.size()) {
    d.text(2, ly, "… et " + std::to_string(t.rows.size() - shown) + " autres lignes (voir le tableau)", kFont - 1, kMuted);
    ly += 16;
  }
  // Legend: bar, light band, deadlines.
  double lx = 2;
  d.rect(lx, ly - 9, 22, 10, okabe_ito(1));
  d.text(lx += 28, ly, "Démarrage → déploiement complet", kFont - 1, kInk);
  lx += text_width("Démarrage → déploiement complet", kFont - 1) + 14;
  d.rect(lx, ly - 7, 22, 5, okabe_ito(1), 0.35);
  d.text(lx += 28, ly, "Mission déployée", kFont - 1, kInk);
  lx += text_width("Mission déployée", kFont - 1) + 14;
  d.polygon({lx, ly - 10, lx + 11, ly - 10, lx + 5.5, ly - 2}, kInk);
  d.text(lx += 16, ly, "Début au plus tard (ACI)", kFont - 1, kInk);
  lx += text_width("Début au plus tard (ACI)", kFont - 1) + 14;
  d.polygon({lx + 5.5, ly - 11, lx + 11, ly - 5.5, lx + 5.5, ly, lx, ly - 5.5}, kInk);
  d.text(lx + 16, ly, "Déploiement au plus tard", kFont - 1, kInk);
  d.height = ly + 8;
  return d;
}

}  // namespace cpts::doc
