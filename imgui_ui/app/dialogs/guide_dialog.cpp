// Aide → Guide: a short built-in guide in a window beside the panels (not modal: one reads it while
// working), with three sections: what the CPTS must do and when (the missions' deadlines, read from
// the catalogue in use — the open project's, else the default one — and the project's own dates
// when it has a signature), how the money arrives with the provenance badges (texts: i18n
// "guide.*"), and the keyboard shortcuts (the table the code dispatches from, shortcuts.hpp).
#include <algorithm>
#include <string>

#include "app.hpp"
#include "engine/funding.hpp"
#include "fonts.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "model/money.hpp"
#include "shortcuts.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace cpts::ui {

namespace {

void paragraph(const char* key) {
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(T(key));
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
}

std::string months_text(int months) { return months ? TF("guide.months", months) : std::string(T("guide.chosen")); }

void section_deadlines(const UiState& s) {
  static const Project kNone;  // no project open: the default catalogue, no dates
  const Project& p = s.doc.open ? s.doc.project() : kNone;
  const Catalogue& cat = catalogue_for(p);
  paragraph("guide.when_intro");
  ImGui::TextDisabled("%s", TF("guide.catalogue", label_of(cat).c_str()).c_str());
  const bool dated = s.doc.open && p.contract.signature.valid();
  const int cols = dated ? 5 : 4;
  if (ImGui::BeginTable("##guide_deadlines", cols, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn(T("guide.col_mission"), ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn(T("guide.col_kind"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn(T("guide.col_start"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn(T("guide.col_deployed"), ImGuiTableColumnFlags_WidthStretch, 1.4f);
    if (dated) ImGui::TableSetupColumn(T("guide.col_yours"), ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableHeadersRow();
    for (const CatalogueMission& m : cat.missions) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", label_of(m).c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", T(m.socle ? "guide.socle" : "guide.optional"));
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", months_text(m.start_months).c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", months_text(m.deployed_months).c_str());
      if (m.in_force_from.valid()) ImGui::TextDisabled("%s", TF("guide.in_force", format_fr(m.in_force_from).c_str()).c_str());
      if (dated) {
        ImGui::TableNextColumn();
        for (const MissionDeadline& d : s.doc.derived.ceiling.deadlines)
          if (d.mission == m.id && d.start_by.valid())
            ImGui::TextWrapped("%s", TF("guide.dates", format_fr(d.start_by).c_str(), format_fr(d.deployed_by).c_str()).c_str());
      }
    }
    ImGui::EndTable();
  }
  ImGui::Spacing();
  paragraph("guide.when_late");
}

void section_money() {
  paragraph("guide.money_structure");
  paragraph("guide.money_payments");
  paragraph("guide.money_variable");
  ImGui::PushFont(bold_font());
  ImGui::TextUnformatted(T("guide.badges"));
  ImGui::PopFont();
  // The badge as the panels draw it, then what each provenance means.
  ImGui::Bullet();
  ImGui::TextUnformatted(T("prov.verified"));
  ImGui::SameLine();
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(T("guide.prov_verified"));
  ImGui::PopTextWrapPos();
  ImGui::Bullet();
  ImGui::TextUnformatted(T("prov.observed"));
  ImGui::SameLine();
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(T("guide.prov_observed"));
  ImGui::PopTextWrapPos();
  ImGui::Bullet();
  ImGui::TextUnformatted(T("prov.estimate"));
  widgets::estimate_badge(nullptr);
  ImGui::SameLine();
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(T("guide.prov_estimate"));
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  paragraph("guide.money_overrides");
}

void section_keys(const App& app) {
  for (ShortcutScope scope : {ShortcutScope::Editing, ShortcutScope::Presenting}) {
    ImGui::PushFont(bold_font());
    ImGui::TextUnformatted(T(scope == ShortcutScope::Editing ? "guide.keys_editing" : "guide.keys_presenting"));
    ImGui::PopFont();
    const std::string id = "##guide_keys" + std::to_string(static_cast<int>(scope));
    if (!ImGui::BeginTable(id.c_str(), 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_RowBg)) continue;
    ImGui::TableSetupColumn("k", ImGuiTableColumnFlags_WidthStretch, 1);
    ImGui::TableSetupColumn("w", ImGuiTableColumnFlags_WidthStretch, 2);
    // Keys doing the same thing share a row: "→, Page suivante, Espace".
    const char* last = nullptr;
    std::string keys;
    auto flush = [&] {
      if (!last) return;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::PushFont(bold_font());
      ImGui::TextWrapped("%s", keys.c_str());
      ImGui::PopFont();
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", T(last));
    };
    for (const Shortcut& k : kShortcuts) {
      if (k.scope != scope || (k.desktop_only && app.in_browser())) continue;
      if (last && std::string(last) == k.what) {
        keys += ", " + shortcut_keys(k);
        continue;
      }
      flush();
      last = k.what;
      keys = shortcut_keys(k);
    }
    flush();
    ImGui::EndTable();
    ImGui::Spacing();
  }
}

}  // namespace

void draw_guide_window(App& app) {
  if (!app.guide_open()) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(ImVec2(std::min(em(46), vp->WorkSize.x * 0.9f), vp->WorkSize.y * 0.8f), ImGuiCond_Appearing);
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  const std::string title = std::string(T("guide.title")) + "###guide";
  if (ImGui::Begin(title.c_str(), &app.guide_open(), ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
    mark_window("guide.window");
    if (ImGui::CollapsingHeader(T("guide.when"), ImGuiTreeNodeFlags_DefaultOpen)) section_deadlines(app.state());
    mark_item("guide.when");
    if (ImGui::CollapsingHeader(T("guide.money"), ImGuiTreeNodeFlags_DefaultOpen)) section_money();
    mark_item("guide.money");
    if (ImGui::CollapsingHeader(T("guide.keys"), ImGuiTreeNodeFlags_DefaultOpen)) section_keys(app);
    mark_item("guide.keys");
  }
  ImGui::End();
}

}  // namespace cpts::ui
