// Editing widgets that speak French: money "1 234,56 €", numbers "66,26", dates "18/10/2022" with
// a calendar. Each returns true exactly once, when the user *finished* a valid edit (Enter, Tab or
// focus out), with the new value in `*out`: the caller turns that into one Command, hence one undo
// step per finished edit (not per keystroke). Invalid text keeps the field red with the reason
// below it until it is corrected or Escape restores the value.
#pragma once
#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "model/civil_date.hpp"
#include "model/money.hpp"

namespace cpts::ui::widgets {

// `id` is an ImGui id ("##population"); the label, if any, is drawn by the caller. width 0 = fill.
bool text(const char* id, const std::string& value, std::string* out, float width = 0, const char* hint = nullptr);
bool text_multiline(const char* id, const std::string& value, std::string* out, float lines = 4);
bool money(const char* id, Cents value, Cents* out, Cents min = 0, Cents max = euros(100'000'000), float width = 0);
bool integer(const char* id, long long value, long long* out, long long min, long long max, float width = 0);
// A calendar year: an integer shown without a thousands separator ("2020", not "2 020").
bool year(const char* id, int value, int* out, int min, int max, float width = 0);
bool number(const char* id, std::optional<double> value, std::optional<double>* out, bool allow_empty = true, float width = 0);
// `mark`: publishes the text field as "<mark>.field" and the calendar button as "<mark>.calendar"
// (item_rects.hpp), so a test can check the button keeps its line under an error message.
bool date(const char* id, const Date& value, Date* out, bool allow_empty = true, float width = 0, const char* mark = nullptr);
bool checkbox(const char* label, bool value, bool* out);
// A slider that keeps what the hand does: while it is held (mouse, finger, or Ctrl+click typing)
// it shows the value being dragged, not the model's, and it returns true once, on release, when
// the value changed — one Command, one undo step. The value (`format`, e.g. "%d %%") is drawn on
// the side of the frame away from the handle, so the handle never covers its digits. `label`
// follows ImGui's rule ("Pessimiste" is drawn after the slider, "##impact" is an id only).
// `zero_format`, if given, is shown for the value 0 ("I–": not rated yet). `mark`: publish the
// slider as `mark`, its digits as "<mark>.digits" and its handle as "<mark>.grab" (item_rects.hpp).
bool slider_int(const char* label, int value, int* out, int min, int max, const char* format, float width = 0,
                const char* zero_format = nullptr, const char* mark = nullptr);
// `mark`: publish the combo as `mark` and its open list's items as "<mark>.<index>" (item_rects.hpp).
bool combo(const char* id, int current, const std::vector<std::string>& items, int* out, float width = 0, const char* mark = nullptr);

// A required text field or a rule the caller checks itself: draws the frame red and the reason.
void mark_invalid(const std::string& reason);

// A date picker popup (month grid, French weekday and month names); true when a day was picked.
bool date_picker_popup(const char* popup_id, Date* date);

// The field committed during this frame (its ImGui id and the text typed), taken once: the
// Document ties it to the edit the panel makes of it. When History refuses that edit (the loader
// would refuse the value), reject_field puts the text back in the field with the message, red,
// until the user corrects it or presses Escape; nothing was committed.
struct CommittedField {
  ImGuiID id = 0;
  std::string typed;
};
std::optional<CommittedField> take_committed_field();
void reject_field(ImGuiID id, const std::string& typed, const std::string& message);

// Drops every field's typed or invalid text (another document was opened: same ids, other data).
void forget_fields();

// How many fields currently hold text that did not parse (shown red); for tests and the status line.
std::size_t invalid_field_count();

// Small helpers shared by the panels.
void help_marker(const char* text);            // "(?)" with a tooltip
void estimate_badge(const char* tooltip);      // visible badge on estimated amounts
bool small_button_id(const char* label, const char* id);

}  // namespace cpts::ui::widgets
