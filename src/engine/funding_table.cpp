#include "engine/funding_table.hpp"

#include <functional>

namespace cpts {

namespace {

const char* const kDash = "\xE2\x80\x94";  // "—": an empty cell, in every output

const char* part_suffix_fr(FundingRowKind k) {
  switch (k) {
    case FundingRowKind::MissionFixe: return " — part fixe";
    case FundingRowKind::MissionSnp: return " — soins non programmés";
    case FundingRowKind::MissionVariable: return " — part variable";
    case FundingRowKind::MissionActivation: return " — activation de crise";
    case FundingRowKind::MissionExtra: return " — autres composantes";
    case FundingRowKind::MissionCeilingCut: return " — au-delà du plafond commun (non versé)";
    default: return "";
  }
}

// Whether an estimated catalogue amount (FundingResult::estimates) feeds this line or mission
// total; the totals of the table are not marked (every one would be as soon as one line is).
bool rests_on_estimate(const FundingResult& r, FundingRowKind kind, const std::string& id) {
  for (const EstimateUse& e : r.estimates) {
    switch (kind) {
      case FundingRowKind::Fonctionnement: if (e.component == Component::Fonctionnement) return true; break;
      case FundingRowKind::Avenant2Topup: if (e.component == Component::Avenant2Topup) return true; break;
      case FundingRowKind::MissionTotal: if (e.mission == id) return true; break;
      case FundingRowKind::MissionFixe:
        if (e.mission == id && (e.component == Component::Fixe || e.component == Component::CrisePlan || e.component == Component::CriseUpdate))
          return true;
        break;
      case FundingRowKind::MissionSnp: if (e.mission == id && e.component == Component::Snp) return true; break;
      case FundingRowKind::MissionVariable: if (e.mission == id && e.component == Component::Variable) return true; break;
      case FundingRowKind::MissionActivation: if (e.mission == id && e.component == Component::CriseActivation) return true; break;
      default: break;  // totals: the rows above them carry the mark
    }
  }
  return false;
}

}  // namespace

bool FundingTableRow::summary() const {
  switch (kind) {
    case FundingRowKind::MissionTotal:
    case FundingRowKind::TotalFixed:
    case FundingRowKind::TotalActivation:
    case FundingRowKind::TotalVariable:
    case FundingRowKind::Total: return true;
    default: return false;
  }
}

bool FundingTableRow::detail() const {
  switch (kind) {
    case FundingRowKind::MissionFixe:
    case FundingRowKind::MissionSnp:
    case FundingRowKind::MissionVariable:
    case FundingRowKind::MissionActivation:
    case FundingRowKind::MissionExtra:
    case FundingRowKind::MissionCeilingCut: return true;
    default: return false;
  }
}

std::string FundingTable::cell(Cents c) const { return c == 0 ? kDash : format_eur_digits(c, cents); }

const FundingTableRow* FundingTable::find(FundingRowKind kind, const std::string& id) const {
  for (const FundingTableRow& row : rows)
    if (row.kind == kind && row.id == id) return &row;
  return nullptr;
}

FundingTable funding_table(const FundingResult& r) {
  FundingTable t;
  t.scenario = r.scenario;
  for (std::size_t k = 0; k < r.years.size(); ++k) t.basis[k] = r.years[k].basis();
  const Catalogue* cat = r.catalogue;
  // keep: a total line is printed even when it is zero (a project with no mission has 0 variable).
  auto add = [&](FundingRowKind kind, const std::string& id, std::string label, const std::function<Cents(const YearFunding&)>& get,
                 bool keep = false) {
    FundingTableRow row;
    row.kind = kind;
    row.id = id;
    row.label_fr = std::move(label);
    bool any = false;
    for (std::size_t k = 0; k < r.years.size(); ++k) {
      row.years[k] = get(r.years[k]);
      row.total += row.years[k];
      any = any || row.years[k] != 0;
    }
    if (!any && !keep) return;  // missions not chosen, components a mission does not have
    row.estimate = rests_on_estimate(r, kind, id);
    t.rows.push_back(std::move(row));
  };
  add(FundingRowKind::Fonctionnement, "", "Fonctionnement", [](const YearFunding& y) { return y.fonctionnement; });
  add(FundingRowKind::Avenant2Topup, "", "Complément avenant 2", [](const YearFunding& y) { return y.topup; });
  for (std::size_t e = 0; e < r.years[0].extras.size(); ++e) {  // contract-level extra components (catalogue format 2)
    const std::string id = r.years[0].extras[e].first;
    std::string label = id;
    if (cat)
      for (const ExtraComponent& x : cat->extras)
        if (x.id == id) label = x.label_fr;
    add(FundingRowKind::Extra, id, label, [e](const YearFunding& y) { return e < y.extras.size() ? y.extras[e].second : 0; });
  }
  for (std::size_t m = 0; m < r.years[0].missions.size(); ++m) {
    const std::string id = r.years[0].missions[m].mission;
    const CatalogueMission* cm = cat ? cat->mission(id) : nullptr;
    const std::string name = cm ? cm->short_fr : id;
    add(FundingRowKind::MissionTotal, id, name, [m](const YearFunding& y) { return y.missions[m].total(); });
    using Get = Cents MissionYear::*;
    const std::pair<FundingRowKind, Get> parts[] = {
        {FundingRowKind::MissionFixe, &MissionYear::fixe},           {FundingRowKind::MissionSnp, &MissionYear::snp},
        {FundingRowKind::MissionVariable, &MissionYear::variable},   {FundingRowKind::MissionActivation, &MissionYear::activation},
        {FundingRowKind::MissionExtra, &MissionYear::extra},         {FundingRowKind::MissionCeilingCut, &MissionYear::ceiling_cut}};
    for (const auto& [kind, member] : parts)
      add(kind, id, name + part_suffix_fr(kind), [m, member = member](const YearFunding& y) { return y.missions[m].*member; });
  }
  add(FundingRowKind::TotalFixed, "", "Total part fixe (garantie)", [](const YearFunding& y) { return y.fixed_total(); }, true);
  add(FundingRowKind::TotalActivation, "", "Activation de crise (si reconnue)", [](const YearFunding& y) { return y.activation_total(); });
  add(FundingRowKind::TotalVariable, "", "Total part variable", [](const YearFunding& y) { return y.variable_total(); }, true);
  add(FundingRowKind::VariableMax, "", "Part variable maximum (à risque)", [](const YearFunding& y) { return y.variable_max_total(); });
  add(FundingRowKind::Total, "", "TOTAL ACI", [](const YearFunding& y) { return y.total(); }, true);
  // One money rule per table: cents on every amount as soon as one amount has some.
  for (const FundingTableRow& row : t.rows) {
    t.cents = t.cents || row.total % 100 != 0;
    for (Cents c : row.years) t.cents = t.cents || c % 100 != 0;
  }
  for (FundingTableRow& row : t.rows) {
    for (std::size_t k = 0; k < row.years.size(); ++k) row.year_cells[k] = t.cell(row.years[k]);
    row.total_cell = t.cell(row.total);
  }
  return t;
}

}  // namespace cpts
