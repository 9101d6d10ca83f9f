#include "edit_helpers.hpp"

#include <imgui.h>

#include "engine/funding.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "theme.hpp"
#include "row_menu.hpp"
#include "edit/text_search.hpp"

namespace cpts::ui {

namespace {
// Narrow panels (200 % zoom on a laptop, a projector at 1280 px) get one "…" button per row that
// opens the same actions as a menu, so the table's text columns keep their room. Decided by
// row_buttons_width(), which every table calls when it sets up its columns, before its rows.
bool g_compact_rows = false;
bool narrow_window() { return ImGui::GetWindowContentRegionMax().x - ImGui::GetWindowContentRegionMin().x < em(50); }
}  // namespace

RowAction row_buttons(std::size_t i, std::size_t n, bool can_duplicate, const char* mark) {
  auto published = [mark](const char* what) {
    if (mark) mark_item((std::string(mark) + "." + what).c_str());
  };
  if (g_compact_rows) {
    if (ImGui::SmallButton("…")) ImGui::OpenPopup("##rowbuttons");
    published("menu");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("list.row_actions"));
    RowAction a = RowAction::None;
    if (ImGui::BeginPopup("##rowbuttons")) {
      a = row_menu_items(i, n, can_duplicate);
      ImGui::EndPopup();
    }
    return a;
  }
  RowAction a = RowAction::None;
  // Out of the Tab order: Tab from a row's last field goes to the next row's first field, and an
  // Enter typed after it can never delete or move a row; these buttons take a click.
  ImGui::PushTabStop(false);
  ImGui::BeginDisabled(i == 0);
  if (ImGui::ArrowButton("##up", ImGuiDir_Up)) a = RowAction::Up;
  ImGui::EndDisabled();
  published("up");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", T("list.up"));
  ImGui::SameLine(0, 2);
  ImGui::BeginDisabled(i + 1 >= n);
  if (ImGui::ArrowButton("##down", ImGuiDir_Down)) a = RowAction::Down;
  ImGui::EndDisabled();
  published("down");
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", T("list.down"));
  if (can_duplicate) {
    ImGui::SameLine(0, 2);
    if (ImGui::SmallButton(T("list.duplicate_short"))) a = RowAction::Duplicate;
    published("duplicate");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("list.duplicate"));
  }
  ImGui::SameLine(0, 2);
  if (ImGui::SmallButton(T("list.delete_short"))) a = RowAction::Delete;
  published("delete");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("list.delete"));
  ImGui::PopTabStop();
  return a;
}

float row_buttons_width() {
  const ImGuiStyle& st = ImGui::GetStyle();
  g_compact_rows = narrow_window();
  if (g_compact_rows) return ImGui::CalcTextSize("…").x + 2 * st.FramePadding.x + st.CellPadding.x * 2;
  float arrows = 2 * ImGui::GetFrameHeight();
  float labels = ImGui::CalcTextSize(T("list.duplicate_short")).x + ImGui::CalcTextSize(T("list.delete_short")).x + 4 * st.FramePadding.x;
  return arrows + labels + 3 * 2 + st.CellPadding.x * 2;
}

void apply_row_action(Document& doc, RowAction a, edits::ListKind k, std::size_t i, const std::string& what, const std::string& name) {
  const Project& p = doc.project();
  auto label = [&](const char* key) { return std::string(T(key)) + " " + what; };
  switch (a) {
    case RowAction::None: return;
    case RowAction::Up:
      if (i > 0) doc.edit(edits::move_item(k, i, i - 1, label("cmd.up")));
      return;
    case RowAction::Down: doc.edit(edits::move_item(k, i, i + 1, label("cmd.down"))); return;
    case RowAction::Duplicate:
      if (Command c = edits::duplicate_item(p, k, i, label("cmd.duplicate")); c.apply) doc.edit(std::move(c));
      return;
    case RowAction::Delete: {
      Command c = edits::delete_item(p, k, i, label("cmd.delete"));
      if (!c.apply) return;
      const edits::Deletion d = edits::preview_delete(p, k, i);
      if (!d.needs_confirmation()) {
        doc.edit(std::move(c));
        return;
      }
      Document::Confirmation q;
      q.question = d.payments == 1 ? TF("confirm.delete_payment_one", name.c_str())
                                   : TF("confirm.delete_payments", name.c_str(), static_cast<int>(d.payments));
      if (d.college_seats) q.details.push_back(TN("confirm.college_seats", static_cast<long long>(d.college_seats), static_cast<int>(d.college_seats)));
      q.confirm_label = T("confirm.delete");
      q.command = std::move(c);
      doc.ask(std::move(q));
      return;
    }
  }
}

bool matches_filter(const std::string& text, const std::string& filter) { return contains_folded(text, filter); }

SortSpec table_sort_spec(SortSpec current) {
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs()) {
    if (specs->SpecsCount > 0) {
      current.column = specs->Specs[0].ColumnIndex;
      current.ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    } else {
      current.column = -1;  // tri-state tables: back to the project's own order
    }
    specs->SpecsDirty = false;
  }
  return current;
}

std::string mission_short(const Project& p, const std::string& id) {
  const CatalogueMission* m = catalogue_for(p).mission(id);
  if (!m) return id;
  return in_language(m->short_fr, m->short_en);
}

chart::FundingSeries funding_series(const Project& p, const FundingResult& f) {
  chart::FundingSeries out;
  for (const YearFunding& y : f.years) out.categories.push_back(TF("fin.year_n", y.year));
  chart::Series fonct{T("fin.fonctionnement"), {}};
  for (const YearFunding& y : f.years) fonct.values.push_back(static_cast<double>(y.fonctionnement + y.topup) / 100.0);
  out.series.push_back(fonct);
  for (std::size_t m = 0; m < f.years[0].missions.size(); ++m) {
    chart::Series sm{mission_short(p, f.years[0].missions[m].mission), {}};
    double sum = 0;
    for (const YearFunding& y : f.years) sum += sm.values.emplace_back(static_cast<double>(y.missions[m].total()) / 100.0);
    if (sum > 0) out.series.push_back(sm);  // missions that receive nothing stay off the legend
  }
  return out;
}

}  // namespace cpts::ui
