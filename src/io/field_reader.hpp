// The generic reading visitor of a format description (model/schema.hpp, rules/catalogue_format.hpp):
// both the project reader (io/project_json.cpp) and the catalogue reader (rules/catalogue.cpp) turn
// a parsed JSON object into their file structs with it, so allowed keys, types and limits come from
// the one description and messages (io/field_messages.hpp) are the same for both formats.
#pragma once
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "io/field_messages.hpp"
#include "io/json_reader.hpp"
#include "io/project_json.hpp"
#include "model/schema.hpp"
#include "rules/catalogue.hpp"

namespace cpts::field_io {

// The names a description lists: the allowed keys of an object (asked only when an object has a
// key the reader did not use, so the common case costs nothing).
struct KeyNames {
  std::vector<const char*> names;
  template <class T> void constant(const char* k, const T&) { names.push_back(k); }
  template <class T> void text(const char* k, const T&, const Field&) { names.push_back(k); }
  template <class T> void id(const char* k, const T&, const Field&) { names.push_back(k); }
  template <class T> void boolean(const char* k, const T&, const Field&) { names.push_back(k); }
  template <class T> void integer(const char* k, const T&, const Field&) { names.push_back(k); }
  template <class T> void calendar_year(const char* k, const T&, const Field&) { names.push_back(k); }
  template <class T> void contract_year(const char* k, const T&, const Field&) { names.push_back(k); }
  template <class T> void cents(const char* k, const T&, const Field&) { names.push_back(k); }
  template <class T> void number(const char* k, const T&, const Field&) { names.push_back(k); }
  template <class T> void probability(const char* k, const T&, const Field&) { names.push_back(k); }
  template <class T> void decimal(const char* k, const T&, const Field&) { names.push_back(k); }
  template <class T> void optional_number(const char* k, const T&, const Field&) { names.push_back(k); }
  template <class T> void date(const char* k, const T&, const Field&) { names.push_back(k); }
  template <class T> void enumeration(const char* k, const T&, const Words&, const Field&) { names.push_back(k); }
  template <class T> void strings(const char* k, const T&, const Field&) { names.push_back(k); }
  template <class T> void year_map(const char* k, const T&, const Field&) { names.push_back(k); }
  template <class T> void fingerprints(const char* k, const T&, const Field&) { names.push_back(k); }
  template <class T> void project(const char* k, const T&, const Field&) { names.push_back(k); }
  template <class T> void catalogue(const char* k, const T&, const Field&) { names.push_back(k); }
  template <class T> void object(const char* k, const T&, const Field&) { names.push_back(k); }
  template <class T> void list(const char* k, const T&, const Field&) { names.push_back(k); }
  template <class F> void section(const char* k, const Field&, F) { names.push_back(k); }
};

// Reads the fields of one JSON object into a struct: each described key is looked up once, its
// type and limits checked (messages in io/field_messages.hpp); keys no description names are
// "clé inconnue". Missing optional fields keep the struct's default.
class FieldReader {
 public:
  FieldReader(JsonReader& r, const Json& o, const std::string& path) : r_(r), o_(o), path_(path) {}

  // Reads `j` (expected to be an object) into `out`; false when `j` is not an object.
  template <class T>
  static bool read(JsonReader& r, const Json& j, const std::string& path, T& out) {
    return read_with(r, j, path, [&](auto& v) { fields(out, v); });
  }

  template <class T>
  void constant(const char* key, const T&) { get(key); }  // checked by load_project before reading
  void text(const char* key, std::string& out, const Field& f) {
    const Json* v = need(key, f, "");
    if (!v) return;
    if (!v->is_string()) return fail(key, "texte attendu", *v);
    out = v->get_ref<const std::string&>();
    if (f.format && !out.empty() && !f.format(out))
      r_.error(kp(key), std::string(f.format_expected) + ", trouvé « " + out + " »");
  }
  void id(const char* key, std::string& out, const Field&) {
    const Json* v = need(key, {.required = true}, " (identifiant)");
    if (!v) return;
    if (!v->is_string() || !valid_id(v->get_ref<const std::string&>())) return fail(key, expected_id(), *v);
    out = v->get_ref<const std::string&>();
  }
  void boolean(const char* key, bool& out, const Field& f) {
    const Json* v = need(key, f, "");
    if (!v) return;
    if (!v->is_boolean()) return fail(key, "true ou false attendu", *v);
    out = v->get<bool>();
  }
  template <class I>
  void integer(const char* key, I& out, const Field& f) {
    if (const Json* v = need(key, f, "")) whole(key, *v, f.min, f.max, [&] { return expected_integer(f.min, f.max); }, out);
  }
  void calendar_year(const char* key, int& out, const Field& f) {
    const Json* v = need(key, f, " (année civile)");
    if (!v) return;
    if (f.zero_allowed && v->is_number_integer() && v->get<long long>() == 0) {  // 0 = year unknown
      out = 0;
      return;
    }
    whole(key, *v, kMinCalendarYear, kMaxCalendarYear, [] { return expected_integer(kMinCalendarYear, kMaxCalendarYear); }, out);
  }
  void contract_year(const char* key, int& out, const Field& f) {
    if (const Json* v = need(key, f, "")) whole(key, *v, f.min, kContractYears, [&] { return expected_integer(f.min, kContractYears); }, out);
  }
  void cents(const char* key, Cents& out, const Field& f) {
    if (const Json* v = need(key, f, " (montant en centimes)")) whole(key, *v, f.min, kMaxProjectCents, [&] { return expected_cents(f.min); }, out);
  }
  void number(const char* key, double& out, const Field& f) {
    if (const Json* v = need(key, f, " (nombre)")) real(key, *v, -kMaxValue, kMaxValue, out);
  }
  void probability(const char* key, double& out, const Field& f) {
    if (const Json* v = need(key, f, " (nombre)")) real(key, *v, 0, 1, out);
  }
  // Euros of a catalogue: a number within [f.min, f.max] with at most 2 decimals (whole cents).
  void decimal(const char* key, double& out, const Field& f) {
    const Json* v = need(key, f, " (montant en euros)");
    if (!v || !real(key, *v, static_cast<double>(f.min), static_cast<double>(f.max), out)) return;
    if (std::fabs(std::round(out * 100) - out * 100) > 1e-6) r_.error(kp(key), "montant avec au plus 2 décimales attendu");
  }
  void optional_number(const char* key, std::optional<double>& out, const Field& f) {
    double x = 0;
    if (const Json* v = need(key, f, " (nombre)"); v && real(key, *v, -kMaxValue, kMaxValue, x)) out = x;
  }
  void date(const char* key, Date& out, const Field& f) {
    const Json* v = need(key, f, "");
    if (!v) return;
    if (!v->is_string()) return fail(key, "date AAAA-MM-JJ attendue", *v);
    const std::string& s = v->get_ref<const std::string&>();
    if (s.empty()) {
      out = Date{};
      return;
    }
    if (auto d = parse_iso(s)) out = *d;
    else fail(key, expected_date(), *v);
  }
  // Optional fields (issue #19): absent (or "" for a date) = unset.
  void date(const char* key, std::optional<Date>& out, const Field& f) {
    Date d;
    if (!present(key)) { get(key); return; }  // null: counted as used, left unset
    date(key, d, f);
    out = d.empty() ? std::nullopt : std::optional<Date>(d);
  }
  void calendar_year(const char* key, std::optional<int>& out, const Field& f) {
    if (!present(key)) { get(key); return; }  // null: counted as used, left unset
    int y = 0;
    calendar_year(key, y, f);
    if (y != 0) out = y;
  }
  template <class E>
  void enumeration(const char* key, E& out, const Words& w, const Field& f) {
    const Json* v = need(key, f, "");
    if (!v) return;
    if (v->is_string()) {
      const std::string& s = v->get_ref<const std::string&>();
      for (int i = 0; i < w.count; ++i)
        if (s == w.words[i]) {
          out = static_cast<E>(i);
          return;
        }
      if (w.noun)  // long lists of words (catalogue words) quote the text alone, as the catalogue does
        return r_.error(kp(key), expected_words(w) + ", trouvé « " + s + " »");
    }
    fail(key, expected_words(w), *v);
  }
  void strings(const char* key, std::vector<std::string>& out, const Field& f) {
    const Json* v = need(key, f, "");
    if (!v || !r_.array(*v, kp(key), f.max_items)) return;
    std::string lp = kp(key);
    for (std::size_t i = 0; i < v->size(); ++i) {
      const Json& s = (*v)[i];
      if (s.is_string()) out.push_back(s.get_ref<const std::string&>());
      else r_.error(JsonReader::index_path(lp, i), "texte attendu, trouvé " + describe_value(s));
    }
  }
  // {"1": 12.5, "3": 14}: contract years 1..5.
  template <class V>
  void year_map(const char* key, std::map<int, V>& out, const Field& f) {
    const Json* v = need(key, f, "");
    if (!v) return;
    std::string yp = kp(key);
    if (!r_.object(*v, yp, {"1", "2", "3", "4", "5"})) return;
    FieldReader years(r_, *v, yp);
    for (int y = 1; y <= kContractYears; ++y) {
      std::string k = std::to_string(y);
      if (!v->contains(k)) continue;
      V x{};
      std::size_t before = r_.errors.size();
      if constexpr (std::is_same_v<V, bool>) years.boolean(k.c_str(), x, {.required = true});
      else years.number(k.c_str(), x, {.required = true});
      if (r_.errors.size() == before) out[y] = x;
    }
  }
  void fingerprints(const char* key, std::map<std::string, std::uint64_t>& out, const Field& f) {
    const Json* base = need(key, f, "");
    if (!base) return;
    if (!base->is_object()) return fail(key, "objet JSON { … } attendu", *base);
    if (base->size() > f.max_items) return r_.error(kp(key), too_many_items(base->size(), f.max_items));
    for (auto it = base->begin(); it != base->end(); ++it) {
      const std::string& h = it.value().is_string() ? it.value().get_ref<const std::string&>() : std::string();
      if (h.size() != 16 || h.find_first_not_of("0123456789abcdef") != std::string::npos) {
        r_.error(kp(key) + "." + it.key(), "empreinte hexadécimale de 16 caractères attendue");
        continue;
      }
      out[it.key()] = std::strtoull(h.c_str(), nullptr, 16);
    }
  }
  // A variant is a whole project: read with the same rules (load_project), errors placed under its path.
  void project(const char* key, std::shared_ptr<const Project>& out, const Field& f) {
    const Json* pj = need(key, f, "");
    if (!pj) return;
    std::string path = kp(key);
    if (pj->is_object() && (pj->contains("variants") || pj->contains("group_copy")))
      return r_.error(path, "une variante ne contient ni variantes ni copie de groupe");
    ProjectLoad inner = load_project(pj->dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace));
    for (const JsonError& e : inner.errors)
      r_.error(e.path.rfind("$", 0) == 0 ? path + e.path.substr(1) : path + " (" + e.path + ")", e.message);
    if (inner.project) out = std::make_shared<const Project>(std::move(*inner.project));
  }
  // A catalogue embedded in a project (issue #17): read with the catalogue's own rules
  // (load_catalogue), errors placed under its path, then registered for the process so that the
  // project's rules and figures find it (rules/catalogue.hpp).
  void catalogue(const char* key, std::string& out, const Field& f) {
    const Json* cj = need(key, f, "");
    if (!cj) return;
    std::string path = kp(key);
    std::vector<CatalogueError> errors;
    auto cat = load_catalogue(cj->dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace), errors);
    for (const CatalogueError& e : errors)
      r_.error(e.path.rfind("$", 0) == 0 ? path + e.path.substr(1) : path + " (" + e.path + ")", e.message);
    if (!cat) return;
    std::string text = cat->file_text, why;
    if (!register_catalogue(std::move(*cat), &why)) return r_.error(path + ".id", why);
    out = std::move(text);
  }
  template <class T>
  void object(const char* key, T& out, const Field& f) {
    const Json* v = get(key);
    if (!v) {
      if (f.required) r_.error(kp(key), "section obligatoire manquante");
      return;
    }
    read(r_, *v, kp(key), out);
  }
  template <class T>
  void list(const char* key, std::vector<T>& out, const Field& f) {
    const Json* v = need(key, f, "");
    if (!v || !r_.array(*v, kp(key), f.max_items)) return;
    out.reserve(v->size());
    std::string lp = kp(key);
    for (std::size_t i = 0; i < v->size(); ++i) {
      T x;
      if (read(r_, (*v)[i], JsonReader::index_path(lp, i), x)) out.push_back(std::move(x));
    }
  }
  template <class F>
  void section(const char* key, const Field& f, F visit) {
    if (const Json* v = need(key, f, "")) read_with(r_, *v, kp(key), visit);
  }

 private:
  JsonReader& r_;
  const Json& o_;
  const std::string& path_;
  std::size_t used_ = 0;  // keys of o_ that the description names

  template <class F>
  static bool read_with(JsonReader& r, const Json& j, const std::string& path, F visit) {
    if (!j.is_object()) {
      r.error(path, "objet JSON { … } attendu, trouvé " + describe_value(j));
      return false;
    }
    FieldReader reader(r, j, path);
    visit(reader);
    if (reader.used_ < j.size()) {  // some key is not described: name it
      KeyNames known;
      visit(known);
      for (auto it = j.begin(); it != j.end(); ++it) {
        bool found = false;
        for (const char* k : known.names) found = found || it.key() == k;
        if (!found) r.error(JsonReader::key_path(path, it.key().c_str()), "clé inconnue « " + it.key() + " »");
      }
    }
    return true;
  }

  std::string kp(const char* key) const { return JsonReader::key_path(path_, key); }
  bool present(const char* key) const {  // without counting the key as used
    auto it = o_.find(key);
    return it != o_.end() && !it->is_null();
  }
  const Json* get(const char* key) {
    auto it = o_.find(key);
    if (it == o_.end()) return nullptr;
    ++used_;
    return it->is_null() ? nullptr : &*it;
  }
  // Null counts as absent (optional fields keep their default).
  const Json* need(const char* key, const Field& f, const char* what) {
    const Json* v = get(key);
    if (!v && f.required) r_.error(kp(key), std::string("champ obligatoire manquant") + what);
    return v;
  }
  void fail(const char* key, const std::string& expected, const Json& v) {
    r_.error(kp(key), expected + ", trouvé " + describe_value(v));
  }
  // JSON integer (not 5.0, not "5") within [min, max].
  template <class Expected, class I>
  void whole(const char* key, const Json& v, long long min, long long max, Expected expected, I& out) {
    bool ok = v.is_number_integer() &&
              !(v.is_number_unsigned() && v.get<unsigned long long>() > static_cast<unsigned long long>(LLONG_MAX));
    long long x = ok ? v.get<long long>() : 0;
    if (!ok || x < min || x > max) return fail(key, expected(), v);
    out = static_cast<I>(x);
  }
  // A finite number within [min, max]; returns whether `out` was set.
  bool real(const char* key, const Json& v, double min, double max, double& out) {
    double x = v.is_number() ? v.get<double>() : 0;
    if (!v.is_number() || !std::isfinite(x) || x < min || x > max) {
      fail(key, expected_number(min, max), v);
      return false;
    }
    out = x;
    return true;
  }
};

}  // namespace cpts::field_io
