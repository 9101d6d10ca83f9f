// Professionnels et gouvernance: the professionals (members or not), members by profession, the
// colleges of the association, and the payments to members checked against the yearly PASS cap
// (décret 2022-375).
#include <map>

#include "edit_helpers.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "panel_common.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace cpts::ui {

namespace {

void professionals(UiState& s) {
  const Project& p = s.doc.project();
  section(T("pros.professionals"));
  std::map<std::string, int> by_profession;
  int members = 0;
  for (const Professional& x : p.professionals)
    if (x.member) {
      ++members;
      ++by_profession[x.profession.empty() ? T("pros.unknown_profession") : x.profession];
    }
  ImGui::TextWrapped("%s", TF("pros.members_count", members, p.professionals.size()).c_str());
  std::string detail;
  for (const auto& [prof, n] : by_profession) detail += (detail.empty() ? "" : " · ") + prof + " : " + std::to_string(n);
  if (!detail.empty()) ImGui::TextDisabled("%s", detail.c_str());
  if (ImGui::Button(T("pros.add"))) {
    Professional x;
    x.id = fresh_id(p, 'P');
    x.name = T("pros.new");
    s.doc.edit(insert_item<Professional>(T("cmd.add_professional"), list(&professionals_of), p.professionals.size(), x));
  }
  mark_item("pros.add");
  if (!ImGui::BeginTable("##pros", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn(T("pros.name"), ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn(T("pros.profession"), ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn(T("pros.structure"), ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn(T("pros.member"), ImGuiTableColumnFlags_WidthFixed, em(5));
  ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, row_buttons_width());
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(p.professionals.size()));
  while (clipper.Step())
    for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
      std::size_t i = static_cast<std::size_t>(r);
      const Professional& x = p.professionals[i];
      ImGui::PushID(r);
      ImGui::TableNextRow();
      if (s.is_jump_target(ObjectKind::Professional, x.id)) {
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImVec4(1, 0.85f, 0.3f, 0.6f)));
        ImGui::SetScrollHereY();
      }
      std::string str;
      bool b;
      ImGui::TableNextColumn();
      if (widgets::text("##name", x.name, &str)) s.doc.edit(set_value(T("cmd.edit_professional"), item_field(&professionals_of, i, &Professional::name), str));
      ImGui::TableNextColumn();
      if (widgets::text("##prof", x.profession, &str)) s.doc.edit(set_value(T("cmd.edit_professional"), item_field(&professionals_of, i, &Professional::profession), str));
      ImGui::TableNextColumn();
      if (widgets::text("##struct", x.structure, &str)) s.doc.edit(set_value(T("cmd.edit_professional"), item_field(&professionals_of, i, &Professional::structure), str));
      ImGui::TableNextColumn();
      if (widgets::checkbox("##member", x.member, &b)) s.doc.edit(set_value(T("cmd.edit_professional"), item_field(&professionals_of, i, &Professional::member), b));
      ImGui::TableNextColumn();
      apply_row_action(s.doc, row_buttons(i, p.professionals.size(), true, ("pros.row." + std::to_string(i)).c_str()), edits::ListKind::Professionals, i, T("what.professional"), x.name);
      ImGui::PopID();
    }
  ImGui::EndTable();
}

void colleges(UiState& s) {
  const Project& p = s.doc.project();
  section(T("pros.colleges"));
  if (ImGui::Button(T("pros.add_college")))
    s.doc.edit(insert_item<College>(T("cmd.add_college"), list(&colleges_of), p.colleges.size(), {T("pros.new_college"), 1, {}}));
  if (!ImGui::BeginTable("##colleges", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn(T("pros.college_name"), ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn(T("pros.college_seats"), ImGuiTableColumnFlags_WidthFixed, em(6));
  ImGui::TableSetupColumn(T("pros.college_members"), ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, row_buttons_width());
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < p.colleges.size(); ++i) {
    const College& c = p.colleges[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    std::string str;
    long long n;
    ImGui::TableNextColumn();
    if (widgets::text("##name", c.name, &str)) s.doc.edit(set_value(T("cmd.edit_college"), item_field(&colleges_of, i, &College::name), str));
    ImGui::TableNextColumn();
    if (widgets::integer("##seats", c.seats, &n, 0, 1000)) s.doc.edit(set_value(T("cmd.edit_college"), item_field(&colleges_of, i, &College::seats), static_cast<int>(n)));
    ImGui::TableNextColumn();
    // Members are edited as one line "a ; b ; c", the usual way such lists are typed.
    std::string joined;
    for (const std::string& m : c.members) joined += (joined.empty() ? "" : " ; ") + m;
    if (widgets::text("##members", joined, &str, 0, T("pros.members_hint"))) {
      std::vector<std::string> parts;
      std::size_t start = 0;
      while (start <= str.size()) {
        std::size_t end = str.find(';', start);
        std::string part = str.substr(start, end == std::string::npos ? std::string::npos : end - start);
        part.erase(0, part.find_first_not_of(' '));
        part.erase(part.find_last_not_of(' ') + 1);
        if (!part.empty()) parts.push_back(part);
        if (end == std::string::npos) break;
        start = end + 1;
      }
      s.doc.edit(set_value(T("cmd.edit_college"), item_field(&colleges_of, i, &College::members), parts));
    }
    ImGui::TableNextColumn();
    apply_row_action(s.doc, row_buttons(i, p.colleges.size()), edits::ListKind::Colleges, i, T("what.college"));
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void payments(UiState& s) {
  const Project& p = s.doc.project();
  const Catalogue& cat = catalogue_for(p);
  section(T("pros.payments"));
  ImGui::TextWrapped("%s", T("pros.payments_help"));
  if (ImGui::Button(T("pros.add_payment")) && !p.professionals.empty())
    s.doc.edit(insert_item<MemberPayment>(T("cmd.add_payment"), list(&member_payments_of), p.member_payments.size(),
                                          {p.professionals[0].id, p.contract.signature.valid() ? p.contract.signature.year : 2025, 0, "indemnité"}));
  if (p.professionals.empty()) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", T("pros.payments_need_professional"));
  }
  std::map<std::pair<std::string, int>, Cents> totals;
  for (const MemberPayment& m : p.member_payments) totals[{m.professional, m.calendar_year}] += m.cents;
  if (!ImGui::BeginTable("##payments", 6, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  // Widths: at 1366 px and 150 % « Total de l’année / plafond » was cut by 122 px; the cap column gets
  // more of the stretch and the kind and amount fields (« rémunération », « 46 368,00 € ») 8 em.
  ImGui::TableSetupColumn(T("pros.payment_who"), ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn(T("pros.payment_year"), ImGuiTableColumnFlags_WidthFixed, em(5));
  ImGui::TableSetupColumn(T("pros.payment_kind"), ImGuiTableColumnFlags_WidthFixed, em(8));
  ImGui::TableSetupColumn(T("pros.payment_amount"), ImGuiTableColumnFlags_WidthFixed, em(8));
  ImGui::TableSetupColumn(T("pros.payment_cap"), ImGuiTableColumnFlags_WidthStretch, 2.4f);
  ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, row_buttons_width());
  ImGui::TableHeadersRow();
  std::vector<std::string> names;
  for (const Professional& x : p.professionals) names.push_back(x.name);
  // The stored values are the French words of the file format; the list shows them in the UI's language.
  const std::vector<std::string> kinds = {"indemnité", "rémunération"};
  const std::vector<std::string> kind_names = {T("pros.payment_kind_indemnite"), T("pros.payment_kind_remuneration")};
  for (std::size_t i = 0; i < p.member_payments.size(); ++i) {
    const MemberPayment& m = p.member_payments[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    int who = -1, picked = 0;
    for (std::size_t k = 0; k < p.professionals.size(); ++k)
      if (p.professionals[k].id == m.professional) who = static_cast<int>(k);
    ImGui::TableNextColumn();
    if (widgets::combo("##who", who, names, &picked))
      s.doc.edit(set_value(T("cmd.edit_payment"), item_field(&member_payments_of, i, &MemberPayment::professional), p.professionals[static_cast<std::size_t>(picked)].id));
    Cents c;
    ImGui::TableNextColumn();
    if (int y; widgets::year("##year", m.calendar_year, &y, 2019, 2100))
      s.doc.edit(set_value(T("cmd.edit_payment"), item_field(&member_payments_of, i, &MemberPayment::calendar_year), y));
    ImGui::TableNextColumn();
    if (widgets::combo("##kind", m.kind == "rémunération" ? 1 : 0, kind_names, &picked))
      s.doc.edit(set_value(T("cmd.edit_payment"), item_field(&member_payments_of, i, &MemberPayment::kind), kinds[static_cast<std::size_t>(picked)]));
    ImGui::TableNextColumn();
    if (widgets::money("##amount", m.cents, &c)) s.doc.edit(set_value(T("cmd.edit_payment"), item_field(&member_payments_of, i, &MemberPayment::cents), c));
    ImGui::TableNextColumn();
    ImGui::PushTextWrapPos(0.0f);  // « 48 000,00 €, au-delà du plafond de 46 368,00 € » wraps in its column at 150 %
    auto pass = cat.pass_for(m.calendar_year);
    Cents total = totals[{m.professional, m.calendar_year}];
    if (!pass) {
      ImGui::TextDisabled("%s", T("pros.no_cap"));
    } else if (total > pass->cents) {
      ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", TF("pros.over_cap", format_eur(total).c_str(), format_eur(pass->cents).c_str()).c_str());
    } else {
      ImGui::TextColored(palette().ok, "%s", TF("pros.under_cap", format_eur(total).c_str(), format_eur(pass->cents).c_str()).c_str());
    }
    ImGui::PopTextWrapPos();
    ImGui::TableNextColumn();
    apply_row_action(s.doc, row_buttons(i, p.member_payments.size()), edits::ListKind::MemberPayments, i, T("what.payment"));
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace

void draw_panel_professionnels(UiState& s) {
  panel_title(T("panel.professionnels"), T("pros.subtitle"));
  professionals(s);
  colleges(s);
  payments(s);
}

}  // namespace cpts::ui
