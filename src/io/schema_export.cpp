// Two visitors of the format description (model/schema.hpp): SchemaBuilder writes JSON Schema,
// DocTable one Markdown table per object. Neither looks at values: they walk default-constructed
// structs.
//
// [SECTION] Words shared by both
// [SECTION] JSON Schema (draft 2020-12)
// [SECTION] Markdown document
#include "io/schema_export.hpp"

#include <functional>

#include "io/field_messages.hpp"
#include "model/schema.hpp"
#include "rules/catalogue_format.hpp"

namespace cpts {

// ---------------------------------------------------------------------------------------------
// [SECTION] Words shared by both
// ---------------------------------------------------------------------------------------------

namespace {

constexpr const char* kDatePattern = "^([0-9]{4}-[0-9]{2}-[0-9]{2})?$";
constexpr const char* kIdPattern = "^[^\\u0000-\\u001f]*$";
constexpr const char* kFingerprintPattern = "^[0-9a-f]{16}$";

std::string reference_text(const char* ref) {
  std::string r = ref;
  if (r == "mission") return "mission du catalogue du projet (`contract.catalogue`)";
  if (r == "catalogue") return "identifiant d’un catalogue ACI intégré";
  return "`" + r + "[].id`";
}

// `word`: an enumeration, whose "empty" is its first word (the default).
std::string describe(const Field& f, bool with_ref = true, bool word = false) {
  std::string d = f.doc;
  if (f.ref && with_ref) d += std::string(d.empty() ? "" : " ; ") + "référence : " + reference_text(f.ref);
  if (f.omit_empty)
    d += std::string(d.empty() ? "" : " ; ") + (word ? "écrit seulement s’il n’est pas le premier mot (la valeur par défaut)" : "écrit seulement s’il n’est pas vide");
  return d;
}

// ---------------------------------------------------------------------------------------------
// [SECTION] JSON Schema (draft 2020-12)
// ---------------------------------------------------------------------------------------------

class SchemaBuilder {
 public:
  template <class T>
  static OrderedJson object_schema(const T& x, const std::string& doc) {
    return build(doc, [&](SchemaBuilder& b) { fields(x, b); });
  }

  template <class T>
  void constant(const char* key, const T& value) {
    add(key, OrderedJson{{"const", value}}, {.required = true});
  }
  void text(const char* key, const std::string&, const Field& f) {
    OrderedJson s{{"type", "string"}};
    if (f.pattern) s["pattern"] = f.pattern;
    add(key, std::move(s), f);
  }
  void id(const char* key, const std::string&, const Field& f) {
    Field g = f;
    g.required = true;
    if (!*g.doc) g.doc = "identifiant unique dans la liste";
    add(key, OrderedJson{{"type", "string"}, {"minLength", 1}, {"maxLength", kMaxIdBytes}, {"pattern", kIdPattern}}, g);
  }
  void boolean(const char* key, bool, const Field& f) { add(key, OrderedJson{{"type", "boolean"}}, f); }
  template <class I>
  void integer(const char* key, I, const Field& f) { add(key, range<long long>("integer", f.min, f.max), f); }
  void calendar_year(const char* key, int, const Field& f) {
    OrderedJson s = range<long long>("integer", kMinCalendarYear, kMaxCalendarYear);
    if (f.zero_allowed) s = OrderedJson{{"type", "integer"}, {"anyOf", {OrderedJson{{"const", 0}}, s}}};
    add(key, std::move(s), f);
  }
  void contract_year(const char* key, int, const Field& f) { add(key, range<long long>("integer", f.min, kContractYears), f); }
  void cents(const char* key, Cents, const Field& f) { add(key, range<long long>("integer", f.min, kMaxProjectCents), f); }
  void number(const char* key, double, const Field& f) { add(key, range("number", -kMaxValue, kMaxValue), f); }
  void probability(const char* key, double, const Field& f) { add(key, range<double>("number", 0, 1), f); }
  void decimal(const char* key, double, const Field& f) { add(key, range<long long>("number", f.min, f.max), f); }
  void optional_number(const char* key, const std::optional<double>&, const Field& f) {
    OrderedJson s = range("number", -kMaxValue, kMaxValue);
    s["type"] = {"number", "null"};
    add(key, std::move(s), f);
  }
  void date(const char* key, const std::optional<Date>&, const Field& f) { date(key, Date{}, f); }
  void calendar_year(const char* key, const std::optional<int>&, const Field& f) { calendar_year(key, 0, f); }
  void date(const char* key, const Date&, const Field& f) {
    add(key, OrderedJson{{"type", "string"}, {"pattern", kDatePattern}}, f);
  }
  template <class E>
  void enumeration(const char* key, E, const Words& w, const Field& f) {
    OrderedJson words = OrderedJson::array();
    for (int i = 0; i < w.count; ++i) words.push_back(w.words[i]);
    add(key, OrderedJson{{"type", "string"}, {"enum", words}}, f, true);
  }
  void strings(const char* key, const std::vector<std::string>&, const Field& f) {
    add(key, OrderedJson{{"type", "array"}, {"maxItems", f.max_items}, {"items", {{"type", "string"}}}}, f);
  }
  template <class V>
  void year_map(const char* key, const std::map<int, V>&, const Field& f) {
    OrderedJson value = std::is_same_v<V, bool> ? OrderedJson{{"type", "boolean"}} : range("number", -kMaxValue, kMaxValue);
    OrderedJson props = OrderedJson::object();
    for (int y = 1; y <= kContractYears; ++y) props[std::to_string(y)] = value;
    add(key, OrderedJson{{"type", "object"}, {"properties", props}, {"additionalProperties", false}}, f);
  }
  void fingerprints(const char* key, const std::map<std::string, std::uint64_t>&, const Field& f) {
    add(key,
        OrderedJson{{"type", "object"},
                    {"maxProperties", f.max_items},
                    {"additionalProperties", {{"type", "string"}, {"pattern", kFingerprintPattern}}}},
        f);
  }
  // An embedded catalogue has the catalogue file's own schema (catalogue_json_schema, docs/format-catalogue.md).
  void catalogue(const char* key, const std::string&, const Field& f) {
    add(key, OrderedJson{{"type", "object"}, {"properties", {{"format", {{"const", catalogue_file::kFormat}}}}}, {"required", {"format"}}}, f);
  }
  // The variant's project is this very schema, without variants or group copy.
  void project(const char* key, const std::shared_ptr<const Project>&, const Field& f) {
    OrderedJson no_nesting{{"anyOf", {OrderedJson{{"required", {"variants"}}}, OrderedJson{{"required", {"group_copy"}}}}}};
    add(key, OrderedJson{{"$ref", "#"}, {"not", no_nesting}}, f);
  }
  template <class T>
  void object(const char* key, const T& x, const Field& f) {
    add(key, object_schema(x, ""), f);
  }
  template <class T>
  void list(const char* key, const std::vector<T>&, const Field& f) {
    add(key, OrderedJson{{"type", "array"}, {"maxItems", f.max_items}, {"items", object_schema(T{}, "")}}, f);
  }
  template <class F>
  void section(const char* key, const Field& f, F visit) {
    add(key, build("", visit), f);
  }

 private:
  OrderedJson properties_ = OrderedJson::object();
  OrderedJson required_ = OrderedJson::array();

  template <class F>
  static OrderedJson build(const std::string& doc, F visit) {
    SchemaBuilder b;
    visit(b);
    OrderedJson s{{"type", "object"}};
    if (!doc.empty()) s["description"] = doc;
    s["properties"] = std::move(b.properties_);
    if (!b.required_.empty()) s["required"] = std::move(b.required_);
    s["additionalProperties"] = false;
    return s;
  }
  template <class N>
  static OrderedJson range(const char* type, N min, N max) {
    return OrderedJson{{"type", type}, {"minimum", min}, {"maximum", max}};
  }
  void add(const char* key, OrderedJson s, const Field& f, bool word = false) {
    if (std::string d = describe(f, true, word); !d.empty()) s["description"] = d;
    properties_[key] = std::move(s);
    if (f.required) required_.push_back(key);
  }
};

}  // namespace

namespace {
template <class Root>
OrderedJson json_schema_of(const std::string& title, const std::string& doc) {
  OrderedJson s{{"$schema", "https://json-schema.org/draft/2020-12/schema"}, {"title", title}};
  OrderedJson body = SchemaBuilder::object_schema(Root{}, doc);
  for (auto& [k, v] : body.items()) s[k] = v;
  return s;
}
}  // namespace

OrderedJson project_json_schema() {
  return json_schema_of<Project>(std::string("Projet de santé de CPTS (") + kProjectFormat + ", version " +
                                     std::to_string(kProjectSchemaVersion) + ")",
                                 "Fichier projet du planificateur CPTS");
}

OrderedJson catalogue_json_schema() {
  return json_schema_of<catalogue_file::File>(std::string("Catalogue ACI (") + catalogue_file::kFormat + ", version " +
                                                  std::to_string(catalogue_file::kSchemaVersion) + ")",
                                              "Règles et montants d’une version de l’accord conventionnel interprofessionnel");
}

// ---------------------------------------------------------------------------------------------
// [SECTION] Markdown document
// ---------------------------------------------------------------------------------------------

namespace {

std::string cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string code(const std::string& s) { return "`" + s + "`"; }

// One table per object; the objects inside it get their own tables after it, titled by their
// path ("actions[].budget[]").
class DocTable {
 public:
  template <class F>
  static void write(const std::string& title, const std::string& doc, F visit, std::string& out) {
    DocTable t(title);
    visit(t);
    out += "\n## " + code(title) + "\n\n";
    if (!doc.empty()) out += doc + "\n\n";
    out += "| Clé | Type | Obligatoire | Limites, mots | Référence | Description |\n|---|---|---|---|---|---|\n";
    out += t.rows_;
    for (auto& child : t.children_) child(out);
  }

  template <class T>
  void constant(const char* key, const T& value) {
    row(key, "constante", {.required = true}, code(OrderedJson(value).dump()));
  }
  void text(const char* key, const std::string&, const Field& f) {
    row(key, "texte", f, f.pattern ? code(f.pattern) : "");
  }
  void id(const char* key, const std::string&, const Field& f) {
    Field g = f;
    g.required = true;
    row(key, "identifiant", g, "1 à " + std::to_string(kMaxIdBytes) + " octets sans caractère de contrôle, unique dans la liste");
  }
  void boolean(const char* key, bool, const Field& f) { row(key, "booléen", f, ""); }
  template <class I>
  void integer(const char* key, I, const Field& f) { row(key, "entier", f, fr_int(f.min) + " à " + fr_int(f.max)); }
  void calendar_year(const char* key, int, const Field& f) {
    row(key, "année civile", f, fr_int(kMinCalendarYear) + " à " + fr_int(kMaxCalendarYear) + (f.zero_allowed ? ", ou 0" : ""));
  }
  void contract_year(const char* key, int, const Field& f) {
    row(key, "année de contrat", f, fr_int(f.min) + " à " + fr_int(kContractYears));
  }
  void cents(const char* key, Cents, const Field& f) {
    row(key, "centimes (entier)", f, fr_int(f.min) + " à " + fr_int(kMaxProjectCents));
  }
  void number(const char* key, double, const Field& f) { row(key, "nombre", f, "-10^15 à 10^15"); }
  void probability(const char* key, double, const Field& f) { row(key, "nombre", f, "0 à 1"); }
  void decimal(const char* key, double, const Field& f) { row(key, "nombre", f, fr_int(f.min) + " à " + fr_int(f.max)); }
  void optional_number(const char* key, const std::optional<double>&, const Field& f) {
    row(key, "nombre ou null", f, "-10^15 à 10^15");
  }
  void date(const char* key, const std::optional<Date>&, const Field& f) { date(key, Date{}, f); }
  void calendar_year(const char* key, const std::optional<int>&, const Field& f) { calendar_year(key, 0, f); }
  void date(const char* key, const Date&, const Field& f) {
    row(key, "date", f, "« AAAA-MM-JJ » (1900 à 2200) ou « » (pas de date)");
  }
  template <class E>
  void enumeration(const char* key, E, const Words& w, const Field& f) {
    std::string words;
    for (int i = 0; i < w.count; ++i) words += (i ? ", " : "") + code(w.words[i]);
    row(key, "mot", f, words, true);
  }
  void strings(const char* key, const std::vector<std::string>&, const Field& f) {
    row(key, "liste de textes", f, "au plus " + fr_int(static_cast<long long>(f.max_items)));
  }
  template <class V>
  void year_map(const char* key, const std::map<int, V>&, const Field& f) {
    row(key, std::is_same_v<V, bool> ? "objet année → booléen" : "objet année → nombre", f,
        "clés `\"1\"` à `\"5\"` (années de contrat)");
  }
  void fingerprints(const char* key, const std::map<std::string, std::uint64_t>&, const Field& f) {
    row(key, "objet clé → empreinte", f, "au plus " + fr_int(static_cast<long long>(f.max_items)) + ", empreintes " + code(kFingerprintPattern));
  }
  void project(const char* key, const std::shared_ptr<const Project>&, const Field& f) {
    row(key, "projet", f, "même format que le fichier (racine)");
  }
  void catalogue(const char* key, const std::string&, const Field& f) {
    row(key, "catalogue", f, "même format qu’un fichier catalogue (docs/format-catalogue.md)");
  }
  template <class T>
  void object(const char* key, const T& x, const Field& f) {
    std::string title = path(key);
    row(key, "objet", f, "voir " + code(title));
    children_.push_back([title, &x](std::string& out) { write(title, "", [&](DocTable& t) { fields(x, t); }, out); });
  }
  template <class T>
  void list(const char* key, const std::vector<T>&, const Field& f) {
    std::string title = path(key) + "[]";
    row(key, "liste d’objets", f, "au plus " + fr_int(static_cast<long long>(f.max_items)) + ", voir " + code(title));
    children_.push_back([title](std::string& out) {
      T x{};
      write(title, "", [&](DocTable& t) { fields(x, t); }, out);
    });
  }
  template <class F>
  void section(const char* key, const Field& f, F visit) {
    std::string title = path(key);
    row(key, "objet", f, "voir " + code(title));
    children_.push_back([title, visit](std::string& out) { write(title, "", visit, out); });
  }

 private:
  explicit DocTable(std::string title) : title_(std::move(title)) {}
  std::string title_, rows_;
  std::vector<std::function<void(std::string&)>> children_;

  std::string path(const char* key) const { return title_ == "$" ? std::string(key) : title_ + "." + key; }
  void row(const char* key, const std::string& type, const Field& f, const std::string& limits, bool word = false) {
    rows_ += "| " + code(key) + " | " + type + " | " + (f.required ? "oui" : "non") + " | " + cell(limits) + " | " +
             (f.ref ? cell(reference_text(f.ref)) : "") + " | " + cell(describe(f, false, word)) + " |\n";
  }
};

}  // namespace

std::string project_format_markdown() {
  std::string out =
      "<!-- Généré par `cpts-cli schema projet --markdown` depuis src/model/schema.hpp : ne pas modifier à la main,\n"
      "     lancer scripts/gen_docs.sh. -->\n"
      "# Format du fichier projet (`" + std::string(kProjectFormat) + "`, version " +
      std::to_string(kProjectSchemaVersion) + ")\n\n"
      "Un objet JSON (UTF-8). Les clés sont écrites dans l’ordre des tableaux ci-dessous ; toute autre clé est refusée. "
      "Un champ facultatif absent ou `null` garde sa valeur par défaut. Les montants sont des centimes entiers, les "
      "dates « AAAA-MM-JJ » (« » = pas de date), les années de contrat vont de 1 à 5.\n\n"
      "Règles entre objets (vérifiées après la lecture, src/rules/project_rules.cpp) : identifiants uniques dans "
      "chaque liste ; `indicators[].action` désigne une fiche-action ; `finance.member_payments[].professional` un "
      "professionnel ; les missions (`missions[]`, `actions[]`, `candidates[]`, `overrides[]`) appartiennent au "
      "catalogue du contrat, une seule fois dans `missions[]` ; une surcharge par composante, mission et année, "
      "avec une mission pour une composante de mission seulement ; une taille imposée a une justification ; "
      "communes INSEE uniques et population totale d’au plus " + fr_int(kMaxPopulation) + ".\n\n"
      "Le schéma JSON (draft 2020-12) du même format : `cpts-cli schema projet`.\n";
  Project p;
  DocTable::write("$", "La racine du fichier.", [&](DocTable& t) { fields(p, t); }, out);
  return out;
}

std::string catalogue_format_markdown() {
  std::string out =
      "<!-- Généré par `cpts-cli schema catalogue --markdown` depuis src/rules/catalogue_format.hpp : ne pas "
      "modifier à la main,\n     lancer scripts/gen_docs.sh. -->\n"
      "# Format du catalogue ACI (`" + std::string(catalogue_file::kFormat) + "`, version " +
      std::to_string(catalogue_file::kSchemaVersion) + ")\n\n"
      "Un fichier par version de l’accord (shared/catalogues/). Chaque montant porte sa provenance et sa source. "
      "Le lecteur (src/rules/catalogue.cpp) vérifie en plus : identifiants de mission uniques ; une mission socle a "
      "`start_months` > 0 et `deployed_months` ≥ `start_months` ; seuils de taille croissants ; la mission d’un "
      "montant existe pour une composante de mission et est absente sinon.\n\n"
      "Modes de versement (format 2, `payment` de chaque montant) : `variable` pour la part variable et elle seule ; "
      "`prorated` pour une composante de mission ; `yearly` et `lump_sum` pour une composante du contrat ; "
      "`lump_sum` sur `date` donne la date. Une mission est dans un seul plafond commun (`shared_ceilings`), qui "
      "en compte au moins deux : chaque mission gagne au plus sa propre part variable (ou le plafond commun si le "
      "catalogue ne lui en donne pas), puis le plafond s’applique à leur somme, dans l’ordre des missions du "
      "catalogue. Un fichier de version 1 (sans `payment`) reste lu : chaque composante y est versée comme le "
      "prévoit l’ACI (fonctionnement annuel, l’année 1 à la signature ; parts fixes et SNP au prorata ; plan de "
      "crise la première année, mise à jour ensuite ; activation sur crise ; lettre d’intention ; complément de "
      "l’avenant 2 selon `avenant2_topup`). Un catalogue importé est intégré au projet qui l’utilise "
      "(`embedded_catalogue`, docs/format-projet.md).\n\n"
      "Le schéma JSON (draft 2020-12) du même format : `cpts-cli schema catalogue`.\n";
  catalogue_file::File c;
  DocTable::write("$", "La racine du fichier.", [&](DocTable& t) { fields(c, t); }, out);
  return out;
}

}  // namespace cpts
