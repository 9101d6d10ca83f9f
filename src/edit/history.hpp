// Edits as commands, with undo/redo and the "unsaved" flag. The UI never mutates the Project: it
// builds Commands (one per finished edit) and hands them to History::execute, after the frame.
// Objects are located by id or index inside the command (never by pointer), so a command stays
// valid after other edits have moved things around in memory.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <stdexcept>

#include "io/json_reader.hpp"
#include "model/project.hpp"

namespace cpts {

struct Command {
  std::string label;                       // "Modifier la population", shown as "Annuler : …"
  std::function<bool(Project&)> apply;     // false = nothing done (target vanished): not recorded
  std::function<void(Project&)> revert;
  // A value the user typed (set_value): it may break a rule of the file format, and is then
  // refused like any wrong input. Every other command is project surgery built by the core
  // (edit/edits.hpp), for which breaking a rule is a bug (strict mode throws).
  bool user_value = false;
};

// What History::execute did with a command.
struct EditResult {
  bool applied = false;                    // the project changed and the step was recorded
  std::vector<JsonError> refused;          // the rules the command would have broken (nothing changed)
  explicit operator bool() const { return applied; }
  // "Modification refusée : <message> (<chemin>)", the first broken rule; "" when not refused.
  std::string message() const;
};

// Thrown in strict mode when a command that is not a user value breaks a loader rule: the core's
// edit vocabulary has a bug (issue #13, "the invariant is checked, not hoped for").
struct InvariantViolation : std::logic_error {
  using std::logic_error::logic_error;
};

class History {
 public:
  explicit History(Project p = {}) : project_(std::move(p)) {}

  const Project& project() const { return project_; }
  // Applies `c`, then checks the whole project with the loader's rules (validate_project): a
  // command that breaks one is reverted and refused, so the project always saves to a file that
  // opens again. Recorded unless apply returned false or it was refused. In strict mode (the
  // default in debug builds, and in tests) a refused command that is not a user value, and any
  // undo or redo that breaks a rule, throws InvariantViolation instead.
  EditResult execute(Command c);
  static void set_strict(bool on);
  static bool strict();
  bool can_undo() const { return done_ > 0; }
  bool can_redo() const { return done_ < stack_.size(); }
  void undo();
  void redo();
  const std::string& undo_label() const;
  const std::string& redo_label() const;

  bool dirty() const { return done_ != saved_at_ || saved_lost_; }
  void mark_saved() { saved_at_ = done_; saved_lost_ = false; }
  // Changes on every edit, undo, redo and load, and is unique across all histories of the process,
  // so a cache keyed by revision can never mistake one project for another.
  std::uint64_t revision() const { return revision_; }
  void load(Project p);                    // a new document: history cleared, not dirty

  static constexpr std::size_t kMaxSteps = 500;

 private:
  Project project_;
  std::vector<Command> stack_;
  std::size_t done_ = 0, saved_at_ = 0;
  bool saved_lost_ = false;                // the saved state fell off the bottom of the stack
  std::uint64_t revision_ = next_revision();
  static std::uint64_t next_revision();
};

// ---- Command builders ---------------------------------------------------------------------------

template <class T>
using Locate = std::function<T*(Project&)>;

// Sets one value (a field, a whole object) found by `locate`; the old value is kept for undo. A
// user value: History refuses it (nothing changes) when the loader would refuse it.
template <class T>
Command set_value(std::string label, Locate<T> locate, T value) {
  auto old = std::make_shared<std::optional<T>>();
  return {std::move(label),
          [locate, value, old](Project& p) {
            T* v = locate(p);
            if (!v) return false;
            *old = *v;
            *v = value;
            return true;
          },
          [locate, old](Project& p) {
            if (T* v = locate(p); v && *old) *v = **old;
          },
          /*user_value=*/true};
}

// Inserts `item` at `index` (clamped to the end) of the list found by `locate`.
template <class T>
Command insert_item(std::string label, Locate<std::vector<T>> locate, std::size_t index, T item) {
  auto at = std::make_shared<std::size_t>(index);
  return {std::move(label),
          [locate, item, at](Project& p) {
            std::vector<T>* v = locate(p);
            if (!v) return false;
            *at = std::min(*at, v->size());
            v->insert(v->begin() + static_cast<long>(*at), item);
            return true;
          },
          [locate, at](Project& p) {
            if (std::vector<T>* v = locate(p); v && *at < v->size()) v->erase(v->begin() + static_cast<long>(*at));
          },
          // A new item can go past a list's limit (5 000 communes…) or carry a value the user
          // gave: refused like a typed value, not a broken invariant.
          /*user_value=*/true};
}

template <class T>
Command erase_item(std::string label, Locate<std::vector<T>> locate, std::size_t index) {
  auto removed = std::make_shared<std::optional<T>>();
  return {std::move(label),
          [locate, index, removed](Project& p) {
            std::vector<T>* v = locate(p);
            if (!v || index >= v->size()) return false;
            *removed = (*v)[index];
            v->erase(v->begin() + static_cast<long>(index));
            return true;
          },
          [locate, index, removed](Project& p) {
            if (std::vector<T>* v = locate(p); v && *removed && index <= v->size())
              v->insert(v->begin() + static_cast<long>(index), **removed);
          }};
}

template <class T>
Command move_item(std::string label, Locate<std::vector<T>> locate, std::size_t from, std::size_t to) {
  auto rotate = [locate](Project& p, std::size_t a, std::size_t b) {
    std::vector<T>* v = locate(p);
    if (!v || a >= v->size() || b >= v->size() || a == b) return false;
    T item = std::move((*v)[a]);
    v->erase(v->begin() + static_cast<long>(a));
    v->insert(v->begin() + static_cast<long>(b), std::move(item));
    return true;
  };
  return {std::move(label), [rotate, from, to](Project& p) { return rotate(p, from, to); },
          [rotate, from, to](Project& p) { rotate(p, to, from); }};
}

// Replaces the whole project (compound edits: insert a library entry, merge, migrate). Costs a copy
// of the project per step, which is fine for edits made by a person.
Command replace_project(std::string label, Project next);

}  // namespace cpts
