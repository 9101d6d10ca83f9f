// The canonical writer's visitor (model/schema.hpp's descriptions → OrderedJson), shared by the
// one-shot writer (save_project, io/project_json.cpp) and the resumable one that writes a large
// project a slice at a time (io/project_sliced_writer.hpp), so both write the same bytes.
#pragma once
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "io/json_reader.hpp"
#include "io/project_json.hpp"
#include "model/schema.hpp"

namespace cpts::field_io {

// Every described field is written, defaults included, so that the file describes itself and
// save → load → save is byte-identical; `omit_empty` fields only when they hold something.
class FieldWriter {
 public:
  explicit FieldWriter(OrderedJson& o) : o_(o) {}

  template <class T>
  void constant(const char* key, const T& value) { o_[key] = value; }
  void text(const char* key, const std::string& s, const Field& f) {
    if (!(f.omit_empty && s.empty())) o_[key] = s;
  }
  void id(const char* key, const std::string& s, const Field&) { o_[key] = s; }
  void boolean(const char* key, bool b, const Field&) { o_[key] = b; }
  template <class I>
  void integer(const char* key, I x, const Field&) { o_[key] = x; }
  void calendar_year(const char* key, int x, const Field&) { o_[key] = x; }
  void contract_year(const char* key, int x, const Field&) { o_[key] = x; }
  void cents(const char* key, Cents x, const Field&) { o_[key] = x; }
  void number(const char* key, double x, const Field&) { o_[key] = x; }
  void probability(const char* key, double x, const Field&) { o_[key] = x; }
  void optional_number(const char* key, const std::optional<double>& x, const Field&) {
    o_[key] = x ? OrderedJson(*x) : OrderedJson(nullptr);
  }
  void date(const char* key, const Date& d, const Field&) { o_[key] = to_iso(d); }
  // Optional fields (issue #19): absent when unset.
  void date(const char* key, const std::optional<Date>& d, const Field&) {
    if (d) o_[key] = to_iso(*d);
  }
  void calendar_year(const char* key, const std::optional<int>& x, const Field&) {
    if (x) o_[key] = *x;
  }
  template <class E>
  void enumeration(const char* key, E e, const Words& w, const Field& f) {
    if (!(f.omit_empty && static_cast<int>(e) == 0)) o_[key] = w.words[static_cast<int>(e)];  // omitted: the first word
  }
  void strings(const char* key, const std::vector<std::string>& v, const Field&) {
    OrderedJson a = OrderedJson::array();
    for (const std::string& s : v) a.push_back(s);
    o_[key] = std::move(a);
  }
  template <class V>
  void year_map(const char* key, const std::map<int, V>& m, const Field&) {
    OrderedJson o = OrderedJson::object();
    for (const auto& [year, value] : m) o[std::to_string(year)] = value;
    o_[key] = std::move(o);
  }
  void fingerprints(const char* key, const std::map<std::string, std::uint64_t>& m, const Field&) {
    OrderedJson o = OrderedJson::object();
    for (const auto& [k, fp] : m) {
      char hex[17];
      std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(fp));
      o[k] = hex;
    }
    o_[key] = std::move(o);
  }
  void project(const char* key, const std::shared_ptr<const Project>& p, const Field&) {
    o_[key] = p ? project_to_json(*p) : OrderedJson::object();
  }
  void catalogue(const char* key, const std::string& text, const Field& f) {
    if (f.omit_empty && text.empty()) return;
    o_[key] = OrderedJson::parse(text);  // the catalogue's own text, read and checked when it was imported
  }
  template <class T>
  void object(const char* key, const T& x, const Field& f) {
    if constexpr (requires { is_empty(x); })
      if (f.omit_empty && is_empty(x)) return;
    o_[key] = write(x);
  }
  template <class T>
  void list(const char* key, const std::vector<T>& v, const Field& f) {
    if (f.omit_empty && v.empty()) return;
    OrderedJson a = OrderedJson::array();
    for (const T& x : v) a.push_back(write(x));
    o_[key] = std::move(a);
  }
  template <class F>
  void section(const char* key, const Field&, F visit) {
    OrderedJson o = OrderedJson::object();
    FieldWriter w(o);
    visit(w);
    o_[key] = std::move(o);
  }

  template <class T>
  static OrderedJson write(const T& x) {
    OrderedJson o = OrderedJson::object();
    FieldWriter w(o);
    fields(x, w);
    return o;
  }

 private:
  OrderedJson& o_;
};


}  // namespace cpts::field_io
