// libFuzzer target: random edits (issue #13). The input's bytes pick a sample, then drive the
// same random-edit engine as tests/core/random_edits_test.cpp (every kind of edit, valid and
// invalid values, undo and redo). History runs strict: project surgery that breaks a loader rule
// throws. Checked: save → load → save is byte-identical after every change, and undoing
// everything gives back the sample's bytes.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "../lib/random_edits.hpp"
#include "io/project_json.hpp"
#include "io/samples.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace cpts;
  if (size < 2) return 0;
  static const auto ids = sample_ids();
  ProjectLoad l = load_project(sample_text(ids[data[0] % ids.size()]));
  if (!l.project) std::abort();
  const std::string original = save_project(*l.project);
  History::set_strict(true);
  History h(*l.project);
  std::size_t at = 1;
  // Four bytes per number; zeros once the input is used up (the step loop stops there).
  editgen::RandomEdits engine(h, [&] {
    std::uint32_t v = 0;
    for (int k = 0; k < 4 && at < size; ++k) v = v << 8 | data[at++];
    return v;
  });
  std::uint64_t revision = h.revision();
  for (int steps = 0; at < size && steps < 200; ++steps) {
    engine.step();  // InvariantViolation escapes: libFuzzer reports it as a crash
    if (h.revision() == revision) continue;
    revision = h.revision();
    std::string saved = save_project(h.project());
    ProjectLoad back = load_project(saved);
    if (!back.project || save_project(*back.project) != saved) std::abort();
  }
  while (h.can_undo()) h.undo();
  if (save_project(h.project()) != original) std::abort();
  return 0;
}
