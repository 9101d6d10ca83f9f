// Projet: identity of the CPTS, contacts, the contract (signature, ACI catalogue version and the
// conventions the sources leave open), notes.
#include "edit_helpers.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "panel_common.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace cpts::ui {

namespace {

template <class V>
Locate<V> identity_field(V Identity::*m) {
  return [m](Project& p) { return &(p.identity.*m); };
}
template <class V>
Locate<V> contract_field(V Contract::*m) {
  return [m](Project& p) { return &(p.contract.*m); };
}

void identity(UiState& s) {
  const Project& p = s.doc.project();
  section(T("projet.identity"));
  if (!form_begin("##identity")) return;
  std::string str;
  form_label(T("projet.name"));
  if (widgets::text("##name", p.identity.name, &str)) s.doc.edit(set_value(T("cmd.edit_name"), identity_field(&Identity::name), str));
  mark_item("projet.name");
  if (p.identity.name.empty()) widgets::mark_invalid(T("projet.name_required"));
  form_label(T("projet.association"));
  if (widgets::text("##association", p.identity.association, &str))
    s.doc.edit(set_value(T("cmd.edit_association"), identity_field(&Identity::association), str));
  form_label(T("projet.rna"));
  if (widgets::text("##rna", p.identity.rna, &str, em(12))) s.doc.edit(set_value(T("cmd.edit_rna"), identity_field(&Identity::rna), str));
  form_label(T("projet.finess"));
  if (widgets::text("##finess", p.identity.finess, &str, em(12))) s.doc.edit(set_value(T("cmd.edit_finess"), identity_field(&Identity::finess), str));
  form_end();

  section(T("projet.contacts"));
  if (ImGui::BeginTable("##contacts", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
    // Weights by what a cell holds (a name or an e-mail is longer than a role or a phone number):
    // equal shares squeezed Rôle and Nom to three letters at 1366 px and 150 %.
    ImGui::TableSetupColumn(T("projet.contact_role"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn(T("projet.contact_name"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableSetupColumn(T("projet.contact_email"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn(T("projet.contact_phone"), ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed, row_buttons_width());
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < p.identity.contacts.size(); ++i) {
      const Contact& c = p.identity.contacts[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (widgets::text("##role", c.role, &str)) s.doc.edit(set_value(T("cmd.edit_contact"), item_field(&contacts_of, i, &Contact::role), str));
      ImGui::TableNextColumn();
      if (widgets::text("##cname", c.name, &str)) s.doc.edit(set_value(T("cmd.edit_contact"), item_field(&contacts_of, i, &Contact::name), str));
      ImGui::TableNextColumn();
      if (widgets::text("##email", c.email, &str)) s.doc.edit(set_value(T("cmd.edit_contact"), item_field(&contacts_of, i, &Contact::email), str));
      ImGui::TableNextColumn();
      if (widgets::text("##phone", c.phone, &str)) s.doc.edit(set_value(T("cmd.edit_contact"), item_field(&contacts_of, i, &Contact::phone), str));
      ImGui::TableNextColumn();
      apply_row_action(s.doc, row_buttons(i, p.identity.contacts.size()), edits::ListKind::Contacts, i, T("what.contact"));
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (ImGui::Button(T("projet.add_contact")))
    s.doc.edit(insert_item<Contact>(T("cmd.add_contact"), list(&contacts_of), p.identity.contacts.size(), {}));
}

void contract(UiState& s) {
  const Project& p = s.doc.project();
  const FundingResult& f = s.doc.derived.ceiling;
  section(T("projet.contract"));
  if (!form_begin("##contract")) return;
  Date d;
  form_label(T("projet.signature"), T("projet.signature_help"));
  if (widgets::date("##signature", p.contract.signature, &d, false, em(12)))
    s.doc.edit(set_value(T("cmd.edit_signature"), contract_field(&Contract::signature), d));
  mark_item("projet.signature");
  if (!p.contract.signature.valid()) widgets::mark_invalid(T("projet.signature_required"));
  if (f.years[0].start.valid()) {
    ImGui::TextDisabled("%s", TF("projet.contract_span", format_fr(f.years[0].start).c_str(), format_fr(from_days(to_days(f.years[4].end) - 1)).c_str()).c_str());
  }

  form_label(T("projet.catalogue"), T("projet.catalogue_help"));
  std::vector<std::string> names;
  int current = 0, picked = 0;
  const auto cats = known_catalogues();  // shipped, then imported (Fichier → Catalogues → Importer…)
  for (std::size_t i = 0; i < cats.size(); ++i) {
    names.push_back(label_of(*cats[i]));
    if (cats[i]->id == p.contract.catalogue) current = static_cast<int>(i);
  }
  // Switching the catalogue removes what the new one lacks (missions, their actions and
  // indicators, overrides, workshop candidates): listed, and only done once confirmed.
  if (widgets::combo("##catalogue", current, names, &picked, em(20), "projet.catalogue")) {
    const Catalogue& to = *cats[static_cast<std::size_t>(picked)];
    if (auto preview = edits::preview_catalogue_switch(p, to.id)) {
      Command c = edits::switch_catalogue(p, to.id, T("cmd.edit_catalogue"));
      if (preview->loses_nothing()) {
        s.doc.edit(std::move(c));
      } else {
        auto joined = [](const std::vector<std::string>& v) {
          std::string out;
          for (const std::string& x : v) out += (out.empty() ? "" : ", ") + x;
          return out;
        };
        Document::Confirmation q;
        q.question = TF("confirm.switch_catalogue", label_of(to).c_str());
        if (!preview->missions.empty()) q.details.push_back(TF("confirm.missions", joined(preview->missions).c_str()));
        if (!preview->actions.empty())
          q.details.push_back(TF("confirm.actions", static_cast<int>(preview->indicators), joined(preview->actions).c_str()));
        if (!preview->overrides.empty()) q.details.push_back(TF("confirm.overrides", joined(preview->overrides).c_str()));
        if (!preview->candidates.empty()) q.details.push_back(TF("confirm.candidates", joined(preview->candidates).c_str()));
        q.confirm_label = T("confirm.switch");
        q.command = std::move(c);
        s.doc.ask(std::move(q));
      }
    }
  }

  form_label(T("projet.prorata"), T("projet.prorata_help"));
  std::vector<std::string> prorata = {T("projet.prorata_months"), T("projet.prorata_days")};
  if (widgets::combo("##prorata", p.contract.prorata == Prorata::Days, prorata, &picked, em(20)))
    s.doc.edit(set_value(T("cmd.edit_prorata"), contract_field(&Contract::prorata), picked ? Prorata::Days : Prorata::Months));

  form_label(T("projet.snp_payment"), T("projet.snp_payment_help"));
  std::vector<std::string> snp = {T("projet.snp_advance"), T("projet.snp_year_end")};
  if (widgets::combo("##snp_payment", p.contract.snp_payment == SnpPayment::YearEnd, snp, &picked, em(20)))
    s.doc.edit(set_value(T("cmd.edit_convention"), contract_field(&Contract::snp_payment), picked ? SnpPayment::YearEnd : SnpPayment::Advance));

  bool b;
  form_label(T("projet.prorate_variable"), T("projet.prorate_variable_help"));
  if (widgets::checkbox("##prorate_variable", p.contract.prorate_variable, &b))
    s.doc.edit(set_value(T("cmd.edit_convention"), contract_field(&Contract::prorate_variable), b));

  form_label(T("projet.boundary"), T("projet.boundary_help"));
  std::vector<std::string> boundary = {T("projet.boundary_t3"), T("projet.boundary_t2")};
  if (widgets::combo("##boundary", p.contract.boundary_80000_taille3 ? 0 : 1, boundary, &picked, em(20)))
    s.doc.edit(set_value(T("cmd.edit_convention"), contract_field(&Contract::boundary_80000_taille3), picked == 0));

  form_label(T("projet.lettre"), T("projet.lettre_help"));
  if (widgets::checkbox(T("projet.lettre_count"), p.contract.pay_lettre_intention, &b))
    s.doc.edit(set_value(T("cmd.edit_convention"), contract_field(&Contract::pay_lettre_intention), b));
  if (p.contract.pay_lettre_intention) {
    if (widgets::date("##lettre", p.contract.lettre_intention, &d, true, em(12)))
      s.doc.edit(set_value(T("cmd.edit_lettre"), contract_field(&Contract::lettre_intention), d));
  }
  form_end();
}

}  // namespace

void draw_panel_projet(UiState& s) {
  panel_title(T("panel.projet"), T("projet.subtitle"));
  identity(s);
  contract(s);
  section(T("projet.notes"));
  std::string str;
  if (widgets::text_multiline("##notes", s.doc.project().notes, &str, 5))
    s.doc.edit(set_value<std::string>(T("cmd.edit_notes"), [](Project& p) { return &p.notes; }, str));
}

}  // namespace cpts::ui
