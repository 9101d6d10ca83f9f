// The funding table (issue #14, "the code behind the screen"): the ACI money per contract year,
// line by line, computed once here and printed as is by the CLI (`cpts-cli simulate`), the
// documents (src/io/documents, "Budget et financement ACI") and the app (Financement → Montants).
// Before it, three copies chose their own rows and disagreed on the avenant-2 top-up (the app
// folded it into Fonctionnement, the documents dropped the catalogue's extra components).
//
// Rows, in this order, each shown only when it holds money (totals always):
//   Fonctionnement · Complément avenant 2 · each contract-level extra component ·
//   per chosen mission: its total, then part fixe, SNP, part variable, activation de crise,
//   autres composantes, au-delà du plafond commun (non versé) ·
//   Total part fixe (garantie) · Activation de crise (si reconnue) · Total part variable ·
//   Part variable maximum (à risque) · TOTAL ACI.
// Money (issue #14 item 8): a table shows every amount with two decimals when one of its amounts
// has cents, else none (model/money.hpp format_eur_digits), and "—" for zero.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "engine/funding.hpp"

namespace cpts {

enum class FundingRowKind {
  Fonctionnement,     // art. 9.1
  Avenant2Topup,      // avenant 2: complement of the first year's fonctionnement
  Extra,              // a catalogue's contract-level extra component (format 2); `id` = its id
  MissionTotal,       // `id` = the catalogue mission
  MissionFixe,
  MissionSnp,
  MissionVariable,
  MissionActivation,
  MissionExtra,       // the mission's extra components (format 2)
  MissionCeilingCut,  // variable earned over a shared ceiling: not paid, not in the totals
  TotalFixed,
  TotalActivation,
  TotalVariable,
  VariableMax,        // what the variable part could reach: the money at risk
  Total,
};

struct FundingTableRow {
  FundingRowKind kind = FundingRowKind::Fonctionnement;
  std::string id;                         // mission id or extra component id, else ""
  std::string label_fr;                   // "Accès — part fixe", "Complément avenant 2"
  std::array<Cents, kContractYears> years{};
  Cents total = 0;
  std::array<std::string, kContractYears> year_cells;  // formatted by the table's rule
  std::string total_cell;
  bool estimate = false;                  // provenance: rests on an estimated catalogue amount
  bool summary() const;                   // a total line (bold): mission totals and the totals
  bool detail() const;                    // a mission's part (indented under its total)
};

struct FundingTable {
  Scenario scenario = Scenario::Ceiling;
  bool cents = false;                     // every amount with two decimals (one of them has cents)
  std::vector<FundingTableRow> rows;
  std::array<Basis, kContractYears> basis{};  // what each year's variable part rests on
  std::string cell(Cents c) const;        // "—" for 0, else format_eur_digits(c, cents)
  const FundingTableRow* find(FundingRowKind kind, const std::string& id = "") const;
};

FundingTable funding_table(const FundingResult& r);

}  // namespace cpts
