// Tableau de bord › Relevés: the measurements of the chosen contract year as a grid, indicators
// (rows) × dates (columns), for quick entry during the year (issue #19). A cell is typed like any
// number field; a block copied from a spreadsheet (Ctrl+V on a cell, or over the grid) fills the
// cells from the chosen one, right and down, as one undo step; « ✓ » marks the value the review
// keeps for the year. Every change is a core edit (edits::set_measurement, set_measurement_final):
// the dates a measurement may take and the values it may hold are the core's rules, and a refused
// value says why in French.
#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID: a multi-cell paste replaces the field's own paste
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <set>

#include "dashboard.hpp"
#include "edit/edits.hpp"
#include "edit_helpers.hpp"
#include "i18n.hpp"
#include "io/table_grid.hpp"
#include "io/table_values.hpp"
#include "item_rects.hpp"
#include "panel_common.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace cpts::ui {

namespace {

constexpr std::size_t kMaxDateColumns = 36;  // three a month: more is a spreadsheet's job (CSV import)


// Several core edits as one undo step (a paste): applied in order, undone in reverse. Each keeps
// its own rules; History checks the whole result once.
Command one_step(std::string label, std::vector<Command> steps) {
  auto done = std::make_shared<std::vector<std::size_t>>();
  auto all = std::make_shared<std::vector<Command>>(std::move(steps));
  return {std::move(label),
          [all, done](Project& p) {
            done->clear();
            for (std::size_t i = 0; i < all->size(); ++i)
              if ((*all)[i].apply && (*all)[i].apply(p)) done->push_back(i);
            return !done->empty();
          },
          [all, done](Project& p) {
            for (auto it = done->rbegin(); it != done->rend(); ++it) (*all)[*it].revert(p);
          },
          /*user_value=*/true};
}

const Measurement* measurement_at(const Indicator& ind, const Date& d) {
  auto it = std::lower_bound(ind.measurements.begin(), ind.measurements.end(), d, [](const Measurement& m, const Date& x) { return m.date < x; });
  return it != ind.measurements.end() && it->date == d ? &*it : nullptr;
}

void rebuild(GridState& g, const Project& p, const Suivi& su, int year, std::uint64_t revision) {
  if (g.revision == revision && g.year == year && g.applied_filter == g.filter && g.applied_added == g.added.size()) return;
  std::set<Date> dates;
  for (const Indicator& ind : p.indicators)
    for (const Measurement& m : ind.measurements)
      if (m.date >= su.year_start && m.date < su.year_end) dates.insert(m.date);
  for (const Date& d : g.added)
    if (d >= su.year_start && d < su.year_end) dates.insert(d);
  g.dates.assign(dates.begin(), dates.end());
  if (g.dates.size() > kMaxDateColumns) g.dates.erase(g.dates.begin(), g.dates.end() - static_cast<long>(kMaxDateColumns));  // the latest
  g.rows.clear();
  for (std::size_t i = 0; i < su.indicators.size(); ++i)
    if (matches_filter(su.indicators[i].label + " " + su.indicators[i].indicator_id, g.filter)) g.rows.push_back(i);
  g.revision = revision;
  g.year = year;
  g.applied_filter = g.filter;
  g.applied_added = g.added.size();
}

// A block of text from a spreadsheet, written from the anchor cell rightwards and downwards over
// the rows and date columns on screen. Nothing is applied if one cell is not a number or the block
// goes past the grid: the message names the cell (line, column of the pasted text).
void paste_block(UiState& s, GridState& g, const std::string& text) {
  GridRead read = parse_table_text(text);
  if (!read.ok()) {
    s.message = TF("grid.paste_refused", read.error.c_str());
    return;
  }
  auto row0 = std::find_if(g.rows.begin(), g.rows.end(), [&](std::size_t i) { return s.doc.project().indicators[i].id == g.anchor_indicator; });
  auto col0 = std::find(g.dates.begin(), g.dates.end(), g.anchor_date);
  if (row0 == g.rows.end() || col0 == g.dates.end()) {
    s.message = T("grid.paste_no_anchor");
    return;
  }
  const std::size_t r0 = static_cast<std::size_t>(row0 - g.rows.begin()), c0 = static_cast<std::size_t>(col0 - g.dates.begin());
  const CellGrid& cells = *read.grid;
  if (r0 + cells.rows.size() > g.rows.size() || c0 + cells.columns > g.dates.size()) {
    s.message = TF("grid.paste_too_big", cells.rows.size(), cells.columns, g.rows.size() - r0, g.dates.size() - c0);
    return;
  }
  std::vector<Command> steps;
  std::size_t values = 0;
  for (std::size_t r = 0; r < cells.rows.size(); ++r) {
    const Indicator& ind = s.doc.project().indicators[g.rows[r0 + r]];
    for (std::size_t c = 0; c < cells.columns; ++c) {
      std::string_view cell = trim_cell(cells.cell(r, c));
      if (cell.empty()) continue;  // an empty cell keeps what is there
      CellValue<double> v = parse_cell_number(cell);
      if (!v.value) {
        s.message = TF("grid.paste_cell", cell_place(cells.rows[r].number, c).c_str(), v.error.c_str());
        return;
      }
      const Date& d = g.dates[c0 + c];
      const Measurement* old = measurement_at(ind, d);
      steps.push_back(edits::set_measurement(ind.id, d, *v.value, old ? old->source : g.source, T("cmd.set_measurement")));
      ++values;
    }
  }
  if (steps.empty()) return;
  s.doc.edit(one_step(TN("cmd.paste_measurements", static_cast<long long>(values), values), std::move(steps)));
  s.status = TN("grid.pasted", static_cast<long long>(values), values);
}

}  // namespace

void draw_measurements_grid(UiState& s, int year, const Suivi& su) {
  GridState& g = s.panels.measurements_grid;
  const Project& p = s.doc.project();
  ImGui::PushTextWrapPos(0);
  ImGui::TextDisabled("%s", T("grid.help"));
  ImGui::PopTextWrapPos();

  // Add a date column (empty until a value is typed or pasted in it).
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(T("grid.new_date"));
  ImGui::SameLine();
  Date picked;
  if (widgets::date("##grid_new_date", g.new_date, &picked, true, em(9))) g.new_date = picked;
  mark_item("grid.new_date");
  ImGui::SameLine();
  const bool in_year = g.new_date.valid() && g.new_date >= su.year_start && g.new_date < su.year_end;
  ImGui::BeginDisabled(!in_year);
  if (ImGui::Button(T("grid.add_date"))) {
    if (std::find(g.added.begin(), g.added.end(), g.new_date) == g.added.end()) g.added.push_back(g.new_date);
    g.anchor_date = g.new_date;
  }
  mark_item("grid.add_date");
  ImGui::EndDisabled();
  if (g.new_date.valid() && !in_year) {
    ImGui::SameLine();
    ImGui::TextColored(palette().warn, "%s", TF("grid.date_outside", format_fr(su.year_start).c_str(), format_fr(from_days(to_days(su.year_end) - 1)).c_str()).c_str());
  }
  ImGui::SameLine(0, em(1.5f));
  ImGui::TextUnformatted(T("grid.source"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em(14));
  ImGui::InputTextWithHint("##grid_source", T("grid.source_hint"), &g.source);
  ImGui::SameLine(0, em(1.5f));
  ImGui::SetNextItemWidth(em(14));
  ImGui::InputTextWithHint("##grid_filter", T("list.search"), &g.filter);

  rebuild(g, p, su, year, s.doc.history.revision());
  if (g.dates.empty()) {
    ImGui::TextDisabled("%s", T("grid.no_dates"));
    return;
  }
  if (g.anchor_indicator.empty() && !g.rows.empty()) g.anchor_indicator = p.indicators[g.rows.front()].id;
  if (std::find(g.dates.begin(), g.dates.end(), g.anchor_date) == g.dates.end()) g.anchor_date = g.dates.front();

  // Ctrl+V with a block of cells in the clipboard: on the active cell (its own paste is cancelled)
  // or over the grid while no field is being edited.
  const ImGuiIO& io = ImGui::GetIO();
  bool paste = false;
  std::string clip;
  if (io.KeyCtrl && !io.KeyAlt && ImGui::IsKeyPressed(ImGuiKey_V, false) && !s.read_only) {
    const char* t = ImGui::GetClipboardText();
    clip = t ? t : "";
    // A lone value with no tab or line break is a normal paste into the field.
    const bool block = clip.find_first_of("\t\n\r") != std::string::npos && clip.find_first_not_of("\t\n\r ") != std::string::npos;
    if (block && (io.WantTextInput || ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows))) paste = true;
  }

  const int columns = 1 + static_cast<int>(g.dates.size());
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY;
  ImGuiID active_before = ImGui::GetActiveID();
  bool cancelled_field_paste = false;
  if (ImGui::BeginTable("##grid", columns, flags, ImVec2(0, std::max(em(12), ImGui::GetContentRegionAvail().y - em(0.5f))))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(T("grid.indicator"), ImGuiTableColumnFlags_WidthFixed, em(22));
    for (const Date& d : g.dates) ImGui::TableSetupColumn(format_fr(d).c_str(), ImGuiTableColumnFlags_WidthFixed, em(8.5f));
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(g.rows.size()));
    while (clipper.Step())
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        const std::size_t i = g.rows[static_cast<std::size_t>(r)];
        const Indicator& ind = p.indicators[i];
        ImGui::PushID(ind.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(ind.label.c_str());
        if (ImGui::IsItemHovered() && !ind.unit.empty()) ImGui::SetTooltip("%s", ind.unit.c_str());
        for (std::size_t c = 0; c < g.dates.size(); ++c) {
          const Date& d = g.dates[c];
          ImGui::TableNextColumn();
          ImGui::PushID(static_cast<int>(c));
          const Measurement* m = measurement_at(ind, d);
          // The field's id is known before it is drawn: a block pasted on it cancels its own paste.
          const ImGuiID field_id = ImGui::GetID("##v");
          if (paste && active_before == field_id) {
            ImGui::ClearActiveID();
            cancelled_field_paste = true;
            g.anchor_indicator = ind.id;
            g.anchor_date = d;
          }
          const float mark_w = ImGui::GetFrameHeight();
          std::optional<double> out;
          if (widgets::number("##v", m ? std::optional<double>(m->value) : std::nullopt, &out, true,
                              ImGui::GetContentRegionAvail().x - mark_w - ImGui::GetStyle().ItemInnerSpacing.x))
            s.doc.edit(edits::set_measurement(ind.id, d, out, m ? m->source : g.source, T("cmd.set_measurement")));
          if (ImGui::IsItemActivated()) {
            g.anchor_indicator = ind.id;
            g.anchor_date = d;
          }
          if (r == 0 || ind.id == g.anchor_indicator) {
            std::string mark = "grid.cell." + std::to_string(r) + "." + std::to_string(c);
            mark_item(mark.c_str());
          }
          if (m && ImGui::IsItemHovered() && !ImGui::IsItemActive())
            ImGui::SetTooltip("%s", TF("grid.cell_tip", format_fr(d).c_str(), m->source.empty() ? "–" : m->source.c_str()).c_str());
          ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
          if (m) {
            // ✓ = the value the review keeps for the year (else the last measurement of the year).
            ImGui::PushStyleColor(ImGuiCol_Text, m->final ? palette().ok : palette().muted);
            if (m->final) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
            if (ImGui::Button("✓", ImVec2(mark_w, 0)))
              s.doc.edit(edits::set_measurement_final(ind.id, d, !m->final, T(m->final ? "cmd.unset_final" : "cmd.set_final")));
            if (m->final) ImGui::PopStyleColor();
            ImGui::PopStyleColor();
            if (r == 0) {
              std::string mark = "grid.final." + std::to_string(r) + "." + std::to_string(c);
              mark_item(mark.c_str());
            }
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T(m->final ? "grid.final_on" : "grid.final_off"));
          }
          ImGui::PopID();
        }
        ImGui::PopID();
      }
    ImGui::EndTable();
  }
  if (paste && (cancelled_field_paste || !io.WantTextInput)) paste_block(s, g, clip);
}

}  // namespace cpts::ui
