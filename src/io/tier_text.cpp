#include "io/tier_text.hpp"

#include "io/table_values.hpp"

namespace cpts {

namespace {

struct Comparator {
  std::string_view text;
  Direction direction;
};
// Longest first, so that ">=" is not read as ">".
constexpr Comparator kComparators[] = {
    {"\xE2\x89\xA5", Direction::Up},  {">=", Direction::Up},   {"\xE2\x89\xA4", Direction::Down},
    {"<=", Direction::Down},          {">", Direction::Up},    {"<", Direction::Down},
};

// Finds the first comparator in `s`: position, length, direction.
std::optional<std::pair<std::size_t, const Comparator*>> find_comparator(std::string_view s) {
  std::optional<std::pair<std::size_t, const Comparator*>> best;
  for (const Comparator& c : kComparators) {
    std::size_t at = s.find(c.text);
    if (at == std::string_view::npos) continue;
    if (!best || at < best->first || (at == best->first && c.text.size() > best->second->text.size())) best = {{at, &c}};
  }
  return best;
}

std::vector<std::string_view> split_tiers(std::string_view text) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i == text.size() || text[i] == '|' || text[i] == ';' || text[i] == '\n' || text[i] == '\r') {
      std::string_view part = trim_cell(text.substr(start, i - start));
      if (!part.empty()) parts.push_back(part);
      start = i + 1;
    }
  }
  return parts;
}

std::string guillemets(std::string_view s) { return "« " + std::string(s.substr(0, 80)) + " »"; }

}  // namespace

ParsedThreshold parse_threshold_text(std::string_view text) {
  ParsedThreshold out;
  std::string_view s = trim_cell(text);
  if (auto cmp = find_comparator(s); cmp && cmp->first == 0) {
    out.direction = cmp->second->direction;
    s = trim_cell(s.substr(cmp->second->text.size()));
  }
  CellValue<double> v = parse_cell_number(s);
  if (!v.value) out.error = "seuil attendu (« ≥ 69,70 % », « 12 »), trouvé " + guillemets(text);
  out.value = v.value;
  return out;
}

ParsedTiers parse_tiers_text(std::string_view text) {
  ParsedTiers out;
  for (std::string_view part : split_tiers(text)) {
    Tier tier;
    std::string_view rest = part;
    auto cmp = find_comparator(rest);
    if (cmp) {
      // What comes before the comparator is the tier's name ("socle :").
      std::string_view label = trim_cell(rest.substr(0, cmp->first));
      if (!label.empty() && label.back() == ':') label = trim_cell(label.substr(0, label.size() - 1));
      tier.label = std::string(label);
      if (out.direction && *out.direction != cmp->second->direction) {
        out.error = "palier " + guillemets(part) + " : « ≥ » et « ≤ » mélangés dans la même cellule";
        return out;
      }
      out.direction = cmp->second->direction;
      rest = rest.substr(cmp->first + cmp->second->text.size());
    }
    // Arrow between the threshold and the amount.
    std::size_t arrow = std::string_view::npos, arrow_len = 0;
    for (std::string_view a : {std::string_view("\xE2\x86\x92"), std::string_view("->"), std::string_view("=>"),
                               std::string_view(":")}) {
      std::size_t at = rest.find(a);
      if (at != std::string_view::npos) {
        arrow = at;
        arrow_len = a.size();
        break;
      }
    }
    if (arrow == std::string_view::npos) {
      out.error = "palier " + guillemets(part) + " : « seuil → montant » attendu (par exemple « ≥ 69,70 % → 1 000 € »)";
      return out;
    }
    CellValue<double> threshold = parse_cell_number(rest.substr(0, arrow));
    if (!threshold.value) {
      out.error = "palier " + guillemets(part) + " : " + threshold.error;
      return out;
    }
    CellValue<Cents> amount = parse_cell_cents(rest.substr(arrow + arrow_len));
    if (!amount.value) {
      out.error = "palier " + guillemets(part) + " : " + amount.error;
      return out;
    }
    tier.threshold = *threshold.value;
    tier.cents = *amount.value;
    out.tiers.push_back(std::move(tier));
  }
  return out;
}

}  // namespace cpts
