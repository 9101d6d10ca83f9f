// Welcome screen: a short guided start (name, communes and population, signature date → taille
// and deadlines shown at once, socle missions preselected), the sample CPTS, and the last project.
#include <algorithm>
#include <imgui_internal.h>

#include "fitted_text.hpp"
#include "commune_picker.hpp"
#include "communes_source.hpp"
#include "edit/territory_edits.hpp"
#include "rules/departments.hpp"
#include "edit_helpers.hpp"
#include "fonts.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "panel_common.hpp"
#include "io/project_json.hpp"
#include "io/samples.hpp"
#include "sample_source.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace cpts::ui {

namespace {

void guided_start(UiState& s) {
  auto& d = s.draft;
  section(T("welcome.new"));
  ImGui::TextWrapped("%s", T("welcome.new_help"));
  if (form_begin("##draft")) {
    std::string str;
    form_label(T("projet.name"));
    if (widgets::text("##dname", d.name, &str)) d.name = str;
    mark_item("welcome.name");
    form_label(T("projet.signature"), T("projet.signature_help"));
    Date dt;
    if (widgets::date("##dsignature", d.signature, &dt, true, em(12), "welcome.signature")) d.signature = dt;
    mark_item("welcome.signature");
    form_label(T("projet.catalogue"));
    const auto& cats = builtin_catalogues();
    std::vector<std::string> names;
    int current = 0, picked = 0;
    for (std::size_t i = 0; i < cats.size(); ++i) {
      names.push_back(label_of(cats[i]));
      if (cats[i].id == d.catalogue) current = static_cast<int>(i);
    }
    if (widgets::combo("##dcat", current, names, &picked, em(20))) d.catalogue = cats[static_cast<std::size_t>(picked)].id;
    form_end();
  }
  ImGui::TextUnformatted(T("welcome.communes"));
  WelcomeState& ws = s.panels.welcome;
  if (ImGui::BeginTable("##dcommunes", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(T("territoire.insee"), ImGuiTableColumnFlags_WidthFixed, em(6));
    ImGui::TableSetupColumn(T("territoire.name"), ImGuiTableColumnFlags_WidthStretch);
    // Fixed columns as wide as their header ("Dépt", "Population") and values need: the commune's
    // name column keeps the rest ("Commune" was cut by 21 px at 1366 px and 150 %).
    ImGui::TableSetupColumn(T("territoire.department"), ImGuiTableColumnFlags_WidthFixed, em(3.5f));
    ImGui::TableSetupColumn(T("territoire.population"), ImGuiTableColumnFlags_WidthFixed, em(6.5f));
    ImGui::TableSetupColumn("##x", ImGuiTableColumnFlags_WidthFixed, button_width(T("list.delete_short")));  // "Suppr." whole
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < d.communes.size(); ++i) {
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      std::string str;
      long long n;
      ImGui::TableNextColumn();
      if (ws.focus_commune == i) {  // the row just added: type its code right away
        ImGui::SetKeyboardFocusHere();
        ws.focus_commune.reset();
      }
      if (widgets::text("##insee", d.communes[i].insee, &str)) d.communes[i].insee = str;
      mark_item(("welcome.insee" + std::to_string(i)).c_str());
      ImGui::TableNextColumn();
      if (widgets::text("##name", d.communes[i].name, &str)) d.communes[i].name = str;
      ImGui::TableNextColumn();
      // A department typed as its name is understood when unambiguous ("Saône-et-Loire" → 71).
      if (widgets::text("##dep", d.communes[i].department, &str)) d.communes[i].department = department_code(str).value_or(str);
      mark_item(("welcome.dep" + std::to_string(i)).c_str());
      ImGui::TableNextColumn();
      if (widgets::integer("##pop", d.communes[i].population, &n, 0, 10'000'000)) d.communes[i].population = n;
      std::string pid = "welcome.population" + std::to_string(i);
      mark_item(pid.c_str());
      ImGui::TableNextColumn();
      // Out of the Tab order: Tab from a population goes to the next row, and Enter typed after
      // it never deletes a row; a click does.
      ImGui::PushTabStop(false);
      bool del = ImGui::SmallButton(T("list.delete_short"));
      ImGui::PopTabStop();
      mark_item(("welcome.delete" + std::to_string(i)).c_str());
      if (del) {
        d.communes.erase(d.communes.begin() + static_cast<long>(i));
        ImGui::PopID();
        break;
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (ImGui::SmallButton(T("welcome.add_commune"))) {
    d.communes.push_back(Commune{});
    ws.focus_commune = d.communes.size() - 1;
    ws.scroll_to_add = 3;  // the focus scrolls to the row; keep the button under it in view too
  }
  mark_item("welcome.add_commune");
  if (ws.scroll_to_add > 0) {
    ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
    --ws.scroll_to_add;
  }
  // Or from the official list (issue #15); a commune already in the draft is refused.
  CommunePicker& picker = s.panels.welcome.picker;
  std::string& picker_message = s.panels.welcome.picker_message;
  if (const RefCommune* c = commune_picker(picker, "welcome.communes_search")) {
    Project draft;
    draft.territory.communes = d.communes;
    TerritoryAddPlan plan = plan_add_communes(draft, *communes::index(), {c->code});
    if (!plan.added.empty()) {
      // A blank row left by "Ajouter une commune" gives way to the chosen one.
      d.communes.erase(std::remove_if(d.communes.begin(), d.communes.end(),
                                      [](const Commune& x) { return x.insee.empty() && x.name.empty() && x.population == 0; }),
                       d.communes.end());
      d.communes.insert(d.communes.end(), plan.added.begin(), plan.added.end());
      picker.query.clear();
      picker_message.clear();
    } else if (!plan.refused.empty()) {
      picker_message = refusal_text(plan.refused[0]);
    }
  }
  if (!picker_message.empty()) ImGui::TextColored(palette().warn, "%s", picker_message.c_str());

  // What the engine says right away: taille and the ACI deadlines.
  const Catalogue* cat = find_catalogue(d.catalogue);
  if (!cat) return;
  Project preview = new_project(d.name, d.signature, *cat);
  preview.territory.communes = d.communes;
  if (const CommuneIndex* idx = communes::index()) {  // communes from the list: say the year of their populations
    bool from_list = !d.communes.empty();
    for (const Commune& c : d.communes) {
      const RefCommune* r = idx->find(c.insee);
      from_list = from_list && r && r->population == c.population;
    }
    if (from_list) preview.territory.population_source = idx->provenance();
  }
  long long pop = preview.territory.total_population();
  int taille = taille_for_population(*cat, pop);
  ImGui::Spacing();
  ImGui::Text("%s", TF("welcome.preview_taille", format_number_fr(static_cast<double>(pop), 0).c_str(), taille).c_str());
  mark_item("welcome.taille");
  if (d.signature.valid()) {
    for (const MissionDeadline& md : mission_deadlines(preview, *cat)) {
      if (!md.start_by.valid()) continue;
      bullet_wrapped(mission_short(preview, md.mission) + " : " +
                     TF("missions.deadlines", format_fr(md.start_by).c_str(), format_fr(md.deployed_by).c_str()));
    }
    FundingResult f = simulate(preview, *cat, Scenario::Ceiling);
    ImGui::Text("%s", TF("welcome.preview_year2", format_eur(f.years[1].total()).c_str()).c_str());
  }
  bool ready = !d.name.empty() && d.signature.valid() && pop > 0;
  ImGui::BeginDisabled(!ready);
  if (ImGui::Button(T("welcome.create"), ImVec2(em(14), 0))) {
    s.doc.load(preview, "");
    s.draft = UiState::NewProject{};
    s.go(PanelId::Missions);
    s.status = T("status.created");
  }
  mark_item("welcome.create");
  ImGui::EndDisabled();
  if (!ready) {  // beside the button when it fits, else under it; wrapped at the column's edge
    same_line_if_fits(ImGui::CalcTextSize(T("welcome.create_needs")).x);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextDisabled("%s", T("welcome.create_needs"));
    ImGui::PopTextWrapPos();
  }
}

}  // namespace

void draw_welcome(UiState& s) {
  ImGui::PushFont(bold_font());
  ImGui::SetWindowFontScale(1.4f);
  ImGui::TextUnformatted(T("app.name"));
  ImGui::SetWindowFontScale(1.0f);
  ImGui::PopFont();
  ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + em(45));
  ImGui::TextWrapped("%s", T("welcome.intro"));
  ImGui::PopTextWrapPos();
  if (s.doc.open) {
    if (ImGui::Button(TF("welcome.back_to", s.doc.project().identity.name.c_str()).c_str())) s.welcome = false;
  }

  if (ImGui::BeginTable("##welcome", 2, ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerV)) {
    ImGui::TableSetupColumn("new", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn("open", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    guided_start(s);
    ImGui::TableNextColumn();
    section(T("welcome.samples"));
    ImGui::TextWrapped("%s", T("welcome.samples_help"));
    // Names read once: parsing the samples every frame would waste the frame budget.
    static const std::vector<std::pair<std::string, std::string>> samples = [] {
      std::vector<std::pair<std::string, std::string>> out;
      for (const std::string& id : sample_ids()) out.push_back({id, sample_name(id)});
      return out;
    }();
    for (const auto& [id, name] : samples) {
      std::string label = name + "##" + id;
      // Not in the page (src/io/samples.hpp): the App fetches it (web) or reads it, then opens it.
      if (ImGui::Button(label.c_str(), ImVec2(-FLT_MIN, 0))) s.request({ActionKind::OpenSample, 0, id});
      std::string mid = "welcome.sample." + id;
      mark_item(mid.c_str());
      if (samples::loading() == id) ImGui::TextDisabled("%s", TF("welcome.sample_loading", name.c_str()).c_str());
    }
    section(T("welcome.open"));
    if (ImGui::Button(T("welcome.open_file"), ImVec2(-FLT_MIN, 0))) s.request({ActionKind::Open});
    if (s.has_last_project) {
      if (ImGui::Button(TF("welcome.reopen", s.last_project_name.c_str()).c_str(), ImVec2(-FLT_MIN, 0))) s.request({ActionKind::ReopenLast});
      mark_item("welcome.reopen");
    }
    ImGui::EndTable();
  }
}

}  // namespace cpts::ui
