// Budget: per contract year, ACI income (the project's scenario), other income, expenses and the
// fiche-action budgets, and the balance (red when in deficit). Expenses and other income are
// edited here.
#include <array>

#include "fitted_text.hpp"
#include "edit_helpers.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "panel_common.hpp"
#include "scenario_choice.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace cpts::ui {

namespace {

void amounts_table(UiState& s, const char* id, ListOf<YearAmount> of, edits::ListKind kind, const char* what, const char* add_label) {
  const Project& p = s.doc.project();
  const std::vector<YearAmount>& v = of(const_cast<Project&>(p));
  if (ImGui::Button(add_label))
    s.doc.edit(insert_item<YearAmount>(T("cmd.add_line"), list(of), v.size(), {T("budget.new_line"), 1, 0}));
  if (!ImGui::BeginTable(id, 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn(T("budget.label"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(T("budget.year"), ImGuiTableColumnFlags_WidthFixed, em(5));
  ImGui::TableSetupColumn(T("budget.amount"), ImGuiTableColumnFlags_WidthFixed, em(10));
  ImGui::TableSetupColumn("##x", ImGuiTableColumnFlags_WidthFixed, row_buttons_width());
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < v.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    std::string str;
    long long n;
    Cents c;
    ImGui::TableNextColumn();
    if (widgets::text("##label", v[i].label, &str)) s.doc.edit(set_value(T("cmd.edit_line"), item_field(of, i, &YearAmount::label), str));
    ImGui::TableNextColumn();
    if (widgets::integer("##year", v[i].year, &n, 1, kContractYears)) s.doc.edit(set_value(T("cmd.edit_line"), item_field(of, i, &YearAmount::year), static_cast<int>(n)));
    ImGui::TableNextColumn();
    if (widgets::money("##amount", v[i].cents, &c)) s.doc.edit(set_value(T("cmd.edit_line"), item_field(of, i, &YearAmount::cents), c));
    ImGui::TableNextColumn();
    apply_row_action(s.doc, row_buttons(i, v.size()), kind, i, what);
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace

void draw_panel_budget(UiState& s) {
  panel_title(T("panel.budget"), T("budget.subtitle"));
  const auto& b = s.doc.derived.budget;
  scenario_choice(s);
  if (ImGui::BeginTable("##balance", 7, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(T("fin.line_eur"), ImGuiTableColumnFlags_WidthStretch, 2.5f);
    for (const BudgetYear& y : b) ImGui::TableSetupColumn(TF("fin.year_n", y.year).c_str(), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn(T("fin.total"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableHeadersRow();
    bool cents = false;  // one money rule for the table: cents on every amount or on none
    for (const BudgetYear& y : b) cents = cents || money_needs_cents(std::array<Cents, 4>{y.aci, y.other_income, y.expenses, y.action_budgets});
    auto eur_short = [cents](Cents c) { return eur_cell(c, cents); };
    auto row = [&](const char* label, auto get, bool signed_red = false) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      text_fitted(label);
      Cents total = 0;
      for (const BudgetYear& y : b) {
        ImGui::TableNextColumn();
        Cents c = get(y);
        total += c;
        const ImVec4 red(0.8f, 0.1f, 0.1f, 1);
        right_text(eur_short(c), signed_red && c < 0 ? &red : nullptr);
      }
      ImGui::TableNextColumn();
      right_text(eur_short(total));
    };
    row(TF("budget.aci", scenario_name(s.doc.project().contract.scenario)).c_str(), [](const BudgetYear& y) { return y.aci; });
    row(T("budget.other_income"), [](const BudgetYear& y) { return y.other_income; });
    row(T("budget.expenses"), [](const BudgetYear& y) { return -y.expenses; });
    row(T("budget.action_budgets"), [](const BudgetYear& y) { return -y.action_budgets; });
    row(T("budget.balance"), [](const BudgetYear& y) { return y.balance(); }, true);
    ImGui::EndTable();
  }
  mark_item("budget.balance");
  ImGui::TextDisabled("%s", TF("budget.scenario_note", scenario_name(s.doc.project().contract.scenario)).c_str());
  section(T("budget.expenses"));
  amounts_table(s, "##expenses", &expenses_of, edits::ListKind::Expenses, T("what.expense"), T("budget.add_expense"));
  section(T("budget.other_income"));
  amounts_table(s, "##income", &other_income_of, edits::ListKind::OtherIncome, T("what.income"), T("budget.add_income"));
}

}  // namespace cpts::ui
