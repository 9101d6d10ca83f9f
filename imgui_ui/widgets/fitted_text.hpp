// Text cut to the room it has, with an ellipsis "…" so that a reader sees it was cut (issue #14:
// table cells and timeline labels cut mid-letter at 1366 px and 150 %), and the whole text in a
// tooltip when hovered. One helper for every table cell and label that may not fit.
#pragma once
#include <imgui.h>

#include <string>
#include <string_view>

namespace cpts::ui {

// The longest prefix of `text` (whole UTF-8 characters, trailing spaces dropped) that fits
// `max_width` pixels of the current font once "…" is added; `text` itself when it fits.
std::string ellipsize(std::string_view text, float max_width);

// TextUnformatted cut with "…" to the width left on the line (a table cell's width); the whole
// text as a tooltip over a cut one. `disabled`: the muted text colour.
void text_fitted(std::string_view text, bool disabled = false);

// The same, drawn at `pos` into `dl` within `max_width` (custom-drawn charts and timelines).
// Returns true when the text was cut.
bool add_text_fitted(ImDrawList* dl, ImVec2 pos, ImU32 color, std::string_view text, float max_width);

// A Selectable whose label is cut with "…" to the width left (a list beside a form: mission and
// library titles), the whole label as a tooltip when cut. `id` keeps the item's identity.
bool selectable_fitted(std::string_view label, const char* id, bool selected);

// A bullet whose text wraps at the right edge (ImGui::BulletText never wraps).
void bullet_wrapped(std::string_view text);

// Width of a button (or SmallButton) showing `label`: to size a table column that holds one.
float button_width(const char* label);

// SameLine if an item `width` wide still fits on the current line, else stay on a new line: a row
// of buttons wraps instead of running past the right edge ("Télécharger (Ma…" at 150 %).
void same_line_if_fits(float width);

}  // namespace cpts::ui
