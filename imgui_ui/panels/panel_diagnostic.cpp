// Diagnostic territorial: indicators of the territory with their value, unit, source and year
// (e.g. "part des 17 ans et plus sans médecin traitant : 13 %, Rézone CPTS 2020").
#include "edit_helpers.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "panel_common.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace cpts::ui {

void draw_panel_diagnostic(UiState& s) {
  const Project& p = s.doc.project();
  panel_title(T("panel.diagnostic"), T("diagnostic.subtitle"));
  if (ImGui::Button(T("diagnostic.add"))) {
    DiagnosticIndicator d;
    d.id = fresh_id(p, 'D');
    d.label = T("diagnostic.new");
    d.year = p.contract.signature.valid() ? p.contract.signature.year - 1 : 2024;
    s.doc.edit(insert_item<DiagnosticIndicator>(T("cmd.add_diagnostic"), list(&diagnostic_of), p.diagnostic.size(), d));
  }
  mark_item("diagnostic.add");
  ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##diagnostic", 7, flags)) return;
  // Weights: at 1366 px and 150 % « Commentaire » was cut with 1.5 (label 3).
  ImGui::TableSetupColumn(T("diagnostic.label"), ImGuiTableColumnFlags_WidthStretch, 2.6f);
  ImGui::TableSetupColumn(T("diagnostic.value"), ImGuiTableColumnFlags_WidthFixed, em(6));
  ImGui::TableSetupColumn(T("diagnostic.unit"), ImGuiTableColumnFlags_WidthFixed, em(6));
  ImGui::TableSetupColumn(T("diagnostic.source"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
  ImGui::TableSetupColumn(T("diagnostic.year"), ImGuiTableColumnFlags_WidthFixed, em(4.5f));
  ImGui::TableSetupColumn(T("diagnostic.comment"), ImGuiTableColumnFlags_WidthStretch, 1.9f);
  ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, row_buttons_width());
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < p.diagnostic.size(); ++i) {
    const DiagnosticIndicator& d = p.diagnostic[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    std::string str;
    std::optional<double> v;
    ImGui::TableNextColumn();
    if (widgets::text("##label", d.label, &str)) s.doc.edit(set_value(T("cmd.edit_diagnostic"), item_field(&diagnostic_of, i, &DiagnosticIndicator::label), str));
    ImGui::TableNextColumn();
    if (widgets::number("##value", d.value, &v, false))
      s.doc.edit(set_value(T("cmd.edit_diagnostic"), item_field(&diagnostic_of, i, &DiagnosticIndicator::value), *v));
    ImGui::TableNextColumn();
    if (widgets::text("##unit", d.unit, &str)) s.doc.edit(set_value(T("cmd.edit_diagnostic"), item_field(&diagnostic_of, i, &DiagnosticIndicator::unit), str));
    ImGui::TableNextColumn();
    if (widgets::text("##source", d.source, &str)) s.doc.edit(set_value(T("cmd.edit_diagnostic"), item_field(&diagnostic_of, i, &DiagnosticIndicator::source), str));
    if (d.source.empty()) widgets::mark_invalid(T("diagnostic.source_required"));
    ImGui::TableNextColumn();
    if (int y; widgets::year("##year", d.year, &y, 1990, 2100))
      s.doc.edit(set_value(T("cmd.edit_diagnostic"), item_field(&diagnostic_of, i, &DiagnosticIndicator::year), y));
    ImGui::TableNextColumn();
    if (widgets::text("##comment", d.comment, &str)) s.doc.edit(set_value(T("cmd.edit_diagnostic"), item_field(&diagnostic_of, i, &DiagnosticIndicator::comment), str));
    ImGui::TableNextColumn();
    apply_row_action(s.doc, row_buttons(i, p.diagnostic.size()), edits::ListKind::Diagnostic, i, T("what.diagnostic"));
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace cpts::ui
