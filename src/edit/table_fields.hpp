// The tables a pasted or imported table can fill (Communes, Professionnels, Diagnostic, Actions,
// Indicateurs), their fields, and the column headers each field is recognised by, in French and
// English, whatever the case and accents ("Libellé de l’indicateur" = "libelle de l indicateur").
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/table_grid.hpp"

namespace cpts::tables {

enum class TableKind { Communes, Professionals, Diagnostic, Actions, Indicators };
constexpr TableKind kAllTables[] = {TableKind::Communes, TableKind::Professionals, TableKind::Diagnostic,
                                    TableKind::Actions, TableKind::Indicators};
// "communes", "professionnels", "diagnostic", "actions", "indicateurs" (the CLI's --table words).
const char* table_word(TableKind k);
std::optional<TableKind> table_from_word(std::string_view w);
const char* table_label_fr(TableKind k);  // "Communes", "Professionnels", …

enum class Field {
  None,
  // Communes
  Insee, CommuneName, Department, Population,
  // Professionnels
  ProName, Profession, Structure, Member,
  // Diagnostic
  DiagLabel, DiagValue, DiagUnit, DiagSource, DiagYear, DiagComment,
  // Actions (and the action columns of an indicator annex)
  Mission, ActionId, ActionTitle, Objective, Pilot, TargetPopulation, Start, End, Status,
  // Indicateurs (contract annex)
  IndicatorId, IndicatorLabel, Kind, Unit, Direction, Baseline,
  Target1, Target2, Target3, Target4, Target5,
  Tiers,                                   // every tier in one cell: "≥ 69,70 % → 1 000 €"
  Tier1Threshold, Tier1Amount, Tier2Threshold, Tier2Amount, Tier3Threshold, Tier3Amount,
  Tier4Threshold, Tier4Amount,
  Amount, Evidence, Source,
  Actual1, Actual2, Actual3, Actual4, Actual5,
};

// The fields of a table, in the order the mapping combos list them.
const std::vector<Field>& table_fields(TableKind k);
const char* field_label_fr(Field f);  // "Code INSEE", "Cible année 2", "Palier 1 : montant"
const char* field_label_en(Field f);

int target_year(Field f);  // 1..5 for Target1..5, else 0
int actual_year(Field f);
int tier_index(Field f);   // 1..4 for the tier column fields, else 0
bool tier_amount(Field f);

// Which field each column holds (Field::None: ignored), and which row holds the headers.
struct Mapping {
  std::vector<Field> columns;
  std::optional<std::size_t> header_row;  // index into grid.rows; rows up to it are not data
};

// Looks for the header row among the first rows (the one whose cells name the most fields: an
// annex may start with a title line) and maps each column by its header. A header that could be
// two fields is settled by the column's content ("Indicateur" holding "I3", "I12": the id).
Mapping guess_mapping(TableKind k, const CellGrid& grid);

}  // namespace cpts::tables
