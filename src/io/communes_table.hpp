// The official list of communes as the app reads it: the text table that
// scripts/communes_table.py writes at build time from @etalab/decoupage-administratif (issue #15).
// Loading is io; searching it is src/rules/communes.hpp.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cpts {

struct RefCommune {
  std::string code;          // INSEE code: "25056", "2A004", "69381" (a municipal arrondissement)
  std::string name;          // "Besançon"
  std::string department;    // "25", "2A", "971"
  std::string region;        // INSEE region code, "27"
  std::string postcodes;     // space-separated: "25000" or "75001 75002 …"
  long long population = 0;  // population municipale (year: CommuneTable::provenance)
  std::string epci;          // SIREN of its intercommunalité, "" when none
  std::string parent;        // for a municipal arrondissement, its commune ("69123"), else ""
};

struct RefEpci {
  std::string siren;         // "247100290"
  std::string name;          // "CU Le Creusot Montceau-les-Mines"
};

struct CommuneTable {
  std::string source;        // "@etalab/decoupage-administratif 6.0.0 (Licence Ouverte 2.0 ; …)"
  std::string provenance;    // "population municipale 2023 (INSEE), découpage administratif 2026"
  std::vector<RefCommune> communes;  // sorted by code
  std::vector<RefEpci> epcis;        // sorted by SIREN
};

// Parses the table's bytes. On failure returns nothing and `error` says where (line) and what was
// expected, in French.
std::optional<CommuneTable> load_communes_table(std::string_view bytes, std::string& error);
// The same from a file (native builds: build/<preset>/data/communes.tsv).
std::optional<CommuneTable> read_communes_table_file(const std::string& path, std::string& error);

}  // namespace cpts
