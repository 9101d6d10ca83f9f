// Missions et actions: each ACI mission with its deadlines (computed from the signature), whether
// the CPTS takes it, its planned start and full deployment, and its fiches-actions (objective,
// pilot, partners, target population, dates, status, budget lines, indicators).
#include <algorithm>

#include "fitted_text.hpp"
#include "edit_helpers.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "panel_common.hpp"
#include "row_menu.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace cpts::ui {

namespace {

const ImVec4 kLate(0.80f, 0.10f, 0.10f, 1.0f);

std::vector<std::string> status_labels() {
  return {T("status.planned"), T("status.in_progress"), T("status.done"), T("status.abandoned")};
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& x : v) out += (out.empty() ? "" : " ; ") + x;
  return out;
}
std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    std::size_t end = s.find(';', start);
    std::string part = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
    part.erase(0, part.find_first_not_of(' '));
    part.erase(part.find_last_not_of(' ') + 1);
    if (!part.empty()) out.push_back(part);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

void mission_list(UiState& s) {
  const Project& p = s.doc.project();
  const Catalogue& cat = catalogue_for(p);
  for (const MissionDeadline& d : s.doc.derived.ceiling.deadlines) {
    const CatalogueMission* cm = cat.mission(d.mission);
    const ProjectMission* pm = p.find_mission(d.mission);
    bool chosen = pm && pm->chosen;
    std::string label = mission_short(p, d.mission);
    int n_actions = static_cast<int>(std::count_if(p.actions.begin(), p.actions.end(), [&](const Action& a) { return a.mission == d.mission; }));
    ImGui::PushID(d.mission.c_str());
    bool b;
    if (widgets::checkbox("##chosen", chosen, &b)) {
      if (pm) {
        s.doc.edit(set_value(b ? T("cmd.choose_mission") : T("cmd.unchoose_mission"), mission_field(d.mission, &ProjectMission::chosen), b));
      } else {
        ProjectMission m;
        m.mission = d.mission;
        m.chosen = b;
        s.doc.edit(insert_item<ProjectMission>(T("cmd.choose_mission"), [](Project& q) { return &q.missions; }, p.missions.size(), m));
      }
    }
    std::string cid = "missions.choose." + d.mission;
    mark_item(cid.c_str());
    ImGui::SameLine();
    std::string text = label + (cm->socle ? "" : std::string(" ") + T("missions.optional_tag")) + "  (" + std::to_string(n_actions) + ")";
    if (d.start_late || d.deploy_late) ImGui::PushStyleColor(ImGuiCol_Text, kLate);
    if (selectable_fitted(text, "sel", s.sel_mission == d.mission)) s.sel_mission = d.mission;
    if (d.start_late || d.deploy_late) ImGui::PopStyleColor();
    std::string sid = "missions.select." + d.mission;
    mark_item(sid.c_str());
    ImGui::PopID();
  }
}

void mission_detail(UiState& s, const MissionDeadline& d) {
  const Project& p = s.doc.project();
  const Catalogue& cat = catalogue_for(p);
  const CatalogueMission* cm = cat.mission(d.mission);
  const ProjectMission* pm = p.find_mission(d.mission);
  // Wrapped at the pane's edge: beside the list at 1366 px and 150 % the deadline line ran past it.
  ImGui::PushTextWrapPos(0);
  ImGui::TextUnformatted(label_of(*cm).c_str());
  ImGui::TextDisabled("%s", cm->socle ? T("missions.socle") : T("missions.optional"));
  if (d.start_by.valid())
    ImGui::TextUnformatted(sentence_start(TF("missions.deadlines", format_fr(d.start_by).c_str(), format_fr(d.deployed_by).c_str())).c_str());  // a line of its own
  if (cm->in_force_from.valid() && d.reference != p.contract.signature)
    ImGui::TextDisabled("%s", TF("missions.in_force", format_fr(cm->in_force_from).c_str()).c_str());
  ImGui::PopTextWrapPos();
  if (!pm || !pm->chosen) {
    ImGui::TextColored(cm->socle ? kLate : palette().muted, "%s", cm->socle ? T("missions.socle_not_chosen") : T("missions.not_chosen"));
    return;
  }
  if (form_begin("##dates")) {
    Date dt;
    form_label(T("missions.start"));
    if (widgets::date("##start", pm->start, &dt, true, em(12))) s.doc.edit(set_value(T("cmd.edit_mission_start"), mission_field(d.mission, &ProjectMission::start), dt));
    if (d.start_late) widgets::mark_invalid(TF("missions.start_late", format_fr(d.start_by).c_str()));
    form_label(T("missions.deployed"));
    if (widgets::date("##deployed", pm->deployed, &dt, true, em(12)))
      s.doc.edit(set_value(T("cmd.edit_mission_deployed"), mission_field(d.mission, &ProjectMission::deployed), dt));
    if (d.deploy_late) widgets::mark_invalid(TF("missions.deploy_late", format_fr(d.deployed_by).c_str()));
    form_label(T("missions.notes"));
    std::string str;
    if (widgets::text_multiline("##notes", pm->notes, &str, 3)) s.doc.edit(set_value(T("cmd.edit_mission_notes"), mission_field(d.mission, &ProjectMission::notes), str));
    form_end();
  }
}

void action_form(UiState& s, const Action& a) {
  const Project& p = s.doc.project();
  const std::string id = a.id;
  std::string str;
  Date dt;
  if (s.is_jump_target(ObjectKind::Action, id)) ImGui::SetScrollHereY();
  if (!form_begin("##action")) return;
  form_label(T("action.title"));
  if (widgets::text("##title", a.title, &str)) s.doc.edit(set_value(T("cmd.edit_action"), action_field(id, &Action::title), str));
  mark_item("action.title");
  if (a.title.empty()) widgets::mark_invalid(T("action.title_required"));
  form_label(T("action.objective"));
  if (widgets::text_multiline("##objective", a.objective, &str, 4)) s.doc.edit(set_value(T("cmd.edit_action"), action_field(id, &Action::objective), str));
  mark_item("action.objective");
  form_label(T("action.pilot"));
  if (widgets::text("##pilot", a.pilot, &str)) s.doc.edit(set_value(T("cmd.edit_action"), action_field(id, &Action::pilot), str));
  form_label(T("action.partners"), T("action.partners_help"));
  if (widgets::text("##partners", join(a.partners), &str)) s.doc.edit(set_value(T("cmd.edit_action"), action_field(id, &Action::partners), split(str)));
  form_label(T("action.target"));
  if (widgets::text("##target", a.target_population, &str)) s.doc.edit(set_value(T("cmd.edit_action"), action_field(id, &Action::target_population), str));
  form_label(T("action.start"));
  if (widgets::date("##astart", a.start, &dt, true, em(12))) s.doc.edit(set_value(T("cmd.edit_action"), action_field(id, &Action::start), dt));
  form_label(T("action.end"));
  if (widgets::date("##aend", a.end, &dt, true, em(12))) s.doc.edit(set_value(T("cmd.edit_action"), action_field(id, &Action::end), dt));
  if (a.start.valid() && a.end.valid() && a.end < a.start) widgets::mark_invalid(T("action.end_before_start"));
  form_label(T("action.status"));
  int picked = 0;
  if (widgets::combo("##status", static_cast<int>(a.status), status_labels(), &picked, em(12)))
    s.doc.edit(set_value(T("cmd.edit_action"), action_field(id, &Action::status), static_cast<ActionStatus>(picked)));
  form_label(T("action.comments"));
  if (widgets::text_multiline("##comments", a.comments, &str, 3)) s.doc.edit(set_value(T("cmd.edit_action"), action_field(id, &Action::comments), str));
  mark_item("action.comments");
  form_end();

  // Budget lines of the fiche-action.
  ImGui::TextUnformatted(T("action.budget"));
  Cents total = 0;
  const Locate<std::vector<BudgetLine>> budget_of = [id](Project& q) -> std::vector<BudgetLine>* {
    for (auto& x : q.actions)
      if (x.id == id) return &x.budget;
    return nullptr;
  };
  if (ImGui::BeginTable("##budget", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(T("action.budget_label"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(T("action.budget_year"), ImGuiTableColumnFlags_WidthFixed, em(5));
    ImGui::TableSetupColumn(T("action.budget_amount"), ImGuiTableColumnFlags_WidthFixed, em(9));
    ImGui::TableSetupColumn("##x", ImGuiTableColumnFlags_WidthFixed, row_buttons_width());
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < a.budget.size(); ++i) {
      const BudgetLine& b = a.budget[i];
      total += b.cents;
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      auto line = [id, i](Project& q) -> BudgetLine* {
        for (auto& x : q.actions)
          if (x.id == id && i < x.budget.size()) return &x.budget[i];
        return nullptr;
      };
      long long n;
      Cents c;
      ImGui::TableNextColumn();
      if (widgets::text("##label", b.label, &str)) {
        BudgetLine nb = b;
        nb.label = str;
        s.doc.edit(set_value<BudgetLine>(T("cmd.edit_budget"), line, nb));
      }
      ImGui::TableNextColumn();
      if (widgets::integer("##year", b.year, &n, 1, kContractYears)) {
        BudgetLine nb = b;
        nb.year = static_cast<int>(n);
        s.doc.edit(set_value<BudgetLine>(T("cmd.edit_budget"), line, nb));
      }
      ImGui::TableNextColumn();
      if (widgets::money("##amount", b.cents, &c)) {
        BudgetLine nb = b;
        nb.cents = c;
        s.doc.edit(set_value<BudgetLine>(T("cmd.edit_budget"), line, nb));
      }
      ImGui::TableNextColumn();
      const std::string mark = "budget_line." + std::to_string(i);
      apply_row_action(s.doc, row_buttons(i, a.budget.size(), true, mark.c_str()), budget_of, i, T("what.budget_line"));
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (ImGui::SmallButton(T("action.add_budget")))
    s.doc.edit(insert_item<BudgetLine>(T("cmd.add_budget"), budget_of, a.budget.size(), {T("action.budget_new"), 1, 0}));
  const std::string budget_total = TF("action.budget_total", format_eur(total).c_str());
  same_line_if_fits(ImGui::CalcTextSize(budget_total.c_str()).x);
  ImGui::TextDisabled("%s", budget_total.c_str());

  // Indicators of the action, edited in the Indicateurs panel.
  ImGui::Spacing();
  ImGui::TextUnformatted(T("action.indicators"));
  int n = 0;
  for (const Indicator& ind : p.indicators) {
    if (ind.action != id) continue;
    ++n;
    ImGui::PushID(ind.id.c_str());
    std::string line = "• " + ind.label + "  —  " + format_eur(ind.max_cents());
    if (selectable_fitted(line, "indicator", false)) {  // a long label cut with "…"
      s.sel_indicator = ind.id;
      s.go(PanelId::Indicateurs);
    }
    ImGui::PopID();
  }
  if (!n) ImGui::TextColored(palette().warn, "%s", T("action.no_indicator"));
  if (ImGui::Button(T("action.add_indicator"))) {
    Indicator ind;
    ind.id = fresh_id(p, 'I');
    ind.action = id;
    ind.label = T("indicator.new");
    ind.kind = IndicatorKind::Deliverable;
    s.doc.edit(insert_item<Indicator>(T("cmd.add_indicator"), list(&indicators_of), p.indicators.size(), ind));
    s.sel_indicator = ind.id;
  }
  mark_item("action.add_indicator");
}

void actions(UiState& s, const std::string& mission) {
  const Project& p = s.doc.project();
  section(T("missions.actions"));
  if (ImGui::Button(T("missions.add_action"))) {
    Action a;
    a.id = fresh_id(p, 'A');
    a.mission = mission;
    a.title = T("action.new");
    const ProjectMission* pm = p.find_mission(mission);
    if (pm) a.start = pm->start;
    s.doc.edit(insert_item<Action>(T("cmd.add_action"), list(&actions_of), p.actions.size(), a));
    s.sel_action = a.id;
  }
  mark_item("missions.add_action");
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < p.actions.size(); ++i)
    if (p.actions[i].mission == mission) rows.push_back(i);
  if (rows.empty()) {
    ImGui::TextColored(palette().warn, "%s", T("missions.no_action"));
    return;
  }
  // Show a fiche-action right away: the selected one if it belongs to this mission, else the first.
  // (An id not in the project yet is an action added this frame: keep it selected.)
  bool selection_here = false;
  for (std::size_t i : rows) selection_here = selection_here || p.actions[i].id == s.sel_action;
  bool just_added = !p.find_action(s.sel_action) && s.doc.has_pending();
  if (!selection_here && !just_added) s.sel_action = p.actions[rows[0]].id;
  const Action* selected = nullptr;
  int selected_row = -1;
  for (std::size_t k = 0; k < rows.size(); ++k)
    if (p.actions[rows[k]].id == s.sel_action) {
      selected = &p.actions[rows[k]];
      selected_row = static_cast<int>(k);
    }
  // A mission may hold hundreds of actions: the table scrolls within a few rows (the fiche-action
  // stays in view below it) and only the visible rows are drawn.
  const float row_h = ImGui::GetFrameHeight() + 2 * ImGui::GetStyle().CellPadding.y;
  const float table_h = std::min(em(15), row_h * static_cast<float>(rows.size() + 1) + 2);
  if (ImGui::BeginTable("##actions", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_ScrollY,
                        ImVec2(0, table_h))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(T("action.title"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(T("action.status"), ImGuiTableColumnFlags_WidthFixed, em(7));
    ImGui::TableSetupColumn("##rows", ImGuiTableColumnFlags_WidthFixed, row_buttons_width());
    ImGui::TableHeadersRow();
    auto labels = status_labels();
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.size()), row_h);
    if (selected && s.is_jump_target(ObjectKind::Action, selected->id)) clipper.IncludeItemByIndex(selected_row);  // a finding led here
    while (clipper.Step()) {
      for (std::size_t k = static_cast<std::size_t>(clipper.DisplayStart); k < static_cast<std::size_t>(clipper.DisplayEnd); ++k) {
        std::size_t i = rows[k];
        const Action& a = p.actions[i];
        ImGui::PushID(a.id.c_str());
        ImGui::TableNextRow(0, row_h - 2 * ImGui::GetStyle().CellPadding.y);
        ImGui::TableNextColumn();
        bool is_sel = s.sel_action == a.id;
        if (is_sel && s.is_jump_target(ObjectKind::Action, a.id)) ImGui::SetScrollHereY();
        if (selectable_fitted(a.title.empty() ? "…" : a.title, "title", is_sel)) s.sel_action = a.id;
        std::string row_id = "missions.action." + std::to_string(k);
        mark_item(row_id.c_str());
        ImGui::TableNextColumn();
        text_fitted(labels[static_cast<std::size_t>(a.status)]);
        ImGui::TableNextColumn();
        // Reordering moves the action among all actions of the project, next to its mission's neighbours.
        RowAction ra = row_buttons(k, rows.size());
        if (ra == RowAction::None) ra = row_context_menu(k, rows.size());  // right click / long press
        // Reordering moves the action among all actions of the project (next to its mission's
        // neighbours); deleting takes its indicators; duplicating copies them with fresh ids.
        if (ra == RowAction::Up) s.doc.edit(edits::move_item(edits::ListKind::Actions, i, rows[k - 1], T("cmd.up_action")));
        else if (ra == RowAction::Down) s.doc.edit(edits::move_item(edits::ListKind::Actions, i, rows[k + 1], T("cmd.down_action")));
        else if (ra == RowAction::Delete) s.doc.edit(edits::delete_item(p, edits::ListKind::Actions, i, std::string(T("cmd.delete_action")) + " « " + a.title + " »"));
        else if (ra == RowAction::Duplicate) s.doc.edit(edits::duplicate_item(p, edits::ListKind::Actions, i, T("cmd.duplicate_action"), T("action.copy_suffix")));
        ImGui::PopID();
      }
    }
    ImGui::EndTable();
  }
  if (selected) {
    ImGui::Spacing();
    ImGui::PushID(selected->id.c_str());
    action_form(s, *selected);
    ImGui::PopID();
  }
}

}  // namespace

void draw_panel_missions(UiState& s) {
  panel_title(T("panel.missions"), T("missions.subtitle"));
  const auto& deadlines = s.doc.derived.ceiling.deadlines;
  if (deadlines.empty()) return;
  if (ImGui::BeginTable("##layout", 2, ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV)) {
    ImGui::TableSetupColumn("list", ImGuiTableColumnFlags_WidthFixed, em(19));
    ImGui::TableSetupColumn("detail", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    mission_list(s);
    ImGui::TableNextColumn();
    auto it = std::find_if(deadlines.begin(), deadlines.end(), [&](const MissionDeadline& d) { return d.mission == s.sel_mission; });
    if (it == deadlines.end()) it = deadlines.begin();
    ImGui::PushID(it->mission.c_str());
    mission_detail(s, *it);
    const ProjectMission* pm = s.doc.project().find_mission(it->mission);
    if (pm && pm->chosen) actions(s, it->mission);
    ImGui::PopID();
    ImGui::EndTable();
  }
}

}  // namespace cpts::ui
