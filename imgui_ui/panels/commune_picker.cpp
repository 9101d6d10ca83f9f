#include "commune_picker.hpp"

#include <algorithm>
#include <imgui.h>
#include <misc/cpp/imgui_stdlib.h>

#include "communes_source.hpp"
#include "i18n.hpp"
#include "item_rects.hpp"
#include "model/money.hpp"
#include "theme.hpp"

namespace cpts::ui {

namespace {

std::string people(long long n) { return format_number_fr(static_cast<double>(n), 0); }

// ↑ ↓ move the highlighted result while the field keeps the keyboard (ImGui hands Up/Down to a
// single-line field only through the history callback).
template <class Picker>
int arrows(ImGuiInputTextCallbackData* d) {
  auto* st = static_cast<Picker*>(d->UserData);
  const int n = static_cast<int>(st->hits.size());
  if (d->EventFlag == ImGuiInputTextFlags_CallbackHistory && n > 0) {
    if (d->EventKey == ImGuiKey_UpArrow) st->selected = std::max(0, st->selected - 1);
    else if (d->EventKey == ImGuiKey_DownArrow) st->selected = std::min(n - 1, st->selected + 1);
  }
  return 0;
}

// The field; true when Enter was pressed. Starts loading the list on first use.
template <class Picker>
bool search_field(Picker& st, const std::string& id, const char* hint) {
  ImGui::SetNextItemWidth(em(24));
  if (st.focus_again) {
    ImGui::SetKeyboardFocusHere();
    st.focus_again = false;
  }
  bool enter = ImGui::InputTextWithHint(("##" + id).c_str(), hint, &st.query,
                                        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackHistory,
                                        arrows<Picker>, &st);
  mark_item(id.c_str());
  if (ImGui::IsItemActivated() || !st.query.empty()) communes::request();
  return enter;
}

// Loading or failure: says so; true when the list is ready.
bool list_ready() {
  switch (communes::status()) {
    case communes::Status::Ready: return true;
    case communes::Status::Loading: ImGui::TextDisabled("%s", T("communes.loading")); return false;
    case communes::Status::Failed:
      ImGui::PushTextWrapPos(0);
      ImGui::TextColored(palette().warn, "%s", communes::error().c_str());
      ImGui::TextDisabled("%s", T("communes.manual_still"));
      ImGui::PopTextWrapPos();
      mark_item("communes.error");
      return false;
    case communes::Status::NotRequested: return false;
  }
  return false;
}

}  // namespace

const RefCommune* commune_picker(CommunePicker& st, const std::string& id) {
  bool enter = search_field(st, id, T("communes.search_hint"));
  if (!list_ready()) return nullptr;
  const CommuneIndex* idx = communes::index();
  if (st.searched != st.query) {
    st.hits = idx->search(st.query, 10);
    st.searched = st.query;
    st.selected = 0;
    st.labels.clear();
    for (const RefCommune* c : st.hits)
      st.labels.push_back(TF("communes.hit", c->name.c_str(), c->department.c_str(), people(c->population).c_str(), c->code.c_str()));
  }
  const RefCommune* chosen = nullptr;
  if (enter && !st.hits.empty()) {
    chosen = st.hits[static_cast<std::size_t>(std::clamp(st.selected, 0, static_cast<int>(st.hits.size()) - 1))];
    st.focus_again = true;
  }
  if (st.query.empty()) return chosen;
  if (st.hits.empty()) ImGui::TextDisabled("%s", T("communes.none"));
  for (std::size_t i = 0; i < st.hits.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Selectable(st.labels[i].c_str(), static_cast<int>(i) == st.selected)) chosen = st.hits[i];
    mark_item((id + "." + std::to_string(i)).c_str());
    ImGui::PopID();
  }
  ImGui::TextDisabled("%s", TF("communes.keys_help", idx->provenance().c_str()).c_str());
  return chosen;
}

const RefEpci* epci_picker(EpciPicker& st, const std::string& id) {
  bool enter = search_field(st, id, T("communes.epci_hint"));
  if (!list_ready()) return nullptr;
  const CommuneIndex* idx = communes::index();
  if (st.searched != st.query) {
    st.hits = idx->search_epci(st.query, 8);
    st.searched = st.query;
    st.selected = 0;
    st.labels.clear();
    for (const RefEpci* e : st.hits)
      st.labels.push_back(TF("communes.epci_hit", e->name.c_str(), e->siren.c_str(), idx->members(e->siren).size(),
                             people(idx->epci_population(e->siren)).c_str()));
  }
  const RefEpci* chosen = nullptr;
  if (enter && !st.hits.empty()) chosen = st.hits[static_cast<std::size_t>(std::clamp(st.selected, 0, static_cast<int>(st.hits.size()) - 1))];
  if (st.query.empty()) return chosen;
  if (st.hits.empty()) ImGui::TextDisabled("%s", T("communes.none"));
  for (std::size_t i = 0; i < st.hits.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::Selectable(st.labels[i].c_str(), static_cast<int>(i) == st.selected)) chosen = st.hits[i];
    mark_item((id + "." + std::to_string(i)).c_str());
    ImGui::PopID();
  }
  return chosen;
}

std::string territory_effect_text(long long old_total, long long new_total, int old_taille, int new_taille, bool overridden) {
  std::string s = TF("communes.effect", people(old_total).c_str(), people(new_total).c_str(), old_taille, new_taille);
  if (overridden) s += " " + std::string(T("communes.override_note"));
  return s;
}

const std::string& refusal_text(const CommuneRefusal& r) { return in_language(r.message, r.message_en); }

}  // namespace cpts::ui
