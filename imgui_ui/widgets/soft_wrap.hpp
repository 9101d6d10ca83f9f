// Word wrap for multi-line fields. Dear ImGui's InputTextMultiline does not wrap (ocornut/imgui
// #952, #1062), so paragraphs scrolled sideways while typing. The known way round it (#7363) is to
// insert line breaks into the *edit buffer* only: here a soft break is the pair "\r\n", which
// ImGui draws as a plain line break ('\r' has no width) and which a user cannot type or paste
// (InputText filters '\r' out). Removing every "\r\n" gives back exactly the text typed, so the
// project never stores an inserted break.
#pragma once
#include <imgui.h>

#include <string>
#include <string_view>

namespace cpts::ui::widgets {

// `text` (no soft breaks) with a soft break wherever ImGui's word wrap would break a line wider
// than `width` pixels at `font_size`. Text already holding a '\r' (a file written on Windows) is
// returned unchanged: its "\r\n" would read as soft breaks.
std::string soft_wrap(std::string_view text, const ImFont* font, float font_size, float width);
// `wrapped` without its soft breaks.
std::string soft_unwrap(std::string_view wrapped);
// A byte offset in the wrapped text → the same place in the unwrapped text, and back.
int unwrapped_offset(std::string_view wrapped, int offset);
int wrapped_offset(std::string_view wrapped, int unwrapped);

}  // namespace cpts::ui::widgets
