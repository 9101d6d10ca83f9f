#include "widgets.hpp"

#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <unordered_map>

#include "i18n.hpp"
#include "item_rects.hpp"
#include "soft_wrap.hpp"
#include "theme.hpp"

namespace cpts::ui::widgets {

namespace {

// What the user typed in a field that is being edited or was left invalid, by ImGui id.
struct FieldState {
  std::string buffer;
  std::string error;  // non-empty: the buffer did not parse
};
std::unordered_map<ImGuiID, FieldState>& fields() {
  static std::unordered_map<ImGuiID, FieldState> f;
  return f;
}

// The last field committed, with the frame it was committed in.
CommittedField g_committed;
int g_committed_frame = -1;

const ImVec4 kErrorRed(0.80f, 0.10f, 0.10f, 1.0f);

// The reason, in red under the field. The field stays ImGui's "last item" afterwards, so that
// IsItemHovered(), mark_item() and the like still refer to the field, not to the message.
void draw_error(const std::string& error) {
  if (error.empty()) return;
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ImGuiLastItemData field = g.LastItemData;
  ImGui::PushStyleColor(ImGuiCol_Text, kErrorRed);
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(error.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopStyleColor();
  g.LastItemData = field;
}

// Keeps an edited multi-line buffer wrapped to the field's width: after a keystroke (or a change
// of width) the whole buffer is re-wrapped and the caret and selection moved to the same places
// of the text.
struct WrapContext {
  float width;
};
int rewrap(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag != ImGuiInputTextFlags_CallbackEdit && data->EventFlag != ImGuiInputTextFlags_CallbackAlways) return 0;
  const auto* ctx = static_cast<const WrapContext*>(data->UserData);
  std::string_view current(data->Buf, static_cast<std::size_t>(data->BufTextLen));
  std::string plain = soft_unwrap(current);
  std::string wrapped = soft_wrap(plain, ImGui::GetFont(), ImGui::GetFontSize(), ctx->width);
  if (wrapped == current) return 0;
  int cursor = unwrapped_offset(current, data->CursorPos), sel_a = unwrapped_offset(current, data->SelectionStart),
      sel_b = unwrapped_offset(current, data->SelectionEnd);
  data->DeleteChars(0, data->BufTextLen);
  data->InsertChars(0, wrapped.data(), wrapped.data() + wrapped.size());
  data->CursorPos = wrapped_offset(wrapped, cursor);
  data->SelectionStart = wrapped_offset(wrapped, sel_a);
  data->SelectionEnd = wrapped_offset(wrapped, sel_b);
  return 0;
}

// A field asked `width` wide never runs past the room left on its line (a form's field column
// at 1366 px and 150 %, issue #14 item 6): it is narrowed to fit, not cut by the cell's edge.
float fitting_width(float width) {
  return width > 0 ? std::max(1.0f, std::min(width, ImGui::GetContentRegionAvail().x)) : width;
}

// The shared engine of every text-backed field: shows `display` when idle, lets the user edit a
// buffer, and on a finished edit asks `parse` (which returns an error message or "").
// `error_out`: the caller draws the error itself, after what it puts beside the field (the date
// field's calendar button would otherwise land on the error's line).
template <class Parse>
bool edit_field(const char* id, const std::string& display, float width, const char* hint, Parse parse, bool multiline = false,
                float lines = 1, std::string* error_out = nullptr) {
  width = fitting_width(width);
  ImGuiID gid = ImGui::GetID(id);
  auto& all = fields();
  auto it = all.find(gid);
  bool editing = it != all.end();
  std::string local = editing ? it->second.buffer : display;
  bool invalid = editing && !it->second.error.empty();
  if (invalid) {
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.95f, 0.75f, 0.75f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Border, kErrorRed);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f);
  }
  ImGui::SetNextItemWidth(width > 0 ? width : -FLT_MIN);
  bool changed;
  if (multiline) {
    // Word wrap (soft_wrap.hpp): the field shows `local` with soft breaks, re-wrapped after every
    // keystroke by the callback while it is being edited; `local` loses them again right after.
    const ImGuiStyle& style = ImGui::GetStyle();
    float field_w = width > 0 ? width : ImGui::GetContentRegionAvail().x;
    WrapContext wrap{field_w - style.FramePadding.x * 2 - style.ScrollbarSize};
    local = soft_wrap(local, ImGui::GetFont(), ImGui::GetFontSize(), wrap.width);
    changed = ImGui::InputTextMultiline(id, &local, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * lines + style.FramePadding.y * 2),
                                        ImGuiInputTextFlags_CallbackEdit | ImGuiInputTextFlags_CallbackAlways, rewrap, &wrap);
    local = soft_unwrap(local);
  } else if (hint)
    changed = ImGui::InputTextWithHint(id, hint, &local);
  else
    changed = ImGui::InputText(id, &local);
  if (invalid) {
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
  }
  bool active = ImGui::IsItemActive();
  if (active || changed) {
    FieldState& st = all[gid];
    if (changed || !editing) st.buffer = local;
  }
  bool committed = false;
  if (ImGui::IsItemDeactivated()) {
    auto st = all.find(gid);
    if (st != all.end()) {
      if (ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        all.erase(st);  // Escape: back to the stored value
      } else if (st->second.buffer == display && st->second.error.empty()) {
        all.erase(st);  // nothing changed
      } else {
        std::string error = parse(st->second.buffer);
        if (error.empty()) {
          committed = true;
          g_committed = {gid, st->second.buffer};
          g_committed_frame = ImGui::GetFrameCount();
          all.erase(st);
        } else {
          st->second.error = error;
        }
      }
    }
  }
  auto again = all.find(gid);
  if (again != all.end() && !again->second.error.empty() && !active) {
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", again->second.error.c_str());
    if (error_out) *error_out = again->second.error;
    else draw_error(again->second.error);
  }
  return committed;
}

}  // namespace

std::optional<CommittedField> take_committed_field() {
  if (g_committed_frame != ImGui::GetFrameCount() || !g_committed.id) return std::nullopt;
  CommittedField f = std::move(g_committed);
  g_committed = {};
  return f;
}

void reject_field(ImGuiID id, const std::string& typed, const std::string& message) {
  fields()[id] = FieldState{typed, message};
}

void forget_fields() {
  fields().clear();
  g_committed = {};
  g_committed_frame = -1;
}

std::size_t invalid_field_count() {
  std::size_t n = 0;
  for (const auto& [id, st] : fields()) n += !st.error.empty();
  return n;
}

bool text(const char* id, const std::string& value, std::string* out, float width, const char* hint) {
  return edit_field(id, value, width, hint, [&](const std::string& s) {
    if (s.size() > 20000) return std::string(T("error.text_too_long"));
    *out = s;
    return std::string();
  });
}

bool text_multiline(const char* id, const std::string& value, std::string* out, float lines) {
  return edit_field(
      id, value, 0, nullptr,
      [&](const std::string& s) {
        if (s.size() > 90000) return std::string(T("error.text_too_long"));
        *out = s;
        return std::string();
      },
      true, lines);
}

bool money(const char* id, Cents value, Cents* out, Cents min, Cents max, float width) {
  return edit_field(id, format_eur(value), width, nullptr, [&](const std::string& s) {
    auto c = parse_eur(s);
    if (!c) return std::string(T("error.money"));
    if (*c < min || *c > max) return TF("error.range_money", format_eur(min).c_str(), format_eur(max).c_str());
    *out = *c;
    return std::string();
  });
}

bool integer(const char* id, long long value, long long* out, long long min, long long max, float width) {
  return edit_field(id, format_number_fr(static_cast<double>(value), 0), width, nullptr, [&](const std::string& s) {
    auto v = parse_number_fr(s);
    if (!v || *v != static_cast<double>(static_cast<long long>(*v))) return std::string(T("error.integer"));
    if (*v < static_cast<double>(min) || *v > static_cast<double>(max))
      return TF("error.range", format_number_fr(static_cast<double>(min), 0).c_str(), format_number_fr(static_cast<double>(max), 0).c_str());
    *out = static_cast<long long>(*v);
    return std::string();
  });
}

bool year(const char* id, int value, int* out, int min, int max, float width) {
  return edit_field(id, std::to_string(value), width, nullptr, [&](const std::string& s) {
    auto v = parse_number_fr(s);
    if (!v || *v != static_cast<double>(static_cast<int>(*v))) return std::string(T("error.integer"));
    if (*v < min || *v > max) return TF("error.range", std::to_string(min).c_str(), std::to_string(max).c_str());
    *out = static_cast<int>(*v);
    return std::string();
  });
}

bool number(const char* id, std::optional<double> value, std::optional<double>* out, bool allow_empty, float width) {
  return edit_field(id, value ? format_number_fr(*value, 4) : std::string(), width, nullptr, [&](const std::string& s) {
    if (s.find_first_not_of(' ') == std::string::npos) {
      if (!allow_empty) return std::string(T("error.required"));
      *out = std::nullopt;
      return std::string();
    }
    auto v = parse_number_fr(s);
    if (!v) return std::string(T("error.number"));
    *out = *v;
    return std::string();
  });
}

bool date(const char* id, const Date& value, Date* out, bool allow_empty, float width, const char* mark) {
  ImGui::PushID(id);
  float button_w = ImGui::GetFrameHeight();
  width = fitting_width(width);
  float w = (width > 0 ? width : ImGui::GetContentRegionAvail().x) - button_w - ImGui::GetStyle().ItemInnerSpacing.x;
  ImGui::BeginGroup();
  std::string error;
  bool committed = edit_field("##date", format_fr(value), w, T("widget.date_hint"), [&](const std::string& s) {
    if (s.find_first_not_of(' ') == std::string::npos) {
      if (!allow_empty) return std::string(T("error.required"));
      *out = Date{};
      return std::string();
    }
    // The core reads what people type ("18/10/22", "2022-10-18"); the field then shows the date
    // normalised ("18/10/2022") since the model's value is displayed once committed.
    TypedDate t = parse_typed_date(s);
    switch (t.error) {
      case DateTextError::None: *out = *t.date; return std::string();
      case DateTextError::NoSuchDay:
        if (t.month < 1 || t.month > 12) return TF("error.date_no_such_month", t.month);
        return TF("error.date_no_such_day", t.month, t.year, days_in_month(t.year, t.month));
      case DateTextError::YearOutOfRange: return TF("error.date_year", t.year);
      case DateTextError::Format: break;
    }
    return std::string(T("error.date"));
  }, false, 1, &error);
  if (mark) mark_item((std::string(mark) + ".field").c_str());
  ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
  if (ImGui::Button("...", ImVec2(button_w, 0))) ImGui::OpenPopup("calendar");
  if (mark) mark_item((std::string(mark) + ".calendar").c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("widget.calendar"));
  draw_error(error);  // under the field and its button, which stay on one line
  Date picked = value.valid() ? value : Date{2025, 1, 1};
  if (date_picker_popup("calendar", &picked)) {
    *out = picked;
    committed = true;
  }
  ImGui::EndGroup();
  ImGui::PopID();
  return committed;
}

bool checkbox(const char* label, bool value, bool* out) {
  bool v = value;
  if (ImGui::Checkbox(label, &v)) {
    *out = v;
    return true;
  }
  return false;
}

bool slider_int(const char* label, int value, int* out, int min, int max, const char* format, float width, const char* zero_format,
                const char* mark) {
  // The dragged value lives in the window's ImGui storage (per ImGui context, like ImGui's own
  // widget state), keyed by the slider's id: the model's value cannot overwrite it mid-drag, and
  // the release frame (where ImGui no longer moves the value) still sees it.
  ImGuiStorage* st = ImGui::GetStateStorage();
  ImGuiID id = ImGui::GetID(label);
  ImGuiID held_key = ImHashStr("held", 0, id), live_key = ImHashStr("live", 0, id);
  bool held = st->GetBool(held_key, false);
  int v = held ? st->GetInt(live_key, value) : value;
  ImGui::SetNextItemWidth(width > 0 ? width : -FLT_MIN);
  // Empty format: ImGui draws no digits (Ctrl+click typing falls back to "%d"); drawn below.
  ImGui::SliderInt(label, &v, min, max, "", ImGuiSliderFlags_AlwaysClamp);
  bool active = ImGui::IsItemActive(), deactivated = ImGui::IsItemDeactivated();
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  if (active) {
    st->SetBool(held_key, true);
    st->SetInt(live_key, v);
  }
  bool committed = false;
  if (deactivated || (!active && held)) {
    st->SetBool(held_key, false);
    if (held && v != value) {
      *out = v;
      committed = true;
    }
  }
  // The frame is [a.x, b.x - label] wide when the label is visible. The handle is where ImGui's
  // SliderBehaviorT draws it (2 px padding, at least GrabMinSize wide); the digits go in the
  // larger space beside it.
  const char* label_end = ImGui::FindRenderedTextEnd(label);
  float frame_w = label_end != label ? b.x - a.x - ImGui::CalcTextSize(label, label_end).x - ImGui::GetStyle().ItemInnerSpacing.x : b.x - a.x;
  const float slider = frame_w - 4.0f;
  const float grab = std::min(std::max(slider / static_cast<float>(max - min + 1), ImGui::GetStyle().GrabMinSize), slider);
  const float t = max > min ? static_cast<float>(v - min) / static_cast<float>(max - min) : 0.0f;
  const float grab_x0 = a.x + 2.0f + (slider - grab) * t, grab_x1 = grab_x0 + grab;
  char text[64];
  std::snprintf(text, sizeof text, v == 0 && zero_format ? zero_format : format, v);
  ImVec2 ts = ImGui::CalcTextSize(text);
  const float pad = ImGui::GetStyle().FramePadding.x;
  const float left_space = grab_x0 - a.x - pad, right_space = a.x + frame_w - pad - grab_x1;
  const float x = left_space >= right_space ? a.x + pad + std::max(0.0f, (left_space - ts.x) / 2)
                                            : grab_x1 + std::max(0.0f, (right_space - ts.x) / 2);
  const ImVec2 at(x, a.y + (b.y - a.y - ts.y) / 2);
  ImGui::GetWindowDrawList()->AddText(at, ImGui::GetColorU32(ImGuiCol_Text), text);
  if (mark) {
    mark_item(mark);
    mark_rect((std::string(mark) + ".digits").c_str(), at, ImVec2(at.x + ts.x, at.y + ts.y));
    mark_rect((std::string(mark) + ".grab").c_str(), ImVec2(grab_x0, a.y), ImVec2(grab_x1, b.y));
  }
  return committed;
}

bool combo(const char* id, int current, const std::vector<std::string>& items, int* out, float width, const char* mark) {
  width = fitting_width(width);
  ImGui::SetNextItemWidth(width > 0 ? width : -FLT_MIN);
  bool picked = false;
  const char* preview = current >= 0 && current < static_cast<int>(items.size()) ? items[static_cast<std::size_t>(current)].c_str() : "";
  bool open = ImGui::BeginCombo(id, preview);
  if (mark) mark_item(mark);
  if (open) {
    for (int i = 0; i < static_cast<int>(items.size()); ++i) {
      if (ImGui::Selectable(items[static_cast<std::size_t>(i)].c_str(), i == current) && i != current) {
        *out = i;
        picked = true;
      }
      if (mark) mark_item((std::string(mark) + "." + std::to_string(i)).c_str());
    }
    ImGui::EndCombo();
  }
  return picked;
}

void mark_invalid(const std::string& reason) {
  ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  ImGui::GetWindowDrawList()->AddRect(a, b, ImGui::GetColorU32(kErrorRed), ImGui::GetStyle().FrameRounding, 0, 2.0f);
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", reason.c_str());
  draw_error(reason);
}

bool date_picker_popup(const char* popup_id, Date* date) {
  if (!ImGui::BeginPopup(popup_id)) return false;
  static const char* const kMonthKeys[12] = {"month.1", "month.2", "month.3", "month.4",  "month.5",  "month.6",
                                             "month.7", "month.8", "month.9", "month.10", "month.11", "month.12"};
  static const char* const kDayKeys[7] = {"weekday.1", "weekday.2", "weekday.3", "weekday.4", "weekday.5", "weekday.6", "weekday.7"};
  // The month shown is kept in the popup's storage so that browsing months does not change the date.
  ImGuiStorage* st = ImGui::GetStateStorage();
  ImGuiID key = ImGui::GetID("shown_month");
  int shown = st->GetInt(key, date->year * 12 + date->month - 1);
  int y = shown / 12, m = shown % 12 + 1;
  bool picked = false;
  if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) --shown;
  ImGui::SameLine();
  ImGui::Text("%s %d", T(kMonthKeys[m - 1]), y);
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next", ImGuiDir_Right)) ++shown;
  st->SetInt(key, shown);
  if (ImGui::BeginTable("##days", 7, ImGuiTableFlags_SizingFixedSame)) {
    for (int d = 0; d < 7; ++d) {
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", T(kDayKeys[d]));
    }
    // Monday-first weeks, as in France. 1970-01-01 was a Thursday (index 3).
    int first_weekday = static_cast<int>(((to_days({y, m, 1}) % 7) + 7 + 3) % 7);
    for (int i = 0; i < first_weekday; ++i) ImGui::TableNextColumn();
    for (int d = 1; d <= days_in_month(y, m); ++d) {
      ImGui::TableNextColumn();
      char label[16];
      std::snprintf(label, sizeof label, "%d", d);
      bool is_current = date->year == y && date->month == m && date->day == d;
      if (ImGui::Selectable(label, is_current, 0, ImVec2(ImGui::GetFontSize() * 1.6f, 0))) {
        *date = Date{y, m, d};
        picked = true;
        ImGui::CloseCurrentPopup();
      }
    }
    ImGui::EndTable();
  }
  ImGui::EndPopup();
  return picked;
}

void help_marker(const char* text) {
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::BeginItemTooltip()) {
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }
}

void estimate_badge(const char* tooltip) {
  ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
  ImVec4 amber(0.85f, 0.50f, 0.05f, 1.0f);
  ImGui::PushStyleColor(ImGuiCol_Text, amber);
  ImGui::TextUnformatted(T("badge.estimate"));
  ImGui::PopStyleColor();
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tooltip ? tooltip : T("badge.estimate_tooltip"));
}

bool small_button_id(const char* label, const char* id) {
  ImGui::PushID(id);
  bool r = ImGui::SmallButton(label);
  ImGui::PopID();
  return r;
}

}  // namespace cpts::ui::widgets
