// Territoire: the communes (INSEE code, name, department, population) in a searchable, sortable
// table that stays smooth with hundreds of rows (clipping), the total population, the taille the
// catalogue gives and an explicit, justified override. Communes come from the official list
// (search as you type, a whole intercommunalité, populations brought up to date: issue #15) or are
// typed by hand (IRIS, quartiers, part of a commune).
#include <algorithm>
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>
#include <optional>

#include "commune_picker.hpp"
#include "communes_source.hpp"
#include "edit/territory_edits.hpp"
#include "rules/departments.hpp"

#include "edit_helpers.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "panel_common.hpp"
#include "platform.hpp"
#include "row_menu.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace cpts::ui {

namespace {

// (CommuneView, OfficialList: panel_state.hpp, owned by UiState.)

void rebuild(CommuneView& v, const Project& p, std::uint64_t revision) {
  if (v.revision == revision && v.applied_filter == v.filter && v.applied_sort.column == v.sort.column &&
      v.applied_sort.ascending == v.sort.ascending)
    return;
  const auto& c = p.territory.communes;
  std::vector<std::string> codes;
  for (const auto& commune : c) codes.push_back(commune.insee);
  std::sort(codes.begin(), codes.end());
  v.duplicate_insee.clear();
  for (std::size_t i = 1; i < codes.size(); ++i)
    if (codes[i] == codes[i - 1] && !codes[i].empty() && (v.duplicate_insee.empty() || v.duplicate_insee.back() != codes[i]))
      v.duplicate_insee.push_back(codes[i]);
  v.rows.clear();
  for (std::size_t i = 0; i < c.size(); ++i)
    if (matches_filter(c[i].name + " " + c[i].insee + " " + c[i].department + " " + c[i].source, v.filter)) v.rows.push_back(i);
  auto key = [&](std::size_t a, std::size_t b) {
    switch (v.sort.column) {
      case 0: return c[a].insee < c[b].insee;
      case 1: return c[a].name < c[b].name;
      case 2: return c[a].department < c[b].department;
      case 3: return c[a].population < c[b].population;
      case 4: return c[a].source < c[b].source;
      default: return a < b;  // data order
    }
  };
  if (v.sort.column >= 0 && v.sort.column <= 4)
    std::stable_sort(v.rows.begin(), v.rows.end(), [&](std::size_t a, std::size_t b) { return v.sort.ascending ? key(a, b) : key(b, a); });
  v.revision = revision;
  v.applied_filter = v.filter;
  v.applied_sort = v.sort;
}

std::string people(long long n) { return format_number_fr(static_cast<double>(n), 0); }

void say(OfficialList& o, std::string text, bool error) {
  o.message = std::move(text);
  o.message_is_error = error;
}

void draw_official_list(UiState& s, OfficialList& o) {
  const Project& p = s.doc.project();
  if (o.revision != s.doc.history.revision()) {
    o.epci_plan.reset();
    o.update_plan.reset();
    o.revision = s.doc.history.revision();
  }
  if (const RefCommune* c = commune_picker(o.picker, "territoire.communes_search")) {
    TerritoryAddPlan plan = plan_add_communes(p, *communes::index(), {c->code});
    if (auto cmd = add_communes_command(plan, TF("cmd.add_named", c->name.c_str()))) {
      s.doc.edit(std::move(*cmd));
      say(o, TF("communes.added", c->name.c_str()), false);
      o.picker.query.clear();
    } else if (!plan.refused.empty()) {
      say(o, refusal_text(plan.refused[0]), true);
    }
  }
  if (ImGui::Button(T("communes.epci_add"))) {
    o.epci_open = !o.epci_open;
    communes::request();
  }
  mark_item("territoire.epci_toggle");
  ImGui::SameLine();
  if (ImGui::Button(T("communes.update"))) {
    communes::request();
    o.update_wanted = true;
  }
  mark_item("territoire.update_populations");
  if (o.update_wanted && communes::status() != communes::Status::Loading) {
    o.update_wanted = false;
    if (const CommuneIndex* idx = communes::index()) o.update_plan = plan_update_populations(p, *idx);
    else say(o, communes::error(), true);
  }
  if (!o.message.empty()) {
    ImGui::TextColored(o.message_is_error ? palette().warn : palette().ok, "%s", o.message.c_str());
    mark_item("territoire.communes_message");
  }

  if (o.epci_open) {
    ImGui::Indent();
    if (const RefEpci* e = epci_picker(o.epci, "territoire.epci")) o.epci_plan = plan_add_epci(p, *communes::index(), e->siren);
    if (o.epci_plan) {
      const TerritoryAddPlan& pl = *o.epci_plan;
      ImGui::TextUnformatted(TF("communes.epci_preview", pl.added.size(), pl.refused.size()).c_str());
      mark_item("territoire.epci_preview");
      ImGui::TextUnformatted(territory_effect_text(pl.effect.old_total, pl.effect.new_total, pl.effect.old_taille,
                                                   pl.effect.new_taille, pl.effect.taille_overridden).c_str());
      if (ImGui::BeginChild("##epci_list", ImVec2(0, em(7)), true)) {
        for (const Commune& c : pl.added) ImGui::Text("+ %s (%s) — %s", c.name.c_str(), c.department.c_str(), people(c.population).c_str());
        for (const CommuneRefusal& r : pl.refused) ImGui::TextDisabled("= %s", refusal_text(r).c_str());
      }
      ImGui::EndChild();
      ImGui::BeginDisabled(pl.added.empty());
      if (ImGui::Button(T("communes.apply"))) {
        if (auto cmd = add_communes_command(pl, TN("cmd.add_communes", static_cast<long long>(pl.added.size()), pl.added.size()))) {
          say(o, TN("communes.epci_added", static_cast<long long>(pl.added.size()), pl.added.size()), false);
          s.doc.edit(std::move(*cmd));
        }
        o.epci_plan.reset();
        o.epci_open = false;
      }
      mark_item("territoire.epci_apply");
      ImGui::EndDisabled();
      ImGui::SameLine();
      if (ImGui::Button(T("communes.cancel"))) o.epci_plan.reset();
    }
    ImGui::Unindent();
  }

  if (o.update_plan) {
    const PopulationUpdatePlan& pl = *o.update_plan;
    ImGui::Indent();
    ImGui::TextUnformatted(TF("communes.update_preview", pl.changes.size(), pl.unchanged, pl.not_in_list.size()).c_str());
    mark_item("territoire.update_preview");
    ImGui::TextUnformatted(territory_effect_text(pl.effect.old_total, pl.effect.new_total, pl.effect.old_taille,
                                                 pl.effect.new_taille, pl.effect.taille_overridden).c_str());
    if (!pl.changes.empty() && ImGui::BeginChild("##update_list", ImVec2(0, em(7)), true)) {
      for (const PopulationChange& c : pl.changes)
        ImGui::Text("%s (%s) : %s → %s", c.name.c_str(), c.code.c_str(), people(c.old_population).c_str(), people(c.new_population).c_str());
      for (const std::string& n : pl.not_in_list) ImGui::TextDisabled("? %s", n.c_str());
    }
    if (!pl.changes.empty()) ImGui::EndChild();
    auto cmd = update_populations_command(pl, T("communes.update"));
    ImGui::BeginDisabled(!cmd);
    if (ImGui::Button(T("communes.apply")) && cmd) {
      s.doc.edit(std::move(*cmd));
      say(o, TN("communes.updated", static_cast<long long>(pl.changes.size()), pl.changes.size()), false);
      o.update_plan.reset();
    }
    mark_item("territoire.update_apply");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(T("communes.cancel"))) o.update_plan.reset();
    ImGui::Unindent();
  }
  ImGui::Spacing();
}

}  // namespace

void draw_panel_territoire(UiState& s) {
  CommuneView& view = s.panels.territoire.view;
  const Project& p = s.doc.project();
  const FundingResult& f = s.doc.derived.ceiling;
  panel_title(T("panel.territoire"), T("territoire.subtitle"));

  // Totals and taille first: that is what a team looks at.
  ImGui::Text("%s", TF("territoire.total", format_number_fr(static_cast<double>(f.population), 0).c_str(), p.territory.communes.size()).c_str());
  ImGui::SameLine(0, em(2));
  ImGui::Text("%s", TF("territoire.taille_computed", f.computed_taille).c_str());
  mark_item("territoire.taille");
  if (f.taille != f.computed_taille) {
    ImGui::SameLine(0, em(1));
    ImGui::TextColored(palette().warn, "%s", TF("territoire.taille_used", f.taille).c_str());
  }
  // For the browser tests (window.__stats on the web; nothing natively).
  platform::publish_stat("territoire_taille", f.taille);
  platform::publish_stat("territoire_communes", static_cast<double>(p.territory.communes.size()));
  // The year of the populations goes with the total (and into the documents, from the same field).
  if (!p.territory.population_source.empty()) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s", TF("communes.source_line", p.territory.population_source.c_str()).c_str());
    ImGui::PopTextWrapPos();
  }

  if (form_begin("##taille")) {
    form_label(T("territoire.override"), T("territoire.override_help"));
    std::vector<std::string> choices = {T("territoire.override_none"), "1", "2", "3", "4"};
    int picked = 0;
    if (widgets::combo("##override", p.territory.taille_override.taille, choices, &picked, em(10)))
      s.doc.edit(set_value<int>(T("cmd.edit_taille"), [](Project& q) { return &q.territory.taille_override.taille; }, picked));
    if (p.territory.taille_override.taille) {
      form_label(T("territoire.justification"));
      std::string str;
      if (widgets::text("##justification", p.territory.taille_override.justification, &str))
        s.doc.edit(set_value<std::string>(T("cmd.edit_taille"), [](Project& q) { return &q.territory.taille_override.justification; }, str));
      if (p.territory.taille_override.justification.empty()) widgets::mark_invalid(T("territoire.justification_required"));
    }
    form_label(T("territoire.population_source"));
    std::string src;
    if (widgets::text("##source", p.territory.population_source, &src))
      s.doc.edit(set_value<std::string>(T("cmd.edit_source"), [](Project& q) { return &q.territory.population_source; }, src));
    form_end();
  }

  section(T("territoire.communes"));
  draw_official_list(s, s.panels.territoire.official);
  ImGui::SetNextItemWidth(em(18));
  ImGui::InputTextWithHint("##filter", T("list.search"), &view.filter);
  ImGui::SameLine();
  TerritoireState& ts = s.panels.territoire;
  if (ImGui::Button(T("territoire.add"))) {
    Commune fresh;
    fresh.name = T("territoire.new_commune");
    s.doc.edit(insert_item<Commune>(T("cmd.add_commune"), list(&communes_of), p.territory.communes.size(), fresh));
    ts.focus_row = p.territory.communes.size();  // the new row, once the edit is applied after this frame
    view.filter.clear();                         // a filter could hide it
  }
  mark_item("territoire.add");
  rebuild(view, p, s.doc.history.revision());

  const std::vector<std::string>& duplicate_insee = view.duplicate_insee;

  ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate | ImGuiTableFlags_ScrollY |
                          ImGuiTableFlags_SizingStretchProp;
  float height = std::max(em(10), ImGui::GetContentRegionAvail().y);
  if (ImGui::BeginTable("##communes", 6, flags, ImVec2(0, height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(T("territoire.insee"), ImGuiTableColumnFlags_WidthFixed, em(6));
    ImGui::TableSetupColumn(T("territoire.name"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(T("territoire.department"), ImGuiTableColumnFlags_WidthFixed, em(6));
    ImGui::TableSetupColumn(T("territoire.population"), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending, em(8));
    ImGui::TableSetupColumn(T("territoire.row_source"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, row_buttons_width());
    ImGui::TableHeadersRow();
    view.sort = table_sort_spec(view.sort);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.rows.size()));
    if (s.jump && s.jump->ref.kind == ObjectKind::Commune)  // make sure the target row is drawn
      for (std::size_t r = 0; r < view.rows.size(); ++r)
        if (p.territory.communes[view.rows[r]].insee == s.jump->ref.id) clipper.IncludeItemByIndex(static_cast<int>(r));
    if (ts.focus_row)  // and the row just added
      for (std::size_t r = 0; r < view.rows.size(); ++r)
        if (view.rows[r] == *ts.focus_row) clipper.IncludeItemByIndex(static_cast<int>(r));
    while (clipper.Step()) {
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        std::size_t i = view.rows[static_cast<std::size_t>(r)];
        const Commune& c = p.territory.communes[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::TableNextRow();
        if (s.is_jump_target(ObjectKind::Commune, c.insee)) {
          ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImVec4(1, 0.85f, 0.3f, 0.6f)));
          ImGui::SetScrollHereY();
        }
        std::string str;
        long long n;
        ImGui::TableNextColumn();
        if (ts.focus_row == i) {  // the row just added: in view, its INSEE code ready to be typed
          ImGui::SetScrollHereY(1.0f);
          ImGui::SetKeyboardFocusHere();
          ts.focus_row.reset();
        }
        // A value the loader would refuse ("ABC", "7115") is refused by History: the field keeps
        // the text with the loader's message, and nothing is committed (issue #13).
        if (widgets::text("##insee", c.insee, &str)) s.doc.edit(set_value(T("cmd.edit_commune"), item_field(&communes_of, i, &Commune::insee), str));
        mark_item(("territoire.insee." + std::to_string(i)).c_str());
        if (std::find(duplicate_insee.begin(), duplicate_insee.end(), c.insee) != duplicate_insee.end())
          widgets::mark_invalid(T("territoire.duplicate"));
        ImGui::TableNextColumn();
        if (widgets::text("##name", c.name, &str)) s.doc.edit(set_value(T("cmd.edit_commune"), item_field(&communes_of, i, &Commune::name), str));
        ImGui::TableNextColumn();
        // A department typed as its name is understood when unambiguous ("Saône-et-Loire" → 71).
        if (widgets::text("##dep", c.department, &str))
          s.doc.edit(set_value(T("cmd.edit_commune"), item_field(&communes_of, i, &Commune::department), department_code(str).value_or(str)));
        mark_item(("territoire.dep." + std::to_string(i)).c_str());
        ImGui::TableNextColumn();
        if (widgets::integer("##pop", c.population, &n, 0, 10'000'000))
          s.doc.edit(set_value(T("cmd.edit_population"), item_field(&communes_of, i, &Commune::population), n));
        std::string pid = "territoire.pop." + std::to_string(i);
        mark_item(pid.c_str());
        ImGui::TableNextColumn();
        // The row's own population source (a unit typed by hand: IRIS, quartier...); a commune
        // from the official list carries the list's provenance. Empty: the territory's source.
        if (widgets::text("##src", c.source, &str, 0, T("territoire.row_source_hint")))
          s.doc.edit(set_value(T("cmd.edit_commune"), item_field(&communes_of, i, &Commune::source), str));
        mark_item(("territoire.source." + std::to_string(i)).c_str());
        if (c.source.empty() && ImGui::IsItemHovered() && !p.territory.population_source.empty())
          ImGui::SetTooltip("%s", TF("territoire.row_source_default", p.territory.population_source.c_str()).c_str());
        ImGui::TableNextColumn();
        RowAction ra = row_buttons(i, p.territory.communes.size());
        if (ra == RowAction::None) ra = row_context_menu(i, p.territory.communes.size());  // right click / long press
        apply_row_action(s.doc, ra, edits::ListKind::Communes, i, T("what.commune"));
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }
}

}  // namespace cpts::ui
