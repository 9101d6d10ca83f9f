#include "edit/history.hpp"

#include <atomic>

namespace cpts {

std::uint64_t History::next_revision() {
  static std::atomic<std::uint64_t> counter{1};
  return counter++;
}

bool History::execute(Command c) {
  if (!c.apply || !c.apply(project_)) return false;
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
  return true;
}

void History::undo() {
  if (!can_undo()) return;
  stack_[--done_].revert(project_);
  revision_ = next_revision();
}

void History::redo() {
  if (!can_redo()) return;
  stack_[done_++].apply(project_);
  revision_ = next_revision();
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
