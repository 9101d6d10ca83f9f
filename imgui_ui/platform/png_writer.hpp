// PNG files of native screenshots (8-bit RGB), written by the documents' PNG encoder
// (doc::to_png: zlib's DEFLATE, Up filter).
#pragma once

namespace cpts::ui {

// `rgb` holds h rows of w*3 bytes, top row first. Returns false if the file cannot be written.
bool write_png_rgb(const char* path, int w, int h, const unsigned char* rgb);

}  // namespace cpts::ui
