// A resumable writer of project files: the same canonical text as save_project() (byte for byte,
// tests/core/project_sliced_writer_test.cpp), written a slice at a time, so that the autosave of a
// large project (the stress project: 4.4 MiB, ≈ 200–300 ms in one go in wasm) never blocks a frame
// (issue #18, item 5).
//
// It writes the project it is given (std::shared_ptr<const Project>), which must not change until
// the text is done: a copy it shares, or the open project itself when the caller stops stepping
// as soon as that changes (the autosave, imgui_ui/app/file_actions.cpp, drops the save then).
//
// How: the top of the file and its objects (identity, territory, contract, finance…) are walked
// with the schema's own visitor (model/schema.hpp); every list met on the way (communes, actions,
// indicators, payments…) is written one element at a time, each element by the canonical writer
// (io/project_field_writer.hpp) and nlohmann's serializer at the indentation it has in the whole
// file. A step stops after the element during which its time ran out, so a step overshoots its
// budget by at most one element (one list element: a few µs to a few hundred; a variant, which is
// a whole project, is one element).
#pragma once
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "io/json_reader.hpp"
#include "model/project.hpp"

namespace cpts {

class SlicedProjectWriter {
 public:
  // `reserve`: the expected size (the previous save's), so that the text is not reallocated.
  explicit SlicedProjectWriter(std::shared_ptr<const Project> snapshot, std::size_t reserve = 0);

  // Writes for about `budget_ms` of wall time (at least one element); true when the text is whole.
  bool step(double budget_ms);
  void finish() { while (!step(1e9)) {} }  // the rest at once (page closing, another project opening)
  bool done() const { return next_ >= units_.size(); }
  const Project& project() const { return *snapshot_; }
  const std::shared_ptr<const Project>& snapshot() const { return snapshot_; }
  std::string& text() { return out_; }  // the canonical text once done()
  std::size_t steps() const { return steps_; }

 private:
  struct Unit {
    // Writes element `i` (0 ≤ i < count) of this unit into the text.
    std::function<void(SlicedProjectWriter&, std::size_t i)> write;
    std::size_t count = 1;
  };
  friend class SlicedCollector;

  // Output helpers, with the container states the way nlohmann writes them (indent step 2).
  void open_member(const char* key);        // "{\n" or ",\n", indentation, "\"key\": "
  void push_object();                       // an object whose "{" comes with its first member
  void pop_object();                        // "}" or "{}"
  void value(const OrderedJson& v, int indent);

  std::shared_ptr<const Project> snapshot_;
  std::vector<Unit> units_;
  std::size_t next_ = 0, element_ = 0, steps_ = 0;
  struct Frame {
    int depth = 0;                          // the object's own indentation is 2 × depth
    bool opened = false;                    // its "{" and first member are written
  };
  std::vector<Frame> frames_;
  std::string out_;
};

}  // namespace cpts
