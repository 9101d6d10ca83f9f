// Random edits through the core's edit vocabulary (edit/edits.hpp, history.hpp): the engine shared
// by the property test (tests/core/random_edits_test.cpp) and the libFuzzer target
// (tests/fuzz/fuzz_edits.cpp). Every kind of edit the UI can make, on random targets with random
// values, valid and invalid (INSEE "ABC", department names, negative or huge amounts, empty or
// duplicate ids…), undo and redo interleaved. It only drives History: the callers check the
// invariants (the project validates, save → load → save is byte-identical, undo all restores).
#pragma once
#include <cstdint>
#include <functional>
#include <string>

#include "edit/history.hpp"

namespace cpts::editgen {

class RandomEdits {
 public:
  // `next` gives the random numbers (a seeded PRNG, or the fuzzer's bytes). `big`: the project is
  // large (stress): skip the edits that copy the whole project (library insert, conversion).
  RandomEdits(History& h, std::function<std::uint32_t()> next, bool big = false) : h_(h), next_(std::move(next)), big_(big) {}
  // Plays one random edit; returns its description ("supprimer professionals[2]", "annuler"…)
  // and, in `refused`, whether History refused it (a user value the loader would refuse).
  std::string step(bool* refused = nullptr);

 private:
  std::uint32_t pick(std::uint32_t n) { return n ? next_() % n : 0; }
  History& h_;
  std::function<std::uint32_t()> next_;
  bool big_;
};

}  // namespace cpts::editgen
