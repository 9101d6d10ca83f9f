// Small builders shared by the panels: locate a field of a list item (by index) or of an action /
// indicator (by id), and the add / duplicate / delete / reorder buttons of every list.
#pragma once
#include <string>
#include <vector>

#include "charts.hpp"
#include "engine/funding.hpp"
#include "edit/edits.hpp"
#include "edit/history.hpp"
#include "i18n.hpp"
#include "ui_state.hpp"

namespace cpts::ui {

template <class Item>
using ListOf = std::vector<Item>& (*)(Project&);

inline std::vector<Commune>& communes_of(Project& p) { return p.territory.communes; }
inline std::vector<Contact>& contacts_of(Project& p) { return p.identity.contacts; }
inline std::vector<Professional>& professionals_of(Project& p) { return p.professionals; }
inline std::vector<College>& colleges_of(Project& p) { return p.colleges; }
inline std::vector<DiagnosticIndicator>& diagnostic_of(Project& p) { return p.diagnostic; }
inline std::vector<Action>& actions_of(Project& p) { return p.actions; }
inline std::vector<Indicator>& indicators_of(Project& p) { return p.indicators; }
inline std::vector<YearAmount>& expenses_of(Project& p) { return p.expenses; }
inline std::vector<YearAmount>& other_income_of(Project& p) { return p.other_income; }
inline std::vector<MemberPayment>& member_payments_of(Project& p) { return p.member_payments; }
inline std::vector<AmountOverride>& overrides_of(Project& p) { return p.overrides; }
inline std::vector<CrisisActivation>& crises_of(Project& p) { return p.crises; }

template <class Item>
Locate<std::vector<Item>> list(ListOf<Item> of) {
  return [of](Project& p) { return &of(p); };
}

// Field `member` of item `i` of a list.
template <class Item, class V>
Locate<V> item_field(ListOf<Item> of, std::size_t i, V Item::*member) {
  return [of, i, member](Project& p) -> V* {
    auto& v = of(p);
    return i < v.size() ? &(v[i].*member) : nullptr;
  };
}

// Field of the action / indicator / mission with this id (ids survive reordering).
template <class V>
Locate<V> action_field(std::string id, V Action::*member) {
  return [id, member](Project& p) -> V* {
    for (auto& a : p.actions)
      if (a.id == id) return &(a.*member);
    return nullptr;
  };
}
template <class V>
Locate<V> indicator_field(std::string id, V Indicator::*member) {
  return [id, member](Project& p) -> V* {
    for (auto& x : p.indicators)
      if (x.id == id) return &(x.*member);
    return nullptr;
  };
}
template <class V>
Locate<V> mission_field(std::string id, V ProjectMission::*member) {
  return [id, member](Project& p) -> V* {
    ProjectMission* m = p.find_mission(id);
    return m ? &(m->*member) : nullptr;
  };
}

enum class RowAction { None, Up, Down, Duplicate, Delete };

// ↑ ↓ ⧉ ✕ buttons for row `i` of `n` (ids scoped by the caller's PushID). `mark`: publish them
// for the tests as "<mark>.up", ".down", ".duplicate", ".delete" (item_rects.hpp).
RowAction row_buttons(std::size_t i, std::size_t n, bool can_duplicate = true, const char* mark = nullptr);
float row_buttons_width();  // width of the table column that holds them

// A RowAction on item `i` of one of the project's lists, as the core's command (edit/edits.hpp):
// a deletion takes what depends on the item (a professional's payments: asked first, with
// `name` in the question), a duplicate gets fresh ids. Panels compose no surgery of their own.
void apply_row_action(Document& doc, RowAction a, edits::ListKind k, std::size_t i, const std::string& what, const std::string& name = {});

// Sub-lists of one item (an indicator's tiers, an action's budget lines): nothing refers to their
// items, so the generic list commands keep every rule. What a duplicated item keeps by default: everything (lists whose items have no id).
struct KeepAsIs {
  template <class Item>
  void operator()(Item&) const {}
};

// Turns a RowAction into the matching Command on the list `locate` finds (duplicate copies the
// item; `fix` may give the copy a fresh id).
template <class Item, class Fix = KeepAsIs>
void apply_row_action(Document& doc, RowAction a, Locate<std::vector<Item>> locate, std::size_t i, const std::string& what, Fix fix = {}) {
  switch (a) {
    case RowAction::None: return;
    case RowAction::Up: doc.edit(move_item<Item>(std::string(T("cmd.up")) + " " + what, locate, i, i - 1)); return;
    case RowAction::Down: doc.edit(move_item<Item>(std::string(T("cmd.down")) + " " + what, locate, i, i + 1)); return;
    case RowAction::Delete: doc.edit(erase_item<Item>(std::string(T("cmd.delete")) + " " + what, locate, i)); return;
    case RowAction::Duplicate: {
      Project copy = doc.project();
      const std::vector<Item>* items = locate(copy);
      if (!items || i >= items->size()) return;
      Item item = (*items)[i];
      fix(item);
      doc.edit(insert_item<Item>(std::string(T("cmd.duplicate")) + " " + what, locate, i + 1, item));
      return;
    }
  }
}

// Case- and accent-insensitive "contains" for the search fields of long tables.
bool matches_filter(const std::string& text, const std::string& filter);

// Table header of one sortable column helper: returns the sort spec (column, ascending) if the
// user changed it this frame.
// (SortSpec: panel_state.hpp.)
SortSpec table_sort_spec(SortSpec current);

std::string mission_short(const Project& p, const std::string& id);

// The stacked bars of funding per contract year (Financement and the presentation).
chart::FundingSeries funding_series(const Project& p, const FundingResult& f);

}  // namespace cpts::ui
