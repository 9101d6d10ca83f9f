// The table import preview (issue #16): cells pasted with Ctrl+V over the Territoire, Diagnostic,
// Professionnels, Missions (fiches-actions) or Indicateurs panel, or a .csv/.tsv/.xlsx file from
// Fichier → Importer un tableau… The core reads the grid, guesses the columns and computes the
// preview (edit/table_import.hpp); here the user checks the table, changes a column's field, reads
// what each row creates, updates or why it is refused, then « Appliquer » (one undo step) or
// « Annuler » (nothing changes).
#include <imgui.h>

#include <memory>

#include "app.hpp"
#include "i18n.hpp"
#include "io/xlsx_reader.hpp"
#include "item_rects.hpp"
#include "table_import_dialog.hpp"
#include "theme.hpp"
#include "tool_runner.hpp"

namespace cpts::ui {

namespace {

const char* field_label(tables::Field f) {
  return in_language(tables::field_label_fr(f), tables::field_label_en(f));
}

const char* table_key(tables::TableKind k) {
  switch (k) {
    case tables::TableKind::Communes: return "tables.communes";
    case tables::TableKind::Professionals: return "tables.professionals";
    case tables::TableKind::Diagnostic: return "tables.diagnostic";
    case tables::TableKind::Actions: return "tables.actions";
    case tables::TableKind::Indicators: return "tables.indicators";
  }
  return "tables.indicators";
}

const char* status_key(tables::RowStatus s) {
  switch (s) {
    case tables::RowStatus::Create: return "tables.row_create";
    case tables::RowStatus::Update: return "tables.row_update";
    case tables::RowStatus::Unchanged: return "tables.row_unchanged";
    case tables::RowStatus::Section: return "tables.row_section";
    case tables::RowStatus::Refused: return "tables.row_refused";
  }
  return "tables.row_unchanged";
}

void recompute(UiState& s, bool guess) {
  UiState::PendingTable& t = *s.pending_table;
  if (guess) t.mapping = tables::guess_mapping(t.kind, t.grid);
  t.preview = tables::preview_import(s.doc.project(), t.kind, t.grid, t.mapping);
}

constexpr std::size_t kRowsShown = 500;  // the preview lists this many rows; the summary counts all

}  // namespace

std::optional<tables::TableKind> table_of_panel(PanelId p) {
  switch (p) {
    case PanelId::Territoire: return tables::TableKind::Communes;
    case PanelId::Diagnostic: return tables::TableKind::Diagnostic;
    case PanelId::Professionnels: return tables::TableKind::Professionals;
    case PanelId::Missions: return tables::TableKind::Actions;
    case PanelId::Indicateurs: return tables::TableKind::Indicators;
    default: return std::nullopt;
  }
}

namespace {
// The grid read (or why not): the preview opens, or the message says why and nothing changes.
bool show_table(UiState& s, tables::TableKind kind, GridRead g, const std::string& source) {
  if (!g.ok()) {
    s.message = TF("tables.refused", source.c_str(), g.error.c_str()) + "\n\n" + T("message.unchanged");
    s.status = T("status.import_failed");
    return false;
  }
  if (!s.doc.open) {  // closed while an .xlsx was being read
    s.status = T("status.nothing_open");
    return false;
  }
  s.pending_table = UiState::PendingTable{kind, std::move(*g.grid), {}, {}, source};
  recompute(s, true);
  return true;
}
}  // namespace

bool start_table_import(UiState& s, tables::TableKind kind, std::string_view bytes, const std::string& source) {
  if (!s.doc.open) {
    s.status = T("status.nothing_open");
    return false;
  }
  // An .xlsx (or an encrypted Office file, refused with its reason) is read by the tools module
  // (tool_runner.hpp: a worker on the web, in-process natively: then `done` runs before this
  // returns); text (pasted, CSV, TSV) is parsed here, as tables::read_table_bytes does.
  if (looks_like_zip(bytes) || looks_like_ole(bytes)) {
    auto shown = std::make_shared<bool>(true);  // natively, the outcome; on the web, true = started
    tools::Job job;
    job.kind = tools::JobKind::Table;
    job.input = std::string(bytes);
    s.status = TF("status.reading_table", source.c_str());
    UiState* st = &s;
    run_tool_job(std::move(job), [st, kind, source, shown](tools::JobResult r) {
      GridRead g;
      g.grid = std::move(r.grid);
      g.error = std::move(r.error);
      if (!r.ok) g.grid.reset();
      else if (!g.grid) g.error = TF("tools.unavailable", "xlsx");
      *shown = show_table(*st, kind, std::move(g), source);
    });
    return *shown;
  }
  return show_table(s, kind, parse_table_text(bytes), source);
}

void draw_table_import_dialog(UiState& s) {
  const char* popup = "###table_import";
  std::string title = std::string(T("tables.title")) + popup;
  if (s.pending_table && !ImGui::IsPopupOpen(title.c_str())) ImGui::OpenPopup(title.c_str());
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(em(60), vp->WorkSize.x * 0.95f), vp->WorkSize.y * 0.85f), ImGuiCond_Appearing);
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  if (!s.pending_table || !s.doc.open) {
    s.pending_table.reset();
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return;
  }
  if (!ImGui::IsWindowAppearing()) mark_window("modal.table_import");
  UiState::PendingTable& t = *s.pending_table;
  ImGui::TextUnformatted(TF("tables.source", t.source.c_str(), static_cast<int>(t.grid.rows.size()),
                            static_cast<int>(t.grid.columns)).c_str());
  // Which table: the panel's, or another one.
  ImGui::SetNextItemWidth(em(16));
  if (ImGui::BeginCombo(T("tables.into"), T(table_key(t.kind)))) {
    for (tables::TableKind k : tables::kAllTables) {
      if (ImGui::Selectable(T(table_key(k)), k == t.kind) && k != t.kind) {
        t.kind = k;
        recompute(s, true);
      }
    }
    ImGui::EndCombo();
  }
  mark_item("modal.table_import.kind");

  // Columns: header → field (the user can change the guess).
  ImGui::SeparatorText(T("tables.columns"));
  bool changed = false;
  if (ImGui::BeginTable("##columns", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_BordersInnerH,
                        ImVec2(0, std::min(em(1.6f) * static_cast<float>(t.mapping.columns.size() + 1), em(12))))) {
    ImGui::TableSetupColumn(T("tables.column"), ImGuiTableColumnFlags_WidthFixed, em(4));
    ImGui::TableSetupColumn(T("tables.header"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(T("tables.field"), ImGuiTableColumnFlags_WidthFixed, em(18));
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableHeadersRow();
    for (std::size_t c = 0; c < t.mapping.columns.size(); ++c) {
      ImGui::PushID(static_cast<int>(c));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(column_letters(c).c_str());
      ImGui::TableNextColumn();
      const std::string& h = t.mapping.header_row ? t.grid.cell(*t.mapping.header_row, c) : t.grid.cell(0, c);
      ImGui::TextUnformatted(h.c_str());
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(-1);
      if (ImGui::BeginCombo("##field", field_label(t.mapping.columns[c]))) {
        if (ImGui::Selectable(field_label(tables::Field::None), t.mapping.columns[c] == tables::Field::None))
          t.mapping.columns[c] = tables::Field::None, changed = true;
        for (tables::Field f : tables::table_fields(t.kind))
          if (ImGui::Selectable(field_label(f), t.mapping.columns[c] == f)) t.mapping.columns[c] = f, changed = true;
        ImGui::EndCombo();
      }
      mark_item(("modal.table_import.field." + std::to_string(c)).c_str());
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (changed) recompute(s, false);

  // What each row does.
  const tables::ImportPreview& pv = t.preview;
  ImGui::SeparatorText(T("tables.rows"));
  ImGui::TextUnformatted(in_language(pv.summary_fr(), pv.summary_en()).c_str());
  mark_item("modal.table_import.summary");
  for (const std::string& e : pv.errors) ImGui::TextColored(palette().warn, "%s", e.c_str());
  const float buttons_h = ImGui::GetFrameHeightWithSpacing() * 2.2f;
  ImGui::BeginChild("##rows", ImVec2(0, -buttons_h), ImGuiChildFlags_Border);
  ImGuiListClipper clip;
  const std::size_t shown = std::min(pv.rows.size(), kRowsShown);
  clip.Begin(static_cast<int>(shown));
  while (clip.Step()) {
    for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
      const tables::RowPreview& r = pv.rows[static_cast<std::size_t>(i)];
      const bool bad = r.status == tables::RowStatus::Refused;
      ImGui::TextColored(bad ? palette().warn : palette().muted, "%s %zu", T("tables.line"), r.row);
      ImGui::SameLine(em(5.5f));
      ImGui::TextColored(bad ? palette().warn : ImGui::GetStyleColorVec4(ImGuiCol_Text), "%s", T(status_key(r.status)));
      ImGui::SameLine(em(11));
      ImGui::TextUnformatted(r.what.c_str());
      for (const std::string& p : r.problems) {
        ImGui::Indent(em(11));
        ImGui::PushTextWrapPos(0);
        ImGui::TextColored(palette().warn, "%s", p.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Unindent(em(11));
      }
    }
  }
  if (pv.rows.size() > shown) ImGui::TextUnformatted(TN("tables.more_rows", static_cast<long long>(pv.rows.size() - shown), static_cast<int>(pv.rows.size() - shown)).c_str());
  ImGui::EndChild();

  const bool can = pv.can_apply() && !s.read_only;
  if (!pv.can_apply()) ImGui::TextColored(palette().muted, "%s", T(pv.changes() || pv.refused || !pv.errors.empty() ? "tables.fix_first" : "tables.nothing"));
  ImGui::BeginDisabled(!can);
  const bool apply = ImGui::Button(T("tables.apply"));
  ImGui::EndDisabled();
  mark_item("modal.table_import.apply");
  ImGui::SameLine();
  const bool cancel = ImGui::Button(T("tables.cancel")) || ImGui::IsKeyPressed(ImGuiKey_Escape, false);
  mark_item("modal.table_import.cancel");
  if (apply && can) {
    s.doc.edit(tables::import_command(pv, TF("tables.undo_label", T(table_key(t.kind)))));
    s.status = TF("tables.applied", in_language(pv.summary_fr(), pv.summary_en()).c_str());
  } else if (cancel) {
    s.status = T("tables.cancelled");
  }
  if ((apply && can) || cancel) {
    s.pending_table.reset();
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

}  // namespace cpts::ui
