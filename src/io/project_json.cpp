// Project files: the format is described once in model/schema.hpp (docs/format-projet.md is
// generated from it); this file holds the strict reader, the version-1 migration and the entry
// points; the canonical writer's visitor is io/project_field_writer.hpp (shared with the sliced
// writer of the autosave, io/project_sliced_writer.hpp).
//
// [SECTION] Enum words
// [SECTION] Writing (canonical form)
// [SECTION] Reading
// [SECTION] Version 1 → 2
// [SECTION] Entry points
#include "io/project_json.hpp"

#include <climits>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "io/field_messages.hpp"
#include "io/field_reader.hpp"
#include "io/project_field_writer.hpp"
#include "rules/catalogue.hpp"
#include "rules/project_rules.hpp"

namespace cpts {

// ---------------------------------------------------------------------------------------------
// [SECTION] Enum words
// ---------------------------------------------------------------------------------------------

namespace {

constexpr std::size_t kMaxErrors = 50;      // as JsonReader: past 50 the user has enough to fix
constexpr std::size_t kMaxErrorTextBytes = 300;

}  // namespace

const char* to_word(Prorata v) { return kProrataWords.words[static_cast<int>(v)]; }
const char* to_word(ActionStatus v) { return kStatusWords.words[static_cast<int>(v)]; }
const char* to_word(IndicatorKind v) { return kKindWords.words[static_cast<int>(v)]; }
const char* to_word(Direction v) { return kDirectionWords.words[static_cast<int>(v)]; }
const char* to_word(Partial v) { return kPartialWords.words[static_cast<int>(v)]; }

// ---------------------------------------------------------------------------------------------
// [SECTION] Writing (canonical form)
// ---------------------------------------------------------------------------------------------

// The visitor is io/project_field_writer.hpp (shared with the sliced writer of the autosave).
OrderedJson project_to_json(const Project& p) { return field_io::FieldWriter::write(p); }

std::string save_project(const Project& p) { return dump_canonical(project_to_json(p)); }

// ---------------------------------------------------------------------------------------------
// [SECTION] Reading
// ---------------------------------------------------------------------------------------------

using field_io::FieldReader;

// ---------------------------------------------------------------------------------------------
// [SECTION] Version 1 → 2
// ---------------------------------------------------------------------------------------------

namespace {

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
  JsonReader reader;
  Project project;
  FieldReader::read(reader, j, "$", project);
  // Rules across objects once every field is readable: their paths index the lists as read.
  if (reader.errors.empty() && errors.empty()) check_project_rules(project, "$", reader.errors);
  for (JsonError& e : reader.errors) {
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
  if (out.errors.empty()) {
    if (!find_catalogue(project.contract.catalogue)) out.unknown_catalogue = project.contract.catalogue;
    out.project = std::move(project);
  }
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


}  // namespace cpts
