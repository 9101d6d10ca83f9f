// Bibliothèque: typical fiches-actions and indicators (shared/library), searchable by mission and
// keyword, previewed with the amounts they would get in this project, and inserted as an editable
// copy in one click (one undo step). Also the personal library: the project's own actions saved
// for reuse, exported and imported as a file to share with another CPTS.
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include <algorithm>

#include "fitted_text.hpp"
#include "library_source.hpp"
#include "edit_helpers.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "panel_common.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace cpts::ui {

namespace {

// (LibraryView: panel_state.hpp, owned by UiState.)

const char* origin_label(const std::string& origin) {
  if (origin == "observed") return T("lib.origin_observed");
  if (origin == "public") return T("lib.origin_public");
  return T("lib.origin_example");
}

void preview(UiState& s, const LibraryEntry& e) {
  const Project& p = s.doc.project();
  ImGui::PushTextWrapPos(0);
  section(e.title.c_str());
  ImGui::TextDisabled("%s · %s", mission_short(p, e.mission).c_str(), origin_label(e.origin));
  ImGui::TextDisabled("%s", TF("lib.reference", e.reference.c_str()).c_str());
  ImGui::Spacing();
  ImGui::Text("%s", TF("lib.objective", e.objective.c_str()).c_str());
  if (!e.target_population.empty()) ImGui::Text("%s", TF("lib.target", e.target_population.c_str()).c_str());
  if (!e.partners.empty()) {
    std::string partners;
    for (const auto& x : e.partners) partners += (partners.empty() ? "" : ", ") + x;
    ImGui::Text("%s", TF("lib.partners", partners.c_str()).c_str());
  }
  if (!e.steps.empty()) {
    ImGui::TextUnformatted(T("lib.steps"));
    for (const auto& step : e.steps) ImGui::BulletText("%s", step.c_str());
  }
  // What the insertion would create, with this project's taille and amounts (computed once per
  // entry and project revision, not every frame: the copy of a large project is not free).
  LibraryView& v = s.panels.bibliotheque;
  if (v.preview_id != e.id || v.preview_revision != s.doc.history.revision() || s.doc.has_pending()) {
    v.preview = insert_library_entry(p, e);
    v.preview_id = e.id;
    v.preview_revision = s.doc.history.revision();
  }
  const Project& next = v.preview;
  ImGui::Spacing();
  ImGui::TextUnformatted(T("lib.indicators"));
  for (std::size_t i = p.indicators.size(); i < next.indicators.size(); ++i) {
    const Indicator& ind = next.indicators[i];
    const LibraryIndicator& li = e.indicators[i - p.indicators.size()];
    std::string line = ind.label + " — " + (ind.kind == IndicatorKind::Deliverable ? T("indicator.deliverable") : T("indicator.result"));
    if (!ind.unit.empty()) line += ", " + ind.unit;
    line += ind.direction == Direction::Up ? " ↑" : " ↓";
    ImGui::BulletText("%s", line.c_str());
    ImGui::Indent();
    ImGui::TextDisabled("%s", TF("lib.source_evidence", li.source.c_str(), li.evidence.c_str()).c_str());
    if (ind.tiers.empty()) {
      ImGui::Text("%s", TF("lib.amount", format_eur(ind.cents).c_str(), static_cast<int>(li.share * 100 + 0.5)).c_str());
    } else {
      std::string tiers;
      for (const Tier& t : ind.tiers)
        tiers += (tiers.empty() ? "" : " · ") + t.label + " " + (ind.direction == Direction::Up ? "≥ " : "≤ ") + format_number_fr(t.threshold) + " : " + format_eur(t.cents);
      ImGui::Text("%s", TF("lib.tiers", tiers.c_str(), static_cast<int>(li.share * 100 + 0.5)).c_str());
    }
    ImGui::Unindent();
  }
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  if (ImGui::Button(T("lib.insert"), ImVec2(em(16), 0))) {
    std::string id;
    Project inserted = insert_library_entry(p, e, &id);
    s.doc.edit(replace_project(TF("cmd.insert_library", e.title.c_str()), std::move(inserted)));
    s.sel_mission = e.mission;
    s.sel_action = id;
    s.status = TF("lib.inserted", e.title.c_str());
    s.go(PanelId::Missions);
  }
  mark_item("lib.insert");
}

void entry_list(LibraryView& v, const std::vector<const LibraryEntry*>& entries, const Project& p) {
  if (entries.empty()) ImGui::TextDisabled("%s", T("lib.none"));
  for (const LibraryEntry* e : entries) {
    ImGui::PushID(e->id.c_str());
    // The title takes what the mission tag leaves, cut with "…" (whole in the tooltip).
    const std::string tag = "(" + mission_short(p, e->mission) + ")";
    const float tag_w = ImGui::CalcTextSize(tag.c_str()).x + ImGui::GetStyle().ItemSpacing.x;
    // A long mission name leaves the title at least 8 em; the tag is then cut with "…" too.
    const float avail = ImGui::GetContentRegionAvail().x;
    const float room = avail - tag_w >= em(8) ? avail - tag_w : std::min(em(8), avail * 0.6f);
    const std::string shown = ellipsize(e->title, room - ImGui::GetStyle().ItemSpacing.x);
    if (ImGui::Selectable((shown + "##entry").c_str(), v.selected == e->id, 0, ImVec2(room, 0))) v.selected = e->id;
    if (shown != e->title && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e->title.c_str());
    std::string id = "lib.entry." + e->id;
    mark_item(id.c_str());
    ImGui::SameLine();
    text_fitted(tag, true);
    ImGui::PopID();
  }
}

void personal_tools(UiState& s, LibraryView& v) {
  const Project& p = s.doc.project();
  section(T("lib.save_title"));
  if (p.actions.empty()) {
    ImGui::TextDisabled("%s", T("lib.no_action"));
  } else {
    std::vector<std::string> names;
    for (const Action& a : p.actions) names.push_back(mission_short(p, a.mission) + " › " + a.title);
    int picked = 0;
    if (v.save_action >= static_cast<int>(names.size())) v.save_action = 0;
    if (widgets::combo("##save_action", v.save_action, names, &picked, em(28))) v.save_action = picked;
    ImGui::SameLine();
    if (ImGui::Button(T("lib.save"))) {
      if (auto e = entry_from_action(p, p.actions[static_cast<std::size_t>(v.save_action)].id)) {
        // Same action saved again: replace the earlier copy.
        auto& entries = s.personal_library.entries;
        entries.erase(std::remove_if(entries.begin(), entries.end(), [&](const LibraryEntry& x) { return x.id == e->id && x.title == e->title; }),
                      entries.end());
        entries.push_back(*e);
        v.selected = e->id;
        s.status = TF("lib.saved", e->title.c_str());
      }
    }
    mark_item("lib.save");
  }
  ImGui::BeginDisabled(s.personal_library.entries.empty());
  if (ImGui::Button(T("lib.export"))) s.downloads.push_back({"ma-bibliotheque-cpts.json", "application/json", save_library(s.personal_library)});
  mark_item("lib.export");
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(T("lib.import"))) s.request({ActionKind::Open});
  ImGui::SameLine();
  ImGui::TextDisabled("%s", T("lib.import_help"));
}

}  // namespace

bool import_library_text(UiState& s, const std::string& text, const std::string& name) {
  std::vector<JsonError> errors;
  auto lib = load_library(text, errors);
  if (!lib) {
    std::string msg = TF("lib.import_error", name.c_str()) + "\n";
    for (std::size_t i = 0; i < errors.size() && i < 8; ++i) msg += "\n• " + errors[i].path + " : " + errors[i].message;
    s.message = msg;
    return false;
  }
  int added = 0;
  for (LibraryEntry& e : lib->entries) {
    bool known = false;
    for (const LibraryEntry& x : s.personal_library.entries) known = known || (x.id == e.id && x.title == e.title);
    if (!known) {
      s.personal_library.entries.push_back(std::move(e));
      ++added;
    }
  }
  s.status = TN("lib.imported", added, added, name.c_str());
  s.go(PanelId::Bibliotheque);
  return true;
}

void draw_panel_bibliotheque(UiState& s) {
  LibraryView& v = s.panels.bibliotheque;
  const Project& p = s.doc.project();
  panel_title(T("panel.bibliotheque"), T("lib.subtitle"));
  if (ImGui::BeginTabBar("##libtabs")) {
    if (ImGui::BeginTabItem(T("lib.tab_builtin"))) {
      v.tab = 0;
      ImGui::EndTabItem();
    }
    mark_item("lib.tab_builtin");
    if (ImGui::BeginTabItem((TF("lib.tab_personal", static_cast<int>(s.personal_library.entries.size())) + "###personal").c_str())) {
      v.tab = 1;
      ImGui::EndTabItem();
    }
    mark_item("lib.tab_personal");
    ImGui::EndTabBar();
  }
  // The shipped library is fetched the first time it is shown on the web (library_source.hpp).
  static const Library kNone;
  const Library* shipped = v.tab == 0 ? library::builtin() : nullptr;
  if (v.tab == 0 && !shipped) {
    const std::string why = library::error();
    if (why.empty()) ImGui::TextDisabled("%s", T("lib.loading"));
    else ImGui::TextColored(palette().warn, "%s", why.c_str());
    mark_item("lib.unavailable");
  }
  const Library& lib = v.tab == 0 ? (shipped ? *shipped : kNone) : s.personal_library;
  if (v.tab == 1) personal_tools(s, v);

  const Catalogue& cat = catalogue_for(p);
  std::vector<std::string> missions = {T("indicateurs.all_missions")};
  int current = 0, picked = 0;
  for (std::size_t i = 0; i < cat.missions.size(); ++i) {
    missions.push_back(mission_short(p, cat.missions[i].id));
    if (cat.missions[i].id == v.mission) current = static_cast<int>(i) + 1;
  }
  if (widgets::combo("##libmission", current, missions, &picked, em(16))) v.mission = picked ? cat.missions[static_cast<std::size_t>(picked - 1)].id : "";
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em(18));
  ImGui::InputTextWithHint("##libsearch", T("list.search"), &v.keyword);
  mark_item("lib.search");
  auto entries = search_library(lib, v.mission, v.keyword);
  ImGui::SameLine();
  ImGui::TextDisabled("%s", TF("lib.count", static_cast<int>(entries.size()), static_cast<int>(lib.entries.size())).c_str());

  const LibraryEntry* sel = nullptr;
  for (const LibraryEntry* e : entries)
    if (e->id == v.selected) sel = e;
  if (!sel && !entries.empty()) sel = entries.front();
  if (ImGui::BeginTable("##liblayout", 2, ImGuiTableFlags_Resizable | ImGuiTableFlags_BordersInnerV)) {
    ImGui::TableSetupColumn("list", ImGuiTableColumnFlags_WidthStretch, 2);
    ImGui::TableSetupColumn("preview", ImGuiTableColumnFlags_WidthStretch, 3);
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    entry_list(v, entries, p);
    ImGui::TableNextColumn();
    if (sel) {
      ImGui::PushID(sel->id.c_str());
      preview(s, *sel);
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
}

}  // namespace cpts::ui
