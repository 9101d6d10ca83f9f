// Searching the official list of communes and intercommunalités (issue #15): as-you-type search
// that ignores accents, case, hyphens and apostrophes ("besancon", "st martin", "l isle"), by
// INSEE code or postal code; EPCI by name or SIREN. The folded names are computed once, so that a
// keystroke scans plain ASCII bytes (benchmark: bench/engine_bench.cpp).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/communes_table.hpp"

namespace cpts {

// Lower case, accents removed (é→e, œ→oe, ÿ→y…), hyphens, apostrophes (' ’) and other
// punctuation become one space, leading/trailing spaces removed.
std::string fold_place_name(std::string_view utf8);

class CommuneIndex {
 public:
  explicit CommuneIndex(CommuneTable table);

  const CommuneTable& table() const { return table_; }
  const std::string& provenance() const { return table_.provenance; }
  std::size_t size() const { return table_.communes.size(); }

  // Communes matching the typed text, best first: exact name or code, then names starting with
  // it, then a word of the name starting with it, then every word found; within each, larger
  // populations first (the town people usually mean). "st"/"ste" also stand for Saint/Sainte.
  std::vector<const RefCommune*> search(std::string_view text, std::size_t limit = 20) const;
  const RefCommune* find(std::string_view code) const;   // by INSEE code

  std::vector<const RefEpci*> search_epci(std::string_view text, std::size_t limit = 20) const;
  const RefEpci* find_epci(std::string_view siren) const;
  std::vector<const RefCommune*> members(std::string_view siren) const;  // sorted by code
  long long epci_population(std::string_view siren) const;

 private:
  std::string_view name_at(std::size_t k) const;  // folded name at by_population_ position k

  CommuneTable table_;
  std::vector<std::size_t> by_population_;       // commune indices, largest population first
  // " " + fold_place_name(name) of each commune, one after the other in by_population_ order, so
  // that a keystroke scans one contiguous block (35 000 names, about 600 KB) front to back.
  std::string folded_blob_;
  std::vector<std::uint32_t> folded_start_;      // per by_population_ position, + one end marker
  // Which letters (bit 0 = 'a' … 25 = 'z', 26 = any digit) each name holds: a name missing one of
  // the query's letters cannot match, which rejects most names without reading them.
  std::vector<std::uint32_t> letters_;
  // by_population_ positions sorted by folded name: the names equal to the typed text (rank 0) are
  // found at once, so that the scan can stop as soon as the names starting with it fill the
  // results ("s", "la", "saint": a few hundred names read instead of 35 000).
  std::vector<std::uint32_t> by_name_;
  // INSEE codes lower-cased, kCodeWidth bytes each, and " " + the postal codes of each commune
  // (" 71200 71300"), both in by_population_ order: a code search reads two contiguous blocks
  // instead of 35 000 scattered RefCommune (which cost 1.2 ms per keystroke natively).
  static constexpr std::size_t kCodeWidth = 5;
  std::string codes_;
  std::string postcode_blob_;
  std::vector<std::uint32_t> postcode_start_;    // per by_population_ position, + one end marker
  std::vector<std::string> folded_epci_;
  std::vector<long long> epci_population_;
};

}  // namespace cpts
