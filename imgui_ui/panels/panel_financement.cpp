// Financement: ACI money per contract year and per calendar year, by mission, fixed vs variable;
// the dated payment schedule; the scenarios (pessimistic / realistic / optimistic and the
// Monte-Carlo P10/P50/P90); the amounts in use with their provenance (estimates badged) and the
// contract's overrides, editable in place. Every figure comes from the engine (Document::derived).
#include <algorithm>
#include <map>

#include "core_text.hpp"
#include "charts.hpp"
#include "edit_helpers.hpp"
#include "fitted_text.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "panel_common.hpp"
#include "scenario_choice.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace cpts::ui {

namespace {


// The label of a row of the core's funding table (engine/funding_table.hpp) in the UI language.
std::string funding_row_label(const Project& p, const Catalogue& cat, const FundingTableRow& row) {
  auto part = [](const char* key) { return "    " + std::string(T(key)); };  // indented under the mission
  switch (row.kind) {
    case FundingRowKind::Fonctionnement: return T("fin.fonctionnement");
    case FundingRowKind::Avenant2Topup: return T("fin.topup");
    case FundingRowKind::Extra:
      for (const ExtraComponent& x : cat.extras)
        if (x.id == row.id) return label_of(x);
      return row.id;
    case FundingRowKind::MissionTotal: return mission_short(p, row.id);
    case FundingRowKind::MissionFixe: return part("fin.fixed");
    case FundingRowKind::MissionSnp: return part("fin.snp");
    case FundingRowKind::MissionVariable: return part("fin.variable");
    case FundingRowKind::MissionActivation: return part("fin.activation");
    case FundingRowKind::MissionExtra: return part("fin.mission_extra");
    case FundingRowKind::MissionCeilingCut: return part("fin.ceiling_cut");
    case FundingRowKind::TotalFixed: return T("fin.total_fixed");
    case FundingRowKind::TotalActivation: return T("fin.total_activation");
    case FundingRowKind::TotalVariable: return T("fin.total_variable");
    case FundingRowKind::VariableMax: return T("fin.variable_max");
    case FundingRowKind::Total: return T("fin.total");
  }
  return row.label_fr;
}

// The rows and figures are the core's view model, the ones the CLI and the documents print.
void by_contract_year(const Project& p, const FundingResult& f, const FundingTable& table) {
  const Catalogue& cat = *f.catalogue;
  if (!ImGui::BeginTable("##years", 7, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn(T("fin.line_eur"), ImGuiTableColumnFlags_WidthStretch, 3);
  for (const YearFunding& y : f.years) ImGui::TableSetupColumn(TF("fin.year_n", y.year).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn(T("fin.total"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableHeadersRow();
  for (const FundingTableRow& row : table.rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    std::string label = funding_row_label(p, cat, row) + (row.estimate ? " *" : "");  // * : an estimated amount (badge list above)
    text_fitted(label, row.detail());  // "Parcours pluriprofessionnels" was cut mid-letter at 1366 px, 150 %
    for (const std::string& c : row.year_cells) {
      ImGui::TableNextColumn();
      right_text(c);
    }
    ImGui::TableNextColumn();
    right_text(row.total_cell);
  }
  // What each year's variable part rests on (ceiling, forecast, recorded values).
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextDisabled("%s", T("fin.basis"));
  for (Basis b : table.basis) {
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", basis_name(b));
  }
  ImGui::TableNextColumn();
  ImGui::EndTable();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  if (f.scenario == Scenario::Ceiling) ImGui::TextWrapped("%s", T("fin.ceiling_note"));
  else ImGui::TextWrapped("%s", TF("fin.scenario_note", scenario_name(f.scenario)).c_str());  // long: wraps at 200 %
  ImGui::PopStyleColor();
}

void by_calendar_year(const Project& p, const FundingResult& f) {
  std::map<int, std::map<std::string, Cents>> cells;
  std::vector<std::string> lines = {""};
  for (const MissionYear& m : f.years[0].missions) lines.push_back(m.mission);
  for (const PaymentItem& it : f.schedule) cells[it.date.year][it.mission] += it.cents;
  int ncol = static_cast<int>(cells.size()) + 2;
  if (ncol > 63 || !ImGui::BeginTable("##calendar", ncol, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn(T("fin.line_eur"), ImGuiTableColumnFlags_WidthStretch, 3);
  for (auto& [year, _] : cells) ImGui::TableSetupColumn(std::to_string(year).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
  ImGui::TableSetupColumn(T("fin.total"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
  ImGui::TableHeadersRow();
  std::map<int, Cents> totals;
  bool cents = false;  // one money rule for the table: cents on every amount or on none
  for (auto& [year, by] : cells)
    for (auto& [m, c] : by) cents = cents || c % 100 != 0;
  auto eur_short = [cents](Cents c) { return eur_cell(c, cents); };
  for (const std::string& m : lines) {
    Cents total = 0;
    for (auto& [year, by] : cells) total += by.count(m) ? by.at(m) : 0;
    if (!total) continue;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text_fitted(m.empty() ? std::string(T("fin.fonctionnement_contract")) : mission_short(p, m));
    for (auto& [year, by] : cells) {
      ImGui::TableNextColumn();
      Cents c = by.count(m) ? by.at(m) : 0;
      totals[year] += c;
      right_text(eur_short(c));
    }
    ImGui::TableNextColumn();
    right_text(eur_short(total));
  }
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(T("fin.total"));
  Cents all = 0;
  for (auto& [year, c] : totals) {
    ImGui::TableNextColumn();
    right_text(eur_short(c));
    all += c;
  }
  ImGui::TableNextColumn();
  right_text(eur_short(all));
  ImGui::EndTable();
}

void schedule(const Project& p, const FundingResult& f) {
  ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##schedule", 7, flags, ImVec2(0, em(16)))) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn(T("fin.date"), ImGuiTableColumnFlags_WidthFixed, em(6));
  ImGui::TableSetupColumn(T("fin.contract_year"), ImGuiTableColumnFlags_WidthFixed, em(4));
  ImGui::TableSetupColumn(T("fin.mission"), ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn(T("fin.component"), ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn(T("fin.kind"), ImGuiTableColumnFlags_WidthFixed, em(7));
  ImGui::TableSetupColumn(T("fin.amount"), ImGuiTableColumnFlags_WidthFixed, em(9));
  ImGui::TableSetupColumn(T("fin.basis"), ImGuiTableColumnFlags_WidthFixed, em(8));
  ImGui::TableHeadersRow();
  for (const PaymentItem& it : f.schedule) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(format_fr(it.date).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(it.contract_year ? std::to_string(it.contract_year).c_str() : T("fin.before"));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(it.mission.empty() ? T("fin.contract") : mission_short(p, it.mission).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(payment_label(f, it).c_str());
    if (it.estimate) widgets::estimate_badge(nullptr);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(payment_kind_label(it.kind));
    ImGui::TableNextColumn();
    right_text(format_eur(it.cents));
    ImGui::TableNextColumn();
    ImGui::TextDisabled("%s", basis_name(it.basis));
  }
  ImGui::EndTable();
}

void scenarios(UiState& s) {
  const Derived& d = s.doc.derived;
  if (ImGui::BeginTable("##scenarios", 8, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(T("fin.scenario_eur"), ImGuiTableColumnFlags_WidthStretch, 2);
    for (int y = 1; y <= kContractYears; ++y) ImGui::TableSetupColumn(TF("fin.year_n", y).c_str());
    ImGui::TableSetupColumn(T("fin.total"));
    ImGui::TableSetupColumn(T("fin.variable_5y"));
    ImGui::TableHeadersRow();
    bool cents = false;  // one money rule for the table: cents on every amount or on none
    for (const ScenarioTotals& t : d.scenarios)
      cents = cents || money_needs_cents(t.by_year) || t.total % 100 != 0 || t.variable_total % 100 != 0;
    auto eur_short = [cents](Cents c) { return eur_cell(c, cents); };
    for (int i = 0; i < kScenarioCount; ++i) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(scenario_name(static_cast<Scenario>(i)));
      for (int y = 0; y < kContractYears; ++y) {
        ImGui::TableNextColumn();
        right_text(eur_short(d.scenarios[static_cast<std::size_t>(i)].by_year[static_cast<std::size_t>(y)]));
      }
      ImGui::TableNextColumn();
      right_text(eur_short(d.scenarios[static_cast<std::size_t>(i)].total));
      ImGui::TableNextColumn();
      right_text(eur_short(d.scenarios[static_cast<std::size_t>(i)].variable_total));
    }
    ImGui::EndTable();
  }
  ImGui::TextDisabled("%s", T("fin.scenarios_help"));
  if (ImGui::Button(T("fin.run_monte_carlo"))) s.doc.run_monte_carlo(10000);
  mark_item("fin.monte_carlo");
  if (!d.monte_carlo) return;
  const MonteCarloResult& mc = *d.monte_carlo;
  ImGui::SameLine();
  ImGui::TextDisabled("%s", TF("fin.mc_info", mc.draws, static_cast<unsigned long long>(mc.seed)).c_str());
  if (ImGui::BeginTable("##mc", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(T("fin.variable_part"));
    ImGui::TableSetupColumn("P10");
    ImGui::TableSetupColumn("P50");
    ImGui::TableSetupColumn("P90");
    ImGui::TableHeadersRow();
    for (int y = 0; y <= kContractYears; ++y) {
      const Percentiles& pc = y < kContractYears ? mc.variable_by_year[static_cast<std::size_t>(y)] : mc.variable_total;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(y < kContractYears ? TF("fin.year_n", y + 1).c_str() : T("fin.five_years"));
      for (Cents c : {pc.p10, pc.p50, pc.p90}) {
        ImGui::TableNextColumn();
        right_text(format_eur(c));
      }
    }
    ImGui::EndTable();
  }
}

void amounts(UiState& s) {
  const Project& p = s.doc.project();
  const Catalogue& cat = catalogue_for(p);
  int taille = s.doc.derived.ceiling.taille;
  ImGui::TextWrapped("%s", TF("fin.amounts_help", taille).c_str());
  if (!ImGui::BeginTable("##amounts", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn(T("fin.line_eur"), ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableSetupColumn(T("fin.catalogue_amount"), ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn(T("fin.provenance"), ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn(T("fin.contract_amount"), ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn("##x", ImGuiTableColumnFlags_WidthFixed, em(3));
  ImGui::TableHeadersRow();
  for (const auto& [key, cells] : cat.amounts) {
    const Amount* a = cat.amount(key.first, key.second, taille);
    if (!a) continue;
    ImGui::PushID((std::string(to_string(key.first)) + key.second).c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    std::string label = component_label(key.first);
    if (!key.second.empty()) label = mission_short(p, key.second) + " — " + label;
    ImGui::TextUnformatted(label.c_str());
    // The line a "montant estimé" finding names (its ref id: checks.cpp, "component:mission").
    if (s.is_jump_target(ObjectKind::Amount, std::string(to_string(key.first)) + (key.second.empty() ? "" : ":" + key.second))) {
      ImGui::SetScrollHereY();
      mark_item("fin.amount_target");
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(format_eur(a->cents).c_str());
    ImGui::TableNextColumn();
    const char* prov = a->provenance == Provenance::Verified ? T("prov.verified") : a->provenance == Provenance::Observed ? T("prov.observed") : T("prov.estimate");
    ImGui::TextUnformatted(prov);
    if (a->provenance == Provenance::Estimate) widgets::estimate_badge(a->source.c_str());
    else if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", a->source.c_str());
    ImGui::TableNextColumn();
    // The all-years override of this line, if any.
    std::size_t idx = p.overrides.size();
    for (std::size_t i = 0; i < p.overrides.size(); ++i)
      if (p.overrides[i].component == key.first && p.overrides[i].mission == key.second && p.overrides[i].year == 0) idx = i;
    Cents c;
    if (idx < p.overrides.size()) {
      if (widgets::money("##override", p.overrides[idx].cents, &c)) s.doc.edit(set_value(T("cmd.edit_override"), item_field(&overrides_of, idx, &AmountOverride::cents), c));
      ImGui::TableNextColumn();
      if (ImGui::SmallButton(T("list.delete_short"))) s.doc.edit(edits::delete_item(p, edits::ListKind::Overrides, idx, T("cmd.delete_override")));
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("fin.remove_override"));
    } else {
      if (widgets::money("##new_override", a->cents, &c) && c != a->cents)
        s.doc.edit(insert_item<AmountOverride>(T("cmd.add_override"), list(&overrides_of), p.overrides.size(),
                                               {key.first, key.second, 0, c, T("fin.override_note")}));
      ImGui::TableNextColumn();
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
  int year_specific = static_cast<int>(std::count_if(p.overrides.begin(), p.overrides.end(), [](const AmountOverride& o) { return o.year != 0; }));
  if (year_specific) ImGui::TextDisabled("%s", TN("fin.year_overrides", year_specific, year_specific).c_str());
}

void charts(const Project& p, const FundingResult& f) {
  chart::FundingSeries bars = funding_series(p, f);
  const auto& cats = bars.categories;
  const auto& series = bars.series;
  chart::legend(series);
  chart::stacked_bars("##bars", cats, series, ImVec2(0, em(14)));
  mark_item("fin.chart_bars");

  ImGui::Spacing();
  ImGui::TextUnformatted(T("fin.cashflow"));
  std::vector<chart::CashPoint> pts;
  for (const PaymentItem& it : f.schedule)
    pts.push_back({static_cast<double>(to_days(it.date)), static_cast<double>(it.cents) / 100.0,
                   format_fr(it.date) + " — " + (it.mission.empty() ? T("fin.contract") : mission_short(p, it.mission)) + " — " + payment_label(f, it)});
  std::vector<std::string> labels;
  std::vector<double> days;
  for (const YearFunding& y : f.years) {
    labels.push_back(TF("fin.year_n", y.year));
    days.push_back(static_cast<double>(to_days(y.start)));
  }
  if (f.years[4].end.valid()) days.push_back(static_cast<double>(to_days(f.years[4].end)));
  chart::cumulative_cash("##cash", pts, labels, days, ImVec2(0, em(12)));
}

}  // namespace

void draw_panel_financement(UiState& s) {
  const Project& p = s.doc.project();
  const FundingResult& f = s.doc.derived.selected;  // the project's scenario
  panel_title(T("panel.financement"), T("fin.subtitle"));
  if (!p.contract.signature.valid()) {
    ImGui::TextColored(palette().warn, "%s", T("fin.no_signature"));
    return;
  }
  scenario_choice(s);
  if (const auto& estimates = s.doc.derived.estimates; !estimates.empty()) {
    ImGui::TextColored(ImVec4(0.85f, 0.5f, 0.05f, 1), "%s", TN("fin.estimates_in_use", static_cast<long long>(estimates.size()), estimates.size()).c_str());
    if (ImGui::IsItemHovered()) {
      std::string list;
      const std::vector<std::string>& names = in_language(estimates, s.doc.derived.estimates_en);
      for (const std::string& e : names) list += (list.empty() ? "" : "\n") + e;
      ImGui::SetTooltip("%s", list.c_str());
    }
  }
  if (ImGui::BeginTabBar("##fin")) {
    if (ImGui::BeginTabItem(T("fin.tab_contract_years"))) {
      by_contract_year(p, f, s.doc.derived.selected_table);
      charts(p, f);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(T("fin.tab_calendar_years"))) {
      by_calendar_year(p, f);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(T("fin.tab_schedule"))) {
      schedule(p, f);
      ImGui::EndTabItem();
    }
    if (ImGui::BeginTabItem(T("fin.tab_scenarios"))) {
      scenarios(s);
      ImGui::EndTabItem();
    }
    // A finding about an amount ("montant estimé") opens this tab, whichever was open before.
    const bool to_amounts = s.jump && s.jump->ref.kind == ObjectKind::Amount;
    const bool amounts_open = ImGui::BeginTabItem(T("fin.tab_amounts"), nullptr, to_amounts ? ImGuiTabItemFlags_SetSelected : 0);
    mark_item("fin.tab_amounts");
    // ImGui shows a tab selected by the program one frame later: the jump waits for it, so that
    // the named line is still the jump's target when the tab's content is first drawn.
    if (to_amounts && !amounts_open) s.jump->frames_left = std::max(s.jump->frames_left, 2);
    if (amounts_open) {
      amounts(s);
      mark_item("fin.amounts");  // the tab's content is drawn
      ImGui::EndTabItem();
    }
    const bool compare_open = ImGui::BeginTabItem(T("fin.tab_compare"));
    mark_item("fin.tab_compare");
    if (compare_open) {
      draw_catalogue_comparison(s);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
}

}  // namespace cpts::ui
