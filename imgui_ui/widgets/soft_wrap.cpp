#include "soft_wrap.hpp"

#include <imgui_internal.h>

#include <cstring>

namespace cpts::ui::widgets {

std::string soft_wrap(std::string_view text, const ImFont* font, float font_size, float width) {
  if (text.find('\r') != std::string_view::npos || width <= 0 || !font) return std::string(text);
  const float scale = font_size / font->FontSize;
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  const char* s = text.data();
  const char* end = s + text.size();
  while (s < end) {
    const char* eol = static_cast<const char*>(std::memchr(s, '\n', static_cast<std::size_t>(end - s)));
    if (!eol) eol = end;
    // One hard line [s, eol): break it where ImGui's own wrapped text would.
    while (s < eol) {
      const char* brk = font->CalcWordWrapPositionA(scale, s, eol, width);
      if (brk >= eol) break;
      if (brk <= s) {  // not even one character fits: take one (a whole UTF-8 sequence) anyway
        unsigned int c;
        brk = s + ImTextCharFromUtf8(&c, s, eol);
      }
      // The spaces at the break stay on the line they end, so that unwrapping restores them.
      while (brk < eol && (*brk == ' ' || *brk == '\t')) ++brk;
      if (brk >= eol) break;
      out.append(s, brk);
      out += "\r\n";
      s = brk;
    }
    out.append(s, eol);
    if (eol < end) out += '\n';
    s = eol + 1;
  }
  return out;
}

std::string soft_unwrap(std::string_view wrapped) {
  std::string out;
  out.reserve(wrapped.size());
  for (std::size_t i = 0; i < wrapped.size(); ++i) {
    if (wrapped[i] == '\r' && i + 1 < wrapped.size() && wrapped[i + 1] == '\n') {
      ++i;
      continue;
    }
    out += wrapped[i];
  }
  return out;
}

int unwrapped_offset(std::string_view wrapped, int offset) {
  int removed = 0;
  for (int i = 0; i < offset && i < static_cast<int>(wrapped.size()); ++i) {
    bool soft_r = wrapped[static_cast<std::size_t>(i)] == '\r' && i + 1 < static_cast<int>(wrapped.size()) && wrapped[static_cast<std::size_t>(i) + 1] == '\n';
    bool soft_n = wrapped[static_cast<std::size_t>(i)] == '\n' && i > 0 && wrapped[static_cast<std::size_t>(i) - 1] == '\r';
    removed += soft_r || soft_n;
  }
  return offset - removed;
}

int wrapped_offset(std::string_view wrapped, int unwrapped) {
  // Walk the wrapped text counting kept characters; a place at a soft break goes after it (the
  // start of the next visual line), where a caret typed at the end of a word would continue.
  int kept = 0, i = 0;
  const int n = static_cast<int>(wrapped.size());
  while (i < n) {
    if (wrapped[static_cast<std::size_t>(i)] == '\r' && i + 1 < n && wrapped[static_cast<std::size_t>(i) + 1] == '\n') {
      i += 2;
      continue;
    }
    if (kept == unwrapped) return i;
    ++kept;
    ++i;
  }
  return n;
}

}  // namespace cpts::ui::widgets
