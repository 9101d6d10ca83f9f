// [SECTION] Drawing helpers and SVG
// [SECTION] TrueType outlines (the embedded DejaVu Sans subset: cmap 4, loca, glyf, hmtx)
// [SECTION] Anti-aliased scan conversion (signed-area accumulation) and compositing
// [SECTION] PNG
#include "io/documents/drawing.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "io/documents/archive.hpp"
#include "io/documents/escape.hpp"
#include "io/embedded_data.hpp"

namespace cpts::doc {

// =================================================================================================
// [SECTION] Drawing helpers and SVG
// =================================================================================================

std::string to_hex(Rgb c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r, c.g, c.b);
  return buf;
}

Rgb okabe_ito(int i) {
  static const Rgb k[] = {{0x00, 0x72, 0xB2}, {0xE6, 0x9F, 0x00}, {0x00, 0x9E, 0x73}, {0xD5, 0x5E, 0x00},
                          {0x56, 0xB4, 0xE9}, {0xCC, 0x79, 0xA7}, {0xF0, 0xE4, 0x42}, {0x99, 0x99, 0x99}};
  return k[static_cast<unsigned>(i) % 8];
}

void Drawing::rect(double x, double y, double w, double h, Rgb fill, double opacity) {
  Shape s;
  s.kind = Shape::Rect;
  s.x = x, s.y = y, s.w = w, s.h = h, s.fill = fill, s.opacity = opacity;
  shapes.push_back(std::move(s));
}
void Drawing::frame(double x, double y, double w, double h, Rgb stroke, double width) {
  Shape s;
  s.kind = Shape::Rect;
  s.x = x, s.y = y, s.w = w, s.h = h, s.has_fill = false, s.has_stroke = true, s.stroke = stroke, s.stroke_width = width;
  shapes.push_back(std::move(s));
}
void Drawing::line(double x1, double y1, double x2, double y2, Rgb stroke, double width, double dash) {
  Shape s;
  s.kind = Shape::Line;
  s.x = x1, s.y = y1, s.w = x2, s.h = y2, s.has_fill = false, s.has_stroke = true, s.stroke = stroke;
  s.stroke_width = width, s.dash = dash;
  shapes.push_back(std::move(s));
}
void Drawing::polygon(std::vector<double> points, Rgb fill) {
  Shape s;
  s.kind = Shape::Polygon;
  s.points = std::move(points), s.fill = fill;
  shapes.push_back(std::move(s));
}
void Drawing::text(double x, double y, std::string_view str, double size, Rgb fill, Anchor a, bool bold) {
  Shape s;
  s.kind = Shape::Text;
  s.x = x, s.y = y, s.text = std::string(str), s.size = size, s.fill = fill, s.anchor = a, s.bold = bold;
  shapes.push_back(std::move(s));
}

namespace {

std::string num(double v) {  // compact decimal for SVG coordinates
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", v);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  return s;
}

}  // namespace

std::string to_svg(const Drawing& d) {
  std::string o;
  o += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + num(d.width) + "\" height=\"" + num(d.height) +
       "\" viewBox=\"0 0 " + num(d.width) + " " + num(d.height) + "\" role=\"img\" aria-label=\"" + xml_escape(d.title) +
       "\" font-family=\"DejaVu Sans, Verdana, Arial, sans-serif\">\n";
  o += "<title>" + xml_escape(d.title) + "</title>\n";
  o += "<rect x=\"0\" y=\"0\" width=\"" + num(d.width) + "\" height=\"" + num(d.height) + "\" fill=\"#FFFFFF\"/>\n";
  for (const Shape& s : d.shapes) {
    std::string paint;
    if (s.has_fill) {
      paint += " fill=\"" + to_hex(s.fill) + "\"";
      if (s.opacity < 1) paint += " fill-opacity=\"" + num(s.opacity) + "\"";
    } else {
      paint += " fill=\"none\"";
    }
    if (s.has_stroke) {
      paint += " stroke=\"" + to_hex(s.stroke) + "\" stroke-width=\"" + num(s.stroke_width) + "\"";
      if (s.dash > 0) paint += " stroke-dasharray=\"" + num(s.dash) + " " + num(s.dash) + "\"";
    }
    switch (s.kind) {
      case Shape::Rect:
        o += "<rect x=\"" + num(s.x) + "\" y=\"" + num(s.y) + "\" width=\"" + num(s.w) + "\" height=\"" + num(s.h) + "\"" + paint + "/>\n";
        break;
      case Shape::Line:
        o += "<line x1=\"" + num(s.x) + "\" y1=\"" + num(s.y) + "\" x2=\"" + num(s.w) + "\" y2=\"" + num(s.h) + "\"" + paint + "/>\n";
        break;
      case Shape::Polygon: {
        std::string pts;
        for (std::size_t i = 0; i + 1 < s.points.size(); i += 2) pts += (i ? " " : "") + num(s.points[i]) + "," + num(s.points[i + 1]);
        o += "<polygon points=\"" + pts + "\"" + paint + "/>\n";
        break;
      }
      case Shape::Text:
        o += "<text x=\"" + num(s.x) + "\" y=\"" + num(s.y) + "\" font-size=\"" + num(s.size) + "\"" +
             (s.anchor == Anchor::Middle ? " text-anchor=\"middle\"" : s.anchor == Anchor::End ? " text-anchor=\"end\"" : "") +
             (s.bold ? " font-weight=\"bold\"" : "") + " fill=\"" + to_hex(s.fill) + "\">" + xml_escape(s.text) + "</text>\n";
        break;
    }
  }
  o += "</svg>";
  return o;
}

// =================================================================================================
// [SECTION] TrueType outlines
// =================================================================================================

namespace {

struct Pt {
  double x, y;
};
using Contour = std::vector<Pt>;  // flattened, closed

class Font {
 public:
  static const Font& get() {
    static const Font f(embedded_file("DejaVuSans-fr.ttf"));  // src/CMakeLists.txt: the UI's regular face too
    return f;
  }
  bool ok() const { return ok_; }
  double units_per_em() const { return upem_; }
  int glyph(char32_t cp) const {
    auto it = cmap_.find(cp);
    return it == cmap_.end() ? 0 : it->second;
  }
  double advance(int g) const {
    if (!ok_ || num_hmetrics_ == 0) return 0;
    int i = std::min(g, num_hmetrics_ - 1);
    return u16(hmtx_ + 4 * i);
  }
  // Outline of glyph `g`, in font units (y up), flattened; `depth` bounds composite recursion.
  void outline(int g, double a, double b, double c, double d, double dx, double dy, std::vector<Contour>& out, int depth = 0) const {
    if (!ok_ || g < 0 || g >= num_glyphs_ || depth > 4) return;
    std::size_t off = loca(g), end = loca(g + 1);
    if (end <= off || glyf_ + end > data_.size()) return;
    std::size_t p = glyf_ + off;
    int n_contours = s16(p);
    auto tx = [&](double x, double y) { return Pt{a * x + c * y + dx, b * x + d * y + dy}; };
    if (n_contours >= 0) {
      std::vector<int> ends(n_contours);
      std::size_t q = p + 10;
      for (int i = 0; i < n_contours; ++i, q += 2) ends[i] = u16(q);
      int n_points = n_contours ? ends.back() + 1 : 0;
      q += 2 + u16(q);  // instructions
      std::vector<std::uint8_t> flags;
      while (static_cast<int>(flags.size()) < n_points && q < data_.size()) {
        std::uint8_t f = byte(q++);
        flags.push_back(f);
        if (f & 8) {
          int rep = byte(q++);
          while (rep-- > 0 && static_cast<int>(flags.size()) < n_points) flags.push_back(f);
        }
      }
      if (static_cast<int>(flags.size()) < n_points) return;
      std::vector<double> xs(n_points), ys(n_points);
      int v = 0;
      for (int i = 0; i < n_points; ++i) {
        std::uint8_t f = flags[i];
        if (f & 2) { int dv = byte(q++); v += (f & 16) ? dv : -dv; }
        else if (!(f & 16)) { v += s16(q); q += 2; }
        xs[i] = v;
      }
      v = 0;
      for (int i = 0; i < n_points; ++i) {
        std::uint8_t f = flags[i];
        if (f & 4) { int dv = byte(q++); v += (f & 32) ? dv : -dv; }
        else if (!(f & 32)) { v += s16(q); q += 2; }
        ys[i] = v;
      }
      int start = 0;
      for (int ci = 0; ci < n_contours; ++ci) {
        int stop = ends[ci];
        if (stop < start || stop >= n_points) return;
        // Quadratic B-splines: consecutive off-curve points imply an on-curve midpoint.
        std::vector<std::pair<Pt, bool>> pts;
        for (int i = start; i <= stop; ++i) pts.push_back({tx(xs[i], ys[i]), (flags[i] & 1) != 0});
        start = stop + 1;
        if (pts.empty()) continue;
        std::size_t first_on = 0;
        while (first_on < pts.size() && !pts[first_on].second) ++first_on;
        Pt origin;
        if (first_on == pts.size()) origin = {(pts[0].first.x + pts[1 % pts.size()].first.x) / 2, (pts[0].first.y + pts[1 % pts.size()].first.y) / 2}, first_on = 0;
        else origin = pts[first_on].first;
        Contour cont{origin};
        Pt cur = origin;
        bool have_ctrl = false;
        Pt ctrl{};
        auto quad = [&](Pt c0, Pt p1) {
          for (int k = 1; k <= 6; ++k) {
            double t = k / 6.0, mt = 1 - t;
            cont.push_back({mt * mt * cur.x + 2 * mt * t * c0.x + t * t * p1.x, mt * mt * cur.y + 2 * mt * t * c0.y + t * t * p1.y});
          }
          cur = p1;
        };
        for (std::size_t k = 1; k <= pts.size(); ++k) {
          const auto& [pt, on] = pts[(first_on + k) % pts.size()];
          if (on) {
            if (have_ctrl) quad(ctrl, pt);
            else cont.push_back(pt), cur = pt;
            have_ctrl = false;
          } else {
            if (have_ctrl) quad(ctrl, {(ctrl.x + pt.x) / 2, (ctrl.y + pt.y) / 2});
            ctrl = pt;
            have_ctrl = true;
          }
        }
        if (have_ctrl) quad(ctrl, origin);
        out.push_back(std::move(cont));
      }
    } else {  // composite glyph (accented letters: base + accent)
      std::size_t q = p + 10;
      while (q + 4 <= data_.size()) {
        int flags = u16(q), sub = u16(q + 2);
        q += 4;
        double e, f;
        if (flags & 1) { e = s16(q); f = s16(q + 2); q += 4; }
        else { e = static_cast<std::int8_t>(byte(q)); f = static_cast<std::int8_t>(byte(q + 1)); q += 2; }
        double sa = 1, sb = 0, sc = 0, sd = 1;
        auto f2dot14 = [&](std::size_t at) { return s16(at) / 16384.0; };
        if (flags & 8) { sa = sd = f2dot14(q); q += 2; }
        else if (flags & 0x40) { sa = f2dot14(q); sd = f2dot14(q + 2); q += 4; }
        else if (flags & 0x80) { sa = f2dot14(q); sb = f2dot14(q + 2); sc = f2dot14(q + 4); sd = f2dot14(q + 6); q += 8; }
        if (!(flags & 2)) e = f = 0;  // point matching is not used by DejaVu's composites
        // Compose: component transform then ours.
        double na = a * sa + c * sb, nb = b * sa + d * sb, nc = a * sc + c * sd, nd = b * sc + d * sd;
        double ndx = a * e + c * f + dx, ndy = b * e + d * f + dy;
        outline(sub, na, nb, nc, nd, ndx, ndy, out, depth + 1);
        if (!(flags & 0x20)) break;
      }
    }
  }

 private:
  explicit Font(std::string_view data) : data_(data) {
    if (data_.size() < 12) return;
    int n = u16(4);
    std::size_t cmap = 0, head = 0, hhea = 0, maxp = 0;
    for (int i = 0; i < n; ++i) {
      std::size_t e = 12 + 16 * static_cast<std::size_t>(i);
      if (e + 16 > data_.size()) return;
      std::string_view tag = data_.substr(e, 4);
      std::size_t off = u32(e + 8);
      if (tag == "cmap") cmap = off;
      else if (tag == "head") head = off;
      else if (tag == "hhea") hhea = off;
      else if (tag == "maxp") maxp = off;
      else if (tag == "hmtx") hmtx_ = off;
      else if (tag == "loca") loca_ = off;
      else if (tag == "glyf") glyf_ = off;
    }
    if (!cmap || !head || !hhea || !maxp || !hmtx_ || !loca_ || !glyf_) return;
    upem_ = u16(head + 18);
    long_loca_ = s16(head + 50) != 0;
    num_hmetrics_ = u16(hhea + 34);
    num_glyphs_ = u16(maxp + 4);
    int subtables = u16(cmap + 2);
    for (int i = 0; i < subtables; ++i) {
      std::size_t rec = cmap + 4 + 8 * static_cast<std::size_t>(i);
      int platform = u16(rec), encoding = u16(rec + 2);
      std::size_t st = cmap + u32(rec + 4);
      if (platform == 3 && encoding == 1 && u16(st) == 4) read_cmap4(st);
    }
    ok_ = upem_ > 0 && !cmap_.empty();
  }
  void read_cmap4(std::size_t st) {
    int segs = u16(st + 6) / 2;
    std::size_t ends = st + 14, starts = ends + 2 * segs + 2, deltas = starts + 2 * segs, ranges = deltas + 2 * segs;
    for (int s = 0; s < segs; ++s) {
      int end = u16(ends + 2 * s), start = u16(starts + 2 * s), delta = s16(deltas + 2 * s), range = u16(ranges + 2 * s);
      if (start == 0xFFFF) break;
      for (int c = start; c <= end; ++c) {
        int g;
        if (range == 0) g = (c + delta) & 0xFFFF;
        else {
          std::size_t at = ranges + 2 * s + range + 2 * static_cast<std::size_t>(c - start);
          g = at + 2 <= data_.size() ? u16(at) : 0;
          if (g) g = (g + delta) & 0xFFFF;
        }
        if (g) cmap_[static_cast<char32_t>(c)] = g;
      }
    }
  }
  std::size_t loca(int g) const { return long_loca_ ? u32(loca_ + 4 * static_cast<std::size_t>(g)) : 2 * static_cast<std::size_t>(u16(loca_ + 2 * static_cast<std::size_t>(g))); }
  std::uint8_t byte(std::size_t at) const { return at < data_.size() ? static_cast<std::uint8_t>(data_[at]) : 0; }
  int u16(std::size_t at) const { return (byte(at) << 8) | byte(at + 1); }
  int s16(std::size_t at) const { return static_cast<std::int16_t>(u16(at)); }
  std::size_t u32(std::size_t at) const { return (static_cast<std::size_t>(u16(at)) << 16) | static_cast<std::size_t>(u16(at + 2)); }

  std::string_view data_;
  bool ok_ = false, long_loca_ = false;
  double upem_ = 0;
  int num_hmetrics_ = 0, num_glyphs_ = 0;
  std::size_t hmtx_ = 0, loca_ = 0, glyf_ = 0;
  std::map<char32_t, int> cmap_;
};

}  // namespace

double text_width(std::string_view s, double size) {
  const Font& f = Font::get();
  double units = 0, em = f.ok() ? f.units_per_em() : 1;
  for (std::size_t i = 0; i < s.size();) {
    char32_t cp = next_code_point(s, i);
    int g = f.ok() ? f.glyph(cp) : 0;
    units += g ? f.advance(g) : 0.6 * em;
  }
  return units / em * size;
}

std::string fit_text(std::string_view s, double size, double max_width) {
  if (text_width(s, size) <= max_width) return std::string(s);
  const std::string ellipsis = "\xE2\x80\xA6";
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t before = i;
    next_code_point(s, i);
    std::string candidate = std::string(s.substr(0, i)) + ellipsis;
    if (text_width(candidate, size) > max_width) break;
    out = std::string(s.substr(0, i));
    (void)before;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + ellipsis;
}

// =================================================================================================
// [SECTION] Anti-aliased scan conversion
// =================================================================================================

namespace {

// Coverage of closed polygons by signed-area accumulation: each edge adds, to the cells it
// crosses, the signed area between it and the cell's right edge; a running sum along each row
// then gives the coverage (non-zero for simple shapes, holes where contours run the other way).
class Coverage {
 public:
  Coverage(int x0, int y0, int w, int h) : x0_(x0), y0_(y0), w_(w), h_(h), stride_(w + 3), acc_(static_cast<std::size_t>((w + 3) * std::max(h, 0)), 0.0f) {}
  void edge(Pt a, Pt b) {
    a.x -= x0_, b.x -= x0_, a.y -= y0_, b.y -= y0_;
    if (a.y == b.y) return;
    double dir = 1;
    if (a.y > b.y) std::swap(a, b), dir = -1;
    double dxdy = (b.x - a.x) / (b.y - a.y);
    double x = a.x;
    if (a.y < 0) x -= a.y * dxdy;
    int ystart = std::max(0, static_cast<int>(std::floor(a.y))), yend = std::min(h_, static_cast<int>(std::ceil(b.y)));
    const double lim = w_ + 1;
    for (int y = ystart; y < yend; ++y) {
      float* row = &acc_[static_cast<std::size_t>(y) * stride_];
      double dy = std::min<double>(y + 1, b.y) - std::max<double>(y, a.y);
      double xnext = x + dxdy * dy;
      double d = dy * dir;
      double xa = std::clamp(std::min(x, xnext), 0.0, lim), xb = std::clamp(std::max(x, xnext), 0.0, lim);
      int xai = static_cast<int>(std::floor(xa)), xbi = static_cast<int>(std::ceil(xb));
      if (xbi <= xai + 1) {
        double xmf = 0.5 * (xa + xb) - xai;
        row[xai] += static_cast<float>(d - d * xmf);
        row[xai + 1] += static_cast<float>(d * xmf);
      } else {
        double s = 1.0 / (xb - xa);
        double xaf = xa - xai;
        double a0 = 0.5 * s * (1 - xaf) * (1 - xaf);
        double xbf = xb - xbi + 1;
        double am = 0.5 * s * xbf * xbf;
        row[xai] += static_cast<float>(d * a0);
        if (xbi == xai + 2) {
          row[xai + 1] += static_cast<float>(d * (1 - a0 - am));
        } else {
          double a1 = s * (1.5 - xaf);
          row[xai + 1] += static_cast<float>(d * (a1 - a0));
          for (int xi = xai + 2; xi < xbi - 1; ++xi) row[xi] += static_cast<float>(d * s);
          double a2 = a1 + (xbi - xai - 3) * s;
          row[xbi - 1] += static_cast<float>(d * (1 - a2 - am));
        }
        row[xbi] += static_cast<float>(d * am);
      }
      x = xnext;
    }
  }
  void contour(const Contour& c) {
    for (std::size_t i = 0; i < c.size(); ++i) edge(c[i], c[(i + 1) % c.size()]);
  }
  // Blends `color` with the coverage into the image.
  void paint(Image& img, Rgb color, double opacity) const {
    for (int y = 0; y < h_; ++y) {
      int iy = y + y0_;
      if (iy < 0 || iy >= img.height) continue;
      double sum = 0;
      const float* row = &acc_[static_cast<std::size_t>(y) * stride_];
      for (int x = 0; x < w_; ++x) {
        sum += row[x];
        int ix = x + x0_;
        if (ix < 0 || ix >= img.width) continue;
        double cov = std::min(1.0, std::fabs(sum)) * opacity;
        if (cov <= 0.002) continue;
        std::uint8_t* px = &img.rgb[(static_cast<std::size_t>(iy) * img.width + ix) * 3];
        const std::uint8_t c[3] = {color.r, color.g, color.b};
        for (int k = 0; k < 3; ++k) px[k] = static_cast<std::uint8_t>(std::lround(px[k] + (c[k] - px[k]) * cov));
      }
    }
  }

 private:
  int x0_, y0_, w_, h_, stride_;
  std::vector<float> acc_;
};

void fill_contours(Image& img, const std::vector<Contour>& contours, Rgb color, double opacity) {
  double minx = 1e18, miny = 1e18, maxx = -1e18, maxy = -1e18;
  for (const Contour& c : contours)
    for (const Pt& p : c) minx = std::min(minx, p.x), miny = std::min(miny, p.y), maxx = std::max(maxx, p.x), maxy = std::max(maxy, p.y);
  if (minx > maxx) return;
  int x0 = std::max(0, static_cast<int>(std::floor(minx)) - 1), y0 = std::max(0, static_cast<int>(std::floor(miny)) - 1);
  int x1 = std::min(img.width, static_cast<int>(std::ceil(maxx)) + 1), y1 = std::min(img.height, static_cast<int>(std::ceil(maxy)) + 1);
  if (x1 <= x0 || y1 <= y0) return;
  Coverage cov(x0, y0, x1 - x0, y1 - y0);
  for (const Contour& c : contours) cov.contour(c);
  cov.paint(img, color, opacity);
}

Contour quad_contour(Pt a, Pt b, double width) {  // a stroked segment as a rectangle
  double dx = b.x - a.x, dy = b.y - a.y, len = std::hypot(dx, dy);
  if (len == 0) return {};
  double nx = -dy / len * width / 2, ny = dx / len * width / 2;
  return {{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}};
}

}  // namespace

Image rasterise(const Drawing& d, double scale) {
  Image img;
  img.width = std::max(1, static_cast<int>(std::lround(d.width * scale)));
  img.height = std::max(1, static_cast<int>(std::lround(d.height * scale)));
  img.rgb.assign(static_cast<std::size_t>(img.width) * img.height * 3, 255);
  const Font& font = Font::get();
  for (const Shape& s : d.shapes) {
    switch (s.kind) {
      case Shape::Rect: {
        double x = s.x * scale, y = s.y * scale, w = s.w * scale, h = s.h * scale;
        if (s.has_fill) fill_contours(img, {{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}}}, s.fill, s.opacity);
        if (s.has_stroke) {
          double t = s.stroke_width * scale;
          std::vector<Contour> sides = {quad_contour({x - t / 2, y}, {x + w + t / 2, y}, t), quad_contour({x - t / 2, y + h}, {x + w + t / 2, y + h}, t),
                                        quad_contour({x, y + t / 2}, {x, y + h - t / 2}, t), quad_contour({x + w, y + t / 2}, {x + w, y + h - t / 2}, t)};
          for (const Contour& c : sides) fill_contours(img, {c}, s.stroke, 1);
        }
        break;
      }
      case Shape::Line: {
        Pt a{s.x * scale, s.y * scale}, b{s.w * scale, s.h * scale};
        double t = std::max(1.0, s.stroke_width * scale);
        if (s.dash > 0) {
          double len = std::hypot(b.x - a.x, b.y - a.y), step = s.dash * scale;
          std::vector<Contour> dashes;
          for (double p = 0; p < len; p += 2 * step) {
            double q = std::min(len, p + step);
            dashes.push_back(quad_contour({a.x + (b.x - a.x) * p / len, a.y + (b.y - a.y) * p / len},
                                          {a.x + (b.x - a.x) * q / len, a.y + (b.y - a.y) * q / len}, t));
          }
          for (const Contour& c : dashes) fill_contours(img, {c}, s.stroke, 1);
        } else {
          fill_contours(img, {quad_contour(a, b, t)}, s.stroke, 1);
        }
        break;
      }
      case Shape::Polygon: {
        Contour c;
        for (std::size_t i = 0; i + 1 < s.points.size(); i += 2) c.push_back({s.points[i] * scale, s.points[i + 1] * scale});
        if (s.has_fill) fill_contours(img, {c}, s.fill, s.opacity);
        break;
      }
      case Shape::Text: {
        if (!font.ok()) break;
        double px = s.size * scale, k = px / font.units_per_em();
        double w = text_width(s.text, s.size) * scale;
        double x = s.x * scale - (s.anchor == Anchor::Middle ? w / 2 : s.anchor == Anchor::End ? w : 0), y = s.y * scale;
        std::vector<Contour> glyphs;
        for (std::size_t i = 0; i < s.text.size();) {
          char32_t cp = next_code_point(s.text, i);
          int g = font.glyph(cp);
          if (g) font.outline(g, k, 0, 0, -k, x, y, glyphs);  // font units are y-up
          x += g ? font.advance(g) * k : 0.6 * px;
        }
        fill_contours(img, glyphs, s.fill, 1);
        break;
      }
    }
  }
  return img;
}

// =================================================================================================
// [SECTION] PNG
// =================================================================================================

namespace {

void chunk(std::string& out, const char* type, const std::string& data) {
  std::string body = std::string(type, 4) + data;
  auto be32 = [&](std::uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out += static_cast<char>((v >> s) & 0xFF);
  };
  be32(static_cast<std::uint32_t>(data.size()));
  out += body;
  be32(crc32(body));
}

}  // namespace

std::string to_png(const Image& img) {
  std::string out = "\x89PNG\r\n\x1A\n";
  std::string ihdr;
  for (int v : {img.width, img.height})
    for (int s = 24; s >= 0; s -= 8) ihdr += static_cast<char>((v >> s) & 0xFF);
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8 bit, truecolour, deflate, adaptive filters, no interlace
  chunk(out, "IHDR", ihdr);
  // Filter "Up" on every row: flat chart areas become long runs of zeros that LZ77 eats.
  std::string raw;
  const std::size_t row = static_cast<std::size_t>(img.width) * 3;
  raw.reserve((row + 1) * img.height);
  for (int y = 0; y < img.height; ++y) {
    raw += static_cast<char>(2);
    const std::uint8_t* cur = &img.rgb[y * row];
    const std::uint8_t* up = y ? &img.rgb[(y - 1) * row] : nullptr;
    for (std::size_t i = 0; i < row; ++i) raw += static_cast<char>(static_cast<std::uint8_t>(cur[i] - (up ? up[i] : 0)));
  }
  chunk(out, "IDAT", zlib_compress(raw));
  chunk(out, "IEND", "");
  return out;
}

}  // namespace cpts::doc
