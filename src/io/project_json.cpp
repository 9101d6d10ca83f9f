// Project files: see project_json.hpp for the format, the enum words and the versions.
//
// [SECTION] Enum words
// [SECTION] Writing (canonical form)
// [SECTION] Reading helpers
// [SECTION] Reading the sections
// [SECTION] Version 1 → 2
// [SECTION] Entry points
#include "io/project_json.hpp"

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <cmath>
#include <set>
#include <tuple>
#include <unordered_map>

namespace cpts {

// ---------------------------------------------------------------------------------------------
// [SECTION] Enum words
// ---------------------------------------------------------------------------------------------

namespace {

// Order = the enum's order in project.hpp.
const char* const kProrataWords[] = {"mois", "jours"};
const char* const kStatusWords[] = {"prevue", "en_cours", "realisee", "abandonnee"};
const char* const kKindWords[] = {"livrable", "resultat"};
const char* const kDirectionWords[] = {"hausse", "baisse"};
const char* const kPartialWords[] = {"aucun", "lineaire"};

constexpr double kMaxValue = 1e15;          // indicator / diagnostic values: finite and below this
constexpr std::size_t kMaxIdBytes = 64;
constexpr int kMinCalendarYear = 1990, kMaxCalendarYear = 2200;
constexpr std::size_t kMaxErrors = 50;      // as JsonReader: past 50 the user has enough to fix
constexpr std::size_t kMaxErrorTextBytes = 300;

}  // namespace

const char* to_word(Prorata v) { return kProrataWords[static_cast<int>(v)]; }
const char* to_word(ActionStatus v) { return kStatusWords[static_cast<int>(v)]; }
const char* to_word(IndicatorKind v) { return kKindWords[static_cast<int>(v)]; }
const char* to_word(Direction v) { return kDirectionWords[static_cast<int>(v)]; }
const char* to_word(Partial v) { return kPartialWords[static_cast<int>(v)]; }

// ---------------------------------------------------------------------------------------------
// [SECTION] Writing (canonical form)
// ---------------------------------------------------------------------------------------------

namespace {

OrderedJson string_list(const std::vector<std::string>& v) {
  OrderedJson a = OrderedJson::array();
  for (const std::string& s : v) a.push_back(s);
  return a;
}

template <class V>
OrderedJson year_map(const std::map<int, V>& m) {
  OrderedJson o = OrderedJson::object();
  for (const auto& [year, value] : m) o[std::to_string(year)] = value;
  return o;
}

// BudgetLine and YearAmount: {label, year, amount_cents}.
template <class LabelledAmount>
OrderedJson year_amounts(const std::vector<LabelledAmount>& v) {
  OrderedJson a = OrderedJson::array();
  for (const LabelledAmount& y : v) {
    OrderedJson o;
    o["label"] = y.label;
    o["year"] = y.year;
    o["amount_cents"] = y.cents;
    a.push_back(std::move(o));
  }
  return a;
}

}  // namespace

OrderedJson project_to_json(const Project& p) {
  OrderedJson j;
  j["format"] = kProjectFormat;
  j["schema_version"] = kProjectSchemaVersion;

  OrderedJson& id = j["identity"];
  id["name"] = p.identity.name;
  id["association"] = p.identity.association;
  id["rna"] = p.identity.rna;
  id["finess"] = p.identity.finess;
  id["contacts"] = OrderedJson::array();
  for (const Contact& c : p.identity.contacts)
    id["contacts"].push_back(OrderedJson{{"role", c.role}, {"name", c.name}, {"email", c.email}, {"phone", c.phone}});

  OrderedJson& t = j["territory"];
  t["population_source"] = p.territory.population_source;
  t["taille_override"] = OrderedJson{{"taille", p.territory.taille_override.taille},
                                     {"justification", p.territory.taille_override.justification}};
  t["communes"] = OrderedJson::array();
  for (const Commune& c : p.territory.communes)
    t["communes"].push_back(
        OrderedJson{{"insee", c.insee}, {"name", c.name}, {"department", c.department}, {"population", c.population}});

  OrderedJson& c = j["contract"];
  c["signature"] = to_iso(p.contract.signature);
  c["catalogue"] = p.contract.catalogue;
  c["prorata"] = to_word(p.contract.prorata);
  c["prorate_variable"] = p.contract.prorate_variable;
  c["boundary_80000_taille3"] = p.contract.boundary_80000_taille3;
  c["lettre_intention"] = to_iso(p.contract.lettre_intention);
  c["pay_lettre_intention"] = p.contract.pay_lettre_intention;

  j["professionals"] = OrderedJson::array();
  for (const Professional& x : p.professionals)
    j["professionals"].push_back(OrderedJson{{"id", x.id},
                                             {"name", x.name},
                                             {"profession", x.profession},
                                             {"structure", x.structure},
                                             {"member", x.member}});

  j["colleges"] = OrderedJson::array();
  for (const College& x : p.colleges)
    j["colleges"].push_back(OrderedJson{{"name", x.name}, {"seats", x.seats}, {"members", string_list(x.members)}});

  j["diagnostic"] = OrderedJson::array();
  for (const DiagnosticIndicator& d : p.diagnostic)
    j["diagnostic"].push_back(OrderedJson{{"id", d.id},
                                          {"label", d.label},
                                          {"value", d.value},
                                          {"unit", d.unit},
                                          {"source", d.source},
                                          {"year", d.year},
                                          {"comment", d.comment}});

  j["missions"] = OrderedJson::array();
  for (const ProjectMission& m : p.missions)
    j["missions"].push_back(OrderedJson{{"mission", m.mission},
                                        {"chosen", m.chosen},
                                        {"start", to_iso(m.start)},
                                        {"deployed", to_iso(m.deployed)},
                                        {"notes", m.notes}});

  j["actions"] = OrderedJson::array();
  for (const Action& a : p.actions) {
    OrderedJson o;
    o["id"] = a.id;
    o["mission"] = a.mission;
    o["title"] = a.title;
    o["objective"] = a.objective;
    o["pilot"] = a.pilot;
    o["partners"] = string_list(a.partners);
    o["target_population"] = a.target_population;
    o["start"] = to_iso(a.start);
    o["end"] = to_iso(a.end);
    o["status"] = to_word(a.status);
    o["budget"] = year_amounts(a.budget);
    o["comments"] = a.comments;
    o["example"] = a.example;
    j["actions"].push_back(std::move(o));
  }

  j["indicators"] = OrderedJson::array();
  for (const Indicator& i : p.indicators) {
    OrderedJson o;
    o["id"] = i.id;
    o["action"] = i.action;
    o["label"] = i.label;
    o["kind"] = to_word(i.kind);
    o["unit"] = i.unit;
    o["direction"] = to_word(i.direction);
    o["baseline"] = i.baseline ? OrderedJson(*i.baseline) : OrderedJson(nullptr);
    o["targets"] = year_map(i.targets);
    o["tiers"] = OrderedJson::array();
    for (const Tier& tier : i.tiers)
      o["tiers"].push_back(OrderedJson{{"label", tier.label}, {"threshold", tier.threshold}, {"amount_cents", tier.cents}});
    o["amount_cents"] = i.cents;
    o["partial"] = to_word(i.partial);
    o["evidence"] = i.evidence;
    o["source"] = i.source;
    o["actuals"] = year_map(i.actuals);
    o["evidence_received"] = year_map(i.evidence_received);
    o["assumptions"] = OrderedJson{{"pessimistic", i.assumptions.pessimistic},
                                   {"realistic", i.assumptions.realistic},
                                   {"optimistic", i.assumptions.optimistic}};
    o["example"] = i.example;
    j["indicators"].push_back(std::move(o));
  }

  OrderedJson& f = j["finance"];
  f["expenses"] = year_amounts(p.expenses);
  f["other_income"] = year_amounts(p.other_income);
  f["member_payments"] = OrderedJson::array();
  for (const MemberPayment& m : p.member_payments)
    f["member_payments"].push_back(OrderedJson{{"professional", m.professional},
                                               {"calendar_year", m.calendar_year},
                                               {"amount_cents", m.cents},
                                               {"kind", m.kind}});

  j["overrides"] = OrderedJson::array();
  for (const AmountOverride& o : p.overrides)
    j["overrides"].push_back(OrderedJson{{"component", to_string(o.component)},
                                         {"mission", o.mission},
                                         {"year", o.year},
                                         {"amount_cents", o.cents},
                                         {"note", o.note}});

  j["crises"] = OrderedJson::array();
  for (const CrisisActivation& x : p.crises) j["crises"].push_back(OrderedJson{{"year", x.year}, {"label", x.label}});

  j["decisions"] = OrderedJson::array();
  for (const Decision& d : p.decisions)
    j["decisions"].push_back(OrderedJson{
        {"date", to_iso(d.date)}, {"subject", d.subject}, {"decision", d.decision}, {"owner", d.owner}});

  // Workshop sections are written only when used, so files without them stay as they were.
  if (!p.candidates.empty()) {
    j["candidates"] = OrderedJson::array();
    for (const Candidate& c : p.candidates) {
      OrderedJson cj{{"id", c.id}, {"mission", c.mission}, {"title", c.title}, {"description", c.description},
                     {"retained", c.retained}, {"action", c.action}};
      cj["ratings"] = OrderedJson::array();
      for (const Rating& r : c.ratings)
        cj["ratings"].push_back(OrderedJson{{"group", r.group}, {"impact", r.impact}, {"feasibility", r.feasibility}, {"votes", r.votes}});
      j["candidates"].push_back(cj);
    }
  }
  if (!p.variants.empty()) {
    j["variants"] = OrderedJson::array();
    for (const Variant& v : p.variants) {
      OrderedJson vj{{"name", v.name}, {"note", v.note}};
      vj["project"] = v.project ? project_to_json(*v.project) : OrderedJson::object();
      j["variants"].push_back(vj);
    }
  }
  if (!p.group_copy.group.empty()) {
    OrderedJson g{{"group", p.group_copy.group}, {"made_on", to_iso(p.group_copy.made_on)}};
    g["base"] = OrderedJson::object();
    for (const auto& [key, fp] : p.group_copy.base) {
      char hex[17];
      std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fp));
      g["base"][key] = hex;
    }
    j["group_copy"] = g;
  }

  j["notes"] = p.notes;
  return j;
}

std::string save_project(const Project& p) { return dump_canonical(project_to_json(p)); }

// ---------------------------------------------------------------------------------------------
// [SECTION] Reading helpers
// ---------------------------------------------------------------------------------------------

namespace {

// "100 000 000" with narrow no-break spaces, as everywhere in the French UI; numbers of four digits
// or fewer (years) are not grouped.
std::string fr_int(long long v) {
  if (v > -10000 && v < 10000) return std::to_string(v);
  return format_number_fr(static_cast<double>(v), 0);
}

template <std::size_t N>
std::string words_list(const char* const (&words)[N]) {
  std::string s;
  for (std::size_t i = 0; i < N; ++i) {
    if (i > 0) s += (i + 1 == N) ? " ou " : ", ";
    s += std::string("« ") + words[i] + " »";
  }
  return s;
}

class ProjectReader {
 public:
  JsonReader r;
  Project p;
  const Catalogue* cat = nullptr;

  void read(const Json& j);

 private:
  std::unordered_map<std::string, std::string> action_paths_, professional_paths_;

  static const Json* get(const Json& o, const char* key) {
    auto it = o.find(key);
    return it == o.end() || it->is_null() ? nullptr : &*it;
  }
  const Json* list(const Json& o, const char* key, const std::string& path, std::size_t max_items) {
    const Json* v = get(o, key);
    if (!v || !r.array(*v, JsonReader::key_path(path, key), max_items)) return nullptr;
    return v;
  }

  // JSON integer (not 5.0, not "5") within [min, max]; the reader's own messages group thousands.
  static bool int_within(const Json& v, long long min, long long max, long long& x) {
    if (!v.is_number_integer()) return false;
    if (v.is_number_unsigned() && v.get<unsigned long long>() > static_cast<unsigned long long>(LLONG_MAX)) return false;
    x = v.get<long long>();
    return x >= min && x <= max;
  }
  void integer(const Json& o, const char* key, const std::string& path, long long& out, long long min, long long max,
               bool required = false) {
    const Json* v = get(o, key);
    if (!v) {
      if (required) r.error(JsonReader::key_path(path, key), "champ obligatoire manquant");
      return;
    }
    long long x = 0;
    if (!int_within(*v, min, max, x)) {
      r.error(JsonReader::key_path(path, key),
              "entier entre " + fr_int(min) + " et " + fr_int(max) + " attendu, trouvé " + describe_value(*v));
      return;
    }
    out = x;
  }
  void integer(const Json& o, const char* key, const std::string& path, int& out, int min, int max, bool required = false) {
    long long x = out;
    integer(o, key, path, x, min, max, required);
    out = static_cast<int>(x);
  }
  void cents(const Json& o, const char* key, const std::string& path, Cents& out, Cents min, bool required) {
    const Json* v = get(o, key);
    if (!v) {
      if (required) r.error(JsonReader::key_path(path, key), "champ obligatoire manquant (montant en centimes)");
      return;
    }
    long long x = 0;
    if (!int_within(*v, min, kMaxProjectCents, x)) {
      r.error(JsonReader::key_path(path, key), "montant en centimes (entier entre " + fr_int(min) + " et " +
                                                   fr_int(kMaxProjectCents) + ") attendu, trouvé " + describe_value(*v));
      return;
    }
    out = x;
  }
  void calendar_year(const Json& o, const char* key, const std::string& path, int& out, bool allow_zero, bool required) {
    const Json* v = get(o, key);
    if (!v) {
      if (required) r.error(JsonReader::key_path(path, key), "champ obligatoire manquant (année civile)");
      return;
    }
    if (allow_zero && v->is_number_integer() && v->get<long long>() == 0) {  // 0 = year unknown
      out = 0;
      return;
    }
    integer(o, key, path, out, kMinCalendarYear, kMaxCalendarYear, false);
  }
  void contract_year(const Json& o, const char* key, const std::string& path, int& out, int min, bool required) {
    integer(o, key, path, out, min, kContractYears, required);
  }
  // An indicator or diagnostic value: a finite number within ±10^15. Returns whether `out` was set.
  bool value(const Json& o, const char* key, const std::string& path, double& out, bool required = false) {
    const Json* v = get(o, key);
    if (!v) {
      if (required) r.error(JsonReader::key_path(path, key), "champ obligatoire manquant (nombre)");
      return false;
    }
    double x = v->is_number() ? v->get<double>() : 0;
    if (!v->is_number() || !std::isfinite(x) || std::fabs(x) > kMaxValue) {
      r.error(JsonReader::key_path(path, key), "nombre entre -" + fr_int(static_cast<long long>(kMaxValue)) + " et " +
                                                   fr_int(static_cast<long long>(kMaxValue)) + " attendu, trouvé " +
                                                   describe_value(*v));
      return false;
    }
    out = x;
    return true;
  }

  template <class E, std::size_t N>
  void enumeration(const Json& o, const char* key, const std::string& path, E& out, const char* const (&words)[N]) {
    const Json* v = get(o, key);
    if (!v) return;
    if (v->is_string()) {
      const std::string& s = v->get_ref<const std::string&>();
      for (std::size_t i = 0; i < N; ++i)
        if (s == words[i]) {
          out = static_cast<E>(i);
          return;
        }
    }
    r.error(JsonReader::key_path(path, key), words_list(words) + " attendu, trouvé " + describe_value(*v));
  }

  void strings(const Json& o, const char* key, const std::string& path, std::vector<std::string>& out, std::size_t max) {
    const Json* v = list(o, key, path, max);
    if (!v) return;
    std::string kp = JsonReader::key_path(path, key);
    for (std::size_t i = 0; i < v->size(); ++i) {
      const Json& s = (*v)[i];
      if (s.is_string()) out.push_back(s.get_ref<const std::string&>());
      else r.error(JsonReader::index_path(kp, i), "texte attendu, trouvé " + describe_value(s));
    }
  }

  // {"1": 12.5, "3": 14} -> map of contract years.
  void year_numbers(const Json& o, const char* key, const std::string& path, std::map<int, double>& out) {
    const Json* v = get(o, key);
    if (!v) return;
    std::string kp = JsonReader::key_path(path, key);
    if (!r.object(*v, kp, {"1", "2", "3", "4", "5"})) return;
    for (int y = 1; y <= kContractYears; ++y) {
      std::string k = std::to_string(y);
      if (!v->contains(k)) continue;
      double x = 0;
      if (value(*v, k.c_str(), kp, x, true)) out[y] = x;
    }
  }
  void year_bools(const Json& o, const char* key, const std::string& path, std::map<int, bool>& out) {
    const Json* v = get(o, key);
    if (!v) return;
    std::string kp = JsonReader::key_path(path, key);
    if (!r.object(*v, kp, {"1", "2", "3", "4", "5"})) return;
    for (int y = 1; y <= kContractYears; ++y) {
      std::string k = std::to_string(y);
      if (!v->contains(k)) continue;
      bool b = false;
      r.boolean(*v, k.c_str(), kp, b, true);
      out[y] = b;
    }
  }

  // A stable id: required, 1..64 bytes without control characters, unique within `seen`.
  void id(const Json& o, const std::string& path, std::string& out,
          std::unordered_map<std::string, std::string>& seen) {
    const Json* v = get(o, "id");
    std::string kp = JsonReader::key_path(path, "id");
    if (!v) {
      r.error(kp, "champ obligatoire manquant (identifiant)");
      return;
    }
    bool ok = v->is_string();
    if (ok) {
      const std::string& s = v->get_ref<const std::string&>();
      ok = !s.empty() && s.size() <= kMaxIdBytes;
      for (char ch : s) ok = ok && static_cast<unsigned char>(ch) >= 0x20;
    }
    if (!ok) {
      r.error(kp, "identifiant de 1 à " + std::to_string(kMaxIdBytes) +
                      " caractères sans caractère de contrôle attendu, trouvé " + describe_value(*v));
      return;
    }
    out = v->get_ref<const std::string&>();
    auto [it, inserted] = seen.emplace(out, path);
    if (!inserted) r.error(kp, "identifiant « " + out + " » en double (déjà utilisé en " + it->second + ")");
  }

  // A catalogue mission id (required).
  void mission_ref(const Json& o, const char* key, const std::string& path, std::string& out) {
    r.str(o, key, path, out, true);
    if (!get(o, key) || !get(o, key)->is_string() || !cat) return;
    if (!cat->mission(out)) r.error(JsonReader::key_path(path, key), "mission du catalogue « " + cat->id + " » attendue (" +
                                                                        mission_list() + "), trouvé « " + out + " »");
  }
  std::string mission_list() const {
    std::string s;
    for (const CatalogueMission& m : cat->missions) s += (s.empty() ? "" : ", ") + m.id;
    return s;
  }

  void read_identity(const Json& j);
  void read_territory(const Json& j);
  void read_contract(const Json& j);
  void read_professionals(const Json& j);
  void read_colleges(const Json& j);
  void read_diagnostic(const Json& j);
  void read_missions(const Json& j);
  void read_actions(const Json& j);
  void read_indicators(const Json& j);
  void read_finance(const Json& j);
  void read_overrides(const Json& j);
  void read_crises(const Json& j);
  void read_decisions(const Json& j);
  void read_candidates(const Json& j);
  void read_variants(const Json& j);
  void read_group_copy(const Json& j);
  // BudgetLine and YearAmount lists: {label, year 1..5, amount_cents (may be negative)}.
  template <class LabelledAmount>
  void read_year_amounts(const Json& o, const char* key, const std::string& path, std::vector<LabelledAmount>& out,
                         std::size_t max_items);
};

// ---------------------------------------------------------------------------------------------
// [SECTION] Reading the sections
// ---------------------------------------------------------------------------------------------

void ProjectReader::read(const Json& j) {
  if (!r.object(j, "$", {"format", "schema_version", "identity", "territory", "contract", "professionals", "colleges",
                         "diagnostic", "missions", "actions", "indicators", "finance", "overrides", "crises", "decisions",
                         "candidates", "variants", "group_copy", "notes"}))
    return;
  for (const char* required : {"identity", "territory", "contract"})
    if (!get(j, required)) r.error(JsonReader::key_path("$", required), "section obligatoire manquante");
  if (const Json* v = get(j, "identity")) read_identity(*v);
  if (const Json* v = get(j, "territory")) read_territory(*v);
  if (const Json* v = get(j, "contract")) read_contract(*v);
  read_professionals(j);
  read_colleges(j);
  read_diagnostic(j);
  read_missions(j);
  read_actions(j);
  read_indicators(j);
  if (const Json* v = get(j, "finance")) read_finance(*v);
  read_overrides(j);
  read_crises(j);
  read_decisions(j);
  read_candidates(j);
  read_variants(j);
  read_group_copy(j);
  r.str(j, "notes", "$", p.notes);
}

void ProjectReader::read_candidates(const Json& j) {
  const Json* v = list(j, "candidates", "$", 10000);
  if (!v) return;
  std::unordered_map<std::string, std::string> seen;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& o = (*v)[i];
    std::string path = JsonReader::index_path("$.candidates", i);
    if (!r.object(o, path, {"id", "mission", "title", "description", "retained", "action", "ratings"})) continue;
    Candidate c;
    id(o, path, c.id, seen);
    mission_ref(o, "mission", path, c.mission);
    r.str(o, "title", path, c.title, true);
    r.str(o, "description", path, c.description);
    r.boolean(o, "retained", path, c.retained);
    r.str(o, "action", path, c.action);
    if (const Json* rs = list(o, "ratings", path, 200)) {
      for (std::size_t k = 0; k < rs->size(); ++k) {
        const Json& ro = (*rs)[k];
        std::string rp = JsonReader::index_path(path + ".ratings", k);
        if (!r.object(ro, rp, {"group", "impact", "feasibility", "votes"})) continue;
        Rating rating;
        r.str(ro, "group", rp, rating.group, true);
        r.integer(ro, "impact", rp, rating.impact, 0, 5);
        r.integer(ro, "feasibility", rp, rating.feasibility, 0, 5);
        r.integer(ro, "votes", rp, rating.votes, 0, 1000);
        c.ratings.push_back(std::move(rating));
      }
    }
    p.candidates.push_back(std::move(c));
  }
}

void ProjectReader::read_variants(const Json& j) {
  const Json* v = list(j, "variants", "$", 20);
  if (!v) return;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& o = (*v)[i];
    std::string path = JsonReader::index_path("$.variants", i);
    if (!r.object(o, path, {"name", "note", "project"})) continue;
    Variant var;
    r.str(o, "name", path, var.name, true);
    r.str(o, "note", path, var.note);
    const Json* pj = get(o, "project");
    if (!pj) {
      r.error(path + ".project", "champ obligatoire manquant");
      continue;
    }
    if (pj->is_object() && (pj->contains("variants") || pj->contains("group_copy"))) {
      r.error(path + ".project", "une variante ne contient ni variantes ni copie de groupe");
      continue;
    }
    // The variant is a whole project: read it with the same rules, errors placed under its path.
    ProjectLoad inner = load_project(pj->dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace));
    for (const JsonError& e : inner.errors)
      r.error(e.path.rfind("$", 0) == 0 ? path + ".project" + e.path.substr(1) : path + ".project (" + e.path + ")", e.message);
    if (inner.project) var.project = std::make_shared<const Project>(std::move(*inner.project));
    p.variants.push_back(std::move(var));
  }
}

void ProjectReader::read_group_copy(const Json& j) {
  const Json* g = get(j, "group_copy");
  if (!g) return;
  if (!r.object(*g, "$.group_copy", {"group", "made_on", "base"})) return;
  r.str(*g, "group", "$.group_copy", p.group_copy.group, true);
  r.date(*g, "made_on", "$.group_copy", p.group_copy.made_on);
  const Json* base = get(*g, "base");
  if (!base) return;
  if (!base->is_object()) {
    r.error("$.group_copy.base", "objet JSON { … } attendu");
    return;
  }
  if (base->size() > 200000) {
    r.error("$.group_copy.base", "trop d’éléments");
    return;
  }
  for (auto it = base->begin(); it != base->end(); ++it) {
    const std::string& h = it.value().is_string() ? it.value().get_ref<const std::string&>() : std::string();
    bool ok = h.size() == 16 && h.find_first_not_of("0123456789abcdef") == std::string::npos;
    if (!ok) {
      r.error("$.group_copy.base." + it.key(), "empreinte hexadécimale de 16 caractères attendue");
      continue;
    }
    p.group_copy.base[it.key()] = std::strtoull(h.c_str(), nullptr, 16);
  }
}

void ProjectReader::read_identity(const Json& j) {
  const std::string P = "$.identity";
  if (!r.object(j, P, {"name", "association", "rna", "finess", "contacts"})) return;
  Identity& id = p.identity;
  r.str(j, "name", P, id.name);
  r.str(j, "association", P, id.association);
  r.str(j, "rna", P, id.rna);
  r.str(j, "finess", P, id.finess);
  if (const Json* v = list(j, "contacts", P, 100)) {
    for (std::size_t i = 0; i < v->size(); ++i) {
      const Json& o = (*v)[i];
      std::string path = JsonReader::index_path(P + ".contacts", i);
      if (!r.object(o, path, {"role", "name", "email", "phone"})) continue;
      Contact c;
      r.str(o, "role", path, c.role);
      r.str(o, "name", path, c.name);
      r.str(o, "email", path, c.email);
      r.str(o, "phone", path, c.phone);
      id.contacts.push_back(std::move(c));
    }
  }
}

namespace {
// INSEE commune code: 5 characters, digits except Corsica's "2A"/"2B" prefix ("71306", "2A004").
bool valid_insee(const std::string& s) {
  if (s.size() != 5) return false;
  bool corsica = s[0] == '2' && (s[1] == 'A' || s[1] == 'B');
  for (std::size_t i = 0; i < 5; ++i)
    if (!(s[i] >= '0' && s[i] <= '9') && !(i == 1 && corsica)) return false;
  return true;
}
// Department: "71", "2A", "974" (or empty for an aggregated line spanning several departments).
bool valid_department(const std::string& s) {
  if (s.size() == 2 && (s == "2A" || s == "2B")) return true;
  if (s.size() != 2 && s.size() != 3) return false;
  for (char ch : s)
    if (ch < '0' || ch > '9') return false;
  return true;
}
}  // namespace

void ProjectReader::read_territory(const Json& j) {
  const std::string P = "$.territory";
  if (!r.object(j, P, {"population_source", "taille_override", "communes"})) return;
  Territory& t = p.territory;
  r.str(j, "population_source", P, t.population_source);
  if (const Json* o = get(j, "taille_override")) {
    std::string path = P + ".taille_override";
    if (r.object(*o, path, {"taille", "justification"})) {
      integer(*o, "taille", path, t.taille_override.taille, 0, 4);
      r.str(*o, "justification", path, t.taille_override.justification);
      if (t.taille_override.taille != 0 && t.taille_override.justification.empty())
        r.error(path + ".justification",
                "justification obligatoire quand la taille est forcée (ex. « avenant du contrat signé le … »)");
    }
  }
  if (const Json* v = list(j, "communes", P, kMaxCommunes)) {
    std::unordered_map<std::string, std::string> seen;
    for (std::size_t i = 0; i < v->size(); ++i) {
      const Json& o = (*v)[i];
      std::string path = JsonReader::index_path(P + ".communes", i);
      if (!r.object(o, path, {"insee", "name", "department", "population"})) continue;
      Commune c;
      r.str(o, "insee", path, c.insee);
      r.str(o, "name", path, c.name, true);
      r.str(o, "department", path, c.department);
      integer(o, "population", path, c.population, 0, kMaxPopulation, true);
      if (!c.insee.empty() && !valid_insee(c.insee))
        r.error(path + ".insee", "code INSEE de 5 caractères attendu (ex. « 71306 », « 2A004 ») ou vide pour une ligne "
                                 "agrégée, trouvé « " + c.insee + " »");
      else if (!c.insee.empty()) {
        auto [it, inserted] = seen.emplace(c.insee, path);
        if (!inserted) r.error(path + ".insee", "commune « " + c.insee + " » en double (déjà en " + it->second + ")");
      }
      if (!c.department.empty() && !valid_department(c.department))
        r.error(path + ".department", "numéro de département attendu (ex. « 71 », « 2A », « 974 »), trouvé « " +
                                          c.department + " »");
      t.communes.push_back(std::move(c));
    }
    if (t.total_population() > kMaxPopulation)
      r.error(P + ".communes", "population totale entre 0 et " + fr_int(kMaxPopulation) + " attendue, trouvé " +
                                   fr_int(t.total_population()));
  }
}

void ProjectReader::read_contract(const Json& j) {
  const std::string P = "$.contract";
  if (!r.object(j, P, {"signature", "catalogue", "prorata", "prorate_variable", "boundary_80000_taille3",
                       "lettre_intention", "pay_lettre_intention"}))
    return;
  Contract& c = p.contract;
  r.date(j, "signature", P, c.signature);
  r.str(j, "catalogue", P, c.catalogue, true);
  if (const Json* v = get(j, "catalogue"); v && v->is_string()) {
    cat = find_catalogue(c.catalogue);
    if (!cat) {
      std::string known;
      for (const Catalogue& k : builtin_catalogues()) known += (known.empty() ? "« " : ", « ") + k.id + " »";
      r.error(P + ".catalogue", "catalogue ACI connu attendu (" + known + "), trouvé « " + c.catalogue + " »");
    }
  }
  enumeration(j, "prorata", P, c.prorata, kProrataWords);
  r.boolean(j, "prorate_variable", P, c.prorate_variable);
  r.boolean(j, "boundary_80000_taille3", P, c.boundary_80000_taille3);
  r.date(j, "lettre_intention", P, c.lettre_intention);
  r.boolean(j, "pay_lettre_intention", P, c.pay_lettre_intention);
}

void ProjectReader::read_professionals(const Json& j) {
  const Json* v = list(j, "professionals", "$", 10000);
  if (!v) return;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& o = (*v)[i];
    std::string path = JsonReader::index_path("$.professionals", i);
    if (!r.object(o, path, {"id", "name", "profession", "structure", "member"})) continue;
    Professional x;
    id(o, path, x.id, professional_paths_);
    r.str(o, "name", path, x.name);
    r.str(o, "profession", path, x.profession);
    r.str(o, "structure", path, x.structure);
    r.boolean(o, "member", path, x.member);
    p.professionals.push_back(std::move(x));
  }
}

void ProjectReader::read_colleges(const Json& j) {
  const Json* v = list(j, "colleges", "$", 100);
  if (!v) return;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& o = (*v)[i];
    std::string path = JsonReader::index_path("$.colleges", i);
    if (!r.object(o, path, {"name", "seats", "members"})) continue;
    College x;
    r.str(o, "name", path, x.name);
    integer(o, "seats", path, x.seats, 0, 10000);
    strings(o, "members", path, x.members, 10000);
    p.colleges.push_back(std::move(x));
  }
}

void ProjectReader::read_diagnostic(const Json& j) {
  const Json* v = list(j, "diagnostic", "$", 1000);
  if (!v) return;
  std::unordered_map<std::string, std::string> seen;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& o = (*v)[i];
    std::string path = JsonReader::index_path("$.diagnostic", i);
    if (!r.object(o, path, {"id", "label", "value", "unit", "source", "year", "comment"})) continue;
    DiagnosticIndicator d;
    id(o, path, d.id, seen);
    r.str(o, "label", path, d.label);
    value(o, "value", path, d.value);
    // null is what a non-finite value saves as: refused, or it would come back as 0 (random edits test).
    if (auto it = o.find("value"); it != o.end() && it->is_null())
      r.error(path + ".value", "nombre entre -" + fr_int(static_cast<long long>(kMaxValue)) + " et " +
                                   fr_int(static_cast<long long>(kMaxValue)) + " attendu, trouvé null");
    r.str(o, "unit", path, d.unit);
    r.str(o, "source", path, d.source);
    calendar_year(o, "year", path, d.year, true, false);
    r.str(o, "comment", path, d.comment);
    p.diagnostic.push_back(std::move(d));
  }
}

void ProjectReader::read_missions(const Json& j) {
  const Json* v = list(j, "missions", "$", 20);
  if (!v) return;
  std::unordered_map<std::string, std::string> seen;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& o = (*v)[i];
    std::string path = JsonReader::index_path("$.missions", i);
    if (!r.object(o, path, {"mission", "chosen", "start", "deployed", "notes"})) continue;
    ProjectMission m;
    mission_ref(o, "mission", path, m.mission);
    if (!m.mission.empty()) {
      auto [it, inserted] = seen.emplace(m.mission, path);
      if (!inserted) r.error(path + ".mission", "mission « " + m.mission + " » en double (déjà en " + it->second + ")");
    }
    r.boolean(o, "chosen", path, m.chosen);
    r.date(o, "start", path, m.start);
    r.date(o, "deployed", path, m.deployed);
    r.str(o, "notes", path, m.notes);
    p.missions.push_back(std::move(m));
  }
}

void ProjectReader::read_actions(const Json& j) {
  const Json* v = list(j, "actions", "$", kMaxActions);
  if (!v) return;
  p.actions.reserve(v->size());
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& o = (*v)[i];
    std::string path = JsonReader::index_path("$.actions", i);
    if (!r.object(o, path, {"id", "mission", "title", "objective", "pilot", "partners", "target_population", "start", "end",
                            "status", "budget", "comments", "example"}))
      continue;
    Action a;
    id(o, path, a.id, action_paths_);
    mission_ref(o, "mission", path, a.mission);
    r.str(o, "title", path, a.title);
    r.str(o, "objective", path, a.objective);
    r.str(o, "pilot", path, a.pilot);
    strings(o, "partners", path, a.partners, 100);
    r.str(o, "target_population", path, a.target_population);
    r.date(o, "start", path, a.start);
    r.date(o, "end", path, a.end);
    enumeration(o, "status", path, a.status, kStatusWords);
    read_year_amounts(o, "budget", path, a.budget, 100);
    r.str(o, "comments", path, a.comments);
    r.boolean(o, "example", path, a.example);
    p.actions.push_back(std::move(a));
  }
}

void ProjectReader::read_indicators(const Json& j) {
  const Json* v = list(j, "indicators", "$", kMaxIndicators);
  if (!v) return;
  p.indicators.reserve(v->size());
  std::unordered_map<std::string, std::string> seen;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& o = (*v)[i];
    std::string path = JsonReader::index_path("$.indicators", i);
    if (!r.object(o, path, {"id", "action", "label", "kind", "unit", "direction", "baseline", "targets", "tiers",
                            "amount_cents", "partial", "evidence", "source", "actuals", "evidence_received", "assumptions",
                            "example"}))
      continue;
    Indicator ind;
    id(o, path, ind.id, seen);
    r.str(o, "action", path, ind.action, true);
    if (const Json* a = get(o, "action"); a && a->is_string() && !action_paths_.count(ind.action))
      r.error(path + ".action", "identifiant d’une fiche-action du projet attendu, trouvé « " + ind.action + " »");
    r.str(o, "label", path, ind.label);
    enumeration(o, "kind", path, ind.kind, kKindWords);
    r.str(o, "unit", path, ind.unit);
    enumeration(o, "direction", path, ind.direction, kDirectionWords);
    if (double b = 0; value(o, "baseline", path, b)) ind.baseline = b;  // null or absent: no baseline
    year_numbers(o, "targets", path, ind.targets);
    if (const Json* t = list(o, "tiers", path, 20)) {
      for (std::size_t k = 0; k < t->size(); ++k) {
        const Json& to = (*t)[k];
        std::string tp = JsonReader::index_path(path + ".tiers", k);
        if (!r.object(to, tp, {"label", "threshold", "amount_cents"})) continue;
        Tier tier;
        r.str(to, "label", tp, tier.label);
        value(to, "threshold", tp, tier.threshold, true);
        cents(to, "amount_cents", tp, tier.cents, 0, true);
        ind.tiers.push_back(std::move(tier));
      }
    }
    cents(o, "amount_cents", path, ind.cents, 0, false);
    enumeration(o, "partial", path, ind.partial, kPartialWords);
    r.str(o, "evidence", path, ind.evidence);
    r.str(o, "source", path, ind.source);
    year_numbers(o, "actuals", path, ind.actuals);
    year_bools(o, "evidence_received", path, ind.evidence_received);
    if (const Json* a = get(o, "assumptions")) {
      std::string ap = path + ".assumptions";
      if (r.object(*a, ap, {"pessimistic", "realistic", "optimistic"})) {
        r.number(*a, "pessimistic", ap, ind.assumptions.pessimistic, 0, 1);
        r.number(*a, "realistic", ap, ind.assumptions.realistic, 0, 1);
        r.number(*a, "optimistic", ap, ind.assumptions.optimistic, 0, 1);
      }
    }
    r.boolean(o, "example", path, ind.example);
    p.indicators.push_back(std::move(ind));
  }
}

template <class LabelledAmount>
void ProjectReader::read_year_amounts(const Json& o, const char* key, const std::string& path,
                                      std::vector<LabelledAmount>& out, std::size_t max_items) {
  const Json* v = list(o, key, path, max_items);
  if (!v) return;
  std::string kp = JsonReader::key_path(path, key);
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& e = (*v)[i];
    std::string ep = JsonReader::index_path(kp, i);
    if (!r.object(e, ep, {"label", "year", "amount_cents"})) continue;
    LabelledAmount y;
    r.str(e, "label", ep, y.label);
    contract_year(e, "year", ep, y.year, 1, true);
    cents(e, "amount_cents", ep, y.cents, -kMaxProjectCents, true);
    out.push_back(std::move(y));
  }
}

void ProjectReader::read_finance(const Json& j) {
  const std::string P = "$.finance";
  if (!r.object(j, P, {"expenses", "other_income", "member_payments"})) return;
  read_year_amounts(j, "expenses", P, p.expenses, 10000);
  read_year_amounts(j, "other_income", P, p.other_income, 10000);
  const Json* v = list(j, "member_payments", P, 100000);
  if (!v) return;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& o = (*v)[i];
    std::string path = JsonReader::index_path(P + ".member_payments", i);
    if (!r.object(o, path, {"professional", "calendar_year", "amount_cents", "kind"})) continue;
    MemberPayment m;
    r.str(o, "professional", path, m.professional, true);
    if (const Json* x = get(o, "professional"); x && x->is_string() && !professional_paths_.count(m.professional))
      r.error(path + ".professional",
              "identifiant d’un professionnel du projet ($.professionals) attendu, trouvé « " + m.professional + " »");
    calendar_year(o, "calendar_year", path, m.calendar_year, false, true);
    cents(o, "amount_cents", path, m.cents, 0, true);
    r.str(o, "kind", path, m.kind);
    p.member_payments.push_back(std::move(m));
  }
}

void ProjectReader::read_overrides(const Json& j) {
  const Json* v = list(j, "overrides", "$", 1000);
  if (!v) return;
  std::set<std::tuple<int, std::string, int>> seen;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& o = (*v)[i];
    std::string path = JsonReader::index_path("$.overrides", i);
    if (!r.object(o, path, {"component", "mission", "year", "amount_cents", "note"})) continue;
    AmountOverride ov;
    std::string comp;
    r.str(o, "component", path, comp, true);
    auto c = component_from(comp);
    if (!c && get(o, "component") && get(o, "component")->is_string()) {
      std::string known;
      for (int k = 0; k < kComponentCount; ++k)
        known += std::string(k ? ", " : "") + to_string(static_cast<Component>(k));
      r.error(path + ".component", "composante attendue (" + known + "), trouvé « " + comp + " »");
    }
    if (c) ov.component = *c;
    r.str(o, "mission", path, ov.mission);
    if (c && is_mission_component(*c) && cat) {
      bool in_catalogue = false;
      for (int t = 1; t <= 4; ++t) in_catalogue = in_catalogue || cat->amount(*c, ov.mission, t);
      if (!cat->mission(ov.mission))
        r.error(path + ".mission", "mission du catalogue « " + cat->id + " » attendue (" + mission_list() +
                                       "), trouvé « " + ov.mission + " »");
      else if (!in_catalogue)
        r.error(path, "le catalogue « " + cat->id + " » ne prévoit pas la composante « " + comp +
                          " » pour la mission « " + ov.mission + " »");
    } else if (c && !is_mission_component(*c) && !ov.mission.empty()) {
      r.error(path + ".mission", "texte vide attendu : la composante « " + comp + " » ne dépend pas d’une mission");
    }
    contract_year(o, "year", path, ov.year, 0, false);
    cents(o, "amount_cents", path, ov.cents, 0, true);
    r.str(o, "note", path, ov.note);
    if (c && !seen.insert({static_cast<int>(*c), ov.mission, ov.year}).second)
      r.error(path, "surcharge en double (même composante, même mission, même année)");
    p.overrides.push_back(std::move(ov));
  }
}

void ProjectReader::read_crises(const Json& j) {
  const Json* v = list(j, "crises", "$", 100);
  if (!v) return;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& o = (*v)[i];
    std::string path = JsonReader::index_path("$.crises", i);
    if (!r.object(o, path, {"year", "label"})) continue;
    CrisisActivation c;
    contract_year(o, "year", path, c.year, 1, true);
    r.str(o, "label", path, c.label);
    p.crises.push_back(std::move(c));
  }
}

void ProjectReader::read_decisions(const Json& j) {
  const Json* v = list(j, "decisions", "$", 10000);
  if (!v) return;
  for (std::size_t i = 0; i < v->size(); ++i) {
    const Json& o = (*v)[i];
    std::string path = JsonReader::index_path("$.decisions", i);
    if (!r.object(o, path, {"date", "subject", "decision", "owner"})) continue;
    Decision d;
    r.date(o, "date", path, d.date);
    r.str(o, "subject", path, d.subject);
    r.str(o, "decision", path, d.decision);
    r.str(o, "owner", path, d.owner);
    p.decisions.push_back(std::move(d));
  }
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Version 1 → 2
// ---------------------------------------------------------------------------------------------

// Rewrites a version-1 document in place into the version-2 shape: "amount" (euros) becomes
// "amount_cents", "JJ/MM/AAAA" dates become "AAAA-MM-JJ". Anything it cannot convert is reported
// at its version-1 path and removed, so the version-2 reader does not report it a second time.
// Structural problems (a list that is not a list…) are left for the version-2 reader.
class V1Converter {
 public:
  std::vector<JsonError> errors;

  void convert(Json& j) {
    for (const char* section : {"crises", "decisions"}) {
      if (j.contains(section)) {
        error(std::string("$.") + section, std::string("clé inconnue « ") + section +
                                               " » : cette section n’existe pas dans un fichier version 1 "
                                               "(schema_version 2 attendu pour l’utiliser)");
        j.erase(section);
      }
    }
    if (Json* c = object_at(j, "contract")) {
      date(*c, "signature", "$.contract");
      date(*c, "lettre_intention", "$.contract");
    }
    each(j, "missions", "$", [&](Json& m, const std::string& p) {
      date(m, "start", p);
      date(m, "deployed", p);
    });
    each(j, "actions", "$", [&](Json& a, const std::string& p) {
      date(a, "start", p);
      date(a, "end", p);
      each(a, "budget", p, [&](Json& b, const std::string& bp) { money(b, bp); });
    });
    each(j, "indicators", "$", [&](Json& i, const std::string& p) {
      money(i, p);
      each(i, "tiers", p, [&](Json& t, const std::string& tp) { money(t, tp); });
    });
    if (Json* f = object_at(j, "finance")) {
      for (const char* list : {"expenses", "other_income", "member_payments"})
        each(*f, list, "$.finance", [&](Json& e, const std::string& p) { money(e, p); });
    }
    each(j, "overrides", "$", [&](Json& o, const std::string& p) { money(o, p); });
  }

 private:
  void error(const std::string& path, const std::string& message) {
    if (errors.size() < kMaxErrors) errors.push_back({path, message});
  }

  static Json* object_at(Json& j, const char* key) {
    if (!j.is_object()) return nullptr;
    auto it = j.find(key);
    return it != j.end() && it->is_object() ? &*it : nullptr;
  }

  template <class F>
  void each(Json& j, const char* key, const std::string& path, F f) {
    if (!j.is_object()) return;
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return;
    std::string kp = JsonReader::key_path(path, key);
    for (std::size_t i = 0; i < it->size(); ++i) {
      Json& item = (*it)[i];
      if (item.is_object()) f(item, JsonReader::index_path(kp, i));
    }
  }

  void date(Json& o, const char* key, const std::string& path) {
    auto it = o.find(key);
    if (it == o.end() || it->is_null()) return;
    if (it->is_string()) {
      const std::string& s = it->get_ref<const std::string&>();
      if (s.empty()) return;
      if (auto d = parse_fr(s)) {
        *it = to_iso(*d);
        return;
      }
    }
    error(JsonReader::key_path(path, key),
          "date JJ/MM/AAAA valide attendue (fichier version 1), trouvé " + describe_value(*it));
    o.erase(it);
  }

  // Euros as a JSON number with at most 2 decimals -> cents.
  static bool euros_to_cents(const Json& v, Cents& out) {
    constexpr long long kMaxEuros = kMaxProjectCents / 100;
    if (v.is_number_integer()) {
      if (v.is_number_unsigned() && v.get<unsigned long long>() > static_cast<unsigned long long>(kMaxEuros)) return false;
      long long e = v.get<long long>();
      if (e < -kMaxEuros || e > kMaxEuros) return false;
      out = e * 100;
      return true;
    }
    if (!v.is_number_float()) return false;
    double e = v.get<double>();
    if (!std::isfinite(e) || std::fabs(e) > static_cast<double>(kMaxEuros)) return false;
    double c = std::round(e * 100);
    // 1e-4 cent is far above the rounding error of e * 100 below 10^11 and far below a third decimal.
    if (std::fabs(c - e * 100) > 1e-4) return false;
    out = static_cast<Cents>(c);
    return true;
  }

  void money(Json& o, const std::string& path) {
    if (o.contains("amount_cents")) {
      error(path + ".amount_cents",
            "clé inconnue « amount_cents » : un fichier version 1 donne les montants en euros sous « amount »");
      o.erase("amount_cents");
    }
    auto it = o.find("amount");
    if (it == o.end()) return;
    Cents c = 0;
    if (it->is_null()) {
      o.erase(it);
      return;
    }
    if (!euros_to_cents(*it, c)) {
      error(path + ".amount", "montant en euros attendu (nombre avec au plus 2 décimales, entre -" +
                                  fr_int(kMaxProjectCents / 100) + " et " + fr_int(kMaxProjectCents / 100) +
                                  "), trouvé " + describe_value(*it));
      o.erase(it);
      o["amount_cents"] = 0;  // placeholder: the error above already refuses the file
      return;
    }
    o.erase(it);
    o["amount_cents"] = c;
  }
};

// Replaces invalid UTF-8 (a syntax error quotes the raw bytes of the file) with U+FFFD, so that
// error texts can always be displayed and written as JSON.
void make_valid_utf8(std::string& s) {
  std::string out;
  bool changed = false;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    bool ok = n > 0 && i + n <= s.size() && !(n == 2 && c < 0xC2) && !(n == 4 && c > 0xF4);
    for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
    if (ok && n == 3) {
      unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xE0 && c1 < 0xA0) && !(c == 0xED && c1 >= 0xA0);  // overlong, surrogates
    }
    if (ok && n == 4) {
      unsigned char c1 = static_cast<unsigned char>(s[i + 1]);
      ok = !(c == 0xF0 && c1 < 0x90) && !(c == 0xF4 && c1 >= 0x90);
    }
    if (ok) {
      out.append(s, i, n);
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      changed = true;
      ++i;
    }
  }
  if (changed) s = std::move(out);
}

// Keeps error texts readable when a hostile file has a 20 000-byte key (cut on a UTF-8 boundary).
void shorten(std::string& s) {
  make_valid_utf8(s);
  if (s.size() <= kMaxErrorTextBytes) return;
  std::size_t cut = kMaxErrorTextBytes;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  s.resize(cut);
  s += "…";
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// [SECTION] Entry points
// ---------------------------------------------------------------------------------------------

ProjectLoad load_project(std::string_view text) {
  ProjectLoad out;
  JsonError perr;
  std::optional<Json> doc = parse_json_limited(text, perr);
  if (!doc) {
    shorten(perr.path);
    shorten(perr.message);
    out.errors.push_back(perr);
    return out;
  }
  Json& j = *doc;
  if (!j.is_object()) {
    out.errors.push_back({"$", "objet JSON { … } attendu (fichier projet du planificateur), trouvé " + describe_value(j)});
    return out;
  }
  auto f = j.find("format");
  if (f == j.end() || !f->is_string()) {
    out.errors.push_back({"$.format", std::string("« ") + kProjectFormat + " » attendu" +
                                          (f == j.end() ? " (champ manquant)" : ", trouvé " + describe_value(*f)) +
                                          " : ce fichier n’est pas un projet du planificateur"});
    return out;
  }
  if (f->get_ref<const std::string&>() != kProjectFormat) {
    std::string found = f->get_ref<const std::string&>();
    out.errors.push_back({"$.format", std::string("« ") + kProjectFormat + " » attendu, trouvé « " + found +
                                          " » : ce fichier n’est pas un projet du planificateur"});
    shorten(out.errors.back().message);
    return out;
  }
  auto v = j.find("schema_version");
  if (v == j.end() || !v->is_number_integer()) {
    out.errors.push_back({"$.schema_version", "version du format (entier 1 à " + std::to_string(kProjectSchemaVersion) +
                                                  ") attendue" +
                                                  (v == j.end() ? std::string(" (champ manquant)")
                                                                : ", trouvé " + describe_value(*v))});
    return out;
  }
  if (v->is_number_unsigned() ? v->get<unsigned long long>() > static_cast<unsigned long long>(kProjectSchemaVersion)
                              : v->get<long long>() > kProjectSchemaVersion) {
    out.errors.push_back({"$.schema_version", "version de fichier " + v->dump() + " plus récente que ce logiciel (" +
                                                  std::to_string(kProjectSchemaVersion) +
                                                  ") : mettez à jour le planificateur"});
    return out;
  }
  long long version = v->get<long long>();
  if (version < 1) {
    out.errors.push_back({"$.schema_version", "version de fichier " + std::to_string(version) + " inconnue : 1 à " +
                                                  std::to_string(kProjectSchemaVersion) + " attendu"});
    return out;
  }
  out.file_version = static_cast<int>(version);
  out.migrated = version < kProjectSchemaVersion;

  std::vector<JsonError> errors;
  if (version == 1) {
    V1Converter conv;
    conv.convert(j);
    errors = std::move(conv.errors);
  }
  ProjectReader reader;
  reader.read(j);
  for (JsonError& e : reader.r.errors) {
    if (version == 1 && ends_with(e.path, ".amount_cents")) {
      // The version-1 file has euros under "amount": speak of what the user sees.
      e.path.resize(e.path.size() - std::string(".amount_cents").size());
      e.path += ".amount";
      e.message += " (montant converti en centimes depuis les euros du fichier version 1)";
    } else if (version >= 2 && ends_with(e.message, "clé inconnue « amount »")) {
      e.message += " : depuis la version 2, les montants sont en centimes sous « amount_cents »";
    }
    if (errors.size() < kMaxErrors) errors.push_back(std::move(e));
  }
  for (JsonError& e : errors) {
    shorten(e.path);
    shorten(e.message);
  }
  out.errors = std::move(errors);
  if (out.errors.empty()) out.project = std::move(reader.p);
  return out;
}

std::string migrate_project_text(std::string_view text, std::vector<JsonError>& errors) {
  ProjectLoad load = load_project(text);
  if (!load.project) {
    errors.insert(errors.end(), load.errors.begin(), load.errors.end());
    return {};
  }
  return save_project(*load.project);
}

std::vector<JsonError> validate_project(const Project& p) { return load_project(save_project(p)).errors; }

}  // namespace cpts
