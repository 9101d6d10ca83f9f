#include "widgets.hpp"

#include <imgui_internal.h>
#include <misc/cpp/imgui_stdlib.h>

#include <unordered_map>

#include "i18n.hpp"
#include "item_rects.hpp"
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

// The shared engine of every text-backed field: shows `display` when idle, lets the user edit a
// buffer, and on a finished edit asks `parse` (which returns an error message or "").
// `error_out`: the caller draws the error itself, after what it puts beside the field (the date
// field's calendar button would otherwise land on the error's line).
template <class Parse>
bool edit_field(const char* id, const std::string& display, float width, const char* hint, Parse parse, bool multiline = false,
                float lines = 1, std::string* error_out = nullptr) {
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
  if (multiline)
    changed = ImGui::InputTextMultiline(id, &local, ImVec2(-FLT_MIN, ImGui::GetTextLineHeight() * lines + ImGui::GetStyle().FramePadding.y * 2));
  else if (hint)
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

bool date(const char* id, const Date& value, Date* out, bool allow_empty, float width) {
  ImGui::PushID(id);
  float button_w = ImGui::GetFrameHeight();
  float w = (width > 0 ? width : ImGui::GetContentRegionAvail().x) - button_w - ImGui::GetStyle().ItemInnerSpacing.x;
  ImGui::BeginGroup();
  std::string error;
  bool committed = edit_field("##date", format_fr(value), w, T("widget.date_hint"), [&](const std::string& s) {
    if (s.find_first_not_of(' ') == std::string::npos) {
      if (!allow_empty) return std::string(T("error.required"));
      *out = Date{};
      return std::string();
    }
    auto d = parse_fr(s);
    if (!d) return std::string(T("error.date"));
    *out = *d;
    return std::string();
  }, false, 1, &error);
  ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
  if (ImGui::Button("...", ImVec2(button_w, 0))) ImGui::OpenPopup("calendar");
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

bool combo(const char* id, int current, const std::vector<std::string>& items, int* out, float width, const char* mark) {
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
