#include "png_writer.hpp"

#include <cstdio>
#include <string>

#include "io/documents/drawing.hpp"

namespace cpts::ui {

bool write_png_rgb(const char* path, int w, int h, const unsigned char* rgb) {
  // The documents' PNG encoder (zlib's DEFLATE and CRC-32): one compression path for the project.
  doc::Image img;
  img.width = w;
  img.height = h;
  img.rgb.assign(rgb, rgb + static_cast<std::size_t>(w) * h * 3);
  const std::string png = doc::to_png(img);
  std::FILE* f = std::fopen(path, "wb");
  if (!f) return false;
  const bool ok = std::fwrite(png.data(), 1, png.size(), f) == png.size();
  return std::fclose(f) == 0 && ok;
}

}  // namespace cpts::ui
