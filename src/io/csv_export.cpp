#include "io/csv_export.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "engine/funding.hpp"

namespace cpts {

namespace {

const char* const kBom = "\xEF\xBB\xBF";
const char* const kEol = "\r\n";

class CsvWriter {
 public:
  CsvWriter() { out_ = kBom; }
  CsvWriter& text(std::string_view s) { return raw(csv_text_cell(s)); }
  CsvWriter& raw(const std::string& cell) {  // a cell we produced ourselves (number, date)
    if (!first_) out_ += ';';
    out_ += cell;
    first_ = false;
    return *this;
  }
  void end_row() {
    out_ += kEol;
    first_ = true;
  }
  std::string str() && { return std::move(out_); }

 private:
  std::string out_;
  bool first_ = true;
};

std::string capitalised(const char* s) {
  std::string out = s;
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

std::string optional_number(const std::map<int, double>& m, int year) {
  auto it = m.find(year);
  return it == m.end() ? std::string() : csv_number(it->second);
}

// "socle : ≤ 219 → 3000,00 € | objectif : ≤ 50 → 9000,00 €"
std::string tiers_text(const Indicator& ind) {
  std::string s;
  for (const Tier& t : ind.tiers) {
    if (!s.empty()) s += " | ";
    if (!t.label.empty()) s += t.label + " : ";
    s += ind.direction == Direction::Up ? "≥ " : "≤ ";
    s += csv_number(t.threshold) + " → " + csv_cents(t.cents) + " €";
  }
  return s;
}

}  // namespace

std::string csv_text_cell(std::string_view text) {
  std::string s;
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                        text[0] == '\r' || text[0] == '\n'))
    s = "'";  // shown as text by the spreadsheet, never evaluated
  s += text;
  if (s.find_first_of(";\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char ch : s) {
    if (ch == '"') q += '"';
    q += ch;
  }
  q += '"';
  return q;
}

std::string csv_cents(Cents c) {
  std::uint64_t m = c < 0 ? static_cast<std::uint64_t>(-(c + 1)) + 1 : static_cast<std::uint64_t>(c);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s%llu,%02u", c < 0 ? "-" : "", static_cast<unsigned long long>(m / 100),
                static_cast<unsigned>(m % 100));
  return buf;
}

std::string csv_number(double v) {
  if (!std::isfinite(v)) return "";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

std::string indicators_csv(const Project& p, const FundingResult& r) {
  const Catalogue* cat = r.catalogue;
  // Missions in catalogue order, then actions in project order, then indicators in project order.
  std::unordered_map<std::string, std::size_t> action_index;
  for (std::size_t i = 0; i < p.actions.size(); ++i) action_index.emplace(p.actions[i].id, i);
  auto mission_rank = [&](const std::string& mission) -> std::size_t {
    if (cat)
      for (std::size_t i = 0; i < cat->missions.size(); ++i)
        if (cat->missions[i].id == mission) return i;
    return 1000;
  };
  struct Row {
    std::size_t mission_rank, action_rank;
    const Indicator* ind;
    const Action* action;
  };
  std::vector<Row> rows;
  rows.reserve(p.indicators.size());
  for (const Indicator& ind : p.indicators) {
    auto it = action_index.find(ind.action);
    const Action* a = it == action_index.end() ? nullptr : &p.actions[it->second];
    rows.push_back({a ? mission_rank(a->mission) : 1001, a ? it->second : p.actions.size(), &ind, a});
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
    return x.mission_rank != y.mission_rank ? x.mission_rank < y.mission_rank : x.action_rank < y.action_rank;
  });

  CsvWriter w;
  for (const char* h : {"Mission", "Fiche-action", "Indicateur", "Libellé", "Type", "Unité", "Sens", "Valeur initiale",
                        "Cible année 1", "Cible année 2", "Cible année 3", "Cible année 4", "Cible année 5", "Paliers",
                        "Montant maximum (€)", "Justificatif", "Source", "Réalisé année 1", "Réalisé année 2",
                        "Réalisé année 3", "Réalisé année 4", "Réalisé année 5"})
    w.text(h);
  w.end_row();
  for (const Row& row : rows) {
    const Indicator& ind = *row.ind;
    std::string mission;
    if (row.action) {
      const CatalogueMission* m = cat ? cat->mission(row.action->mission) : nullptr;
      mission = m ? m->short_fr : row.action->mission;
    }
    w.text(mission);
    w.text(row.action ? (row.action->title.empty() ? row.action->id : row.action->title) : ind.action);
    w.text(ind.id);
    w.text(ind.label);
    w.text(ind.kind == IndicatorKind::Deliverable ? "Livrable" : "Résultat");
    w.text(ind.unit);
    w.text(ind.direction == Direction::Up ? "↑" : "↓");
    w.raw(ind.baseline ? csv_number(*ind.baseline) : std::string());
    for (int y = 1; y <= kContractYears; ++y) w.raw(optional_number(ind.targets, y));
    w.text(tiers_text(ind));
    w.raw(csv_cents(ind.max_cents()));
    w.text(ind.evidence);
    w.text(ind.source);
    for (int y = 1; y <= kContractYears; ++y) w.raw(optional_number(ind.actuals, y));
    w.end_row();
  }
  return std::move(w).str();
}

std::string schedule_csv(const FundingResult& r, const Catalogue& cat) {
  CsvWriter w;
  for (const char* h : {"Date", "Année de contrat", "Mission", "Composante", "Versement", "Montant (€)", "Estimation", "Base"})
    w.text(h);
  w.end_row();
  for (const PaymentItem& it : r.schedule) {
    const CatalogueMission* m = it.mission.empty() ? nullptr : cat.mission(it.mission);
    w.raw(format_fr(it.date));
    w.raw(std::to_string(it.contract_year));
    w.text(it.mission.empty() ? std::string("Contrat") : m ? m->short_fr : it.mission);
    w.text(payment_label_fr(r, it));  // an extra component of a format-2 catalogue: its own label
    w.text(capitalised(payment_kind_label_fr(it.kind)));
    w.raw(csv_cents(it.cents));
    w.text(it.estimate ? "oui" : "non");
    w.text(basis_text_fr(it.basis, r.scenario));
    w.end_row();
  }
  return std::move(w).str();
}

}  // namespace cpts
