// Vector figures of the documents (funding chart, deployment timeline): a plain list of shapes in
// CSS pixels, drawn once by the chart code and then written either as SVG (HTML, Markdown, DOCX
// for Word 2016+) or rasterised to PNG (the DOCX fallback picture LibreOffice and older Word show).
// Text is measured with the metrics of the embedded DejaVu Sans subset, the font the PNG uses and
// the UI's regular face (so the Documents preview lays figures out as the documents do).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cpts::doc {

struct Rgb {
  std::uint8_t r = 0, g = 0, b = 0;
  friend bool operator==(const Rgb&, const Rgb&) = default;
};
std::string to_hex(Rgb c);  // "#0072B2"

// Okabe & Ito colour-blind-safe palette: blue, orange, bluish green, vermillion, sky blue, reddish
// purple, yellow, grey (the UI's chart colours, imgui_ui/widgets/chart_math.cpp, same order).
Rgb okabe_ito(int i);

enum class Anchor { Start, Middle, End };

struct Shape {
  enum Kind { Rect, Line, Polygon, Text } kind = Rect;
  double x = 0, y = 0, w = 0, h = 0;       // Rect; Line: (x, y) -> (w, h) as x2, y2; Text: baseline point
  std::vector<double> points;              // Polygon: x0, y0, x1, y1, ...
  Rgb fill, stroke;
  bool has_fill = true, has_stroke = false;
  double stroke_width = 1, dash = 0;       // dash > 0: dash and gap length
  double opacity = 1;                      // fill opacity
  std::string text;                        // Text (UTF-8, unescaped)
  double size = 12;                        // Text: font size in px
  Anchor anchor = Anchor::Start;
  bool bold = false;                       // SVG only; the PNG uses the regular face
};

struct Drawing {
  double width = 0, height = 0;            // CSS px (96 per inch)
  std::string title;                       // accessible name (SVG <title>)
  std::vector<Shape> shapes;

  void rect(double x, double y, double w, double h, Rgb fill, double opacity = 1);
  void frame(double x, double y, double w, double h, Rgb stroke, double width = 1);
  void line(double x1, double y1, double x2, double y2, Rgb stroke, double width = 1, double dash = 0);
  void polygon(std::vector<double> points, Rgb fill);
  void text(double x, double y, std::string_view s, double size, Rgb fill, Anchor a = Anchor::Start, bool bold = false);
};

// Width in px of `s` at `size` px in DejaVu Sans (advance widths of the embedded subset; characters
// outside it count as the width of "M" × 0.6).
double text_width(std::string_view s, double size);
// `s` cut at a character boundary and ended with "…" so that it fits in `max_width` px.
std::string fit_text(std::string_view s, double size, double max_width);

// Standalone SVG 1.1 (also valid inline in HTML5): all text escaped.
std::string to_svg(const Drawing& d);

struct Image {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgb;           // width * height * 3, white background
};
// Rasterises at `scale` device pixels per CSS px (anti-aliased, DejaVu Sans for the text).
Image rasterise(const Drawing& d, double scale);
// PNG (truecolour 8 bit, Up filter, DEFLATE from archive.hpp).
std::string to_png(const Image& img);

}  // namespace cpts::doc
