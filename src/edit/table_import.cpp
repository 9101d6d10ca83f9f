#include "edit/table_import.hpp"

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>

#include "io/csv_export.hpp"
#include "io/project_json.hpp"
#include "io/table_values.hpp"
#include "io/tier_text.hpp"
#include "io/xlsx_reader.hpp"
#include "rules/catalogue.hpp"
#include "rules/departments.hpp"

namespace cpts::tables {

namespace {

constexpr std::size_t kFieldCount = static_cast<std::size_t>(Field::Actual5) + 1;

std::string guillemets(std::string_view s) {
  std::string t(s.substr(0, 80));
  if (s.size() > 80) t += "…";
  return "« " + t + " »";
}

// ---- Values compared the way the CSV export writes them, so that a round trip changes nothing ----

std::string comparable_text(std::string_view s) {
  std::string t = cell_text(s);
  std::string out;
  for (std::size_t i = 0; i < t.size(); ++i)
    if (!(t[i] == '\r' && i + 1 < t.size() && t[i + 1] == '\n')) out += t[i];
  return out;
}
bool same_number(double a, double b) { return csv_number(a) == csv_number(b); }
bool same_tiers(const std::vector<Tier>& a, const std::vector<Tier>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].label != b[i].label || !same_number(a[i].threshold, b[i].threshold) || a[i].cents != b[i].cents) return false;
  return true;
}

// The mission a cell names: its id, its label or short label, a keyword of it ("Mission 2 :
// Parcours pluriprofessionnels" → parcours), or its rank ("Mission 3").
std::optional<std::string> resolve_mission(const Catalogue* cat, std::string_view text) {
  if (!cat) return std::nullopt;
  std::string_view t = trim_cell(text);
  if (t.empty()) return std::nullopt;
  for (const CatalogueMission& m : cat->missions)
    if (t == m.id) return m.id;
  std::string f = fold_text(t);
  for (const CatalogueMission& m : cat->missions)
    if (f == fold_text(m.short_fr) || f == fold_text(m.label_fr) || f == fold_text(m.short_en) || f == fold_text(m.label_en))
      return m.id;
  // Keywords, earliest in the text first (§3.1 of the domain reference names the missions so).
  static const std::pair<const char*, const char*> kKeywords[] = {
      {"acces", "acces"},          {"parcours", "parcours"},     {"prevention", "prevention"},
      {"crise", "crise"},          {"crises", "crise"},          {"qualite", "qualite"},
      {"pertinence", "qualite"},   {"accompagnement", "accompagnement"},
  };
  std::string padded = " " + f + " ";
  std::size_t best_at = std::string::npos;
  std::string best;
  for (const auto& [word, id] : kKeywords) {
    std::size_t at = padded.find(" " + std::string(word) + " ");
    if (at != std::string::npos && at < best_at && cat->mission(id)) best_at = at, best = id;
  }
  if (!best.empty()) return best;
  // "Mission 3", "Axe 3", "3": the catalogue's order, which is the contract's numbering.
  for (const char* prefix : {"mission ", "axe ", ""}) {
    std::string p = prefix;
    if (f.rfind(p, 0) != 0) continue;
    std::string rest = f.substr(p.size());
    if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') {
      std::size_t n = static_cast<std::size_t>(rest[0] - '1');
      if (n < cat->missions.size()) return cat->missions[n].id;
    }
  }
  return std::nullopt;
}

// A row holding only a mission title: "Mission 1 – Accès aux soins", or a mission name alone.
bool is_mission_heading(const Catalogue* cat, std::string_view text) {
  std::string f = fold_text(text);
  if (!resolve_mission(cat, text)) return false;
  if (f.rfind("mission", 0) == 0 || f.rfind("axe", 0) == 0) return true;
  for (const CatalogueMission& m : cat->missions)
    if (f == fold_text(m.short_fr) || f == fold_text(m.label_fr) || f == m.id) return true;
  return false;
}

std::optional<Direction> direction_from(std::string_view text) {
  std::string_view t = trim_cell(text);
  if (t == "↑" || t == "≥" || t == ">=") return Direction::Up;
  if (t == "↓" || t == "≤" || t == "<=") return Direction::Down;
  std::string f = fold_text(t);
  if (f == "hausse" || f == "up" || f == "augmentation" || f == "croissant" || f == "plus haut" || f == "a la hausse")
    return Direction::Up;
  if (f == "baisse" || f == "down" || f == "diminution" || f == "decroissant" || f == "plus bas" || f == "a la baisse")
    return Direction::Down;
  return std::nullopt;
}

std::optional<IndicatorKind> kind_from(std::string_view text) {
  std::string f = fold_text(text);
  if (f == "livrable" || f == "action" || f == "indicateur d action" || f == "deliverable" || f == "processus" || f == "moyens")
    return IndicatorKind::Deliverable;
  if (f == "resultat" || f == "indicateur de resultat" || f == "result" || f == "impact") return IndicatorKind::Result;
  return std::nullopt;
}

std::optional<ActionStatus> status_from(std::string_view text) {
  std::string f = fold_text(text);
  if (f == "prevue" || f == "prevu" || f == "a venir" || f == "planned" || f == "a faire") return ActionStatus::Planned;
  if (f == "en cours" || f == "in progress" || f == "demarree") return ActionStatus::InProgress;
  if (f == "realisee" || f == "realise" || f == "terminee" || f == "done" || f == "faite") return ActionStatus::Done;
  if (f == "abandonnee" || f == "abandonne" || f == "abandoned") return ActionStatus::Abandoned;
  return std::nullopt;
}

// "71306"; Excel drops the leading zero of "01004" when it reads the column as numbers.
std::string insee_from(std::string_view text) {
  std::string s(trim_cell(text));
  bool digits = !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits && s.size() == 4) s = "0" + s;
  for (char& c : s)
    if (c == 'a' || c == 'b') c = static_cast<char>(c - 'a' + 'A');  // "2a004"
  return s;
}

// ---- One row of the table ---------------------------------------------------------------------------

class Row {
 public:
  Row(const CellGrid& g, std::size_t index, const std::vector<int>& column_of, RowPreview& out,
      std::optional<std::size_t> header)
      : g_(g), index_(index), column_of_(column_of), out_(out), header_(header) {}

  bool mapped(Field f) const { return column_of_[static_cast<std::size_t>(f)] >= 0; }
  std::string_view raw(Field f) const {
    int c = column_of_[static_cast<std::size_t>(f)];
    return c < 0 ? std::string_view() : std::string_view(g_.cell(index_, static_cast<std::size_t>(c)));
  }
  bool has(Field f) const { return !trim_cell(raw(f)).empty(); }
  std::string text(Field f) const { return cell_text(raw(f)); }
  // "ligne 7, colonne D (« Population »)"
  std::string place(Field f) const {
    int c = column_of_[static_cast<std::size_t>(f)];
    std::string p = cell_place(g_.rows[index_].number, static_cast<std::size_t>(std::max(c, 0)));
    if (header_ && c >= 0 && !g_.cell(*header_, static_cast<std::size_t>(c)).empty())
      p += " (" + guillemets(g_.cell(*header_, static_cast<std::size_t>(c))) + ")";
    return p;
  }
  void problem(Field f, const std::string& msg) { out_.problems.push_back(place(f) + " : " + msg); }
  void problem(const std::string& msg) {
    out_.problems.push_back("ligne " + std::to_string(g_.rows[index_].number) + " : " + msg);
  }
  bool refused() const { return !out_.problems.empty(); }

  template <class T, class P>
  std::optional<T> value(Field f, P parse) {
    if (!has(f)) return std::nullopt;
    auto v = parse(raw(f));
    if (!v.value) problem(f, v.error);
    return v.value;
  }
  std::optional<double> number(Field f) { return value<double>(f, parse_cell_number); }
  std::optional<Cents> cents(Field f) { return value<Cents>(f, parse_cell_cents); }
  std::optional<long long> integer(Field f) { return value<long long>(f, parse_cell_integer); }
  std::optional<Date> date(Field f) { return value<Date>(f, parse_cell_date); }
  std::optional<bool> boolean(Field f) { return value<bool>(f, parse_cell_bool); }

  // Setters that only change what differs, and say so.
  bool changed = false;
  void put_text(std::string& field, Field f) {
    if (!has(f)) return;
    std::string v = text(f);
    if (comparable_text(field) == comparable_text(v)) return;
    field = std::move(v);
    changed = true;
  }
  void put_number(double& field, std::optional<double> v) {
    if (!v || same_number(field, *v)) return;
    field = *v;
    changed = true;
  }
  void put_number(std::optional<double>& field, std::optional<double> v) {
    if (!v || (field && same_number(*field, *v))) return;
    field = *v;
    changed = true;
  }
  void put_year_value(std::map<int, double>& m, int year, std::optional<double> v) {
    if (!v) return;
    auto it = m.find(year);
    if (it != m.end() && same_number(it->second, *v)) return;
    m[year] = *v;
    changed = true;
  }
  template <class T>
  void put(T& field, std::optional<T> v) {
    if (!v || field == *v) return;
    field = *v;
    changed = true;
  }

 private:
  const CellGrid& g_;
  std::size_t index_;
  const std::vector<int>& column_of_;
  RowPreview& out_;
  std::optional<std::size_t> header_;
};

// ---- The import, table by table ----------------------------------------------------------------------

class Importer {
 public:
  Importer(const Project& p, TableKind kind, const CellGrid& grid, const Mapping& mapping)
      : grid_(grid), mapping_(mapping), cat_(find_catalogue(p.contract.catalogue)) {
    out_.kind = kind;
    out_.result = p;
    column_of_.assign(kFieldCount, -1);
    for (std::size_t c = 0; c < mapping.columns.size(); ++c) {
      Field f = mapping.columns[c];
      if (f == Field::None) continue;
      int& slot = column_of_[static_cast<std::size_t>(f)];
      if (slot >= 0)
        out_.errors.push_back("Colonnes " + column_letters(static_cast<std::size_t>(slot)) + " et " + column_letters(c) +
                              " associées au même champ « " + field_label_fr(f) + " » : gardez-en une seule");
      else slot = static_cast<int>(c);
    }
  }

  ImportPreview run() {
    Project& p = out_.result;
    const TableKind kind = out_.kind;
    if (grid_.rows.empty() || (mapping_.header_row && *mapping_.header_row + 1 >= grid_.rows.size())) {
      out_.errors.push_back(grid_.rows.empty() ? "Tableau vide : rien à importer (copiez des cellules du tableur, en-têtes compris)"
                                               : "Le tableau n’a que sa ligne d’en-têtes : rien à importer");
      return std::move(out_);
    }
    auto need = [&](Field f, const char* why) {
      if (column_of_[static_cast<std::size_t>(f)] < 0)
        out_.errors.push_back(std::string("Colonne « ") + field_label_fr(f) + " » attendue : " + why);
    };
    switch (kind) {
      case TableKind::Communes: need(Field::Insee, "c’est elle qui reconnaît les communes déjà présentes"); break;
      case TableKind::Professionals: need(Field::ProName, "c’est lui qui reconnaît les professionnels déjà présents"); break;
      case TableKind::Diagnostic: need(Field::DiagLabel, "c’est lui qui reconnaît les indicateurs déjà présents"); break;
      case TableKind::Actions:
        if (column_of_[static_cast<std::size_t>(Field::ActionId)] < 0) need(Field::ActionTitle, "il faut un titre ou un identifiant");
        break;
      case TableKind::Indicators:
        if (column_of_[static_cast<std::size_t>(Field::IndicatorId)] < 0)
          need(Field::IndicatorLabel, "il faut un libellé ou un identifiant d’indicateur");
        break;
    }
    if (!out_.errors.empty()) return std::move(out_);
    index_existing(p);
    const std::size_t first = mapping_.header_row ? *mapping_.header_row + 1 : 0;
    for (std::size_t r = first; r < grid_.rows.size(); ++r) {
      RowPreview rp;
      rp.row = grid_.rows[r].number;
      cur_row_ = r;
      Row row(grid_, r, column_of_, rp, mapping_.header_row);
      bool created = false;
      bool section = false;
      switch (kind) {
        case TableKind::Communes: created = commune(p, row, rp); break;
        case TableKind::Professionals: created = professional(p, row, rp); break;
        case TableKind::Diagnostic: created = diagnostic(p, row, rp); break;
        case TableKind::Actions: created = action_row(p, row, rp, section); break;
        case TableKind::Indicators: created = indicator_row(p, row, rp, section); break;
      }
      if (row.refused()) rp.status = RowStatus::Refused, ++out_.refused;
      else if (section) rp.status = RowStatus::Section;
      else if (created) rp.status = RowStatus::Create, ++out_.created;
      else if (row.changed) rp.status = RowStatus::Update, ++out_.updated;
      else rp.status = RowStatus::Unchanged, ++out_.unchanged;
      out_.rows.push_back(std::move(rp));
    }
    check_amounts(p);
    if (out_.refused == 0 && out_.errors.empty()) {
      for (const JsonError& e : validate_project(p))
        out_.errors.push_back("Le projet ne serait plus valide : " + e.message + " (" + e.path + ")");
    }
    return std::move(out_);
  }

 private:
  const CellGrid& grid_;
  const Mapping& mapping_;
  const Catalogue* cat_;
  std::vector<int> column_of_;
  ImportPreview out_;
  std::size_t cur_row_ = 0;                                   // index in grid_.rows of the row being read
  std::unordered_map<std::string, std::size_t> key_index_;  // matching key → index in the project list
  std::unordered_map<std::string, std::size_t> key_row_;    // matching key → row of the table that used it
  std::string carried_mission_, carried_action_;             // annex cells left empty repeat the row above
  std::optional<std::size_t> last_indicator_;                // for tier rows below an indicator
  struct AmountCheck {
    std::size_t indicator;
    Cents cents;
    std::string place;
  };
  std::vector<AmountCheck> amount_checks_;

  void index_existing(const Project& p) {
    switch (out_.kind) {
      case TableKind::Communes:
        for (std::size_t i = 0; i < p.territory.communes.size(); ++i) key_index_.emplace(p.territory.communes[i].insee, i);
        break;
      case TableKind::Professionals:
        for (std::size_t i = 0; i < p.professionals.size(); ++i) key_index_.emplace(fold_text(p.professionals[i].name), i);
        break;
      case TableKind::Diagnostic:
        for (std::size_t i = 0; i < p.diagnostic.size(); ++i) key_index_.emplace(fold_text(p.diagnostic[i].label), i);
        break;
      case TableKind::Actions:
      case TableKind::Indicators: break;  // looked up row by row (ids, titles within missions)
    }
  }

  // A second row with the same key: refused (which of the two should win is the user's call).
  bool first_use(Row& row, Field f, const std::string& key, const RowPreview& rp) {
    auto [it, inserted] = key_row_.emplace(key, rp.row);
    if (!inserted) row.problem(f, "déjà à la ligne " + std::to_string(it->second) + " du tableau (même " +
                                      std::string(field_label_fr(f)) + ")");
    return inserted;
  }

  bool commune(Project& p, Row& row, RowPreview& rp) {
    std::string insee = insee_from(row.raw(Field::Insee));
    rp.what = "commune " + insee;
    if (insee.empty()) {
      row.problem(Field::Insee, "code INSEE manquant");
      return false;
    }
    if (!first_use(row, Field::Insee, insee, rp)) return false;
    std::optional<std::string> department;
    if (row.has(Field::Department)) {
      department = department_code(row.text(Field::Department));
      if (!department) row.problem(Field::Department, "département inconnu " + guillemets(row.text(Field::Department)));
    }
    std::optional<long long> population = row.integer(Field::Population);
    if (population && *population < 0) row.problem(Field::Population, "population négative");
    if (row.refused()) return false;
    auto it = key_index_.find(insee);
    if (it == key_index_.end()) {
      Commune c;
      c.insee = insee;
      c.name = row.text(Field::CommuneName);
      if (c.name.empty()) row.problem(Field::CommuneName, "nom de la commune manquant pour l’ajouter");
      c.department = department ? *department : insee.substr(0, insee.rfind("97", 0) == 0 ? 3 : 2);
      c.population = population.value_or(0);
      rp.what += " " + guillemets(c.name);
      key_index_.emplace(insee, p.territory.communes.size());
      p.territory.communes.push_back(std::move(c));
      return true;
    }
    Commune& c = p.territory.communes[it->second];
    row.put_text(c.name, Field::CommuneName);
    row.put(c.department, department);
    row.put(c.population, population);
    rp.what += " " + guillemets(c.name);
    return false;
  }

  bool professional(Project& p, Row& row, RowPreview& rp) {
    std::string name = row.text(Field::ProName);
    rp.what = "professionnel " + guillemets(name);
    if (name.empty()) {
      row.problem(Field::ProName, "nom manquant");
      return false;
    }
    std::string key = fold_text(name);
    if (!first_use(row, Field::ProName, key, rp)) return false;
    std::optional<bool> member = row.boolean(Field::Member);
    if (row.refused()) return false;
    auto it = key_index_.find(key);
    if (it == key_index_.end()) {
      Professional x;
      x.id = fresh_id(p, 'P');
      x.name = name;
      x.profession = row.text(Field::Profession);
      x.structure = row.text(Field::Structure);
      x.member = member.value_or(true);
      key_index_.emplace(key, p.professionals.size());
      p.professionals.push_back(std::move(x));
      return true;
    }
    Professional& x = p.professionals[it->second];
    row.put_text(x.profession, Field::Profession);
    row.put_text(x.structure, Field::Structure);
    row.put(x.member, member);
    return false;
  }

  bool diagnostic(Project& p, Row& row, RowPreview& rp) {
    std::string label = row.text(Field::DiagLabel);
    rp.what = "indicateur du diagnostic " + guillemets(label);
    if (label.empty()) {
      row.problem(Field::DiagLabel, "libellé manquant");
      return false;
    }
    std::string key = fold_text(label);
    if (!first_use(row, Field::DiagLabel, key, rp)) return false;
    std::optional<double> value = row.number(Field::DiagValue);
    std::optional<long long> year = row.integer(Field::DiagYear);
    if (year && (*year < 1900 || *year > 2200)) row.problem(Field::DiagYear, "année entre 1900 et 2200 attendue");
    if (row.refused()) return false;
    std::optional<int> year_int = year ? std::optional<int>(static_cast<int>(*year)) : std::nullopt;
    // "12 %" in the value cell says the unit when the table has none.
    bool percent = row.has(Field::DiagValue) && trim_cell(row.raw(Field::DiagValue)).back() == '%';
    auto it = key_index_.find(key);
    if (it == key_index_.end()) {
      DiagnosticIndicator d;
      d.id = fresh_id(p, 'D');
      d.label = label;
      d.value = value.value_or(0);
      d.unit = row.has(Field::DiagUnit) ? row.text(Field::DiagUnit) : percent ? "%" : "";
      d.source = row.text(Field::DiagSource);
      d.year = year_int.value_or(0);
      d.comment = row.text(Field::DiagComment);
      key_index_.emplace(key, p.diagnostic.size());
      p.diagnostic.push_back(std::move(d));
      return true;
    }
    DiagnosticIndicator& d = p.diagnostic[it->second];
    row.put_number(d.value, value);
    row.put_text(d.unit, Field::DiagUnit);
    row.put_text(d.source, Field::DiagSource);
    row.put(d.year, year_int);
    row.put_text(d.comment, Field::DiagComment);
    return false;
  }

  // The only non-empty cell of the row, when there is exactly one.
  std::optional<std::string_view> lone_cell(std::size_t r) const {
    std::optional<std::string_view> lone;
    for (const std::string& c : grid_.rows[r].cells) {
      if (trim_cell(c).empty()) continue;
      if (lone) return std::nullopt;
      lone = c;
    }
    return lone;
  }


  // The mission of a row: its cell, else the one carried from above (section row or the previous
  // row). nullopt with a problem when the cell names no mission of the catalogue.
  std::optional<std::string> row_mission(Row& row) {
    if (row.has(Field::Mission)) {
      auto m = resolve_mission(cat_, row.raw(Field::Mission));
      if (!m) {
        row.problem(Field::Mission, "mission inconnue " + guillemets(row.text(Field::Mission)) + " (attendu : " + mission_names() + ")");
        return std::nullopt;
      }
      if (*m != carried_mission_) carried_action_.clear();
      carried_mission_ = *m;
      return m;
    }
    if (!carried_mission_.empty()) return carried_mission_;
    return std::nullopt;
  }
  std::string mission_names() const {
    std::string s;
    if (cat_)
      for (const CatalogueMission& m : cat_->missions) s += (s.empty() ? "" : ", ") + m.short_fr;
    return s;
  }

  // Actions whose id is `text`, else whose title (folded) is `text` in `mission` (any mission when
  // none is known). `prefer`: the action to keep when it matches (an indicator's current action).
  std::optional<std::size_t> find_action(const Project& p, std::string_view text, const std::optional<std::string>& mission,
                                         const std::string& prefer = {}) const {
    std::string t(trim_cell(text));
    std::string f = fold_text(t);
    if (!prefer.empty())
      for (std::size_t i = 0; i < p.actions.size(); ++i)
        if (p.actions[i].id == prefer && (p.actions[i].id == t || (!f.empty() && fold_text(p.actions[i].title) == f)))
          return i;
    for (std::size_t i = 0; i < p.actions.size(); ++i)
      if (p.actions[i].id == t) return i;
    if (f.empty()) return std::nullopt;
    for (std::size_t i = 0; i < p.actions.size(); ++i)
      if ((!mission || p.actions[i].mission == *mission) && fold_text(p.actions[i].title) == f) return i;
    return std::nullopt;
  }

  bool action_row(Project& p, Row& row, RowPreview& rp, bool& section) {
    if (auto lone = lone_cell(cur_row_); lone && is_mission_heading(cat_, *lone)) {
      carried_mission_ = *resolve_mission(cat_, *lone);
      carried_action_.clear();
      section = true;
      rp.what = "mission « " + mission_short(carried_mission_) + " » pour les lignes suivantes";
      return false;
    }
    std::optional<std::string> mission = row_mission(row);
    std::string title = row.text(Field::ActionTitle);
    std::string id = row.text(Field::ActionId);
    rp.what = "fiche-action " + guillemets(title.empty() ? id : title);
    if (title.empty() && id.empty()) {
      row.problem(Field::ActionTitle, "titre de la fiche-action manquant");
      return false;
    }
    std::optional<Date> start = row.date(Field::Start), end = row.date(Field::End);
    std::optional<ActionStatus> status;
    if (row.has(Field::Status)) {
      status = status_from(row.raw(Field::Status));
      if (!status) row.problem(Field::Status, "statut attendu (prévue, en cours, réalisée, abandonnée), trouvé " + guillemets(row.text(Field::Status)));
    }
    if (row.refused()) return false;
    std::optional<std::size_t> found;
    if (!id.empty()) found = find_action(p, id, std::nullopt);
    if (!found && !title.empty()) found = find_action(p, title, mission);
    std::string key = found ? p.actions[*found].id : (mission ? *mission : "") + "\n" + fold_text(title);
    if (!first_use(row, row.mapped(Field::ActionId) && !id.empty() ? Field::ActionId : Field::ActionTitle, key, rp)) return false;
    if (!found) {
      if (!mission) {
        row.problem(Field::Mission, "mission manquante pour créer la fiche-action (attendu : " + mission_names() + ")");
        return false;
      }
      if (title.empty()) {
        row.problem(Field::ActionTitle, "titre manquant pour créer la fiche-action " + guillemets(id));
        return false;
      }
      Action a;
      a.id = fresh_id(p, 'A');
      a.mission = *mission;
      a.title = title;
      a.objective = row.text(Field::Objective);
      a.pilot = row.text(Field::Pilot);
      a.target_population = row.text(Field::TargetPopulation);
      if (start) a.start = *start;
      if (end) a.end = *end;
      if (status) a.status = *status;
      rp.what += " (" + a.id + ", " + mission_short(a.mission) + ")";
      p.actions.push_back(std::move(a));
      return true;
    }
    Action& a = p.actions[*found];
    rp.what += " (" + a.id + ")";
    if (mission && a.mission != *mission && row.has(Field::Mission)) row.put(a.mission, mission);
    row.put_text(a.title, Field::ActionTitle);
    row.put_text(a.objective, Field::Objective);
    row.put_text(a.pilot, Field::Pilot);
    row.put_text(a.target_population, Field::TargetPopulation);
    row.put(a.start, start);
    row.put(a.end, end);
    row.put(a.status, status);
    return false;
  }

  std::string mission_short(const std::string& id) const {
    const CatalogueMission* m = cat_ ? cat_->mission(id) : nullptr;
    return m ? m->short_fr : id;
  }

  // Tiers of the row: the one-cell form and/or the column pairs.
  std::optional<std::vector<Tier>> row_tiers(Row& row, std::optional<Direction>& direction) {
    std::vector<Tier> tiers;
    bool any = false;
    if (row.has(Field::Tiers)) {
      any = true;
      ParsedTiers t = parse_tiers_text(row.raw(Field::Tiers));
      if (!t.error.empty()) row.problem(Field::Tiers, t.error);
      tiers = std::move(t.tiers);
      if (t.direction) direction = t.direction;
    }
    for (int k = 1; k <= 4; ++k) {
      Field th = static_cast<Field>(static_cast<int>(Field::Tier1Threshold) + 2 * (k - 1));
      Field am = static_cast<Field>(static_cast<int>(th) + 1);
      if (!row.has(th) && !row.has(am)) continue;
      any = true;
      if (!row.has(th) || !row.has(am)) {
        row.problem(row.has(th) ? am : th, std::string(row.has(th) ? "montant" : "seuil") + " du palier " +
                                               std::to_string(k) + " manquant");
        continue;
      }
      ParsedThreshold t = parse_threshold_text(row.raw(th));
      if (!t.value) row.problem(th, t.error);
      std::optional<Cents> c = row.cents(am);
      if (t.direction) direction = t.direction;
      if (t.value && c) tiers.push_back(Tier{"", *t.value, *c});
    }
    if (!any) return std::nullopt;
    return tiers;
  }

  bool indicator_row(Project& p, Row& row, RowPreview& rp, bool& section) {
    if (auto lone = lone_cell(cur_row_); lone && is_mission_heading(cat_, *lone)) {
      carried_mission_ = *resolve_mission(cat_, *lone);
      carried_action_.clear();
      section = true;
      rp.what = "mission « " + mission_short(carried_mission_) + " » pour les lignes suivantes";
      return false;
    }
    std::optional<Direction> tier_direction;
    const bool has_indicator = row.has(Field::IndicatorLabel) || row.has(Field::IndicatorId);
    if (!has_indicator) {
      // Tier rows under an indicator ("≥ 80 % → 2 000 €" on the next line).
      std::optional<std::vector<Tier>> more = row_tiers(row, tier_direction);
      if (more && !more->empty() && last_indicator_) {
        if (row.refused()) return false;
        Indicator& ind = p.indicators[*last_indicator_];
        for (Tier& t : *more) ind.tiers.push_back(std::move(t));
        if (tier_direction) ind.direction = *tier_direction;
        out_.tiers += more->size();
        section = true;
        rp.what = "paliers ajoutés à l’indicateur " + ind.id + " " + guillemets(ind.label);
        return false;
      }
      // A total line of the annex ("Total mission 1", "Sous-total"): the planner adds up by itself.
      for (const std::string& c : grid_.rows[cur_row_].cells) {
        std::string f = fold_text(c);
        if (f.empty()) continue;
        if (f.rfind("total", 0) == 0 || f.rfind("sous total", 0) == 0) {
          section = true;
          rp.what = "ligne de total ignorée (le planificateur fait ses propres totaux)";
          return false;
        }
        break;
      }
      if (!row.refused())
        row.problem(row.mapped(Field::IndicatorLabel) ? Field::IndicatorLabel : Field::IndicatorId, "libellé de l’indicateur manquant");
      return false;
    }
    std::optional<std::string> mission = row_mission(row);
    if (row.has(Field::ActionTitle) || row.has(Field::ActionId)) carried_action_ = row.text(row.has(Field::ActionTitle) ? Field::ActionTitle : Field::ActionId);
    const std::string action_text = carried_action_;
    std::string label = row.text(Field::IndicatorLabel);
    std::string id = row.text(Field::IndicatorId);
    rp.what = "indicateur " + (id.empty() ? std::string() : id + " ") + guillemets(label);

    // Values first: every problem of the row is listed, not only the first.
    std::optional<IndicatorKind> kind;
    if (row.has(Field::Kind)) {
      kind = kind_from(row.raw(Field::Kind));
      if (!kind) row.problem(Field::Kind, "type attendu (livrable ou résultat), trouvé " + guillemets(row.text(Field::Kind)));
    }
    std::optional<Direction> direction;
    if (row.has(Field::Direction)) {
      direction = direction_from(row.raw(Field::Direction));
      if (!direction) row.problem(Field::Direction, "sens attendu (↑ hausse ou ↓ baisse), trouvé " + guillemets(row.text(Field::Direction)));
    }
    std::optional<double> baseline = row.number(Field::Baseline);
    std::optional<double> targets[kContractYears], actuals[kContractYears];
    for (int y = 1; y <= kContractYears; ++y) {
      targets[y - 1] = row.number(static_cast<Field>(static_cast<int>(Field::Target1) + y - 1));
      actuals[y - 1] = row.number(static_cast<Field>(static_cast<int>(Field::Actual1) + y - 1));
    }
    std::optional<std::vector<Tier>> tiers = row_tiers(row, tier_direction);
    std::optional<Cents> amount = row.cents(Field::Amount);
    if (amount && *amount < 0) row.problem(Field::Amount, "montant négatif");
    if (row.refused()) return false;

    // The indicator: by id, else by label within the action.
    std::optional<std::size_t> found;
    if (!id.empty())
      for (std::size_t i = 0; i < p.indicators.size(); ++i)
        if (p.indicators[i].id == id) found = i;
    std::optional<std::size_t> action;
    if (!action_text.empty())
      action = find_action(p, action_text, mission, found ? p.indicators[*found].action : std::string());
    else if (found)
      action = find_action(p, p.indicators[*found].action, std::nullopt);
    if (!found && action && !label.empty()) {
      std::string f = fold_text(label);
      for (std::size_t i = 0; i < p.indicators.size(); ++i)
        if (p.indicators[i].action == p.actions[*action].id && fold_text(p.indicators[i].label) == f) found = i;
    }
    std::string key = found ? p.indicators[*found].id
                            : (action ? p.actions[*action].id : mission.value_or("") + "\n" + fold_text(action_text)) + "\n" +
                                  fold_text(label);
    if (!first_use(row, row.has(Field::IndicatorId) ? Field::IndicatorId : Field::IndicatorLabel, key, rp)) return false;

    bool created = false;
    if (!action) {
      // A new fiche-action under the row's mission.
      if (action_text.empty()) {
        row.problem(Field::ActionTitle, "fiche-action manquante : l’indicateur doit appartenir à une fiche-action");
        return false;
      }
      if (!mission) {
        row.problem(Field::Mission, "mission manquante pour créer la fiche-action " + guillemets(action_text) + " (attendu : " +
                                        mission_names() + ")");
        return false;
      }
      Action a;
      a.id = fresh_id(p, 'A');
      a.mission = *mission;
      a.title = action_text;
      p.actions.push_back(std::move(a));
      action = p.actions.size() - 1;
      ++out_.actions_created;
    }
    const std::string action_id = p.actions[*action].id;
    if (!found) {
      if (label.empty()) {
        row.problem(Field::IndicatorLabel, "libellé manquant pour créer l’indicateur " + guillemets(id));
        return false;
      }
      Indicator ind;
      ind.id = fresh_id(p, 'I');
      ind.action = action_id;
      ind.label = label;
      ind.unit = row.text(Field::Unit);
      if (ind.unit.empty()) {
        for (Field f : {Field::Baseline, Field::Target1, Field::Target2, Field::Target3, Field::Tiers, Field::Tier1Threshold})
          if (row.has(f) && trim_cell(row.raw(f)).find('%') != std::string_view::npos) ind.unit = "%";
      }
      ind.evidence = row.text(Field::Evidence);
      ind.source = row.text(Field::Source);
      // Without a type column: an indicator with no baseline, no target and no tier is a
      // deliverable paid in full ("Protocole rédigé et diffusé"), §3.2 of the domain reference.
      bool any_target = false;
      for (const auto& t : targets) any_target = any_target || t.has_value();
      if (!kind) ind.kind = !baseline && !any_target && (!tiers || tiers->empty()) ? IndicatorKind::Deliverable : IndicatorKind::Result;
      p.indicators.push_back(std::move(ind));
      found = p.indicators.size() - 1;
      created = true;
    }
    Indicator& ind = p.indicators[*found];
    rp.what = "indicateur " + ind.id + " " + guillemets(ind.label) + " (" + action_id + ", " + mission_short(p.actions[*action].mission) + ")";
    row.put(ind.action, std::optional<std::string>(action_id));
    row.put_text(ind.label, Field::IndicatorLabel);
    row.put(ind.kind, kind);
    row.put_text(ind.unit, Field::Unit);
    row.put(ind.direction, direction ? direction : tier_direction);
    row.put_number(ind.baseline, baseline);
    for (int y = 1; y <= kContractYears; ++y) {
      row.put_year_value(ind.targets, y, targets[y - 1]);
      row.put_year_value(ind.actuals, y, actuals[y - 1]);
    }
    if (tiers) {
      out_.tiers += tiers->size();
      if (!same_tiers(ind.tiers, *tiers)) {
        ind.tiers = std::move(*tiers);
        row.changed = true;
      }
    }
    if (amount) {
      // With tiers the amount is the top tier's (checked once the tier rows below are read);
      // without, it is the indicator's single amount.
      if (ind.tiers.empty() && !tiers) row.put(ind.cents, amount);
      else amount_checks_.push_back({*found, *amount, row.place(Field::Amount)});
    }
    row.put_text(ind.evidence, Field::Evidence);
    row.put_text(ind.source, Field::Source);
    last_indicator_ = *found;
    return created;
  }

  void check_amounts(const Project& p) {
    for (const AmountCheck& c : amount_checks_) {
      const Indicator& ind = p.indicators[c.indicator];
      if (ind.max_cents() == c.cents) continue;
      out_.errors.push_back(c.place + " : le montant " + format_eur(c.cents) + " de l’indicateur " + ind.id +
                            " diffère de son palier le plus haut (" + format_eur(ind.max_cents()) + ")");
    }
  }
};

}  // namespace

std::string ImportPreview::summary_fr() const {
  auto plural = [](std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n > 1 ? many : one); };
  std::string s = plural(created, "création", "créations") + ", " + plural(updated, "mise à jour", "mises à jour") + ", " +
                  plural(unchanged, "ligne inchangée", "lignes inchangées") + ", " + plural(refused, "ligne refusée", "lignes refusées");
  if (kind == TableKind::Indicators && actions_created)
    s += " ; " + plural(actions_created, "fiche-action créée", "fiches-actions créées");
  if (kind == TableKind::Indicators && tiers) s += " ; " + plural(tiers, "palier lu", "paliers lus");
  return s;
}

std::string ImportPreview::summary_en() const {
  auto plural = [](std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n > 1 ? many : one); };
  std::string s = plural(created, "creation", "creations") + ", " + plural(updated, "update", "updates") + ", " +
                  plural(unchanged, "row unchanged", "rows unchanged") + ", " + plural(refused, "row refused", "rows refused");
  if (kind == TableKind::Indicators && actions_created)
    s += "; " + plural(actions_created, "fiche-action created", "fiches-actions created");
  if (kind == TableKind::Indicators && tiers) s += "; " + plural(tiers, "tier read", "tiers read");
  return s;
}

std::vector<std::string> ImportPreview::problems_fr() const {
  std::vector<std::string> out = errors;
  for (const RowPreview& r : rows)
    for (const std::string& p : r.problems) out.push_back(p);
  return out;
}

ImportPreview preview_import(const Project& p, TableKind kind, const CellGrid& grid, const Mapping& mapping) {
  return Importer(p, kind, grid, mapping).run();
}

Command import_command(const ImportPreview& preview, std::string label) {
  if (!preview.can_apply()) return {std::move(label), nullptr, nullptr};
  auto previous = std::make_shared<Project>();
  auto incoming = std::make_shared<const Project>(preview.result);
  return {std::move(label),
          [previous, incoming](Project& p) {
            *previous = p;
            p = *incoming;
            return true;
          },
          [previous](Project& p) { p = *previous; },
          // Values the user brought: a broken rule is refused like a typed value.
          /*user_value=*/true};
}

GridRead read_table_bytes(std::string_view bytes, std::string_view name) {
  if (looks_like_zip(bytes) || looks_like_ole(bytes)) return read_xlsx(bytes);
  GridRead g = parse_table_text(bytes);
  if (!g.ok() && !name.empty()) g.error = std::string(name) + " : " + g.error;
  return g;
}

}  // namespace cpts::tables
