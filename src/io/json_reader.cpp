#include "io/json_reader.hpp"

#include <cmath>

namespace cpts {

namespace {

// Depth and size are checked on the raw text before nlohmann builds anything, so that a hostile
// file (10 000 nested arrays) costs one linear scan and no recursion.
bool check_depth(std::string_view text, JsonError& error) {
  int depth = 0;
  bool in_string = false, escaped = false;
  int line = 1, col = 0;
  for (char ch : text) {
    ++col;
    if (ch == '\n') { ++line; col = 0; }
    if (in_string) {
      if (escaped) escaped = false;
      else if (ch == '\\') escaped = true;
      else if (ch == '"') in_string = false;
      continue;
    }
    if (ch == '"') in_string = true;
    else if (ch == '{' || ch == '[') {
      if (++depth > kMaxDepth) {
        error = {"ligne " + std::to_string(line) + ", colonne " + std::to_string(col),
                 "imbrication trop profonde (plus de " + std::to_string(kMaxDepth) + " niveaux)"};
        return false;
      }
    } else if (ch == '}' || ch == ']') --depth;
  }
  return true;
}

// SAX handler that builds the DOM through nlohmann's own builder but keeps the position of a
// syntax error instead of throwing (exceptions are off in the web build).
struct LocatingSax {
  nlohmann::detail::json_sax_dom_parser<Json> dom;
  std::size_t error_pos = 0;
  std::string error_token;
  bool failed = false;
  explicit LocatingSax(Json& j) : dom(j, false) {}
  bool null() { return dom.null(); }
  bool boolean(bool v) { return dom.boolean(v); }
  bool number_integer(Json::number_integer_t v) { return dom.number_integer(v); }
  bool number_unsigned(Json::number_unsigned_t v) { return dom.number_unsigned(v); }
  bool number_float(Json::number_float_t v, const std::string& s) { return dom.number_float(v, s); }
  bool string(std::string& v) {
    if (v.size() > kMaxStringBytes) { failed = true; error_token = "texte trop long"; return false; }
    return dom.string(v);
  }
  bool binary(Json::binary_t& v) { return dom.binary(v); }
  // A key given twice in one object would silently keep the last value: refuse it instead.
  std::vector<std::vector<std::string>> keys_in_open_objects;
  bool start_object(std::size_t n) {
    keys_in_open_objects.emplace_back();
    return dom.start_object(n);
  }
  std::size_t keys_seen = 0;  // the duplicate is the keys_seen-th key of the text (locate_key)
  bool key(std::string& v) {
    ++keys_seen;
    auto& keys = keys_in_open_objects.back();
    for (const std::string& k : keys)
      if (k == v) {
        failed = true;
        error_token = "clé en double « " + v.substr(0, 60) + " »";
        return false;
      }
    if (keys.size() < 64) keys.push_back(v);  // objects of this format have few keys
    return dom.key(v);
  }
  bool end_object() {
    keys_in_open_objects.pop_back();
    return dom.end_object();
  }
  bool start_array(std::size_t n) { return dom.start_array(n); }
  bool end_array() { return dom.end_array(); }
  bool parse_error(std::size_t pos, const std::string& token, const nlohmann::detail::exception&) {
    failed = true;
    error_pos = pos;
    error_token = token;
    return false;
  }
};

// Where the n-th key of a well-formed prefix of `text` starts, and the JSON path of its object.
// nlohmann's SAX callbacks carry no position, so the key is found again by a light scan (done
// only once a duplicate was refused: no cost on good files).
struct KeyPlace {
  std::size_t pos = 0;
  std::string object_path = "$";
  bool found = false;
};
KeyPlace locate_key(std::string_view text, std::size_t n) {
  struct Frame {
    bool object;
    std::string component;  // ".key" or "[i]" naming this container in its parent
    std::string key;        // object: the last key read
    std::size_t index = 0;  // array: position of the current element
  };
  std::vector<Frame> stack;
  std::size_t keys = 0;
  auto path_of = [&]() {
    std::string p = "$";
    for (const Frame& f : stack) p += f.component;
    return p;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char ch = text[i];
    if (ch == '{' || ch == '[') {
      std::string component;
      if (!stack.empty()) component = stack.back().object ? "." + stack.back().key : "[" + std::to_string(stack.back().index) + "]";
      stack.push_back({ch == '{', component, {}, 0});
    } else if (ch == '}' || ch == ']') {
      if (!stack.empty()) stack.pop_back();
    } else if (ch == ',') {
      if (!stack.empty() && !stack.back().object) ++stack.back().index;
    } else if (ch == '"') {
      std::size_t start = i;
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
      std::size_t after = i + 1;
      while (after < text.size() && (text[after] == ' ' || text[after] == '\t' || text[after] == '\n' || text[after] == '\r')) ++after;
      if (after < text.size() && text[after] == ':' && !stack.empty() && stack.back().object) {
        std::string raw(text.substr(start + 1, i - start - 1));
        if (++keys == n) return {start, path_of(), true};
        stack.back().key = raw;
      }
    }
  }
  return {};
}

std::string line_col(std::string_view text, std::size_t pos) {
  int line = 1, col = 1;
  for (std::size_t i = 0; i < pos && i < text.size(); ++i) {
    if (text[i] == '\n') { ++line; col = 1; }
    else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++col;
  }
  return "ligne " + std::to_string(line) + ", colonne " + std::to_string(col);
}

}  // namespace

std::optional<Json> parse_json_limited(std::string_view text, JsonError& error) {
  if (text.size() > kMaxFileBytes) {
    error = {"$", "fichier trop volumineux (" + std::to_string(text.size() / (1024 * 1024)) + " Mo ; maximum " +
                      std::to_string(kMaxFileBytes / (1024 * 1024)) + " Mo)"};
    return std::nullopt;
  }
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
  if (!check_depth(text, error)) return std::nullopt;
  Json j;
  LocatingSax sax(j);
  bool ok = Json::sax_parse(text.begin(), text.end(), &sax, nlohmann::detail::input_format_t::json, true);
  if (!ok || sax.failed || j.is_discarded()) {
    if (sax.error_token == "texte trop long") {
      error = {"$", "un texte dépasse " + format_number_fr(kMaxStringBytes, 0) + " octets"};
    } else if (sax.error_token.rfind("clé en double", 0) == 0) {
      // Line and column of the second occurrence, and the object's JSON path (issue #13, item 7).
      KeyPlace at = locate_key(text, sax.keys_seen);
      if (at.found) error = {line_col(text, at.pos), sax.error_token + " dans un même objet (" + at.object_path + ")"};
      else error = {"$", sax.error_token + " dans un même objet"};
    } else {
      std::size_t pos = sax.error_pos ? sax.error_pos - 1 : 0;
      std::string what = text.empty() ? "fichier vide" : (pos + 1 >= text.size() ? "fichier tronqué ou incomplet" : "syntaxe JSON invalide");
      if (!sax.error_token.empty() && sax.error_token.size() < 40 && what == "syntaxe JSON invalide")
        what += " près de " + describe_value(Json(sax.error_token));  // describe_value repairs bad UTF-8
      error = {line_col(text, pos), what + " (ou texte non UTF-8)"};
    }
    return std::nullopt;
  }
  return j;
}

std::string dump_canonical(const OrderedJson& j) {
  return j.dump(2, ' ', false, nlohmann::detail::error_handler_t::replace) + "\n";
}

std::string describe_value(const Json& j) {
  std::string s = j.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace);
  if (s.size() > 40) {
    std::size_t cut = 37;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
    s = s.substr(0, cut) + "…";
  }
  return "« " + s + " »";
}

void JsonReader::error(const std::string& path, const std::string& message) {
  if (errors.size() < 50) errors.push_back({path, message});  // past 50 the user has enough to fix
}

bool JsonReader::object(const Json& j, const std::string& path, std::initializer_list<const char*> allowed) {
  if (!j.is_object()) {
    error(path, "objet JSON { … } attendu, trouvé " + describe_value(j));
    return false;
  }
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool known = false;
    for (const char* k : allowed) known = known || it.key() == k;
    if (!known) error(key_path(path, it.key().c_str()), "clé inconnue « " + it.key() + " »");
  }
  return true;
}

bool JsonReader::array(const Json& j, const std::string& path, std::size_t max_items) {
  if (!j.is_array()) {
    error(path, "liste JSON [ … ] attendue, trouvé " + describe_value(j));
    return false;
  }
  if (j.size() > max_items) {
    error(path, "trop d’éléments (" + std::to_string(j.size()) + " ; maximum " + std::to_string(max_items) + ")");
    return false;
  }
  return true;
}

namespace {
const Json* field(JsonReader& r, const Json& obj, const char* key, const std::string& path, bool required) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) r.error(JsonReader::key_path(path, key), "champ obligatoire manquant");
    return nullptr;
  }
  return &*it;
}
}  // namespace

void JsonReader::str(const Json& obj, const char* key, const std::string& path, std::string& out, bool required) {
  if (const Json* v = field(*this, obj, key, path, required)) {
    if (v->is_string()) out = v->get_ref<const std::string&>();
    else error(key_path(path, key), "texte attendu, trouvé " + describe_value(*v));
  }
}

void JsonReader::boolean(const Json& obj, const char* key, const std::string& path, bool& out, bool required) {
  if (const Json* v = field(*this, obj, key, path, required)) {
    if (v->is_boolean()) out = v->get<bool>();
    else error(key_path(path, key), "true ou false attendu, trouvé " + describe_value(*v));
  }
}

void JsonReader::integer(const Json& obj, const char* key, const std::string& path, long long& out, long long min,
                         long long max, bool required) {
  if (const Json* v = field(*this, obj, key, path, required)) {
    if (!v->is_number_integer()) {
      error(key_path(path, key), "nombre entier attendu, trouvé " + describe_value(*v));
      return;
    }
    if (v->is_number_unsigned() && v->get<unsigned long long>() > static_cast<unsigned long long>(max)) {
      error(key_path(path, key), "entier entre " + format_number_fr(static_cast<double>(min), 0) + " et " + format_number_fr(static_cast<double>(max), 0) + " attendu, trouvé " + describe_value(*v));
      return;
    }
    long long x = v->get<long long>();
    if (x < min || x > max) {
      error(key_path(path, key), "entier entre " + format_number_fr(static_cast<double>(min), 0) + " et " + format_number_fr(static_cast<double>(max), 0) + " attendu, trouvé " + describe_value(*v));
      return;
    }
    out = x;
  }
}

void JsonReader::integer(const Json& obj, const char* key, const std::string& path, int& out, int min, int max,
                         bool required) {
  long long x = out;
  integer(obj, key, path, x, min, max, required);
  out = static_cast<int>(x);
}

void JsonReader::number(const Json& obj, const char* key, const std::string& path, double& out, double min, double max,
                        bool required) {
  if (const Json* v = field(*this, obj, key, path, required)) {
    if (!v->is_number()) {
      error(key_path(path, key), "nombre attendu, trouvé " + describe_value(*v));
      return;
    }
    double x = v->get<double>();
    if (!std::isfinite(x) || x < min || x > max) {
      error(key_path(path, key), "nombre entre " + format_number_fr(min) + " et " + format_number_fr(max) + " attendu, trouvé " + describe_value(*v));
      return;
    }
    out = x;
  }
}

void JsonReader::optional_number(const Json& obj, const char* key, const std::string& path, std::optional<double>& out,
                                 double min, double max) {
  if (obj.contains(key) && !obj[key].is_null()) {
    double x = 0;
    std::size_t before = errors.size();
    number(obj, key, path, x, min, max, true);
    if (errors.size() == before) out = x;
  }
}

void JsonReader::cents(const Json& obj, const char* key, const std::string& path, Cents& out, Cents min, Cents max,
                       bool required) {
  long long x = out;
  integer(obj, key, path, x, min, max, required);
  out = x;
}

void JsonReader::date(const Json& obj, const char* key, const std::string& path, Date& out, bool required) {
  if (const Json* v = field(*this, obj, key, path, required)) {
    if (!v->is_string()) {
      error(key_path(path, key), "date AAAA-MM-JJ attendue, trouvé " + describe_value(*v));
      return;
    }
    const std::string& s = v->get_ref<const std::string&>();
    if (s.empty() && !required) { out = Date{}; return; }
    auto d = parse_iso(s);
    if (!d) error(key_path(path, key), "date AAAA-MM-JJ valide (années 1900 à 2200) attendue, trouvé " + describe_value(*v));
    else out = *d;
  }
}

}  // namespace cpts
