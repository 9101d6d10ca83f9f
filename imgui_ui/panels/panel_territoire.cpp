// Territoire: the communes (INSEE code, name, department, population) in a searchable, sortable
// table that stays smooth with hundreds of rows (clipping), the total population, the taille the
// catalogue gives and an explicit, justified override.
#include "rules/departments.hpp"
#include <algorithm>
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "edit_helpers.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "panel_common.hpp"
#include "row_menu.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace cpts::ui {

namespace {

// Filtered and sorted row order, rebuilt only when the project, the filter or the sort changed.
struct CommuneView {
  std::uint64_t revision = 0;
  std::string filter, applied_filter;
  SortSpec sort{-1, true}, applied_sort{-2, true};  // -1 = the order of the project (no sort)
  std::vector<std::size_t> rows;
  std::vector<std::string> duplicate_insee;  // INSEE codes given to more than one commune
};

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
    if (matches_filter(c[i].name + " " + c[i].insee + " " + c[i].department, v.filter)) v.rows.push_back(i);
  auto key = [&](std::size_t a, std::size_t b) {
    switch (v.sort.column) {
      case 0: return c[a].insee < c[b].insee;
      case 1: return c[a].name < c[b].name;
      case 2: return c[a].department < c[b].department;
      case 3: return c[a].population < c[b].population;
      default: return a < b;  // data order
    }
  };
  if (v.sort.column >= 0 && v.sort.column <= 3)
    std::stable_sort(v.rows.begin(), v.rows.end(), [&](std::size_t a, std::size_t b) { return v.sort.ascending ? key(a, b) : key(b, a); });
  v.revision = revision;
  v.applied_filter = v.filter;
  v.applied_sort = v.sort;
}

}  // namespace

void draw_panel_territoire(UiState& s) {
  static CommuneView view;
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
  ImGui::SetNextItemWidth(em(18));
  ImGui::InputTextWithHint("##filter", T("list.search"), &view.filter);
  ImGui::SameLine();
  if (ImGui::Button(T("territoire.add")))
    s.doc.edit(insert_item<Commune>(T("cmd.add_commune"), list(&communes_of), p.territory.communes.size(), {"", T("territoire.new_commune"), "", 0}));
  mark_item("territoire.add");
  rebuild(view, p, s.doc.history.revision());

  const std::vector<std::string>& duplicate_insee = view.duplicate_insee;

  ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate | ImGuiTableFlags_ScrollY |
                          ImGuiTableFlags_SizingStretchProp;
  float height = std::max(em(10), ImGui::GetContentRegionAvail().y);
  if (ImGui::BeginTable("##communes", 5, flags, ImVec2(0, height))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(T("territoire.insee"), ImGuiTableColumnFlags_WidthFixed, em(6));
    ImGui::TableSetupColumn(T("territoire.name"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(T("territoire.department"), ImGuiTableColumnFlags_WidthFixed, em(6));
    ImGui::TableSetupColumn(T("territoire.population"), ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_PreferSortDescending, em(8));
    ImGui::TableSetupColumn("##actions", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, row_buttons_width());
    ImGui::TableHeadersRow();
    view.sort = table_sort_spec(view.sort);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.rows.size()));
    if (s.jump && s.jump->ref.kind == ObjectKind::Commune)  // make sure the target row is drawn
      for (std::size_t r = 0; r < view.rows.size(); ++r)
        if (p.territory.communes[view.rows[r]].insee == s.jump->ref.id) clipper.IncludeItemByIndex(static_cast<int>(r));
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
