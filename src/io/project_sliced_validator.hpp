// validate_project() in slices (issue #18, item 5): the same errors, in the same order, for a
// snapshot the autosave is about to write, checked a few list elements at a time across frames
// rather than in one stretch (the stress project: ≈ 2 ms natively, several times that in wasm).
//
// The field rules of model/schema.hpp are applied by validate_project's own visitor
// (io/project_validate.cpp, where this class is implemented for that reason): each list element is
// a unit, the fields outside lists are checked when the validator is made (cheap), and the rules
// across objects (rules/project_rules.hpp) are the last unit, run only when every field passed, as
// load_project does. Errors are kept in the order a whole validation would give them.
#pragma once
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "io/json_reader.hpp"
#include "model/project.hpp"

namespace cpts {

class SlicedProjectValidator {
 public:
  explicit SlicedProjectValidator(std::shared_ptr<const Project> snapshot);
  ~SlicedProjectValidator();

  // Checks for about `budget_ms` (at least one element); true when done.
  bool step(double budget_ms);
  bool done() const { return next_ >= units_.size(); }
  // Once done(): what validate_project(snapshot) returns.
  const std::vector<JsonError>& errors() const { return errors_; }

  struct Link;   // a step of a JSON path (io/project_validate.cpp)
  struct Found;  // an error with the place of its unit, to restore the whole walk's order
  struct Unit {
    std::function<void(std::vector<JsonError>&, std::size_t i)> check;
    std::size_t count = 1;
    std::size_t order = 0;  // its place in the walk
  };

 private:
  friend class SlicedValidatorCollector;
  void add_found(std::size_t order, std::size_t element, std::vector<JsonError>& errors);
  void finish();

  std::shared_ptr<const Project> snapshot_;
  std::string root_ = "$";
  std::deque<std::unique_ptr<Link>> links_;  // stable addresses: the units point into it
  std::vector<Unit> units_;
  std::vector<Found> found_;
  std::size_t next_ = 0, element_ = 0, order_ = 0;
  std::vector<JsonError> errors_;
};

}  // namespace cpts
