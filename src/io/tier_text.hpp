// Payment tiers written as text in a contract annex cell, as CPAM annexes and our own CSV export
// write them: "≥ 69,70 % → 1 000 €", "socle : ≥ 50 → 3000,00 €", ">= 40 % -> 500 €", several
// tiers separated by "|", ";" or line breaks. "≤" means lower is better (Direction::Down).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/project.hpp"

namespace cpts {

struct ParsedTiers {
  std::vector<Tier> tiers;
  std::optional<Direction> direction;  // from the comparators, when there is one
  std::string error;                   // French, empty when read
};

ParsedTiers parse_tiers_text(std::string_view text);

// One threshold cell of an annex with tiers in columns: "≥ 69,70 %", "69,7", "<= 12".
struct ParsedThreshold {
  std::optional<double> value;
  std::optional<Direction> direction;
  std::string error;
};
ParsedThreshold parse_threshold_text(std::string_view text);

}  // namespace cpts
