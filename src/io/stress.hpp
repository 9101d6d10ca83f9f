// A generated, deterministic "stress" project (≥ 500 communes, 1 000 actions, 5 000 indicators)
// used by the benchmarks and by the UI tests that must stay smooth with long lists.
#pragma once
#include "model/project.hpp"

namespace cpts {

Project make_stress_project(int communes = 500, int actions = 1000, int indicators = 5000);

}  // namespace cpts
