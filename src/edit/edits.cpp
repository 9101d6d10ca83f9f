#include "edit/edits.hpp"

#include <algorithm>
#include <memory>
#include <set>
#include <utility>

#include "rules/catalogue.hpp"

namespace cpts::edits {

namespace {

// Calls f(list) with the list `k` of `p` (a Project& or a const Project&).
template <class P, class F>
decltype(auto) with_list(P& p, ListKind k, F&& f) {
  switch (k) {
    case ListKind::Communes: return f(p.territory.communes);
    case ListKind::Contacts: return f(p.identity.contacts);
    case ListKind::Professionals: return f(p.professionals);
    case ListKind::Colleges: return f(p.colleges);
    case ListKind::Diagnostic: return f(p.diagnostic);
    case ListKind::Missions: return f(p.missions);
    case ListKind::Actions: return f(p.actions);
    case ListKind::Indicators: return f(p.indicators);
    case ListKind::Expenses: return f(p.expenses);
    case ListKind::OtherIncome: return f(p.other_income);
    case ListKind::MemberPayments: return f(p.member_payments);
    case ListKind::Overrides: return f(p.overrides);
    case ListKind::Crises: return f(p.crises);
    case ListKind::Decisions: return f(p.decisions);
    case ListKind::Candidates: return f(p.candidates);
    case ListKind::Variants: break;
  }
  return f(p.variants);
}

// Items taken out of a list with their original positions, to put them back exactly on undo.
// Cheap on big projects: only what is removed is kept (never a copy of the whole project).
template <class T>
struct Removed {
  std::vector<std::pair<std::size_t, T>> items;  // original index, ascending
  template <class Pred>
  void take(std::vector<T>& v, Pred pred) {
    items.clear();
    std::vector<T> kept;
    kept.reserve(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (pred(v[i])) items.emplace_back(i, std::move(v[i]));
      else kept.push_back(std::move(v[i]));
    }
    v = std::move(kept);
  }
  void restore(std::vector<T>& v) const {
    for (const auto& [i, x] : items) v.insert(v.begin() + static_cast<long>(std::min(i, v.size())), x);
  }
};

// Candidates converted into one of `gone` actions forget the link (an id that no longer exists).
struct ClearedLinks {
  std::vector<std::pair<std::size_t, std::string>> links;  // candidate index, old action id
  void clear(Project& p, const std::set<std::string>& gone) {
    links.clear();
    for (std::size_t i = 0; i < p.candidates.size(); ++i)
      if (!p.candidates[i].action.empty() && gone.count(p.candidates[i].action)) {
        links.emplace_back(i, p.candidates[i].action);
        p.candidates[i].action.clear();
      }
  }
  void restore(Project& p) const {
    for (const auto& [i, id] : links)
      if (i < p.candidates.size()) p.candidates[i].action = id;
  }
};

std::size_t index_of_id(const std::vector<Professional>& v, const std::string& id) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i].id == id) return i;
  return v.size();
}
std::size_t index_of_id(const std::vector<Action>& v, const std::string& id) {
  for (std::size_t i = 0; i < v.size(); ++i)
    if (v[i].id == id) return i;
  return v.size();
}

// A professional, their member payments and their id in college member lists.
Command delete_professional(std::string id, std::string label) {
  struct State {
    Removed<Professional> pro;
    Removed<MemberPayment> payments;
    std::vector<std::pair<std::size_t, std::vector<std::string>>> colleges;  // index, members before
  };
  auto st = std::make_shared<State>();
  return {std::move(label),
          [id, st](Project& p) {
            if (index_of_id(p.professionals, id) == p.professionals.size()) return false;
            st->pro.take(p.professionals, [&](const Professional& x) { return x.id == id; });
            st->payments.take(p.member_payments, [&](const MemberPayment& m) { return m.professional == id; });
            st->colleges.clear();
            for (std::size_t c = 0; c < p.colleges.size(); ++c) {
              auto& members = p.colleges[c].members;
              if (std::find(members.begin(), members.end(), id) == members.end()) continue;
              st->colleges.emplace_back(c, members);
              members.erase(std::remove(members.begin(), members.end(), id), members.end());
            }
            return true;
          },
          [st](Project& p) {
            for (const auto& [c, members] : st->colleges)
              if (c < p.colleges.size()) p.colleges[c].members = members;
            st->payments.restore(p.member_payments);
            st->pro.restore(p.professionals);
          }};
}

// An action, its indicators, and the candidate links to it.
Command delete_action(std::string id, std::string label) {
  struct State {
    Removed<Action> action;
    Removed<Indicator> indicators;
    ClearedLinks links;
  };
  auto st = std::make_shared<State>();
  return {std::move(label),
          [id, st](Project& p) {
            if (index_of_id(p.actions, id) == p.actions.size()) return false;
            st->action.take(p.actions, [&](const Action& a) { return a.id == id; });
            st->indicators.take(p.indicators, [&](const Indicator& x) { return x.action == id; });
            st->links.clear(p, {id});
            return true;
          },
          [st](Project& p) {
            st->links.restore(p);
            st->indicators.restore(p.indicators);
            st->action.restore(p.actions);
          }};
}

// Plain removal by index (lists nothing refers to).
template <class T>
Command erase_at(ListKind k, std::size_t index, std::string label) {
  auto removed = std::make_shared<std::optional<T>>();
  return {std::move(label),
          [k, index, removed](Project& p) {
            return with_list(p, k, [&](auto& v) {
              if constexpr (std::is_same_v<typename std::decay_t<decltype(v)>::value_type, T>) {
                if (index >= v.size()) return false;
                *removed = std::move(v[index]);
                v.erase(v.begin() + static_cast<long>(index));
                return true;
              }
              return false;
            });
          },
          [k, index, removed](Project& p) {
            with_list(p, k, [&](auto& v) {
              if constexpr (std::is_same_v<typename std::decay_t<decltype(v)>::value_type, T>) {
                if (*removed && index <= v.size()) v.insert(v.begin() + static_cast<long>(index), **removed);
              }
            });
          }};
}

// What a copy changes so that the file rules still hold.
void make_copy_fresh(const Project&, Commune& c) { c.insee.clear(); }  // INSEE codes are unique
void make_copy_fresh(const Project& p, Professional& x) { x.id = fresh_id(p, 'P'); }
void make_copy_fresh(const Project& p, DiagnosticIndicator& x) { x.id = fresh_id(p, 'D'); }
void make_copy_fresh(const Project& p, Indicator& x) { x.id = fresh_id(p, 'I'); }
void make_copy_fresh(const Project& p, Candidate& x) {
  x.id = fresh_id(p, 'C');
  x.action.clear();  // the copy has not been converted into an action
}
template <class T>
void make_copy_fresh(const Project&, T&) {}

}  // namespace

std::size_t list_size(const Project& p, ListKind k) {
  return with_list(p, k, [](const auto& v) { return v.size(); });
}

const char* list_name(ListKind k) {
  switch (k) {
    case ListKind::Communes: return "communes";
    case ListKind::Contacts: return "contacts";
    case ListKind::Professionals: return "professionals";
    case ListKind::Colleges: return "colleges";
    case ListKind::Diagnostic: return "diagnostic";
    case ListKind::Missions: return "missions";
    case ListKind::Actions: return "actions";
    case ListKind::Indicators: return "indicators";
    case ListKind::Expenses: return "expenses";
    case ListKind::OtherIncome: return "other_income";
    case ListKind::MemberPayments: return "member_payments";
    case ListKind::Overrides: return "overrides";
    case ListKind::Crises: return "crises";
    case ListKind::Decisions: return "decisions";
    case ListKind::Candidates: return "candidates";
    case ListKind::Variants: return "variants";
  }
  return "?";
}

Deletion preview_delete(const Project& p, ListKind k, std::size_t index) {
  Deletion d;
  if (k == ListKind::Professionals && index < p.professionals.size()) {
    const std::string& id = p.professionals[index].id;
    for (const MemberPayment& m : p.member_payments) d.payments += m.professional == id;
    for (const College& c : p.colleges) d.college_seats += std::count(c.members.begin(), c.members.end(), id) > 0;
  } else if (k == ListKind::Actions && index < p.actions.size()) {
    const std::string& id = p.actions[index].id;
    for (const Indicator& x : p.indicators) d.indicators += x.action == id;
    for (const Candidate& c : p.candidates) d.candidate_links += c.action == id;
  }
  return d;
}

Command delete_item(const Project& p, ListKind k, std::size_t index, std::string label) {
  if (index >= list_size(p, k)) return {};
  if (k == ListKind::Professionals) return delete_professional(p.professionals[index].id, std::move(label));
  if (k == ListKind::Actions) return delete_action(p.actions[index].id, std::move(label));
  return with_list(p, k, [&](const auto& v) {
    using T = typename std::decay_t<decltype(v)>::value_type;
    return erase_at<T>(k, index, std::move(label));
  });
}

bool can_duplicate(ListKind k) { return k != ListKind::Missions && k != ListKind::Overrides; }

namespace {
Command make_duplicate(const Project& p, ListKind k, std::size_t index, std::string label, const std::string& title_suffix);
}  // namespace

Command duplicate_item(const Project& p, ListKind k, std::size_t index, std::string label, const std::string& title_suffix) {
  Command c = make_duplicate(p, k, index, std::move(label), title_suffix);
  // A copy can go past a limit of the file format (5 000 communes, a total population of
  // 100 000 000, 20 tiers…): the user is told, as for a typed value; not a broken invariant.
  c.user_value = true;
  return c;
}

namespace {
Command make_duplicate(const Project& p, ListKind k, std::size_t index, std::string label, const std::string& title_suffix) {
  if (index >= list_size(p, k) || !can_duplicate(k)) return {};
  if (k == ListKind::Actions) {
    // The action and copies of its indicators, all with fresh ids, the indicators attached to the
    // copy and placed after the last indicator of the original.
    Project scratch;  // only its ids matter for fresh_id
    scratch.actions = p.actions;
    scratch.indicators = p.indicators;
    Action copy = p.actions[index];
    copy.id = fresh_id(scratch, 'A');
    copy.title += title_suffix;
    scratch.actions.push_back(copy);
    std::vector<Indicator> copies;
    for (const Indicator& x : p.indicators)
      if (x.action == p.actions[index].id) {
        Indicator c = x;
        c.id = fresh_id(scratch, 'I');
        c.action = copy.id;
        scratch.indicators.push_back(c);
        copies.push_back(std::move(c));
      }
    std::string action_id = copy.id;
    std::size_t at = index + 1;
    auto inserted_at = std::make_shared<std::size_t>(0);
    return {std::move(label),
            [copy, copies, at, inserted_at](Project& p) {
              if (p.find_action(copy.id)) return false;  // already there: ids would clash
              p.actions.insert(p.actions.begin() + static_cast<long>(std::min(at, p.actions.size())), copy);
              *inserted_at = p.indicators.size();
              p.indicators.insert(p.indicators.end(), copies.begin(), copies.end());
              return true;
            },
            [action_id, copies, inserted_at](Project& p) {
              if (*inserted_at + copies.size() <= p.indicators.size())
                p.indicators.erase(p.indicators.begin() + static_cast<long>(*inserted_at),
                                   p.indicators.begin() + static_cast<long>(*inserted_at + copies.size()));
              p.actions.erase(std::remove_if(p.actions.begin(), p.actions.end(), [&](const Action& a) { return a.id == action_id; }),
                              p.actions.end());
            }};
  }
  return with_list(p, k, [&](const auto& v) {
    using T = typename std::decay_t<decltype(v)>::value_type;
    T copy = v[index];
    make_copy_fresh(p, copy);
    return ::cpts::insert_item<T>(std::move(label), [k](Project& q) {
      return with_list(q, k, [](auto& w) -> std::vector<T>* {
        if constexpr (std::is_same_v<std::decay_t<decltype(w)>, std::vector<T>>) return &w;
        else return nullptr;
      });
    }, index + 1, std::move(copy));
  });
}
}  // namespace

Command move_item(ListKind k, std::size_t from, std::size_t to, std::string label) {
  auto rotate = [k](Project& p, std::size_t a, std::size_t b) {
    return with_list(p, k, [&](auto& v) {
      if (a >= v.size() || b >= v.size() || a == b) return false;
      auto item = std::move(v[a]);
      v.erase(v.begin() + static_cast<long>(a));
      v.insert(v.begin() + static_cast<long>(b), std::move(item));
      return true;
    });
  };
  return {std::move(label), [rotate, from, to](Project& p) { return rotate(p, from, to); },
          [rotate, from, to](Project& p) { rotate(p, to, from); }};
}

namespace {
// Whether an override still means something under catalogue `cat` (the loader's rule).
bool override_fits(const AmountOverride& o, const Catalogue& cat) {
  if (!is_mission_component(o.component)) return true;
  if (!cat.mission(o.mission)) return false;
  for (int t = 1; t <= 4; ++t)
    if (cat.amount(o.component, o.mission, t)) return true;
  return false;
}
std::string titled(const std::string& id, const std::string& title) { return id + " « " + title + " »"; }
}  // namespace

std::optional<CatalogueSwitch> preview_catalogue_switch(const Project& p, const std::string& to) {
  const Catalogue* cat = find_catalogue(to);
  if (!cat) return std::nullopt;
  CatalogueSwitch s;
  s.from = p.contract.catalogue;
  s.to = to;
  std::set<std::string> gone_actions;
  for (const ProjectMission& m : p.missions)
    if (!cat->mission(m.mission)) s.missions.push_back(m.mission);
  for (const Action& a : p.actions)
    if (!cat->mission(a.mission)) {
      s.actions.push_back(titled(a.id, a.title));
      gone_actions.insert(a.id);
    }
  for (const Indicator& x : p.indicators) s.indicators += gone_actions.count(x.action);
  for (const AmountOverride& o : p.overrides)
    if (!override_fits(o, *cat)) s.overrides.push_back(std::string(to_string(o.component)) + (o.mission.empty() ? "" : " " + o.mission));
  for (const Candidate& c : p.candidates)
    if (!cat->mission(c.mission)) s.candidates.push_back(titled(c.id, c.title));
  return s;
}

namespace {
// What a project using catalogue `cat` embeds: the file of a catalogue imported at run time (so the
// project opens on another computer, issue #17), nothing for a shipped one.
std::string embedded_text(const Catalogue& cat) { return is_builtin_catalogue(cat.id) ? std::string() : cat.file_text; }
}  // namespace

Command switch_catalogue(const Project& p, const std::string& to, std::string label) {
  // Also when the project already names `to` without embedding it (a project naming an unknown
  // catalogue, once that catalogue is imported).
  const Catalogue* target = find_catalogue(to);
  if (!target || (p.contract.catalogue == to && p.embedded_catalogue == embedded_text(*target))) return {};
  struct State {
    std::string before, before_embedded;
    Removed<ProjectMission> missions;
    Removed<Action> actions;
    Removed<Indicator> indicators;
    Removed<AmountOverride> overrides;
    Removed<Candidate> candidates;
    ClearedLinks links;
  };
  auto st = std::make_shared<State>();
  return {std::move(label),
          [to, st](Project& p) {
            const Catalogue* cat = find_catalogue(to);
            if (!cat || (p.contract.catalogue == to && p.embedded_catalogue == embedded_text(*cat))) return false;
            st->before = p.contract.catalogue;
            st->before_embedded = p.embedded_catalogue;
            p.contract.catalogue = to;
            p.embedded_catalogue = embedded_text(*cat);
            std::set<std::string> gone;
            for (const Action& a : p.actions)
              if (!cat->mission(a.mission)) gone.insert(a.id);
            st->missions.take(p.missions, [&](const ProjectMission& m) { return !cat->mission(m.mission); });
            st->actions.take(p.actions, [&](const Action& a) { return gone.count(a.id) > 0; });
            st->indicators.take(p.indicators, [&](const Indicator& x) { return gone.count(x.action) > 0; });
            st->overrides.take(p.overrides, [&](const AmountOverride& o) { return !override_fits(o, *cat); });
            st->candidates.take(p.candidates, [&](const Candidate& c) { return !cat->mission(c.mission); });
            st->links.clear(p, gone);
            return true;
          },
          [st](Project& p) {
            st->links.restore(p);
            st->candidates.restore(p.candidates);
            st->overrides.restore(p.overrides);
            st->indicators.restore(p.indicators);
            st->actions.restore(p.actions);
            st->missions.restore(p.missions);
            p.contract.catalogue = st->before;
            p.embedded_catalogue = st->before_embedded;
          }};
}

Command add_rating_group(const Project& p, const std::string& group, std::string label) {
  if (group.empty()) return {};
  std::vector<std::string> ids;  // candidates that get the group
  for (const Candidate& c : p.candidates)
    if (std::none_of(c.ratings.begin(), c.ratings.end(), [&](const Rating& r) { return r.group == group; })) ids.push_back(c.id);
  if (ids.empty()) return {};
  auto for_each = [ids](Project& q, auto f) {
    bool any = false;
    for (Candidate& c : q.candidates)
      if (std::find(ids.begin(), ids.end(), c.id) != ids.end()) any = f(c) || any;
    return any;
  };
  return {std::move(label),
          [for_each, group](Project& q) {
            return for_each(q, [&](Candidate& c) {
              c.ratings.push_back({group});
              return true;
            });
          },
          [for_each, group](Project& q) {
            for_each(q, [&](Candidate& c) {
              if (!c.ratings.empty() && c.ratings.back().group == group) c.ratings.pop_back();
              return true;
            });
          }};
}

Command open_variant(const Project& p, std::size_t index, std::string label) {
  if (index >= p.variants.size() || !p.variants[index].project) return {};
  Project next = *p.variants[index].project;
  next.variants = p.variants;  // keep the other variants
  return replace_project(std::move(label), std::move(next));
}

}  // namespace cpts::edits

// ---- Follow-up of the indicators (issue #19) -----------------------------------------------------

namespace cpts::edits {

namespace {

Indicator* find_indicator_mut(Project& p, const std::string& id) {
  for (Indicator& ind : p.indicators)
    if (ind.id == id) return &ind;
  return nullptr;
}

}  // namespace

Command set_measurement(const std::string& indicator_id, const Date& date, std::optional<double> value, const std::string& source,
                        std::string label) {
  // The command computes the new list when applied (the project may have moved on since it was
  // built), so it reads the current list inside apply.
  auto old = std::make_shared<std::vector<Measurement>>();
  return {std::move(label),
          [indicator_id, date, value, source, old](Project& p) {
            Indicator* ind = find_indicator_mut(p, indicator_id);
            if (!ind) return false;
            std::vector<Measurement> next = ind->measurements;
            auto it = std::lower_bound(next.begin(), next.end(), date, [](const Measurement& m, const Date& d) { return m.date < d; });
            bool exists = it != next.end() && it->date == date;
            if (!value) {
              if (!exists) return false;
              next.erase(it);
            } else if (exists) {
              if (it->value == *value && it->source == source) return false;
              it->value = *value;
              it->source = source;
            } else {
              next.insert(it, Measurement{date, *value, source, false});
            }
            *old = std::move(ind->measurements);
            ind->measurements = std::move(next);
            return true;
          },
          [indicator_id, old](Project& p) {
            if (Indicator* ind = find_indicator_mut(p, indicator_id)) ind->measurements = *old;
          },
          /*user_value=*/true};
}

Command set_measurement_final(const std::string& indicator_id, const Date& date, bool final, std::string label) {
  auto old = std::make_shared<std::vector<Measurement>>();
  return {std::move(label),
          [indicator_id, date, final, old](Project& p) {
            Indicator* ind = find_indicator_mut(p, indicator_id);
            if (!ind) return false;
            auto it = std::find_if(ind->measurements.begin(), ind->measurements.end(), [&](const Measurement& m) { return m.date == date; });
            if (it == ind->measurements.end() || it->final == final) return false;
            *old = ind->measurements;
            if (final && p.contract.signature.valid()) {
              // One final value per contract year: the other marks of the same year go.
              const Date& sig = p.contract.signature;
              auto year_of = [&](const Date& d) {
                int y = 1;
                while (y <= kContractYears && !(d < add_years(sig, y))) ++y;
                return y;
              };
              int year = year_of(date);
              for (Measurement& m : ind->measurements)
                if (m.final && m.date.valid() && !(m.date < sig) && year_of(m.date) == year) m.final = false;
            }
            it->final = final;
            return true;
          },
          [indicator_id, old](Project& p) {
            if (Indicator* ind = find_indicator_mut(p, indicator_id)) ind->measurements = *old;
          },
          /*user_value=*/true};
}

Command set_baseline_year(const std::string& indicator_id, std::optional<int> year, std::string label) {
  return set_value<std::optional<int>>(std::move(label),
                                       [indicator_id](Project& p) -> std::optional<int>* {
                                         Indicator* ind = find_indicator_mut(p, indicator_id);
                                         return ind ? &ind->baseline_year : nullptr;
                                       },
                                       year);
}

Command set_review_date(std::optional<Date> date, std::string label) {
  return set_value<std::optional<Date>>(std::move(label), [](Project& p) { return &p.contract.review_date; }, date);
}

}  // namespace cpts::edits
