// Minimal PNG writer for native screenshots: 8-bit RGB, no compression (stored deflate blocks), so
// no zlib is needed. Files are large (w*h*3 bytes) but only tests and docs produce them.
#pragma once

namespace cpts::ui {

// `rgb` holds h rows of w*3 bytes, top row first. Returns false if the file cannot be written.
bool write_png_rgb(const char* path, int w, int h, const unsigned char* rgb);

}  // namespace cpts::ui
