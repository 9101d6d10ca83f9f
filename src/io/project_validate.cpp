// validate_project: the reader's field rules (model/schema.hpp) and the rules across objects
// (rules/project_rules.hpp) applied to a Project in memory, with the messages and JSON paths a
// save + load would give, without writing or parsing anything. Paths are built only for an error:
// the walk keeps a chain of (key, index) links on the stack. Also the sliced validation of the
// autosave (io/project_sliced_validator.hpp), which applies the same visitor a list element at a time.
#include <algorithm>
#include <chrono>
#include <cmath>

#include "io/project_sliced_validator.hpp"

#include "io/field_messages.hpp"
#include "io/project_json.hpp"
#include "rules/catalogue.hpp"
#include "rules/project_rules.hpp"

namespace cpts {

namespace {

struct PathLink {
  const PathLink* parent;
  const char* key;       // nullptr: a list index
  std::size_t index;
};

class FieldValidator {
 public:
  FieldValidator(std::vector<JsonError>& errors, const std::string& root, const PathLink* at)
      : errors_(errors), root_(root), at_(at) {}

  template <class T>
  void constant(const char*, const T&) {}
  void text(const char* key, const std::string& s, const Field& f) {
    if (s.size() > kMaxTextBytes)
      error(key, "texte d’au plus " + fr_int(kMaxTextBytes) + " octets attendu, trouvé " + fr_int(s.size()) + " octets");
    else if (f.format && !s.empty() && !f.format(s))
      error(key, std::string(f.format_expected) + ", trouvé « " + s + " »");
  }
  void id(const char* key, const std::string& s, const Field&) {
    if (!valid_id(s)) error(key, expected_id() + ", trouvé " + describe_value(Json(s)));
  }
  void boolean(const char*, bool, const Field&) {}
  template <class I>
  void integer(const char* key, I x, const Field& f) {
    if (x < f.min || x > f.max) error(key, expected_integer(f.min, f.max) + found(Json(x)));
  }
  void calendar_year(const char* key, int x, const Field& f) {
    if ((x < kMinCalendarYear || x > kMaxCalendarYear) && !(f.zero_allowed && x == 0))
      error(key, expected_integer(kMinCalendarYear, kMaxCalendarYear) + found(Json(x)));
  }
  void contract_year(const char* key, int x, const Field& f) {
    if (x < f.min || x > kContractYears) error(key, expected_integer(f.min, kContractYears) + found(Json(x)));
  }
  void cents(const char* key, Cents x, const Field& f) {
    if (x < f.min || x > kMaxProjectCents) error(key, expected_cents(f.min) + found(Json(x)));
  }
  void number(const char* key, double x, const Field&) { real(key, x, -kMaxValue, kMaxValue); }
  void probability(const char* key, double x, const Field&) { real(key, x, 0, 1); }
  void optional_number(const char* key, const std::optional<double>& x, const Field&) {
    if (x) real(key, *x, -kMaxValue, kMaxValue);
  }
  void date(const char* key, const Date& d, const Field&) {
    if (!d.empty() && !d.valid()) error(key, std::string(expected_date()) + found(Json(to_iso(d))));
  }
  void date(const char* key, const std::optional<Date>& d, const Field& f) {
    if (d) date(key, *d, f);
  }
  void calendar_year(const char* key, const std::optional<int>& x, const Field& f) {
    if (x) calendar_year(key, *x, f);
  }
  template <class E>
  void enumeration(const char* key, E e, const Words& w, const Field&) {
    int i = static_cast<int>(e);
    if (i < 0 || i >= w.count) error(key, expected_words(w) + found(Json(i)));
  }
  void strings(const char* key, const std::vector<std::string>& v, const Field& f) {
    if (v.size() > f.max_items) return error(key, too_many_items(v.size(), f.max_items));
    PathLink list{at_, key, 0};
    for (std::size_t i = 0; i < v.size(); ++i)
      if (v[i].size() > kMaxTextBytes) {
        PathLink item{&list, nullptr, i};
        FieldValidator(errors_, root_, &item).text(nullptr, v[i], {});
      }
  }
  template <class V>
  void year_map(const char* key, const std::map<int, V>& m, const Field&) {
    PathLink map{at_, key, 0};
    FieldValidator years(errors_, root_, &map);
    for (const auto& [year, value] : m) {
      std::string k = std::to_string(year);
      if (year < 1 || year > kContractYears) years.error(k.c_str(), "clé inconnue « " + k + " »");
      else if constexpr (!std::is_same_v<V, bool>) years.number(k.c_str(), value, {});
    }
  }
  void fingerprints(const char* key, const std::map<std::string, std::uint64_t>& m, const Field& f) {
    if (m.size() > f.max_items) error(key, too_many_items(m.size(), f.max_items));
  }
  void catalogue(const char* key, const std::string& text, const Field&) {
    if (text.empty()) return;
    std::vector<CatalogueError> errors;
    if (!load_catalogue(text, errors))
      error(key, "catalogue intégré illisible" + (errors.empty() ? std::string() : " : " + errors[0].path + " : " + errors[0].message));
  }
  void project(const char* key, const std::shared_ptr<const Project>& p, const Field&) {
    if (!p) return error(key, "champ obligatoire manquant");
    if (!p->variants.empty() || !is_empty(p->group_copy))
      return error(key, "une variante ne contient ni variantes ni copie de groupe");
    validate(*p, path(key), errors_);
  }
  template <class T>
  void object(const char* key, const T& x, const Field&) {
    PathLink link{at_, key, 0};
    FieldValidator inner(errors_, root_, &link);
    fields(x, inner);
  }
  template <class T>
  void list(const char* key, const std::vector<T>& v, const Field& f) {
    if (v.size() > f.max_items) return error(key, too_many_items(v.size(), f.max_items));
    PathLink list{at_, key, 0};
    for (std::size_t i = 0; i < v.size(); ++i) {
      PathLink item{&list, nullptr, i};
      FieldValidator inner(errors_, root_, &item);
      fields(v[i], inner);
    }
  }
  template <class F>
  void section(const char* key, const Field&, F visit) {
    PathLink link{at_, key, 0};
    FieldValidator inner(errors_, root_, &link);
    visit(inner);
  }

  // Field rules, then (when they pass, as load_project does) the rules across objects.
  static void validate(const Project& p, const std::string& root, std::vector<JsonError>& errors) {
    std::size_t before = errors.size();
    FieldValidator v(errors, root, nullptr);
    fields(p, v);
    if (errors.size() == before) check_project_rules(p, root, errors);
  }

 private:
  std::vector<JsonError>& errors_;
  const std::string& root_;
  const PathLink* at_;

  static std::string found(const Json& v) { return ", trouvé " + describe_value(v); }

  static void append(std::string& s, const PathLink* l) {
    if (!l) return;
    append(s, l->parent);
    if (l->key) s += std::string(".") + l->key;
    else s += "[" + std::to_string(l->index) + "]";
  }
  std::string path(const char* key) const {
    std::string s = root_;
    append(s, at_);
    if (key) s += std::string(".") + key;
    return s;
  }
  void error(const char* key, std::string message) {
    if (errors_.size() < 50) errors_.push_back({path(key), std::move(message)});  // as the reader
  }
  void real(const char* key, double x, double min, double max) {
    if (!std::isfinite(x) || x < min || x > max) error(key, expected_number(min, max) + found(Json(x)));
  }
};

}  // namespace

std::vector<JsonError> validate_project(const Project& p) {
  std::vector<JsonError> errors;
  FieldValidator::validate(p, "$", errors);
  return errors;
}

// ---- Sliced ---------------------------------------------------------------------------------------

struct SlicedProjectValidator::Link {
  PathLink link;
};
struct SlicedProjectValidator::Found {
  std::size_t order, element;
  JsonError error;
};

// Walks the description like FieldValidator does, but defers each list element to a unit of its
// own; the other fields are checked at once. Every field gets its place in the walk (`order`), so
// that errors found out of order are put back in the whole walk's order.
class SlicedValidatorCollector {
 public:
  SlicedValidatorCollector(SlicedProjectValidator& v, const PathLink* at) : v_(v), at_(at) {}

#define CPTS_CHECK_NOW(name)                                                          \
  template <class T>                                                                  \
  void name(const char* key, const T& x, const Field& f) {                            \
    std::vector<JsonError> errors;                                                    \
    FieldValidator(errors, v_.root_, at_).name(key, x, f);                            \
    v_.add_found(v_.order_++, 0, errors);                                             \
  }
  CPTS_CHECK_NOW(text)
  CPTS_CHECK_NOW(id)
  CPTS_CHECK_NOW(boolean)
  CPTS_CHECK_NOW(integer)
  CPTS_CHECK_NOW(calendar_year)
  CPTS_CHECK_NOW(contract_year)
  CPTS_CHECK_NOW(cents)
  CPTS_CHECK_NOW(number)
  CPTS_CHECK_NOW(probability)
  CPTS_CHECK_NOW(optional_number)
  CPTS_CHECK_NOW(date)
  CPTS_CHECK_NOW(strings)
  CPTS_CHECK_NOW(year_map)
  CPTS_CHECK_NOW(fingerprints)
  CPTS_CHECK_NOW(catalogue)
  CPTS_CHECK_NOW(project)
  template <class T>
  void constant(const char*, const T&) { ++v_.order_; }  // nothing to check
  template <class E>
  void enumeration(const char* key, E e, const Words& w, const Field& f) {
    std::vector<JsonError> errors;
    FieldValidator(errors, v_.root_, at_).enumeration(key, e, w, f);
    v_.add_found(v_.order_++, 0, errors);
  }
#undef CPTS_CHECK_NOW

  template <class T>
  void object(const char* key, const T& x, const Field&) {
    SlicedValidatorCollector inner(v_, link(key));
    fields(x, inner);
  }
  template <class F>
  void section(const char* key, const Field&, F visit) {
    SlicedValidatorCollector inner(v_, link(key));
    visit(inner);
  }
  template <class T>
  void list(const char* key, const std::vector<T>& v, const Field& f) {
    const std::size_t order = v_.order_++;
    if (v.size() > f.max_items || v.empty()) {  // "too many": reported without a walk, as FieldValidator does
      std::vector<JsonError> errors;
      FieldValidator(errors, v_.root_, at_).list(key, v, f);
      v_.add_found(order, 0, errors);
      return;
    }
    const PathLink* list = link(key);
    const std::string* root = &v_.root_;
    v_.units_.push_back({[list, root, &v](std::vector<JsonError>& errors, std::size_t i) {
                           PathLink item{list, nullptr, i};
                           FieldValidator inner(errors, *root, &item);
                           fields(v[i], inner);
                         },
                         v.size(), order});
  }

 private:
  const PathLink* link(const char* key) {
    v_.links_.push_back(std::make_unique<SlicedProjectValidator::Link>(SlicedProjectValidator::Link{PathLink{at_, key, 0}}));
    return &v_.links_.back()->link;
  }
  SlicedProjectValidator& v_;
  const PathLink* at_;
};

SlicedProjectValidator::SlicedProjectValidator(std::shared_ptr<const Project> snapshot) : snapshot_(std::move(snapshot)) {
  SlicedValidatorCollector c(*this, nullptr);
  fields(*snapshot_, c);
  // The rules across objects, once every field passed (as load_project and validate_project).
  units_.push_back({[this](std::vector<JsonError>& errors, std::size_t) {
                      if (found_.empty()) check_project_rules(*snapshot_, root_, errors);
                    },
                    1, order_++});
  if (units_.empty()) finish();
}

SlicedProjectValidator::~SlicedProjectValidator() = default;

void SlicedProjectValidator::add_found(std::size_t order, std::size_t element, std::vector<JsonError>& errors) {
  for (JsonError& e : errors) found_.push_back({order, element, std::move(e)});
}

bool SlicedProjectValidator::step(double budget_ms) {
  if (done()) return true;
  const auto t0 = std::chrono::steady_clock::now();
  const auto budget = std::chrono::duration<double, std::milli>(budget_ms);
  do {
    Unit& u = units_[next_];
    std::vector<JsonError> errors;
    u.check(errors, element_);
    add_found(u.order, element_, errors);
    if (++element_ >= u.count) {
      element_ = 0;
      ++next_;
    }
  } while (!done() && std::chrono::steady_clock::now() - t0 < budget);
  if (done()) finish();
  return done();
}

// The whole walk's order, and its limit of 50 errors (FieldValidator::error, as the reader).
void SlicedProjectValidator::finish() {
  std::stable_sort(found_.begin(), found_.end(), [](const Found& a, const Found& b) {
    return a.order != b.order ? a.order < b.order : a.element < b.element;
  });
  errors_.clear();
  for (Found& f : found_) {
    if (errors_.size() >= 50) break;
    errors_.push_back(std::move(f.error));
  }
}

}  // namespace cpts
