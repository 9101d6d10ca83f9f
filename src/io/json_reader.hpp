// Strict, exception-free reading of JSON documents: parse with limits, then typed getters that
// record French errors with their JSON path ("$.territory.communes[3].population") instead of
// throwing. Shared by the project, catalogue and library loaders.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/civil_date.hpp"
#include "model/money.hpp"

namespace cpts {

using Json = nlohmann::json;
using OrderedJson = nlohmann::ordered_json;

// Documented limits (README, "Limites"): a file larger or deeper than this is refused before parsing.
constexpr std::size_t kMaxFileBytes = 20 * 1024 * 1024;
constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxStringBytes = 100000;  // one text field (a long objective or notes)

struct JsonError {
  std::string path;     // "$.a.b[2]" or "ligne 3, colonne 14" for syntax errors
  std::string message;  // French, says what was expected
};

// Parses `text` (UTF-8) with the limits above; never throws. On failure returns nullopt and one error
// that gives the line and column.
std::optional<Json> parse_json_limited(std::string_view text, JsonError& error);

// Serialises with 2-space indentation and a final newline; invalid UTF-8 is replaced, never thrown.
std::string dump_canonical(const OrderedJson& j);

class JsonReader {
 public:
  std::vector<JsonError> errors;

  void error(const std::string& path, const std::string& message);
  bool ok() const { return errors.empty(); }

  // Object checks: `expected` lists the allowed keys; any other key is an error ("clé inconnue").
  bool object(const Json& j, const std::string& path, std::initializer_list<const char*> allowed);
  bool array(const Json& j, const std::string& path, std::size_t max_items);

  // Field getters: `required` fields missing are errors; optional ones keep `out` unchanged.
  void str(const Json& obj, const char* key, const std::string& path, std::string& out, bool required = false);
  void boolean(const Json& obj, const char* key, const std::string& path, bool& out, bool required = false);
  void integer(const Json& obj, const char* key, const std::string& path, long long& out, long long min, long long max,
               bool required = false);
  void integer(const Json& obj, const char* key, const std::string& path, int& out, int min, int max, bool required = false);
  void number(const Json& obj, const char* key, const std::string& path, double& out, double min, double max,
              bool required = false);
  void optional_number(const Json& obj, const char* key, const std::string& path, std::optional<double>& out, double min,
                       double max);
  void cents(const Json& obj, const char* key, const std::string& path, Cents& out, Cents min, Cents max,
             bool required = false);
  void date(const Json& obj, const char* key, const std::string& path, Date& out, bool required = false);

  static std::string key_path(const std::string& path, const char* key) { return path + "." + key; }
  static std::string index_path(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }
};

// "« valeur »" of a JSON value for error messages, shortened.
std::string describe_value(const Json& j);

}  // namespace cpts
