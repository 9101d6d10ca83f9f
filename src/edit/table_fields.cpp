#include "edit/table_fields.hpp"

#include <algorithm>

#include "io/table_values.hpp"

namespace cpts::tables {

namespace {

struct FieldInfo {
  Field field;
  const char* fr;
  const char* en;
  // Headers (folded: lower case, no accents, words separated by one space) that name the field.
  std::vector<const char*> headers;
};

const std::vector<FieldInfo>& field_infos() {
  static const std::vector<FieldInfo> kInfos = {
      {Field::None, "(ignorée)", "(ignored)", {}},
      {Field::Insee, "Code INSEE", "INSEE code", {"code insee", "insee", "code commune", "codgeo", "code geographique", "com", "code"}},
      {Field::CommuneName, "Commune", "Municipality", {"commune", "nom", "nom de la commune", "libelle", "libgeo", "nom commune", "municipality", "name"}},
      {Field::Department, "Département", "Department", {"departement", "dep", "dept", "code departement", "department"}},
      {Field::Population, "Population", "Population", {"population", "population municipale", "pmun", "habitants", "nombre d habitants", "pop", "population totale"}},
      {Field::ProName, "Nom", "Name", {"nom", "nom prenom", "prenom nom", "professionnel", "professionnel de sante", "nom et prenom", "name"}},
      {Field::Profession, "Profession", "Profession", {"profession", "metier", "specialite", "profession specialite", "profession"}},
      {Field::Structure, "Structure", "Practice", {"structure", "lieu d exercice", "mode d exercice", "cabinet", "etablissement", "practice"}},
      {Field::Member, "Adhérent", "Member", {"adherent", "membre", "adhesion", "member"}},
      {Field::DiagLabel, "Indicateur", "Indicator", {"indicateur", "libelle", "intitule", "indicator", "label"}},
      {Field::DiagValue, "Valeur", "Value", {"valeur", "valeur territoire", "territoire", "value"}},
      {Field::DiagUnit, "Unité", "Unit", {"unite", "unit"}},
      {Field::DiagSource, "Source", "Source", {"source", "sources"}},
      {Field::DiagYear, "Année", "Year", {"annee", "millesime", "year"}},
      {Field::DiagComment, "Commentaire", "Comment", {"commentaire", "commentaires", "remarque", "analyse", "comment"}},
      {Field::Mission, "Mission", "Mission", {"mission", "missions", "axe", "mission aci"}},
      {Field::ActionId, "Identifiant de la fiche-action", "Action id", {"identifiant action", "id action", "action id", "n action", "numero action"}},
      {Field::ActionTitle, "Fiche-action", "Action", {"fiche action", "action", "actions", "titre", "intitule", "action ou objectif", "objectif operationnel", "intitule de l action", "titre de l action", "title"}},
      {Field::Objective, "Objectif", "Objective", {"objectif", "objectifs", "objectif general", "objective"}},
      {Field::Pilot, "Pilote", "Lead", {"pilote", "referent", "responsable", "porteur", "lead"}},
      {Field::TargetPopulation, "Public cible", "Target population", {"public cible", "population cible", "public", "target population"}},
      {Field::Start, "Début", "Start", {"debut", "date de debut", "date debut", "start"}},
      {Field::End, "Fin", "End", {"fin", "date de fin", "date fin", "echeance", "end"}},
      {Field::Status, "Statut", "Status", {"statut", "etat", "avancement", "status"}},
      {Field::IndicatorId, "Identifiant de l’indicateur", "Indicator id", {"identifiant", "id", "identifiant indicateur", "code indicateur"}},
      {Field::IndicatorLabel, "Indicateur", "Indicator", {"indicateur", "libelle", "libelle de l indicateur", "intitule de l indicateur", "indicateurs", "indicator", "label"}},
      {Field::Kind, "Type", "Kind", {"type", "type d indicateur", "nature", "kind"}},
      {Field::Unit, "Unité", "Unit", {"unite", "unit"}},
      {Field::Direction, "Sens", "Direction", {"sens", "direction", "evolution attendue"}},
      {Field::Baseline, "Valeur initiale", "Baseline", {"valeur initiale", "valeur de reference", "reference", "situation initiale", "point de depart", "baseline", "valeur de depart", "etat initial"}},
      {Field::Target1, "Cible année 1", "Target year 1", {}},
      {Field::Target2, "Cible année 2", "Target year 2", {}},
      {Field::Target3, "Cible année 3", "Target year 3", {}},
      {Field::Target4, "Cible année 4", "Target year 4", {}},
      {Field::Target5, "Cible année 5", "Target year 5", {}},
      {Field::Tiers, "Paliers (une cellule)", "Tiers (one cell)", {"paliers", "palier", "seuils", "paliers de remuneration", "tiers"}},
      {Field::Tier1Threshold, "Palier 1 : seuil", "Tier 1 threshold", {}},
      {Field::Tier1Amount, "Palier 1 : montant", "Tier 1 amount", {}},
      {Field::Tier2Threshold, "Palier 2 : seuil", "Tier 2 threshold", {}},
      {Field::Tier2Amount, "Palier 2 : montant", "Tier 2 amount", {}},
      {Field::Tier3Threshold, "Palier 3 : seuil", "Tier 3 threshold", {}},
      {Field::Tier3Amount, "Palier 3 : montant", "Tier 3 amount", {}},
      {Field::Tier4Threshold, "Palier 4 : seuil", "Tier 4 threshold", {}},
      {Field::Tier4Amount, "Palier 4 : montant", "Tier 4 amount", {}},
      {Field::Amount, "Montant", "Amount", {"montant", "montant maximum", "montant maximum eur", "montant eur", "remuneration", "montant annuel", "amount"}},
      {Field::Evidence, "Justificatif", "Evidence", {"justificatif", "justificatifs", "preuve", "modalites de verification", "modalites de calcul", "evidence"}},
      {Field::Source, "Source", "Source", {"source", "source des donnees", "sources"}},
      {Field::Actual1, "Réalisé année 1", "Actual year 1", {}},
      {Field::Actual2, "Réalisé année 2", "Actual year 2", {}},
      {Field::Actual3, "Réalisé année 3", "Actual year 3", {}},
      {Field::Actual4, "Réalisé année 4", "Actual year 4", {}},
      {Field::Actual5, "Réalisé année 5", "Actual year 5", {}},
  };
  return kInfos;
}

const FieldInfo& info(Field f) {
  for (const FieldInfo& i : field_infos())
    if (i.field == f) return i;
  return field_infos().front();
}

bool has_word(const std::string& folded, std::string_view word) {
  std::string padded = " " + folded + " ";
  return padded.find(" " + std::string(word) + " ") != std::string::npos;
}

// The year digit 1..5 in a header ("Cible année 2", "Objectif A3", "Target Y1"), 0 when none.
int year_digit(const std::string& folded) {
  int found = 0;
  for (std::size_t i = 0; i < folded.size(); ++i) {
    if (folded[i] < '1' || folded[i] > '5') continue;
    bool alone_before = i == 0 || folded[i - 1] == ' ' || folded[i - 1] == 'a' || folded[i - 1] == 'n' || folded[i - 1] == 'y';
    bool alone_after = i + 1 == folded.size() || folded[i + 1] == ' ';
    if (alone_before && alone_after) {
      if (found) return 0;  // two digits: not a simple year header
      found = folded[i] - '0';
    }
  }
  return found;
}

// Score of `header` for `f`: 3 exact, 2 starts with an alias, 1 contains one; 0 none.
int score(TableKind k, Field f, const std::string& h) {
  if (h.empty()) return 0;
  if (int y = target_year(f)) {
    bool target = has_word(h, "cible") || has_word(h, "objectif") || has_word(h, "target") || has_word(h, "objectifs") ||
                  has_word(h, "cibles");
    return target && year_digit(h) == y ? 3 : 0;
  }
  if (int y = actual_year(f)) {
    bool actual = has_word(h, "realise") || has_word(h, "atteint") || has_word(h, "actual") || has_word(h, "resultat");
    return actual && year_digit(h) == y ? 3 : 0;
  }
  if (int t = tier_index(f)) {
    bool tier = has_word(h, "palier") || has_word(h, "tier") || has_word(h, "seuil");
    if (!tier) return 0;
    int digit = 0;
    for (char c : h)
      if (c >= '1' && c <= '9') digit = c - '0';
    if (digit != t) return 0;
    bool amount = has_word(h, "montant") || has_word(h, "eur") || has_word(h, "euros") || has_word(h, "remuneration") ||
                  has_word(h, "amount");
    return amount == tier_amount(f) ? 3 : 0;
  }
  // A year, tier or target column is never one of the plain fields.
  if (year_digit(h) && (has_word(h, "cible") || has_word(h, "objectif") || has_word(h, "realise"))) return 0;
  if ((has_word(h, "palier") || has_word(h, "seuil")) && f != Field::Tiers) return 0;
  if (f == Field::Tiers && h.find_first_of("123456789") != std::string::npos) return 0;  // "Palier 1": a tier column
  int best = 0;
  for (const char* alias : info(f).headers) {
    std::string a = alias;
    if (h == a) return 3;
    if (h.rfind(a + " ", 0) == 0) best = std::max(best, 2);
    else if (a.size() > 3 && has_word(h, a)) best = std::max(best, 1);
  }
  (void)k;
  return best;
}

bool looks_like_ids(const CellGrid& grid, std::size_t col, std::size_t from) {
  std::size_t ids = 0, values = 0;
  for (std::size_t r = from; r < grid.rows.size() && values < 50; ++r) {
    const std::string& c = grid.cell(r, col);
    if (c.empty()) continue;
    ++values;
    bool id = c.size() >= 2 && c.size() <= 8 && (c[0] == 'I' || c[0] == 'A' || c[0] == 'D' || c[0] == 'P');
    for (std::size_t i = 1; id && i < c.size(); ++i) id = c[i] >= '0' && c[i] <= '9';
    ids += id;
  }
  return values > 0 && ids == values;
}

}  // namespace

const char* table_word(TableKind k) {
  switch (k) {
    case TableKind::Communes: return "communes";
    case TableKind::Professionals: return "professionnels";
    case TableKind::Diagnostic: return "diagnostic";
    case TableKind::Actions: return "actions";
    case TableKind::Indicators: return "indicateurs";
  }
  return "";
}

std::optional<TableKind> table_from_word(std::string_view w) {
  for (TableKind k : kAllTables)
    if (w == table_word(k)) return k;
  if (w == "professionals") return TableKind::Professionals;
  if (w == "indicators") return TableKind::Indicators;
  return std::nullopt;
}

const char* table_label_fr(TableKind k) {
  switch (k) {
    case TableKind::Communes: return "Communes";
    case TableKind::Professionals: return "Professionnels";
    case TableKind::Diagnostic: return "Diagnostic";
    case TableKind::Actions: return "Fiches-actions";
    case TableKind::Indicators: return "Indicateurs";
  }
  return "";
}

const std::vector<Field>& table_fields(TableKind k) {
  static const std::vector<Field> kCommunes = {Field::Insee, Field::CommuneName, Field::Department, Field::Population};
  static const std::vector<Field> kPros = {Field::ProName, Field::Profession, Field::Structure, Field::Member};
  static const std::vector<Field> kDiag = {Field::DiagLabel, Field::DiagValue, Field::DiagUnit,
                                           Field::DiagSource, Field::DiagYear, Field::DiagComment};
  static const std::vector<Field> kActions = {Field::Mission, Field::ActionId, Field::ActionTitle, Field::Objective,
                                              Field::Pilot, Field::TargetPopulation, Field::Start, Field::End, Field::Status};
  static const std::vector<Field> kIndicators = {
      Field::Mission,        Field::ActionTitle,    Field::IndicatorId,    Field::IndicatorLabel, Field::Kind,
      Field::Unit,           Field::Direction,      Field::Baseline,       Field::Target1,        Field::Target2,
      Field::Target3,        Field::Target4,        Field::Target5,        Field::Tiers,          Field::Tier1Threshold,
      Field::Tier1Amount,    Field::Tier2Threshold, Field::Tier2Amount,    Field::Tier3Threshold, Field::Tier3Amount,
      Field::Tier4Threshold, Field::Tier4Amount,    Field::Amount,         Field::Evidence,       Field::Source,
      Field::Actual1,        Field::Actual2,        Field::Actual3,        Field::Actual4,        Field::Actual5};
  switch (k) {
    case TableKind::Communes: return kCommunes;
    case TableKind::Professionals: return kPros;
    case TableKind::Diagnostic: return kDiag;
    case TableKind::Actions: return kActions;
    case TableKind::Indicators: break;
  }
  return kIndicators;
}

const char* field_label_fr(Field f) { return info(f).fr; }
const char* field_label_en(Field f) { return info(f).en; }

int target_year(Field f) {
  int i = static_cast<int>(f) - static_cast<int>(Field::Target1);
  return i >= 0 && i < 5 ? i + 1 : 0;
}
int actual_year(Field f) {
  int i = static_cast<int>(f) - static_cast<int>(Field::Actual1);
  return i >= 0 && i < 5 ? i + 1 : 0;
}
int tier_index(Field f) {
  int i = static_cast<int>(f) - static_cast<int>(Field::Tier1Threshold);
  return i >= 0 && i < 8 ? i / 2 + 1 : 0;
}
bool tier_amount(Field f) { return tier_index(f) && (static_cast<int>(f) - static_cast<int>(Field::Tier1Threshold)) % 2 == 1; }

Mapping guess_mapping(TableKind k, const CellGrid& grid) {
  const std::vector<Field>& fields = table_fields(k);
  Mapping best;
  int best_total = 0;
  // The header row is among the first ten rows: the one naming the most fields.
  for (std::size_t r = 0; r < std::min<std::size_t>(grid.rows.size(), 10); ++r) {
    const std::vector<std::string>& cells = grid.rows[r].cells;
    std::vector<std::string> folded;
    for (const std::string& c : cells) folded.push_back(fold_text(c));
    // Greedy by score: the strongest (field, column) pairs first, each used once.
    struct Pair {
      int score;
      std::size_t col;
      Field field;
    };
    std::vector<Pair> pairs;
    for (std::size_t c = 0; c < folded.size(); ++c)
      for (Field f : fields)
        if (int s = score(k, f, folded[c])) pairs.push_back({s, c, f});
    std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.score > b.score; });
    Mapping m;
    m.columns.assign(grid.columns, Field::None);
    std::vector<bool> field_used(static_cast<std::size_t>(Field::Actual5) + 1, false);
    int total = 0;
    for (const Pair& p : pairs) {
      if (m.columns[p.col] != Field::None || field_used[static_cast<std::size_t>(p.field)]) continue;
      m.columns[p.col] = p.field;
      field_used[static_cast<std::size_t>(p.field)] = true;
      total += p.score;
    }
    if (total > best_total) {
      best_total = total;
      best = std::move(m);
      best.header_row = r;
    }
  }
  if (!best.header_row) {
    best.columns.assign(grid.columns, Field::None);
    return best;
  }
  // "Indicateur" over ids ("I3"), with the label in another column: the id.
  if (k == TableKind::Indicators) {
    for (std::size_t c = 0; c < best.columns.size(); ++c) {
      if (best.columns[c] != Field::IndicatorLabel || !looks_like_ids(grid, c, *best.header_row + 1)) continue;
      for (std::size_t o = 0; o < best.columns.size(); ++o) {
        if (o == c || best.columns[o] != Field::None) continue;
        std::string h = fold_text(grid.cell(*best.header_row, o));
        if (h == "libelle" || h == "intitule" || h == "libelle de l indicateur") {
          best.columns[c] = Field::IndicatorId;
          best.columns[o] = Field::IndicatorLabel;
          break;
        }
      }
    }
  }
  return best;
}

}  // namespace cpts::tables
