#include "edit/history.hpp"

#include <atomic>

#include "io/project_json.hpp"

namespace cpts {

namespace {
#ifdef NDEBUG
std::atomic<bool> g_strict{false};
#else
std::atomic<bool> g_strict{true};
#endif

std::string describe(const std::vector<JsonError>& errors) {
  std::string s;
  for (const JsonError& e : errors) s += "\n  " + e.path + " : " + e.message;
  return s;
}

// After undo / redo: they restore states that were valid, so a broken rule here is a bug.
void check_restored(const Project& p, const char* what) {
  if (!g_strict) return;
  if (auto errors = validate_project(p); !errors.empty())
    throw InvariantViolation(std::string(what) + " a produit un projet invalide :" + describe(errors));
}
}  // namespace

void History::set_strict(bool on) { g_strict = on; }
bool History::strict() { return g_strict; }

std::string EditResult::message() const {
  if (refused.empty()) return {};
  return "Modification refusée : " + refused.front().message + " (" + refused.front().path + ")";
}

std::uint64_t History::next_revision() {
  static std::atomic<std::uint64_t> counter{1};
  return counter++;
}

EditResult History::execute(Command c) {
  EditResult result;
  if (!c.apply || !c.apply(project_)) return result;
  if (auto errors = validate_project(project_); !errors.empty()) {
    c.revert(project_);
    if (g_strict && !c.user_value)
      throw InvariantViolation("« " + c.label + " » a produit un projet invalide :" + describe(errors));
    result.refused = std::move(errors);
    return result;
  }
  if (saved_at_ > done_) saved_lost_ = true;  // the saved state was in the redo part we drop
  stack_.resize(done_);
  stack_.push_back(std::move(c));
  if (stack_.size() > kMaxSteps) {
    stack_.erase(stack_.begin());
    if (saved_at_ == 0) saved_lost_ = true;
    else --saved_at_;
  }
  done_ = stack_.size();
  revision_ = next_revision();
  result.applied = true;
  return result;
}

void History::undo() {
  if (!can_undo()) return;
  stack_[--done_].revert(project_);
  revision_ = next_revision();
  check_restored(project_, ("Annuler « " + stack_[done_].label + " »").c_str());
}

void History::redo() {
  if (!can_redo()) return;
  stack_[done_++].apply(project_);
  revision_ = next_revision();
  check_restored(project_, ("Rétablir « " + stack_[done_ - 1].label + " »").c_str());
}

const std::string& History::undo_label() const {
  static const std::string none;
  return can_undo() ? stack_[done_ - 1].label : none;
}

const std::string& History::redo_label() const {
  static const std::string none;
  return can_redo() ? stack_[done_].label : none;
}

void History::load(Project p) {
  project_ = std::move(p);
  stack_.clear();
  done_ = saved_at_ = 0;
  saved_lost_ = false;
  revision_ = next_revision();
}

Command replace_project(std::string label, Project next) {
  auto previous = std::make_shared<Project>();
  auto incoming = std::make_shared<Project>(std::move(next));
  return {std::move(label),
          [previous, incoming](Project& p) {
            *previous = p;
            p = *incoming;
            return true;
          },
          [previous](Project& p) { p = *previous; }};
}

}  // namespace cpts
