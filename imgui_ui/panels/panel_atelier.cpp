// Atelier: what a coordinator needs in a workshop on a shared screen — candidate actions rated by
// participant groups (impact × feasibility matrix, ranked list, retained ones turned into
// actions), the relevé de décisions, named variants compared side by side, and the copies handed
// to working groups merged back with a preview (nothing taken without being shown).
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>
#include <ctime>
#include <set>

#include "fitted_text.hpp"
#include "chart_math.hpp"
#include "edit_helpers.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "edit/merge.hpp"
#include "panel_common.hpp"
#include "io/project_json.hpp"
#include "theme.hpp"
#include "widgets.hpp"
#include "edit/workshop.hpp"

namespace cpts::ui {

namespace {

inline std::vector<Candidate>& candidates_of(Project& p) { return p.candidates; }
inline std::vector<Decision>& decisions_of(Project& p) { return p.decisions; }
inline std::vector<Variant>& variants_of(Project& p) { return p.variants; }

template <class V>
Locate<V> candidate_field(std::string id, V Candidate::*m) {
  return [id, m](Project& p) -> V* {
    for (auto& c : p.candidates)
      if (c.id == id) return &(c.*m);
    return nullptr;
  };
}

std::vector<std::string> group_names(const Project& p) {
  std::vector<std::string> out;
  for (const Candidate& c : p.candidates)
    for (const Rating& r : c.ratings)
      if (std::find(out.begin(), out.end(), r.group) == out.end()) out.push_back(r.group);
  return out;
}

// ---- Priorités -----------------------------------------------------------------------------------

// `compact`: digits only in narrower sliders (the tooltips and the help say which is which).
void rating_cell(UiState& s, const Candidate& c, const std::string& group, bool compact) {
  const std::string cid = c.id;
  auto it = std::find_if(c.ratings.begin(), c.ratings.end(), [&](const Rating& r) { return r.group == group; });
  Rating r = it != c.ratings.end() ? *it : Rating{group};
  auto commit = [&](Rating nr) {
    std::vector<Rating> next = c.ratings;
    auto jt = std::find_if(next.begin(), next.end(), [&](const Rating& x) { return x.group == group; });
    if (jt != next.end()) *jt = nr;
    else next.push_back(nr);
    s.doc.edit(set_value(T("cmd.rate"), candidate_field(cid, &Candidate::ratings), next));
  };
  ImGui::PushID(group.c_str());
  // 3.6 em: "I3" fits beside the handle at every value (widgets::slider_int puts it there).
  int v = 0;
  const std::string impact_mark = "atelier.impact." + cid + "." + group, feas_mark = "atelier.feasibility." + cid + "." + group;
  const float w = compact ? em(2.8f) : em(3.6f);
  if (widgets::slider_int("##impact", r.impact, &v, 0, 5, compact ? "%d" : "I%d", w, compact ? "–" : "I–", impact_mark.c_str()))
    commit({group, v, r.feasibility, r.votes});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("atelier.impact_help"));
  ImGui::SameLine(0, 2);
  if (widgets::slider_int("##feas", r.feasibility, &v, 0, 5, compact ? "%d" : "F%d", w, compact ? "–" : "F–", feas_mark.c_str()))
    commit({group, r.impact, v, r.votes});
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("atelier.feasibility_help"));
  ImGui::SameLine(0, 2);
  if (ImGui::SmallButton("+")) commit({group, r.impact, r.feasibility, r.votes + 1});
  ImGui::SameLine(0, 2);
  ImGui::Text("%d", r.votes);
  ImGui::SameLine(0, 2);
  ImGui::BeginDisabled(r.votes == 0);
  if (ImGui::SmallButton("-")) commit({group, r.impact, r.feasibility, r.votes - 1});
  ImGui::EndDisabled();
  ImGui::PopID();
}

// `height`: the plot's height (the caller fits it to the screen).
void matrix(const Project& p, const std::vector<CandidateScore>& ranked, float height) {
  ImVec2 size(std::min(ImGui::GetContentRegionAvail().x, em(26)), height);
  ImVec2 o = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##matrix", size);
  mark_item("atelier.matrix");
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // Margins: left for the impact digits, bottom for the feasibility digits and axis name, top for
  // the two labels ("Impact ↑" over the impact digits' column, "À prioriser" over its quadrant),
  // so that no label sits on a digit and no point can cover a label.
  const float line = ImGui::GetTextLineHeight();
  const float radius = em(0.55f);
  ImVec2 a(o.x + em(1.6f), o.y + line + radius + em(0.2f)), b(o.x + size.x - em(0.5f), o.y + size.y - line * 2.3f);
  ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), grid = ImGui::GetColorU32(ImGuiCol_Border);
  // Quadrant "à prioriser" (high impact, high feasibility) shaded.
  ImVec2 mid((a.x + b.x) / 2, (a.y + b.y) / 2);
  dl->AddRectFilled(ImVec2(mid.x, a.y), ImVec2(b.x, mid.y), IM_COL32(0, 158, 115, 40));
  for (int i = 0; i <= 5; ++i) {
    float x = a.x + (b.x - a.x) * static_cast<float>(i) / 5, y = b.y - (b.y - a.y) * static_cast<float>(i) / 5;
    dl->AddLine(ImVec2(x, a.y), ImVec2(x, b.y), grid);
    dl->AddLine(ImVec2(a.x, y), ImVec2(b.x, y), grid);
    if (i > 0) {
      char n[4];
      std::snprintf(n, sizeof n, "%d", i);
      ImVec2 ns = ImGui::CalcTextSize(n);
      dl->AddText(ImVec2(x - ns.x / 2, b.y + line * 0.1f), text, n);
      dl->AddText(ImVec2(a.x - ns.x - em(0.35f), y - ns.y / 2), text, n);
    }
  }
  dl->AddText(ImVec2(a.x, b.y + line * 1.2f), text, T("atelier.axis_feasibility"));
  dl->AddText(ImVec2(o.x, o.y), text, T("atelier.axis_impact_short"));
  const char* prio = T("atelier.quadrant_priority");
  ImVec2 prio_at(std::max(b.x - ImGui::CalcTextSize(prio).x, mid.x), o.y);
  dl->AddText(prio_at, IM_COL32(0, 110, 80, 255), prio);
  mark_rect("atelier.matrix.priority_label", prio_at, ImVec2(prio_at.x + ImGui::CalcTextSize(prio).x, o.y + line));
  mark_rect("atelier.matrix.plot", a, b);
  mark_rect("atelier.matrix.impact_label", ImVec2(o.x, o.y), ImVec2(o.x + ImGui::CalcTextSize(T("atelier.axis_impact_short")).x, o.y + line));
  mark_rect("atelier.matrix.digit5", ImVec2(a.x - ImGui::CalcTextSize("5").x - em(0.35f), a.y - line / 2), ImVec2(a.x - em(0.35f), a.y + line / 2));
  ImVec2 mouse = ImGui::GetIO().MousePos;
  const CandidateScore* hovered = nullptr;
  for (const CandidateScore& cs : ranked) {
    if (cs.impact <= 0 || cs.feasibility <= 0) continue;
    ImVec2 c(a.x + (b.x - a.x) * static_cast<float>(cs.feasibility / 5), b.y - (b.y - a.y) * static_cast<float>(cs.impact / 5));
    float r = radius;
    mark_rect(("atelier.matrix.point." + std::to_string(cs.rank)).c_str(), ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r));
    ImU32 col = p.candidates[cs.index].retained ? chart::series_color(2) : chart::series_color(0);
    dl->AddCircleFilled(c, r, col);
    char label[8];
    std::snprintf(label, sizeof label, "%d", cs.rank);
    ImVec2 ts = ImGui::CalcTextSize(label);
    dl->AddText(ImVec2(c.x - ts.x / 2, c.y - ts.y / 2), IM_COL32(255, 255, 255, 255), label);
    if (ImGui::IsItemHovered() && (mouse.x - c.x) * (mouse.x - c.x) + (mouse.y - c.y) * (mouse.y - c.y) < r * r * 2) hovered = &cs;
  }
  if (hovered) {
    const Candidate& c = p.candidates[hovered->index];
    ImGui::SetTooltip("%s", TN("atelier.matrix_tip", hovered->votes, hovered->rank, c.title.c_str(), format_number_fr(hovered->impact, 1).c_str(),
                               format_number_fr(hovered->feasibility, 1).c_str(), hovered->votes).c_str());
  }
}

// The candidates, one row each: rank, title, mission, each group's ratings, retained, delete.
void candidate_table(UiState& s, const std::vector<std::string>& groups, const std::vector<const CandidateScore*>& score_of, bool compact) {
  const Project& p = s.doc.project();
  int cols = 5 + static_cast<int>(groups.size());
  if (cols > 64 || !ImGui::BeginTable("##candidates", cols, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit)) return;
  // The title column takes what the fixed columns leave: the table never runs off the panel.
  ImGui::TableSetupColumn(T("atelier.rank"));
  ImGui::TableSetupColumn(T("atelier.candidate"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn(T("fin.mission"), ImGuiTableColumnFlags_WidthFixed, compact ? em(6) : em(8));
  for (const std::string& g : groups) ImGui::TableSetupColumn(g.c_str());
  ImGui::TableSetupColumn(T("atelier.retained"));
  ImGui::TableSetupColumn("##x");
  ImGui::TableHeadersRow();
  const Catalogue& cat = catalogue_for(p);
  std::vector<std::string> missions;
  for (const auto& m : cat.missions) missions.push_back(mission_short(p, m.id));
  for (std::size_t i = 0; i < p.candidates.size(); ++i) {
    const Candidate& c = p.candidates[i];
    ImGui::PushID(c.id.c_str());
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    const CandidateScore* cs = score_of[i];
    ImGui::AlignTextToFramePadding();
    if (cs && cs->tied) ImGui::Text("%d =", cs->rank);
    else ImGui::Text("%d", cs ? cs->rank : 0);
    if (cs && cs->tied && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("atelier.tied_help"));
    mark_item(("atelier.rank." + std::to_string(i)).c_str());
    ImGui::TableNextColumn();
    std::string str;
    if (widgets::text("##title", c.title, &str)) s.doc.edit(set_value(T("cmd.edit_candidate"), candidate_field(c.id, &Candidate::title), str));
    std::string tid = "atelier.title." + std::to_string(i);
    mark_item(tid.c_str());
    ImGui::TableNextColumn();
    int current = 0, picked = 0;
    for (std::size_t m = 0; m < cat.missions.size(); ++m)
      if (cat.missions[m].id == c.mission) current = static_cast<int>(m);
    if (widgets::combo("##mission", current, missions, &picked))
      s.doc.edit(set_value(T("cmd.edit_candidate"), candidate_field(c.id, &Candidate::mission), cat.missions[static_cast<std::size_t>(picked)].id));
    for (const std::string& g : groups) {
      ImGui::TableNextColumn();
      rating_cell(s, c, g, compact);
    }
    ImGui::TableNextColumn();
    bool b;
    if (!c.action.empty() && p.find_action(c.action)) {
      ImGui::TextColored(palette().ok, "%s", T("atelier.converted"));
    } else if (widgets::checkbox("##retained", c.retained, &b)) {
      s.doc.edit(set_value(T("cmd.retain"), candidate_field(c.id, &Candidate::retained), b));
    }
    std::string rid = "atelier.retain." + std::to_string(i);
    mark_item(rid.c_str());
    ImGui::TableNextColumn();
    ImGui::PushTabStop(false);  // Tab through a row never lands on deletion
    if (ImGui::SmallButton(T("list.delete_short"))) s.doc.edit(edits::delete_item(p, edits::ListKind::Candidates, i, T("cmd.delete_candidate")));
    ImGui::PopTabStop();
    ImGui::PopID();
  }
  ImGui::EndTable();
  mark_item("atelier.candidates");
}

// Best first, with the score and the votes; ties say how they were broken.
void ranking(const Project& p, const std::vector<CandidateScore>& ranked) {
  for (const CandidateScore& cs : ranked) {
    const Candidate& c = p.candidates[cs.index];
    ImGui::Text("%d.%s %s", cs.rank, cs.tied ? " =" : "", c.title.c_str());
    if (cs.tied && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("atelier.tied_help"));
    ImGui::SameLine();
    ImGui::TextDisabled("%s", TN("atelier.score", cs.votes, format_number_fr(cs.score, 1).c_str(), cs.votes).c_str());
  }
  if (std::any_of(ranked.begin(), ranked.end(), [](const CandidateScore& cs) { return cs.tied; })) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("= %s", T("atelier.tied_help"));
    ImGui::PopTextWrapPos();
  }
}

void priorities(UiState& s) {
  const Project& p = s.doc.project();
  AtelierState& st = s.panels.atelier;
  if (ImGui::Button(T("atelier.add_candidate"))) {
    Candidate c;
    c.id = "C" + std::to_string(p.candidates.size() + 1);
    for (int n = 1; std::any_of(p.candidates.begin(), p.candidates.end(), [&](const Candidate& x) { return x.id == c.id; }); ++n)
      c.id = "C" + std::to_string(p.candidates.size() + 1 + n);
    c.mission = s.sel_mission.empty() ? "acces" : s.sel_mission;
    c.title = T("atelier.new_candidate");
    for (const std::string& g : group_names(p)) c.ratings.push_back({g});
    s.doc.edit(insert_item<Candidate>(T("cmd.add_candidate"), list(&candidates_of), p.candidates.size(), c));
  }
  mark_item("atelier.add_candidate");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em(12));
  // Enter adds the group and leaves the field ready for the next one (a room names several).
  if (st.refocus_group) {
    ImGui::SetKeyboardFocusHere();
    st.refocus_group = false;
  }
  const bool can_add = !st.new_group.empty() && !p.candidates.empty();
  bool add = ImGui::InputTextWithHint("##group", T("atelier.group_hint"), &st.new_group, ImGuiInputTextFlags_EnterReturnsTrue) && can_add;
  st.refocus_group = add;
  mark_item("atelier.group");
  ImGui::SameLine();
  ImGui::BeginDisabled(!can_add);
  add |= ImGui::Button(T("atelier.add_group"));
  mark_item("atelier.add_group");
  ImGui::EndDisabled();
  widgets::help_marker(T("atelier.priorities_help"));  // a marker, not a paragraph: the matrix needs the height
  if (add) {
    if (Command c = edits::add_rating_group(p, st.new_group, TF("cmd.add_group", st.new_group.c_str())); c.apply) s.doc.edit(std::move(c));
    st.new_group.clear();
  }

  auto groups = group_names(p);
  auto ranked = rank_candidates(p);
  std::vector<const CandidateScore*> score_of(p.candidates.size(), nullptr);
  for (const CandidateScore& cs : ranked) score_of[cs.index] = &cs;
  // The matrix stands beside the table, as tall as the screen leaves, so that both are seen
  // without scrolling: 26 em wide on a wide screen; at 200 % on 1080p (~55 em × 18 em of panel)
  // 13 em, with compact rating cells. Narrower still (300 %), they are stacked.
  const float avail_w = ImGui::GetContentRegionAvail().x;
  const bool compact = avail_w < em(84);
  const float matrix_w = compact ? em(13) : em(26);
  const bool side_by_side = avail_w >= em(50) && !ranked.empty() && ImGui::BeginTable("##layout", 2, ImGuiTableFlags_SizingStretchProp);
  float top = 0;
  if (side_by_side) {
    ImGui::TableSetupColumn("##table", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("##views", ImGuiTableColumnFlags_WidthFixed, matrix_w);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    top = ImGui::GetContentRegionAvail().y;
  }
  candidate_table(s, groups, score_of, compact);
  int to_convert = static_cast<int>(std::count_if(p.candidates.begin(), p.candidates.end(),
                                                  [&](const Candidate& c) { return c.retained && (c.action.empty() || !p.find_action(c.action)); }));
  ImGui::BeginDisabled(to_convert == 0);
  if (ImGui::Button(TN("atelier.convert", to_convert, to_convert).c_str())) {
    std::vector<std::string> created;
    Project next = convert_retained_candidates(p, &created);
    s.doc.edit(replace_project(T("cmd.convert_candidates"), std::move(next)));
    s.status = TN("atelier.converted_status", static_cast<long long>(created.size()), static_cast<int>(created.size()));
  }
  mark_item("atelier.convert");
  ImGui::EndDisabled();

  if (ranked.empty()) return;
  const float line = ImGui::GetFrameHeightWithSpacing();
  if (side_by_side) {
    ImGui::TableNextColumn();
    matrix(p, ranked, std::clamp(top - line * 0.5f, em(8), em(18)));
    ranking(p, ranked);
    ImGui::EndTable();
    return;
  }
  // Stacked: the matrix takes what is left of the screen (at least 9 em), the ranking beside it.
  const float height = std::clamp(ImGui::GetContentRegionAvail().y - line * 0.5f, em(9), em(18));
  if (ImGui::BeginTable("##views", 2, ImGuiTableFlags_SizingStretchProp)) {
    ImGui::TableSetupColumn("##matrix", ImGuiTableColumnFlags_WidthFixed, std::min(em(26), ImGui::GetContentRegionAvail().x * 0.6f));
    ImGui::TableSetupColumn("##ranking", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    matrix(p, ranked, height);
    ImGui::TableNextColumn();
    ranking(p, ranked);
    ImGui::EndTable();
  }
}

// ---- Relevé de décisions -------------------------------------------------------------------------

void decisions(UiState& s) {
  const Project& p = s.doc.project();
  ImGui::TextWrapped("%s", T("atelier.decisions_help"));
  if (ImGui::Button(T("atelier.add_decision")))
    s.doc.edit(insert_item<Decision>(T("cmd.add_decision"), list(&decisions_of), p.decisions.size(), {today(), "", "", ""}));
  mark_item("atelier.add_decision");
  if (!ImGui::BeginTable("##decisions", 5, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn(T("atelier.date"), ImGuiTableColumnFlags_WidthFixed, em(9));
  ImGui::TableSetupColumn(T("atelier.subject"), ImGuiTableColumnFlags_WidthStretch, 2);
  ImGui::TableSetupColumn(T("atelier.decision"), ImGuiTableColumnFlags_WidthStretch, 3);
  ImGui::TableSetupColumn(T("atelier.owner"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
  ImGui::TableSetupColumn("##x", ImGuiTableColumnFlags_WidthFixed, row_buttons_width());
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < p.decisions.size(); ++i) {
    const Decision& d = p.decisions[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    Date dt;
    std::string str;
    ImGui::TableNextColumn();
    if (widgets::date("##date", d.date, &dt)) s.doc.edit(set_value(T("cmd.edit_decision"), item_field(&decisions_of, i, &Decision::date), dt));
    ImGui::TableNextColumn();
    if (widgets::text("##subject", d.subject, &str)) s.doc.edit(set_value(T("cmd.edit_decision"), item_field(&decisions_of, i, &Decision::subject), str));
    std::string sid = "atelier.decision_subject." + std::to_string(i);
    mark_item(sid.c_str());
    ImGui::TableNextColumn();
    if (widgets::text("##decision", d.decision, &str)) s.doc.edit(set_value(T("cmd.edit_decision"), item_field(&decisions_of, i, &Decision::decision), str));
    ImGui::TableNextColumn();
    if (widgets::text("##owner", d.owner, &str)) s.doc.edit(set_value(T("cmd.edit_decision"), item_field(&decisions_of, i, &Decision::owner), str));
    ImGui::TableNextColumn();
    apply_row_action(s.doc, row_buttons(i, p.decisions.size()), edits::ListKind::Decisions, i, T("what.decision"));
    ImGui::PopID();
  }
  ImGui::EndTable();
}

// ---- Scénarios (variantes) -----------------------------------------------------------------------

void variants(UiState& s) {
  const Project& p = s.doc.project();
  AtelierState& st = s.panels.atelier;
  std::string& name = st.variant_name;
  if (st.variants_revision != s.doc.history.revision()) {
    st.variants = compare_variants(p);
    if (!st.variants.empty()) st.variants[0].name = T("atelier.current_project");
    st.variants_revision = s.doc.history.revision();
  }
  const std::vector<VariantSummary>& rows = st.variants;
  ImGui::TextWrapped("%s", T("atelier.variants_help"));
  ImGui::SetNextItemWidth(em(22));
  ImGui::InputTextWithHint("##variant_name", T("atelier.variant_hint"), &name);
  mark_item("atelier.variant_name");
  ImGui::SameLine();
  ImGui::BeginDisabled(name.empty());
  if (ImGui::Button(T("atelier.save_variant"))) {
    s.doc.edit(insert_item<Variant>(TF("cmd.save_variant", name.c_str()), list(&variants_of), p.variants.size(), make_variant(p, name)));
    s.status = TF("atelier.variant_saved", name.c_str());
    name.clear();
  }
  mark_item("atelier.save_variant");
  ImGui::EndDisabled();
  if (!ImGui::BeginTable("##variants", 11, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) return;
  ImGui::TableSetupColumn(T("atelier.variant"), ImGuiTableColumnFlags_WidthStretch, 2.5f);
  ImGui::TableSetupColumn(T("summary.taille"));
  for (int y = 1; y <= kContractYears; ++y) ImGui::TableSetupColumn(TF("fin.year_n", y).c_str());
  ImGui::TableSetupColumn(T("fin.total"));
  ImGui::TableSetupColumn(T("atelier.at_risk"));
  ImGui::TableSetupColumn(T("atelier.findings"));
  ImGui::TableSetupColumn("##x", ImGuiTableColumnFlags_WidthFixed, em(12));
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const VariantSummary& v = rows[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    text_fitted(v.name);
    ImGui::TableNextColumn();
    ImGui::Text("%d", v.taille);
    for (Cents c : v.by_year) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_eur_short(c).c_str());
    }
    ImGui::TableNextColumn();
    // Difference with the current project, the figure a room discusses.
    ImGui::TextUnformatted(format_eur_short(v.total).c_str());
    if (i > 0) {
      Cents diff = v.total - rows[0].total;
      ImGui::TextColored(diff >= 0 ? palette().ok : palette().warn, "%s%s", diff >= 0 ? "+" : "", format_eur_short(diff).c_str());
    }
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(format_eur_short(v.at_risk).c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted((TN("summary.blocking", v.blocking, v.blocking) + ", " + TF("summary.warnings", v.warnings)).c_str());
    ImGui::TableNextColumn();
    if (i > 0) {
      std::size_t vi = i - 1;
      if (ImGui::SmallButton(T("atelier.open_variant")) && vi < p.variants.size() && p.variants[vi].project) {
        s.doc.edit(edits::open_variant(p, vi, TF("cmd.open_variant", p.variants[vi].name.c_str())));
      }
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", T("atelier.open_variant_help"));
      ImGui::SameLine();
      if (ImGui::SmallButton(T("list.delete_short"))) s.doc.edit(edits::delete_item(p, edits::ListKind::Variants, vi, T("cmd.delete_variant")));
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
  mark_item("atelier.variants_table");
}

// ---- Groupes (copies et fusion) --------------------------------------------------------------------

void merge_preview(UiState& s) {
  UiState::PendingMerge& m = *s.pending_merge;
  section(TF("atelier.merge_title", m.plan.group.c_str(), m.file_name.c_str()).c_str());
  for (const std::string& problem : m.plan.problems) ImGui::TextColored(palette().warn, "%s", problem.c_str());
  if (!m.plan.problems.empty()) {
    if (ImGui::Button(T("atelier.merge_cancel"))) s.pending_merge.reset();
    return;
  }
  if (m.plan.items.empty()) ImGui::TextUnformatted(T("atelier.merge_nothing"));
  const struct {
    ChangeKind kind;
    const char* key;
    ImVec4 color;
  } groups[] = {{ChangeKind::Conflict, "atelier.merge_conflicts", ImVec4(0.8f, 0.1f, 0.1f, 1)},
                {ChangeKind::Added, "atelier.merge_added", palette().ok},
                {ChangeKind::Changed, "atelier.merge_changed", ImVec4(0.0f, 0.35f, 0.7f, 1)},
                {ChangeKind::Removed, "atelier.merge_removed", palette().warn}};
  int n = 0;
  for (const auto& g : groups) {
    int count_in = static_cast<int>(std::count_if(m.plan.items.begin(), m.plan.items.end(), [&](const MergeItem& i) { return i.change == g.kind; }));
    if (!count_in) continue;
    ImGui::TextColored(g.color, "%s", TF(g.key, count_in).c_str());
    for (MergeItem& item : m.plan.items) {
      if (item.change != g.kind) continue;
      ImGui::PushID(n);
      std::string what = std::string(to_string(item.kind)) + " « " + item.label + " » — " + item.detail;
      ImGui::Checkbox(what.c_str(), &item.take);
      std::string id = "atelier.merge_item." + std::to_string(n);
      mark_item(id.c_str());
      if (item.change == ChangeKind::Conflict)
        ImGui::TextDisabled("    %s", item.take ? T("atelier.conflict_take_group") : T("atelier.conflict_keep_mine"));
      ImGui::PopID();
      ++n;
    }
  }
  int taken = static_cast<int>(std::count_if(m.plan.items.begin(), m.plan.items.end(), [](const MergeItem& i) { return i.take; }));
  ImGui::BeginDisabled(taken == 0);
  if (ImGui::Button(TN("atelier.merge_apply", taken, taken).c_str())) {
    std::vector<std::string> skipped;
    Project merged = apply_merge(s.doc.project(), m.group_file, m.plan, &skipped);
    s.doc.edit(replace_project(TF("cmd.merge", m.plan.group.c_str()), std::move(merged)));
    s.status = TN("atelier.merged", taken, taken, m.plan.group.c_str());
    if (!skipped.empty()) {
      std::string msg = T("atelier.merge_skipped");
      for (const std::string& x : skipped) msg += "\n• " + x;
      s.message = msg;
    }
    s.pending_merge.reset();
  }
  mark_item("atelier.merge_apply");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(T("atelier.merge_cancel"))) s.pending_merge.reset();
}

void groups(UiState& s) {
  const Project& p = s.doc.project();
  std::string& group = s.panels.atelier.copy_group;
  ImGui::TextWrapped("%s", T("atelier.groups_help"));
  ImGui::SetNextItemWidth(em(18));
  ImGui::InputTextWithHint("##groupname", T("atelier.group_name_hint"), &group);
  mark_item("atelier.group_name");
  ImGui::SameLine();
  ImGui::BeginDisabled(group.empty());
  if (ImGui::Button(T("atelier.prepare_copy"))) {
    std::string file = "copie-" + group + ".json";
    for (char& c : file)
      if (c == ' ' || c == '/' || c == '\\') c = '-';
    s.downloads.push_back({file, "application/json", save_project(prepare_group_copy(p, group, today()))});
    s.status = TF("atelier.copy_ready", group.c_str());
    group.clear();
  }
  mark_item("atelier.prepare_copy");
  ImGui::EndDisabled();
  ImGui::Spacing();
  if (ImGui::Button(T("atelier.import_copy"))) s.request({ActionKind::Open});
  ImGui::SameLine();
  ImGui::TextDisabled("%s", T("atelier.import_copy_help"));
  if (s.pending_merge) merge_preview(s);
}

}  // namespace

void start_merge(UiState& s, Project group_file, const std::string& name) {
  MergePlan plan = plan_merge(s.doc.project(), group_file);
  s.pending_merge = UiState::PendingMerge{std::move(group_file), std::move(plan), name};
  s.atelier_tab = 3;
  s.atelier_tab_request = 3;  // brings the "Groupes" tab to the front
  s.go(PanelId::Atelier);
}

void draw_panel_atelier(UiState& s) {
  panel_title(T("panel.atelier"), T("atelier.subtitle"));
  static const char* const kTabs[] = {"atelier.tab_priorities", "atelier.tab_decisions", "atelier.tab_variants", "atelier.tab_groups"};
  if (ImGui::BeginTabBar("##atelier")) {
    for (int i = 0; i < 4; ++i) {
      ImGuiTabItemFlags flags = s.atelier_tab_request == i ? ImGuiTabItemFlags_SetSelected : 0;
      std::string label = std::string(T(kTabs[i])) + "###tab" + std::to_string(i);
      if (ImGui::BeginTabItem(label.c_str(), nullptr, flags)) {
        s.atelier_tab = i;
        ImGui::EndTabItem();
      }
      std::string id = std::string("atelier.tab.") + std::to_string(i);
      mark_item(id.c_str());
    }
    s.atelier_tab_request = -1;
    ImGui::EndTabBar();
  }
  switch (s.atelier_tab) {
    case 0: priorities(s); break;
    case 1: decisions(s); break;
    case 2: variants(s); break;
    default: groups(s); break;
  }
}

}  // namespace cpts::ui
