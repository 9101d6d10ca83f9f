// Financement → Comparer avec un autre catalogue (issue #17 item 3): the project's funding under
// its catalogue (A) and another one (B), per contract year and per mission, with B − A. The core
// computes the comparison (engine/catalogue_compare.hpp, also `cpts-cli compare-catalogues`); this
// file only lays it out. Figures are the ceiling scenario, like the contract-year table.
#include <array>
#include <cstdint>

#include "engine/catalogue_compare.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "panel_common.hpp"
#include "theme.hpp"
#include "ui_state.hpp"
#include "widgets.hpp"

namespace cpts::ui {

namespace {

void comparison_table(const CatalogueComparison& c) {
  bool cents = false;  // one money rule for the table: cents on every amount or on none
  for (const ComparisonLine& l : c.lines) cents = cents || money_needs_cents(l.a) || money_needs_cents(l.b);
  auto eur_short = [cents](Cents v) { return eur_cell(v, cents); };
  auto signed_eur = [&](Cents v) { return v > 0 ? "+" + eur_short(v) : eur_short(v); };
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##compare", 8, flags)) return;
  ImGui::TableSetupColumn(T("fin.line_eur"), ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch, 0.8f);
  for (int k = 1; k <= kContractYears; ++k) ImGui::TableSetupColumn(TF("fin.year_n", k).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn(T("fin.total"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableHeadersRow();
  auto rows = [&](const ComparisonLine& l, bool bold) {
    for (int side = 0; side < 3; ++side) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (side == 0) {
        const std::string& label = label_of(l);
        if (bold) ImGui::TextUnformatted(label.c_str());
        else ImGui::TextDisabled("%s", label.c_str());
      }
      ImGui::TableNextColumn();
      ImGui::TextDisabled("%s", side == 0 ? "A" : side == 1 ? "B" : T("fin.compare_diff"));
      for (int k = 1; k <= kContractYears; ++k) {
        ImGui::TableNextColumn();
        Cents v = side == 0 ? l.a[k - 1] : side == 1 ? l.b[k - 1] : l.diff(k);
        if (side == 2) {
          const ImVec4 color = v < 0 ? palette().warn : palette().muted;
          right_text(signed_eur(v), &color);
        } else {
          right_text(eur_short(v));
        }
      }
      ImGui::TableNextColumn();
      Cents t = side == 0 ? l.total_a() : side == 1 ? l.total_b() : l.total_diff();
      right_text(side == 2 ? signed_eur(t) : eur_short(t));
    }
  };
  for (const ComparisonLine& l : c.lines) rows(l, l.key.rfind("mission:", 0) != 0);
  rows(c.total, true);
  ImGui::EndTable();
  mark_item("fin.compare.table");
}

}  // namespace

void draw_catalogue_comparison(UiState& s) {
  // The other catalogue chosen, and the comparison kept until the project or that choice changes
  // (two simulations per change, none per frame).
  ComparisonState& st = s.panels.comparison;
  std::string& other_id = st.other_id;
  CatalogueComparison& comparison = st.comparison;

  const Project& p = s.doc.project();
  const Catalogue& own = catalogue_for(p);
  std::vector<const Catalogue*> others;
  for (const Catalogue* c : known_catalogues())
    if (c->id != own.id) others.push_back(c);
  if (others.empty()) {
    ImGui::TextDisabled("%s", T("fin.compare_none"));
    return;
  }
  int current = 0;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < others.size(); ++i) {
    names.push_back(label_of(*others[i]));
    if (others[i]->id == other_id) current = static_cast<int>(i);
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(T("fin.compare_with"));
  ImGui::SameLine();
  int picked = current;
  if (widgets::combo("##compare_with", current, names, &picked, em(24), "fin.compare.catalogue")) current = picked;
  const Catalogue& other = *others[static_cast<std::size_t>(current)];
  other_id = other.id;

  const std::string key = own.id + "|" + other.id;
  if (s.doc.history.revision() != st.revision || st.computed_for != key || comparison.a != &own || comparison.b != &other) {
    comparison = compare_catalogues(p, own, other, Scenario::Ceiling);
    st.revision = s.doc.history.revision();
    st.computed_for = key;
  }
  const CatalogueComparison& c = comparison;
  ImGui::TextUnformatted(TF("fin.compare_a", label_of(*c.a).c_str(), c.taille_a).c_str());
  ImGui::TextUnformatted(TF("fin.compare_b", label_of(*c.b).c_str(), c.taille_b).c_str());
  comparison_table(c);
  for (std::size_t i = 0; i < c.notes_fr.size(); ++i)
    ImGui::TextDisabled("• %s", in_language(c.notes_fr[i], i < c.notes_en.size() ? c.notes_en[i] : std::string()).c_str());
  ImGui::TextDisabled("%s", T("fin.ceiling_note"));
}

}  // namespace cpts::ui
