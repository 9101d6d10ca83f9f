// Indicateurs: every indicator of the project in a searchable, sortable table (clipped: the
// stress project has 5 000), and the selected one in full: type, unit, direction, baseline,
// targets per contract year, tiers and amounts (or one amount), evidence, source, actual values,
// the scenario probabilities, and its trajectory chart.
#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "fitted_text.hpp"
#include "charts.hpp"
#include "edit_helpers.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "panel_common.hpp"
#include "row_menu.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace cpts::ui {

namespace {

// (IndicatorView: panel_state.hpp, owned by UiState.)

std::string kind_label(IndicatorKind k) { return k == IndicatorKind::Deliverable ? T("indicator.deliverable") : T("indicator.result"); }

void rebuild(IndicatorView& v, const Project& p, std::uint64_t revision) {
  if (v.revision == revision && v.applied_filter == v.filter && v.applied_mission == v.mission && v.applied_sort.column == v.sort.column &&
      v.applied_sort.ascending == v.sort.ascending)
    return;
  std::unordered_map<std::string, const Action*> actions;
  for (const Action& a : p.actions) actions.emplace(a.id, &a);
  auto action_of = [&](const Indicator& i) -> const Action* {
    auto it = actions.find(i.action);
    return it == actions.end() ? nullptr : it->second;
  };
  v.rows.clear();
  v.action.assign(p.indicators.size(), nullptr);
  for (std::size_t i = 0; i < p.indicators.size(); ++i) {
    const Indicator& ind = p.indicators[i];
    const Action* a = v.action[i] = action_of(ind);
    if (!v.mission.empty() && (!a || a->mission != v.mission)) continue;
    if (!matches_filter(ind.label + " " + ind.id + " " + (a ? a->title : ""), v.filter)) continue;
    v.rows.push_back(i);
  }
  auto less = [&](std::size_t x, std::size_t y) {
    const Indicator &a = p.indicators[x], &b = p.indicators[y];
    switch (v.sort.column) {
      case 0: {
        const Action *aa = action_of(a), *ab = action_of(b);
        return (aa ? aa->mission + aa->title : std::string()) < (ab ? ab->mission + ab->title : std::string());
      }
      case 1: return a.label < b.label;
      case 2: return a.kind < b.kind;
      case 3: return a.max_cents() < b.max_cents();
      default: return x < y;
    }
  };
  if (v.sort.column >= 0 && v.sort.column <= 3)
    std::stable_sort(v.rows.begin(), v.rows.end(), [&](std::size_t a, std::size_t b) { return v.sort.ascending ? less(a, b) : less(b, a); });
  v.revision = revision;
  v.applied_filter = v.filter;
  v.applied_mission = v.mission;
  v.applied_sort = v.sort;
}

void year_values(UiState& s, const char* id, const Indicator& ind, std::map<int, double> Indicator::*member, const char* cmd) {
  const std::string iid = ind.id;
  if (!ImGui::BeginTable(id, kContractYears, ImGuiTableFlags_SizingStretchSame)) return;
  for (int y = 1; y <= kContractYears; ++y) ImGui::TableSetupColumn(TF("indicator.year_n", y).c_str());
  ImGui::TableHeadersRow();
  ImGui::TableNextRow();
  for (int y = 1; y <= kContractYears; ++y) {
    ImGui::TableNextColumn();
    ImGui::PushID(y);
    const auto& m = ind.*member;
    auto it = m.find(y);
    std::optional<double> cur = it == m.end() ? std::nullopt : std::optional<double>(it->second), out;
    if (widgets::number("##v", cur, &out)) {
      std::map<int, double> next = m;
      if (out) next[y] = *out;
      else next.erase(y);
      s.doc.edit(set_value(cmd, indicator_field(iid, member), next));
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void tiers_editor(UiState& s, const Indicator& ind) {
  const std::string iid = ind.id;
  Locate<std::vector<Tier>> tiers_of = [iid](Project& q) -> std::vector<Tier>* {
    for (auto& x : q.indicators)
      if (x.id == iid) return &x.tiers;
    return nullptr;
  };
  if (ImGui::BeginTable("##tiers", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn(T("indicator.tier_label"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(ind.direction == Direction::Up ? T("indicator.tier_threshold_up") : T("indicator.tier_threshold_down"),
                            ImGuiTableColumnFlags_WidthFixed, em(8));
    ImGui::TableSetupColumn(T("indicator.tier_amount"), ImGuiTableColumnFlags_WidthFixed, em(9));
    ImGui::TableSetupColumn("##x", ImGuiTableColumnFlags_WidthFixed, row_buttons_width());
    ImGui::TableHeadersRow();
    for (std::size_t i = 0; i < ind.tiers.size(); ++i) {
      const Tier& t = ind.tiers[i];
      ImGui::PushID(static_cast<int>(i));
      ImGui::TableNextRow();
      auto tier = [tiers_of, i](Project& q) -> Tier* {
        auto* v = tiers_of(q);
        return v && i < v->size() ? &(*v)[i] : nullptr;
      };
      std::string str;
      std::optional<double> num;
      Cents c;
      Tier nt = t;
      ImGui::TableNextColumn();
      if (widgets::text("##label", t.label, &str)) {
        nt.label = str;
        s.doc.edit(set_value<Tier>(T("cmd.edit_tier"), tier, nt));
      }
      ImGui::TableNextColumn();
      if (widgets::number("##threshold", t.threshold, &num, false)) {
        nt.threshold = *num;
        s.doc.edit(set_value<Tier>(T("cmd.edit_tier"), tier, nt));
      }
      ImGui::TableNextColumn();
      if (widgets::money("##amount", t.cents, &c)) {
        nt.cents = c;
        s.doc.edit(set_value<Tier>(T("cmd.edit_tier"), tier, nt));
      }
      ImGui::TableNextColumn();
      const std::string mark = "tier." + std::to_string(i);
      apply_row_action(s.doc, row_buttons(i, ind.tiers.size(), true, mark.c_str()), tiers_of, i, T("what.tier"));
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (ImGui::SmallButton(T("indicator.add_tier"))) {
    Tier t;
    t.label = ind.tiers.empty() ? T("indicator.tier_socle") : ind.tiers.size() == 1 ? T("indicator.tier_mid") : T("indicator.tier_goal");
    t.threshold = ind.baseline.value_or(0);
    s.doc.edit(insert_item<Tier>(T("cmd.add_tier"), tiers_of, ind.tiers.size(), t));
  }
  mark_item("indicator.add_tier");
}

void indicator_detail(UiState& s, const Indicator& ind) {
  const Project& p = s.doc.project();
  const std::string iid = ind.id;
  const Action* a = p.find_action(ind.action);
  std::string str;
  int picked = 0;
  if (a) ImGui::TextDisabled("%s", (mission_short(p, a->mission) + " › " + a->title).c_str());
  if (!form_begin("##indicator")) return;
  form_label(T("indicator.label"));
  if (widgets::text("##label", ind.label, &str)) s.doc.edit(set_value(T("cmd.edit_indicator"), indicator_field(iid, &Indicator::label), str));
  mark_item("indicator.label");
  form_label(T("indicator.action"));
  {
    std::vector<std::string> names;
    int current = -1;
    for (std::size_t i = 0; i < p.actions.size(); ++i) {
      names.push_back(mission_short(p, p.actions[i].mission) + " › " + p.actions[i].title);
      if (p.actions[i].id == ind.action) current = static_cast<int>(i);
    }
    if (widgets::combo("##action", current, names, &picked))
      s.doc.edit(set_value(T("cmd.edit_indicator"), indicator_field(iid, &Indicator::action), p.actions[static_cast<std::size_t>(picked)].id));
  }
  form_label(T("indicator.kind"), T("indicator.kind_help"));
  if (widgets::combo("##kind", static_cast<int>(ind.kind), {T("indicator.deliverable"), T("indicator.result")}, &picked, em(14)))
    s.doc.edit(set_value(T("cmd.edit_indicator"), indicator_field(iid, &Indicator::kind), static_cast<IndicatorKind>(picked)));
  form_label(T("indicator.unit"));
  if (widgets::text("##unit", ind.unit, &str, em(10))) s.doc.edit(set_value(T("cmd.edit_indicator"), indicator_field(iid, &Indicator::unit), str));
  form_label(T("indicator.direction"));
  if (widgets::combo("##direction", static_cast<int>(ind.direction), {T("indicator.up"), T("indicator.down")}, &picked, em(14)))
    s.doc.edit(set_value(T("cmd.edit_indicator"), indicator_field(iid, &Indicator::direction), static_cast<Direction>(picked)));
  form_label(T("indicator.baseline"));
  std::optional<double> num;
  if (widgets::number("##baseline", ind.baseline, &num, true, em(10))) s.doc.edit(set_value(T("cmd.edit_indicator"), indicator_field(iid, &Indicator::baseline), num));
  if (ind.kind == IndicatorKind::Result && !ind.baseline) widgets::mark_invalid(T("indicator.baseline_required"));
  form_label(T("indicator.evidence"));
  if (widgets::text("##evidence", ind.evidence, &str)) s.doc.edit(set_value(T("cmd.edit_indicator"), indicator_field(iid, &Indicator::evidence), str));
  form_label(T("indicator.source"));
  if (widgets::text("##source", ind.source, &str)) s.doc.edit(set_value(T("cmd.edit_indicator"), indicator_field(iid, &Indicator::source), str));
  form_end();

  section(T("indicator.targets"));
  year_values(s, "##targets", ind, &Indicator::targets, T("cmd.edit_target"));
  if (ind.kind == IndicatorKind::Result && ind.targets.empty() && ind.tiers.empty()) widgets::mark_invalid(T("indicator.target_required"));

  section(T("indicator.payment"));
  bool tiered = !ind.tiers.empty();
  if (ImGui::RadioButton(T("indicator.single_amount"), !tiered) && tiered)
    s.doc.edit(set_value(T("cmd.edit_indicator"), indicator_field(iid, &Indicator::tiers), std::vector<Tier>{}));
  ImGui::SameLine();
  if (ImGui::RadioButton(T("indicator.tiered"), tiered) && !tiered) {
    Tier t{T("indicator.tier_goal"), ind.targets.empty() ? ind.baseline.value_or(0) : ind.targets.rbegin()->second, ind.cents};
    s.doc.edit(set_value(T("cmd.edit_indicator"), indicator_field(iid, &Indicator::tiers), std::vector<Tier>{t}));
  }
  if (tiered) {
    tiers_editor(s, ind);
  } else if (form_begin("##single")) {
    Cents c;
    form_label(T("indicator.amount"));
    if (widgets::money("##amount", ind.cents, &c, 0, euros(10'000'000), em(10))) s.doc.edit(set_value(T("cmd.edit_indicator"), indicator_field(iid, &Indicator::cents), c));
    mark_item("indicator.amount");
    if (ind.kind == IndicatorKind::Result) {
      form_label(T("indicator.partial"), T("indicator.partial_help"));
      bool b;
      if (widgets::checkbox("##partial", ind.partial == Partial::Linear, &b))
        s.doc.edit(set_value(T("cmd.edit_indicator"), indicator_field(iid, &Indicator::partial), b ? Partial::Linear : Partial::None));
    }
    form_end();
  }

  section(T("indicator.actuals"));
  year_values(s, "##actuals", ind, &Indicator::actuals, T("cmd.edit_actual"));
  ImGui::TextDisabled("%s", ind.kind == IndicatorKind::Deliverable ? T("indicator.actuals_help_deliverable") : T("indicator.actuals_help"));
  // Evidence received per year (checklist of the annual report).
  for (int y = 1; y <= kContractYears; ++y) {
    if (y > 1) ImGui::SameLine();
    auto it = ind.evidence_received.find(y);
    bool got = it != ind.evidence_received.end() && it->second, b;
    ImGui::PushID(100 + y);
    if (widgets::checkbox(TF("indicator.evidence_year", y).c_str(), got, &b)) {
      std::map<int, bool> next = ind.evidence_received;
      next[y] = b;
      s.doc.edit(set_value(T("cmd.edit_evidence"), indicator_field(iid, &Indicator::evidence_received), next));
    }
    ImGui::PopID();
  }
  for (int y = 1; y <= kContractYears; ++y) {
    auto it = ind.actuals.find(y);
    if (it == ind.actuals.end()) continue;
    ImGui::Text("%s", TF("indicator.earned", y, format_eur(indicator_payment(ind, y, it->second)).c_str()).c_str());
  }

  section(T("indicator.assumptions"));
  ImGui::TextDisabled("%s", T("indicator.assumptions_help"));
  // Each hypothesis is a whole percentage; one slider released = one edit (one undo step).
  const Assumptions& as = ind.assumptions;
  const struct {
    const char* label;
    double Assumptions::*field;
    const char* mark;
  } hypotheses[] = {{"scenario.pessimistic", &Assumptions::pessimistic, "indicator.assumption.pessimistic"},
                    {"scenario.realistic", &Assumptions::realistic, "indicator.assumption.realistic"},
                    {"scenario.optimistic", &Assumptions::optimistic, "indicator.assumption.optimistic"}};
  for (const auto& h : hypotheses) {
    if (&h != hypotheses) ImGui::SameLine();
    int percent = 0;
    if (widgets::slider_int(T(h.label), static_cast<int>(std::lround(as.*h.field * 100)), &percent, 0, 100, "%d %%", em(9), nullptr, h.mark)) {
      Assumptions next = as;
      next.*h.field = percent / 100.0;
      s.doc.edit(set_value(T("cmd.edit_assumptions"), indicator_field(iid, &Indicator::assumptions), next));
    }
  }

  section(T("indicator.trajectory"));
  std::vector<std::string> cats = {T("indicator.baseline_short")};
  chart::Series target{T("indicator.targets"), {NAN}}, actual{T("indicator.actuals"), {NAN}}, base{T("indicator.baseline"), {ind.baseline.value_or(NAN)}};
  for (int y = 1; y <= kContractYears; ++y) {
    cats.push_back(TF("indicator.year_n", y));
    auto t = target_for(ind, y);
    target.values.push_back(t ? *t : NAN);
    auto it = ind.actuals.find(y);
    actual.values.push_back(it == ind.actuals.end() ? NAN : it->second);
    base.values.push_back(NAN);
  }
  std::vector<chart::Series> series = {base, target, actual};
  chart::legend(series);
  chart::lines("##trajectory", cats, series, ImVec2(0, em(12)), ind.unit.c_str());
}

}  // namespace

void draw_panel_indicateurs(UiState& s) {
  IndicatorView& view = s.panels.indicateurs;
  const Project& p = s.doc.project();
  panel_title(T("panel.indicateurs"), T("indicateurs.subtitle"));
  ImGui::SetNextItemWidth(em(18));
  ImGui::InputTextWithHint("##filter", T("list.search"), &view.filter);
  ImGui::SameLine();
  {
    const Catalogue& cat = catalogue_for(p);
    std::vector<std::string> names = {T("indicateurs.all_missions")};
    int current = 0, picked = 0;
    for (std::size_t i = 0; i < cat.missions.size(); ++i) {
      names.push_back(mission_short(p, cat.missions[i].id));
      if (cat.missions[i].id == view.mission) current = static_cast<int>(i) + 1;
    }
    if (widgets::combo("##mission", current, names, &picked, em(16))) view.mission = picked == 0 ? "" : cat.missions[static_cast<std::size_t>(picked - 1)].id;
  }
  rebuild(view, p, s.doc.history.revision());
  ImGui::SameLine();
  ImGui::TextDisabled("%s", TF("indicateurs.count", view.rows.size(), p.indicators.size()).c_str());

  ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_Sortable | ImGuiTableFlags_SortTristate |
                          ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("##indicators", 5, flags, ImVec2(0, em(13)))) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(T("indicateurs.action"), ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn(T("indicator.label"), ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableSetupColumn(T("indicator.kind"), ImGuiTableColumnFlags_WidthFixed, em(6));
    ImGui::TableSetupColumn(T("indicateurs.max"), ImGuiTableColumnFlags_WidthFixed, em(8));
    ImGui::TableSetupColumn("##rows", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoSort, row_buttons_width());
    ImGui::TableHeadersRow();
    view.sort = table_sort_spec(view.sort);
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(view.rows.size()));
    if (s.jump)
      for (std::size_t r = 0; r < view.rows.size(); ++r)
        if (p.indicators[view.rows[r]].id == s.sel_indicator) clipper.IncludeItemByIndex(static_cast<int>(r));
    while (clipper.Step())
      for (int r = clipper.DisplayStart; r < clipper.DisplayEnd; ++r) {
        std::size_t i = view.rows[static_cast<std::size_t>(r)];
        const Indicator& ind = p.indicators[i];
        const Action* a = view.action[i];
        ImGui::PushID(ind.id.c_str());
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        bool sel = ind.id == s.sel_indicator;
        std::string where = a ? mission_short(p, a->mission) + " › " + a->title : "?";
        const std::string shown = ellipsize(where, ImGui::GetContentRegionAvail().x);  // the row spans all columns, the label its own
        if (ImGui::Selectable((shown + "##row").c_str(), sel, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap))
          s.sel_indicator = ind.id;
        if (shown != where && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", where.c_str());
        std::string row_id = "indicateurs.row." + std::to_string(r);
        mark_item(row_id.c_str());
        if (s.is_jump_target(ObjectKind::Indicator, ind.id)) ImGui::SetScrollHereY();
        ImGui::TableNextColumn();
        text_fitted(ind.label);
        ImGui::TableNextColumn();
        text_fitted(kind_label(ind.kind));
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_eur(ind.max_cents()).c_str());
        ImGui::TableNextColumn();
        RowAction ra = row_buttons(i, p.indicators.size());
        bool copy_table = false;
        if (ra == RowAction::None) ra = row_context_menu(i, p.indicators.size(), true, {T("table.copy"), &copy_table});
        if (copy_table) s.request({ActionKind::CopyIndicatorsTable});  // the App copies it after the frame
        apply_row_action(s.doc, ra, edits::ListKind::Indicators, i, T("what.indicator"));
        ImGui::PopID();
      }
    ImGui::EndTable();
  }
  if (!p.find_indicator(s.sel_indicator) && !s.doc.has_pending() && !view.rows.empty()) s.sel_indicator = p.indicators[view.rows[0]].id;
  const Indicator* sel = p.find_indicator(s.sel_indicator);
  if (!sel) {
    ImGui::TextDisabled("%s", T("indicateurs.pick"));
    return;
  }
  ImGui::Separator();
  ImGui::PushID(sel->id.c_str());
  indicator_detail(s, *sel);
  ImGui::PopID();
}

}  // namespace cpts::ui
